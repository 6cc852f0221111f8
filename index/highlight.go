package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	htmlhl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
)

// htmlHighlighter is Bleve's html highlighter: fragments of about 200
// bytes, <mark> around matches, text HTML-escaped.
var htmlHighlighter = func() highlight.Highlighter {
	h, err := htmlhl.Constructor(nil, registry.NewCache())
	if err != nil {
		panic(err) // Bleve's own highlighter with its defaults
	}
	return h
}()

// highlight fills the Fragments of hits, the page of a search for q, with
// the best fragment of each field of fields: it searches q again among
// those documents only, asking for the positions of the matched terms,
// finds their offsets by tokenizing the stored text (the index keeps
// positions only, see positionsAnalyzer) and lets Bleve's html
// highlighter cut and mark the fragment. Hits must hold the stored title.
func (ix *Index) highlight(ctx context.Context, q query.Query, fields []string, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	page := query.NewDocIDQuery(ids)
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{pushFilter(q, page), page}), len(ids), 0, false)
	req.IncludeLocations = true
	req.Fields = []string{fieldPacked}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	found := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		found[h.ID] = h
	}
	for _, h := range hits {
		m := found[h.ID]
		if m == nil {
			continue
		}
		if err := highlightHit(m, h, fields); err != nil {
			return err
		}
		h.Fragments = m.Fragments
	}
	return nil
}

// highlightHit highlights the fields of m, the hit with term locations,
// taking the title from hit.
func highlightHit(m, hit *search.DocumentMatch, fields []string) error {
	var body string
	for _, f := range fields {
		if len(m.Locations[f]) == 0 {
			continue
		}
		var text string
		switch f {
		case fieldTitle:
			text, _ = hit.Fields[fieldTitle].(string)
		case fieldBody:
			if body == "" {
				packed, _ := m.Fields[fieldPacked].(string)
				b, _, err := unpack(packed)
				if err != nil {
					return fmt.Errorf("index: highlight %s: %w", m.ID, err)
				}
				body = b
			}
			text = body
		default:
			continue
		}
		setOffsets(m.Locations[f], tokenSpans([]byte(text), maxPos(m.Locations[f])))
		doc := document.NewDocument(m.ID)
		doc.AddField(document.NewTextField(f, nil, []byte(text)))
		htmlHighlighter.BestFragmentsInField(m, doc, f, 1)
	}
	return nil
}

func maxPos(tlm search.TermLocationMap) uint64 {
	var p uint64
	for _, locs := range tlm {
		for _, l := range locs {
			p = max(p, l.Pos)
		}
	}
	return p
}

// setOffsets gives each location the offsets of the token at its
// position, dropping a location whose position the text does not have.
func setOffsets(tlm search.TermLocationMap, spans map[uint64]span) {
	for term, locs := range tlm {
		kept := locs[:0]
		for _, l := range locs {
			if sp, ok := spans[l.Pos]; ok {
				l.Start, l.End = uint64(sp.start), uint64(sp.end)
				kept = append(kept, l)
			}
		}
		tlm[term] = kept
	}
}
