package poll

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// maxAlternates is how many feed links alternateFeeds returns.
const maxAlternates = 5

// alternateFeeds returns the feeds an HTML page names in its head
// (<link rel="alternate" type="application/rss+xml" href="…">, and Atom and
// JSON Feed alike), resolved against pageURL, so that a source pointed at a
// site's home page can say which feed URL to use instead.
func alternateFeeds(page []byte, pageURL string) []string {
	base, _ := url.Parse(pageURL)
	z := html.NewTokenizer(bytes.NewReader(page[:min(len(page), 512<<10)]))
	var out []string
	for len(out) < maxAlternates {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) == "body" {
			return out
		}
		if string(name) != "link" || !hasAttr {
			continue
		}
		if href := feedLink(z); href != "" {
			if base != nil {
				if u, err := base.Parse(href); err == nil {
					href = u.String()
				}
			}
			out = append(out, href)
		}
	}
	return out
}

// feedLink returns the href of a <link> that declares a feed, else "".
func feedLink(z *html.Tokenizer) string {
	var rel, typ, href string
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "rel":
			rel = strings.ToLower(string(v))
		case "type":
			typ = strings.ToLower(strings.TrimSpace(string(v)))
		case "href":
			href = strings.TrimSpace(string(v))
		}
		if !more {
			break
		}
	}
	isFeed := typ == "application/rss+xml" || typ == "application/atom+xml" || typ == "application/feed+json" || typ == "application/json" && strings.Contains(href, "feed")
	if !strings.Contains(rel, "alternate") || !isFeed {
		return ""
	}
	return href
}
