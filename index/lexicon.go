package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// Word-coded bodies. A body is stored as the numbers of its words in the
// index's lexicon, before zstd compresses it with the rest of the packed
// value (see pack). zstd alone, one document at a time, has to spell
// every word the first time the document uses it; with the lexicon a
// word costs one or two bytes wherever it is (synthetic news bodies: zstd
// 0.47 of the text, word-coded then zstd 0.29).
//
// The words are the tokens Bleve's unicode tokenizer makes of the body
// (word segments that are not space or punctuation), so the coded body
// is also the body's token sequence: the k-th word is at position k, and
// the lexicon knows the term fieldAnalyzer's filters make of each word
// (they change or drop tokens one at a time, whatever surrounds them).
// Phrases and highlights read a body's positions from it (see seq), and
// no other copy of them is stored.
//
// The lexicon numbers words in the order the index first meets them, so
// common words get the small, one-byte numbers. It only grows: a number,
// once given, means its word for as long as the index lives. Its words
// are stored in Bleve's internal store in chunks of lexiconChunk, written
// in the same batch as the first documents that use them (see save), so
// a document on disk never refers to a word that is not.
//
// The coded form of a text is the number of the gap before its first
// word (0 when there is none), then for each word: its number shifted
// left by one, with the low bit clear when a single space follows it and
// set when the number of the gap after it follows (0 for none); last, a
// CRC-32C of all that, big-endian. Gaps are
// what lies between words, bytes that are not UTF-8 included, and are
// numbered apart from words. Number 0 is the empty string; number 1
// announces a literal: its length and bytes follow. Words longer than
// maxLexiconWord, and new words or gaps once the lexicon holds
// maxLexiconWords, are written as literals.

const (
	lexiconEmpty    = 0 // the empty string
	lexiconLiteral  = 1 // a literal follows: uvarint length, bytes
	lexiconReserved = 2 // numbers below are not words

	lexiconChunk    = 4096    // words per internal-store value
	maxLexiconWord  = 32      // bytes; longer words are literals
	maxLexiconWords = 1 << 21 // numbers given; later new words are literals
	lexiconPrefix   = "lexicon/"
)

// lexicon numbers the words and gaps of stored bodies. Readers may decode
// while a writer encodes: entries are only appended.
type lexicon struct {
	mu      sync.RWMutex // guards entries and saved
	write   sync.Mutex   // held while encoding: the maps are the writer's
	words   map[string]uint32
	gaps    map[string]uint32
	entries []lexEntry // by number; the first lexiconReserved are placeholders
	marks   []uint16   // by number: what phrase checks read of an entry (see markOf)
	saved   int        // entries[:saved] are in the internal store
	limit   int        // numbers given at most (maxLexiconWords)
}

// lexEntry is a numbered word or gap.
type lexEntry struct {
	text string
	gap  bool
	term termOf // of a word
}

// termOf is what fieldAnalyzer's filters make of a word: its term and
// the term's termHash, or dropped (a stop word, which still takes a
// position).
type termOf struct {
	term    []byte // shared: never written to
	hash    uint16
	dropped bool
}

// An entry's mark is its term hash (the low seqHashBits), markDropped for
// a word whose term is dropped and markGap for a gap: two bytes an entry,
// so the marks of a large lexicon stay in the CPU's caches while a
// phrase check walks a body.
const (
	markDropped = 1 << seqHashBits
	markGap     = 1 << (seqHashBits + 1)
)

func markOf(e lexEntry) uint16 {
	switch {
	case e.gap:
		return markGap
	case e.term.dropped:
		return markDropped
	}
	return e.term.hash
}

// bodyFilters are the token filters of fieldAnalyzer, which bodies are
// analysed with.
var bodyFilters = sync.OnceValue(func() []analysis.TokenFilter {
	an, ok := buildMapping().AnalyzerNamed(fieldAnalyzer).(*analysis.DefaultAnalyzer)
	if !ok {
		panic("index: " + fieldAnalyzer + " is not a tokenizer and filters")
	}
	return an.TokenFilters
})

