package index

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestLengthInUnits(t *testing.T) {
	tests := []struct{ tokens, want int }{
		{0, 0}, {1, 1}, {3, 1}, {4, 1}, {11, 1}, {12, 2}, {140, 18},
		{1019, 127}, // the longest body whose length takes one byte
		{1020, 128},
	}
	for _, tt := range tests {
		if got := lengthInUnits(tt.tokens); got != tt.want {
			t.Errorf("lengthInUnits(%d) = %d, want %d", tt.tokens, got, tt.want)
		}
	}
}

// lengthDocs are synthetic documents with bodies of about 60, 500 and
// 3 000 analysed tokens.
func lengthDocs() []newsintel.Document {
	rng := rand.New(rand.NewPCG(7, 11))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []newsintel.Document
	for i, words := range []int{90, 110, 130, 150, 800, 850, 900, 950, 5000, 5300, 5600, 6000} {
		d := synthDoc(rng, i, start)
		d.Mentions, d.Claims = nil, nil
		synthBody(rng, &d, words)
		docs = append(docs, d)
	}
	return docs
}

// bodyTokens returns the analysed length of each document's body by ID.
func bodyTokens(ix *Index, docs []newsintel.Document) map[string]int {
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	out := map[string]int{}
	for _, d := range docs {
		out[d.ID] = len(an.Analyze([]byte(d.Body)))
	}
	return out
}

// TestBodyNormInUnits reads back the norm Bleve keeps in the body's
// postings: that of the length in units; the title's is that of its
// length in tokens.
func TestBodyNormInUnits(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := lengthDocs()
	require.NoError(t, ix.Put(t.Context(), docs))
	tokens := bodyTokens(ix, docs)
	adv, err := ix.bleve.Advanced()
	require.NoError(t, err)
	r, err := adv.Reader()
	require.NoError(t, err)
	defer r.Close()
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	for _, c := range []struct {
		field, word string
		want        func(d newsintel.Document) float64
	}{
		{fieldBody, "competition", func(d newsintel.Document) float64 { return 1 / math.Sqrt(float64(lengthInUnits(tokens[d.ID]))) }},
		{fieldTitle, "regulators", func(d newsintel.Document) float64 { return 1 / math.Sqrt(float64(len(an.Analyze([]byte(d.Title))))) }},
	} {
		term := an.Analyze([]byte(c.word))[0].Term
		tfr, err := r.TermFieldReader(t.Context(), term, c.field, true, true, false)
		require.NoError(t, err)
		seen := 0
		for {
			tfd, err := tfr.Next(nil)
			require.NoError(t, err)
			if tfd == nil {
				break
			}
			id, err := r.ExternalID(tfd.ID)
			require.NoError(t, err)
			want := float64(float32(c.want(docByID(t, docs, id))))
			if tfd.Norm != want {
				t.Errorf("%s norm of %s (%d body tokens) = %v, want %v", c.field, id, tokens[id], tfd.Norm, want)
			}
			seen++
		}
		require.NoError(t, tfr.Close())
		if seen < 2 {
			t.Errorf("%s:%s is in %d documents, want at least 2 to check", c.field, term, seen)
		}
	}
}

// TestBodyScoresAsInTokens compares every score of a set of queries on an
// index whose body lengths are in units with the score of the same query
// on a plain Bleve index of the same documents, whose lengths are in
// tokens: equal up to the rounding of each body's length to a unit, and
// ranked alike wherever that rounding cannot tell.
func TestBodyScoresAsInTokens(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := lengthDocs()
	require.NoError(t, ix.Put(t.Context(), docs))
	ref, err := OpenBaseline(filepath.Join(t.TempDir(), "ref"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = ref.Close() })
	require.NoError(t, ref.Put(docs))
	tol := roundingTolerance(bodyTokens(ix, docs))

	queries := []string{"competition", "cloud regulators", "body:antitrust", "title:antitrust body:antitrust^2",
		"regul*", "clud~1", "+competition -drinking", "export OR consumers", "kind:article chips"}
	for _, qs := range queries {
		t.Run(qs, func(t *testing.T) {
			got := scoresOf(t, ix.bleve, mustRequest(t, ix, qs).Query)
			want := scoresOf(t, ref.b, unscaled(mustRequest(t, ix, qs).Query))
			compareScores(t, got, want, tol)
		})
	}
	t.Run("more like this", func(t *testing.T) {
		d := docs[5]
		terms, err := ix.significantTerms(t.Context(), &d)
		require.NoError(t, err)
		notSelf := []query.Query{query.NewDocIDQuery([]string{d.ID})}
		got := scoresOf(t, ix.bleve, query.NewBooleanQuery([]query.Query{likeQuery(terms, nil)}, nil, notSelf))
		want := scoresOf(t, ref.b, query.NewBooleanQuery([]query.Query{unscaled(likeQuery(terms, nil))}, nil, notSelf))
		compareScores(t, got, want, tol)
	})
}

