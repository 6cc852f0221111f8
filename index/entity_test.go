package index

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestEntityStats(t *testing.T) {
	ix := loaded(t)
	st, err := ix.EntityStats(t.Context(), "agency:environmental-protection-agency", EntityRequest{})
	require.NoError(t, err)
	if st.Mentions != 2 {
		t.Errorf("Mentions = %d, want 2 (the AP article and the rule naming the agency)", st.Mentions)
	}
	if st.Name != "Environmental Protection Agency" {
		t.Errorf("Name = %q, want %q", st.Name, "Environmental Protection Agency")
	}
	if got := hitsIDs(st.Latest["article"]); !slices.Equal(got, []string{idPFAS}) {
		t.Errorf("latest articles = %v, want [%s]", got, idPFAS)
	}
	if got := hitsIDs(st.Latest["notice"]); !slices.Equal(got, []string{idRule}) {
		t.Errorf("latest notices = %v, want [%s]", got, idRule)
	}
	if got := st.Latest["filing"]; got == nil || len(got) != 0 {
		t.Errorf("latest filings = %v, want an empty list", got)
	}
	wantTimeline := []DateBucket{
		{Start: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Count: 1},
		{Start: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), Count: 1},
	}
	if !slices.Equal(st.Timeline, wantTimeline) {
		t.Errorf("Timeline = %v, want %v", st.Timeline, wantTimeline)
	}
	var regan *FacetCount
	for i, c := range st.CoMentioned {
		if c.Term == "agency:environmental-protection-agency" {
			t.Errorf("CoMentioned %v holds the entity itself", st.CoMentioned)
		}
		if c.Term == "person:michael-regan" {
			regan = &st.CoMentioned[i]
		}
	}
	if regan == nil || regan.Count != 1 || regan.Name != "Michael Regan" {
		t.Errorf("CoMentioned = %v, want person:michael-regan (Michael Regan) once", st.CoMentioned)
	}
}

func TestEntityStatsClaimsAboutIt(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := loadDocs(t)
	for i := range docs {
		if docs[i].ID == idAlibaba {
			for j := range docs[i].Claims {
				docs[i].Claims[j].Entities = []string{"company:alibaba-group"} // every claim about Alibaba
			}
			docs[i].Claims[1].Entities = []string{"agency:us-department-of-commerce"}
		}
	}
	require.NoError(t, ix.Put(t.Context(), docs))
	st, err := ix.EntityStats(t.Context(), "company:alibaba-group", EntityRequest{Interval: HistogramDay})
	require.NoError(t, err)
	got := slices.Clone(st.ClaimsBySourceType)
	slices.SortFunc(got, func(a, b FacetCount) int { return strings.Compare(a.Term, b.Term) })
	want := []FacetCount{{Term: "anonymous", Count: 1}, {Term: "declined", Count: 1}, {Term: "no_response", Count: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("ClaimsBySourceType = %v, want %v (the person claim is about Commerce)", got, want)
	}
	wantTimeline := []DateBucket{{Start: time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC), Count: 1}}
	if !slices.Equal(st.Timeline, wantTimeline) {
		t.Errorf("day Timeline = %v, want %v", st.Timeline, wantTimeline)
	}
}

