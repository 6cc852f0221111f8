package fullsize

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var dump = flag.String("dump", "", "write every page, its expected body and its name into this directory")

// TestPages checks that the set is what the benchmark claims: at least 20
// pages in every promised style, real-size HTML around an article of
// news length, the same bytes on every build, and the article text in the
// page.
func TestPages(t *testing.T) {
	pages, err := Pages()
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 20 {
		t.Fatalf("got %d pages, want at least 20", len(pages))
	}
	seen := map[string]bool{}
	var sizes []int
	for _, p := range pages {
		seen[p.Style] = true
		sizes = append(sizes, len(p.HTML))
		words := len(strings.Fields(p.Expected))
		t.Logf("%-28s %-9s %4d KB, %4d words", p.Name, p.Style, len(p.HTML)>>10, words)
		if len(p.HTML) < 80<<10 || len(p.HTML) > 900<<10 {
			t.Errorf("%s: %d bytes of HTML, want 80–900 KB", p.Name, len(p.HTML))
		}
		if words < 550 {
			t.Errorf("%s: article of %d words, want at least 550", p.Name, words)
		}
		if !utf8.Valid(p.HTML) {
			t.Errorf("%s: page is not valid UTF-8", p.Name)
		}
		first, _, _ := strings.Cut(p.Expected, "\n")
		if !bytes.Contains(p.HTML, []byte(esc(first[:min(len(first), 60)]))) {
			t.Errorf("%s: first paragraph %q not in the page", p.Name, first)
		}
		if *dump != "" {
			writeDump(t, p)
		}
	}
	for st := range styles {
		if !seen[st] {
			t.Errorf("style %s has no page", st)
		}
	}
	slices.Sort(sizes)
	t.Logf("%d pages, median %d KB, min %d KB, max %d KB", len(pages), sizes[len(sizes)/2]>>10, sizes[0]>>10, sizes[len(sizes)-1]>>10)
	again, _ := build()
	for i := range again {
		if !bytes.Equal(again[i].HTML, pages[i].HTML) {
			t.Errorf("%s: a second build differs", pages[i].Name)
		}
	}
}

func writeDump(t *testing.T, p Page) {
	if err := os.MkdirAll(*dump, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{p.Name + ".html": p.HTML, p.Name + ".expected.txt": []byte(p.Expected)} {
		if err := os.WriteFile(filepath.Join(*dump, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
