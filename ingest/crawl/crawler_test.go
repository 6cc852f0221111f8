package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/urlcanon"
	"github.com/stretchr/testify/require"
)

func siteOptions(site *testSite) Options {
	return Options{Name: "ledger", Seeds: []string{site.Base + "/"}, MaxDepth: 2, SitemapMaxAge: 30 * 24 * time.Hour}
}

func idOf(t *testing.T, u string) string {
	t.Helper()
	c, err := urlcanon.Canonical(u)
	require.NoError(t, err)
	return newsintel.ArticleID(c)
}

func TestCrawlSite(t *testing.T) {
	site := newTestSite(t, "testdata/site")
	pub := &recorder{}
	var statuses []newsintel.SourceStatus
	opts := siteOptions(site)
	opts.OnStatus = func(s newsintel.SourceStatus) { statuses = append(statuses, s) }
	c := runCrawl(t, testClient(fetch.Options{}), pub, nil, opts)
	if len(statuses) != 1 || statuses[0].ItemsSeen != 5 || statuses[0].LastSuccess.IsZero() || statuses[0].LastNewItem.IsZero() || statuses[0].Name != "ledger" || statuses[0].Type != "crawl" {
		t.Errorf("statuses = %+v; want one, named ledger, type crawl, with 5 items, a success and a last new item", statuses)
	}

	want := map[string]string{
		idOf(t, site.Base+"/2026/11/30/commerce-reviews-cloud-contracts"): "json-ld in @graph, reached by five URLs",
		idOf(t, site.Base+"/2026/11/30/port-authority-dredging-plan"):     "og:type=article",
		idOf(t, site.Base+"/2026/11/29/senators-press-agency"):            "json-ld array, type list",
		idOf(t, site.Base+"/opinion/2026/the-case-for-open-ports"):        "BlogPosting at depth 2",
		idOf(t, site.Base+"/2026/11/30/harbour-tariff-sitemap-only"):      "only in the news sitemap",
	}
	got := pub.ids()
	for id, why := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("article %s (%s) not published", id, why)
		}
	}
	if pub.len() != len(want) {
		var urls []string
		for _, r := range pub.raws {
			urls = append(urls, r.URL)
		}
		t.Errorf("published %d documents %v, want %d", pub.len(), urls, len(want))
	}
	// The same article by five URLs (tracking parameters, a fragment, an
	// upper-case host, a print variant declaring the canonical URL, the news
	// sitemap) was fetched at most twice (canonical and print variant).
	if n := site.hit("/2026/11/30/commerce-reviews-cloud-contracts"); n != 1 {
		t.Errorf("canonical article fetched %d times, want 1", n)
	}
	if n := site.hit("/2026/11/30/commerce-reviews-cloud-contracts?output=print"); n != 1 {
		t.Errorf("print variant fetched %d times, want 1", n)
	}
	for _, uri := range []string{"/private/internal-memo", "/private/staff-only", "/2026/11/20/older-story", "/2019/01/05/archive-story", "/reports/annual-2025.pdf"} {
		if n := site.hit(uri); n != 0 {
			t.Errorf("%s fetched %d times, want 0 (robots.txt, depth, sitemap age or file type)", uri, n)
		}
	}
	if n := site.hit("/politics/?page=2"); n != 1 {
		t.Errorf("rel=next page fetched %d times, want 1", n)
	}
	st := c.Stats()
	if st.Disallowed != 2 || st.Duplicates != 1 || st.Sitemaps != 2 {
		t.Errorf("stats %+v: got disallowed %d, duplicates %d, sitemaps %d; want 2, 1, 2", st, st.Disallowed, st.Duplicates, st.Sitemaps)
	}
}

func TestSitemapMetadataTravels(t *testing.T) {
	site := newTestSite(t, "testdata/site")
	pub := &recorder{}
	runCrawl(t, testClient(fetch.Options{}), pub, nil, siteOptions(site))
	raw, ok := pub.ids()[idOf(t, site.Base+"/2026/11/30/harbour-tariff-sitemap-only")]
	require.True(t, ok, "sitemap-only article published")
	require.NotNil(t, raw.Item, "news sitemap metadata carried as Item")
	if raw.Item.Title != "Harbour tariffs to rise in January" || raw.Item.FeedTitle != "The Harbour Ledger" || raw.Item.Published.IsZero() {
		t.Errorf("item = %+v; want news:title, news:name and news:publication_date", raw.Item)
	}
	if got, want := strings.Join(raw.Item.Categories, ","), "tariffs,harbour,shipping"; got != want {
		t.Errorf("keywords = %q, want %q", got, want)
	}
	if raw.Source != "ledger" || raw.Kind != newsintel.KindArticle || !strings.HasPrefix(raw.ContentType, "text/html") || len(raw.Body) == 0 {
		t.Errorf("raw = source %q kind %q type %q body %d bytes; want ledger, article, text/html, a body", raw.Source, raw.Kind, raw.ContentType, len(raw.Body))
	}
}

