package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/bits"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// Reading word-coded texts (see lexicon.go): as text, as the tokens
// Bleve indexes, as a token sequence, and, for phrase checks, as the
// positions of some terms.

// decode reverses encode.
func (l *lexicon) decode(coded []byte) (string, error) {
	return l.decodePrefix(coded, -1)
}

// decodePrefix decodes the start of the text coded holds: at least n
// bytes of it, or all of it (all of it for n < 0).
func (l *lexicon) decodePrefix(coded []byte, n int) (string, error) {
	d, err := l.decoder(coded)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(d.gap())
	for d.err == nil && len(d.in) > 0 && (n < 0 || b.Len() < n) {
		e := d.word()
		b.WriteString(e.text)
		b.WriteString(d.gapAfter())
	}
	if d.err != nil {
		return "", fmt.Errorf("decode stored body: %w", d.err)
	}
	return b.String(), nil
}

// analysis returns the tokens fieldAnalyzer makes of the text coded
// holds: every word that is not dropped, with its term, position, offsets
// and type, from what the lexicon knows of it.
func (l *lexicon) analysis(coded []byte) (analysis.TokenStream, error) {
	d, err := l.decoder(coded)
	if err != nil {
		return nil, err
	}
	var toks []analysis.Token
	at := len(d.gap())
	for pos := 1; d.err == nil && len(d.in) > 0; pos++ {
		e := d.word()
		if !e.term.dropped {
			toks = append(toks, analysis.Token{Term: e.term.term, Start: at, End: at + len(e.text), Position: pos, Type: e.kind.tokenType()})
		}
		at += len(e.text) + len(d.gapAfter())
	}
	if d.err != nil {
		return nil, fmt.Errorf("decode stored body: %w", d.err)
	}
	ts := make(analysis.TokenStream, len(toks))
	for i := range toks {
		ts[i] = &toks[i]
	}
	return ts, nil
}

// spans decodes the part of the text coded holds that a fragment of the
// words at positions first to last is cut from, with the spans of those
// words in it (position p at index p-first). The part starts
// fragmentReach words before first (or at the start of the text) and goes
// on margin bytes past the start of the word at last (or to the end). The
// words before it are skipped without being looked up: that is most of
// the cost of decoding.
//
// Bleve's fragmenter moves a fragment at most 200 characters back from a
// match and marks one that does not start the text with "…", so from a
// part that starts at least 201 characters before every match (each word
// is one at least) it cuts the fragment it cuts from the whole text.
func (l *lexicon) spans(coded []byte, first, last uint64, margin int) ([]byte, []span, error) {
	d, err := l.decoder(coded)
	if err != nil {
		return nil, nil, err
	}
	text := make([]byte, 0, 2*margin)
	from := uint64(1)
	if first > fragmentReach+1 {
		from = first - fragmentReach
		d.skipGap()
		for pos := uint64(1); pos < from && d.err == nil && len(d.in) > 0; pos++ {
			d.skipWord()
		}
	} else {
		text = append(text, d.gap()...)
	}
	spans := make([]span, 0, min(last-first+1, uint64(len(coded)/2)))
	stop := -1
	for pos := from; d.err == nil && len(d.in) > 0 && (stop < 0 || len(text) < stop); pos++ {
		e := d.word()
		if pos >= first && pos <= last {
			spans = append(spans, span{len(text), len(text) + len(e.text)})
		}
		if pos == last {
			stop = len(text) + margin
		}
		text = append(text, e.text...)
		text = append(text, d.gapAfter()...)
	}
	if d.err != nil {
		return nil, nil, fmt.Errorf("decode stored body: %w", d.err)
	}
	return text, spans, nil
}

// fragmentReach is how many words before a fragment's first match spans
// decodes: more than Bleve's fragmenter moves back (see spans).
const fragmentReach = 201

// lexiconFilter is the set of a lexicon's entries whose term hash is in
// a set, a bit per entry, with their marks: a phrase check makes one per
// phrase and tests each word of each candidate against it, a bit in a
// small array, instead of reading the word's mark.
type lexiconFilter struct {
	keep  *hashSet
	marks []uint16
	bits  []uint64 // nil: test each word's mark (see matching)
	// units has a bit for each 16-bit word unit tokens must look at: an
	// entry's in bits (with either flag), the escape, a literal's, and
	// every unit that is not an entry's, to report it. Any other unit is
	// a word to pass over, so most words cost a bit test (nil: look at
	// every unit).
	units *[1 << 16 / 64]uint64
}

