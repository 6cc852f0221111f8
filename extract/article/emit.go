package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paraKind says what sort of block a paragraph came from.
type paraKind int

const (
	kindText paraKind = iota
	kindHeading
	kindItem
	kindTable
)

// para is one paragraph of body text.
type para struct {
	text  string
	links int // bytes of text inside links
	kind  paraKind
}

// emitter turns the chosen subtrees into paragraphs, leaving out the
// furniture inside them.
type emitter struct {
	s        *scorer
	strict   bool // leave out what class hints mark as furniture
	captions bool // keep figures and their captions (photo galleries)
	title    string
	rootLen  int // text bytes of the chosen nodes
	w        textWriter
	kind     paraKind
	paras    []para
	inLink   int
	tables   []bool // for each open table: is it a data table
	cells    []int  // cells seen in the current row of each open table
}

type emitItem struct {
	n     *html.Node
	exit  bool
	depth int
}

// emit writes the text of roots into e.paras.
func (e *emitter) emit(roots []*html.Node) {
	for _, r := range roots {
		if c := e.s.cands[r]; c != nil {
			e.rootLen += c.stats.text
		} else {
			e.rootLen += e.s.stats[r].text
		}
	}
	for _, r := range roots {
		e.walk(r)
	}
	e.flush()
}

func (e *emitter) walk(root *html.Node) {
	stack := []emitItem{{n: root}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.exit {
			e.leave(it.n)
			continue
		}
		switch it.n.Type {
		case html.TextNode:
			e.w.writeText(it.n.Data, e.inLink > 0)
			continue
		case html.ElementNode:
			if it.n != root && e.drop(it.n) {
				e.entryHeadings(it.n)
				continue
			}
			e.enter(it.n)
		default:
			continue
		}
		if it.depth >= maxDepth {
			continue
		}
		stack = append(stack, emitItem{n: it.n, exit: true})
		for c := it.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, emitItem{n: c, depth: it.depth + 1})
		}
	}
}

// entryHeadings emits the subheadings of a dropped <header> inside the
// article: a live blog's entries and a Q&A's sections head themselves
// with a <header> that holds a time and a name around the entry's own
// headline. A header with the page's h1 is the article's and is left out.
func (e *emitter) entryHeadings(n *html.Node) {
	if n.DataAtom != atom.Header || skipped(n) || hidden(n) {
		return
	}
	var hs []*html.Node
	stack := []emitItem{{n: n}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n.DataAtom == atom.H1 {
			return
		}
		if heading(it.n) {
			hs = append(hs, it.n)
			continue
		}
		for c := it.n.LastChild; c != nil && it.depth < maxDepth; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				stack = append(stack, emitItem{n: c, depth: it.depth + 1})
			}
		}
	}
	for _, h := range hs {
		e.walk(h)
	}
}

// drop reports whether the element n and all it holds are left out.
func (e *emitter) drop(n *html.Node) bool {
	figure := n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption
	if e.captions && figure {
		return skipped(n) || hidden(n)
	}
	if skipped(n) || hidden(n) || structuralFurniture(n) {
		return true
	}
	if e.strict && furnitureByClass(n) {
		return true
	}
	switch n.DataAtom {
	case atom.H1:
		return e.title != "" && sameText(textOf(n, 1000), e.title)
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Form, atom.Fieldset:
		return e.strict && e.cleanConditionally(n)
	}
	return false
}

// cleanConditionally is readability's test for a container inside the
// article that is more furniture than text: mostly links, images, form
// controls or embeds.
func (e *emitter) cleanConditionally(n *html.Node) bool {
	st, ok := e.s.stats[n]
	if !ok || paragraphLike(n) && n.DataAtom != atom.Td || st.text*2 > e.rootLen {
		return false
	}
	if n.DataAtom == atom.Table && dataTable(n) {
		return false
	}
	weight := classWeight(n)
	if c := e.s.cands[n]; c != nil && weight+c.score < 0 {
		return true
	}
	if st.commas >= 10 {
		return false
	}
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol || n.DataAtom == atom.Dl
	density := st.linkDensity()
	switch {
	case st.imgs > 1 && float64(st.paras)/float64(st.imgs) < 0.5,
		!isList && st.items-100 > st.paras,
		st.inputs > st.paras/3,
		!isList && st.text < minParagraph && (st.imgs == 0 || st.imgs > 2) && !headingBlock(n),
		!isList && weight < 25 && density > 0.2,
		isList && density > 0.5,
		weight >= 25 && density > 0.5,
		st.embeds == 1 && st.text < 75 || st.embeds > 1:
		return true
	}
	return false
}

