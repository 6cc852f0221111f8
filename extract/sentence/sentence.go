// Package sentence splits clean body text into sentences, returning byte
// offsets rather than copies so that callers can tie every tag back to the
// body. It knows the abbreviations, initials, decimals, ellipses and closing
// quotes of English news copy, treats a paragraph break ("\n\n") as the end
// of a sentence, and caps sentence length so that text without any full stop
// is still split in linear time.
package sentence

import (
	"unicode"
	"unicode/utf8"
)

// Span is a sentence's byte offsets in the text: text[Start:End].
type Span struct{ Start, End int }

// MaxLen is the longest sentence, in bytes, that Split returns; longer runs
// of text are cut at a space so that downstream work per sentence is bounded.
const MaxLen = 2000

// Split returns the sentences of text in order, without surrounding white
// space. It never returns an empty span, runs in time linear in len(text),
// and accepts invalid UTF-8. It is safe for concurrent use.
func Split(text string) []Span {
	var out []Span
	start := skipSpace(text, 0)
	i := start
	for i < len(text) {
		if i-start >= MaxLen {
			cut := cutPoint(text, start, i)
			out = appendSpan(out, text, start, cut)
			start = skipSpace(text, cut)
			i = start
			continue
		}
		switch c := text[i]; c {
		case '\n':
			if next, ok := lineBreak(text, start, i); ok {
				out = appendSpan(out, text, start, i)
				start, i = next, next
				continue
			}
		case '.', '!', '?':
			if end, next, ok := fullStop(text, start, i); ok {
				out = appendSpan(out, text, start, end)
				start, i = next, next
				continue
			}
		}
		i++
	}
	return appendSpan(out, text, start, len(text))
}

// appendSpan appends text[start:end] without trailing white space, if any
// text is left.
func appendSpan(out []Span, text string, start, end int) []Span {
	for end > start && isSpaceByte(text[end-1]) {
		end--
	}
	if end > start {
		out = append(out, Span{start, end})
	}
	return out
}

// cutPoint chooses where to cut an over-long sentence that runs from start
// to i: the last space in its second half, or else a rune boundary at i.
func cutPoint(text string, start, i int) int {
	for j := i; j > start+MaxLen/2; j-- {
		if text[j] == ' ' {
			return j
		}
	}
	for i > start && !utf8.RuneStart(text[i]) {
		i--
	}
	if i == start {
		return start + 1
	}
	return i
}

// lineBreak decides whether the newline at i ends the sentence begun at
// start, returning where the next sentence begins. A blank line always ends
// it; a single newline ends it when the line is finished (terminal
// punctuation) or short enough to be a headline and the next line starts
// like a sentence.
func lineBreak(text string, start, i int) (int, bool) {
	j := i + 1
	blank := false
	for j < len(text) && isSpaceByte(text[j]) {
		if text[j] == '\n' {
			blank = true
		}
		j++
	}
	if blank || j >= len(text) {
		return j, true
	}
	if !startsSentence(text, j) {
		return 0, false
	}
	prev := lastNonSpace(text, start, i)
	if prev >= 0 && isTerminal(text[prev]) {
		return j, true
	}
	return j, wordCount(text[start:i]) <= 14
}

// fullStop decides whether the '.', '!' or '?' at i ends the sentence begun
// at start. It returns the end of the sentence (after any run of terminal
// marks and closing quotes or brackets) and where the next one begins.
func fullStop(text string, start, i int) (end, next int, ok bool) {
	end = i + 1
	for end < len(text) && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
		end++
	}
	end = skipClosers(text, end)
	if end >= len(text) {
		return len(text), len(text), true
	}
	if !isSpaceByte(text[end]) {
		return 0, 0, false // "3.5", "our...cloud", "U.S.-China"
	}
	next = skipSpace(text, end)
	if next >= len(text) {
		return end, next, true
	}
	if !startsSentence(text, next) {
		return 0, 0, false
	}
	if text[i] == '.' && end == i+1 && !periodEnds(text, start, i, next) {
		return 0, 0, false
	}
	return end, next, true
}

// skipClosers skips closing quotes and brackets after a full stop.
func skipClosers(text string, i int) int {
	for i < len(text) {
		switch {
		case text[i] == '"' || text[i] == '\'' || text[i] == ')' || text[i] == ']':
			i++
		case hasPrefixAt(text, i, "”") || hasPrefixAt(text, i, "’") || hasPrefixAt(text, i, "»"):
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		default:
			return i
		}
	}
	return i
}

// startsSentence reports whether the text at i can begin a sentence: an
// upper-case letter, a digit, an opening quote or bracket, or a symbol.
func startsSentence(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if unicode.IsLower(r) {
		return false
	}
	return true
}

func skipSpace(text string, i int) int {
	for i < len(text) && isSpaceByte(text[i]) {
		i++
	}
	return i
}

func lastNonSpace(text string, start, i int) int {
	for j := i - 1; j >= start; j-- {
		if !isSpaceByte(text[j]) {
			return j
		}
	}
	return -1
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func isTerminal(c byte) bool {
	return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')' ||
		c == 0x9d // last byte of ” (U+201D)
}

func hasPrefixAt(text string, i int, p string) bool {
	return len(text)-i >= len(p) && text[i:i+len(p)] == p
}

// wordCount counts space-separated words, stopping early past 15.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s) && n <= 15; i++ {
		sp := isSpaceByte(s[i])
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
