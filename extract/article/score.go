package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStats sums what a subtree holds, counting only text a reader sees.
type nodeStats struct {
	text, links, commas           int // bytes of text (white space collapsed), of it inside links, commas
	paras, items, imgs, inputs    int // p, li, img, form controls
	embeds, headings, linkAnchors int // iframes/videos/objects, h1-h6, a elements
}

func (s *nodeStats) add(o nodeStats) {
	s.text += o.text
	s.links += o.links
	s.commas += o.commas
	s.paras += o.paras
	s.items += o.items
	s.imgs += o.imgs
	s.inputs += o.inputs
	s.embeds += o.embeds
	s.headings += o.headings
	s.linkAnchors += o.linkAnchors
}

// linkDensity is the share of the subtree's text that sits inside links.
func (s nodeStats) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.links) / float64(s.text)
}

// candidate is a container that received paragraph scores.
type candidate struct {
	n     *html.Node
	score float64 // final: (content + tag + class weight) × (1 − link density)
	stats nodeStats
}

// frame is one open element of the scoring walk.
type frame struct {
	n          *html.Node
	next       *html.Node // next child to visit
	st         nodeStats
	block      int // index of the nearest block frame (itself if block)
	direct     int // inline text directly in this block, not in a block child
	commas     int // commas of that inline text
	runs       int // runs of inline text separated by block children
	afterBlock bool
	score      float64
	scored     bool
	link       bool
}

// scorer walks a page once, bottom-up sums per element, and scores the
// containers of paragraphs as readability does.
type scorer struct {
	strict bool // leave out containers that class hints mark as furniture
	stack  []frame
	cands  map[*html.Node]*candidate
	stats  map[*html.Node]nodeStats // sums of the containers emission weighs (see keepStats)
	inLink int
	bodies []*html.Node // elements marked itemprop=articleBody
}

func newScorer(strict bool) *scorer {
	return &scorer{
		strict: strict,
		cands:  make(map[*html.Node]*candidate),
		stats:  make(map[*html.Node]nodeStats),
	}
}

// run walks the tree under root without recursion.
func (s *scorer) run(root *html.Node) {
	s.push(root)
	for len(s.stack) > 0 {
		f := &s.stack[len(s.stack)-1]
		c := f.next
		if c == nil {
			s.pop()
			continue
		}
		f.next = c.NextSibling
		switch c.Type {
		case html.TextNode:
			s.text(c.Data)
		case html.ElementNode:
			if s.count(f, c) || len(s.stack) >= maxDepth {
				continue
			}
			s.push(c)
		}
	}
}

// count tallies the elements that are left out of the walk and reports
// whether c is one of them.
func (s *scorer) count(f *frame, c *html.Node) bool {
	switch c.DataAtom {
	case atom.Img:
		f.st.imgs++
	case atom.Input, atom.Select, atom.Textarea:
		// Form fields, as readability counts them; buttons are not: pages
		// put them everywhere (share, copy, play), and a sign-up box's
		// button beside its one field counted twice against the
		// paragraphs around the box.
		f.st.inputs++
	case atom.Iframe, atom.Video, atom.Object, atom.Embed, atom.Audio:
		f.st.embeds++
	}
	if skipped(c) || hidden(c) || structuralFurniture(c) {
		return true
	}
	return s.strict && furnitureByClass(c) && c.DataAtom != atom.Body && c.DataAtom != atom.Html
}

func (s *scorer) push(n *html.Node) {
	f := frame{n: n, next: n.FirstChild}
	top := len(s.stack) - 1
	if n.Type != html.ElementNode || block(n) {
		f.block = top + 1
		if top >= 0 {
			s.stack[s.stack[top].block].afterBlock = true
		}
	} else {
		f.block = s.stack[top].block
	}
	if n.DataAtom == atom.A && hasAttr(n, "href") {
		f.link = true
		f.st.linkAnchors++
		s.inLink++
	}
	if attr(n, "itemprop") == "articleBody" {
		s.bodies = append(s.bodies, n)
	}
	s.stack = append(s.stack, f)
}

// text adds a text node to the open element and its block.
func (s *scorer) text(data string) {
	n, commas := measure(data)
	if n == 0 {
		return
	}
	top := &s.stack[len(s.stack)-1]
	top.st.text += n
	top.st.commas += commas
	if s.inLink > 0 {
		top.st.links += n
	}
	b := &s.stack[top.block]
	b.direct += n
	b.commas += commas
	if b.afterBlock || b.runs == 0 {
		b.runs++
		b.afterBlock = false
	}
}

// measure returns the length of data with white space collapsed and its
// number of commas.
func measure(data string) (n, commas int) {
	space := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case ' ', '\n', '\t', '\r', '\f':
			space = true
			continue
		case ',':
			commas++
		case 0x8C: // last byte of "，" (U+FF0C)
			if i >= 2 && data[i-2] == 0xEF && data[i-1] == 0xBC {
				commas++
			}
		}
		if space && n > 0 {
			n++
		}
		space = false
		n++
	}
	return n, commas
}
