package article

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what one walk over the whole page gathers for metadata.
type pageMeta struct {
	lang      string              // <html lang>
	title     string              // <title>
	h1        []string            // texts of the first h1 elements
	meta      map[string][]string // meta name/property/itemprop/http-equiv (lower-cased) → contents
	canonical string
	rels      []string // texts of rel=author links
	authors   []string // texts of itemprop=author and byline elements
	times     []string // datetime of <time> elements, pubdate ones first
	dateTexts []string // texts of elements whose class says date
	ldJSON    []string // application/ld+json scripts
	state     []string // JSON state of script-rendered pages (state.go)
	buf       []byte   // scratch space for lower-casing class names
}

// maxMetaText caps how much of one element's text metadata reads.
const maxMetaText = 300

// maxTimes caps the <time> elements without a pubdate mark that are read:
// a page of listings has hundreds.
const maxTimes = 16

// readMeta walks the whole tree once and gathers the page's metadata.
func readMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: make(map[string][]string, 32)}
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Type == html.ElementNode && m.visit(n) {
			continue
		}
		if it.depth >= maxDepth {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode || c.Type == html.DocumentNode {
				stack = append(stack, item{c, it.depth + 1})
			}
		}
	}
	return m
}

// visit reads one element and reports whether its children hold nothing
// more for metadata.
func (m *pageMeta) visit(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		if m.lang == "" {
			m.lang = firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang"))
		}
	case atom.Title:
		if m.title == "" && n.Parent != nil && n.Parent.DataAtom != atom.Svg {
			m.title = childText(n)
		}
		return true
	case atom.Meta:
		m.visitMeta(n)
		return true
	case atom.Link:
		m.visitLink(n)
		return true
	case atom.Script:
		if n.FirstChild == nil {
			return true
		}
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			m.ldJSON = append(m.ldJSON, n.FirstChild.Data)
		} else if data := stateJSON(attr(n, "id"), n.FirstChild.Data); data != "" {
			m.state = append(m.state, data)
		}
		return true
	case atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return true
	case atom.H1:
		if len(m.h1) < 3 {
			m.h1 = append(m.h1, textOf(n, maxMetaText))
		}
		return true
	case atom.Time:
		m.visitTime(n)
	}
	return m.visitHints(n)
}

// inOtherStories reports whether n sits in navigation, an aside or a list
// of other stories (related, most read, recommended), whose bylines and
// dates are theirs, not the article's. It walks up from n, so it costs
// only for the few elements that look like a byline or a date.
func inOtherStories(n *html.Node) bool {
	// The classes of <body> describe the page ("has-sidebar"), not a
	// list of other stories.
	for p := n.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		if p.DataAtom == atom.Nav || p.DataAtom == atom.Aside || otherStories(p) {
			return true
		}
	}
	return false
}

// listingRoots mark, in a class or id, a list of other stories (related,
// most read, recommended), whose bylines and dates are theirs.
var listingRoots = []string{"related", "recirc", "trending", "popular", "mostread", "morestories", "recommend", "outbrain", "taboola", "sidebar"}

// otherStories reports whether n lists other stories by its class or id.
func otherStories(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" || len(a.Val) < 6 {
			continue
		}
		for _, root := range listingRoots {
			if containsFoldASCII(a.Val, root) {
				return true
			}
		}
	}
	return false
}

// containsFoldASCII reports whether s holds the lower-case root in any
// case, ignoring hyphens and underscores in s ("most-read", "Most_Read").
func containsFoldASCII(s, root string) bool {
	for i := 0; i < len(s); i++ {
		j, k := i, 0
		for j < len(s) && k < len(root) {
			c := s[j]
			if c == '-' || c == '_' {
				j++
				continue
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != root[k] {
				break
			}
			j, k = j+1, k+1
		}
		if k == len(root) {
			return true
		}
	}
	return false
}

func (m *pageMeta) visitMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
		if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
			m.meta[key] = append(m.meta[key], content)
		}
	}
}

func (m *pageMeta) visitLink(n *html.Node) {
	rel := strings.ToLower(attr(n, "rel"))
	if m.canonical == "" && hasWord(rel, "canonical") {
		m.canonical = strings.TrimSpace(attr(n, "href"))
	}
}

