// Package demo embeds the offline demo corpus that `newsintel serve --demo`
// ingests, so that a new user with no network sees search, entities and
// anonymous-source claims at once.
//
// The corpus is a small, coherent world written in the exact formats the
// pipeline reads from the web: news pages from several publishers (each in
// its own markup style), RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds whose
// item links resolve to pages of the corpus, an excerpt of an SEC EDGAR
// annual report with inline XBRL, a Federal Register API document and an
// agency press release. Apart from the seed article the project was
// designed from (corpus/articles/whitepapers-alibaba-cloud-review.html),
// the prose, the people quoted and the hosts are made up for the demo.
//
// corpus/manifest.json lists every file with the URL it stands for, so that
// the demo resolves a feed item's link to a page without any network. The
// package does no I/O beyond reading its embedded files and is safe for
// concurrent use.
package demo

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"

	"github.com/newsintel/newsintel"
)

// FS holds the embedded corpus: the directory "corpus" with manifest.json
// and the files it lists.
//
//go:embed corpus
var FS embed.FS

// root is the directory of FS that manifest paths are relative to.
const root = "corpus"

// The content types a manifest entry may have.
const (
	ContentHTML            = "text/html"
	ContentRSS             = "application/rss+xml"
	ContentAtom            = "application/atom+xml"
	ContentJSONFeed        = "application/feed+json"
	ContentFederalRegister = "application/json" // a Federal Register API document
	ContentText            = "text/plain"
)

// ErrInvalidEntry is wrapped by every error about a bad manifest entry.
var ErrInvalidEntry = errors.New("invalid manifest entry")

// Entry is one file of the corpus as the manifest describes it.
type Entry struct {
	Path        string `json:"path"`         // slash-separated, relative to the corpus directory
	Kind        string `json:"kind"`         // article, filing or notice (feeds are article sources)
	Source      string `json:"source"`       // short source name, e.g. "wirewatch"
	URL         string `json:"url"`          // the URL the file stands for; a feed item's link for pages
	Publisher   string `json:"publisher"`    // site or organisation that published it
	ContentType string `json:"content_type"` // one of the Content* constants
}

// IsFeed reports whether e is an RSS, Atom or JSON feed.
func (e Entry) IsFeed() bool {
	switch e.ContentType {
	case ContentRSS, ContentAtom, ContentJSONFeed:
		return true
	}
	return false
}

// manifest is the shape of corpus/manifest.json.
type manifest struct {
	Note    string  `json:"note,omitempty"`
	Entries []Entry `json:"entries"`
}

// Manifest returns the entries of corpus/manifest.json in file order. It
// returns an error wrapping ErrInvalidEntry, naming the entry by index and
// path, when an entry has an unknown kind or content type, a missing field,
// a path outside the corpus or to a missing file, a relative URL, or a path
// or URL already used by an earlier entry.
func Manifest() ([]Entry, error) {
	b, err := FS.ReadFile(path.Join(root, "manifest.json"))
	if err != nil {
		return nil, fmt.Errorf("demo: read manifest: %w", err)
	}
	return parseManifest(b, FS)
}

// Open returns the bytes of the file e names. It returns an error when the
// path is not a valid path inside the corpus or the file does not exist.
func Open(e Entry) ([]byte, error) {
	if !fs.ValidPath(e.Path) || e.Path == "." {
		return nil, fmt.Errorf("demo: open %q: %w: path outside the corpus", e.Path, ErrInvalidEntry)
	}
	b, err := FS.ReadFile(path.Join(root, e.Path))
	if err != nil {
		return nil, fmt.Errorf("demo: open %q: %w", e.Path, err)
	}
	return b, nil
}

// parseManifest decodes and validates a manifest whose paths are relative
// to root in fsys.
func parseManifest(b []byte, fsys fs.FS) ([]Entry, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("demo: decode manifest: %w", err)
	}
	if len(m.Entries) == 0 {
		return nil, fmt.Errorf("demo: manifest lists no entries")
	}
	paths := make(map[string]int, len(m.Entries))
	urls := make(map[string]int, len(m.Entries))
	for i, e := range m.Entries {
		if err := validate(e, fsys); err != nil {
			return nil, fmt.Errorf("demo: manifest entry %d (%q): %w", i, e.Path, err)
		}
		if j, ok := paths[e.Path]; ok {
			return nil, fmt.Errorf("demo: manifest entry %d (%q): %w: path already listed by entry %d", i, e.Path, ErrInvalidEntry, j)
		}
		if j, ok := urls[e.URL]; ok {
			return nil, fmt.Errorf("demo: manifest entry %d (%q): %w: url %s already listed by entry %d", i, e.Path, ErrInvalidEntry, e.URL, j)
		}
		paths[e.Path], urls[e.URL] = i, i
	}
	return m.Entries, nil
}

// validate checks one entry's fields and that its file exists in fsys.
func validate(e Entry, fsys fs.FS) error {
	switch {
	case e.Path == "" || e.Path == "." || !fs.ValidPath(e.Path):
		return fmt.Errorf("%w: path must be a slash-separated path inside the corpus", ErrInvalidEntry)
	case !newsintel.Kind(e.Kind).Valid():
		return fmt.Errorf("%w: unknown kind %q (want article, filing or notice)", ErrInvalidEntry, e.Kind)
	case !knownContentType(e.ContentType):
		return fmt.Errorf("%w: unknown content_type %q", ErrInvalidEntry, e.ContentType)
	case e.Source == "" || newsintel.Slug(e.Source) != e.Source:
		return fmt.Errorf("%w: source %q must be a short lower-case name", ErrInvalidEntry, e.Source)
	case e.Publisher == "":
		return fmt.Errorf("%w: publisher is empty", ErrInvalidEntry)
	}
	u, err := url.Parse(e.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%w: url %q must be an absolute http(s) URL", ErrInvalidEntry, e.URL)
	}
	info, err := fs.Stat(fsys, path.Join(root, e.Path))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidEntry, err)
	}
	if info.IsDir() {
		return fmt.Errorf("%w: path is a directory", ErrInvalidEntry)
	}
	return nil
}

// knownContentType reports whether ct is one of the Content* constants.
func knownContentType(ct string) bool {
	switch ct {
	case ContentHTML, ContentRSS, ContentAtom, ContentJSONFeed, ContentFederalRegister, ContentText:
		return true
	}
	return false
}