// wordTerm runs the body's filters over word alone.
func wordTerm(word string) termOf {
	ts := analysis.TokenStream{{Term: []byte(word), Start: 0, End: len(word), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range bodyFilters() {
		ts = f.Filter(ts)
	}
	if len(ts) == 0 {
		return termOf{dropped: true}
	}
	return termOf{term: ts[0].Term, hash: termHash(ts[0].Term)}
}

func newLexicon() *lexicon {
	return &lexicon{words: map[string]uint32{}, gaps: map[string]uint32{},
		entries: make([]lexEntry, lexiconReserved), marks: make([]uint16, lexiconReserved),
		saved: lexiconReserved, limit: maxLexiconWords}
}

// lexiconKey is the internal-store key of chunk n.
func lexiconKey(n int) []byte { return fmt.Appendf(nil, "%s%08d", lexiconPrefix, n) }

// loadLexicon reads the lexicon from the internal store of b: its chunks
// in order, up to the first missing one.
func loadLexicon(b bleve.Index) (*lexicon, error) {
	l := newLexicon()
	for n := 0; ; n++ {
		v, err := b.GetInternal(lexiconKey(n))
		if err != nil {
			return nil, fmt.Errorf("%w: read lexicon chunk %d: %w", ErrCorrupt, n, err)
		}
		if v == nil {
			break
		}
		if len(l.entries) != n*lexiconChunk+lexiconReserved {
			return nil, fmt.Errorf("%w: lexicon chunk %d follows a short chunk", ErrCorrupt, n)
		}
		if err := l.appendChunk(v); err != nil {
			return nil, fmt.Errorf("%w: lexicon chunk %d: %w", ErrCorrupt, n, err)
		}
	}
	l.saved = len(l.entries)
	return l, nil
}

// appendChunk adds the entries of a stored chunk: each a uvarint of its
// length shifted left by one, the low bit set for a gap, and its bytes.
func (l *lexicon) appendChunk(v []byte) error {
	for len(v) > 0 {
		n, k := binary.Uvarint(v)
		if k <= 0 || n>>1 > uint64(len(v)-k) {
			return errors.New("malformed")
		}
		text, gap := string(v[k:k+int(n>>1)]), n&1 == 1
		if _, dup := l.lookup(text, gap); dup || text == "" {
			return fmt.Errorf("%q given twice", text)
		}
		l.add(text, gap)
		v = v[k+int(n>>1):]
	}
	return nil
}

// save adds to batch b the chunks holding entries not yet stored; call
// markSaved with what it returns once b is committed.
func (l *lexicon) save(b *bleve.Batch) int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for first := (l.saved - lexiconReserved) / lexiconChunk; first*lexiconChunk+lexiconReserved < len(l.entries); first++ {
		start := first*lexiconChunk + lexiconReserved
		var v []byte
		for _, e := range l.entries[start:min(start+lexiconChunk, len(l.entries))] {
			n := uint64(len(e.text)) << 1
			if e.gap {
				n |= 1
			}
			v = binary.AppendUvarint(v, n)
			v = append(v, e.text...)
		}
		b.SetInternal(lexiconKey(first), v)
	}
	return len(l.entries)
}

// markSaved records that the first n entries are stored.
func (l *lexicon) markSaved(n int) {
	l.mu.Lock()
	l.saved = max(l.saved, n)
	l.mu.Unlock()
}

func (l *lexicon) lookup(text string, gap bool) (uint32, bool) {
	if gap {
		id, ok := l.gaps[text]
		return id, ok
	}
	id, ok := l.words[text]
	return id, ok
}

// add numbers a new entry; l.mu is held or l not yet shared.
func (l *lexicon) add(text string, gap bool) uint32 {
	id := uint32(len(l.entries))
	e := lexEntry{text: text, gap: gap}
	if gap {
		l.gaps[text] = id
	} else {
		l.words[text] = id
		e.term = wordTerm(text)
	}
	l.entries = append(l.entries, e)
	l.marks = append(l.marks, markOf(e))
	return id
}

// number returns the number of the word (or gap) s, giving it one if it
// is new; 0 when s is to be written as a literal. l.write is held.
func (l *lexicon) number(s []byte, word bool) uint32 {
	m := l.words
	if !word {
		m = l.gaps
	}
	if id, ok := m[string(s)]; ok || len(s) > maxLexiconWord {
		return id
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) >= l.limit {
		return 0
	}
	return l.add(string(s), !word)
}

// encode appends the coded form of text to dst, and its checksum.
func (l *lexicon) encode(dst []byte, text string) []byte {
	dst, _ = l.encodeBody(dst, text, false)
	return dst
}

// castagnoli is the CRC-32C table; the checksum of a coded text tells a
// damaged one, which might otherwise still decode.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// wordSpan is a word of a text being coded: where it is, its segment
// type, and what the lexicon makes of it.
type wordSpan struct {
	start, end int
	typ        int
	id         uint32
	term       termOf
}

// encodeBody appends the coded form of text to dst, and its checksum; with
// tokens, it also returns the tokens fieldAnalyzer makes of text, from
// what the lexicon knows of each word: the same terms, positions and
// offsets, without analysing known words again.
func (l *lexicon) encodeBody(dst []byte, text string, tokens bool) ([]byte, analysis.TokenStream) {
	in := []byte(text)
	words := segmentWords(in)
	start := len(dst)
	dst = l.encodeWords(dst, in, words)
	dst = binary.BigEndian.AppendUint32(dst, crc32.Checksum(dst[start:], castagnoli))
	if !tokens {
		return dst, nil
	}
	toks := make([]analysis.Token, len(words))
	ts := make(analysis.TokenStream, 0, len(words))
	for i, w := range words {
		t := w.term
		if w.id == lexiconLiteral {
			t = wordTerm(text[w.start:w.end])
		}
		if t.dropped {
			continue
		}
		toks[i] = analysis.Token{Term: t.term, Start: w.start, End: w.end, Position: i + 1, Type: tokenType(w.typ)}
		ts = append(ts, &toks[i])
	}
	return dst, ts
}

// segmentWords returns the words of in as Bleve's unicode tokenizer finds
// them: segments that are not space or punctuation. The segmenter, and
// the tokenizer, stop at bytes that are not UTF-8.
func segmentWords(in []byte) []wordSpan {
	out := make([]wordSpan, 0, len(in)/6)
	seg := segment.NewWordSegmenterDirect(in)
	at := 0
	for seg.Segment() {
		end := at + len(seg.Bytes())
		if typ := seg.Type(); typ != segment.None {
			out = append(out, wordSpan{start: at, end: end, typ: typ})
		}
		at = end
	}
	return out
}

// tokenType is the token type Bleve's unicode tokenizer gives a segment
// type.
func tokenType(segmentType int) analysis.TokenType {
	switch segmentType {
	case segment.Ideo, segment.Kana:
		return analysis.Ideographic
	case segment.Number:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// encodeWords appends the coded form of in, whose words are words, and
// fills in their numbers and terms.
func (l *lexicon) encodeWords(dst, in []byte, words []wordSpan) []byte {
	l.write.Lock()
	defer l.write.Unlock()
	gapStart := len(in) // no words: all of it is a gap
	if len(words) > 0 {
		gapStart = words[0].start
	}
	dst, _ = l.appendToken(dst, in[:gapStart], 0)
	for i := range words {
		w := &words[i]
		gapEnd := len(in)
		if i+1 < len(words) {
			gapEnd = words[i+1].start
		}
		gap := in[w.end:gapEnd]
		if len(gap) == 1 && gap[0] == ' ' {
			dst, w.id = l.appendToken(dst, in[w.start:w.end], 1)
		} else {
			dst, w.id = l.appendToken(dst, in[w.start:w.end], 2)
			dst, _ = l.appendToken(dst, gap, 0)
		}
		if w.id != lexiconLiteral {
			w.term = l.entries[w.id].term
		}
	}
	return dst
}

// appendToken appends the number of s, or a literal, and returns it; with
// a flag s is a word and its number is shifted left, the low bit set when
// the gap follows (flag 2), clear when it is a single space (flag 1).
// l.write is held.
func (l *lexicon) appendToken(dst, s []byte, flag int) ([]byte, uint32) {
	id := uint32(lexiconEmpty)
	if len(s) > 0 {
		id = l.number(s, flag > 0)
		if id == 0 {
			id = lexiconLiteral
		}
	}
	v := uint64(id)
	if flag > 0 {
		v = v<<1 | uint64(flag-1)
	}
	dst = binary.AppendUvarint(dst, v)
	if id == lexiconLiteral {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	return dst, id
}

// decode reverses encode.
func (l *lexicon) decode(coded []byte) (string, error) {
	var b strings.Builder
	b.Grow(4 * len(coded))
	err := l.walk(coded, func(s string, _ *termOf) { b.WriteString(s) })
	if err != nil {
		return "", err
	}
	return b.String(), nil
}

// decodePrefix decodes the start of the text coded holds: at least n
// bytes of it, or all of it.
func (l *lexicon) decodePrefix(coded []byte, n int) (string, error) {
	d, err := l.decoder(coded)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(d.next(false))
	for d.err == nil && len(d.in) > 0 && b.Len() < n {
		b.WriteString(d.next(true))
		if d.spaceAfter {
			b.WriteByte(' ')
		} else {
			b.WriteString(d.next(false))
		}
	}
	if d.err != nil {
		return "", fmt.Errorf("decode stored body: %w", d.err)
	}
	return b.String(), nil
}

// walk calls visit with each piece of the text coded holds, in order:
// words with their term, gaps with nil.
func (l *lexicon) walk(coded []byte, visit func(s string, t *termOf)) error {
	d, err := l.decoder(coded)
	if err != nil {
		return err
	}
	visit(d.token(false))
	for d.err == nil && len(d.in) > 0 {
		visit(d.token(true))
		if d.spaceAfter {
			visit(" ", nil)
		} else {
			visit(d.token(false))
		}
	}
	if d.err != nil {
		return fmt.Errorf("decode stored body: %w", d.err)
	}
	return nil
}

// seq appends to dst the token sequence (see seq.go) of the text coded
// holds: what appendSeq makes of fieldAnalyzer's tokens of that text.
func (l *lexicon) seq(dst []byte, coded []byte) ([]byte, error) {
	var toks []seqInput
	at, pos := 0, 0
	err := l.walk(coded, func(s string, t *termOf) {
		if t != nil {
			pos++
			if !t.dropped {
				toks = append(toks, seqInput{pos: pos, start: at, hash: t.hash})
			}
		}
		at += len(s)
	})
	if err != nil {
		return dst, err
	}
	return appendSeqInputs(dst, toks), nil
}

// tokens appends to dst the tokens of the text coded holds whose term
// hash is in keep, as decodeSeqIn gives them from its sequence: a phrase
// check reads nothing else, and it reads only the marks of the words.
func (l *lexicon) tokens(dst []seqToken, coded []byte, keep *hashSet) ([]seqToken, error) {
	in, err := checkedBody(coded)
	if err != nil {
		return dst, err
	}
	l.mu.RLock()
	marks := l.marks // appends never change what a reader holds
	l.mu.RUnlock()
	if in, err = skipGap(in, marks); err != nil {
		return dst, err
	}
	for pos := uint32(1); len(in) > 0; pos++ {
		v, k := binary.Uvarint(in)
		if k <= 0 {
			return dst, errors.New("decode stored body: truncated")
		}
		in = in[k:]
		var m uint16
		switch id := v >> 1; {
		case id >= lexiconReserved && id < uint64(len(marks)) && marks[id]&markGap == 0:
			m = marks[id]
		case id == lexiconLiteral:
			var word []byte
			if word, in, err = literal(in); err != nil {
				return dst, err
			}
			m = markOf(lexEntry{term: wordTerm(string(word))})
		default:
			return dst, fmt.Errorf("decode stored body: number %d is not a word in the index's lexicon of %d", id, len(marks))
		}
		if m&markDropped == 0 && keep.has(m&seqHashMask) {
			dst = append(dst, seqToken{pos: pos, hash: m & seqHashMask})
		}
		if v&1 == 1 {
			if in, err = skipGap(in, marks); err != nil {
				return dst, err
			}
		}
	}
	return dst, nil
}

// skipGap returns in after the gap that starts it.
func skipGap(in []byte, marks []uint16) ([]byte, error) {
	v, k := binary.Uvarint(in)
	switch {
	case k <= 0:
		return nil, errors.New("decode stored body: truncated")
	case v == lexiconLiteral:
		_, rest, err := literal(in[k:])
		return rest, err
	case v == lexiconEmpty || v < uint64(len(marks)) && marks[v]&markGap != 0:
		return in[k:], nil
	}
	return nil, fmt.Errorf("decode stored body: number %d is not a gap in the index's lexicon of %d", v, len(marks))
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

// lexDecoder reads tokens off a coded text.
type lexDecoder struct {
	entries    []lexEntry
	in         []byte
	spaceAfter bool // of the last word read
	err        error
	literal    termOf // the term of the last literal word
}

// next reads one token and returns its text.
func (d *lexDecoder) next(word bool) string {
	s, _ := d.token(word)
	return s
}

// token reads one token, a word (with its flag) or a gap, and returns
// its text and, for a word, its term.
func (d *lexDecoder) token(word bool) (string, *termOf) {
	if d.err != nil {
		return "", nil
	}
	v, k := binary.Uvarint(d.in)
	if k <= 0 {
		d.err = errors.New("truncated")
		return "", nil
	}
	d.in = d.in[k:]
	if word {
		d.spaceAfter, v = v&1 == 0, v>>1
	}
	switch {
	case v == lexiconEmpty && !word:
		return "", nil
	case v == lexiconLiteral:
		n, k := binary.Uvarint(d.in)
		if k <= 0 || n > uint64(len(d.in)-k) {
			d.err = errors.New("truncated literal")
			return "", nil
		}
		s := string(d.in[k : k+int(n)])
		d.in = d.in[k+int(n):]
		if !word {
			return s, nil
		}
		d.literal = wordTerm(s)
		return s, &d.literal
	case v >= lexiconReserved && v < uint64(len(d.entries)) && d.entries[v].gap != word:
		e := &d.entries[v]
		if word {
			return e.text, &e.term
		}
		return e.text, nil
	}
	d.err = fmt.Errorf("number %d is not a %s in the index's lexicon of %d", v, map[bool]string{true: "word", false: "gap"}[word], len(d.entries))
	return "", nil
}
