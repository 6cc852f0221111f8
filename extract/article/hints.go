package article

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// Class and id hints. A class name (or id) is split into lower-case words
// at anything that is not a letter or digit; roots match as substrings of
// a word ("relatedposts" holds "related"), short words only whole ("ad").
var (
	// furnitureRoots mark page furniture: the element and everything in it
	// is not article text.
	// "paywall" alone is not one: Google's documented markup for paywalled
	// content puts the article's own text in <div class="paywall">; the
	// pleas beside it are prompts, offers, overlays and banners.
	furnitureRoots = []string{
		"comment", "disqus", "sidebar", "share", "sharing", "social", "related",
		"newsletter", "subscribe", "subscription", "signup", "promo", "sponsor",
		"advert", "cookie", "consent", "gdpr", "banner", "breadcrumb", "pagination",
		"pager", "popup", "modal", "outbrain", "taboola", "recirc", "trending",
		"popular", "footer", "masthead", "navbar", "navigation", "menu", "skiplink",
		"toolbar", "widget", "byline", "authorbio", "biography", "taglist",
		"caption", "credit", "readmore", "alsoread", "morestories", "recommend",
		"paywallprompt", "paywallmessage", "paywalloffer", "paywallnotice",
		"paywallgate", "overlay", "adslot", "dfp", "sronly", "screenreader",
		"visuallyhidden", "printonly", "follow", "donate", "topics",
		"keywords", "pullquote", "dateline", "timestamp", "lightbox", "gallery",
		"carousel", "slideshow", "jumplink", "tableofcontents", "contact", "eyebrow",
		"kicker", "standfirst",
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
		"dek": true, "subtitle": true,
	}
	// headingWords are furnitureWords that a heading element may bear for
	// its own kind: the site's header and a dek are not headings, but
	// "header-anchor" and "subtitle" on an h2 name the article's own
	// subheadings.
	headingWords = map[string]bool{"header": true, "subtitle": true}
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

// rootsByFirst indexes furnitureRoots by their first byte, so that a class
// name is matched against a few roots at each position, not all of them.
var rootsByFirst = indexRoots(furnitureRoots)

func indexRoots(roots []string) [256][]string {
	var idx [256][]string
	for _, r := range roots {
		idx[r[0]] = append(idx[r[0]], r)
	}
	return idx
}

// classHint is what the class names and id of an element say.
type classHint int

const (
	hintNone classHint = iota
	hintFurniture
	hintContent
)

// furnitureByClass reports whether n's class or id marks it as furniture:
// some class name says furniture and none says plainly "content". It
// allocates nothing: hot paths call it for every element.
func furnitureByClass(n *html.Node) bool {
	furniture := false
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" {
			continue
		}
		for v := a.Val; v != ""; {
			var name string
			name, v = nextName(v)
			switch nameHint(name, heading(n)) {
			case hintFurniture:
				furniture = true
			case hintContent:
				return false
			}
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

// nextName splits the first space-separated name off v.
func nextName(v string) (name, rest string) {
	i := 0
	for i < len(v) && v[i] == ' ' || i < len(v) && v[i] == '\t' || i < len(v) && v[i] == '\n' {
		i++
	}
	j := i
	for j < len(v) && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' {
		j++
	}
	return v[i:j], v[j:]
}

// nameHint classifies one class name. Its letters and digits are folded to
// lower case and joined ("related-Posts" → "relatedposts"); roots match
// anywhere in the joined form, furnitureWords only as whole words.
//
// A heading element is not furniture for the words "header" and
// "subtitle" alone: they are the element's own kind ("header-anchor-post"
// on every subheading of a Substack post), not the site's header or a dek.
func nameHint(name string, isHeading bool) classHint {
	// Elementor calls every block a widget: what kind of widget says
	// what it holds ("elementor-widget-text-editor", "…-share-buttons").
	name = strings.TrimPrefix(name, builderWidget)
	var buf [64]byte
	joined := buf[:0]
	wordStart := 0
	furniture := false
	for i := 0; i <= len(name) && len(joined) < len(buf); i++ {
		var c byte = '-'
		if i < len(name) {
			c = name[i]
		}
		switch {
		case c >= 'A' && c <= 'Z':
			joined = append(joined, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			joined = append(joined, c)
		default:
			if w := joined[wordStart:]; len(w) > 0 && furnitureWords[string(w)] && !(isHeading && headingWords[string(w)]) {
				furniture = true
			}
			wordStart = len(joined)
		}
	}
	if furniture || hasRoot(joined) {
		return hintFurniture
	}
	for _, root := range contentRoots {
		if bytes.Contains(joined, []byte(root)) {
			return hintContent
		}
	}
	return hintNone
}

// builderWidget starts the class names of the Elementor page builder's
// blocks, text and furniture alike.
const builderWidget = "elementor-widget"

// hasRoot reports whether joined holds a furniture root ("commentary",
// an article genre, is not "comment").
func hasRoot(joined []byte) bool {
	for i := range joined {
		for _, root := range rootsByFirst[joined[i]] {
			if bytes.HasPrefix(joined[i:], []byte(root)) {
				return root != "comment" || !bytes.HasPrefix(joined[i:], []byte("commentary"))
			}
		}
	}
	return false
}

// splitWords splits s into its runs of lower-case letters and digits.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// classWeight is readability's class weight: +25 for a content hint, -25
// for a furniture hint, counted for the class and the id separately.
func classWeight(n *html.Node) float64 {
	weight := 0.0
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		v = strings.ReplaceAll(strings.ToLower(v), builderWidget, "elementor")
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
