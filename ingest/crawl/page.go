package crawl

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"

	"github.com/newsintel/newsintel/urlcanon"
)

// maxLinks caps the links taken from one page (a busy home page has a few
// hundred).
const maxLinks = 2000

// page is what the crawler learns from one fetched HTML page.
type page struct {
	finalURL  *url.URL
	status    int
	header    http.Header
	mediaType string
	body      []byte
	html      bool

	canonical     string // <link rel=canonical>, absolute
	ogURL         string
	ogType        string
	publishedMeta bool     // <meta property="article:published_time">
	ldArticle     bool     // a JSON-LD article object describes this page
	ldIndex       bool     // JSON-LD calls the page a CollectionPage, ItemList, SearchResultsPage or ProfilePage
	microdata     int      // elements with an article itemtype (schema.org microdata)
	noIndex       bool     // <meta name=robots content=noindex>
	noFollow      bool     // <meta name=robots content=nofollow>
	links         []string // absolute, in document order
	prose         *prose   // the prose fallback's measures
}

// onHTML reads the page's metadata and links from colly's parsed document.
func onHTML(e *colly.HTMLElement) {
	p, ok := e.Request.Ctx.GetAny("page").(*page)
	if !ok {
		return
	}
	p.html = true
	doc := e.DOM
	doc.Find("link[rel][href]").Each(func(_ int, s *goquery.Selection) {
		rel := " " + strings.ToLower(s.AttrOr("rel", "")) + " "
		href := strings.TrimSpace(s.AttrOr("href", ""))
		switch {
		case strings.Contains(rel, " canonical ") && p.canonical == "":
			p.canonical = e.Request.AbsoluteURL(href)
		case strings.Contains(rel, " next "):
			p.addLink(e.Request.AbsoluteURL(href))
		}
	})
	doc.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		p.meta(e, strings.ToLower(s.AttrOr("property", s.AttrOr("name", ""))), strings.TrimSpace(s.AttrOr("content", "")))
	})
	doc.Find("script[type]").Each(func(_ int, s *goquery.Selection) {
		if strings.Contains(strings.ToLower(s.AttrOr("type", "")), "ld+json") {
			article, index := jsonLD(s.Text(), p)
			p.ldArticle, p.ldIndex = p.ldArticle || article, p.ldIndex || index
		}
	})
	doc.Find("[itemtype]").Each(func(_ int, s *goquery.Selection) {
		for _, t := range strings.Fields(s.AttrOr("itemtype", "")) {
			if ldIsArticle(t) {
				p.microdata++
				break
			}
		}
	})
	if len(doc.Nodes) > 0 {
		p.prose = measureProse(doc.Nodes[0])
	}
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		if rel := strings.ToLower(s.AttrOr("rel", "")); strings.Contains(rel, "nofollow") || strings.Contains(rel, "sponsored") {
			return
		}
		p.addLink(e.Request.AbsoluteURL(strings.TrimSpace(s.AttrOr("href", ""))))
	})
}

func (p *page) meta(e *colly.HTMLElement, key, content string) {
	switch key {
	case "og:type":
		p.ogType = strings.ToLower(content)
	case "og:url":
		p.ogURL = e.Request.AbsoluteURL(content)
	case "article:published_time":
		p.publishedMeta = content != ""
	case "robots":
		p.robotsDirectives(content)
	}
}

// robotsDirectives applies a robots meta tag or X-Robots-Tag value
// ("noindex, nofollow", "none").
func (p *page) robotsDirectives(v string) {
	for _, d := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ',' || r == ' ' }) {
		switch d {
		case "noindex":
			p.noIndex = true
		case "nofollow":
			p.noFollow = true
		case "none":
			p.noIndex, p.noFollow = true, true
		}
	}
}

func (p *page) addLink(u string) {
	if u != "" && len(p.links) < maxLinks {
		p.links = append(p.links, u)
	}
}

// isArticle reports whether the page is an article to publish, and why: a
// JSON-LD article type, og:type=article, an article:published_time, one
// schema.org microdata article, a URL matching one of patterns, or else
// one dated block of prose (see prose).
func (p *page) isArticle(patterns []*regexp.Regexp) (bool, string) {
	for _, re := range patterns {
		if re.MatchString(p.finalURL.String()) {
			return true, "url pattern"
		}
	}
	// A site's home page is its front, whatever markup it carries (some
	// describe their top story as a NewsArticle, some say og:type=article
	// everywhere). A page that JSON-LD calls a collection (a section front,
	// a tag or author page) is an index whatever its og:type says.
	if homePaths[strings.ToLower(p.finalURL.Path)] {
		return false, ""
	}
	// WordPress (Yoast) says og:type=article on every static page too; an
	// about, contact or privacy page is no article whatever its markup.
	if furniturePath.MatchString(p.finalURL.Path) && !p.ldArticle {
		return false, ""
	}
	switch {
	case p.ldArticle:
		return true, "json-ld"
	case p.ldIndex:
	case strings.Contains(p.ogType, "article"):
		return true, "og:type"
	case p.publishedMeta && p.ogType != "website":
		return true, "article:published_time"
	case p.microdata == 1:
		// One article item is the page; several are the cards of an index.
		return true, "microdata"
	}
	if !p.ldIndex && (p.ogType == "" || strings.Contains(p.ogType, "article")) && p.prose.isProse(p.finalURL) {
		return true, "prose"
	}
	return false, ""
}

