package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
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
// those documents only, asking for the positions of the matched terms
// (from term vectors, or, for a field with a token sequence, the
// positions of the matched terms in it, see seqLocations), finds their
// offsets by tokenizing the stored text (the index keeps positions only,
// see positionsAnalyzer) and lets Bleve's html highlighter cut and mark
// the fragment. Hits must hold the stored title.
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
	req.Explain = true // names the terms each document matched, see explainedTerms
	for _, f := range fields {
		if sf, ok := seqFields[f]; ok {
			req.Fields = append(req.Fields, sf)
		}
	}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	found := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		found[h.ID] = h
	}
	for _, h := range hits {
		m := found[h.ID]
		if m == nil {
			continue
		}
		highlightHit(m, h, fields, an, ix.lex, ix.reportDamaged)
		h.Fragments = m.Fragments
	}
	return nil
}

// highlightHit highlights the fields of m, the hit with term locations,
// taking the title from hit; an is the fields' analyzer, lex the
// lexicon of the stored body. A field whose stored text or sequence
// cannot be read goes without a fragment, and damaged hears of it.
func highlightHit(m, hit *search.DocumentMatch, fields []string, an analysis.Analyzer, lex *lexicon, damaged damageReport) {
	var body string
	var bodySeq *decodedSeq
	if slices.Contains(fields, fieldBody) {
		// The coded body is its token sequence (see lexicon.positions).
		words, _ := m.Fields[fieldBodyWords].(string)
		var err error
		if body, bodySeq, err = lex.positions([]byte(words)); err != nil {
			damaged(m.ID, fieldBodyWords, err)
			fields = slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == fieldBody })
		}
	}
	for _, f := range fields {
		ds := bodySeq
		if f != fieldBody {
			var err error
			if ds, err = storedSeq(m, f); err != nil {
				damaged(m.ID, seqFields[f], err)
				continue
			}
		}
		marks := seqLocations(m, f, ds)
		if len(m.Locations[f]) == 0 {
			continue
		}
		var text string
		switch f {
		case fieldTitle:
			text, _ = hit.Fields[fieldTitle].(string)
		case fieldBody:
			text = body
		default:
			continue
		}
		if _, ok := seqFields[f]; ok {
			m.Locations[f] = fragmentLocations(m.Locations[f], []byte(text), marks, an)
		} else {
			last := windowEnd(m.Locations[f])
			setOffsets(m.Locations[f], tokenSpans([]byte(text), last), 1, last)
		}
		if len(m.Locations[f]) == 0 {
			continue
		}
		doc := document.NewDocument(m.ID)
		doc.AddField(document.NewTextField(f, nil, []byte(text)))
		htmlHighlighter.BestFragmentsInField(m, doc, f, 1)
	}
}

// highlightWindow bounds the positions a fragment is chosen from: those
// up to this many after the first match. Finding offsets means segmenting
// the text up to the last position used, which for a long document full of
// matches would be most of the cost of a search.
const highlightWindow = 600

// fragmentPositions is how many positions around a body's best
// fragment keep their matches: a little more than the 200 bytes Bleve's
// highlighter cuts.
const fragmentPositions = 40

// bestWindow keeps, of the locations in tlm, those within the
// fragmentPositions after the one that starts the window holding the
// most distinct terms (then the most matches, then the earliest), and
// returns the first and last position kept. Only the text from the
// sequence checkpoint before the window to its end is then segmented
// (see fragmentLocations): a few hundred bytes instead of the highlight
// window's thousands, and the fragment Bleve's highlighter cuts from
// them is the same best one it would find.
func bestWindow(tlm search.TermLocationMap) (first, last uint64) {
	type match struct {
		pos  uint64
		term string
	}
	var ms []match
	for term, locs := range tlm {
		for _, l := range locs {
			ms = append(ms, match{l.Pos, term})
		}
	}
	if len(ms) == 0 {
		return 0, 0
	}
	slices.SortFunc(ms, func(a, b match) int { return cmp.Compare(a.pos, b.pos) })
	count := map[string]int{}
	best, bestDistinct, bestN := 0, 0, 0
	j := 0
	for i := range ms {
		for j < len(ms) && ms[j].pos < ms[i].pos+fragmentPositions {
			count[ms[j].term]++
			j++
		}
		if len(count) > bestDistinct || len(count) == bestDistinct && j-i > bestN {
			best, bestDistinct, bestN = i, len(count), j-i
		}
		if count[ms[i].term]--; count[ms[i].term] == 0 {
			delete(count, ms[i].term)
		}
	}
	lo, hi := ms[best].pos, ms[best+bestN-1].pos
	for term, locs := range tlm {
		kept := slices.DeleteFunc(locs, func(l *search.Location) bool { return l.Pos < lo || l.Pos > hi })
		if len(kept) == 0 {
			delete(tlm, term)
			continue
		}
		tlm[term] = kept
	}
	return lo, hi
}

// windowEnd returns the last position of tlm within the highlight window.
func windowEnd(tlm search.TermLocationMap) uint64 {
	first, last := uint64(math.MaxUint64), uint64(0)
	for _, locs := range tlm {
		for _, l := range locs {
			first, last = min(first, l.Pos), max(last, l.Pos)
		}
	}
	return min(last, first+highlightWindow)
}

