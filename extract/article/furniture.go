package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// maxFurniture is the longest paragraph (bytes) that text rules may call
// furniture: pleas and credits are short; article paragraphs that happen
// to start with "Subscribe" are not.
const maxFurniture = 420

// furnitureLines are whole paragraphs that are furniture, compared after
// lower-casing and trimming punctuation.
var furnitureLines = map[string]bool{
	"advertisement": true, "advert": true, "ad": true, "ads": true, "sponsored": true,
	"sponsored content": true, "share": true, "share this": true, "share this article": true,
	"share this story": true, "share on facebook": true, "share on twitter": true,
	"tweet": true, "email": true, "print": true, "comments": true, "comment": true,
	"leave a comment": true, "related": true, "related articles": true,
	"related stories": true, "related news": true, "related content": true,
	"related posts": true, "read more": true, "more": true, "see also": true,
	"recommended": true, "recommended for you": true, "trending": true,
	"trending now": true, "most read": true, "most popular": true, "popular": true,
	"top stories": true, "latest": true, "latest news": true, "latest stories": true,
	"you may also like": true, "you might also like": true, "more stories": true,
	"more news": true, "follow us": true, "tags": true, "topics": true,
	"skip to content": true, "skip to main content": true, "skip advertisement": true,
	"story continues below": true, "story continues below advertisement": true,
	"article continues below": true, "continue reading": true,
	"continue reading below": true, "loading": true, "watch": true, "listen": true,
	"listen to this article": true, "back to top": true, "next article": true,
	"previous article": true, "next story": true, "sign up": true, "subscribe": true,
	"subscribe now": true, "log in": true, "login": true, "sign in": true,
	"register": true, "menu": true, "search": true, "close": true, "photo": true,
	"image": true, "gallery": true, "view gallery": true, "like this": true,
	"share this:": true, "read next": true, "don't miss": true, "must read": true,
	"editor's picks": true, "editors' picks": true, "what to read next": true,
	"related coverage": true, "recommended stories": true, "more on this story": true,
	"up next": true, "in other news": true, "more from": true, "explore more": true,
	"opens new tab": true, "copy link": true, "link copied": true, "save": true,
	"gift this article": true, "report an error": true, "print this page": true,
	"in this article": true, "press release": true, "news release": true,
	"for immediate release": true, "publicité": true, "anzeige": true, "werbung": true,
	"publicidad": true, "pubblicità": true, "reklame": true, "facebook": true,
	"twitter": true, "linkedin": true, "whatsapp": true, "reddit": true, "pinterest": true,
	"ends": true, "read online": true, "view online": true, "view in browser": true,
	"advertise": true, "sign up here": true, "forward to a friend": true,
}

// furniturePrefixes start furniture paragraphs when a ':' (or '|', '-',
// '»') follows them.
var furniturePrefixes = []string{
	"also read", "read also", "read more", "read next", "more", "related",
	"see also", "recommended", "watch", "listen", "featured image",
	"feature image", "featured photo", "header image", "top image",
	"lead image", "image", "images", "photo", "photos", "photograph",
	"picture", "pictured", "image credit", "image credits", "photo credit",
	"photo credits", "credit", "credits", "image source", "caption", "tags",
	"tagged", "topics", "filed under", "posted in", "categories", "category",
	"share", "share this", "follow", "follow us", "don't miss", "must read",
	"advertisement", "sponsored", "copyright", "video", "watch now",
	"more on this", "more from", "keep reading", "trending", "most read",
	"related article", "related articles", "related story", "related stories",
	"related news", "related content", "recommended reading", "suggested reading",
	"further reading", "read the full story", "read full story", "top image",
	"republish this story", "notes to editors", "note to editors",
}

// lineLabels start furniture lines only with a ':' or '|' and in a short
// paragraph: "Source: Reuters", "Media Contact: Priya Shah, …". A
// sentence may open with them ("Sources — two of whom were in the room —
// said …").
var lineLabels = []string{
	"source", "sources", "media contact", "media contacts", "press contact", "press contacts",
	"contacts", "investor contact", "investor contacts", "contact",
}

// maxLabelLine bounds the paragraph a lineLabels label starts.
const maxLabelLine = 160

