package crawl

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
)

// benchSite serves a news site of sections index pages, each linking to
// perSection articles of about 12 KB with JSON-LD, nav and footer furniture.
func benchSite(sections, perSection int) *httptest.Server {
	para := strings.Repeat("The ministry said on Tuesday that the review would take several months, according to two officials familiar with the plan. ", 8)
	nav := strings.Repeat(`<li><a href="/section-0/">Section</a></li>`, 20)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var s, a int
		switch {
		case r.URL.Path == "/":
			fmt.Fprint(w, `<html><head><title>Home</title></head><body><ul>`)
			for i := range sections {
				fmt.Fprintf(w, `<li><a href="/section-%d/">Section %d</a></li>`, i, i)
			}
			fmt.Fprint(w, `</ul></body></html>`)
		case sscanf(r.URL.Path, "/section-%d/story-%d", &s, &a) == 2:
			fmt.Fprintf(w, `<html><head><title>Story %d-%d</title><link rel="canonical" href="/section-%d/story-%d">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Story %d-%d"}</script></head>
<body><nav><ul>%s</ul></nav><article><h1>Story</h1>`, s, a, s, a, s, a, nav)
			for range 10 {
				fmt.Fprintf(w, "<p>%s</p>", para)
			}
			fmt.Fprintf(w, `<a href="/section-%d/story-%d">next</a></article><footer>Copyright</footer></body></html>`, s, (a+1)%perSection)
		case sscanf(r.URL.Path, "/section-%d/", &s) == 1:
			fmt.Fprintf(w, `<html><head><title>Section %d</title><meta property="og:type" content="website"></head><body><nav><ul>%s</ul></nav><ul>`, s, nav)
			for i := range perSection {
				fmt.Fprintf(w, `<li><a href="/section-%d/story-%d?utm_source=section">Story %d</a></li>`, s, i, i)
			}
			fmt.Fprint(w, `</ul></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
}

func sscanf(s, format string, args ...any) int {
	n, _ := fmt.Sscanf(s, format, args...)
	return n
}

// BenchmarkCrawl crawls a local site of 1 + 20 + 300 pages and reports
// pages per second (8 workers, 8 requests per host, no delay).
func BenchmarkCrawl(b *testing.B) {
	srv := benchSite(20, 15)
	defer srv.Close()
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1e6, PerHostConcurrency: 8, Concurrency: 16, Timeout: 10 * time.Second})
	b.ReportAllocs()
	var pages int
	start := time.Now()
	for b.Loop() {
		pub := &recorder{}
		c, err := New(client, pub, nil, Options{Seeds: []string{srv.URL + "/"}, MaxDepth: 2, Workers: 8, Parallelism: 8, Once: true, NoSitemaps: true}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.Run(b.Context()); err != nil {
			b.Fatal(err)
		}
		if st := c.Stats(); st.Published != 300 || st.Fetched != 321 {
			b.Fatalf("fetched %d, published %d; want 321, 300", st.Fetched, st.Published)
		}
		pages += c.Stats().Fetched
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}
