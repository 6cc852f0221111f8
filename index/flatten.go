package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Flat disjunctions. A search for two words is a disjunction of two
// disjunctions (each word in the title or the body), and Bleve's
// disjunction searcher, nested, finds the next document, scores it and
// hands it up once per level: at 100 000 documents, where two common words
// match most of them, that was half the time of the search. flatOr
// searches such a tree as one: it keeps the current match of every leaf,
// and for each document evaluates the tree's scores the way Bleve's
// searchers would (same order of children, query norms and arithmetic),
// so scores and rankings are bit for bit Bleve's. (A leaf may be a
// disjunction of its own: a prefix or fuzzy term's words, searched past
// DisjunctionHeapTakeover of them by Bleve's heap searcher, which adds
// the scores of a document's words in an order that depends on how it
// was advanced. Its scores can then differ in their last bit.)
//
// Only the main search of a request is flattened: a search that explains
// its scores or reads term vectors (highlighting) gets Bleve's searchers,
// and so does one that does not score.

// flattenOr returns q with each disjunction that scores, and each boolean
// query of should clauses alone, searched as a flatOr. It copies the
// queries it changes and leaves q as it was. q must be a compiled query:
// its disjunctions were made by NewDisjunctionQuery or NewBooleanQuery,
// never in Bleve's query-string mode.
func flattenOr(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.DisjunctionQuery:
		if innerDisjunction(q) == nil {
			return q
		}
		return &flatOr{q: q}
	case *query.BooleanQuery:
		if q.Must == nil && q.MustNot == nil && q.Filter == nil {
			if d, ok := q.Should.(*query.DisjunctionQuery); ok {
				return flattenOr(d)
			}
		}
		c := *q
		if c.Must != nil {
			c.Must = flattenOr(c.Must)
		}
		if c.Should != nil {
			c.Should = flattenOr(c.Should)
		}
		return &c
	case *query.ConjunctionQuery:
		c := *q
		c.Conjuncts = make([]query.Query, len(q.Conjuncts))
		for i, sub := range q.Conjuncts {
			c.Conjuncts[i] = flattenOr(sub)
		}
		return &c
	}
	return q
}

// flatOr searches the disjunction q, and the disjunctions within it, as
// one searcher (see flatOrSearcher) when it scores without explanations
// or term vectors, and as Bleve would otherwise.
type flatOr struct {
	q *query.DisjunctionQuery
}

// Searcher implements query.Query.
func (f *flatOr) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	if o.Explain || o.IncludeTermVectors || o.Score == "none" {
		return f.q.Searcher(ctx, r, m, o)
	}
	s := &flatOrSearcher{}
	root, err := s.build(ctx, f.q, r, m, o)
	if err != nil {
		for _, l := range s.leaves {
			_ = l.Close()
		}
		return nil, err
	}
	if root == nil {
		return query.NewMatchNoneQuery().Searcher(ctx, r, m, o)
	}
	s.root, s.min = root, int(f.q.Min)
	s.ops, _ = root.compile(nil)
	s.vals = make([]orVal, len(s.ops))
	s.ids = make([]uint64, len(s.leaves))
	s.currs = make([]*search.DocumentMatch, len(s.leaves))
	return s, nil
}

// orNode is a node of a flattened disjunction as it is built: a leaf
// searcher, a disjunction of nodes in the order Bleve's searcher keeps
// them, or a node whose scores are scaled (see scaledQuery).
type orNode struct {
	leaf  int // index in flatOrSearcher.leaves, or -1
	kids  []*orNode
	scale float64 // a scaled node's factor; its one kid is kids[0]
	s     *flatOrSearcher
}

// flatOrSearcher is a tree of disjunctions searched as one.
type flatOrSearcher struct {
	leaves      []search.Searcher
	root        *orNode
	ops         []orOp   // the tree in post-order, root last
	vals        []orVal  // each op's value for the current document
	ids         []uint64 // the document number of each leaf's current match; math.MaxUint64 once it has none
	currs       []*search.DocumentMatch
	min         int // the root disjunction's Min
	initialized bool
}

