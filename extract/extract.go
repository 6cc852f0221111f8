// Package extract is the extract stage: it turns a fetched document
// (newsintel.Raw) into an enriched newsintel.Document — clean body text and
// metadata, language, entity mentions, sourcing claims with the article's
// sourcing profile, and near-duplicate fingerprints. The page is parsed
// once and the tree shared by every step.
//
// The stage is a plain synchronous function that touches no NATS:
// `newsintel extract FILE` calls the very function the pipeline runs.
package extract

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/article"
	"github.com/newsintel/newsintel/extract/claims"
	"github.com/newsintel/newsintel/extract/cluster"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/extract/lang"
	"github.com/newsintel/newsintel/extract/neardup"
	"github.com/newsintel/newsintel/urlcanon"
	"golang.org/x/net/html"
)

// MaxInput is the most bytes of one document the stage reads; the fetcher
// already caps bodies, this bounds what arrives from files and replays.
const MaxInput = 32 << 20

// Extractor runs the extract stage. It is safe for concurrent use; the
// gazetteer is loaded once and shared.
type Extractor struct {
	gaz      *entities.Gazetteer
	clusters Clusterer
}

// Clusterer gives a document its near-duplicate cluster
// (*cluster.Assigner does, over a shared store).
type Clusterer interface {
	Assign(ctx context.Context, doc *newsintel.Document) (cluster.Info, error)
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithClusters makes Extract assign every article its near-duplicate
// cluster through c. Without it a document is a cluster of its own.
func WithClusters(c Clusterer) Option {
	return func(x *Extractor) { x.clusters = c }
}

// New returns an Extractor tagging entities with gaz (entities.Builtin()
// when nil).
func New(gaz *entities.Gazetteer, opts ...Option) *Extractor {
	if gaz == nil {
		gaz = entities.Builtin()
	}
	x := &Extractor{gaz: gaz}
	for _, o := range opts {
		o(x)
	}
	return x
}

// Gazetteer returns the gazetteer the extractor tags with.
func (x *Extractor) Gazetteer() *entities.Gazetteer { return x.gaz }

// Extract turns raw into a Document; an article joins its near-duplicate
// cluster when the Extractor has a Clusterer. It returns an EINVALID *newsintel.Error
// when the content cannot yield a document (binary data, no text and no
// title): retrying would not help; a failing cluster store is a transient
// error.
func (x *Extractor) Extract(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
	doc, err := x.extract(ctx, raw)
	// Only articles are syndicated and rewritten; filings and notices of
	// one template (quarterly reports, recurring agency notices) are
	// distinct documents however alike their text.
	if err != nil || x.clusters == nil || doc.Kind != newsintel.KindArticle {
		return doc, err
	}
	if _, err := x.clusters.Assign(ctx, doc); err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.ID, err)
	}
	return doc, nil
}

// extract is Extract without the cluster.
func (x *Extractor) extract(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(raw.Body) > MaxInput {
		return nil, newsintel.Errorf(newsintel.EINVALID, "extract %s: body of %d bytes is over the %d byte limit", raw.ID, len(raw.Body), MaxInput)
	}
	if !isPDF(raw) && !utf8.Valid(raw.Body) {
		// A file read from disk in a legacy charset; checked once here for
		// every step after (it costs a tenth of a millisecond on a big page).
		raw.Body = bytes.ToValidUTF8(raw.Body, []byte("\uFFFD"))
	}
	if doc, ok, err := x.special(ctx, raw); ok {
		return doc, err // PDFs and EDGAR filings (documents.go)
	}
	art, err := x.read(raw)
	if err != nil {
		return nil, err
	}
	doc := &newsintel.Document{
		ID: raw.ID, Kind: raw.Kind, Source: raw.Source, URL: firstNonEmpty(raw.FinalURL, raw.URL),
		Fetched: raw.Fetched, Revision: max(raw.Revision, 1), Extractor: newsintel.ExtractorVersion,
		Filing: raw.Filing, Notice: raw.Notice,
	}
	fill(doc, &art, raw)
	if strings.TrimSpace(doc.Body) == "" && strings.TrimSpace(doc.Title) == "" {
		return nil, newsintel.Errorf(newsintel.EINVALID, "extract %s: no text and no title found (%s)", raw.ID, strings.Join(art.Warnings, "; "))
	}
	x.Enrich(doc)
	return doc, nil
}

// Enrich adds what is derived from a document's body: language when
// unknown, word count, entity mentions, claims and their sourcing profile,
// and near-duplicate fingerprints. Sources that build a Document themselves
// (filings, notices) call it too.
func (x *Extractor) Enrich(doc *newsintel.Document) {
	if doc.Language == "" {
		doc.Language = lang.Detect(doc.Body)
	}
	if doc.WordCount == 0 {
		doc.WordCount = len(strings.Fields(doc.Body))
	}
	doc.Mentions = x.gaz.Tag(doc.Body)
	doc.Claims = claims.Extract(doc.Body, doc.Mentions)
	doc.Profile = claims.Profile(doc.Claims)
	doc.BodyHash = neardup.TitledBodyHash(doc.Title, doc.Body)
	doc.SimHash = neardup.SimHash(doc.Body)
	if doc.Cluster == "" {
		doc.Cluster = doc.ID
	}
	if doc.Extractor == "" {
		doc.Extractor = newsintel.ExtractorVersion
	}
	tagAgencies(doc, x) // a notice's agencies, by the Federal Register's names (documents.go)
}

