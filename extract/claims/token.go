package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word or punctuation mark of a sentence, with byte offsets into
// the body.
type tok struct {
	s, e  int    // byte offsets in the body
	w     string // the text as written
	l     string // lower case, possessive "'s" removed
	poss  bool   // the word ended in "'s" or "s'"
	cap   bool   // starts with an upper-case letter
	punct bool   // a punctuation mark (w is the mark)
	inQ   bool   // inside a quotation
}

// tokenize splits body[start:end] into tokens. Words are runs of letters and
// digits with inner apostrophes, periods, hyphens and ampersands ("U.S",
// "Alibaba's", "open-source", "AT&T"); every other non-space rune is a
// punctuation token of its own.
func tokenize(body string, start, end int, quoted func(int) bool) []tok {
	return tokenizeInto(make([]tok, 0, (end-start)/5+4), body, start, end, quoted)
}

// tokenizeInto is tokenize appending to buf, so that callers can reuse one
// buffer across sentences.
func tokenizeInto(toks []tok, body string, start, end int, quoted func(int) bool) []tok {
	i := start
	for i < end {
		if c := body[i]; c < utf8.RuneSelf {
			// ASCII fast path: most of English news copy.
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				i++
			case asciiWord[c]:
				j := wordEnd(body, i, end)
				toks = append(toks, newWord(body, i, j))
				i = j
			default:
				toks = append(toks, tok{s: i, e: i + 1, w: body[i : i+1], l: body[i : i+1], punct: true})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(body[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := wordEnd(body, i, end)
			toks = append(toks, newWord(body, i, j))
			i = j
		default:
			toks = append(toks, tok{s: i, e: i + n, w: body[i : i+n], l: body[i : i+n], punct: true})
			i += n
		}
	}
	if quoted != nil {
		for k := range toks {
			toks[k].inQ = quoted(toks[k].s)
		}
	}
	return toks
}

// asciiWord marks the ASCII bytes that are word runes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$' || r == '%'
}

// wordEnd returns the end of the word that starts at i: inner joiners are
// kept when a word rune follows them.
func wordEnd(body string, i, end int) int {
	start := i
	for i < end {
		if c := body[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(body[i:end])
		if isWordRune(r) {
			i += n
			continue
		}
		if (r == '\'' || r == '’') && i > 0 && body[i-1] == 's' && (i+n >= end || body[i+n] == ' ') {
			return i + n // plural possessive: "the companies' profits"
		}
		if r == '.' && keepsPeriod(body[start:i]) {
			return i + 1 // "U.S.", "Mr.", "Sen."
		}
		if r == '\'' || r == '’' || r == '.' || r == '-' || r == '&' || r == ',' && isDigitAt(body, i-1) {
			r2, _ := utf8.DecodeRuneInString(body[i+n : end])
			if i+n < end && isWordRune(r2) && (r != ',' || unicode.IsDigit(r2)) {
				i += n
				continue
			}
		}
		return i
	}
	return i
}

func isDigitAt(body string, i int) bool {
	return i >= 0 && i < len(body) && body[i] >= '0' && body[i] <= '9'
}

// newWord builds the token for body[s:e].
func newWord(body string, s, e int) tok {
	w := body[s:e]
	t := tok{s: s, e: e, w: w}
	r, _ := utf8.DecodeRuneInString(w)
	t.cap = unicode.IsUpper(r)
	l := strings.ToLower(w)
	if last := l[len(l)-1]; last == 's' || last == '\'' || last == 0x99 { // 0x99 ends ’
		for _, suf := range [...]string{"'s", "’s", "'", "’"} {
			if strings.HasSuffix(l, suf) && len(l) > len(suf) {
				l, t.poss = l[:len(l)-len(suf)], true
			}
		}
	}
	t.l = l
	return t
}

// isQuoteMark reports whether a punctuation token is a quotation mark.
func (t tok) isQuoteMark() bool {
	switch t.w {
	case `"`, "“", "”", "‘", "’", "'", "«", "»":
		return t.punct
	}
	return false
}

// isBoundary reports whether t separates clauses: a comma, semicolon,
// colon, dash, bracket or quotation mark.
func (t tok) isBoundary() bool {
	if !t.punct {
		return false
	}
	switch t.w {
	case ",", ";", ":", "(", ")", "—", "–", "[", "]":
		return true
	}
	return t.isQuoteMark()
}

// isEnd reports whether t is sentence-final punctuation.
func (t tok) isEnd() bool {
	return t.punct && (t.w == "." || t.w == "!" || t.w == "?")
}

// allCaps reports whether the token has letters and none in lower case.
func (t tok) allCaps() bool {
	has := false
	for _, r := range t.w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			has = true
		}
	}
	return has
}

// span returns the body text from the start of toks[i] to the end of
// toks[j-1].
func span(body string, toks []tok, i, j int) string {
	if i >= j || i < 0 || j > len(toks) {
		return ""
	}
	return body[toks[i].s:toks[j-1].e]
}