// roundingTolerance returns, for each document, how far rounding its
// body's length to a unit moves its body norm, relatively (plus float32
// rounding of the norms).
func roundingTolerance(tokens map[string]int) map[string]float64 {
	out := map[string]float64{}
	for id, n := range tokens {
		out[id] = math.Abs(1-math.Sqrt(float64(n)/float64(bodyLengthUnit*lengthInUnits(n)))) + 1e-6
	}
	return out
}

func mustRequest(t *testing.T, ix *Index, qs string) *bleve.SearchRequest {
	t.Helper()
	req, err := ix.buildRequest(&Request{Query: qs, Size: MaxSize})
	require.NoError(t, err)
	return req
}

type scored struct {
	id    string
	score float64
}

// scoresOf runs q on b and returns its hits, best first.
func scoresOf(t *testing.T, b bleve.Index, q query.Query) []scored {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, MaxSize, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	res, err := b.SearchInContext(t.Context(), req)
	require.NoError(t, err)
	var out []scored
	for _, h := range res.Hits {
		out = append(out, scored{h.ID, h.Score})
	}
	return out
}

// compareScores checks that got and want hold the same documents with
// scores within tol of each other, and that got ranks two documents as
// want does whenever their scores in want are further apart than their
// tolerances.
func compareScores(t *testing.T, got, want []scored, tol map[string]float64) {
	t.Helper()
	if len(want) < 3 {
		t.Fatalf("the reference index has %d hits, want at least 3 to compare", len(want))
	}
	wantScore := map[string]float64{}
	for _, w := range want {
		wantScore[w.id] = w.score
	}
	rank := map[string]int{}
	for i, g := range got {
		rank[g.id] = i
		w, ok := wantScore[g.id]
		if !ok {
			t.Errorf("hit %s is not a hit of the reference index", g.id)
			continue
		}
		if math.Abs(g.score-w) > tol[g.id]*w+1e-12 {
			t.Errorf("score of %s = %v, want %v (±%.4f%%)", g.id, g.score, w, 100*tol[g.id])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d hits, want %d", len(got), len(want))
	}
	for i, a := range want {
		for _, b := range want[i+1:] {
			if a.score > b.score*(1+tol[a.id]+tol[b.id]) && rank[a.id] > rank[b.id] {
				t.Errorf("%s ranked after %s, want before (reference scores %v and %v)", a.id, b.id, a.score, b.score)
			}
		}
	}
}

// unscaled returns q without the scaling of its body clauses, for an
// index whose body lengths are in tokens.
func unscaled(q query.Query) query.Query {
	switch q := q.(type) {
	case *scaledQuery:
		return unscaled(q.q)
	case *query.DisjunctionQuery:
		for i, d := range q.Disjuncts {
			q.Disjuncts[i] = unscaled(d)
		}
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = unscaled(c)
		}
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot} {
			if *sub != nil {
				*sub = unscaled(*sub)
			}
		}
	}
	return q
}

// TestBodyScaledPassesOn checks that a boost given to a body clause
// reaches the query it wraps, and that Bleve's validation of a request
// reaches it too.
func TestBodyScaledPassesOn(t *testing.T) {
	tq := query.NewTermQuery("antitrust")
	tq.SetField(fieldBody)
	q := bodyScaled(tq)
	q.(query.BoostableQuery).SetBoost(2.5)
	if got := tq.Boost(); got != 2.5 {
		t.Errorf("boost of the wrapped query = %v, want 2.5", got)
	}
	if got := q.(query.BoostableQuery).Boost(); got != 2.5 {
		t.Errorf("boost of the scaled query = %v, want 2.5", got)
	}
	bad := query.NewDisjunctionQuery([]query.Query{tq})
	bad.SetMin(2) // more than it has clauses
	if err := bleve.NewSearchRequest(bodyScaled(bad)).Validate(); err == nil {
		t.Errorf("Validate of a scaled invalid query = nil, want the wrapped query's error")
	}
}