// filter returns the filter of the entries whose term hash is in keep.
func (l *lexicon) filter(keep *hashSet) *lexiconFilter {
	l.mu.RLock()
	marks := l.marks // appends never change what a reader holds
	l.mu.RUnlock()
	f := &lexiconFilter{keep: keep, marks: marks, bits: make([]uint64, (len(marks)+63)/64), units: new([1 << 16 / 64]uint64)}
	for id, m := range marks {
		if m&(markGap|markDropped) == 0 && keep.has(m) && id >= lexiconReserved {
			f.bits[id/64] |= 1 << (id % 64)
		}
	}
	// Units of ids below lexiconReserved or past the lexicon, the escape,
	// and both units of each entry in bits.
	for v := range 2 * lexiconReserved {
		f.units[v/64] |= 1 << (v % 64)
	}
	for v := 2 * len(marks); v < 1<<16; v++ {
		if v%64 == 0 && v+64 <= 1<<16 {
			f.units[v/64] = ^uint64(0)
			v += 63
			continue
		}
		f.units[v/64] |= 1 << (v % 64)
	}
	f.units[wordUnitEscape/64] |= 1 << (wordUnitEscape % 64)
	for w, word := range f.bits {
		for ; word != 0; word &= word - 1 {
			if id := w*64 + bits.TrailingZeros64(word); id < 1<<15 {
				f.units[id/32] |= 3 << (2 * (id % 32))
			}
		}
	}
	return f
}

// matching returns the filter of the entries whose term hash is in keep
// that reads each word's mark instead of a bit: it costs nothing to make,
// for the few texts of a page of hits (filter reads every mark once).
func (l *lexicon) matching(keep *hashSet) *lexiconFilter {
	l.mu.RLock()
	marks := l.marks
	l.mu.RUnlock()
	return &lexiconFilter{keep: keep, marks: marks}
}

// tokens appends to dst the tokens of the text coded holds whose entry is
// in f (or, for a word written out, whose term hash is), as decodeSeqIn
// gives them from the text's sequence; with a phrase, it stops once the
// phrase ends at a token, and reports it found. Numbers are not checked
// against the lexicon beyond that: the text's checksum holds.
func (f *lexiconFilter) tokens(dst []seqToken, coded []byte, phrase *seqPhrase) ([]seqToken, bool, error) {
	in, err := checkedBody(coded)
	if err != nil {
		return dst, false, err
	}
	if in, err = skipGap(in); err != nil {
		return dst, false, err
	}
	bits, marks, units := f.bits, f.marks, f.units
	for pos := uint32(1); len(in) > 0; pos++ {
		if len(in) < 2 {
			return dst, false, errors.New("decode stored body: truncated")
		}
		u := binary.LittleEndian.Uint16(in)
		in = in[2:]
		gapFollows := u&1 != 0
		if units == nil || units[u/64]&(1<<(u%64)) != 0 {
			v := uint64(u)
			if u == wordUnitEscape {
				if v, in, err = uvarint(in); err != nil {
					return dst, false, err
				}
				gapFollows = v&1 != 0
			}
			hash, found := uint16(0), false
			switch id := v >> 1; {
			case id < uint64(len(marks)) && id >= lexiconReserved:
				if bits != nil {
					found = bits[id/64]&(1<<(id%64)) != 0
				} else {
					found = marks[id]&(markGap|markDropped) == 0 && f.keep.has(marks[id])
				}
				if found {
					hash = marks[id]
				}
			case id == lexiconLiteral:
				var word []byte
				if word, in, err = literal(in); err != nil {
					return dst, false, err
				}
				m := markOf(lexEntry{term: wordTerm(string(word))})
				hash, found = m, m&markDropped == 0 && f.keep.has(m)
			default:
				return dst, false, fmt.Errorf("decode stored body: number %d is not a word in the index's lexicon of %d", id, len(marks))
			}
			if found {
				dst = append(dst, seqToken{pos: pos, hash: hash})
				if phrase != nil && phrase.endsAt(dst) {
					return dst, true, nil
				}
			}
		}
		if !gapFollows {
			continue
		}
		if len(in) > 0 && in[0] < 0x80 && in[0] != lexiconLiteral { // a numbered gap
			in = in[1:]
		} else if in, err = skipGap(in); err != nil {
			return dst, false, err
		}
	}
	return dst, false, nil
}

// uvarint reads a uvarint off in: most numbers take one or two bytes.
func uvarint(in []byte) (uint64, []byte, error) {
	switch {
	case len(in) == 0:
		return 0, nil, errors.New("decode stored body: truncated")
	case in[0] < 0x80:
		return uint64(in[0]), in[1:], nil
	case len(in) > 1 && in[1] < 0x80:
		return uint64(in[0]&0x7f) | uint64(in[1])<<7, in[2:], nil
	case len(in) > 2 && in[2] < 0x80: // an escaped word's
		return uint64(in[0]&0x7f) | uint64(in[1]&0x7f)<<7 | uint64(in[2])<<14, in[3:], nil
	}
	v, k := binary.Uvarint(in)
	if k <= 0 {
		return 0, nil, errors.New("decode stored body: truncated")
	}
	return v, in[k:], nil
}

// skipGap returns in after the gap that starts it.
func skipGap(in []byte) ([]byte, error) {
	if len(in) == 0 {
		return nil, errors.New("decode stored body: truncated")
	}
	v, in, err := uvarint(in)
	if err != nil || v != lexiconLiteral {
		return in, err
	}
	_, rest, err := literal(in)
	return rest, err
}

