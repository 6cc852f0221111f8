package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
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
