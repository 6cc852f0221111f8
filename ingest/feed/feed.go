// Package feed parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed
// documents (with gofeed) into the items newsintel ingests, after checking
// the bytes are safe to hand to the parser: gofeed recurses once per nested
// element, so a deeply nested document would exhaust the stack.
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/newsintel/newsintel"
)

// Limits on what one feed may hold; items and fields beyond them are cut.
const (
	MaxDepth      = 256     // XML element nesting depth
	MaxItems      = 2000    // items kept from one feed
	MaxFieldBytes = 1 << 20 // bytes kept of one text field (content, summary)
	MaxTitleBytes = 2048
)

// Errors a caller can classify.
var (
	ErrNotFeed  = errors.New("feed: not an RSS, Atom or JSON feed")
	ErrTooDeep  = errors.New("feed: elements nested too deeply")
	ErrTooLarge = errors.New("feed: too large")
)

// Feed is a parsed feed.
type Feed struct {
	Title string
	Link  string
	Items []newsintel.FeedItem
	// Dropped counts items left out: over MaxItems, without any identity,
	// or repeating an earlier item's identity.
	Dropped int
}

// Parse parses data as a feed fetched from feedURL (used to resolve
// relative links; may be empty). It returns ErrNotFeed, ErrTooDeep or a
// parse error naming the problem.
func Parse(data []byte, feedURL string) (*Feed, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}))
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w: empty document", ErrNotFeed)
	}
	if trimmed[0] == '<' {
		if err := checkDepth(trimmed); err != nil {
			return nil, err
		}
	}
	// The fetcher has converted the body to UTF-8; a feed of 100 000 items
	// is cut before gofeed builds every item in memory.
	trimmed, _ = capItems(declareUTF8(trimmed), MaxItems)
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(trimmed))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("%w (starts with %q)", ErrNotFeed, preview(trimmed))
		}
		return nil, fmt.Errorf("feed: %w", err)
	}
	base := baseURL(feedURL, parsed.Link)
	f := &Feed{Title: clip(parsed.Title, MaxTitleBytes), Link: parsed.Link}
	seen := map[string]bool{}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		item := adapt(it, feedURL, parsed.Title, base)
		key := ItemKey(item)
		if key == "" || seen[key] || len(f.Items) >= MaxItems {
			f.Dropped++
			continue
		}
		seen[key] = true
		f.Items = append(f.Items, item)
	}
	return f, nil
}

// adapt turns a gofeed item into newsintel's FeedItem, resolving relative
// links, clipping fields and keeping what the feed says about the item.
func adapt(it *gofeed.Item, feedURL, feedTitle string, base *url.URL) newsintel.FeedItem {
	out := newsintel.FeedItem{
		Feed: feedURL, FeedTitle: clip(feedTitle, MaxTitleBytes),
		GUID: clip(strings.TrimSpace(it.GUID), MaxTitleBytes), Title: clip(strings.TrimSpace(it.Title), MaxTitleBytes),
		Link: resolve(base, it.Link), Summary: clip(it.Description, MaxFieldBytes), Content: clip(it.Content, MaxFieldBytes),
	}
	if out.Link == "" && len(it.Links) > 0 {
		out.Link = resolve(base, it.Links[0])
	}
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			out.Authors = append(out.Authors, clip(strings.TrimSpace(a.Name), 256))
		}
	}
	for _, c := range it.Categories {
		if c = strings.TrimSpace(c); c != "" && len(out.Categories) < 50 {
			out.Categories = append(out.Categories, clip(c, 256))
		}
	}
	if it.PublishedParsed != nil {
		out.Published = it.PublishedParsed.UTC()
	}
	if it.UpdatedParsed != nil {
		out.Updated = it.UpdatedParsed.UTC()
	}
	if out.Published.IsZero() {
		out.Published = out.Updated
	}
	for _, e := range it.Enclosures {
		if e == nil || e.URL == "" || len(out.Enclosures) >= 20 {
			continue
		}
		var n int64
		fmt.Sscan(e.Length, &n)
		out.Enclosures = append(out.Enclosures, newsintel.Enclosure{URL: resolve(base, e.URL), Type: e.Type, Length: n})
	}
	return out
}

// ItemKey returns the identity of an item: its GUID, else its link, else a
// hash of its title and date; "" when it has none of them.
func ItemKey(it newsintel.FeedItem) string {
	switch {
	case it.GUID != "":
		return "guid:" + it.GUID
	case it.Link != "":
		return "link:" + it.Link
	case it.Title != "":
		sum := sha256.Sum256([]byte(it.Title + "\x00" + it.Published.Format(time.RFC3339)))
		return "title:" + hex.EncodeToString(sum[:12])
	}
	return ""
}

// baseURL picks what relative item links resolve against: the feed's own
// http(s) URL, else the site link the feed declares.
func baseURL(feedURL, siteLink string) *url.URL {
	for _, s := range []string{feedURL, siteLink} {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return nil
}

func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	if base == nil {
		return link
	}
	u, err := base.Parse(link)
	if err != nil {
		return link
	}
	return u.String()
}

// checkDepth walks the XML tokens and refuses documents nested deeper than
// MaxDepth before gofeed's recursive parser sees them.
func checkDepth(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // the fetcher already converted to UTF-8
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return nil // a syntax error is gofeed's to report, with its own message
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxDepth {
				return fmt.Errorf("%w: more than %d levels", ErrTooDeep, MaxDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func preview(b []byte) string {
	s := clip(string(b), 40)
	return strings.ToValidUTF8(s, "?")
}