// literal splits a literal's bytes off in, after its number.
func literal(in []byte) (lit, rest []byte, err error) {
	n, k := binary.Uvarint(in)
	if k <= 0 || n > uint64(len(in)-k) {
		return nil, nil, errors.New("decode stored body: truncated literal")
	}
	return in[k : k+int(n)], in[k+int(n):], nil
}

// checkedBody returns coded without its checksum, once the checksum holds.
func checkedBody(coded []byte) ([]byte, error) {
	if len(coded) < 4 || crc32.Checksum(coded[:len(coded)-4], castagnoli) != binary.BigEndian.Uint32(coded[len(coded)-4:]) {
		return nil, errors.New("decode stored body: checksum mismatch")
	}
	return coded[:len(coded)-4], nil
}

// decoder returns a decoder of coded, once its checksum holds.
func (l *lexicon) decoder(coded []byte) (*lexDecoder, error) {
	in, err := checkedBody(coded)
	if err != nil {
		return nil, err
	}
	l.mu.RLock()
	entries := l.entries // appends never change what a reader holds
	l.mu.RUnlock()
	return &lexDecoder{entries: entries, in: in}, nil
}

// lexDecoder reads the words and gaps of a coded text, in turn: gap, then
// word and gapAfter as long as in is not empty.
type lexDecoder struct {
	entries    []lexEntry
	in         []byte
	spaceAfter bool // of the last word read
	err        error
	literal    lexEntry // the last literal word read
}

// word reads a word.
func (d *lexDecoder) word() *lexEntry {
	v, lit := d.unit()
	d.spaceAfter, v = v&1 == 0, v>>1
	switch {
	case d.err != nil:
	case v == lexiconLiteral:
		d.literal = lexEntry{text: d.readLiteral(), term: termOf{dropped: true}}
		if d.err == nil {
			d.literal.term = wordTerm(d.literal.text)
			d.literal.kind = literalKind(d.literal.text)
		}
		return &d.literal
	case lit && v >= lexiconReserved && v < uint64(len(d.entries)) && d.entries[v].kind != kindGap:
		return &d.entries[v]
	default:
		d.err = fmt.Errorf("number %d is not a word in the index's lexicon of %d", v, len(d.entries))
	}
	d.literal = lexEntry{term: termOf{dropped: true}}
	return &d.literal
}

// gapAfter reads the gap after the last word read.
func (d *lexDecoder) gapAfter() string {
	if d.spaceAfter {
		return " "
	}
	return d.gap()
}

// gap reads a gap.
func (d *lexDecoder) gap() string {
	v, ok := d.number()
	switch {
	case !ok, v == lexiconEmpty:
		return ""
	case v == lexiconLiteral:
		return d.readLiteral()
	case v >= lexiconReserved && v < uint64(len(d.entries)) && d.entries[v].kind == kindGap:
		return d.entries[v].text
	}
	d.err = fmt.Errorf("number %d is not a gap in the index's lexicon of %d", v, len(d.entries))
	return ""
}

// skipWord reads a word and the gap after it without looking them up.
func (d *lexDecoder) skipWord() {
	v, ok := d.unit()
	if !ok {
		return
	}
	if v>>1 == lexiconLiteral {
		d.skipLiteral()
	}
	if v&1 != 0 {
		d.skipGap()
	}
}

// skipGap reads a gap without looking it up.
func (d *lexDecoder) skipGap() {
	if v, ok := d.number(); ok && v == lexiconLiteral {
		d.skipLiteral()
	}
}

// skipLiteral reads a literal's bytes without copying them.
func (d *lexDecoder) skipLiteral() {
	_, rest, err := literal(d.in)
	if err != nil {
		d.err = errors.New("truncated literal")
		return
	}
	d.in = rest
}

// unit reads a word's unit (see appendWordUnit); false once the text is
// damaged.
func (d *lexDecoder) unit() (uint64, bool) {
	if d.err != nil {
		return 0, false
	}
	if len(d.in) < 2 {
		d.err = errors.New("truncated")
		return 0, false
	}
	u := binary.LittleEndian.Uint16(d.in)
	d.in = d.in[2:]
	if u != wordUnitEscape {
		return uint64(u), true
	}
	return d.number()
}

// number reads a uvarint; false once the text is damaged.
func (d *lexDecoder) number() (uint64, bool) {
	if d.err != nil {
		return 0, false
	}
	v, k := binary.Uvarint(d.in)
	if k <= 0 {
		d.err = errors.New("truncated")
		return 0, false
	}
	d.in = d.in[k:]
	return v, true
}

// readLiteral reads a literal's bytes.
func (d *lexDecoder) readLiteral() string {
	lit, rest, err := literal(d.in)
	if err != nil {
		d.err = errors.New("truncated literal")
		return ""
	}
	d.in = rest
	return string(lit)
}

// literalKind is the kind of a word written as a literal, which the
// coded text does not record: that of its first segment alone.
func literalKind(word string) entryKind {
	seg := segment.NewWordSegmenterDirect([]byte(word))
	if seg.Segment() {
		return kindOf(seg.Type())
	}
	return kindWord
}