// homePaths are the paths of a site's home page.
var homePaths = map[string]bool{"": true, "/": true, "/index.html": true, "/index.htm": true, "/index.php": true,
	"/index.shtml": true, "/default.aspx": true, "/home": true, "/home/": true}

// canonicalURL returns the normalised canonical URL of the page: the one it
// declares (<link rel=canonical>, else og:url) when that is on the same
// site and not the site's root, else the URL it was fetched from.
func (p *page) canonicalURL() string {
	fetched, _ := urlcanon.CanonicalURL(p.finalURL)
	for _, d := range []string{p.canonical, p.ogURL} {
		c, err := urlcanon.Canonical(d)
		if err != nil || !sameSite(c, fetched) {
			continue
		}
		// A root canonical on a deeper page is a template error (every
		// page of some sites claims to be the home page), not identity.
		if u, _ := url.Parse(c); u.Path == "/" && p.finalURL.Path != "/" && p.finalURL.Path != "" {
			continue
		}
		return c
	}
	return fetched
}

// sameSite reports whether two URLs share a host, ignoring a "www.",
// "amp." or "m." prefix (the extract stage applies the same rule).
func sameSite(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	return ua.Hostname() != "" && siteHost(ua.Hostname()) == siteHost(ub.Hostname())
}

func siteHost(h string) string {
	h = strings.ToLower(h)
	for _, p := range []string{"www.", "amp.", "m."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}

// articleTypes are the schema.org types read as an article page.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true, "satiricalarticle": true,
	"report": true, "techarticle": true, "scholarlyarticle": true,
}

// jsonLD reports whether a JSON-LD script describes this page as an
// article: a top-level object, an @graph member or a page's mainEntity of
// an article type whose url (when it gives one) is this page. Articles
// listed inside an ItemList or hasPart (index pages do that) do not count.
// index reports a top-level collection type instead.
func jsonLD(text string, p *page) (article, index bool) {
	text = strings.TrimSpace(text)
	for _, w := range []string{"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"} {
		text = strings.ReplaceAll(text, w, "")
	}
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return false, false
	}
	return ldWalk(v, p, 0), ldIndexWalk(v, 0)
}

// indexTypes are the schema.org types of index and furniture pages.
var indexTypes = map[string]bool{"collectionpage": true, "itemlist": true, "searchresultspage": true, "profilepage": true,
	"aboutpage": true, "contactpage": true, "faqpage": true}

func ldIndexWalk(v any, depth int) bool {
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			if depth < 2 && ldIndexWalk(x, depth+1) {
				return true
			}
		}
	case map[string]any:
		return schemaType(t["@type"], indexTypes) || depth < 2 && ldIndexWalk(t["@graph"], depth+1)
	}
	return false
}

func ldWalk(v any, p *page, depth int) bool {
	if depth > 3 {
		return false
	}
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			if ldWalk(x, p, depth+1) {
				return true
			}
		}
	case map[string]any:
		if ldIsArticle(t["@type"]) && ldAboutPage(t, p) {
			return true
		}
		if ldWalk(t["@graph"], p, depth+1) {
			return true
		}
		main := t["mainEntity"]
		if list, ok := main.([]any); ok && len(list) == 1 {
			main = list[0]
		}
		if m, ok := main.(map[string]any); ok && ldIsArticle(m["@type"]) && ldAboutPage(m, p) {
			return true
		}
	}
	return false
}

func ldIsArticle(t any) bool { return schemaType(t, articleTypes) }

// schemaType reports whether a JSON-LD @type (a string or a list, with or
// without a schema.org prefix) names one of types.
func schemaType(t any, types map[string]bool) bool {
	switch x := t.(type) {
	case string:
		if i := strings.LastIndexAny(x, "/:#"); i >= 0 {
			x = x[i+1:]
		}
		return types[strings.ToLower(strings.TrimSpace(x))]
	case []any:
		for _, y := range x {
			if schemaType(y, types) {
				return true
			}
		}
	}
	return false
}

// ldAboutPage reports whether an article object is about this page: true
// unless its url or mainEntityOfPage names another path of the same site.
func ldAboutPage(obj map[string]any, p *page) bool {
	for _, key := range []string{"url", "mainEntityOfPage"} {
		var s string
		switch x := obj[key].(type) {
		case string:
			s = x
		case map[string]any:
			s, _ = x["@id"].(string)
		}
		if s == "" {
			continue
		}
		u, err := p.finalURL.Parse(s)
		if err != nil || !sameSite(u.String(), p.finalURL.String()) {
			continue
		}
		if samePath(u.Path, p.finalURL.Path) {
			return true
		}
		if c, err := url.Parse(p.canonical); err == nil && p.canonical != "" && samePath(u.Path, c.Path) {
			return true
		}
		return false
	}
	return true
}

func samePath(a, b string) bool {
	return strings.TrimSuffix(a, "/") == strings.TrimSuffix(b, "/")
}
