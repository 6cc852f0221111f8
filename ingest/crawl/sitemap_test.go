package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
)

func TestParseSitemap(t *testing.T) {
	news := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
  xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
 <url>
  <loc>https://news.example.com/business/2026/11/30/cloud-review.html</loc>
  <lastmod>2026-11-30T10:05:00+01:00</lastmod>
  <news:news>
   <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
   <news:publication_date>2026-11-30T09:00:00+01:00</news:publication_date>
   <news:title>US weighs curbs on Chinese cloud providers &amp; their partners</news:title>
   <news:keywords>cloud, trade ,  China</news:keywords>
  </news:news>
  <image:image><image:loc>https://img.example.com/a.jpg</image:loc></image:image>
 </url>
 <url><loc>  https://news.example.com/world/story-2  </loc><lastmod>2026-11-29</lastmod></url>
 <url><loc>/relative/dropped</loc></url>
 <url><loc>javascript:alert(1)</loc></url>
</urlset>`
	sm, err := ParseSitemap([]byte(news), "https://news.example.com/news.xml", 100, 1<<20)
	if err != nil {
		t.Fatalf("ParseSitemap: %v", err)
	}
	if len(sm.URLs) != 2 || len(sm.Children) != 0 {
		t.Fatalf("got %d URLs, %d children; want 2, 0", len(sm.URLs), len(sm.Children))
	}
	e := sm.URLs[0]
	if e.Title != "US weighs curbs on Chinese cloud providers & their partners" || e.Publication != "Example News" || e.Language != "en" {
		t.Errorf("news fields = %+v", e)
	}
	if want := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC); !e.Published.Equal(want) || !e.date().Equal(want) {
		t.Errorf("published = %v, want %v", e.Published, want)
	}
	if got := strings.Join(e.Keywords, "|"); got != "cloud|trade|China" {
		t.Errorf("keywords = %q, want cloud|trade|China", got)
	}
	if got := sm.URLs[1]; got.URL != "https://news.example.com/world/story-2" || !got.LastMod.Equal(time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("second entry = %+v", got)
	}
}

func TestParseSitemapIndexGzipAndText(t *testing.T) {
	index := `<?xml version="1.0" encoding="ISO-8859-1"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://e.com/a.xml.gz</loc><lastmod>2026-11-30T12:00Z</lastmod></sitemap>
<sitemap><loc>https://e.com/b.xml</loc></sitemap></sitemapindex>`
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(index))
	zw.Close()
	sm, err := ParseSitemap(gz.Bytes(), "https://e.com/index.xml.gz", 100, 1<<20)
	if err != nil || len(sm.Children) != 2 || sm.Children[0].LastMod.IsZero() {
		t.Fatalf("gzip index: %+v, %v; want 2 children, the first dated", sm, err)
	}
	text := "https://e.com/one\n\nnot a url\nhttps://e.com/two\r\n"
	sm, err = ParseSitemap([]byte(text), "https://e.com/sitemap.txt", 100, 1<<20)
	if err != nil || len(sm.URLs) != 2 {
		t.Fatalf("text sitemap: %+v, %v; want 2 URLs", sm, err)
	}
	if _, err := ParseSitemap([]byte("<html><body>Not here</body></html>"), "https://e.com/sitemap.xml", 100, 1<<20); !errors.Is(err, ErrNotSitemap) {
		t.Errorf("HTML page: err = %v, want ErrNotSitemap", err)
	}
}

func TestParseSitemapLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<urlset>`)
	for range 500 {
		b.WriteString(`<url><loc>https://e.com/x</loc></url>`)
	}
	b.WriteString(`</urlset>`)
	sm, err := ParseSitemap([]byte(b.String()), "https://e.com/s.xml", 10, 1<<20)
	if err != nil || len(sm.URLs) != 10 {
		t.Errorf("got %d entries, %v; want the first 10", len(sm.URLs), err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("<url><loc>https://e.com/y</loc></url>"), 100000))
	zw.Close()
	if _, err := ParseSitemap(gz.Bytes(), "https://e.com/bomb.xml.gz", 10, 64<<10); !errors.Is(err, fetch.ErrTooLarge) {
		t.Errorf("gzip over the limit: err = %v, want fetch.ErrTooLarge", err)
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://e.com/a</loc><lastmod>2026-01-01</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://e.com/s.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte("https://e.com/a\nhttps://e.com/b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := ParseSitemap(data, "https://e.com/s.xml", 50, 1<<20)
		if err != nil {
			return
		}
		if len(sm.URLs) > 50 || len(sm.Children) > 50 {
			t.Errorf("%d URLs, %d children; want at most 50 each", len(sm.URLs), len(sm.Children))
		}
		for _, e := range append(sm.URLs, sm.Children...) {
			if absoluteHTTP(e.URL) == "" {
				t.Errorf("entry %q is not an absolute http(s) URL", e.URL)
			}
		}
	})
}
