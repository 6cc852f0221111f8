package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth caps how deep the walks descend: anything nested deeper than
// this is not article text, and the cap keeps every walk's stack bounded.
const maxDepth = 256

// attr returns the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// skipped reports whether n never holds readable text: scripts, styles,
// embedded objects, form controls and the document head.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
		atom.Svg, atom.Math, atom.Canvas, atom.Object, atom.Embed, atom.Video,
		atom.Audio, atom.Select, atom.Option, atom.Button, atom.Input,
		atom.Textarea, atom.Head, atom.Title, atom.Meta, atom.Link, atom.Map,
		atom.Picture, atom.Source, atom.Img, atom.Dialog:
		return true
	}
	return n.Namespace == "svg" || n.Namespace == "math"
}

// hidden reports whether the page hides n from readers.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	if s := attr(n, "style"); s != "" {
		s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	return false
}

// block reports whether n starts a new line of text when rendered.
func block(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Center, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Li, atom.Main, atom.Menu, atom.Nav,
		atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table,
		atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul,
		atom.Caption, atom.Legend, atom.Frameset, atom.Noscript:
		return true
	}
	return false
}

// heading reports whether n is h1 to h6.
func heading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// hasBlockChild reports whether any direct child of n is a block element.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && block(c) {
			return true
		}
	}
	return false
}

// paragraphLike reports whether n is scored as one paragraph: a p, pre or
// td, or a container that holds only inline content (a div used as a p).
func paragraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td:
		return true
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Center:
		return !hasBlockChild(n)
	}
	return false
}

// structuralFurniture reports whether n is, by its tag or ARIA role, a
// part of the page around the article: navigation, site header and footer,
// asides, figures and their captions.
func structuralFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Figure,
		atom.Figcaption, atom.Menu:
		return true
	}
	switch attr(n, "role") {
	case "navigation", "menu", "menubar", "complementary", "banner",
		"contentinfo", "alert", "alertdialog", "dialog", "search":
		return true
	}
	return false
}

// textOf returns the normalised text of n's subtree (whitespace collapsed,
// skipped elements left out), reading at most limit bytes of text.
func textOf(n *html.Node, limit int) string {
	var w textWriter
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{n, 0}}
	for len(stack) > 0 && len(w.buf) < limit {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch it.n.Type {
		case html.TextNode:
			w.write(it.n.Data)
			continue
		case html.ElementNode:
			if skipped(it.n) {
				continue
			}
			if block(it.n) || it.n.DataAtom == atom.Br {
				w.space()
			}
		}
		if it.depth >= maxDepth {
			continue
		}
		for c := it.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return strings.TrimSpace(w.String())
}