func TestRobotsUnavailableFetchesNothing(t *testing.T) {
	for _, code := range []int{500, 503, 429} {
		t.Run(http.StatusText(code), func(t *testing.T) {
			site := newTestSite(t, "testdata/site")
			site.handle("/robots.txt", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "down", code) })
			pub := &recorder{}
			c := runCrawl(t, testClient(fetch.Options{}), pub, nil, siteOptions(site))
			if n := site.total() - site.hit("/robots.txt"); n != 0 {
				t.Errorf("fetched %d pages besides robots.txt, want 0", n)
			}
			if pub.len() != 0 || c.Stats().Deferred == 0 {
				t.Errorf("published %d, deferred %d; want 0 published and the seed deferred", pub.len(), c.Stats().Deferred)
			}
		})
	}
}

func TestRobots4xxAllowsAll(t *testing.T) {
	site := newTestSite(t, "testdata/site")
	site.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "forbidden", http.StatusForbidden) })
	pub := &recorder{}
	runCrawl(t, testClient(fetch.Options{}), pub, nil, siteOptions(site))
	if site.hit("/private/internal-memo") != 1 {
		t.Errorf("/private/internal-memo fetched %d times with a 403 robots.txt, want 1", site.hit("/private/internal-memo"))
	}
}

func TestMaxDepth(t *testing.T) {
	site := newTestSite(t, t.TempDir())
	for i := range 5 {
		site.handle(chainPath(i), func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><meta property="og:type" content="article"><title>Part ` + string(rune('0'+i)) +
				`</title></head><body><p>Part of a series.</p><a href="` + chainPath(i+1) + `">next part</a></body></html>`))
		})
	}
	pub := &recorder{}
	runCrawl(t, testClient(fetch.Options{}), pub, nil, Options{Seeds: []string{site.Base + chainPath(0)}, MaxDepth: 2})
	for i := range 5 {
		want := 0
		if i <= 2 {
			want = 1
		}
		if got := site.hit(chainPath(i)); got != want {
			t.Errorf("%s (depth %d) fetched %d times, want %d", chainPath(i), i, got, want)
		}
	}
	if pub.len() != 3 {
		t.Errorf("published %d, want 3", pub.len())
	}
}

func chainPath(i int) string { return "/series/part-" + string(rune('0'+i)) }

func TestPrivateAddressRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var accepted atomic.Int32
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			conn.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	guarded := fetch.New(fetch.Options{AllowPrivate: false, Timeout: 2 * time.Second, Retries: 0})
	pub := &recorder{}
	c := runCrawl(t, guarded, pub, nil, Options{Seeds: []string{"http://" + ln.Addr().String() + "/"}})
	if n := accepted.Load(); n != 0 {
		t.Errorf("the loopback listener accepted %d connections, want 0", n)
	}
	st := c.Stats()
	if pub.len() != 0 || len(st.Errors) == 0 || !strings.Contains(strings.Join(st.Errors, "\n"), "address refused") {
		t.Errorf("published %d, errors %q; want nothing published and an 'address refused' error", pub.len(), st.Errors)
	}
	if s := c.Status(); s.ConsecutiveFailures != 1 || !strings.Contains(s.LastError, "address refused") || s.LastPoll.IsZero() || !s.LastSuccess.IsZero() {
		t.Errorf("status = %+v; want one failure naming the refusal and no success", s)
	}
}

func TestBodyLimitAfterGzip(t *testing.T) {
	site := newTestSite(t, t.TempDir())
	page := []byte(`<html><head><meta property="og:type" content="article"><title>Big</title></head><body><p>` +
		strings.Repeat("All work and no play makes a very large page. ", 40000) + `</p></body></html>`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	require.Less(t, gz.Len(), 64<<10, "compressed page is under the limit")
	site.handle("/big", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	})
	pub := &recorder{}
	c := runCrawl(t, testClient(fetch.Options{MaxBodySize: 256 << 10}), pub, nil, Options{Seeds: []string{site.Base + "/big"}})
	st := c.Stats()
	if pub.len() != 0 || st.Failed != 1 || !strings.Contains(strings.Join(st.Errors, "\n"), "size limit") {
		t.Errorf("published %d, failed %d, errors %q; want the %d-byte page refused over the 256 KiB limit", pub.len(), st.Failed, st.Errors, len(page))
	}
}

func TestRevisitSkipsVisitedPages(t *testing.T) {
	site := newTestSite(t, "testdata/site")
	state := &MemoryState{}
	pub := &recorder{}
	opts := siteOptions(site)
	runCrawl(t, testClient(fetch.Options{}), pub, state, opts)
	first := pub.len()
	before := site.hit("/2026/11/30/port-authority-dredging-plan")
	runCrawl(t, testClient(fetch.Options{}), pub, state, opts)
	if pub.len() != first {
		t.Errorf("second run published %d more documents, want 0", pub.len()-first)
	}
	if got := site.hit("/2026/11/30/port-authority-dredging-plan"); got != before {
		t.Errorf("visited article fetched again: %d fetches, want %d", got, before)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	client := testClient(fetch.Options{})
	for name, o := range map[string]Options{
		"no seeds":         {},
		"relative seed":    {Seeds: []string{"/news"}},
		"ftp seed":         {Seeds: []string{"ftp://example.com/"}},
		"bad include":      {Seeds: []string{"https://example.com/"}, Include: []string{"("}},
		"bad domain":       {Seeds: []string{"https://example.com/"}, AllowedDomains: []string{"https://example.com/"}},
		"negative depth":   {Seeds: []string{"https://example.com/"}, MaxDepth: -1},
		"bad name":         {Seeds: []string{"https://example.com/"}, Name: "my crawl"},
		"bad article rule": {Seeds: []string{"https://example.com/"}, ArticlePatterns: []string{"[a-"}},
	} {
		if _, err := New(client, &recorder{}, nil, o, nil); err == nil {
			t.Errorf("%s: New returned no error", name)
		}
	}
}

func TestRunRevisitsIndexPages(t *testing.T) {
	site := newTestSite(t, t.TempDir())
	var stories atomic.Int32
	stories.Store(1)
	site.handle("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><title>Home</title></head><body>`))
		for i := range stories.Load() {
			w.Write([]byte(`<a href="/story-` + string(rune('a'+i)) + `">story</a>`))
		}
		w.Write([]byte(`</body></html>`))
	})
	for i := range 3 {
		site.handle("/story-"+string(rune('a'+i)), func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><meta property="og:type" content="article"><title>Story</title></head><body><p>Text.</p></body></html>`))
		})
	}
	pub := &recorder{}
	c, err := New(testClient(fetch.Options{}), pub, nil, Options{Seeds: []string{site.Base + "/"}, MaxDepth: 1, Revisit: 300 * time.Millisecond}, nil)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	waitFor(t, func() bool { return pub.len() == 1 }, "first story published")
	stories.Store(3)
	waitFor(t, func() bool { return pub.len() == 3 }, "new stories published on a revisit of the home page")
	cancel()
	require.NoError(t, <-done, "Run returns nil when its context ends")
	if n := site.hit("/story-a"); n != 1 {
		t.Errorf("the first story was fetched %d times, want 1 (articles are not revisited by default)", n)
	}
}

func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPublishFailureKeepsTheFrontier(t *testing.T) {
	site := newTestSite(t, "testdata/site")
	state := &MemoryState{}
	pub := &recorder{err: errors.New("nats: no responders")}
	c, err := New(testClient(fetch.Options{}), pub, state, Options{Name: "ledger", Seeds: []string{site.Base + "/"}, MaxDepth: 1, Once: true, Workers: 1}, nil)
	require.NoError(t, err)
	err = c.Run(t.Context())
	if err == nil || !strings.Contains(err.Error(), "no responders") {
		t.Fatalf("Run = %v, want the publish error", err)
	}
	queued := 0
	require.NoError(t, state.Scan(t.Context(), "ledger.f.", func(string, []byte) error { queued++; return nil }))
	if queued == 0 {
		t.Fatalf("no frontier entries kept after the publish failure")
	}
	pub.mu.Lock()
	pub.err = nil
	pub.mu.Unlock()
	runCrawl(t, testClient(fetch.Options{}), pub, state, Options{Name: "ledger", Seeds: []string{site.Base + "/"}, MaxDepth: 1})
	if _, ok := pub.ids()[idOf(t, site.Base+"/2026/11/30/harbour-tariff-sitemap-only")]; !ok {
		t.Errorf("the article whose publishing failed was not published on the next run")
	}
}

func TestVariantLeadsToCanonicalPage(t *testing.T) {
	site := newTestSite(t, t.TempDir())
	story := func(part string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><title>Budget story</title><link rel="canonical" href="/news/budget-story">
<meta property="og:type" content="article"></head><body><p>` + part + `</p></body></html>`))
		}
	}
	site.handle("/news/budget-story", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "2" {
			story("Second half of the story.")(w, r)
			return
		}
		story("First half of the story.")(w, r)
	})
	site.handle("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><a href="/news/budget-story?page=2">Continue reading</a></body></html>`))
	})
	pub := &recorder{}
	runCrawl(t, testClient(fetch.Options{}), pub, nil, Options{Seeds: []string{site.Base + "/"}, MaxDepth: 1})
	if pub.len() != 1 {
		t.Fatalf("published %d documents, want 1", pub.len())
	}
	raw := pub.raws[0]
	if raw.ID != idOf(t, site.Base+"/news/budget-story") || !strings.Contains(string(raw.Body), "First half") {
		t.Errorf("published %s with body %q; want the canonical page itself", raw.URL, raw.Body)
	}
}