// fragmentLocations returns, of the matches in a field with a token
// sequence, those of its best fragment (see bestWindow), with their
// offsets in text, each checked against the text: a match found by the
// hash of its term may be another word with the same hash, and the
// analysed word at its offsets must be the term. A window whose matches
// all fail gives way to the next best; each try drops at least one
// wrong match, so it ends.
func fragmentLocations(all search.TermLocationMap, text []byte, marks []seqMark, an analysis.Analyzer) search.TermLocationMap {
	for {
		tlm := make(search.TermLocationMap, len(all))
		for term, locs := range all {
			tlm[term] = slices.Clone(locs)
		}
		first, last := bestWindow(tlm)
		from := markBefore(marks, first)
		setOffsets(tlm, tokenSpansFrom(text, from, last), from.pos, last)
		wrong := dropMisread(tlm, text, an)
		if len(tlm) > 0 || len(wrong) == 0 {
			return tlm
		}
		for term, locs := range all {
			all[term] = slices.DeleteFunc(locs, func(l *search.Location) bool { return wrong[l] })
		}
	}
}

// dropMisread removes from tlm the locations whose text does not analyse
// to their term and returns them.
func dropMisread(tlm search.TermLocationMap, text []byte, an analysis.Analyzer) map[*search.Location]bool {
	wrong := map[*search.Location]bool{}
	for term, locs := range tlm {
		kept := slices.DeleteFunc(locs, func(l *search.Location) bool {
			ts := an.Analyze(text[l.Start:l.End])
			if len(ts) == 1 && string(ts[0].Term) == term {
				return false
			}
			wrong[l] = true
			return true
		})
		if len(kept) == 0 {
			delete(tlm, term)
			continue
		}
		tlm[term] = kept
	}
	return wrong
}

// markBefore returns the last of marks at or before position pos, or the
// start of the text.
func markBefore(marks []seqMark, pos uint64) seqMark {
	from := seqMark{pos: 1}
	for _, m := range marks {
		if m.pos > pos {
			break
		}
		from = m
	}
	return from
}

// setOffsets gives each location from position first to last the offsets
// of the token at its position, spans[position-first], dropping the
// others.
func setOffsets(tlm search.TermLocationMap, spans []span, first, last uint64) {
	for term, locs := range tlm {
		kept := locs[:0]
		for _, l := range locs {
			if l.Pos >= first && l.Pos <= last && l.Pos-first < uint64(len(spans)) {
				sp := spans[l.Pos-first]
				l.Start, l.End = uint64(sp.start), uint64(sp.end)
				kept = append(kept, l)
			}
		}
		if len(kept) == 0 {
			delete(tlm, term)
			continue
		}
		tlm[term] = kept
	}
}

// decodedSeq is a decoded token sequence: its tokens and checkpoints.
type decodedSeq struct {
	toks  []seqToken
	marks []seqMark
}

// storedSeq decodes the stored token sequence of field in m; nil for a
// field without one.
func storedSeq(m *search.DocumentMatch, field string) (*decodedSeq, error) {
	sf, ok := seqFields[field]
	if !ok {
		return nil, nil
	}
	seq, _ := m.Fields[sf].(string)
	toks, err := decodeSeq(nil, []byte(seq))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sf, err)
	}
	marks, err := seqMarks([]byte(seq), toks)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sf, err)
	}
	return &decodedSeq{toks, marks}, nil
}

// seqLocations adds to the term locations of m in field, when it has a
// token sequence ds, the positions of the terms m matched there alone
// (phrase searches give the positions of their occurrences themselves,
// see seqCheck): those whose hash is the hash of such a term. It returns
// the sequence's checkpoints.
func seqLocations(m *search.DocumentMatch, field string, ds *decodedSeq) []seqMark {
	if ds == nil {
		return nil
	}
	toks, marks := ds.toks, ds.marks
	terms := explainedTerms(m.Expl, field, nil)
	if len(terms) == 0 {
		return marks
	}
	byHash := make(map[uint16][]string, len(terms)) // terms sharing a hash each get the location; the text tells (see dropMisread)
	for _, t := range terms {
		h := termHash([]byte(t))
		byHash[h] = append(byHash[h], t)
	}
	if m.Locations == nil {
		m.Locations = search.FieldTermLocationMap{}
	}
	tlm := m.Locations[field]
	if tlm == nil {
		tlm = search.TermLocationMap{}
		m.Locations[field] = tlm
	}
	taken := map[uint64]bool{}
	for _, locs := range tlm {
		for _, l := range locs {
			taken[l.Pos] = true
		}
	}
	for _, tok := range toks {
		if taken[uint64(tok.pos)] {
			continue
		}
		for _, t := range byHash[tok.hash] {
			tlm[t] = append(tlm[t], &search.Location{Pos: uint64(tok.pos)})
		}
	}
	return marks
}

// explainedTerms appends to dst the terms of field that the explanation
// of a match scored: Bleve's term scorer explains each as
// "fieldWeight(field:term in …)", a prefix, fuzzy or wildcard term as
// the word of the index it stood for. Phrases explain themselves
// otherwise (see phraseSearcher.keep), so their words alone are not
// among them.
func explainedTerms(e *search.Explanation, field string, dst []string) []string {
	if e == nil {
		return dst
	}
	prefix := "fieldWeight(" + field + ":"
	if rest, ok := strings.CutPrefix(e.Message, prefix); ok {
		if t, _, ok := strings.Cut(rest, " in "); ok && !slices.Contains(dst, t) {
			dst = append(dst, t)
		}
	}
	for _, c := range e.Children {
		dst = explainedTerms(c, field, dst)
	}
	return dst
}
