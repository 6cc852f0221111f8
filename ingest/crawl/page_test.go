package crawl

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func parsePage(t *testing.T, pageURL, html string) *page {
	t.Helper()
	u, _ := url.Parse(pageURL)
	p := &page{finalURL: u}
	runCallbacks(t, p, html)
	return p
}

func TestIsArticle(t *testing.T) {
	const u = "https://www.example.com/2026/11/30/cloud-review"
	cases := []struct {
		name, html string
		patterns   []string
		want       bool
	}{
		{"json-ld NewsArticle", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script>`, nil, true},
		{"json-ld schema: prefix", `<script type="application/ld+json">{"@type":"schema:ReportageNewsArticle"}</script>`, nil, true},
		{"json-ld graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","mainEntityOfPage":"` + u + `/"}]}</script>`, nil, true},
		{"json-ld mainEntity list", `<script type="application/ld+json">{"@type":"WebPage","mainEntity":[{"@type":"NewsArticle"}]}</script>`, nil, true},
		{"json-ld mainEntity", `<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"BlogPosting"}}</script>`, nil, true},
		{"json-ld type list", `<script type="application/ld+json">{"@type":["CreativeWork","OpinionNewsArticle"]}</script>`, nil, true},
		{"json-ld in comment wrapper", "<script type=\"application/ld+json\">\n<!--\n{\"@type\":\"NewsArticle\"}\n-->\n</script>", nil, true},
		{"og:type article", `<meta property="og:type" content="article">`, nil, true},
		{"published_time", `<meta property="article:published_time" content="2026-11-30T09:00:00Z">`, nil, true},
		{"url pattern", `<title>x</title>`, []string{`/20\d\d/\d\d/\d\d/`}, true},
		{"website", `<meta property="og:type" content="website"><title>Home</title>`, nil, false},
		{"item list of articles", `<script type="application/ld+json">{"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle","url":"/a"}}]}}</script>`, nil, false},
		{"article about another page", `<script type="application/ld+json">{"@type":"NewsArticle","url":"https://example.com/2026/11/29/other-story"}</script>`, nil, false},
		{"bad json", `<script type="application/ld+json">{"@type":"NewsArticle",</script>`, nil, false},
		{"collection page with og:type article", `<meta property="og:type" content="article"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"CollectionPage","name":"Politics"}]}</script>`, nil, false},
		{"one microdata article", `</head><body><article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">x</h1></article>`, nil, true},
		{"microdata cards", `</head><body><div itemscope itemtype="http://schema.org/NewsArticle">a</div><div itemscope itemtype="http://schema.org/NewsArticle">b</div>`, nil, false},
		{"og:type news.article", `<meta property="og:type" content="news.article">`, nil, true},
		{"website with published_time", `<meta property="og:type" content="website"><meta property="article:published_time" content="2026">`, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := parsePage(t, u, "<html><head>"+c.html+"</head><body><p>text</p></body></html>")
			var res []*regexp.Regexp
			for _, s := range c.patterns {
				res = append(res, regexp.MustCompile(s))
			}
			if got, why := p.isArticle(res); got != c.want {
				t.Errorf("isArticle = %v (%s), want %v", got, why, c.want)
			}
		})
	}
}

func TestHomePageIsNeverAnArticle(t *testing.T) {
	p := parsePage(t, "https://www.example.com/", `<html><head><meta property="og:type" content="article">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Top story"}</script></head><body><p>text</p></body></html>`)
	if got, why := p.isArticle(nil); got {
		t.Errorf("home page isArticle = true (%s), want false", why)
	}
}

func TestFurniturePagesAreNotArticles(t *testing.T) {
	for _, u := range []string{"https://blog.example.com/about/", "https://blog.example.com/privacy-policy", "https://news.example.com/contact-us"} {
		p := parsePage(t, u, `<html><head><meta property="og:type" content="article"><meta property="article:published_time" content="2024-01-05T10:00:00Z">
<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"About"},{"@type":"Organization"}]}</script></head><body><p>We have reported on the valley since 1887.</p></body></html>`)
		if got, why := p.isArticle(nil); got {
			t.Errorf("%s: isArticle = true (%s), want false", u, why)
		}
	}
	p := parsePage(t, "https://news.example.com/story", `<html><head><script type="application/ld+json">{"@type":"AboutPage"}</script><meta property="og:type" content="article"></head></html>`)
	if got, _ := p.isArticle(nil); got {
		t.Errorf("JSON-LD AboutPage with og:type=article: isArticle = true, want false")
	}
}

