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

// prose is what the fallback needs to know about a page. Each paragraph
// (a <p>, or the inline text of a block) scores its letters outside links
// for the element that holds it and half as much for that element's
// parent, so a story split over several <section>s still adds up in their
// container; a container whose links have more than half as many letters
// as its score is a river of teasers, not a story.
type prose struct {
	best, second int  // scores of the best container and of the best one unrelated to it
	dated        bool // a <time>, a date meta tag or itemprop=datePublished
	text         strings.Builder
	score        map[*html.Node]int
	links        map[*html.Node]int // letters of link text below each block
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

// measureProse walks the parsed page once and picks the best containers.
func measureProse(root *html.Node) *prose {
	pr := &prose{score: map[*html.Node]int{}, links: map[*html.Node]int{}}
	pr.walk(root)
	var best *html.Node
	for n, sc := range pr.score {
		if pr.qualifies(n) && sc > pr.best {
			best, pr.best = n, sc
		}
	}
	for n, sc := range pr.score {
		if pr.qualifies(n) && sc > pr.second && !related(n, best) {
			pr.second = sc
		}
	}
	pr.score, pr.links = nil, nil
	return pr
}

func (pr *prose) qualifies(n *html.Node) bool { return pr.links[n]*2 <= pr.score[n] }

// related reports whether a is b, or an ancestor or descendant of it.
func related(a, b *html.Node) bool {
	for n := a; n != nil; n = n.Parent {
		if n == b {
			return true
		}
	}
	for n := b; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// walk returns the letters outside links that n passes to the paragraph
// that holds it (inline text) and the letters of link text below n.
func (pr *prose) walk(n *html.Node) (own, links int) {
	switch n.Type {
	case html.TextNode:
		pr.addText(n.Data)
		return letters(n.Data), 0
	case html.ElementNode:
		if skippedBlocks[n.DataAtom] || hasClassWord(n, "comment") {
			pr.scanDates(n) // a byline's date often sits in the article's <header>
			return 0, 0
		}
		pr.noteDate(n)
	case html.DocumentNode:
	default:
		return 0, 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		o, l := pr.walk(c)
		links += l
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			links += o // link text is navigation, not prose
			continue
		}
		own += o
	}
	switch {
	case n.Type == html.ElementNode && inline[n.DataAtom]:
		return own, links
	case n.DataAtom == atom.P:
		pr.paragraph(n.Parent, own)
	default:
		pr.paragraph(n, own)
	}
	pr.links[n] = links
	return 0, links
}

// paragraph scores a paragraph of n letters for the element holding it
// and half for that element's parent.
func (pr *prose) paragraph(home *html.Node, n int) {
	if home == nil || n == 0 {
		return
	}
	pr.score[home] += n
	if home.Parent != nil {
		pr.score[home.Parent] += n / 2
	}
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
