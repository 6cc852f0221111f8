// Package article reads a web page the way a person does: it finds the
// article's main text among the navigation, advertising, related links,
// share bars, newsletter pleas, captions and comments around it, and it
// reads what the page says about itself (title, authors, publisher,
// dates, section, canonical URL, language).
//
// The body extractor is readability's scoring of paragraph containers
// (text length, commas, link density, class and id hints, itemprop
// articleBody), followed by a furniture filter over the paragraphs of the
// winner. The same paragraph filter cleans plain text (FromText). A page
// that shows little text but ships its article as data for the browser
// (JSON-LD articleBody; Next.js, Nuxt, Arc Fusion or preloaded state) is
// read from that data.
//
// Extract works on a tree from html.Parse so that the extract stage parses
// each page once and shares the tree with entity and claim extraction.
// Every walk is iterative and depth-capped: hostile pages (deep nesting,
// huge inputs, binary bytes) give an error or an empty body with a
// warning, never a panic or a hang. The functions are safe for concurrent
// use; they do not modify the tree.
package article

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/newsintel/newsintel"
)

// Article is what the page says about itself plus its clean main text.
type Article struct {
	Title        string    `json:"title"`
	Publisher    string    `json:"publisher,omitempty"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Language     string    `json:"language,omitempty"` // ISO 639-1
	Section      string    `json:"section,omitempty"`
	Description  string    `json:"description,omitempty"`
	Authors      []string  `json:"authors,omitempty"`
	Categories   []string  `json:"categories,omitempty"`
	Published    time.Time `json:"published,omitzero"` // time zone as the page gave it
	Modified     time.Time `json:"modified,omitzero"`
	// Body holds paragraphs separated by "\n\n"; headings inside the
	// article are paragraphs of their own, table rows lines of one.
	Body      string `json:"body"`
	WordCount int    `json:"word_count"`
	// IsArticle says the page is an article: JSON-LD NewsArticle, Article,
	// BlogPosting and the like, og:type=article, or a strong article shape.
	IsArticle bool     `json:"is_article"`
	Warnings  []string `json:"warnings,omitempty"`
}

// Warnings that Extract and FromText report.
const (
	WarnNoText    = "no main text found"
	WarnTruncated = "page truncated to the size limit"
	WarnLDBody    = "body taken from the JSON-LD articleBody"
	WarnThinText  = "main text is very short"
	WarnStateBody = "body taken from the page's script data"
)

// MaxBytes is the largest page ExtractBytes reads; the rest is cut off
// with a warning.
const MaxBytes = 4 << 20

// Errors returned by Extract and ExtractBytes. They are *newsintel.Error
// values with code EINVALID.
var (
	ErrEmpty   = newsintel.Errorf(newsintel.EINVALID, "empty page")
	ErrNotHTML = newsintel.Errorf(newsintel.EINVALID, "page is binary data, not HTML")
)

// maxThinBody is the body length (words) under which the page's script
// data is searched for the article's text.
const maxThinBody = 200

// minBody is the body length (bytes) under which a strict extraction is
// retried without class hints.
const minBody = 400

// Extract reads the article from doc, a tree from html.Parse. pageURL, the
// address the page was fetched from, may be nil; it resolves the
// canonical URL and lends its date. Extract returns ErrEmpty for a nil
// tree; a page without main text gives an Article with an empty body and
// the warning WarnNoText.
func Extract(doc *html.Node, pageURL *url.URL) (Article, error) {
	if doc == nil {
		return Article{}, ErrEmpty
	}
	pm := readMeta(doc)
	ld := parseLD(pm.ldJSON)
	a := buildMeta(pm, ld, pageURL)
	paras := extractBody(doc, a.Title)
	if ld.body != "" && countWords(ld.body) > max(2*countParaWords(paras), 50) {
		paras = splitText(ld.body)
		a.Warnings = append(a.Warnings, WarnLDBody)
	}
	if n := countParaWords(paras); n < maxThinBody && len(pm.state) > 0 {
		if sp, state := stateBody(pm.state, a.Title); countParaWords(sp) > max(2*n, 50) && covers(sp, paras) {
			paras = sp
			a.Warnings = append(a.Warnings, WarnStateBody)
			if len(a.Authors) == 0 {
				a.Authors = stateAuthors(state)
			}
		}
	}
	a.setBody(paras)
	a.finish(pm, ld)
	return a, nil
}

// ExtractBytes parses data as HTML and extracts its article. It returns
// ErrEmpty for empty or blank input and ErrNotHTML for binary data; input
// over MaxBytes is cut, with the warning WarnTruncated.
func ExtractBytes(data []byte, pageURL *url.URL) (Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Article{}, ErrEmpty
	}
	if binary(data) {
		return Article{}, ErrNotHTML
	}
	truncated := len(data) > MaxBytes
	if truncated {
		data = data[:MaxBytes]
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, newsintel.Errorf(newsintel.EINVALID, "parse html: %v", err)
	}
	a, err := Extract(doc, pageURL)
	if truncated {
		a.Warnings = append(a.Warnings, WarnTruncated)
	}
	return a, err
}

// binary reports whether data looks like binary bytes rather than text:
// NUL bytes or many control characters in its first kilobytes.
func binary(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	return control*20 > len(head) || !utf8.Valid(head) && invalidShare(head) > 0.3
}

// invalidShare is the share of bytes in b that are not valid UTF-8.
func invalidShare(b []byte) float64 {
	bad := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return float64(bad) / float64(len(b))
}

// extractBody finds the main text: strict first, and if that finds too
// little, again without class hints, keeping the longer result.
func extractBody(doc *html.Node, title string) []para {
	strict := bodyWith(doc, title, true, false)
	if paraLen(strict) >= minBody {
		return strict
	}
	best := strict
	if lenient := bodyWith(doc, title, false, false); paraLen(lenient) > paraLen(strict)*3/2 {
		best = lenient
	}
	// A photo gallery tells its story in captions: when they hold most of
	// a short page's text, they are its text.
	// Class hints are not trusted here: a gallery's own container is
	// called one.
	if captioned := bodyWith(doc, title, false, true); paraLen(captioned) > paraLen(best)*2 {
		best = captioned
	}
	return best
}

func bodyWith(doc *html.Node, title string, strict, captions bool) []para {
	s := newScorer(strict)
	s.run(doc)
	roots := s.best()
	if len(roots) == 0 {
		return nil
	}
	e := &emitter{s: s, strict: strict, captions: captions, title: title}
	e.emit(roots)
	return filterParas(e.paras, title)
}

func paraLen(ps []para) int {
	n := 0
	for _, p := range ps {
		n += len(p.text)
	}
	return n
}

func countParaWords(ps []para) int {
	n := 0
	for _, p := range ps {
		n += countWords(p.text)
	}
	return n
}

// setBody joins the paragraphs into Body and counts its words.
func (a *Article) setBody(ps []para) {
	texts := make([]string, len(ps))
	for i, p := range ps {
		texts[i] = p.text
	}
	a.Body = strings.Join(texts, "\n\n")
	a.WordCount = countWords(a.Body)
	switch {
	case a.Body == "":
		a.Warnings = append(a.Warnings, WarnNoText)
	case a.WordCount < 50:
		a.Warnings = append(a.Warnings, WarnThinText)
	}
}
