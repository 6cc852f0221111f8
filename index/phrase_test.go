package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestPhraseMatchesPositions checks that phrase searches, with and
// without filters (pushed into the phrase), find exactly the documents
// whose title or body, analysed here with positions, holds the phrase's
// words in order and that the filters alone let through, and highlight
// the phrase.
func TestPhraseMatchesPositions(t *testing.T) {
	ix := loaded(t)
	docs := loadDocs(t)
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	tests := []struct {
		phrase string
		req    Request
	}{
		{"forever chemicals", Request{Kind: []string{"article"}}},
		{"forever chemicals", Request{}},
		{"national security", Request{Kind: []string{"article", "notice"}}},
		{"the review", Request{Publisher: []string{"Reuters"}}}, // a stop word inside
		{"cloud computing", Request{HasAnonymous: boolPtr(true)}},
		{"cloud computing", Request{}},
		{"737 max", Request{Kind: []string{"article"}}},
		{"regulators said", Request{Language: []string{"en"}}},
		{"department of commerce", Request{}},                     // a stop word inside, no filter
		{"chemicals forever", Request{Kind: []string{"article"}}}, // no match: order matters
	}
	withHits := 0
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			r := tt.req
			r.Query = `"` + tt.phrase + `"`
			r.Highlight = true
			res, err := ix.Search(t.Context(), r)
			require.NoError(t, err)
			got := hitIDs(res)
			slices.Sort(got)

			pass := map[string]bool{}
			filter := query.Query(documentsOnly())
			if f := filterQuery(&tt.req); f != nil {
				filter = query.NewConjunctionQuery([]query.Query{f, filter})
			}
			fres, err := ix.bleve.Search(bleve.NewSearchRequestOptions(filter, 1000, 0, false))
			require.NoError(t, err)
			for _, h := range fres.Hits {
				pass[h.ID] = true
			}
			phrase := phraseTerms(an.Analyze([]byte(tt.phrase)))
			var want []string
			for _, d := range docs {
				if pass[d.ID] && (holdsPhrase(an, d.Title, phrase) || holdsPhrase(an, d.Body, phrase)) {
					want = append(want, d.ID)
				}
			}
			slices.Sort(want)
			if len(got) > 0 {
				withHits++
			}
			if !slices.Equal(got, want) {
				t.Errorf("hits = %v, want %v", got, want)
			}
			for _, h := range res.Hits {
				if frags := h.Fragments[fieldBody]; len(frags) > 0 && !strings.Contains(frags[0], "<mark>") {
					t.Errorf("hit %s fragment %q has no <mark>", h.ID, frags[0])
				}
			}
		})
	}
	if withHits < 6 {
		t.Errorf("%d phrases found anything, want at least 6 (the test would prove little)", withHits)
	}
}

// holdsPhrase reports whether text, analysed with an, has the terms of
// phrase at consecutive positions ("" matching any position).
func holdsPhrase(an analysis.Analyzer, text string, phrase []string) bool {
	at := map[int]string{}
	for _, tok := range an.Analyze([]byte(text)) {
		at[tok.Position] = string(tok.Term)
	}
	for p0, term := range at {
		if term != phrase[0] {
			continue
		}
		ok := true
		for i, w := range phrase {
			if w != "" && at[p0+i] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func boolPtr(b bool) *bool { return &b }

// TestPhraseReadAhead checks phrase searches whose candidates are read
// ahead in batches and checked on two goroutines: alone, with filters,
// and in conjunctions with a dense and a sparse word, which skip ahead
// (Advance) past candidates read and checked, and to ones not yet read.
// Each finds exactly the documents whose text holds the phrase and the
// words.
func TestPhraseReadAhead(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	rng := rand.New(rand.NewPCG(5, 9))
	vocab := strings.Fields("port tariff ship cargo steel grain fuel crane dock berth quota levy toll fleet barge")
	docs := make([]newsintel.Document, 900)
	for i := range docs {
		words := make([]string, 20+rng.IntN(150))
		for k := range words {
			words[k] = vocab[rng.IntN(len(vocab))]
		}
		if rng.IntN(2) == 0 {
			words = append(words, "harbour")
		}
		if rng.IntN(15) == 0 {
			words = append(words, "lighthouse")
		}
		kind := []newsintel.Kind{newsintel.KindArticle, newsintel.KindNotice}[i%2]
		docs[i] = newsintel.Document{ID: fmt.Sprintf("rd-%04d", i), Kind: kind, Source: "wire", Publisher: "Wire",
			Title: vocab[rng.IntN(len(vocab))] + " " + vocab[rng.IntN(len(vocab))], Body: strings.Join(words, " "),
			Language: "en", Published: time.Date(2024, 1, 1, 0, i, 0, 0, time.UTC), Revision: 1,
			Extractor: newsintel.ExtractorVersion}
	}
	require.NoError(t, ix.Put(t.Context(), docs))
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	has := func(d newsintel.Document, word string) bool {
		return word == "" || slices.Contains(strings.Fields(d.Body), word) || slices.Contains(strings.Fields(d.Title), word)
	}
	phrases := []string{"steel grain", "cargo ship", "levy toll"}
	for _, p := range phrases {
		for _, with := range []string{"", "harbour", "lighthouse"} {
			for _, kind := range [][]string{nil, {"notice"}} {
				// Pages by date, which no merge between them reorders.
				r := Request{Query: `"` + p + `"`, Kind: kind, Size: MaxSize, Sort: SortDateDesc}
				if with != "" {
					r.Query = "+" + r.Query + " +" + with
				}
				terms := phraseTerms(an.Analyze([]byte(p)))
				var want []string
				for _, d := range docs {
					inKind := kind == nil || string(d.Kind) == kind[0]
					if inKind && has(d, with) && (holdsPhrase(an, d.Title, terms) || holdsPhrase(an, d.Body, terms)) {
						want = append(want, d.ID)
					}
				}
				var got []string
				for from := 0; ; from += MaxSize {
					r.From = from
					res, err := ix.Search(t.Context(), r)
					require.NoError(t, err)
					require.EqualValues(t, len(want), res.Total, "%s %v: total", r.Query, kind)
					got = append(got, hitIDs(res)...)
					if len(res.Hits) < MaxSize {
						break
					}
				}
				slices.Sort(got)
				require.Equal(t, want, got, "%s %v", r.Query, kind)
				require.Greater(t, len(want), 0, "%s %v: nothing to find proves little", r.Query, kind)
			}
		}
	}
}
