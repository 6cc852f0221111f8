package index

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// The body's length in units.
//
// Every posting of a scored field holds, beside the term's frequency,
// the number of tokens of the field in that document as a varint: Bleve's
// TF-IDF scores a match by 1/sqrt of it (the field norm). It is the same
// in each of the hundreds of postings of a body, and it takes two bytes
// for every body of 128 to 16 383 tokens, which is most of them. The body
// reports its length in units of bodyLengthUnit tokens instead (see
// bodyField), which takes one byte up to 1 019 tokens; every query that
// scores the body wraps its clause in bodyScaled, which multiplies the
// clause's score by 1/sqrt(bodyLengthUnit) and so gives it back the norm
// 1/sqrt(length) it had, up to the rounding of the length to a unit.
// Scores, the balance of title and body, and rankings stay as they were,
// except among documents whose lengths round alike.
//
// The unit: analysed (stop words dropped) news articles run from about
// 100 to 1 000 tokens (the bench corpus's articles: 140 at the 5th
// percentile, 361 at the median, 943 at the 95th), so a unit of 8 gives
// 96% of articles a one-byte length while it moves the norm of a body
// of 140 tokens by at most 1.4% (u/4L). Filings and notices run longer
// (medians 1 462 and 719 tokens) and a third and two thirds of them take
// one byte. A unit of 16 would save a quarter more (6.8 instead of 5.4
// MB at 20 000 bench documents), mostly on the bench's filings, whose
// real counterparts run to tens of thousands of tokens and take two
// bytes at either unit, at twice the rounding. The rounding matters most
// for the shortest bodies: one of under 12 tokens counts as one unit,
// its norm 1/sqrt(8) where it was up to 1.
const bodyLengthUnit = 8

// bodyScale is what bodyScaled multiplies the score of a body clause by.
var bodyScale = 1 / math.Sqrt(bodyLengthUnit)

// lengthInUnits is the length the body reports for a body of n tokens.
func lengthInUnits(n int) int {
	if n == 0 {
		return 0 // no postings to score
	}
	return max(1, (n+bodyLengthUnit/2)/bodyLengthUnit)
}

// bodyField is the body as Bleve indexes it: its analysed length is in
// units (see bodyLengthUnit), all else is the text field's.
type bodyField struct {
	*document.TextField
}

// AnalyzedLength implements index.Field.
func (f bodyField) AnalyzedLength() int {
	return lengthInUnits(f.TextField.AnalyzedLength())
}

// bodyScaled wraps a query on the body field so that its score is that
// of the body's length in tokens rather than in units (see
// bodyLengthUnit). Every query that scores the body must be wrapped.
func bodyScaled(q query.Query) query.Query {
	return &scaledQuery{q: q}
}

// scaledQuery is a query whose score is multiplied by bodyScale.
type scaledQuery struct {
	q query.Query
}

// SetBoost and Boost pass the boost to the wrapped query, when it takes
// one.
func (s *scaledQuery) SetBoost(b float64) {
	if bq, ok := s.q.(query.BoostableQuery); ok {
		bq.SetBoost(b)
	}
}

func (s *scaledQuery) Boost() float64 {
	if bq, ok := s.q.(query.BoostableQuery); ok {
		return bq.Boost()
	}
	return 1
}

// Validate validates the wrapped query, when it can be: Bleve validates
// a request's query and the clauses within the queries it knows.
func (s *scaledQuery) Validate() error {
	if vq, ok := s.q.(query.ValidatableQuery); ok {
		return vq.Validate()
	}
	return nil
}

// Searcher implements query.Query. The wrapped searcher's weight (what
// Bleve's query norm adds up) is left alone: only the scores of the
// matches it gives are multiplied, so every score of a query is what it
// was with lengths in tokens.
func (s *scaledQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	inner, err := s.q.Searcher(ctx, r, m, o)
	if err != nil || o.Score == "none" {
		return inner, err
	}
	if _, none := inner.(*searcher.MatchNoneSearcher); none {
		return inner, nil // Bleve's boolean query drops such clauses by their type
	}
	return &scaledSearcher{Searcher: inner, by: bodyScale, explain: o.Explain}, nil
}

// scaledSearcher multiplies the score of every match of Searcher by by.
type scaledSearcher struct {
	search.Searcher
	by      float64
	explain bool
}

func (s *scaledSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.scale(dm)
	return dm, err
}

func (s *scaledSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.scale(dm)
	return dm, err
}

// scale multiplies dm's score and, when asked for, puts the factor into
// its explanation above the wrapped one (whose terms highlighting reads,
// see explainedTerms).
func (s *scaledSearcher) scale(dm *search.DocumentMatch) {
	if dm == nil {
		return
	}
	dm.Score *= s.by
	if s.explain && dm.Expl != nil {
		dm.Expl = &search.Explanation{
			Value:   dm.Expl.Value * s.by,
			Message: "body length in units of tokens, product of:",
			Children: []*search.Explanation{
				dm.Expl,
				{Value: s.by, Message: "1/sqrt(body length unit)"},
			},
		}
	}
}

func (s *scaledSearcher) Size() int { return s.Searcher.Size() + 32 }
