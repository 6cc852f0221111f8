package crawl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
)

// ErrNotSitemap is returned for bytes that are neither a sitemap XML
// document, a sitemap index nor a plain-text list of URLs.
var ErrNotSitemap = errors.New("crawl: not a sitemap")

// SitemapEntry is one URL a sitemap lists, with what the sitemap says about
// it. The news fields come from a Google News sitemap's <news:news>.
type SitemapEntry struct {
	URL         string    `json:"url"`
	Sitemap     string    `json:"sitemap,omitempty"` // URL of the sitemap that listed it
	LastMod     time.Time `json:"lastmod,omitzero"`
	Title       string    `json:"title,omitempty"`       // news:title
	Published   time.Time `json:"published,omitzero"`    // news:publication_date
	Publication string    `json:"publication,omitempty"` // news:publication/news:name
	Language    string    `json:"language,omitempty"`    // news:publication/news:language
	Keywords    []string  `json:"keywords,omitempty"`    // news:keywords
}

// date is the entry's best date: the publication date, else lastmod.
func (e *SitemapEntry) date() time.Time {
	if !e.Published.IsZero() {
		return e.Published
	}
	return e.LastMod
}

// Sitemap is a parsed sitemap: either URLs (a urlset or a text sitemap) or
// child sitemaps (a sitemap index).
type Sitemap struct {
	URLs     []SitemapEntry
	Children []SitemapEntry // of an index: URL and LastMod only
}

type sitemapXML struct {
	XMLName  xml.Name
	URLs     []urlXML `xml:"url"`
	Sitemaps []urlXML `xml:"sitemap"`
}

type urlXML struct {
	Loc     string   `xml:"loc"`
	LastMod string   `xml:"lastmod"`
	News    *newsXML `xml:"news"`
}

type newsXML struct {
	Publication struct {
		Name     string `xml:"name"`
		Language string `xml:"language"`
	} `xml:"publication"`
	PublicationDate string `xml:"publication_date"`
	Title           string `xml:"title"`
	Keywords        string `xml:"keywords"`
}

// ParseSitemap parses a sitemap (sitemaps.org urlset or sitemapindex, with
// Google News extensions; XML or plain text; gzip-compressed or not) found
// at location, keeping at most maxEntries entries and refusing more than
// maxBytes after decompression. Relative and non-http(s) locations are
// dropped. It returns ErrNotSitemap (wrapped) for anything else.
func ParseSitemap(data []byte, location string, maxEntries int, maxBytes int64) (*Sitemap, error) {
	data, err := gunzipCapped(data, maxBytes)
	if err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) > 0 && trimmed[0] != '<' {
		return parseTextSitemap(trimmed, location, maxEntries)
	}
	var doc sitemapXML
	d := xml.NewDecoder(bytes.NewReader(trimmed))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // the fetcher made it UTF-8
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotSitemap, location, err)
	}
	switch strings.ToLower(doc.XMLName.Local) {
	case "urlset":
		return &Sitemap{URLs: entries(doc.URLs, location, maxEntries)}, nil
	case "sitemapindex":
		return &Sitemap{Children: entries(doc.Sitemaps, location, maxEntries)}, nil
	}
	return nil, fmt.Errorf("%w: %s: root element <%s>", ErrNotSitemap, location, doc.XMLName.Local)
}

func entries(in []urlXML, location string, max int) []SitemapEntry {
	out := make([]SitemapEntry, 0, min(len(in), max))
	for _, u := range in {
		if len(out) >= max {
			break
		}
		loc := absoluteHTTP(strings.TrimSpace(u.Loc))
		if loc == "" {
			continue
		}
		e := SitemapEntry{URL: loc, Sitemap: location, LastMod: parseW3CDate(u.LastMod)}
		if n := u.News; n != nil {
			e.Title = strings.Join(strings.Fields(n.Title), " ")
			e.Published = parseW3CDate(n.PublicationDate)
			e.Publication = strings.TrimSpace(n.Publication.Name)
			e.Language = strings.TrimSpace(n.Publication.Language)
			for _, k := range strings.Split(n.Keywords, ",") {
				if k = strings.TrimSpace(k); k != "" {
					e.Keywords = append(e.Keywords, k)
				}
			}
		}
		out = append(out, e)
	}
	return out
}

func parseTextSitemap(data []byte, location string, max int) (*Sitemap, error) {
	sm := &Sitemap{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() && len(sm.URLs) < max {
		if u := absoluteHTTP(strings.TrimSpace(sc.Text())); u != "" {
			sm.URLs = append(sm.URLs, SitemapEntry{URL: u, Sitemap: location})
		}
	}
	if len(sm.URLs) == 0 {
		return nil, fmt.Errorf("%w: %s: no XML and no URL lines", ErrNotSitemap, location)
	}
	return sm, nil
}

// absoluteHTTP returns s when it is an absolute http(s) URL with a host.
func absoluteHTTP(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

// gunzipCapped decompresses gzip data (a .xml.gz served without
// Content-Encoding), refusing more than max bytes; other data is returned
// as it is.
func gunzipCapped(data []byte, max int64) ([]byte, error) {
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrNotSitemap, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrNotSitemap, err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes after decompression", fetch.ErrTooLarge, max)
	}
	return out, nil
}

var w3cLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02", "2006-01", "2006",
	time.RFC1123Z, time.RFC1123,
}

// parseW3CDate parses a sitemap date (W3C Datetime and the usual sloppy
// variants); the zero time when it cannot.
func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range w3cLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