// furnitureStarts begin furniture paragraphs whatever follows.
var furnitureStarts = []string{
	"subscribe to", "subscribe now", "subscribe today", "subscribe for",
	"sign up for", "sign up to", "sign up now", "sign up here", "click here",
	"we use cookies", "this site uses cookies", "this website uses cookies",
	"our site uses cookies", "by continuing to use", "by using this site",
	"accept all cookies", "follow us on", "like us on facebook",
	"download the app", "download our app", "get the app", "get our newsletter",
	"join our newsletter", "newsletter sign", "enter your email", "already a subscriber",
	"already have an account", "you have reached your", "you've reached your",
	"this article is for subscribers", "this content is for subscribers",
	"become a member", "become a subscriber", "to continue reading",
	"to read the full", "support our journalism", "support independent journalism",
	"got a tip", "got a news tip", "have a news tip", "share on facebook",
	"share on twitter", "share on linkedin", "share via", "©", "(c) ", "all rights reserved",
	"please share", "if you like our content", "if you enjoyed this",
	"don't forget to subscribe", "stay up to date with", "get the latest",
	"want more stories", "for more news", "read the latest", "listen to this article",
	// e-mail newsletters and press-release wires
	"you are receiving this", "you're receiving this", "you received this",
	"this email was sent to", "view original content", "contacts\n", "media contact\n",
	"media contacts\n",
}

// contactTagline reports whether low is a writer's contact line: "Jane
// Doe covers courts. Reach her at jdoe@example.com." It needs an e-mail
// address and words that point to the writer (taglineVerbs).
func contactTagline(low string) bool {
	at := strings.IndexByte(low, '@')
	if at < 1 || len(low) > 250 || low[at-1] == ' ' {
		return false
	}
	// An address, not a handle: a dot in the word after the '@'.
	domain, _, _ := strings.Cut(low[at:], " ")
	if !strings.Contains(strings.TrimRight(domain, ".,;)"), ".") {
		return false
	}
	if strings.HasPrefix(low, "write to ") {
		return true // "Write to Jane Doe at jane.doe@example.com"
	}
	for _, w := range taglineVerbs {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// taglineVerbs are how a writer's contact line points to the writer:
// "Reach her at", "He can be reached at", "Email the author at". A
// paragraph that tells readers to contact someone else ("customers can
// contact the company at …") is the story's.
var taglineVerbs = []string{
	"reach her at", "reach him at", "reach them at", "reach me at",
	"she can be reached", "he can be reached", "they can be reached", "i can be reached",
	"contact her at", "contact him at", "contact them at", "contact me at",
	"email her at", "email him at", "email them at", "email me at",
	"e-mail her at", "e-mail him at", "e-mail them at", "e-mail me at",
	"contact the reporter", "contact the author", "contact the writer",
	"email the reporter", "email the author", "email the writer",
}

// sponsorStarts open the sponsor line of a newsletter ("Together with
// Acme"); only a short line that is no sentence is one ("Together with
// his wife, he fled." is the story's).
var sponsorStarts = []string{"together with ", "presented by ", "brought to you by ", "in partnership with ", "sponsored by "}

// legalHeadings head the boilerplate a press release ends with; the
// paragraphs under them are furniture too.
var legalHeadings = []string{
	"forward-looking statements", "forward looking statements", "safe harbor statement",
	"safe harbor", "cautionary statement", "cautionary note regarding forward-looking statements",
	"cautionary statement regarding forward-looking statements", "disclaimer", "legal notice",
}

// legalHeader reports whether p heads press-release boilerplate. It
// allocates nothing: every short paragraph of every page asks.
func legalHeader(p string) bool {
	if len(p) > 70 {
		return false
	}
	p = strings.TrimRight(strings.TrimSpace(p), ":.")
	for _, h := range legalHeadings {
		if strings.EqualFold(p, h) {
			return true
		}
	}
	return false
}

// creditMarkers close image captions and credits.
var creditMarkers = []string{
	"getty images", "reuters/", "ap photo", "/afp", "afp via getty", "shutterstock",
	"(photo:", "(photo by", "(photo credit", "(image:", "(image credit", "(credit:",
	"photo by ", "photo courtesy", "image courtesy", "file photo", "/ap)", "epa-efe",
	"bloomberg via getty", "istock", "unsplash", "(photo ", "/ reuters", "/reuters",
}

// furnitureText reports whether paragraph p is page furniture by its
// words alone: a related link, a plea to subscribe, a share prompt, a
// cookie notice, an image caption or credit, a copyright line.
func furnitureText(p string) bool {
	if len(p) > maxFurniture {
		return false
	}
	var buf [maxFurniture]byte
	low := lowerInto(&buf, strings.TrimSpace(p))
	bare := strings.TrimFunc(low, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) })
	if bare == "" && low != "" {
		return true // only punctuation and symbols: "•", "|", "…"
	}
	if furnitureLines[bare] || toolbar(bare) {
		return true
	}
	for _, s := range furnitureStarts {
		if strings.HasPrefix(low, s) {
			return true
		}
	}
	for _, s := range sponsorStarts {
		if strings.HasPrefix(low, s) && len(low) < 50 && !strings.HasSuffix(low, ".") && !strings.HasSuffix(low, "!") && !strings.HasSuffix(low, "?") {
			return true
		}
	}
	// PR Newswire closes a release with "SOURCE Acme Corp".
	if strings.HasPrefix(p, "SOURCE ") && len(p) < 100 || contactTagline(low) {
		return true
	}
	if labelled(low) {
		return true
	}
	return credit(low) || strings.Contains(low, "all rights reserved")
}

