package filing

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// blockTags end a paragraph where they open and close.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "tr": true, "li": true, "table": true, "hr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "center": true,
	"ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true, "pre": true,
	"section": true, "article": true, "body": true, "title": true, "page": true,
}

// skipTags hold no reading text; ix:header holds inline XBRL's hidden facts.
var skipTags = map[string]bool{
	"script": true, "style": true, "head": true, "ix:header": true, "xbrli:context": true,
	"ix:hidden": true, "noscript": true, "template": true, "svg": true,
}

// paragraphs returns the text of a document as paragraphs: HTML (inline
// XBRL included) by its block elements, plain text by blank lines.
func paragraphs(data []byte) []string {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	// Not "<table": pre-2001 text filings mark tables with SGML <TABLE>, <S>, <C> tags.
	for _, tag := range []string{"<html", "<body", "<div", "<p>", "<p ", "<br", "<font", "<xbrl"} {
		if bytes.Contains(head, []byte(tag)) {
			return htmlParagraphs(data)
		}
	}
	return textParagraphs(string(data))
}

func htmlParagraphs(data []byte) []string {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return textParagraphs(string(data))
	}
	w := &paraWriter{}
	w.walk(root)
	w.flush()
	return w.out
}

// paraWriter gathers text into paragraphs while walking the tree.
type paraWriter struct {
	cur    strings.Builder
	out    []string
	inline int // depth of short table cells, whose blocks read as one line
}

// shortCell is the most text a table cell may hold for its inner blocks to
// be read as one line: table-of-contents rows and figures put each cell's
// text in a div, while old filings lay a whole document out in one cell.
const shortCell = 300

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] || hidden(n) {
			return
		}
	}
	cell := n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && textLen(n, shortCell+1) <= shortCell
	if cell {
		w.inline++
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block && w.inline > 0 {
		block = false
		w.cur.WriteByte(' ')
	}
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") {
		w.cur.WriteByte(' ') // cells of one row read as one line
	}
	if !block && w.inline == 0 && emphasis(n) && w.headingSoFar() {
		w.flush() // "<b>Item 1A. Risk Factors</b> Our business ...": the heading is a paragraph of its own
	}
	if cell {
		w.inline--
	}
	if block {
		w.flush()
	}
}

// textLen returns the length of n's text, counting no further than limit.
func textLen(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total < limit; c = c.NextSibling {
			if c.Type == html.TextNode {
				total += len(strings.TrimSpace(c.Data))
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return total
}

// headingSoFar reports whether the paragraph so far is an Item heading.
func (w *paraWriter) headingSoFar() bool {
	if w.cur.Len() > 2*maxHeading {
		return false
	}
	p := strings.Join(strings.Fields(strings.ReplaceAll(w.cur.String(), "\u00a0", " ")), " ")
	_, _, ok := itemHeading(p)
	return ok
}

// emphasis reports whether n sets its text apart: b, strong, u, or a
// bold or underlined style.
func emphasis(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "b", "strong", "u":
		return true
	case "span", "font":
		for _, a := range n.Attr {
			if a.Key == "style" {
				s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
				return strings.Contains(s, "font-weight:bold") || strings.Contains(s, "font-weight:700") || strings.Contains(s, "text-decoration:underline")
			}
		}
	}
	return false
}

func (w *paraWriter) flush() {
	p := strings.Join(strings.Fields(strings.ReplaceAll(w.cur.String(), "\u00a0", " ")), " ")
	w.cur.Reset()
	if p != "" {
		w.out = append(w.out, p)
	}
}

// hidden reports whether an element is styled out of sight (inline XBRL
// puts its header facts in a display:none div).
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "style" {
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") {
				return true
			}
		}
		if a.Key == "hidden" {
			return true
		}
	}
	return false
}

// textParagraphs splits plain text into paragraphs at blank lines; an Item
// heading line starts a paragraph of its own even without a blank line.
func textParagraphs(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\f", "\n\n")
	var out, cur []string
	flush := func() {
		if p := strings.Join(strings.Fields(strings.Join(cur, " ")), " "); p != "" {
			out = append(out, p)
		}
		cur = cur[:0]
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || sgmlTag(t):
			flush()
		case hasPrefixFold(t, "item") && itemRe.MatchString(t) || hasPrefixFold(t, "part") && partRe.MatchString(t):
			flush()
			cur = append(cur, t)
			flush()
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// noiseRe matches paragraphs that are page furniture: page numbers
// ("12", "F-7", "ii", "Page 3"), "Table of Contents" back-links.
var noiseRe = regexp.MustCompile(`(?i)^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6}|[a-z]-\d{1,3})$|^(?:back\s+to\s+)?(?:table\s+of\s+)?contents$|^index$|^pages?$`)

// runningHeadRe matches running heads and feet of a page: "Apple Inc. |
// 2023 Form 10-K | 17", "Annual Report 2021 42".
var runningHeadRe = regexp.MustCompile(`(?i)^.{0,80}(?:form\s+(?:10-k|10-q|20-f|40-f)|annual\s+report)[^.]{0,30}?[|\s]\s*(?:page\s+)?\d{1,3}$`)

// dropNoise removes page numbers, running heads and back-links.
func dropNoise(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		if short := len(p) <= 120; !(short && noiseRe.MatchString(p)) && !(short && endsDigit(p) && runningHeadRe.MatchString(p)) {
			out = append(out, p)
		}
	}
	return out
}

// sgmlTag reports whether a line of a text filing is only an SGML layout
// tag: <PAGE>, <TABLE>, <CAPTION>, <S>, <C>, <FN>.
func sgmlTag(t string) bool {
	return len(t) <= 10 && t[0] == '<' && t[len(t)-1] == '>'
}

func endsDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
