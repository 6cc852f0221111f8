package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/stretchr/testify/require"
)

// TestFilteredPhraseMatchesBleve checks that a phrase with its filter
// pushed into it finds what Bleve's own phrase search conjoined with the
// filter finds, and highlights the phrase.
func TestFilteredPhraseMatchesBleve(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		phrase string
		req    Request
	}{
		{"forever chemicals", Request{Kind: []string{"article"}}},
		{"national security", Request{Kind: []string{"article", "notice"}}},
		{"the review", Request{Publisher: []string{"Reuters"}}}, // a stop word inside
		{"cloud computing", Request{HasAnonymous: boolPtr(true)}},
		{"737 max", Request{Kind: []string{"article"}}},
		{"regulators said", Request{Language: []string{"en"}}},
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

			var alts []query.Query
			for _, f := range []string{fieldTitle, fieldBody} {
				p := query.NewMatchPhraseQuery(tt.phrase)
				p.SetField(f)
				alts = append(alts, p)
			}
			ref := query.NewConjunctionQuery([]query.Query{query.NewDisjunctionQuery(alts), filterQuery(&tt.req)})
			want, err := ix.bleve.Search(bleve.NewSearchRequestOptions(ref, 100, 0, false))
			require.NoError(t, err)
			var wantIDs []string
			for _, h := range want.Hits {
				wantIDs = append(wantIDs, h.ID)
			}
			slices.Sort(wantIDs)
			if len(got) > 0 {
				withHits++
			}
			if !slices.Equal(got, wantIDs) {
				t.Errorf("hits = %v, want %v", got, wantIDs)
			}
			for _, h := range res.Hits {
				if frags := h.Fragments[fieldBody]; len(frags) > 0 && !strings.Contains(frags[0], "<mark>") {
					t.Errorf("hit %s fragment %q has no <mark>", h.ID, frags[0])
				}
			}
		})
	}
	if withHits < 4 {
		t.Errorf("%d phrases found anything, want at least 4 (the test would prove little)", withHits)
	}
}

func boolPtr(b bool) *bool { return &b }
