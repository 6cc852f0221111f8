package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textWriter accumulates text the way a browser lays it out: runs of
// white space collapse to one space, invisible characters (zero-width
// spaces, soft hyphens, byte-order marks) and invalid UTF-8 disappear, and
// explicit line breaks survive.
type textWriter struct {
	buf     []byte
	pending bool // a space is owed before the next visible character
	links   int  // bytes of buf written inside links
}

// write appends s with its white space collapsed.
func (w *textWriter) write(s string) { w.writeText(s, false) }

// writeText appends s; inLink counts its bytes as link text.
func (w *textWriter) writeText(s string, inLink bool) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r == utf8.RuneError && size == 1, r == 0:
			continue
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == 0xA0 ||
			r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000:
			w.pending = true
			continue
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF || r == 0xAD:
			continue
		case r < 0x20 || r == 0x7F:
			continue
		}
		if w.pending {
			if len(w.buf) > 0 && w.buf[len(w.buf)-1] != '\n' {
				w.buf = append(w.buf, ' ')
			}
			w.pending = false
		}
		if inLink {
			w.links += size
		}
		w.buf = utf8.AppendRune(w.buf, r)
	}
}

// space owes a space before the next visible character.
func (w *textWriter) space() { w.pending = true }

// newline appends a hard line break (a <br>); trailing spaces go.
func (w *textWriter) newline() {
	w.buf = trimRightSpace(w.buf)
	w.buf = append(w.buf, '\n')
	w.pending = false
}

// String returns the text written so far.
func (w *textWriter) String() string { return string(w.buf) }

// reset empties the writer for the next paragraph.
func (w *textWriter) reset() {
	w.buf = w.buf[:0]
	w.pending = false
	w.links = 0
}

func trimRightSpace(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// normalizeSpace collapses white space in s the way textWriter does.
func normalizeSpace(s string) string {
	var w textWriter
	w.write(s)
	return strings.TrimSpace(w.String())
}

// countWords counts the words of s: runs of letters or digits (with
// inner apostrophes, dots and hyphens), each CJK character counting as a
// word of its own.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if r < 0x80 {
			// ASCII fast path: letters and digits continue a word.
			switch {
			case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
				if !in {
					n++
				}
				in = true
			case in && (r == '\'' || r == '-' || r == '.'):
			default:
				in = false
			}
			continue
		}
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				n++
			}
			in = true
		case in && (r == '\'' || r == '’' || r == '-' || r == '.'):
			// still inside the word ("don't", "U.S.", "well-known")
		default:
			in = false
		}
	}
	return n
}
