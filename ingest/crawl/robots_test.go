package crawl

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const agent = "newsintel/0.1 (+https://github.com/newsintel/newsintel; ops@example.org)"

func TestRobotsAllowed(t *testing.T) {
	cases := []struct {
		name, robots, path string
		want               bool
	}{
		{"empty file allows", "", "/anything", true},
		{"star group disallow", "User-agent: *\nDisallow: /private/\n", "/private/memo", false},
		{"prefix only", "User-agent: *\nDisallow: /private/\n", "/privateer", true},
		{"longest match wins: allow", "User-agent: *\nDisallow: /news/\nAllow: /news/public/\n", "/news/public/story", true},
		{"longest match wins: disallow", "User-agent: *\nAllow: /news/\nDisallow: /news/drafts/\n", "/news/drafts/x", false},
		{"tie goes to allow", "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", true},
		{"wildcard", "User-agent: *\nDisallow: /*.php$\n", "/index.php", false},
		{"dollar anchors", "User-agent: *\nDisallow: /*.php$\n", "/index.php?x=1", true},
		{"wildcard middle", "User-agent: *\nDisallow: /*/print/\n", "/2026/11/print/story", false},
		{"query in match", "User-agent: *\nDisallow: /search?\n", "/search?q=cloud", false},
		{"empty disallow allows", "User-agent: *\nDisallow:\n", "/x", true},
		{"disallow all", "User-agent: *\nDisallow: /\n", "/x", false},
		{"robots.txt always allowed", "User-agent: *\nDisallow: /\n", "/robots.txt", true},
		{"specific group beats star", "User-agent: *\nDisallow: /\n\nUser-agent: newsintel\nDisallow: /private/\n", "/news", true},
		{"specific group case-insensitive", "User-agent: NewsIntel\nDisallow: /x\n\nUser-agent: *\nDisallow: /\n", "/y", true},
		{"specific group with version", "User-agent: newsintel/2.0\nDisallow: /x\n", "/x/1", false},
		{"other agent ignored", "User-agent: Googlebot\nDisallow: /\n", "/news", true},
		{"grouped agents", "User-agent: Googlebot\nUser-agent: newsintel\nDisallow: /a\n", "/a/b", false},
		{"groups merged", "User-agent: newsintel\nDisallow: /a\n\nUser-agent: newsintel\nDisallow: /b\n", "/b/c", false},
		{"rules before agent ignored", "Disallow: /\nUser-agent: *\nDisallow: /x\n", "/y", true},
		{"comments and spaces", "  user-agent : *   # everyone\n  DISALLOW:/tmp  # temp\n", "/tmp/a", false},
		{"misspelt disallow", "User-agent: *\nDissallow: /old/\n", "/old/a", false},
		{"percent-encoded UTF-8 pattern", "User-agent: *\nDisallow: /foo/bar/ツ\n", "/foo/bar/%E3%83%84", false},
		{"escape case", "User-agent: *\nDisallow: /a%3cb\n", "/a%3Cb", false},
		{"byte order mark", "\ufeffUser-agent: *\nDisallow: /x\n", "/x", false},
		{"crlf", "User-agent: *\r\nDisallow: /x\r\n", "/x", false},
		{"html soft 404", "<html><body>Not found</body></html>", "/x", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ParseRobots([]byte(c.robots), agent)
			u, _ := url.Parse("https://example.com" + c.path)
			if got := r.Allowed(u); got != c.want {
				t.Errorf("Allowed(%q) under %q = %v, want %v", c.path, c.robots, got, c.want)
			}
		})
	}
}

func TestRobotsSitemapsAndDelay(t *testing.T) {
	r := ParseRobots([]byte("Sitemap: https://example.com/news.xml\nUser-agent: *\nCrawl-delay: 2.5\nDisallow: /x\nsitemap: /relative.xml\n"), agent)
	if got := strings.Join(r.Sitemaps(), " "); got != "https://example.com/news.xml" {
		t.Errorf("sitemaps = %q, want the one absolute URL", got)
	}
	if got := r.CrawlDelay(); got != 2500*time.Millisecond {
		t.Errorf("crawl delay = %v, want 2.5s", got)
	}
	var nilRobots *Robots
	if !nilRobots.Allowed(&url.URL{Path: "/x"}) || nilRobots.CrawlDelay() != 0 {
		t.Errorf("a nil *Robots must allow everything")
	}
}

func TestRobotsMatchIsLinear(t *testing.T) {
	// A pattern of many wildcards against a long path must not backtrack.
	pattern := "/" + strings.Repeat("*a", 200) + "b$"
	r := ParseRobots([]byte("User-agent: *\nDisallow: "+pattern+"\n"), agent)
	u := &url.URL{Path: "/" + strings.Repeat("a", 100000)}
	start := time.Now()
	if !r.Allowed(u) {
		t.Errorf("path without b disallowed")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("matching took %v, want well under a second", d)
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/ok$\nSitemap: https://e.com/s.xml\n"), "/private/ok")
	f.Add([]byte("User-agent: newsintel\nDisallow: /*?*\nCrawl-delay: 1e9\n"), "/a?b")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := ParseRobots(body, agent)
		u, err := url.Parse("https://example.com/" + path)
		if err != nil {
			return
		}
		r.Allowed(u) // must not panic
		if r.CrawlDelay() > time.Hour || r.CrawlDelay() < 0 {
			t.Errorf("crawl delay %v outside [0, 1h]", r.CrawlDelay())
		}
		for _, s := range r.Sitemaps() {
			if !utf8.ValidString(s) && utf8.Valid(body) {
				t.Errorf("sitemap %q is not valid UTF-8 though the input was", s)
			}
		}
	})
}

func TestCrawlerToken(t *testing.T) {
	for ua, want := range map[string]string{
		"newsintel/0.1 (+https://github.com/newsintel/newsintel; ops@example.org)": "newsintel",
		"Mozilla/5.0 (compatible; AcmeNewsBot/2.1; +https://acme.example/bot)":     "acmenewsbot",
		"research-crawler":         "research-crawler",
		"Mozilla/5.0 (X11; Linux)": "mozilla",
	} {
		if got := crawlerToken(ua); got != want {
			t.Errorf("crawlerToken(%q) = %q, want %q", ua, got, want)
		}
	}
}
