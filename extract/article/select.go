package article

import (
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minParagraph is the shortest text (bytes) that counts as a paragraph.
const minParagraph = 25

// pop closes the top frame: scores its text as a paragraph, records its
// sums and folds them into its parent.
func (s *scorer) pop() {
	f := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	if f.link {
		s.inLink--
	}
	n := f.n
	switch n.DataAtom {
	case atom.P:
		f.st.paras++
	case atom.Li:
		f.st.items++
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		f.st.headings++
	}
	if f.block == len(s.stack) && f.direct >= minParagraph && scoresText(n) {
		value := float64(f.runs+f.commas) + min(float64(f.direct/100), float64(3*f.runs))
		if paragraphLike(n) {
			s.addScore(len(s.stack)-1, 0, value)
		} else {
			// Inline text beside block children: a paragraph whose
			// parent is this very element.
			f.score += value
			f.scored = true
			s.addScore(len(s.stack)-1, 1, value)
		}
	}
	if keepStats(n) {
		s.stats[n] = f.st
	}
	if f.scored {
		weight := tagWeight(n) + classWeight(n)
		s.cands[n] = &candidate{n: n, score: (f.score + weight) * (1 - f.st.linkDensity()), stats: f.st}
	}
	if len(s.stack) > 0 {
		s.stack[len(s.stack)-1].st.add(f.st)
	}
}

// keepStats reports whether n's sums are kept for later: the containers
// that conditional cleaning weighs, paragraphs that may join the winner,
// and articleBody elements.
func keepStats(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Ul, atom.Ol, atom.Dl,
		atom.Table, atom.Form, atom.Fieldset, atom.P, atom.Td, atom.Body:
		return true
	}
	return n.Type == html.ElementNode && attr(n, "itemprop") == "articleBody"
}

// scoresText reports whether text directly in n counts as a paragraph:
// list items, headings and captions do not.
func scoresText(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Li, atom.Dt, atom.Dd, atom.Th, atom.Caption, atom.Legend, atom.Summary,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	}
	return n.Type == html.ElementNode
}

// addScore gives value to the frame at idx and its ancestors, five levels
// in all, as readability divides it: the first in full, the second half,
// then a third per level.
func (s *scorer) addScore(idx, level int, value float64) {
	for ; level < 5 && idx >= 1; level, idx = level+1, idx-1 {
		divider := 1.0
		switch {
		case level == 1:
			divider = 2
		case level > 1:
			divider = float64(level * 3)
		}
		s.stack[idx].score += value / divider
		s.stack[idx].scored = true
	}
}

// tagWeight is readability's prior for a container by its tag.
func tagWeight(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Div, atom.Article:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// best returns the nodes that hold the article text: the winning
// candidate, or its parent's children that belong with it.
func (s *scorer) best() []*html.Node {
	if len(s.bodies) == 1 {
		if st := s.stats[s.bodies[0]]; st.text >= 200 && st.linkDensity() < 0.5 {
			return s.bodies
		}
	}
	ranked := make([]*candidate, 0, len(s.cands))
	for _, c := range s.cands {
		ranked = append(ranked, c)
	}
	if len(ranked) == 0 {
		return nil
	}
	sort.Slice(ranked, func(i, j int) bool { return ranked[i].score > ranked[j].score })
	top := s.promote(ranked)
	top = s.climb(top)
	return s.siblings(top)
}

// promote moves the winner up to the common ancestor of the near-winners
// when three or more candidates score close to it: the text is split over
// several containers.
func (s *scorer) promote(ranked []*candidate) *candidate {
	top := ranked[0]
	var close []*html.Node
	for _, c := range ranked[1:min(len(ranked), 5)] {
		if c.score >= top.score*0.75 {
			close = append(close, c.n)
		}
	}
	if len(close) < 3 {
		return top
	}
	for p := top.n.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		held := 0
		for _, c := range close {
			if contains(p, c) {
				held++
			}
		}
		if held >= 3 {
			if c := s.cands[p]; c != nil {
				return c
			}
			return &candidate{n: p, score: top.score, stats: s.stats[p]}
		}
	}
	return top
}

// climb walks up from top while the parents keep scoring well, and past
// wrappers that hold nothing else.
func (s *scorer) climb(top *candidate) *candidate {
	last, threshold := top.score, top.score/3
	for p := top.n.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		c := s.cands[p]
		if c == nil {
			continue
		}
		if c.score < threshold {
			break
		}
		if c.score > last {
			top = c
			break
		}
		last = c.score
	}
	for p := top.n.Parent; p != nil && p.DataAtom != atom.Body && onlyElementChild(p) == top.n; p = p.Parent {
		top = &candidate{n: p, score: top.score, stats: s.stats[p]}
	}
	return top
}

// siblings returns top together with the siblings that belong to the
// same article: scored near it, or plain paragraphs of prose.
func (s *scorer) siblings(top *candidate) []*html.Node {
	parent := top.n.Parent
	if parent == nil || parent.Type != html.ElementNode {
		return []*html.Node{top.n}
	}
	threshold := max(10, top.score*0.2)
	topClass := attr(top.n, "class")
	var out []*html.Node
	var sub *html.Node // a lone subheading waiting for the text it heads
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c == top.n || s.belongs(c, topClass, top.score, threshold) {
			if sub != nil {
				out = append(out, sub)
			}
			out = append(out, c)
			sub = nil
			continue
		}
		sub = nil
		if len(out) > 0 && headingBlock(c) {
			sub = c
		}
	}
	return out
}

// headingBlock reports whether n holds only a subheading, as page builders
// set one between the blocks of an article's text.
func headingBlock(n *html.Node) bool {
	for depth := 0; n != nil && depth < 4; depth++ {
		if heading(n) {
			return n.DataAtom != atom.H1 && len(textOf(n, 200)) < 200
		}
		n = onlyElementChild(n)
	}
	return false
}

func (s *scorer) belongs(c *html.Node, topClass string, topScore, threshold float64) bool {
	if cand := s.cands[c]; cand != nil {
		bonus := 0.0
		if topClass != "" && attr(c, "class") == topClass {
			bonus = topScore * 0.2
		}
		if cand.score+bonus >= threshold {
			return true
		}
	}
	if c.DataAtom != atom.P {
		return false
	}
	st, ok := s.stats[c]
	if !ok {
		return false
	}
	if st.text > 80 && st.linkDensity() < 0.25 {
		return true
	}
	if st.text > 0 && st.links == 0 {
		t := textOf(c, 400)
		return strings.Contains(t, ". ") || strings.HasSuffix(t, ".")
	}
	return false
}

// onlyElementChild returns n's single element child, or nil.
func onlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode:
			if only != nil {
				return nil
			}
			only = c
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		}
	}
	return only
}

// contains reports whether d is n or below it.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}
