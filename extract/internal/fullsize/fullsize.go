// Package fullsize builds the full-size benchmark and evaluation pages of
// the extract stage: real-size news pages (100–800 KB of HTML) in the
// markup styles of real publishers — wire services, national and regional
// newspapers, trade press, WordPress blogs, government press releases, a
// Next.js site with a __NEXT_DATA__ blob, AMP — around article texts
// written by the team (articles/*.txt, invented news in real news
// language).
//
// A real page is mostly furniture: a head full of meta tags, preload links
// and JSON-LD, inline CSS and scripts, JSON state blobs, mega-menus, ad
// slots, related-article rails, comments and footers. That furniture is
// generated here, deterministically from each page's name, rather than
// committed as megabytes; the article text and the body a person expects
// come from the article files. The package is used by tests and
// benchmarks only.
package fullsize

import (
	"bufio"
	"embed"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed articles/*.txt
var articleFiles embed.FS

// Page is one full-size page with what a person expects from it.
type Page struct {
	Name      string    // file-like name, e.g. "wire-arc-tariff-ruling"
	Style     string    // publisher style the page is dressed in
	URL       string    // the page's canonical URL
	HTML      []byte    // the whole page
	Expected  string    // the article body, paragraphs separated by blank lines
	Title     string    // the headline
	Authors   []string  // the byline's authors
	Published time.Time // publication time
	Publisher string    // the site's name
}

// article is one article of the article files.
type article struct {
	name, style, title, section, path string
	authors                           []string
	published                         time.Time
	blocks                            []string
}

var (
	buildOnce sync.Once
	built     []Page
	buildErr  error
)

// Pages returns every full-size page, built once per process.
func Pages() ([]Page, error) {
	buildOnce.Do(func() { built, buildErr = build() })
	return built, buildErr
}

func build() ([]Page, error) {
	arts, err := readArticles()
	if err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(arts))
	for _, a := range arts {
		st, ok := styles[a.style]
		if !ok {
			return nil, fmt.Errorf("fullsize: article %s: unknown style %q", a.name, a.style)
		}
		pg := newPageBuilder(a, arts, st)
		pages = append(pages, Page{
			Name: a.name, Style: a.style, URL: pg.url, HTML: []byte(st.render(pg)),
			Expected: expected(a), Title: a.title, Authors: a.authors,
			Published: a.published, Publisher: st.publisher,
		})
	}
	return pages, nil
}

// readArticles parses the article files: a header line
// "=== name | style | title | author;author | published | section | path"
// then one block per line (see README.md for the block markup).
func readArticles() ([]*article, error) {
	files, err := articleFiles.ReadDir("articles")
	if err != nil {
		return nil, err
	}
	var arts []*article
	for _, f := range files {
		data, err := articleFiles.ReadFile("articles/" + f.Name())
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		sc.Buffer(nil, 1<<20)
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			switch {
			case strings.HasPrefix(text, "=== "):
				a, err := parseHeader(text[4:])
				if err != nil {
					return nil, fmt.Errorf("fullsize: %s:%d: %w", f.Name(), line, err)
				}
				arts = append(arts, a)
			case text != "" && len(arts) > 0:
				cur := arts[len(arts)-1]
				cur.blocks = append(cur.blocks, text)
			}
		}
	}
	slices.SortFunc(arts, func(a, b *article) int { return strings.Compare(a.name, b.name) })
	return arts, nil
}

func parseHeader(h string) (*article, error) {
	f := strings.Split(h, "|")
	if len(f) != 7 {
		return nil, fmt.Errorf("header has %d fields, want 7", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	pub, err := time.Parse(time.RFC3339, f[4])
	if err != nil {
		return nil, fmt.Errorf("published: %w", err)
	}
	a := &article{name: f[0], style: f[1], title: f[2], published: pub, section: f[5], path: f[6]}
	for _, s := range strings.Split(f[3], ";") {
		if s = strings.TrimSpace(s); s != "" {
			a.authors = append(a.authors, s)
		}
	}
	return a, nil
}

var blockRE = regexp.MustCompile(`^\[(\w+)(?::\s*(.*))?\]$`)

// kind returns a block's kind and its text: p, h (subheading), li, quote,
// or a furniture kind (related, figure, pull, ad, newsletter, plea).
func kind(b string) (string, string) {
	if m := blockRE.FindStringSubmatch(b); m != nil {
		return m[1], m[2]
	}
	for _, k := range []struct{ prefix, kind string }{{"## ", "h"}, {"- ", "li"}, {"> ", "quote"}} {
		if strings.HasPrefix(b, k.prefix) {
			return k.kind, b[len(k.prefix):]
		}
	}
	return "p", b
}

var linkRE = regexp.MustCompile(`\{a:([^}]*)\}`)

// expected is the body a person copies from the article: paragraphs,
// subheadings, list items and quotations, no furniture.
func expected(a *article) string {
	var out []string
	for _, b := range a.blocks {
		if k, v := kind(b); k == "p" || k == "h" || k == "li" || k == "quote" {
			out = append(out, linkRE.ReplaceAllString(v, "$1"))
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

// seeded returns a random source fixed by name, so a page is the same on
// every run.
func seeded(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(h.Sum64(), 0x6e657773))
}