// build makes the node of the disjunction q as DisjunctionQuery.Searcher
// and Bleve's disjunction searcher do: its clauses' searchers in order,
// then sorted by count, then the query norm of their weights set on them.
// It returns nil when q has no clauses.
func (s *flatOrSearcher) build(ctx context.Context, q *query.DisjunctionQuery, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (*orNode, error) {
	n := &orNode{leaf: -1, s: s}
	for _, sub := range q.Disjuncts {
		kid, err := s.clause(ctx, sub, r, m, o)
		if err != nil {
			return nil, err
		}
		if kid != nil {
			n.kids = append(n.kids, kid)
		}
	}
	if len(n.kids) == 0 {
		return nil, nil
	}
	sort.Sort(byCount(n.kids))
	var sumOfSquaredWeights float64
	for _, k := range n.kids {
		sumOfSquaredWeights += k.weight()
	}
	qnorm := 1.0 / math.Sqrt(sumOfSquaredWeights)
	for _, k := range n.kids {
		k.setQueryNorm(qnorm)
	}
	return n, nil
}

// clause makes the node of a clause of a disjunction: a disjunction
// within it, a match query (which Bleve searches as a disjunction of its
// terms), a scaled query, or a leaf; nil for a clause without a searcher.
func (s *flatOrSearcher) clause(ctx context.Context, q query.Query, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (*orNode, error) {
	if mq, ok := q.(*query.MatchQuery); ok {
		var err error
		if q, err = matchClauses(mq, m); err != nil {
			return nil, err
		}
	}
	if d := innerDisjunction(q); d != nil {
		n, err := s.build(ctx, d, r, m, o)
		if n == nil && err == nil {
			n = &orNode{leaf: -1, s: s} // what Bleve's MatchNone searcher would be there
		}
		return n, err
	}
	if sq, ok := q.(*scaledQuery); ok {
		kid, err := s.clause(ctx, sq.q, r, m, o)
		if err != nil || kid == nil {
			return kid, err
		}
		if kid.leaf >= 0 {
			if _, none := s.leaves[kid.leaf].(*searcher.MatchNoneSearcher); none {
				return kid, nil // scaledQuery leaves it unscaled
			}
		}
		return &orNode{leaf: -1, kids: []*orNode{kid}, scale: bodyScale, s: s}, nil
	}
	ls, err := q.Searcher(ctx, r, m, o)
	if err != nil || ls == nil {
		return nil, err
	}
	s.leaves = append(s.leaves, ls)
	return &orNode{leaf: len(s.leaves) - 1, s: s}, nil
}

// matchClauses returns the query Bleve's MatchQuery.Searcher searches q
// as: the disjunction of the term (or fuzzy term) queries of its analysed
// words, or a query matching nothing when it has none; q itself when its
// operator is "and". Its fuzziness must not be automatic: the compiler
// never makes it so.
func matchClauses(q *query.MatchQuery, m mapping.IndexMapping) (query.Query, error) {
	if q.Operator != query.MatchQueryOperatorOr {
		return q, nil
	}
	field := q.FieldVal
	if field == "" {
		field = m.DefaultSearchField()
	}
	name := q.Analyzer
	if name == "" {
		name = m.AnalyzerNameForPath(field)
	}
	an := m.AnalyzerNamed(name)
	if an == nil {
		return nil, fmt.Errorf("no analyzer named '%s' registered", q.Analyzer)
	}
	tokens := an.Analyze([]byte(q.Match))
	if len(tokens) == 0 {
		return query.NewMatchNoneQuery(), nil
	}
	tqs := make([]query.Query, len(tokens))
	for i, token := range tokens {
		if q.Fuzziness != 0 {
			fq := query.NewFuzzyQuery(string(token.Term))
			fq.SetFuzziness(q.Fuzziness)
			fq.SetPrefix(q.Prefix)
			fq.SetField(field)
			fq.SetBoost(q.BoostVal.Value())
			tqs[i] = fq
			continue
		}
		tq := query.NewTermQuery(string(token.Term))
		tq.SetField(field)
		tq.SetBoost(q.BoostVal.Value())
		tqs[i] = tq
	}
	d := query.NewDisjunctionQuery(tqs)
	d.SetMin(1)
	return d, nil
}

// innerDisjunction returns the disjunction q is searched as when it is one
// that flattens, else nil.
func innerDisjunction(q query.Query) *query.DisjunctionQuery {
	switch q := q.(type) {
	case *query.DisjunctionQuery:
		// Bleve's heap searcher, past DisjunctionHeapTakeover clauses,
		// adds scores in another order.
		if q.Min <= 1 && len(q.Disjuncts) <= searcher.DisjunctionHeapTakeover {
			return q
		}
	case *query.BooleanQuery:
		if q.Must == nil && q.MustNot == nil && q.Filter == nil {
			return innerDisjunction(q.Should)
		}
	case *flatOr:
		return innerDisjunction(q.q)
	}
	return nil
}

// byCount orders nodes as Bleve's OrderedSearcherList does.
type byCount []*orNode

func (b byCount) Len() int           { return len(b) }
func (b byCount) Less(i, j int) bool { return b[i].count() < b[j].count() }
func (b byCount) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// count, weight, setQueryNorm and poolSize are those of the searcher
// Bleve would make for the node: a disjunction's add up its clauses', a
// scaled searcher's are its wrapped searcher's.
func (n *orNode) count() uint64 {
	if n.leaf >= 0 {
		return n.s.leaves[n.leaf].Count()
	}
	var sum uint64
	for _, k := range n.kids {
		sum += k.count()
	}
	return sum
}

func (n *orNode) weight() float64 {
	if n.leaf >= 0 {
		return n.s.leaves[n.leaf].Weight()
	}
	var sum float64
	for _, k := range n.kids {
		sum += k.weight()
	}
	return sum
}

func (n *orNode) setQueryNorm(qnorm float64) {
	if n.leaf >= 0 {
		n.s.leaves[n.leaf].SetQueryNorm(qnorm)
		return
	}
	for _, k := range n.kids {
		k.setQueryNorm(qnorm)
	}
}

func (n *orNode) poolSize() int {
	if n.leaf >= 0 {
		return n.s.leaves[n.leaf].DocumentMatchPoolSize()
	}
	if n.scale != 0 {
		return n.kids[0].poolSize()
	}
	size := len(n.kids)
	for _, k := range n.kids {
		size += k.poolSize()
	}
	return size
}

// orOp is a node of the tree as scores are computed: in post-order, so
// that a node's kids have their values when it is reached.
type orOp struct {
	leaf  int     // >= 0: the leaf's score
	kids  []int32 // a disjunction: the ops of its clauses
	scale float64 // != 0: the value of the op kids[0] times scale
}

// orVal is an op's value for one document.
type orVal struct {
	score   float64
	first   int32 // the leaf whose DocumentMatch Bleve would hand up
	matched bool
}

// compile appends the ops of n to ops and returns them and the index of
// n's op. A disjunction of one clause scores as the clause (the sum of
// one score, times 1), so it is left out.
func (n *orNode) compile(ops []orOp) ([]orOp, int32) {
	switch {
	case n.leaf >= 0:
		return append(ops, orOp{leaf: n.leaf}), int32(len(ops))
	case n.scale != 0:
		ops, kid := n.kids[0].compile(ops)
		return append(ops, orOp{leaf: -1, kids: []int32{kid}, scale: n.scale}), int32(len(ops))
	case len(n.kids) == 1:
		return n.kids[0].compile(ops)
	}
	kids := make([]int32, len(n.kids))
	for i, k := range n.kids {
		ops, kids[i] = k.compile(ops)
	}
	return append(ops, orOp{leaf: -1, kids: kids}), int32(len(ops))
}

// score computes the value of every op for document id: a leaf's score
// when its match is id, a scaled node's value times its factor, and a
// disjunction's as Bleve's disjunction scorer makes it (the sum of the
// matching clauses' scores in order, times the share of clauses
// matching). It returns the root's.
func (s *flatOrSearcher) score(id uint64) orVal {
	vals := s.vals
	for i := range s.ops {
		op := &s.ops[i]
		switch {
		case op.leaf >= 0:
			if s.ids[op.leaf] == id {
				vals[i] = orVal{score: s.currs[op.leaf].Score, first: int32(op.leaf), matched: true}
			} else {
				vals[i].matched = false
			}
		case op.scale != 0:
			v := vals[op.kids[0]]
			v.score *= op.scale
			vals[i] = v
		default:
			var sum float64
			matched, first := 0, int32(-1)
			for _, k := range op.kids {
				if v := &vals[k]; v.matched {
					sum += v.score
					if matched == 0 {
						first = v.first
					}
					matched++
				}
			}
			if matched == 0 {
				vals[i].matched = false
				continue
			}
			coord := float64(matched) / float64(len(op.kids))
			vals[i] = orVal{score: sum * coord, first: first, matched: true}
		}
	}
	return vals[len(vals)-1]
}

// docNumber reads a scorch internal ID.
func docNumber(dm *search.DocumentMatch) (uint64, error) {
	if dm == nil {
		return math.MaxUint64, nil
	}
	if len(dm.IndexInternalID) != 8 {
		return 0, fmt.Errorf("index: internal ID of %d bytes, want 8", len(dm.IndexInternalID))
	}
	return binary.BigEndian.Uint64(dm.IndexInternalID), nil
}

func (s *flatOrSearcher) init(ctx *search.SearchContext) error {
	for i, l := range s.leaves {
		dm, err := l.Next(ctx)
		if err != nil {
			return err
		}
		if s.ids[i], err = docNumber(dm); err != nil {
			return err
		}
		s.currs[i] = dm
	}
	s.initialized = true
	return nil
}

// Next implements search.Searcher.
func (s *flatOrSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	id := uint64(math.MaxUint64)
	for _, leafID := range s.ids {
		id = min(id, leafID)
	}
	if id == math.MaxUint64 {
		return nil, nil
	}
	v := s.score(id)
	first := int(v.first)
	rv := s.currs[first]
	for i, leafID := range s.ids {
		if leafID != id {
			continue
		}
		if i != first {
			if dm := s.currs[i]; len(dm.FieldTermLocations) > 0 {
				rv.FieldTermLocations = search.MergeFieldTermLocations(rv.FieldTermLocations, []*search.DocumentMatch{dm})
			}
			ctx.DocumentMatchPool.Put(s.currs[i])
		}
		dm, err := s.leaves[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		if s.ids[i], err = docNumber(dm); err != nil {
			return nil, err
		}
		s.currs[i] = dm
	}
	rv.Score = v.score
	rv.Expl = nil
	return rv, nil
}

// Advance implements search.Searcher.
func (s *flatOrSearcher) Advance(ctx *search.SearchContext, ID index.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	if len(ID) != 8 {
		return nil, fmt.Errorf("index: internal ID of %d bytes, want 8", len(ID))
	}
	target := binary.BigEndian.Uint64(ID)
	for i, leafID := range s.ids {
		if leafID >= target { // at or past it, or done
			continue
		}
		ctx.DocumentMatchPool.Put(s.currs[i])
		dm, err := s.leaves[i].Advance(ctx, ID)
		if err != nil {
			return nil, err
		}
		if s.ids[i], err = docNumber(dm); err != nil {
			return nil, err
		}
		s.currs[i] = dm
	}
	return s.Next(ctx)
}

// Weight implements search.Searcher.
func (s *flatOrSearcher) Weight() float64 { return s.root.weight() }

// SetQueryNorm implements search.Searcher.
func (s *flatOrSearcher) SetQueryNorm(qnorm float64) { s.root.setQueryNorm(qnorm) }

// Count implements search.Searcher.
func (s *flatOrSearcher) Count() uint64 { return s.root.count() }

// Min implements search.Searcher: the root disjunction's (a boolean
// query's should clauses are required when it is above 0).
func (s *flatOrSearcher) Min() int { return s.min }

// DocumentMatchPoolSize implements search.Searcher.
func (s *flatOrSearcher) DocumentMatchPoolSize() int { return s.root.poolSize() }

// Size implements search.Searcher.
func (s *flatOrSearcher) Size() int {
	size := 64 + 16*len(s.leaves)
	for _, l := range s.leaves {
		size += l.Size()
	}
	return size
}

// Close implements search.Searcher.
func (s *flatOrSearcher) Close() error {
	var first error
	for _, l := range s.leaves {
		if err := l.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