func (e *emitter) enter(n *html.Node) {
	if prev := n.PrevSibling; prev != nil && prev.Type == html.ElementNode && !block(n) {
		// Sibling inline elements with no space between them are laid out
		// apart by the page's style sheet ("<span>Li Wei</span><span>Oct.
		// 16</span>"); a drop cap is an element followed by text, not this.
		e.w.space()
	}
	switch {
	case n.DataAtom == atom.Br:
		e.w.newline()
		return
	case n.DataAtom == atom.A && hasAttr(n, "href"):
		e.inLink++
		return
	case n.DataAtom == atom.Table:
		e.flush()
		e.tables = append(e.tables, dataTable(n))
		e.cells = append(e.cells, 0)
		return
	}
	if e.inDataTable() {
		e.enterCell(n)
		return
	}
	if block(n) {
		e.flush()
		switch {
		case heading(n):
			e.kind = kindHeading
		case n.DataAtom == atom.Li || n.DataAtom == atom.Dt || n.DataAtom == atom.Dd:
			e.kind = kindItem
		}
	}
}

// enterCell lays a data table out one row per line, cells separated by
// " | ".
func (e *emitter) enterCell(n *html.Node) {
	last := len(e.cells) - 1
	switch n.DataAtom {
	case atom.Tr:
		e.cells[last] = 0
		if len(e.w.buf) > 0 {
			e.w.newline()
		}
		e.kind = kindTable
	case atom.Td, atom.Th:
		if e.cells[last] > 0 {
			e.w.write(" | ")
		}
		e.cells[last]++
	case atom.Caption:
		e.flush()
	}
}

func (e *emitter) leave(n *html.Node) {
	switch {
	case n.DataAtom == atom.A && hasAttr(n, "href"):
		e.inLink--
	case n.DataAtom == atom.Table:
		e.flush()
		e.tables = e.tables[:len(e.tables)-1]
		e.cells = e.cells[:len(e.cells)-1]
	case e.inDataTable():
		if n.DataAtom == atom.Caption {
			e.flush()
			e.kind = kindTable
		}
	case block(n):
		e.flush()
	}
}

func (e *emitter) inDataTable() bool {
	return len(e.tables) > 0 && e.tables[len(e.tables)-1]
}

// flush ends the current paragraph. Two line breaks in a row (<br><br>)
// end a paragraph too.
func (e *emitter) flush() {
	text := strings.TrimSpace(e.w.String())
	links, kind := e.w.links, e.kind
	e.w.reset()
	e.kind = kindText
	if text == "" {
		return
	}
	if !strings.Contains(text, "\n\n") {
		e.paras = append(e.paras, para{text: trimLines(text), links: links, kind: kind})
		return
	}
	for _, part := range strings.Split(text, "\n\n") {
		if part = trimLines(part); part != "" {
			share := links * len(part) / len(text)
			e.paras = append(e.paras, para{text: part, links: share, kind: kind})
		}
	}
}

// trimLines trims each line of s and drops the empty ones.
func trimLines(s string) string {
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// dataTable reports whether table n holds data (rows of short cells)
// rather than page layout: no nested tables, paragraphs or containers.
func dataTable(n *html.Node) bool {
	if attr(n, "role") == "presentation" {
		return false
	}
	stack := []*html.Node{n.FirstChild}
	seen := 0
	for len(stack) > 0 && seen < 5000 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for ; c != nil; c = c.NextSibling {
			seen++
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table, atom.P, atom.Div, atom.Ul, atom.Ol, atom.Section,
				atom.Article, atom.H1, atom.H2, atom.H3, atom.Iframe, atom.Form:
				return false
			}
			if c.FirstChild != nil && len(stack) < maxDepth {
				stack = append(stack, c.FirstChild)
			}
		}
	}
	return seen < 5000
}

// sameText reports whether a and b read the same, ignoring case, spacing
// and punctuation.
func sameText(a, b string) bool {
	// Compared rune by rune as foldText would fold them, without building
	// either string: this runs on the first paragraphs of every page.
	i, j, some := 0, 0, false
	for {
		ra, ni := nextFolded(a, i)
		rb, nj := nextFolded(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return some
		}
		i, j, some = ni, nj, true
	}
}

// nextFolded returns the next rune of s from byte i that foldText keeps,
// lower-cased, and the index after it; -1 at the end.
func nextFolded(s string, i int) (rune, int) {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		r = unicode.ToLower(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7F && r != 0xA0 && r != '’' && r != '‘' && r != '“' && r != '”' {
			return r, i
		}
	}
	return -1, i
}

func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7F && r != 0xA0 && r != '’' && r != '‘' && r != '“' && r != '”' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
