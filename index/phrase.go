package index

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// A phrase next to a filter: Bleve's phrase searcher, asked for the next
// match at or after a document, reads the positions of every document
// holding all the words of the phrase until one has them in order,
// whether or not the filter lets it through. In a conjunction with a
// filter that skips most documents, that is nearly all the work (a
// two-word phrase of common words with a kind and a company filter spent
// half its time there). filteredPhrase puts the filter into the phrase's
// own conjunction instead, so positions are read only where the filter
// and every word match.
//
// pushFilter rewrites a query that will be conjoined with filter anyway:
// F ∧ φ(P) = F ∧ φ(P ∧ F) for any boolean φ, so the rewrite changes no
// result, and the filter adds nothing to scores.

// pushFilter returns q with each plain phrase within it restricted to
// filter. q must be conjoined with filter by the caller.
func pushFilter(q query.Query, filter query.Query) query.Query {
	switch q := q.(type) {
	case *query.MatchPhraseQuery:
		if q.Fuzziness != 0 || q.Analyzer != "" || q.FieldVal == "" {
			return q
		}
		return &filteredPhrase{field: q.FieldVal, text: q.MatchPhrase, boost: q.BoostVal.Value(), filter: filter}
	case *filteredPhrase:
		return &filteredPhrase{field: q.field, text: q.text, boost: q.boost,
			filter: query.NewConjunctionQuery([]query.Query{q.filter, filter})}
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = pushFilter(c, filter)
		}
	case *query.DisjunctionQuery:
		for i, d := range q.Disjuncts {
			q.Disjuncts[i] = pushFilter(d, filter)
		}
	case *query.BooleanQuery:
		for _, sub := range []query.Query{q.Must, q.Should, q.MustNot} {
			if sub != nil {
				pushFilter(sub, filter)
			}
		}
	}
	return q
}

// filteredPhrase matches the documents that match filter and hold the
// analysed words of text in order in field.
type filteredPhrase struct {
	field, text string
	boost       float64
	filter      query.Query
}

// Searcher implements query.Query.
func (q *filteredPhrase) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	an := m.AnalyzerNamed(m.AnalyzerNameForPath(q.field))
	terms := phraseTerms(an.Analyze([]byte(q.text)))
	if len(terms) == 0 {
		return query.NewMatchNoneQuery().Searcher(ctx, r, m, o)
	}
	o.IncludeTermVectors = true
	var subs []search.Searcher
	closeAll := func() {
		for _, s := range subs {
			_ = s.Close()
		}
	}
	seen := map[string]bool{}
	for _, t := range terms {
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		ts, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, o)
		if err != nil {
			closeAll()
			return nil, err
		}
		subs = append(subs, ts)
	}
	fs, err := unscored{q.filter}.Searcher(ctx, r, m, o)
	if err != nil {
		closeAll()
		return nil, err
	}
	subs = append(subs, fs)
	must, err := searcher.NewConjunctionSearcher(ctx, r, subs, o)
	if err != nil {
		closeAll()
		return nil, err
	}
	return &phraseSearcher{must: must, field: q.field, terms: terms}, nil
}

// phraseTerms turns analysed tokens into the terms at each position from
// the first, "" where a stop word was dropped.
func phraseTerms(tokens analysis.TokenStream) []string {
	if len(tokens) == 0 {
		return nil
	}
	first, last := math.MaxInt, 0
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	out := make([]string, last-first+1)
	for _, t := range tokens {
		out[t.Position-first] = string(t.Term)
	}
	return out
}

// phraseSearcher passes on the matches of must (term searchers with
// positions and a filter) that hold terms in order in field.
type phraseSearcher struct {
	must  search.Searcher
	field string
	terms []string
}

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for {
		dm, err := s.must.Next(ctx)
		if err != nil || dm == nil {
			return nil, err
		}
		if s.keep(dm) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.must.Advance(ctx, id)
	if err != nil || dm == nil {
		return nil, err
	}
	if s.keep(dm) {
		return dm, nil
	}
	ctx.DocumentMatchPool.Put(dm)
	return s.Next(ctx)
}

// keep reports whether dm holds the phrase, leaving in its term locations
// only those of the phrase's occurrences (for highlighting).
func (s *phraseSearcher) keep(dm *search.DocumentMatch) bool {
	at := make(map[string]map[uint64]int, len(s.terms)) // term → position → index in FieldTermLocations
	for i, ftl := range dm.FieldTermLocations {
		if ftl.Field != s.field {
			continue
		}
		if at[ftl.Term] == nil {
			at[ftl.Term] = map[uint64]int{}
		}
		at[ftl.Term][ftl.Location.Pos] = i
	}
	var kept []search.FieldTermLocation
	for p0 := range at[s.terms[0]] {
		if !s.holdsAt(at, p0) {
			continue
		}
		for i, t := range s.terms {
			if t != "" {
				kept = append(kept, dm.FieldTermLocations[at[t][p0+uint64(i)]])
			}
		}
	}
	dm.FieldTermLocations = append(dm.FieldTermLocations[:0], kept...)
	return len(kept) > 0
}

func (s *phraseSearcher) holdsAt(at map[string]map[uint64]int, p0 uint64) bool {
	for i, t := range s.terms {
		if t == "" {
			continue
		}
		if _, ok := at[t][p0+uint64(i)]; !ok {
			return false
		}
	}
	return true
}

func (s *phraseSearcher) Weight() float64            { return s.must.Weight() }
func (s *phraseSearcher) SetQueryNorm(n float64)     { s.must.SetQueryNorm(n) }
func (s *phraseSearcher) Count() uint64              { return s.must.Count() }
func (s *phraseSearcher) Min() int                   { return s.must.Min() }
func (s *phraseSearcher) Size() int                  { return s.must.Size() + len(s.terms)*16 }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() + 1 }
func (s *phraseSearcher) Close() error               { return s.must.Close() }
