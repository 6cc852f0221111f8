package article

import (
	"strings"

	"golang.org/x/net/html"
)

// Class and id hints. A class name (or id) is split into lower-case words
// at anything that is not a letter or digit; roots match as substrings of
// a word ("relatedposts" holds "related"), short words only whole ("ad").
var (
	// furnitureRoots mark page furniture: the element and everything in it
	// is not article text.
	furnitureRoots = []string{
		"comment", "disqus", "sidebar", "share", "sharing", "social", "related",
		"newsletter", "subscribe", "subscription", "signup", "promo", "sponsor",
		"advert", "cookie", "consent", "gdpr", "banner", "breadcrumb", "pagination",
		"pager", "popup", "modal", "outbrain", "taboola", "recirc", "trending",
		"popular", "footer", "masthead", "navbar", "navigation", "menu", "skiplink",
		"toolbar", "widget", "byline", "authorbio", "biography", "taglist",
		"caption", "credit", "readmore", "alsoread", "morestories", "recommend",
		"paywall", "overlay", "adslot", "dfp", "sronly", "screenreader",
		"visuallyhidden", "printonly", "follow", "donate", "topics",
		"keywords", "pullquote", "dateline", "timestamp", "lightbox", "gallery",
		"carousel", "slideshow", "jumplink", "tableofcontents", "contact", "eyebrow",
		"kicker",
	}
	// furnitureWords match only as whole words.
	furnitureWords = map[string]bool{
		"ad": true, "ads": true, "nav": true, "tags": true, "tag": true, "bio": true,
		"author": true, "meta": true, "date": true, "print": true, "toc": true,
		"rss": true, "teaser": true, "teasers": true, "header": true,
		"embed": true, "video": true, "audio": true, "aside": true, "tools": true,
		"twitter": true, "tweet": true, "instagram": true, "facebook": true,
		"published": true, "updated": true, "posted": true, "time": true,
		"sponsored": true, "native": true, "cta": true, "signin": true, "login": true,
	}
	// contentRoots mark containers of article text.
	contentRoots = []string{
		"article", "body", "content", "entry", "hentry", "main", "post", "text",
		"blog", "story", "prose", "richtext",
	}
	// positiveScoreRoots and negativeScoreRoots weigh candidates in scoring.
	negativeScoreRoots = []string{
		"comment", "banner", "combx", "contact", "foot", "gdpr", "masthead",
		"media", "meta", "outbrain", "promo", "related", "scroll", "share",
		"shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
		"tool", "widget", "nav", "menu", "social", "newsletter", "recommend",
	}
)

// classWords splits the class and id of n into lower-case words, one slice
// per class name so that hints can be weighed name by name.
func classNames(n *html.Node) []string {
	v := attr(n, "class")
	if id := attr(n, "id"); id != "" {
		v += " " + id
	}
	if v == "" {
		return nil
	}
	return strings.Fields(strings.ToLower(v))
}

// splitWords splits a class name into its letter-and-digit words, also at
// camelCase boundaries already lost to lower-casing (so "relatedPosts" is
// one word "relatedposts", matched by roots).
func splitWords(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// nameIsFurniture reports whether one class name marks furniture.
func nameIsFurniture(name string) bool {
	words := splitWords(name)
	for _, w := range words {
		if furnitureWords[w] {
			return true
		}
	}
	joined := strings.Join(words, "")
	for _, root := range furnitureRoots {
		if strings.Contains(joined, root) && !strings.Contains(joined, "commentary") {
			return true
		}
	}
	return false
}

// nameIsContent reports whether one class name marks article content.
func nameIsContent(name string) bool {
	for _, root := range contentRoots {
		if strings.Contains(name, root) {
			return true
		}
	}
	return false
}

// furnitureByClass reports whether n's class or id marks it as furniture:
// some class name says furniture and none says plainly "content".
func furnitureByClass(n *html.Node) bool {
	names := classNames(n)
	furniture := false
	for _, name := range names {
		switch {
		case nameIsFurniture(name):
			furniture = true
		case nameIsContent(name):
			return false
		}
	}
	if furniture {
		return true
	}
	switch attr(n, "itemprop") {
	case "author", "datePublished", "dateModified", "keywords", "publisher", "image", "associatedMedia", "comment":
		return true
	}
	return false
}

// classWeight is readability's class weight: +25 for a content hint, -25
// for a furniture hint, counted for the class and the id separately.
func classWeight(n *html.Node) float64 {
	weight := 0.0
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		if containsAny(v, negativeScoreRoots) {
			weight -= 25
		}
		if containsAny(v, contentRoots) {
			weight += 25
		}
	}
	if attr(n, "itemprop") == "articleBody" {
		weight += 50
	}
	return weight
}

func containsAny(s string, roots []string) bool {
	for _, r := range roots {
		if strings.Contains(s, r) {
			return true
		}
	}
	return false
}