func TestCrawlDelayFromRobots(t *testing.T) {
	site := newTestSite(t, t.TempDir())
	site.handle("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("User-agent: *\nCrawl-delay: 0.3\n"))
	})
	var mu sync.Mutex
	var times []time.Time
	page := func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><a href="/a">a</a><a href="/b">b</a><a href="/c">c</a></body></html>`))
	}
	for _, p := range []string{"/", "/a", "/b", "/c"} {
		site.handle(p, page)
	}
	runCrawl(t, testClient(fetch.Options{}), &recorder{}, nil, Options{Seeds: []string{site.Base + "/"}, MaxDepth: 1, Parallelism: 4, NoSitemaps: true})
	require.Len(t, times, 4)
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 250*time.Millisecond {
			t.Errorf("request %d came %v after the one before, want at least the 0.3s Crawl-delay", i, gap)
		}
	}
}

func TestWellKnownSitemapWithGzipChild(t *testing.T) {
	site := newTestSite(t, t.TempDir())
	site.handle("/sitemap.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.Write([]byte(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
			`<sitemap><loc>` + site.Base + `/sitemaps/news.xml.gz</loc></sitemap></sitemapindex>`))
	})
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` +
		`<url><loc>` + site.Base + `/world/quake-relief</loc><news:news><news:publication><news:name>Daily Wire Service</news:name><news:language>en</news:language></news:publication>` +
		`<news:publication_date>` + time.Now().UTC().Format(time.RFC3339) + `</news:publication_date><news:title>Relief flights reach quake zone</news:title></news:news></url></urlset>`))
	zw.Close()
	site.handle("/sitemaps/news.xml.gz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gz.Bytes())
	})
	site.handle("/world/quake-relief", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><meta property="og:type" content="article"><title>Relief flights reach quake zone</title></head><body><p>Flights landed on Sunday, officials said.</p></body></html>`))
	})
	pub := &recorder{}
	c := runCrawl(t, testClient(fetch.Options{}), pub, nil, Options{Seeds: []string{site.Base + "/world/"}, MaxDepth: 0})
	raw, ok := pub.ids()[idOf(t, site.Base+"/world/quake-relief")]
	if !ok || raw.Item == nil || raw.Item.Title != "Relief flights reach quake zone" {
		t.Errorf("published %d documents (stats %+v); want the article of the gzipped news sitemap with its title", pub.len(), c.Stats())
	}
	if c.Stats().Sitemaps != 2 {
		t.Errorf("read %d sitemaps, want 2 (the index at /sitemap.xml and its gzipped child)", c.Stats().Sitemaps)
	}
}

func TestCollyEnvironmentIgnored(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("COLLY_CACHE_DIR", cache)
	t.Setenv("COLLY_MAX_BODY_SIZE", "10")
	t.Setenv("COLLY_IGNORE_ROBOTSTXT", "false")
	t.Setenv("COLLY_ALLOWED_DOMAINS", "nowhere.example")
	site := newTestSite(t, "testdata/site")
	pub := &recorder{}
	runCrawl(t, testClient(fetch.Options{}), pub, nil, siteOptions(site))
	if pub.len() != 5 {
		t.Errorf("published %d with COLLY_* set, want 5", pub.len())
	}
	for _, raw := range pub.raws {
		if len(raw.Body) < 100 {
			t.Errorf("%s: body of %d bytes; COLLY_MAX_BODY_SIZE must not apply", raw.URL, len(raw.Body))
		}
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 0 {
		t.Errorf("colly wrote %d cache entries; COLLY_CACHE_DIR must not apply", len(entries))
	}
}