// read parses the body once, as HTML or as plain text. The body is valid
// UTF-8 (extract made it so).
func (x *Extractor) read(raw newsintel.Raw) (article.Article, error) {
	body := raw.Body
	switch kindOfContent(raw.ContentType, body) {
	case "text":
		return fromText(string(body)), nil
	case "html":
		tree, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			return article.Article{}, newsintel.Errorf(newsintel.EINVALID, "extract %s: parse HTML: %v", raw.ID, err)
		}
		art, err := article.Extract(tree, pageURL(raw))
		if err != nil {
			return article.Article{}, newsintel.Errorf(newsintel.EINVALID, "extract %s: %v", raw.ID, err)
		}
		return art, nil
	default:
		return article.Article{}, newsintel.Errorf(newsintel.EINVALID, "extract %s: content type %q is not HTML or text (starts with %q)", raw.ID, raw.ContentType, preview(body))
	}
}

// fromText reads plain text. Unlike a page, where the headline is markup
// apart from the body, a text's first line is often the whole story (a
// wire headline "Alibaba cloud faces US probe - sources" carries a claim):
// a headline FromText lifts out is kept as the body's first paragraph too,
// and text FromText finds no body in is kept whole.
func fromText(text string) article.Article {
	a := article.FromText(text)
	switch {
	case a.Title != "" && !strings.HasPrefix(a.Body, a.Title):
		a.Body = strings.TrimSpace(a.Title + "\n\n" + a.Body)
	case a.Body == "" && strings.TrimSpace(text) != "":
		a.Body = strings.Join(strings.Fields(text), " ")
		a.Warnings = append(a.Warnings, "text kept whole: no paragraph looked like article text")
	}
	a.WordCount = len(strings.Fields(a.Body))
	return a
}

// kindOfContent decides between HTML and text from the content type and,
// when that says nothing useful, from the bytes.
func kindOfContent(contentType string, body []byte) string {
	ct := strings.ToLower(contentType)
	head := bytes.TrimSpace(body[:min(len(body), 2048)])
	switch {
	case looksBinary(head):
		return ""
	case strings.Contains(ct, "html"):
		return "html"
	case strings.HasPrefix(ct, "text/plain"):
		return "text"
	case bytes.HasPrefix(head, []byte("<")):
		return "html"
	}
	// Lower-cased only here: most documents come with a content type.
	if lower := bytes.ToLower(head); bytes.Contains(lower, []byte("<p>")) || bytes.Contains(lower, []byte("<html")) {
		return "html"
	}
	if ct == "" || strings.HasPrefix(ct, "text/") {
		return "text"
	}
	return ""
}

func looksBinary(b []byte) bool {
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			ctl++
		}
	}
	return ctl > len(b)/20
}

func pageURL(raw newsintel.Raw) *url.URL {
	u, err := url.Parse(firstNonEmpty(raw.FinalURL, raw.URL))
	if err != nil || u.Scheme == "" {
		return nil
	}
	return u
}

// fill copies what the page says into doc, falling back to what the feed
// said, and derives the ID from the page's canonical URL when it belongs to
// the same site, so one article reached by several URLs is one document.
func fill(doc *newsintel.Document, a *article.Article, raw newsintel.Raw) {
	doc.Title, doc.Body, doc.Language, doc.Section = a.Title, a.Body, a.Language, a.Section
	doc.Authors, doc.Categories, doc.Summary = a.Authors, a.Categories, a.Description
	doc.Published, doc.Modified, doc.WordCount = a.Published, a.Modified, a.WordCount
	doc.Publisher = firstNonEmpty(raw.Publisher, a.Publisher)
	doc.Warnings = append(doc.Warnings, a.Warnings...)
	if it := raw.Item; it != nil {
		doc.Title = firstNonEmpty(doc.Title, it.Title)
		doc.Summary = firstNonEmpty(doc.Summary, textOf(it.Summary))
		if len(doc.Authors) == 0 {
			doc.Authors = it.Authors
		}
		if len(doc.Categories) == 0 {
			doc.Categories = it.Categories
		}
		if doc.Published.IsZero() {
			doc.Published = it.Published
		}
		doc.Publisher = firstNonEmpty(doc.Publisher, it.FeedTitle)
	}
	if doc.Kind == "" {
		doc.Kind = newsintel.KindArticle
	}
	doc.CanonicalURL = canonicalFor(a.CanonicalURL, doc.URL)
	if doc.Kind == newsintel.KindArticle && doc.CanonicalURL != "" && sameSite(doc.CanonicalURL, doc.URL) {
		doc.ID = newsintel.ArticleID(doc.CanonicalURL)
	}
}

// canonicalFor returns the normalised canonical URL: the one the page
// declares, unless that is its site's home page (some sites declare the
// root as every page's canonical, which would fold all their articles into
// one document), else the URL it was fetched from.
func canonicalFor(declared, fetched string) string {
	for _, s := range []string{declared, fetched} {
		c, err := urlcanon.Canonical(s)
		if err != nil {
			continue
		}
		if u, _ := url.Parse(c); s == declared && u != nil && u.Path == "/" && u.RawQuery == "" && declared != fetched {
			continue
		}
		return c
	}
	return ""
}

// sameSite reports whether two URLs share a host, ignoring a "www." or
// "amp." prefix: a page may not claim another site's identity.
func sameSite(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	trim := func(h string) string {
		h = strings.ToLower(h)
		for _, p := range []string{"www.", "amp.", "m."} {
			h = strings.TrimPrefix(h, p)
		}
		return h
	}
	return ua.Hostname() != "" && trim(ua.Hostname()) == trim(ub.Hostname())
}

// textOf returns the text of an HTML fragment (feed summaries often are).
func textOf(s string) string {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(s)
	}
	a := article.FromText(stripTags(s))
	return a.Body
}

func stripTags(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken:
			b.WriteByte(' ')
		}
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func preview(b []byte) string {
	s := string(b[:min(len(b), 24)])
	return strings.ToValidUTF8(s, "?")
}