func TestCanonicalURL(t *testing.T) {
	cases := []struct{ name, page, head, want string }{
		{"rel canonical", "https://example.com/story?utm_source=x", `<link rel="canonical" href="/story">`, "https://example.com/story"},
		{"og:url", "https://example.com/amp/story", `<meta property="og:url" content="https://www.example.com/story#top">`, "https://www.example.com/story"},
		{"off-site ignored", "https://example.com/story", `<link rel="canonical" href="https://aggregator.example.net/story">`, "https://example.com/story"},
		{"root ignored", "https://example.com/story", `<link rel="canonical" href="https://example.com/">`, "https://example.com/story"},
		{"none", "https://EXAMPLE.com:443/story?b=2&a=1#c", ``, "https://example.com/story?a=1&b=2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := parsePage(t, c.page, "<html><head>"+c.head+"</head><body></body></html>")
			if got := p.canonicalURL(); got != c.want {
				t.Errorf("canonicalURL = %q, want %q", got, c.want)
			}
		})
	}
}

func TestLinksAndRobotsMeta(t *testing.T) {
	html := `<html><head><base href="https://example.com/news/"><meta name="robots" content="noindex, nofollow"></head><body>
<a href="a">relative to base</a><a href="/b">root</a><a href="https://x.example.net/c" rel="nofollow">ad</a>
<a href="#top">fragment</a><map><area href="d"></map></body></html>`
	p := parsePage(t, "https://example.com/page", html)
	got := strings.Join(p.links, " ")
	if want := "https://example.com/news/a https://example.com/b https://example.com/news/d"; got != want {
		t.Errorf("links = %q, want %q", got, want)
	}
	if !p.noIndex || !p.noFollow {
		t.Errorf("noindex %v nofollow %v, want both", p.noIndex, p.noFollow)
	}
}

func TestSkippedFile(t *testing.T) {
	for u, want := range map[string]bool{
		"https://e.com/2026/11/30/story":           false,
		"https://e.com/politics/?page=2":           false,
		"https://e.com/img/photo.JPG":              true,
		"https://e.com/feed":                       true,
		"https://e.com/category/politics/feed/":    true,
		"https://e.com/wp-json/wp/v2/posts":        true,
		"https://e.com/story?replytocom=41":        true,
		"https://e.com/story?share=facebook":       true,
		"https://e.com/reports/annual-2025.pdf":    true,
		"https://e.com/cdn-cgi/l/email-protection": true,
	} {
		if got := skippedFile(u); got != want {
			t.Errorf("skippedFile(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestXRobotsTag(t *testing.T) {
	for v, want := range map[string]bool{"noindex": true, "noindex, nofollow": true, "none": true, "googlebot: noindex": false, "max-snippet: 50": false, "all": false} {
		p := &page{}
		p.robotsDirectives(xRobotsFor(v))
		if p.noIndex != want {
			t.Errorf("X-Robots-Tag %q: noindex %v, want %v", v, p.noIndex, want)
		}
	}
}

// TestArticleOrIndexPages classifies pages without article markup: the
// prose fallback must take plain CMS stories and press releases and leave
// section fronts, blog home pages, topic pages and about pages alone.
func TestArticleOrIndexPages(t *testing.T) {
	cases := map[string]string{
		"article-plain-cms.html":     "https://valleytribune.example/news/county-budget-deputies",
		"article-gov-release.html":   "https://deq.example.gov/newsroom/coal-ash-limits",
		"index-section-front.html":   "https://valleytribune.example/business",
		"index-blog-home.html":       "https://harborwatch.example/search/label/ports",
		"index-about.html":           "https://valleytribune.example/about",
		"index-topic-page.html":      "https://cityledger.example/topics/housing",
		"index-river-long-deks.html": "https://metrodaily.example/local",
	}
	for file, pageURL := range cases {
		data, err := os.ReadFile(filepath.Join("testdata", "pages", file))
		if err != nil {
			t.Fatal(err)
		}
		p := parsePage(t, pageURL, string(data))
		got, why := p.isArticle(nil)
		if want := strings.HasPrefix(file, "article-"); got != want {
			t.Errorf("%s: isArticle = %v (%s; largest prose block %d letters, next %d, dated %v), want %v",
				file, got, why, p.prose.best, p.prose.second, p.prose.dated, want)
		}
	}
}

func FuzzPage(f *testing.F) {
	f.Add(`<html><head><link rel=canonical href="/a"><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle"}]}</script></head><body><a href="b">b</a><p>text</p></body></html>`)
	f.Add(`<base href="//other.example/"><a href=x><div itemtype="schema.org/Article"><time>May 1, 2024</time>`)
	f.Fuzz(func(t *testing.T, html string) {
		u, _ := url.Parse("https://example.com/news/story")
		p := &page{finalURL: u}
		runCallbacks(t, p, html)
		p.isArticle(nil)
		if len(p.links) > maxLinks {
			t.Errorf("%d links, want at most %d", len(p.links), maxLinks)
		}
		c := p.canonicalURL()
		if !sameSite(c, u.String()) {
			t.Errorf("canonical URL %q is not on the page's site", c)
		}
	})
}
