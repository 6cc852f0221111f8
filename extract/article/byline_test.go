package article

import (
	"slices"
	"testing"
	"time"
)

// TestSplitAuthors covers bylines as sites print them: roles after a
// comma, desks, companies, upper-case names.
func TestSplitAuthors(t *testing.T) {
	for _, tc := range []struct {
		byline string
		want   []string
	}{
		{"By Ana Ruiz, Health Reporter", []string{"Ana Ruiz"}},
		{"By Ana Ruiz and Tom Lee, Staff Writers", []string{"Ana Ruiz", "Tom Lee"}},
		{"Tom Lee, Politics Correspondent", []string{"Tom Lee"}},
		{"Ana Ruiz, WXYZ Staff", []string{"Ana Ruiz"}},
		{"Metro Desk", nil},
		{"Northwind Energy, Inc.", nil},
		{"Harbor Logistics LLC", []string{"Harbor Logistics LLC"}}, // one part: the cleaner does not guess
		{"By MARY O'CONNOR-SMITH and JEAN-LUC PETIT", []string{"Mary O'Connor-Smith", "Jean-Luc Petit"}},
		{"Author: Ana Ruiz", []string{"Ana Ruiz"}},
	} {
		if got := splitAuthors(tc.byline); !slices.Equal(got, tc.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tc.byline, got, tc.want)
		}
	}
}

// TestBylinesOnPages reads bylines where page markup hides or merges them:
// a body class naming a sidebar, one byline element per author, an author
// biography box, organisations in JSON-LD.
func TestBylinesOnPages(t *testing.T) {
	const text = `<p>The state's parole board voted on Tuesday to release two inmates who had served more than forty years, over the objections of prosecutors in both counties.</p><p>The board's chair said the decision followed the law as the legislature rewrote it last year.</p>`
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"sidebar body", `<html><body class="single has-sidebar"><article><h1>Parole board frees two</h1><span class="byline">By <a href="/a/1">Nora Vance</a>, Courts Reporter</span><time datetime="2024-03-05T10:00:00Z">March 5</time>` + text + `</article><aside class="sidebar"><div class="byline">By Other Person</div></aside></body></html>`, []string{"Nora Vance"}},
		{"one byline each", `<html><body><article><h1>Parole board frees two</h1><div class="story-bylines"><div class="byline">Nora Vance | Courts</div><div class="byline">Eli Park, Legal Affairs Editor</div></div>` + text + `</article></body></html>`, []string{"Nora Vance", "Eli Park"}},
		{"bio box", `<html><body><article><h1>Parole board frees two</h1><p class="byline">By Nora Vance</p>` + text + `<div class="author-bio"><b>Nora Vance</b> Nora Vance covers courts and prisons and has worked at the paper since 2015.</div></article></body></html>`, []string{"Nora Vance"}},
		{"organisation in JSON-LD", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Parole board frees two","author":{"@type":"GovernmentOrganization","name":"Department of Corrections"}}</script></head><body><article><h1>Parole board frees two</h1>` + text + `</article></body></html>`, nil},
	} {
		a, err := ExtractBytes([]byte(tc.page), nil)
		if err != nil {
			t.Fatalf("%s: ExtractBytes: %v", tc.name, err)
		}
		if !slices.Equal(a.Authors, tc.want) {
			t.Errorf("%s: authors = %q, want %q", tc.name, a.Authors, tc.want)
		}
	}
}

// TestNumericDate reads all-number dates by the page's language.
func TestNumericDate(t *testing.T) {
	for _, tc := range []struct {
		text     string
		dayFirst bool
		want     string
	}{
		{"Published: 05/04/2024", true, "2024-04-05"},
		{"Published: 05/04/2024", false, "2024-05-04"},
		{"Posted 25.12.2023", false, "2023-12-25"},
		{"12/31/2023", true, "2023-12-31"},
	} {
		got, ok := numericDate(tc.text, tc.dayFirst)
		if !ok || got.Format(time.DateOnly) != tc.want {
			t.Errorf("numericDate(%q, %v) = %v %v, want %s", tc.text, tc.dayFirst, got, ok, tc.want)
		}
	}
	for tag, want := range map[string]bool{"en-GB": true, "en-us": false, "en": false, "fr": true, "": false} {
		if got := dayFirstLanguage(tag); got != want {
			t.Errorf("dayFirstLanguage(%q) = %v, want %v", tag, got, want)
		}
	}
}

// TestPublisherFromTitlePrefix reads the site from a "Site: Headline"
// window title, and a publication's own name on a hosting platform.
func TestPublisherFromTitlePrefix(t *testing.T) {
	for window, want := range map[string]string{
		"Lake Notes: Ice is late this year":  "Lake Notes",
		"Opinion: Ice is late this year":     "",
		"Ice is late this year | Lake Notes": "Lake Notes",
	} {
		if got := titleSite(window, "Ice is late this year"); got != want {
			t.Errorf("titleSite(%q) = %q, want %q", window, got, want)
		}
	}
	page := `<html><head><meta property="og:site_name" content="Substack"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ice is late","publisher":{"@type":"Organization","name":"Lake Notes"}}</script></head><body><h1>Ice is late</h1></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if a.Publisher != "Lake Notes" {
		t.Errorf("publisher = %q, want %q", a.Publisher, "Lake Notes")
	}
}
