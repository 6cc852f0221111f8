package crawl

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page with no article markup at all (old CMSs, small local papers,
// government press offices) is still read as an article when it holds one
// block of prose of at least proseLetters letters outside links (about 60
// words, a brief; a section front's longest dek has about 100 letters), no
// second block half that size (a river of full posts is an index), and a
// date (a <time>, a date meta tag, a date in the URL or in the text), and
// its path is not a site's furniture page.
const proseLetters = 300

// prose is what the fallback needs to know about a page.
type prose struct {
	best, second int  // letters outside links of the two largest blocks
	dated        bool // a <time>, a date meta tag or itemprop=datePublished
	text         strings.Builder
}

// dateMetaNames are meta names and properties that carry a publication date.
var dateMetaNames = map[string]bool{
	"date": true, "pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
	"dc.date": true, "dc.date.issued": true, "dc.date.created": true, "dcterms.date": true,
	"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true, "parsely-pub-date": true,
	"article.published": true, "article_date_original": true, "og:published_time": true,
	"datepublished": true, "citation_publication_date": true, "originalpublicationdate": true,
	"displaydate": true, "article:published": true, "published_time": true,
}

// skippedBlocks are elements whose text is never article prose.
var skippedBlocks = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Template: true, atom.Svg: true,
	atom.Select: true, atom.Button: true, atom.Li: true, atom.Table: false,
}

// measureProse walks the parsed page once.
func measureProse(root *html.Node) *prose {
	pr := &prose{}
	pr.walk(root)
	return pr
}

// walk returns the letters outside links that n contributes to its
// parent's block: a paragraph's text, or inline text.
func (pr *prose) walk(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		pr.addText(n.Data)
		return letters(n.Data)
	case html.ElementNode:
		if skippedBlocks[n.DataAtom] || hasClassWord(n, "comment") {
			pr.scanDates(n) // a byline's date often sits in the article's <header>
			return 0
		}
		pr.noteDate(n)
	case html.DocumentNode:
	default:
		return 0
	}
	own := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		got := pr.walk(c)
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			continue // link text is navigation, not prose
		}
		own += got
	}
	if n.Type != html.ElementNode || inline[n.DataAtom] {
		return own
	}
	if n.DataAtom == atom.P {
		return own // a paragraph counts toward the block that holds it
	}
	pr.block(own)
	return 0
}

// scanDates notes the dates of a subtree that is not prose.
func (pr *prose) scanDates(n *html.Node) {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			pr.addText(c.Data)
		case html.ElementNode:
			pr.noteDate(c)
			pr.scanDates(c)
		}
	}
}

func (pr *prose) addText(s string) {
	if pr.text.Len() < 16000 {
		pr.text.WriteString(s)
		pr.text.WriteByte(' ')
	}
}

func (pr *prose) block(n int) {
	switch {
	case n > pr.best:
		pr.best, pr.second = n, pr.best
	case n > pr.second:
		pr.second = n
	}
}

// inline are elements whose text belongs to the enclosing block.
var inline = map[atom.Atom]bool{
	atom.B: true, atom.I: true, atom.Em: true, atom.Strong: true, atom.Span: true, atom.Q: true,
	atom.Br: true, atom.Sup: true, atom.Sub: true, atom.Small: true, atom.Mark: true, atom.Abbr: true,
	atom.Cite: true, atom.U: true, atom.Font: true, atom.Time: true, atom.A: true, atom.Code: true,
}

func (pr *prose) noteDate(n *html.Node) {
	if n.DataAtom == atom.Time {
		pr.dated = true
		return
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			if strings.EqualFold(a.Val, "datePublished") {
				pr.dated = true
			}
		case "name", "property":
			if n.DataAtom == atom.Meta && dateMetaNames[strings.ToLower(a.Val)] {
				pr.dated = true
			}
		}
	}
}

func hasClassWord(n *html.Node, word string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			for _, f := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
				if f == word || f == word+"s" {
					return true
				}
			}
		}
	}
	return false
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

var (
	urlDate  = regexp.MustCompile(`/(19|20)\d\d/(0?[1-9]|1[0-2])(/|$)|/(19|20)\d\d-\d\d-\d\d|[/_-](19|20)\d\d(0[1-9]|1[0-2])[0-3]\d[/_.-]`)
	textDate = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? (19|20)\d\d\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (19|20)\d\d\b|\b(19|20)\d\d-\d\d-\d\d\b`)
	// furniturePath matches pages every site has that are long prose
	// with a date ("Last updated: January 5, 2024") but never news.
	furniturePath = regexp.MustCompile(`(?i)/(about|about-us|privacy|privacy-policy|terms|terms-of-use|terms-of-service|cookies?|cookie-policy|legal|contact|contact-us|help|faq|subscribe|subscriptions|advertise|careers|jobs|accessibility|imprint|impressum|masthead|corrections-policy|ethics|newsletters?)(/|\.html?)?$`)
)

// isProse reports whether the fallback reads the page at u as an article.
func (pr *prose) isProse(u *url.URL) bool {
	if pr == nil || pr.best < proseLetters || pr.second*2 >= pr.best {
		return false
	}
	if u.Path == "" || u.Path == "/" || furniturePath.MatchString(u.Path) {
		return false
	}
	return pr.dated || urlDate.MatchString(u.Path) || textDate.MatchString(pr.text.String())
}
