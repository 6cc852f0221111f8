package story

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
)

// benchCompanies are the entities of the synthetic claims.
var benchCompanies = []string{"Alibaba", "Tencent", "Huawei", "Nvidia", "Boeing", "Tesla", "Amazon", "Meta"}

// benchActions are what the synthetic claims assert; each with a company
// makes one story, told in many documents with words added and left out.
var benchActions = []string{
	"the Commerce Department is reviewing the cloud business of %s over national security risks to customer data",
	"%s is weighing a sale of its overseas gaming unit to a consortium of investors",
	"regulators plan to fine %s for failing to disclose a data breach affecting millions of users",
	"%s has asked suppliers to cut prices of memory chips by a fifth next quarter",
	"the Justice Department is preparing an antitrust lawsuit against %s over its advertising business",
	"%s will close two factories in Europe and cut about 3,000 jobs by the end of the year",
}

var benchFillers = []string{"reportedly", "early", "sharply", "quietly", "again", "soon", "formally", "partly"}

// benchDocs makes n documents of claimsPer claims each, spread over a year.
func benchDocs(n, claimsPer int, seed uint64) []newsintel.Document {
	r := rand.New(rand.NewPCG(seed, seed))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]newsintel.Document, n)
	for i := range docs {
		co := benchCompanies[r.IntN(len(benchCompanies))]
		id := newsintel.EntityID(newsintel.EntityCompany, co)
		d := newsintel.Document{ID: fmt.Sprintf("bench%07d", i), Kind: newsintel.KindArticle, Source: "bench",
			Publisher: fmt.Sprintf("Outlet %d", r.IntN(40)), Title: co + " news", Revision: 1,
			Published: start.Add(time.Duration(r.IntN(365*24)) * time.Hour),
			Mentions:  []newsintel.Mention{{EntityID: id, Name: co, Type: newsintel.EntityCompany, Text: co}}}
		for c := 0; c < claimsPer; c++ {
			text := fmt.Sprintf(benchActions[r.IntN(len(benchActions))], co) + " " + benchFillers[r.IntN(len(benchFillers))]
			src := newsintel.Source{Type: newsintel.SourceAnonymous, Description: "people familiar with the matter"}
			if r.IntN(4) == 0 {
				src = newsintel.Source{Type: newsintel.SourceOrganization, Name: co}
			}
			d.Claims = append(d.Claims, newsintel.Claim{Text: text, Cue: "said", Entities: []string{id}, Source: src})
		}
		d.Body = d.Title
		docs[i] = d
	}
	return docs
}

// BenchmarkFind groups the claims about one company out of
// $STORY_BENCH_CLAIMS claims (default 20 000; set 100000 for the bound
// the issue names), at most DefaultMaxClaims of them read: computed from
// nothing each time (no cache); recomputed as after the index changed
// (the claims' content words kept from the request before: changed_);
// and asked again of an unchanged index (cached_); and one story by its ID
// (get_story), computed anew.
func BenchmarkFind(b *testing.B) {
	claims := 20000
	if v, err := strconv.Atoi(os.Getenv("STORY_BENCH_CLAIMS")); err == nil && v > 0 {
		claims = v
	}
	ix, err := index.Open(filepath.Join(b.TempDir(), "index"), index.Options{}, nil)
	require.NoError(b, err)
	b.Cleanup(func() { _ = ix.Close() })
	docs := benchDocs(claims/5, 5, 1)
	for start := 0; start < len(docs); start += 1000 {
		require.NoError(b, ix.Put(b.Context(), docs[start:min(start+1000, len(docs))]))
	}
	cold, changed, warm := New(ix, Options{CacheBytes: -1}), New(ix, Options{}), New(ix, Options{})
	changed.cache = nil
	for _, tc := range []struct {
		name string
		f    *Finder
		req  Request
	}{
		{"every_claim", cold, Request{}},
		{"one_company", cold, Request{Entity: []string{"Alibaba"}}},
		{"one_company_month", cold, Request{Entity: []string{"Alibaba"}, Since: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)}},
		{"changed_every_claim", changed, Request{}},
		{"changed_one_company", changed, Request{Entity: []string{"Alibaba"}}},
		{"cached_every_claim", warm, Request{}},
		{"cached_one_company", warm, Request{Entity: []string{"Alibaba"}}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var list *List
			for b.Loop() {
				if list, err = tc.f.Find(b.Context(), tc.req); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(list.ClaimsMatched), "claims_matched")
			b.ReportMetric(float64(list.ClaimsRead), "claims_read")
			b.ReportMetric(float64(list.Total), "stories")
		})
	}
	list, err := cold.Find(b.Context(), Request{Entity: []string{"Alibaba"}})
	require.NoError(b, err)
	require.NotEmpty(b, list.Stories)
	b.Run("get_story", func(b *testing.B) { // the story page, computed anew
		var st *Story
		for b.Loop() {
			if st, err = cold.Get(b.Context(), list.Stories[0].ID); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(st.Reports)), "reports")
	})
}
