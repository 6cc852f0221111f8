package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/stretchr/testify/require"
)

// TestFlatOrScoresAreBleves checks that searching disjunctions flattened
// finds the documents Bleve's own searchers find, with the same scores to
// the bit, in the same order, for queries of every shape the compiler
// makes, alone and next to filters (which advance the disjunction instead
// of stepping through it).
func TestFlatOrScoresAreBleves(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := synthDocs(900, 11)
	for i := 0; i < len(docs); i += 300 { // several segments
		require.NoError(t, ix.Put(t.Context(), docs[i:i+300]))
	}
	flattened := 0
	for _, q := range []string{
		"antitrust regulators", "cloud", "chips exports data", `"cloud computing" market`,
		"title:antitrust body:settlement", "+antitrust -cloud competition", "regul*", "competiton~1 chips",
		"(antitrust OR cloud) AND investors", "contaminants water residents towns audits penalty",
		"nothingmatcheshere antitrust", "the of", "a b c d e f g h i j k l antitrust",
		// ten words: one disjunction Bleve searches with its slice searcher
		// (flattened); eleven: with its heap searcher (left alone)
		"antitrust cloud chips exports data market investors settlement audits penalty",
		"antitrust cloud chips exports data market investors settlement audits penalty towns",
	} {
		for _, r := range []Request{
			{Query: q},
			{Query: q, Kind: []string{"article"}, Company: []string{"Tesla"}},
			{Query: q, Sort: SortDateDesc, Size: 50},
		} {
			req, err := ix.buildRequest(&r)
			require.NoError(t, err)
			req.Highlight = nil
			req.Size = 100
			want, err := ix.bleve.SearchInContext(t.Context(), req)
			require.NoError(t, err)
			flat := flattenOr(req.Query)
			if flat != req.Query {
				flattened++
			}
			req.Query = flat
			got, err := ix.bleve.SearchInContext(t.Context(), req)
			require.NoError(t, err)
			require.Equal(t, want.Total, got.Total, "%q %+v: total", q, r)
			require.Equal(t, len(want.Hits), len(got.Hits), "%q: hits", q)
			for i := range want.Hits {
				require.Equal(t, want.Hits[i].ID, got.Hits[i].ID, "%q %+v: hit %d", q, r, i)
				require.Equal(t, want.Hits[i].Score, got.Hits[i].Score, "%q %+v: score of %s", q, r, want.Hits[i].ID)
			}
		}
	}
	require.Greater(t, flattened, 25, "too few queries were flattened for the test to show much")

	// A boolean query whose should clauses are required next to a must
	// clause (SetMinShould): the flat searcher must keep them required.
	should := query.NewBooleanQuery([]query.Query{term(fieldBody, "antitrust")},
		[]query.Query{query.NewDisjunctionQuery([]query.Query{term(fieldTitle, "cloud"), term(fieldBody, "cloud")})}, nil)
	should.SetMinShould(1)
	req := bleveRequest(should)
	want, err := ix.bleve.SearchInContext(t.Context(), req)
	require.NoError(t, err)
	req.Query = flattenOr(should)
	got, err := ix.bleve.SearchInContext(t.Context(), req)
	require.NoError(t, err)
	require.Equal(t, want.Total, got.Total, "should clauses required")
	require.Less(t, want.Total, uint64(900))
}

func bleveRequest(q query.Query) *bleve.SearchRequest {
	return bleve.NewSearchRequestOptions(q, 100, 0, false)
}

// TestFlatOrSearcher checks that a two-word search is searched by one
// flat searcher over its four terms, and that explaining or highlighting
// searches keep Bleve's own.
func TestFlatOrSearcher(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), synthDocs(50, 3)))
	r := Request{Query: "antitrust regulators"}
	req, err := ix.buildRequest(&r)
	require.NoError(t, err)
	adv, err := ix.bleve.Advanced()
	require.NoError(t, err)
	reader, err := adv.Reader()
	require.NoError(t, err)
	defer reader.Close()
	flat := flattenOr(req.Query)
	s, err := flat.Searcher(t.Context(), reader, ix.bleve.Mapping(), search.SearcherOptions{})
	require.NoError(t, err)
	defer s.Close()
	fs, ok := s.(*flatOrSearcher)
	require.True(t, ok, "searcher is %T", s)
	require.Len(t, fs.leaves, 4, "title and body of two words")
	orig := req.Query.(*query.BooleanQuery).Should.(*query.DisjunctionQuery)
	clauses := slices.Clone(orig.Disjuncts)
	for _, c := range clauses {
		_, isOr := c.(*query.DisjunctionQuery)
		require.True(t, isOr, "clause %T", c)
	}
	require.Equal(t, clauses, orig.Disjuncts, "flattenOr changed the query it was given")
	for _, o := range []search.SearcherOptions{{Explain: true}, {IncludeTermVectors: true}, {Score: "none"}} {
		s, err := flat.Searcher(t.Context(), reader, ix.bleve.Mapping(), o)
		require.NoError(t, err)
		_, isFlat := s.(*flatOrSearcher)
		require.False(t, isFlat, "options %+v", o)
		require.NoError(t, s.Close())
	}
}
