package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsintel/newsintel/extract/lang"
)

// FromText reads an article given as plain text: one paragraph a line,
// paragraphs between blank lines, or hard-wrapped lines. A leading
// headline becomes the Title, byline and date lines become Authors and
// Published, and the same furniture filter as for pages drops related
// links, pleas to subscribe, captions and credits. FromText is safe for
// concurrent use.
func FromText(text string) Article {
	var a Article
	paras := splitText(text)
	paras = a.takeHead(paras)
	paras = trimTail(paras)
	a.setBody(filterParas(paras, a.Title))
	a.Language = lang.Detect(a.Title + "\n\n" + a.Body)
	a.IsArticle = a.articleShape()
	return a
}

// takeHead reads the title, byline and date lines at the top of a text
// and drops the short menu lines before the first paragraph of prose.
func (a *Article) takeHead(ps []para) []para {
	firstProse := len(ps)
	for i, p := range ps {
		if sentenceLike(p.text) && len(p.text) >= 60 {
			firstProse = i
			break
		}
	}
	if firstProse > 8 || firstProse == len(ps) {
		return ps // no head to read: the text starts with its prose
	}
	for _, p := range ps[:firstProse] {
		switch {
		case bylineText(p.text):
			a.Authors = append(a.Authors, splitAuthors(p.text)...)
		case dateLine(p.text):
			if t, ok := findDate(p.text); ok && a.Published.IsZero() {
				a.Published = t
			}
		case a.Title == "" && headlineLike(p.text) && !furnitureText(p.text):
			a.Title = p.text
		}
	}
	return ps[firstProse:]
}

// headlineLike reports whether a line can be a headline: a few words,
// capitalised, not a sentence cut short.
func headlineLike(s string) bool {
	n := countWords(s)
	if n < 3 || n > 30 || len(s) > 250 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“'
}

// trimTail drops the short lines after the last sentence of the text:
// tag lists, share prompts and menus that a copy of a page drags along.
func trimTail(ps []para) []para {
	end := len(ps)
	for end > 0 && !sentenceLike(ps[end-1].text) && len(ps[end-1].text) < 120 {
		end--
	}
	if end == 0 {
		return ps
	}
	return ps[:end]
}

// sentenceLike reports whether s ends as a sentence does.
func sentenceLike(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]*")
	return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?…:;")
}

// splitText splits plain text into paragraphs. Blocks between blank lines
// whose lines are hard-wrapped become one paragraph each; otherwise every
// line is a paragraph, except a line broken in mid-sentence, which joins
// the next.
func splitText(text string) []para {
	text = strings.ToValidUTF8(strings.TrimPrefix(text, "\uFEFF"), "")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var out []para
	for _, block := range strings.Split(text, "\n\n") {
		lines := cleanLines(block)
		if len(lines) == 0 {
			continue
		}
		if wrapped(lines) {
			out = append(out, para{text: strings.Join(lines, " ")})
			continue
		}
		out = append(out, joinBroken(lines)...)
	}
	for i := range out {
		if !sentenceLike(out[i].text) && headlineLike(out[i].text) && len(out[i].text) < 120 {
			out[i].kind = kindHeading
		}
	}
	return out
}

// cleanLines returns the non-blank lines of block, white space collapsed.
func cleanLines(block string) []string {
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if l = normalizeSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// wrapped reports whether lines are one paragraph hard-wrapped at a fixed
// width: three or more lines, most of them close to the longest, which
// is itself short.
func wrapped(lines []string) bool {
	if len(lines) < 3 {
		return len(lines) == 2 && len(lines[0]) >= 50 && len(lines[0]) <= 100 && !sentenceLike(lines[0])
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, len(l))
	}
	if longest > 100 || longest < 40 {
		return false
	}
	near := 0
	for _, l := range lines[:len(lines)-1] {
		if len(l)*10 >= longest*7 && !listItem(l) {
			near++
		}
	}
	return near*10 >= (len(lines)-1)*7
}

// joinBroken makes each line a paragraph, joining a line that breaks off
// mid-sentence with the next line when that one goes on in lower case.
func joinBroken(lines []string) []para {
	var out []para
	for i := 0; i < len(lines); i++ {
		cur := lines[i]
		for i+1 < len(lines) && !sentenceLike(cur) && startsLower(lines[i+1]) && !listItem(lines[i+1]) {
			i++
			cur += " " + lines[i]
		}
		out = append(out, para{text: cur})
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// listItem reports whether a line starts like an item of a list.
func listItem(s string) bool {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ") {
		return true
	}
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	return i > 0 && i <= 3 && (strings.HasPrefix(s[i:], ". ") || strings.HasPrefix(s[i:], ") "))
}
