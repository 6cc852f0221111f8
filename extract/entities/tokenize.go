package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// token is one word or punctuation mark of a text, with its byte span and
// the facts about its case that the matchers need.
type token struct {
	start, end int
	surface    string // the token as written
	norm       string // lower-cased, periods dropped, apostrophes straightened
	word       bool   // letters or digits (else punctuation)
	cap        bool   // first letter upper case
	allCaps    bool   // every letter upper case
	sentStart  bool   // first word of a sentence, line or heading
	caseless   bool   // in a segment written in Title Case or ALL CAPS
	cls        wordClass
}

// maxTokens bounds the work Tag does on one text; the rest is ignored.
const maxTokens = 200_000

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "sgt": true, "st": true,
	"inc": true, "co": true, "corp": true, "ltd": true, "jr": true, "sr": true,
	"no": true, "vs": true, "prof": true, "mt": true, "ft": true, "adm": true,
	"capt": true, "cmdr": true, "supt": true, "det": true, "messrs": true,
}

// lineBreak is the norm of the token that stands for a run of line breaks.
// It is not a word, so no name, list match or rule reaches across it: a
// mention never spans a line or paragraph break.
const lineBreak = "\n"

// tokenize splits text into tokens. It never fails: invalid UTF-8 bytes are
// punctuation, and at most maxTokens tokens are returned.
func tokenize(text string) []token {
	return tokenizeInto(nil, text)
}

// tokenizeInto is tokenize appending to dst[:0], which it reuses when it
// is big enough.
func tokenizeInto(dst []token, text string) []token {
	toks := dst[:0]
	if n := tokenCap(text); cap(toks) < n {
		toks = make([]token, 0, n)
	}
	nb := newNormBuf(len(text))
	atStart := true
	for i := 0; i < len(text) && len(toks) < maxTokens; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			t, next := scanWord(text, i, &nb)
			t.sentStart = atStart
			atStart = false
			toks = append(toks, t)
			toks = splitPossessive(text, toks)
			i = next
		case isLineBreak(r):
			if len(toks) > 0 && toks[len(toks)-1].norm != lineBreak {
				toks = append(toks, token{start: i, end: i + size, surface: text[i : i+size], norm: lineBreak})
			}
			atStart = true
			i += size
		case unicode.IsSpace(r) || r == utf8.RuneError:
			i += size
		default:
			if endsSentence(r, toks) {
				atStart = true
			}
			toks = append(toks, token{start: i, end: i + size, surface: text[i : i+size], norm: punctNorm(r, text[i:i+size])})
			i += size
		}
	}
	for i := range toks {
		if toks[i].word {
			toks[i].cls = wordClasses[toks[i].norm]
		}
	}
	markCaseless(toks)
	return toks
}

// tokenCap estimates how many tokens text has, to allocate them at once:
// news prose has about 1.2 tokens (words and punctuation) per space. A
// token is 64 bytes, so the former estimate of one per four bytes of text
// allocated a third more than needed, a fifth of the stage's allocation
// on small pages.
func tokenCap(text string) int {
	spaces := strings.Count(text, " ") + strings.Count(text, "\n")
	return min(max(spaces*4/3+16, len(text)/16), maxTokens)
}

// isLineBreak reports whether r ends a line.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// asciiWordByte marks the ASCII letters and digits.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// scanWord reads a word from text[i:]: letters and digits, joined by inner
// apostrophes and periods ("O'Brien", "U.S."). A trailing period is kept only
// for dotted abbreviations of single letters ("U.S.", "N.Y.").
func scanWord(text string, i int, nb *normBuf) (token, int) {
	j, letters, upper := i, 0, 0
	dotted := true // every segment between periods is one letter so far
	seg := 0
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf && asciiWordByte[c] {
			// ASCII letters and digits, most of news copy.
			if c > '9' {
				letters++
				if c <= 'Z' {
					upper++
				}
			}
			seg++
			if seg > 1 {
				dotted = false
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
			seg++
			if seg > 1 {
				dotted = false
			}
			j += size
			continue
		}
		if (r == '.' || r == '\'' || r == '’') && j+size < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j+size:])
			if isWordRune(r2) {
				seg = 0
				j += size
				continue
			}
		}
		break
	}
	if dotted && j < len(text) && text[j] == '.' && strings.IndexByte(text[i:j], '.') > 0 {
		j++ // "U.S." keeps its final period
	}
	first, _ := utf8.DecodeRuneInString(text[i:])
	return token{
		start: i, end: j, word: true, surface: text[i:j], norm: nb.norm(text[i:j]),
		cap: unicode.IsUpper(first), allCaps: letters > 0 && upper == letters,
	}, j
}