func TestEntityStatsRange(t *testing.T) {
	ix := loaded(t)
	st, err := ix.EntityStats(t.Context(), "agency:environmental-protection-agency", EntityRequest{
		Since: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), Latest: 1,
	})
	require.NoError(t, err)
	if st.Mentions != 1 || len(st.Latest["article"]) != 0 || len(st.Latest["notice"]) != 1 {
		t.Errorf("since April: Mentions %d, latest %v; want 1 and only the notice", st.Mentions, st.Latest)
	}
	// Mentioned, but not in the range: an empty page, not "not found".
	st, err = ix.EntityStats(t.Context(), "company:boeing", EntityRequest{Until: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	if st.Mentions != 0 || len(st.Timeline) != 0 {
		t.Errorf("Boeing before 2020: Mentions %d, timeline %v; want none", st.Mentions, st.Timeline)
	}
}

func TestEntityStatsRefusals(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		name string
		id   string
		r    EntityRequest
		code string
	}{
		{"unknown entity", "company:no-such-company", EntityRequest{}, newsintel.ENOTFOUND},
		{"unknown in a range too", "company:no-such-company", EntityRequest{Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, newsintel.ENOTFOUND},
		{"a name, not an ID", "Boeing", EntityRequest{}, newsintel.EINVALID},
		{"unknown type", "ship:titanic", EntityRequest{}, newsintel.EINVALID},
		{"bad interval", "company:boeing", EntityRequest{Interval: "year"}, newsintel.EINVALID},
		{"too many latest", "company:boeing", EntityRequest{Latest: 1000}, newsintel.EINVALID},
		{"until before since", "company:boeing", EntityRequest{Since: time.Now(), Until: time.Now().AddDate(-1, 0, 0)}, newsintel.EINVALID},
	}
	for _, tt := range tests {
		_, err := ix.EntityStats(t.Context(), tt.id, tt.r)
		if got := newsintel.ErrorCode(err); got != tt.code {
			t.Errorf("%s: error %v (code %q), want code %q", tt.name, err, got, tt.code)
		}
	}
}

func hitsIDs(hits []Hit) []string {
	ids := []string{}
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// TestEntityStatsLatestMatchesSearch checks the newest documents per kind
// against a date-sorted search, for kinds common and rare.
func TestEntityStatsLatestMatchesSearch(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), synthDocs(300, 5)))
	for _, latest := range []int{1, 3, 40} {
		st, err := ix.EntityStats(t.Context(), "company:boeing", EntityRequest{Latest: latest})
		require.NoError(t, err)
		for _, k := range newsintel.Kinds() {
			res, err := ix.Search(t.Context(), Request{Company: []string{"company:boeing"}, Kind: []string{string(k)}, Sort: SortDateDesc, Size: latest})
			require.NoError(t, err)
			if got, want := hitsIDs(st.Latest[string(k)]), hitIDs(res); !slices.Equal(got, want) {
				t.Errorf("latest %d %s = %v, want %v", latest, k, got, want)
			}
		}
	}
}

// TestEntityFacetsMatchBleve checks the counts an entity page makes itself
// against Bleve's term facets over the same query.
func TestEntityFacetsMatchBleve(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), synthDocs(400, 7)))
	top, err := ix.Search(t.Context(), Request{Facets: []string{fieldEntity}, FacetSize: 5})
	require.NoError(t, err)
	require.NotEmpty(t, top.Facets[fieldEntity])
	for _, e := range top.Facets[fieldEntity] {
		for _, interval := range []string{HistogramMonth, HistogramDay} {
			r := EntityRequest{Interval: interval}
			got, err := ix.EntityStats(t.Context(), e.Term, r)
			require.NoError(t, err)

			req := bleve.NewSearchRequestOptions(entityQuery(e.Term, "", &r), 0, 0, false)
			hf := histogramField(interval)
			req.AddFacet(hf, bleve.NewFacetRequest(hf, maxBuckets))
			req.AddFacet(fieldEntity, bleve.NewFacetRequest(fieldEntity, coMentioned+1))
			res, err := ix.bleve.Search(req)
			require.NoError(t, err)
			want := termCounts(res.Facets[fieldEntity], func(t string) (string, bool) { return t, t != e.Term })
			want = want[:min(len(want), coMentioned)]
			ix.names.fill(want)
			if got.Mentions != res.Total {
				t.Errorf("%s: mentions = %d, want %d", e.Term, got.Mentions, res.Total)
			}
			if !reflect.DeepEqual(got.CoMentioned, want) {
				t.Errorf("%s: co-mentioned = %v, want %v", e.Term, got.CoMentioned, want)
			}
			if wantTL := histogram(interval, res.Facets[hf]); !reflect.DeepEqual(got.Timeline, wantTL) {
				t.Errorf("%s by %s: timeline = %v, want %v", e.Term, interval, got.Timeline, wantTL)
			}
		}
	}
}
