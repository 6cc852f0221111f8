// Package opml reads and writes OPML 1.0 and 2.0 subscription lists, the
// format feed readers exchange their feeds in: each feed is an <outline>
// with an xmlUrl (the feed), an htmlUrl (the site) and a title or text;
// outlines nest to form folders.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/newsintel/newsintel"
)

// Limits on what Parse accepts.
const (
	MaxDepth    = 64     // outline nesting
	MaxOutlines = 100000 // feed outlines kept from one document
)

// Errors callers classify with errors.Is.
var (
	ErrNotOPML  = errors.New("opml: not an OPML document")
	ErrTooDeep  = errors.New("opml: outlines nested too deeply")
	ErrTooLarge = errors.New("opml: too many outlines")
)

// Outline is one feed found in an OPML document.
type Outline struct {
	Title   string   // title, else text, else the feed URL
	XMLURL  string   // the feed
	HTMLURL string   // the site, when given
	Folders []string // titles of the enclosing outlines, outermost first
}

type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title       string `xml:"title"`
		DateCreated string `xml:"dateCreated,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// Parse reads an OPML 1.0 or 2.0 document and returns its feed outlines
// (those with an xmlUrl, at any depth) in document order. It returns
// ErrNotOPML when the root element is not <opml>, ErrTooDeep past MaxDepth
// levels, ErrTooLarge past MaxOutlines feeds, and the XML error for
// malformed input.
func Parse(r io.Reader) ([]Outline, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	var doc document
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false // real exports carry bare '&' in titles and URLs
	if err := d.Decode(&doc); err != nil {
		var se xml.UnmarshalError
		if errors.As(err, &se) || strings.Contains(err.Error(), "expected element type <opml>") {
			return nil, fmt.Errorf("%w: %v", ErrNotOPML, err)
		}
		return nil, fmt.Errorf("opml: %w", err)
	}
	var out []Outline
	if err := collect(doc.Body.Outlines, nil, &out); err != nil {
		return out, err
	}
	return out, nil
}

// collect appends the feed outlines of list, recursing into folders.
func collect(list []outline, folders []string, out *[]Outline) error {
	for _, o := range list {
		title := firstNonEmpty(o.Title, o.Text)
		if u := strings.TrimSpace(o.XMLURL); u != "" {
			if len(*out) >= MaxOutlines {
				return fmt.Errorf("%w: more than %d", ErrTooLarge, MaxOutlines)
			}
			*out = append(*out, Outline{
				Title: firstNonEmpty(title, u), XMLURL: u, HTMLURL: strings.TrimSpace(o.HTMLURL),
				Folders: append([]string(nil), folders...),
			})
		}
		if len(o.Outlines) > 0 {
			sub := folders
			if title != "" && o.XMLURL == "" {
				sub = append(append([]string(nil), folders...), title)
			}
			if err := collect(o.Outlines, sub, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkDepth refuses documents nested deeper than MaxDepth before the
// recursive decoder sees them, and documents whose root is not <opml>.
func checkDepth(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // tag names are ASCII
	depth, root := 0, false
	for {
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) && !root {
				return fmt.Errorf("%w: no <opml> element", ErrNotOPML)
			}
			return nil // the decoder reports syntax errors with its own message
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && !strings.EqualFold(t.Name.Local, "opml") {
				return fmt.Errorf("%w: root element is <%s>", ErrNotOPML, t.Name.Local)
			}
			root = true
			if depth++; depth > MaxDepth {
				return fmt.Errorf("%w: more than %d levels", ErrTooDeep, MaxDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// Write writes sources as an OPML 2.0 document titled title: one outline
// per source with its URL as xmlUrl (type "rss" for feeds). It returns the
// writer's error.
func Write(w io.Writer, title string, sources []newsintel.SourceStatus) error {
	var doc document
	doc.Version = "2.0"
	doc.Head.Title = title
	doc.Head.DateCreated = time.Now().UTC().Format(time.RFC1123Z)
	for _, s := range sources {
		o := outline{Text: s.Name, Title: s.Name, XMLURL: s.URL}
		if s.Type == "feed" || s.Type == "" {
			o.Type = "rss"
		}
		doc.Body.Outlines = append(doc.Body.Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	return nil
}

// SourceName derives a source name from an outline: a slug of its title
// (else of its feed URL's host and path), at most 64 bytes, valid as a
// newsintel source name; "feed" when nothing usable remains.
func SourceName(o Outline) string {
	name := asciiOnly(newsintel.Slug(o.Title))
	if name == "" || o.Title == o.XMLURL {
		if u, err := url.Parse(o.XMLURL); err == nil {
			name = asciiOnly(strings.ToLower(strings.TrimPrefix(u.Hostname(), "www.") + " " + u.Path))
		}
	}
	if len(name) > 64 {
		cut := name[:64]
		if name[64] != '-' && strings.LastIndexByte(cut, '-') > 0 {
			cut = cut[:strings.LastIndexByte(cut, '-')]
		}
		name = cut
	}
	if name = strings.Trim(name, "-"); !newsintel.ValidID(name) {
		return "feed"
	}
	return name
}

// asciiOnly keeps the ASCII letters, digits and dashes of a slug, turning
// other runs into one dash, so the name is valid in subjects and KV keys.
func asciiOnly(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
