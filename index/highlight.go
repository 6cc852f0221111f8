package index

import (
	"bytes"
	"cmp"
	"context"
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
// (from the title's term vectors; in the body, the words of the matched
// terms, see bodyLocations), finds their offsets (the index keeps
// positions only, see positionsAnalyzer) and lets Bleve's html
// highlighter cut and mark the fragment. Hits must hold the stored title
// and coded body.
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
// taking the stored title and coded body from hit; an is the fields'
// analyzer, lex the lexicon of the coded body. A field whose stored text
// or sequence cannot be read goes without a fragment, and damaged hears
// of it.
func highlightHit(m, hit *search.DocumentMatch, fields []string, an analysis.Analyzer, lex *lexicon, damaged damageReport) {
	for _, f := range fields {
		var text []byte
		switch f {
		case fieldBody:
			var err error
			if text, err = bodyLocations(m, hit, lex, an); err != nil {
				damaged(m.ID, fieldBodyWords, err)
				continue
			}
		case fieldTitle:
			title, _ := hit.Fields[fieldTitle].(string)
			text = []byte(title)
			if len(m.Locations[f]) > 0 {
				last := windowEnd(m.Locations[f])
				setOffsets(m.Locations[f], tokenSpans(text, last), 1, last)
			}
		default:
			continue
		}
		if len(m.Locations[f]) == 0 {
			continue
		}
		doc := document.NewDocument(m.ID)
		doc.AddField(document.NewTextField(f, nil, text))
		htmlHighlighter.BestFragmentsInField(m, doc, f, 1)
	}
}

// bodyLocations finds the body's matches in m, the hit with term
// locations, from the coded body of hit, and keeps those of its best
// fragment with their offsets (see fragmentLocations). It returns the
// start of the body the fragment is cut from: reading every word's mark
// to find the matches and decoding only up to the fragment is a fraction
// of the cost of decoding the whole body.
func bodyLocations(m, hit *search.DocumentMatch, lex *lexicon, an analysis.Analyzer) ([]byte, error) {
	words, _ := hit.Fields[fieldBodyWords].(string)
	if terms := explainedTerms(m.Expl, fieldBody, nil); len(terms) > 0 {
		var keep hashSet
		for _, t := range terms {
			keep.add(termHash([]byte(t)))
		}
		toks, _, err := lex.matching(&keep).tokens(nil, []byte(words), nil)
		if err != nil {
			return nil, err
		}
		seqLocations(m, fieldBody, terms, toks)
	}
	if len(m.Locations[fieldBody]) == 0 {
		return nil, nil
	}
	var readErr error
	tlm, text := fragmentLocations(m.Locations[fieldBody], an, func(first, last uint64) ([]byte, []span) {
		text, spans, err := lex.spans([]byte(words), first, last, fragmentMargin)
		if err != nil {
			readErr = err
		}
		return text, spans
	})
	if readErr != nil {
		return nil, readErr
	}
	m.Locations[fieldBody] = tlm
	return text, nil
}

// fragmentMargin is how many bytes of the body after the last match of
// its fragment are decoded: Bleve's fragmenter reaches 200 characters
// past a match, and one byte more tells it the text goes on.
const fragmentMargin = 4*200 + 1

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
// offsets in the text read gives for its positions first to last, each
// checked against that text: a match found by the hash of its term may
// be another word with the same hash, and the analysed word at its
// offsets must be the term. A window whose matches all fail gives way to
// the next best, up to maxFragmentTries windows (each try drops at least
// one wrong match). It returns the text read last too; no matches and no
// text when none is left.
func fragmentLocations(all search.TermLocationMap, an analysis.Analyzer, read func(first, last uint64) ([]byte, []span)) (search.TermLocationMap, []byte) {
	for range maxFragmentTries {
		if len(all) == 0 {
			break
		}
		tlm := make(search.TermLocationMap, len(all))
		for term, locs := range all {
			tlm[term] = slices.Clone(locs)
		}
		first, last := bestWindow(tlm)
		text, spans := read(first, last)
		setOffsets(tlm, spans, first, last)
		wrong := dropMisread(tlm, text, an)
		if len(tlm) > 0 || len(wrong) == 0 {
			return tlm, text
		}
		for term, locs := range all {
			if all[term] = slices.DeleteFunc(locs, func(l *search.Location) bool { return wrong[l] }); len(all[term]) == 0 {
				delete(all, term)
			}
		}
	}
	return search.TermLocationMap{}, nil
}

// maxFragmentTries bounds the windows fragmentLocations tries: each
// decodes the body up to it again, and a window fails only when every
// match in it is a word sharing a term's 14-bit hash.
const maxFragmentTries = 8

// dropMisread removes from tlm the locations whose text does not analyse
// to their term and returns them.
func dropMisread(tlm search.TermLocationMap, text []byte, an analysis.Analyzer) map[*search.Location]bool {
	wrong := map[*search.Location]bool{}
	for term, locs := range tlm {
		kept := slices.DeleteFunc(locs, func(l *search.Location) bool {
			ts := an.Analyze(bytes.Clone(text[l.Start:l.End])) // the analyzer lowercases in place
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

// seqLocations adds to the term locations of m in field the positions,
// among toks, of the terms m matched there alone (phrase searches give
// the positions of their occurrences themselves, see seqCheck): those
// whose hash is the hash of such a term.
func seqLocations(m *search.DocumentMatch, field string, terms []string, toks []seqToken) {
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
