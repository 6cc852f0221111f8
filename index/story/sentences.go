package story

import (
	"github.com/newsintel/newsintel"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a sentence of a body: byte offsets.
type span struct{ start, end int }

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = wordSet(`mr mrs ms dr prof sen rep gen gov lt col sgt st jr sr inc ltd corp co no vs
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e etc al fig p pp`)

// sentences splits body into sentences: at a line break, and after ., !
// or ? (and a closing quote) followed by a space and a capital letter,
// digit or opening quote, unless the word before is an abbreviation or an
// initial.
func sentences(body string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(body[start:end]); s != "" {
			lead := len(body[start:end]) - len(strings.TrimLeftFunc(body[start:end], unicode.IsSpace))
			out = append(out, span{start + lead, start + lead + len(s)})
		}
		start = end
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\n' {
			emit(i)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(body) && strings.ContainsRune(`"')”’`, rune(body[j])) {
			j++
		}
		if j+1 < len(body) && strings.HasPrefix(body[j:], "”") {
			j += len("”")
		}
		if j >= len(body) || body[j] != ' ' || !startsSentence(body[j+1:]) || c == '.' && isAbbreviation(body[start:i]) {
			continue
		}
		emit(j)
	}
	emit(len(body))
	return out
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘'(`, r)
}

// isAbbreviation reports whether the text before a full stop ends with an
// abbreviation or a single letter.
func isAbbreviation(before string) bool {
	k := strings.LastIndexAny(before, " \t\n(")
	w := strings.ToLower(before[k+1:])
	return len(w) == 1 || abbreviations[w]
}

// sectionAt returns the title of the innermost section holding offset,
// or "".
func sectionAt(sections []newsintel.Section, offset int) string {
	title, size := "", -1
	for _, s := range sections {
		if offset >= s.Start && offset < s.End && (size < 0 || s.End-s.Start < size) {
			title, size = s.Title, s.End-s.Start
		}
	}
	return title
}
