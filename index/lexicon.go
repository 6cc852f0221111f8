package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
)

// Word-coded bodies. A body is stored as the numbers of its words in the
// index's lexicon, before zstd compresses it with the rest of the packed
// value (see pack). zstd alone, one document at a time, has to spell
// every word the first time the document uses it; with the lexicon a
// word costs one or two bytes wherever it is (synthetic news bodies: zstd
// 0.47 of the text, word-coded then zstd 0.28).
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
// set when the number of the gap after it follows (0 for none, at the
// end). Words are runs of letters and digits; gaps are the runs of
// anything else, bytes that are not UTF-8 included. Number 0 is the empty
// string; number 1 announces a literal: its length and bytes follow. Words
// longer than maxLexiconWord, and new words once the lexicon holds
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
// while one writer (Put holds writeMu) encodes: words are only appended.
type lexicon struct {
	mu    sync.RWMutex
	ids   map[string]uint32
	words []string // by number; the first lexiconReserved are placeholders
	saved int      // words[:saved] are in the internal store
	limit int      // numbers given at most (maxLexiconWords)
}

func newLexicon() *lexicon {
	return &lexicon{ids: map[string]uint32{}, words: make([]string, lexiconReserved), saved: lexiconReserved,
		limit: maxLexiconWords}
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
		if len(l.words) != n*lexiconChunk+lexiconReserved {
			return nil, fmt.Errorf("%w: lexicon chunk %d follows a short chunk", ErrCorrupt, n)
		}
		if err := l.appendChunk(v); err != nil {
			return nil, fmt.Errorf("%w: lexicon chunk %d: %w", ErrCorrupt, n, err)
		}
	}
	l.saved = len(l.words)
	return l, nil
}

// appendChunk adds the words of a stored chunk: each a uvarint length and
// its bytes.
func (l *lexicon) appendChunk(v []byte) error {
	for len(v) > 0 {
		n, k := binary.Uvarint(v)
		if k <= 0 || n > uint64(len(v)-k) {
			return errors.New("malformed")
		}
		w := string(v[k : k+int(n)])
		if _, dup := l.ids[w]; dup || w == "" {
			return fmt.Errorf("word %q given twice", w)
		}
		l.ids[w] = uint32(len(l.words))
		l.words = append(l.words, w)
		v = v[k+int(n):]
	}
	return nil
}

// save adds to batch b the chunks holding words not yet stored; call
// saved once b is committed.
func (l *lexicon) save(b *bleve.Batch) int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for first := (l.saved - lexiconReserved) / lexiconChunk; first*lexiconChunk+lexiconReserved < len(l.words); first++ {
		start := first*lexiconChunk + lexiconReserved
		var v []byte
		for _, w := range l.words[start:min(start+lexiconChunk, len(l.words))] {
			v = binary.AppendUvarint(v, uint64(len(w)))
			v = append(v, w...)
		}
		b.SetInternal(lexiconKey(first), v)
	}
	return len(l.words)
}

// markSaved records that the first n words are stored.
func (l *lexicon) markSaved(n int) {
	l.mu.Lock()
	l.saved = max(l.saved, n)
	l.mu.Unlock()
}

// number returns the number of w, giving it one if it is new; 0 when w is
// to be written as a literal.
func (l *lexicon) number(w string) uint32 {
	l.mu.RLock()
	id, ok := l.ids[w]
	l.mu.RUnlock()
	if ok || len(w) > maxLexiconWord {
		return id
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if id, ok := l.ids[w]; ok {
		return id
	}
	if len(l.words) >= l.limit {
		return 0
	}
	w = strings.Clone(w)
	id = uint32(len(l.words))
	l.ids[w] = id
	l.words = append(l.words, w)
	return id
}

// encode appends the coded form of text to dst.
func (l *lexicon) encode(dst []byte, text string) []byte {
	lead := text[:runEnd(text, false)]
	dst = l.appendToken(dst, lead, 0)
	text = text[len(lead):]
	for text != "" {
		word, gap := nextWord(text)
		text = text[len(word)+len(gap):]
		if gap == " " {
			dst = l.appendToken(dst, word, 1)
			continue
		}
		dst = l.appendToken(dst, word, 2)
		dst = l.appendToken(dst, gap, 0)
	}
	return dst
}

// appendToken appends the number of s, or a literal; with a flag it is a
// word's: shifted left, the low bit set when the gap follows (flag 2),
// clear when it is a single space (flag 1).
func (l *lexicon) appendToken(dst []byte, s string, flag int) []byte {
	id := uint32(lexiconEmpty)
	if s != "" {
		id = l.number(s)
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
	return dst
}

// nextWord splits the start of text into the word there (possibly empty)
// and the gap after it.
func nextWord(text string) (word, gap string) {
	i := runEnd(text, true)
	j := i + runEnd(text[i:], false)
	return text[:i], text[i:j]
}

// runEnd is the length of the run of word characters (or of others) that
// starts s.
func runEnd(s string, words bool) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		isWord := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if isWord != words {
			return i
		}
		i += n
	}
	return len(s)
}

// decode reverses encode.
func (l *lexicon) decode(coded []byte) (string, error) {
	l.mu.RLock()
	words := l.words // appends never change what a reader holds
	l.mu.RUnlock()
	d := lexDecoder{words: words, in: coded}
	var b strings.Builder
	b.Grow(4 * len(coded))
	b.WriteString(d.token(false))
	for d.err == nil && len(d.in) > 0 {
		b.WriteString(d.token(true))
		if d.spaceAfter {
			b.WriteByte(' ')
		} else {
			b.WriteString(d.token(false))
		}
	}
	if d.err != nil {
		return "", fmt.Errorf("decode stored body: %w", d.err)
	}
	return b.String(), nil
}

// lexDecoder reads tokens off a coded text.
type lexDecoder struct {
	words      []string
	in         []byte
	spaceAfter bool // of the last word read
	err        error
}

// token reads one token: a word's (with its flag) or a gap's.
func (d *lexDecoder) token(word bool) string {
	if d.err != nil {
		return ""
	}
	v, k := binary.Uvarint(d.in)
	if k <= 0 {
		d.err = errors.New("truncated")
		return ""
	}
	d.in = d.in[k:]
	if word {
		d.spaceAfter, v = v&1 == 0, v>>1
	}
	switch {
	case v == lexiconEmpty:
		return ""
	case v == lexiconLiteral:
		n, k := binary.Uvarint(d.in)
		if k <= 0 || n > uint64(len(d.in)-k) {
			d.err = errors.New("truncated literal")
			return ""
		}
		s := string(d.in[k : k+int(n)])
		d.in = d.in[k+int(n):]
		return s
	case v < uint64(len(d.words)):
		return d.words[v]
	}
	d.err = fmt.Errorf("word %d is not in the index's lexicon of %d", v, len(d.words))
	return ""
}
