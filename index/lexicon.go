package index

import (
	"encoding/binary"
	"hash/crc32"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// Word-coded bodies. A body is stored as the numbers of its words in the
// index's lexicon (the body_words field). zstd, one document at a time,
// has to spell every word the first time the document uses it; with the
// lexicon a word costs one or two bytes wherever it is (synthetic news
// bodies: zstd 0.47 of the text, word-coded 0.36).
//
// The words are the tokens Bleve's unicode tokenizer makes of the body
// (word segments that are not space or punctuation), so the coded body
// is also the body's token sequence: the k-th word is at position k, and
// the lexicon knows the term fieldAnalyzer's filters make of each word
// (they change or drop tokens one at a time, whatever surrounds them).
// Phrases and highlights read a body's positions from it (see
// lexiconFilter.tokens and lexicon.positions), no other copy of them is stored, and Bleve indexes the body
// with the tokens the coded words give (see analysis) rather than
// analysing it again.
//
// The lexicon numbers words in the order the index first meets them, so
// the common words are among the 32 766 that take a 16-bit unit. It only
// grows: a number, once given, means its word for as long as the index
// lives. It is kept in a file of its own beside the index (see
// lexicon_file.go), synced before the batch whose documents first use its
// new words is committed.
//
// The coded form of a text is the number of the gap before its first
// word (0 when there is none) as a uvarint, then for each word its number
// shifted left by one, with the low bit clear when a single space follows
// it and set when the number of the gap after it follows as a uvarint (0
// for none); last, a CRC-32C of all that, big-endian. A word's number
// with its flag is a 16-bit little-endian unit, or, from the 32 767th
// word on, the unit 0xffff and a uvarint: most words take two bytes
// either way, and a phrase check reads a unit a word without branching
// on its length (see lexiconFilter.tokens). Gaps are what lies between words,
// bytes that are not UTF-8 included, and are numbered apart from words.
// Number 0 is the empty string; number 1 announces a literal: its length
// and bytes follow. Words longer than maxLexiconWord, numbers longer than
// maxLexiconNumber, gaps longer than maxLexiconGap, and anything new once
// the lexicon holds maxLexiconWords entries are written as literals: a
// filing's tables would otherwise fill the lexicon with figures.

const (
	lexiconEmpty    = 0 // the empty string
	lexiconLiteral  = 1 // a literal follows: uvarint length, bytes
	lexiconReserved = 2 // numbers below are not entries

	maxLexiconWord   = 32      // bytes
	maxLexiconNumber = 4       // bytes of a word with a digit in it: years, not figures
	maxLexiconGap    = 8       // bytes
	maxLexiconWords  = 1 << 20 // entries; about 160 MB of memory, and a second to open, when full
)

// lexicon numbers the words and gaps of stored bodies. Readers may decode
// while a writer encodes: entries are only appended.
type lexicon struct {
	mu      sync.RWMutex // guards entries, marks and saved
	write   sync.Mutex   // held while encoding and saving: the maps and the file are the writer's
	words   map[string]uint32
	gaps    map[string]uint32
	entries []lexEntry // by number; the first lexiconReserved are placeholders
	marks   []uint16   // by number: what phrase checks read of an entry (see markOf)
	limit   int        // entries at most (maxLexiconWords)
	lexiconStore
}

// lexEntry is a numbered word or gap.
type lexEntry struct {
	text string
	kind entryKind
	term termOf // of a word
}

// entryKind tells a gap from a word, and a word's token type.
type entryKind uint8

const (
	kindWord entryKind = iota // letters: analysis.AlphaNumeric
	kindGap
	kindNumber // analysis.Numeric
	kindIdeo   // ideographs and kana: analysis.Ideographic
)

// kindOf is the kind of a word segment of the given segment type.
func kindOf(segmentType int) entryKind {
	switch segmentType {
	case segment.Ideo, segment.Kana:
		return kindIdeo
	case segment.Number:
		return kindNumber
	}
	return kindWord
}

// tokenType is the token type Bleve's unicode tokenizer gives a word of
// kind k.
func (k entryKind) tokenType() analysis.TokenType {
	switch k {
	case kindIdeo:
		return analysis.Ideographic
	case kindNumber:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
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
	case e.kind == kindGap:
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

// newLexicon returns an empty lexicon kept in memory only (see
// openLexicon for one kept on disk).
func newLexicon() *lexicon {
	return &lexicon{words: map[string]uint32{}, gaps: map[string]uint32{},
		entries: make([]lexEntry, lexiconReserved), marks: make([]uint16, lexiconReserved),
		limit: maxLexiconWords, lexiconStore: lexiconStore{saved: lexiconReserved}}
}

// add numbers a new entry; l.mu is held or l not yet shared.
func (l *lexicon) add(text string, kind entryKind) uint32 {
	id := uint32(len(l.entries))
	e := lexEntry{text: text, kind: kind}
	if kind == kindGap {
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
func (l *lexicon) number(s []byte, kind entryKind) uint32 {
	m := l.words
	if kind == kindGap {
		m = l.gaps
	}
	if id, ok := m[string(s)]; ok || !numbered(s, kind) {
		return id
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) >= l.limit {
		return 0
	}
	return l.add(string(s), kind)
}

// numbered reports whether s may have a number (see maxLexiconWord).
func numbered(s []byte, kind entryKind) bool {
	switch {
	case kind == kindGap:
		return len(s) <= maxLexiconGap
	case len(s) > maxLexiconWord:
		return false
	case len(s) > maxLexiconNumber:
		for _, c := range s {
			if c >= '0' && c <= '9' {
				return false
			}
		}
	}
	return true
}

// wordUnitEscape is the word unit that announces a word too large for a
// unit: its number, shifted with its flag, follows as a uvarint.
const wordUnitEscape = 0xffff

// appendWordUnit appends a word's number shifted with its flag, v, as a
// 16-bit little-endian unit, or the escape and a uvarint.
func appendWordUnit(dst []byte, v uint64) []byte {
	if v < wordUnitEscape {
		return binary.LittleEndian.AppendUint16(dst, uint16(v))
	}
	dst = binary.LittleEndian.AppendUint16(dst, wordUnitEscape)
	return binary.AppendUvarint(dst, v)
}

// castagnoli is the CRC-32C table; the checksum of a coded text tells a
// damaged one, which might otherwise still decode.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encode appends the coded form of text to dst, and its checksum.
func (l *lexicon) encode(dst []byte, text string) []byte {
	in := []byte(text)
	words := segmentWords(in)
	start := len(dst)
	dst = l.encodeWords(dst, in, words)
	return binary.BigEndian.AppendUint32(dst, crc32.Checksum(dst[start:], castagnoli))
}

// wordSpan is a word of a text being coded: where it is and its kind.
type wordSpan struct {
	start, end int
	kind       entryKind
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
			out = append(out, wordSpan{start: at, end: end, kind: kindOf(typ)})
		}
		at = end
	}
	return out
}

// encodeWords appends the coded form of in, whose words are words.
func (l *lexicon) encodeWords(dst, in []byte, words []wordSpan) []byte {
	l.write.Lock()
	defer l.write.Unlock()
	gapStart := len(in) // no words: all of it is a gap
	if len(words) > 0 {
		gapStart = words[0].start
	}
	dst = l.appendToken(dst, in[:gapStart], kindGap, 0)
	for i, w := range words {
		gapEnd := len(in)
		if i+1 < len(words) {
			gapEnd = words[i+1].start
		}
		gap := in[w.end:gapEnd]
		if len(gap) == 1 && gap[0] == ' ' {
			dst = l.appendToken(dst, in[w.start:w.end], w.kind, 1)
			continue
		}
		dst = l.appendToken(dst, in[w.start:w.end], w.kind, 2)
		dst = l.appendToken(dst, gap, kindGap, 0)
	}
	return dst
}

// appendToken appends the number of s, or a literal; with a flag s is a
// word and its number is shifted left, the low bit set when the gap
// follows (flag 2), clear when it is a single space (flag 1). l.write is
// held.
func (l *lexicon) appendToken(dst, s []byte, kind entryKind, flag int) []byte {
	id := uint32(lexiconEmpty)
	if len(s) > 0 {
		id = l.number(s, kind)
		if id == 0 {
			id = lexiconLiteral
		}
	}
	if flag > 0 {
		dst = appendWordUnit(dst, uint64(id)<<1|uint64(flag-1))
	} else {
		dst = binary.AppendUvarint(dst, uint64(id))
	}
	if id == lexiconLiteral {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	return dst
}
