package index

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"sync/atomic"

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

// pushFilter returns q with each phrase within it restricted to filter.
// q must be conjoined with filter by the caller. Every phrase is a
// filteredPhrase (see phraseQuery): Bleve's own needs term vectors, which
// body and claim text do not have.
func pushFilter(q query.Query, filter query.Query) query.Query {
	switch q := q.(type) {
	case *filteredPhrase:
		if q.filter != nil {
			filter = query.NewConjunctionQuery([]query.Query{q.filter, filter})
		}
		pushed := *q
		pushed.filter = filter
		return &pushed
	case *scaledQuery:
		q.q = pushFilter(q.q, filter)
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

// phraseQuery matches the documents holding the analysed words of text in
// order in field. Phrases in a field with a token sequence (see seq.go)
// must be searched with it: Bleve's phrase search needs term vectors.
// damaged (may be nil) hears of documents whose sequence cannot be read;
// lex is the index's lexicon, which the body's sequences are read with
// (see lexiconFilter.tokens).
func phraseQuery(field, text string, boost float64, damaged damageReport, lex *lexicon) query.Query {
	return &filteredPhrase{field: field, text: text, boost: boost, damaged: damaged, lex: lex}
}

// filteredPhrase matches the documents that match filter (when not nil)
// and hold the analysed words of text in order in field.
type filteredPhrase struct {
	field, text string
	boost       float64
	filter      query.Query
	damaged     damageReport
	lex         *lexicon
}

// SetBoost and Boost make a phrase boostable ("body:\"a b\"^5").
func (q *filteredPhrase) SetBoost(b float64) { q.boost = b }
func (q *filteredPhrase) Boost() float64     { return q.boost }

// Searcher implements query.Query.
func (q *filteredPhrase) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	an := m.AnalyzerNamed(m.AnalyzerNameForPath(q.field))
	terms := phraseTerms(an.Analyze([]byte(q.text)))
	if len(terms) == 0 {
		return query.NewMatchNoneQuery().Searcher(ctx, r, m, o)
	}
	seqField, bySeq := seqFields[q.field]
	withLocations := o.IncludeTermVectors
	// A phrase of one word is that word: no positions to check.
	o.IncludeTermVectors = !bySeq && (len(terms) > 1 || withLocations)
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
	if q.filter != nil {
		fs, err := unscored{q.filter}.Searcher(ctx, r, m, o)
		if err != nil {
			closeAll()
			return nil, err
		}
		subs = append(subs, fs)
	}
	must, err := searcher.NewConjunctionSearcher(ctx, r, subs, o)
	if err != nil {
		closeAll()
		return nil, err
	}
	if len(terms) == 1 {
		// Every document holding the word holds the phrase; its term
		// explains itself for highlighting (see seqLocations) or gives
		// its locations.
		return must, nil
	}
	s := &phraseSearcher{must: must, field: q.field, terms: terms, explain: o.Explain}
	if bySeq {
		s.seq = &seqCheck{stored: newStoredReader(r), field: q.field, seqField: seqField, phrase: newSeqPhrase(terms),
			locate: withLocations, damaged: q.damaged}
		if q.field == fieldBody && q.lex != nil {
			s.seq.words = q.lex.filter(s.seq.phrase.terms)
		}
		helper := *s.seq
		s.helper, s.batch = &helper, minPhraseBatch
	}
	return s, nil
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

// phraseSearcher passes on the matches of must (term searchers and a
// filter) that hold terms in order in field: by the term locations of
// the matches, or, for a field with a token sequence, by the sequence.
type phraseSearcher struct {
	must    search.Searcher
	field   string
	terms   []string
	seq     *seqCheck // nil: check term locations
	explain bool

	// With a sequence, candidates are read ahead of the caller in
	// batches and checked on two goroutines (see fill): each check reads
	// a stored document, and checks are most of a phrase search.
	helper *seqCheck // seq's twin, with buffers of its own
	ahead  []*search.DocumentMatch
	head   int                     // ahead[head:] hold the phrase, in order
	batch  int                     // candidates the next fill reads
	last   index.IndexInternalID   // the last candidate must gave
	done   bool                    // must has no more candidates
	cands  []*search.DocumentMatch // fill's
	kept   []bool
}

// Read-ahead batches start small, for a caller that skips (Advance), and
// double as it reads on, up to maxPhraseBatch. Batches smaller than
// minParallelChecks are checked on the caller's goroutine alone.
const (
	minPhraseBatch    = 8
	maxPhraseBatch    = 256
	minParallelChecks = 16
)

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.helper == nil {
		return s.nextChecked(ctx)
	}
	for s.head == len(s.ahead) {
		if s.done {
			return nil, nil
		}
		if err := s.fill(ctx); err != nil {
			return nil, err
		}
	}
	dm := s.ahead[s.head]
	s.head++
	return dm, nil
}

// nextChecked returns the next candidate of must that holds the phrase,
// checking one at a time.
func (s *phraseSearcher) nextChecked(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for {
		dm, err := s.must.Next(ctx)
		if err != nil || dm == nil {
			return nil, err
		}
		if s.keep(dm, s.seq) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

// fill reads the next batch of candidates off must and keeps in ahead
// those that hold the phrase.
func (s *phraseSearcher) fill(ctx *search.SearchContext) error {
	s.ahead, s.head = s.ahead[:0], 0
	s.cands = s.cands[:0]
	for len(s.cands) < s.batch {
		dm, err := s.must.Next(ctx)
		if err != nil {
			for _, dm := range s.cands {
				ctx.DocumentMatchPool.Put(dm)
			}
			return err
		}
		if dm == nil {
			s.done = true
			break
		}
		s.cands = append(s.cands, dm)
	}
	if len(s.cands) == 0 {
		return nil
	}
	s.last = append(s.last[:0], s.cands[len(s.cands)-1].IndexInternalID...)
	s.batch = min(2*s.batch, maxPhraseBatch)
	s.check()
	for i, dm := range s.cands {
		if s.kept[i] {
			s.ahead = append(s.ahead, dm)
		} else {
			ctx.DocumentMatchPool.Put(dm)
		}
	}
	return nil
}

// check sets kept[i] to whether cands[i] holds the phrase. The caller's
// goroutine and a helper take candidates in turn; a helper that has not
// started by the time the caller has checked them all is not waited for,
// so on a machine whose cores are busy a search waits at most for the
// one candidate the helper took. A panic in the helper is raised again
// in the caller's goroutine, where the server recovers it.
func (s *phraseSearcher) check() {
	n := len(s.cands)
	s.kept = slices.Grow(s.kept[:0], n)[:n]
	var next atomic.Int64
	work := func(c *seqCheck) {
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			s.kept[i] = s.keep(s.cands[i], c)
		}
	}
	if n < minParallelChecks {
		work(s.seq)
		return
	}
	const (
		waiting = iota
		started
		skipped
	)
	var state atomic.Int32
	var panicked any
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer func() { panicked = recover() }()
		if state.CompareAndSwap(waiting, started) {
			work(s.helper)
		}
	}()
	work(s.seq)
	if !state.CompareAndSwap(waiting, skipped) {
		<-finished
		if panicked != nil {
			panic(panicked)
		}
	}
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if s.helper == nil {
		return s.advanceChecked(ctx, id)
	}
	s.batch = minPhraseBatch
	for ; s.head < len(s.ahead); s.head++ {
		if s.ahead[s.head].IndexInternalID.Compare(id) >= 0 {
			return s.Next(ctx)
		}
		ctx.DocumentMatchPool.Put(s.ahead[s.head])
	}
	if s.done || (s.last != nil && id.Compare(s.last) <= 0) {
		// must is past id, and every candidate from id on that it gave
		// was checked and did not hold the phrase.
		return s.Next(ctx)
	}
	return s.advanceChecked(ctx, id)
}

// advanceChecked returns the first candidate of must from id on that
// holds the phrase.
func (s *phraseSearcher) advanceChecked(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.must.Advance(ctx, id)
	if err != nil || dm == nil {
		s.done = dm == nil && err == nil
		return nil, err
	}
	s.last = append(s.last[:0], dm.IndexInternalID...)
	if s.keep(dm, s.seq) {
		return dm, nil
	}
	ctx.DocumentMatchPool.Put(dm)
	return s.Next(ctx)
}

// keep reports whether dm holds the phrase, leaving in its term locations
// only those of the phrase's occurrences (for highlighting). Its
// explanation, when asked for, names the phrase, not its words: the
// words alone did not match (highlight reads explanations).
func (s *phraseSearcher) keep(dm *search.DocumentMatch, seq *seqCheck) bool {
	var ok bool
	if seq != nil {
		ok = seq.keep(dm, s.terms)
	} else {
		ok = s.keepByLocations(dm)
	}
	if ok && s.explain && dm.Expl != nil {
		dm.Expl = &search.Explanation{Value: dm.Expl.Value, Message: "phrase(" + s.field + ":" + strings.Join(s.terms, " ") + ")"}
	}
	return ok
}

// keepByLocations is keep for a field with term vectors.
func (s *phraseSearcher) keepByLocations(dm *search.DocumentMatch) bool {
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

// seqCheck checks phrase candidates against their token sequences.
type seqCheck struct {
	stored          *storedReader
	field, seqField string
	phrase          seqPhrase
	locate          bool           // add the phrase's occurrences to the term locations
	damaged         damageReport   // nil: discard
	words           *lexiconFilter // the body's: its sequence is its coded words (see lexicon.go)
	buf             []byte
	toks            []seqToken
}

// keep reports whether the sequence of dm's document holds the phrase. A
// sequence that cannot be read holds none: that document alone misses
// the phrase, and damaged hears which one.
func (c *seqCheck) keep(dm *search.DocumentMatch, terms []string) bool {
	var err error
	c.buf, err = c.stored.value(c.buf[:0], dm.IndexInternalID, c.seqField)
	switch {
	case err != nil:
	case c.field == fieldBody && c.words == nil:
		err = errors.New("no lexicon to read the body with")
	case c.field == fieldBody: // its words are its sequence
		var stopAt *seqPhrase
		if !c.locate {
			stopAt = &c.phrase
		}
		var found bool
		if c.toks, found, err = c.words.tokens(c.toks[:0], c.buf, stopAt); found {
			return true
		}
	default:
		c.toks, err = c.phrase.tokens(c.toks[:0], c.buf)
	}
	if err != nil {
		if c.damaged != nil {
			id, _ := c.stored.r.ExternalID(dm.IndexInternalID)
			c.damaged(id, c.seqField, err)
		}
		return false
	}
	starts := c.phrase.starts(c.toks)
	if c.locate {
		for _, p0 := range starts {
			for i, t := range terms {
				if t != "" {
					dm.FieldTermLocations = append(dm.FieldTermLocations, search.FieldTermLocation{
						Field: c.field, Term: t, Location: search.Location{Pos: uint64(p0) + uint64(i)}})
				}
			}
		}
	}
	return len(starts) > 0
}

func (s *phraseSearcher) Weight() float64        { return s.must.Weight() }
func (s *phraseSearcher) SetQueryNorm(n float64) { s.must.SetQueryNorm(n) }
func (s *phraseSearcher) Count() uint64          { return s.must.Count() }
func (s *phraseSearcher) Min() int               { return s.must.Min() }
func (s *phraseSearcher) Size() int              { return s.must.Size() + len(s.terms)*16 }
func (s *phraseSearcher) Close() error           { return s.must.Close() }

// DocumentMatchPoolSize counts the candidates a fill holds.
func (s *phraseSearcher) DocumentMatchPoolSize() int {
	if s.helper == nil {
		return s.must.DocumentMatchPoolSize() + 1
	}
	return s.must.DocumentMatchPoolSize() + maxPhraseBatch + 1
}
