package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// highlight fills the Fragments of hits, the page of a search for q, by
// searching q again among those documents only, with highlighting.
func (ix *Index) highlight(ctx context.Context, q query.Query, hl *bleve.HighlightRequest, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(ids)}), len(ids), 0, false)
	req.Highlight = hl
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	frags := make(map[string]search.FieldFragmentMap, len(res.Hits))
	for _, h := range res.Hits {
		frags[h.ID] = h.Fragments
	}
	for _, h := range hits {
		h.Fragments = frags[h.ID]
	}
	return nil
}