// lowerInto returns s lower-cased. An ASCII s is lower-cased into buf (s
// is at most maxFurniture bytes here), which saves an allocation for each
// paragraph of every page; other text takes strings.ToLower.
func lowerInto(buf *[maxFurniture]byte, s string) string {
	if len(s) > len(buf) {
		return strings.ToLower(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return unsafe.String(&buf[0], len(s))
}

// toolbar reports whether low is a row of furniture words between
// separators: "Print | Email | Share".
func toolbar(low string) bool {
	if !strings.ContainsAny(low, "|•·/") {
		return false // one part: no row
	}
	parts := 0
	for rest := low; rest != ""; {
		// The fields between separators, as strings.FieldsFunc cuts them,
		// without a slice (which would move every caller's text to the heap).
		i := strings.IndexAny(rest, "|•·/")
		part := rest
		if i >= 0 {
			part = rest[:i]
			_, size := utf8.DecodeRuneInString(rest[i:])
			rest = rest[i+size:]
		} else {
			rest = ""
		}
		if part == "" {
			continue
		}
		if !furnitureLines[strings.TrimSpace(part)] {
			return false
		}
		parts++
	}
	return parts >= 2
}

// labelled reports whether low starts with a furniture label and a
// separator: "Also Read: …", "Photo | …", "Related » …".
func labelled(low string) bool {
	for _, pre := range furniturePrefixes {
		if !strings.HasPrefix(low, pre) {
			continue
		}
		rest := strings.TrimLeft(low[len(pre):], " ")
		if rest == "" {
			return true
		}
		for _, sep := range []string{":", "|", "»", "›", "- ", "– ", "— ", ">"} {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	}
	if len(low) >= maxLabelLine {
		return false
	}
	for _, pre := range lineLabels {
		if rest, ok := strings.CutPrefix(low, pre); ok {
			if rest = strings.TrimLeft(rest, " "); rest == "" || rest[0] == ':' || rest[0] == '|' {
				return true
			}
		}
	}
	return false
}

// credit reports whether a short paragraph ends with (or is) an image
// credit.
func credit(low string) bool {
	if len(low) > 300 {
		return false
	}
	tail := low
	if len(tail) > 70 {
		tail = tail[len(tail)-70:]
	}
	for _, m := range creditMarkers {
		if strings.Contains(tail, m) {
			return true
		}
	}
	return false
}

// relatedHeader reports whether p introduces a block of related links:
// what follows it, while short, is furniture too.
func relatedHeader(p string) bool {
	if len(p) > 60 {
		return false
	}
	low := strings.ToLower(strings.TrimRight(strings.TrimSpace(p), ":.!…"))
	switch low {
	case "related", "related articles", "related stories", "related news", "related posts",
		"related content", "related coverage", "read more", "read next", "more stories",
		"more news", "recommended", "recommended for you", "recommended stories",
		"you may also like", "you might also like", "most read", "most popular",
		"trending", "trending now", "top stories", "latest news", "latest stories",
		"more on this story", "what to read next", "editor's picks", "editors' picks",
		"also read", "see also", "further reading", "more from", "up next", "in other news",
		"tags", "topics", "share this", "share this article", "like this", "comments",
		"in this article":
		return true
	}
	return strings.HasPrefix(low, "more from ") || strings.HasPrefix(low, "more in ") ||
		strings.HasPrefix(low, "more on ") && len(low) < 40
}

// prose reports whether p reads as running text rather than a headline or
// a link label: long, or ending as a sentence does.
func prose(p string) bool {
	if len(p) >= 160 {
		return true
	}
	p = strings.TrimRight(p, " \"'”’)")
	return len(p) >= 60 && strings.ContainsAny(p[len(p)-1:], ".!?:;")
}