func (m *pageMeta) visitTime(n *html.Node) {
	if inOtherStories(n) {
		return
	}
	dt := strings.TrimSpace(attr(n, "datetime"))
	if dt == "" {
		dt = textOf(n, maxMetaText)
	}
	if dt == "" {
		return
	}
	if hasAttr(n, "pubdate") || attr(n, "itemprop") == "datePublished" || strings.Contains(strings.ToLower(attr(n, "class")), "publish") {
		m.times = append([]string{dt}, m.times...)
		return
	}
	if len(m.times) < maxTimes {
		m.times = append(m.times, dt)
	}
}

// visitHints reads the elements that itemprop, rel or class mark as the
// byline or the date line.
func (m *pageMeta) visitHints(n *html.Node) bool {
	prop := attr(n, "itemprop")
	switch {
	case prop == "datePublished" || prop == "dateModified":
		if hasAttr(n, "content") || n.DataAtom == atom.Time {
			return false
		}
		m.meta[strings.ToLower(prop)] = append(m.meta[strings.ToLower(prop)], textOf(n, maxMetaText))
		return true
	case prop == "author" || prop == "creator":
		m.authors = append(m.authors, authorText(n))
		return true
	case n.DataAtom == atom.A && hasWord(strings.ToLower(attr(n, "rel")), "author"):
		m.rels = append(m.rels, textOf(n, maxMetaText))
		return true
	}
	class, id := attr(n, "class"), attr(n, "id")
	if class == "" && id == "" {
		return false
	}
	cls := lowerJoin(m.buf[:0], class, id)
	m.buf = cls
	if bytes.Contains(cls, []byte("comment")) {
		return true // readers' names and dates, not the article's
	}
	switch {
	case len(m.authors) < 4 && (bytes.Contains(cls, []byte("byline")) || wordPrefix(cls, "author")):
		if inOtherStories(n) || bytes.Contains(cls, []byte("bio")) {
			return true // an author's biography names them in prose
		}
		if bylineKids(n) > 1 {
			return false // one byline per author: read each
		}
		if t := textOf(n, maxMetaText+1); t != "" && len(t) <= maxMetaText {
			m.authors = append(m.authors, t)
			return true
		}
	case len(m.dateTexts) < 6 && (bytes.Contains(cls, []byte("date")) || bytes.Contains(cls, []byte("publish")) || bytes.Contains(cls, []byte("timestamp"))):
		if t := textOf(n, 201); t != "" && len(t) <= 200 && !inOtherStories(n) {
			m.dateTexts = append(m.dateTexts, t)
		}
	}
	return false
}

// bylineKids counts the children of n that are bylines themselves.
func bylineKids(n *html.Node) int {
	kids := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if cls := strings.ToLower(attr(c, "class")); strings.Contains(cls, "byline") || strings.HasPrefix(cls, "author") {
			kids++
		}
	}
	return kids
}

// authorText reads an itemprop=author element: its name property if it
// has one, else its content attribute, else its text.
func authorText(n *html.Node) string {
	if c := attr(n, "content"); c != "" {
		return c
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && attr(c, "itemprop") == "name" {
			if v := attr(c, "content"); v != "" {
				return v
			}
			return textOf(c, maxMetaText)
		}
	}
	return textOf(n, maxMetaText)
}

// get returns the first value of the first of keys that the page has.
func (m *pageMeta) get(keys ...string) string {
	for _, k := range keys {
		if v := m.meta[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// all returns every value of every one of keys.
func (m *pageMeta) all(keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, m.meta[k]...)
	}
	return out
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// hasWord reports whether the space-separated list s holds w.
func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// wordPrefix reports whether some word of s (split at anything but
// letters) starts with prefix: "author-name" and "authors" have "author";
// "coauthor" does not.
func wordPrefix(s []byte, prefix string) bool {
	for i := 0; i+len(prefix) <= len(s); i++ {
		if (i == 0 || !isLetter(s[i-1])) && string(s[i:i+len(prefix)]) == prefix {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// childText returns the text children of n (a <title>, whose content the
// parser keeps as raw text), white space collapsed.
func childText(n *html.Node) string {
	var w textWriter
	for c := n.FirstChild; c != nil && len(w.buf) < maxMetaText; c = c.NextSibling {
		if c.Type == html.TextNode {
			w.write(c.Data)
		}
	}
	return strings.TrimSpace(w.String())
}

// lowerJoin appends class and id to buf, lower-cased, each followed by a
// space.
func lowerJoin(buf []byte, class, id string) []byte {
	for _, v := range [2]string{class, id} {
		for i := 0; i < len(v); i++ {
			c := v[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		buf = append(buf, ' ')
	}
	return buf
}
