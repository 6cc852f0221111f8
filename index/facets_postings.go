package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Facets counted from postings. Bleve counts a term facet by reading the
// doc values of every hit, and a segment's doc values are snappy blocks of
// 1 024 documents: a hit whose block differs from the last one's costs a
// block. Claim items take most document numbers, so the hits of a search
// rarely share a block, and at 100 000 documents the facets on source,
// publisher and source type were a fifth of a phrase search with 2 500
// hits. A field with few terms is counted instead, in each segment with
// more hits than the field has terms there, from its postings: for each
// term, the size of its postings within the segment's hits, one
// roaring-bitmap intersection (in the other segments, from the few hits'
// doc values, which costs less than reading every term). The hits are recorded
// as the search's top searcher hands them to the collector, and counted
// when Bleve closes it, on the same index snapshot.

// postingFacets are the facets counted from postings: fields with few
// terms (kinds, sources, publishers, languages, forms, sections, claim
// source types). Author and entity facets have many and keep Bleve's.
var postingFacets = map[string]bool{
	fieldKind: true, fieldSource: true, fieldPublisher: true, fieldLanguage: true,
	fieldForm: true, fieldSection: true, fieldSourceType: true,
}

// facetCounter holds the term facets of fields counted from postings by
// a search's countingSearcher.
type facetCounter struct {
	fields  []string
	size    int
	results search.FacetResults
	err     error
}

// countingQuery is q, whose top searcher records the hits for c.
type countingQuery struct {
	q query.Query
	c *facetCounter
}

// Searcher implements query.Query.
func (q countingQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	s, err := q.q.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	return &countingSearcher{Searcher: s, c: q.c, reader: r, ctx: ctx}, nil
}

// countingSearcher records the document numbers of the matches it hands
// on, and counts its facetCounter's facets on them when closed (Bleve
// closes a search's searcher before its index reader).
type countingSearcher struct {
	search.Searcher
	c      *facetCounter
	reader index.IndexReader
	ctx    context.Context // the search's: once it has ended, nothing is counted
	hits   []uint64
	err    error
}

// Next implements search.Searcher.
func (s *countingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.record(dm)
	return dm, err
}

// Advance implements search.Searcher.
func (s *countingSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.record(dm)
	return dm, err
}

func (s *countingSearcher) record(dm *search.DocumentMatch) {
	switch {
	case dm == nil:
	case len(dm.IndexInternalID) != 8:
		s.err = fmt.Errorf("index: internal ID of %d bytes, want 8", len(dm.IndexInternalID))
	default:
		s.hits = append(s.hits, binary.BigEndian.Uint64(dm.IndexInternalID))
	}
}

// Close implements search.Searcher.
func (s *countingSearcher) Close() error {
	if s.err == nil {
		s.err = s.ctx.Err()
	}
	if s.err == nil {
		s.c.results, s.err = countFacets(s.reader, s.hits, s.c.fields, s.c.size)
	}
	s.c.err = s.err
	return s.Searcher.Close()
}

// countFacets counts, for each field, the hits (document numbers of the
// snapshot r) holding each of its terms, and returns the facets as
// Bleve's term facet builder makes them: terms by count, then term, the
// first size of them, the rest in Other.
func countFacets(r index.IndexReader, hits []uint64, fields []string, size int) (search.FacetResults, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("index: facets from postings need a scorch snapshot, not %T", r)
	}
	if !slices.IsSorted(hits) {
		slices.Sort(hits)
	}
	counts := make([]map[string]int, len(fields))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	var offset uint64
	h := 0
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		n := seg.Count()
		local := roaring.New()
		for ; h < len(hits) && hits[h] < offset+n; h++ {
			local.Add(uint32(hits[h] - offset))
		}
		offset += n
		if local.IsEmpty() {
			continue
		}
		var others *roaring.Bitmap // a term's postings except these are its hits
		var byValues []string
		for i, f := range fields {
			dict, err := seg.Dictionary(f)
			if err != nil {
				return nil, fmt.Errorf("index: facet %s: %w", f, err)
			}
			if uint64(dict.Cardinality()) > local.GetCardinality() {
				byValues = append(byValues, f) // fewer hits than terms: read their doc values
				continue
			}
			if others == nil {
				others = roaring.Flip(local, 0, n)
			}
			if err := countPostings(dict, others, counts[i]); err != nil {
				return nil, fmt.Errorf("index: facet %s: %w", f, err)
			}
		}
		if len(byValues) > 0 {
			if err := countValues(seg, local, byValues, fields, counts); err != nil {
				return nil, err
			}
		}
	}
	out := make(search.FacetResults, len(fields))
	for i, f := range fields {
		terms := &search.TermFacets{}
		total := 0
		for term, k := range counts[i] {
			terms.Add(&search.TermFacet{Term: term, Count: k})
			total += k
		}
		sort.Sort(terms)
		kept := 0
		if terms.Len() > size {
			terms.TrimToTopN(size)
		}
		for _, t := range terms.Terms() {
			kept += t.Count
		}
		out[f] = &search.FacetResult{Field: f, Total: total, Other: total - kept, Terms: terms}
	}
	return out, nil
}

// countPostings adds to counts, for each term of dict, the size of its
// postings except others.
func countPostings(dict segment.TermDictionary, others *roaring.Bitmap, counts map[string]int) error {
	it := dict.AutomatonIterator(nil, nil, nil)
	for {
		de, err := it.Next()
		if err != nil || de == nil {
			return err
		}
		pl, err := dict.PostingsList([]byte(de.Term), others, nil)
		if err != nil {
			return err
		}
		if k := pl.Count(); k > 0 {
			counts[de.Term] += int(k)
		}
	}
}

// countValues adds to counts (one map per field of all) the terms the
// doc values of byValues hold for each document of hits in seg.
func countValues(seg segment.Segment, hits *roaring.Bitmap, byValues, all []string, counts []map[string]int) error {
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return fmt.Errorf("index: facets: segment %T has no doc values", seg)
	}
	var state segment.DocVisitState
	var err error
	it := hits.Iterator()
	for it.HasNext() {
		state, err = dv.VisitDocValues(uint64(it.Next()), byValues, func(field string, term []byte) {
			if i := slices.Index(all, field); i >= 0 {
				counts[i][string(term)]++
			}
		}, state)
		if err != nil {
			return fmt.Errorf("index: facets: %w", err)
		}
	}
	return nil
}

// splitFacets takes out of req's facets those counted from postings, and
// returns the counter that will count them if there are any, with req's
// query made to record its hits for it.
func splitFacets(req *bleve.SearchRequest, r *Request) *facetCounter {
	var fields []string
	for _, f := range r.Facets {
		if postingFacets[f] && !slices.Contains(fields, f) {
			fields = append(fields, f)
			delete(req.Facets, f)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	if len(req.Facets) == 0 && req.Score == "none" && len(req.Sort) == 1 {
		if _, byScore := req.Sort[0].(*search.SortScore); byScore {
			// Without facets, Bleve stops such a search after the page
			// (SetEarlyStop), and the hits it never reads go uncounted.
			for _, f := range fields {
				req.AddFacet(f, bleve.NewFacetRequest(f, r.FacetSize))
			}
			return nil
		}
	}
	c := &facetCounter{fields: fields, size: r.FacetSize}
	req.Query = countingQuery{q: req.Query, c: c}
	return c
}
