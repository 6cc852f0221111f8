package demo

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// page is what the tests read from one HTML file of the corpus.
type page struct {
	doc       *html.Node
	text      string            // visible text, whitespace collapsed
	meta      map[string]string // og:* and name= meta content by property or name
	canonical string
	jsonLD    []any
}

// parsePage parses b and collects its text, meta tags, canonical link and
// JSON-LD blocks; it fails the test on HTML or JSON-LD that does not parse.
func parsePage(t *testing.T, name string, b []byte) page {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	require.NoError(t, err, "%s: parse html", name)
	p := page{doc: doc, meta: map[string]string{}}
	var text strings.Builder
	for n := range doc.Descendants() {
		switch {
		case n.Type == html.TextNode && !inScript(n):
			text.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "meta":
			if k := attr(n, "property") + attr(n, "name"); k != "" {
				p.meta[k] = attr(n, "content")
			}
		case n.Type == html.ElementNode && n.Data == "link" && attr(n, "rel") == "canonical":
			p.canonical = attr(n, "href")
		case n.Type == html.ElementNode && n.Data == "script" && attr(n, "type") == "application/ld+json":
			var v any
			require.NoError(t, json.Unmarshal([]byte(textOf(n)), &v), "%s: JSON-LD", name)
			p.jsonLD = append(p.jsonLD, v)
		}
	}
	p.text = collapse(text.String())
	return p
}

// article returns the first JSON-LD object whose @type is an article type,
// looking inside @graph too.
func (p page) article() map[string]any {
	var find func(v any) map[string]any
	find = func(v any) map[string]any {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				if m := find(x); m != nil {
					return m
				}
			}
		case map[string]any:
			switch v["@type"] {
			case "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle":
				return v
			}
			return find(v["@graph"])
		}
		return nil
	}
	return find(p.jsonLD)
}

// published returns the article's datePublished from JSON-LD, else from
// article:published_time.
func (p page) published() (time.Time, bool) {
	s := p.meta["article:published_time"]
	if a := p.article(); a != nil {
		if d, ok := a["datePublished"].(string); ok {
			s = d
		}
	}
	ts, err := time.Parse(time.RFC3339, s)
	return ts, err == nil
}

// paragraphs returns the collapsed text of every <p> element.
func (p page) paragraphs() []string {
	var out []string
	for n := range p.doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "p" {
			out = append(out, collapse(textOf(n)))
		}
	}
	return out
}

func inScript(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && (a.Data == "script" || a.Data == "style" || a.Data == "noscript") {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