// lowerWords joins the lower-case forms of toks[i:j] with spaces.
func lowerWords(toks []tok, i, j int) string {
	var b strings.Builder
	for k := i; k < j && k < len(toks); k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].l)
	}
	return b.String()
}

// hasSeq reports whether toks[i:] starts with the lower-case words seq.
func hasSeq(toks []tok, i int, seq ...string) bool {
	if i < 0 || i+len(seq) > len(toks) {
		return false
	}
	for k, w := range seq {
		if toks[i+k].l != w {
			return false
		}
	}
	return true
}

// periodWords are abbreviations that keep their period inside the word.
var periodWords = words("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "prof", "st", "jr",
	"lt", "col", "sgt", "capt", "adm", "gov't", "no", "vs", "messrs")

// keepsPeriod reports whether the word w, followed by a period, is an
// abbreviation that keeps it: a title ("Mr") or dotted letters ("U.S").
func keepsPeriod(w string) bool {
	if periodWords[strings.ToLower(w)] {
		return true
	}
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		letter := w[k] >= 'a' && w[k] <= 'z' || w[k] >= 'A' && w[k] <= 'Z'
		if k%2 == 0 && !letter || k%2 == 1 && w[k] != '.' {
			return false
		}
	}
	return true
}

// uncapFirst clears the capital of a sentence's first word when the word is
// a common noun or function word of the lexicons ("Officials said",
// "Court documents show"): a capital there says nothing about names.
func uncapFirst(toks []tok) {
	for k := range toks {
		if toks[k].punct {
			continue
		}
		l := toks[k].l
		_, num := numberWords[l]
		_, pron := pronouns[l]
		_, anon := anonNouns[l]
		_, spokes := spokesNouns[l]
		numbered := k+1 < len(toks) && isDigitAt(toks[k+1].w, 0) && len(toks[k+1].l) <= 4 // "Channel 4", "Station 19"
		if num || pron || anon || spokes || (orgNouns[l] || pluralWords[l]) && !numbered || docNouns[l] || commonStart[l] ||
			isDescriptor(l) && !nameTail(toks, k+1) {
			toks[k].cap = false
		}
		return
	}
}

// nameTail reports whether toks[k] is a lone capitalised word too generic
// to be a name by itself, so that the descriptor before it is the name's
// first word: "Rival Games", "Veteran Capital", "Longtime Studios", unlike
// "Rival Nintendo" or "Rival Advanced Micro Devices".
func nameTail(toks []tok, k int) bool {
	if k >= len(toks) || !toks[k].cap || toks[k].punct || k+1 < len(toks) && toks[k+1].cap && !toks[k+1].punct {
		return false
	}
	return orgSuffixes[toks[k].l] || genericNameWords[toks[k].l]
}

// genericNameWords end company names and name nothing alone.
var genericNameWords = words("games", "studios", "studio", "entertainment", "interactive", "software",
	"works", "foods", "ventures", "pictures", "records", "robotics", "therapeutics",
	"biosciences", "semiconductor", "solutions", "logistics")

// commonStart are words that open sentences and are never names.
var commonStart = words("the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
	"these", "those", "neighbors", "neighbours", "parents", "students", "teachers", "doctors",
	"nurses", "farmers", "locals", "villagers", "protesters", "industry", "government",
	"federal", "state", "local", "senior", "former", "top", "some", "many", "most", "according",
	"asked", "speaking", "but", "and", "however", "meanwhile", "separately", "still", "yet",
	"in", "on", "at", "for", "after", "before", "while", "when", "as", "if", "although")

// descriptors are common nouns and adjectives that open a sentence before
// a name: "Rival Advanced Micro Devices", "Veteran diplomat Thomas
// Eberle", "Drugmaker Eli Lilly".
var descriptors = words("rival", "veteran", "longtime", "long-time", "historian", "activist",
	"billionaire", "entrepreneur", "novelist", "author", "writer", "philosopher", "physicist",
	"scientist", "economist", "lawyer", "attorney", "designer", "retailer", "lender", "insurer",
	"miner", "conglomerate", "broker", "brokerage", "carrier", "airline", "tycoon", "mogul",
	"investor", "filmmaker", "coach", "striker", "midfielder", "defender", "goalkeeper",
	"quarterback", "pitcher", "singer", "rapper", "actor", "actress", "comedian", "journalist",
	"reporter", "columnist", "pollster", "strategist", "consultant", "commentator", "analyst",
	"epidemiologist", "virologist", "researcher", "professor", "embattled", "outgoing",
	"incoming", "fellow", "then-president", "startup", "start-up")

// isDescriptor reports whether a sentence-initial word describes the name
// after it: a word of descriptors, a "-maker" ("Chipmaker", "Carmaker") or a
// compound such as "U.S.-based" or "state-owned".
func isDescriptor(l string) bool {
	if descriptors[l] || strings.HasSuffix(l, "maker") && len(l) > 6 {
		return true
	}
	for _, suf := range []string{"-based", "-owned", "-run", "-listed", "-backed", "-born", "-headquartered"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// hasLetter reports whether the token has a letter.
func (t tok) hasLetter() bool {
	for _, r := range t.w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