// splitPossessive turns a last token "Alibaba's" into "Alibaba" and "'s".
func splitPossessive(text string, toks []token) []token {
	t := &toks[len(toks)-1]
	n := len(t.norm)
	if n < 3 || t.norm[n-1] != 's' || t.norm[n-2] != '\'' {
		return toks
	}
	cut := t.end - 2
	if text[cut] != '\'' { // the curly apostrophe is three bytes
		cut = t.end - 4
	}
	poss := token{start: cut, end: t.end, surface: text[cut:t.end], norm: "'s"}
	t.end = cut
	t.surface = text[t.start:cut]
	t.norm = t.norm[:n-2]
	return append(toks, poss)
}

// normBuf holds the normalised forms of one text's words. Its array is
// allocated once per text and never grown or rewritten below its length,
// so the strings cut from it stay valid and immutable; a word that no
// longer fits gets its own allocation.
type normBuf struct{ b []byte }

func newNormBuf(textLen int) normBuf {
	return normBuf{b: make([]byte, 0, textLen/3+64)}
}

// norm lower-cases w, drops periods and straightens apostrophes. It returns
// w itself when nothing changes, so most words cost nothing.
func (nb *normBuf) norm(w string) string {
	if plainWord(w) {
		return w
	}
	if cap(nb.b)-len(nb.b) < 2*len(w) { // lower case is at most 1.5 times longer
		return normWord(w)
	}
	start := len(nb.b)
	nb.b = appendNorm(nb.b, w)
	return unsafe.String(&nb.b[start], len(nb.b)-start)
}

func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c == '.' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// normWord is the normalised form of w in a string of its own.
func normWord(w string) string {
	if plainWord(w) {
		return w
	}
	return string(appendNorm(make([]byte, 0, len(w)+4), w))
}

func appendNorm(b []byte, w string) []byte {
	for _, r := range w {
		switch {
		case r == '.':
		case r == '’':
			b = append(b, '\'')
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

func punctNorm(r rune, s string) string {
	switch r {
	case '’', '‘':
		return "'"
	case '“', '”':
		return "\""
	case '–', '—':
		return "-"
	}
	return s
}

// endsSentence reports whether punctuation r ends a sentence, given the
// tokens before it ("Mr." does not; "U.S." keeps its period inside the word).
func endsSentence(r rune, toks []token) bool {
	switch r {
	case '!', '?', ';':
		return r != ';'
	case ':': // but not in a listing note, "(NYSE: BABA)"
		return len(toks) == 0 || exchanges[toks[len(toks)-1].norm] == ""
	case '.':
		if len(toks) == 0 {
			return true
		}
		prev := toks[len(toks)-1]
		return !(prev.word && (abbreviations[prev.norm] || prev.end-prev.start == 1 && prev.cap))
	}
	return false
}

// markCaseless flags the words of segments (lines, or sentences) where case
// says nothing: headlines in Title Case (no final period) or ALL CAPS.
func markCaseless(toks []token) {
	for s := 0; s < len(toks); {
		e := s + 1
		for e < len(toks) && !toks[e].sentStart {
			e++
		}
		if segmentCaseless(toks[s:e]) {
			for k := s; k < e; k++ {
				toks[k].caseless = true
			}
		}
		s = e
	}
}

func segmentCaseless(seg []token) bool {
	words, caps, upper := 0, 0, 0
	for _, t := range seg {
		if !t.word || t.end-t.start < 2 || t.is(clsTitleSmall) {
			continue
		}
		words++
		if t.cap {
			caps++
		}
		if t.allCaps && t.end-t.start > 3 {
			upper++
		}
	}
	if words < 4 {
		return false
	}
	if upper*10 >= words*6 {
		return true
	}
	last := seg[len(seg)-1]
	if last.norm == lineBreak && len(seg) > 1 {
		last = seg[len(seg)-2]
	}
	return caps*10 >= words*8 && last.norm != "."
}

// titleSmallWords stay lower case in Title Case headlines.
var titleSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "as": true,
	"from": true, "but": true, "nor": true, "vs": true, "via": true, "into": true,
}
