package pipelines

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/crawl"
	"github.com/newsintel/newsintel/ingest/fetch"
)

var _ crawl.State = (*CrawlState)(nil)

func TestCrawlStateKV(t *testing.T) {
	_, bus := newTestBus(t)
	st, err := bus.CrawlState(t.Context())
	require.NoError(t, err)
	ctx := t.Context()
	require.NoError(t, st.Put(ctx, "site.f.aa", []byte("1")))
	require.NoError(t, st.Put(ctx, "site.f.bb", []byte("2")))
	require.NoError(t, st.Put(ctx, "site.v.aa", []byte("3")))
	require.NoError(t, st.Put(ctx, "other.f.cc", []byte("4")))
	require.NoError(t, st.Delete(ctx, "site.f.bb"))
	require.NoError(t, st.Delete(ctx, "site.f.never"))

	v, ok, err := st.Get(ctx, "site.v.aa")
	if err != nil || !ok || string(v) != "3" {
		t.Errorf("Get(site.v.aa) = %q, %v, %v; want \"3\", true, nil", v, ok, err)
	}
	if _, ok, err := st.Get(ctx, "site.f.bb"); ok || err != nil {
		t.Errorf("Get(deleted) = ok %v, err %v; want false, nil", ok, err)
	}
	var keys []string
	require.NoError(t, st.Scan(ctx, "site.f.", func(k string, _ []byte) error { keys = append(keys, k); return nil }))
	if got := strings.Join(keys, ","); got != "site.f.aa" {
		t.Errorf("Scan(site.f.) = %q, want site.f.aa", got)
	}
	if err := st.Scan(ctx, "site", func(string, []byte) error { return nil }); err == nil {
		t.Errorf("Scan with a prefix not ending in '.' returned no error")
	}
}

// seriesSite serves a home page linking to n articles and counts requests.
type seriesSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newSeriesSite(t *testing.T, n int) *seriesSite { return newSeriesSiteB(t, n) }

func newSeriesSiteB(t testing.TB, n int) *seriesSite {
	s := &seriesSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/":
			fmt.Fprint(w, `<html><head><title>Home</title><meta property="og:type" content="website"></head><body>`)
			for i := range n {
				fmt.Fprintf(w, `<a href="/news/story-%d">Story %d</a>`, i, i)
			}
			fmt.Fprint(w, `</body></html>`)
		case strings.HasPrefix(r.URL.Path, "/news/story-"):
			fmt.Fprintf(w, `<html><head><title>%s</title><meta property="og:type" content="article"></head><body><p>The council met on Monday, officials said.</p></body></html>`, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

type rawRecorder struct {
	mu  sync.Mutex
	ids []string
}

func (r *rawRecorder) PublishRaw(_ context.Context, raw newsintel.Raw) error {
	r.mu.Lock()
	r.ids = append(r.ids, raw.ID)
	r.mu.Unlock()
	return nil
}

// crawlOnce runs one crawler over site with its state on a fresh
// connection to the server whose store is dir, and shuts the server down.
func crawlOnce(t *testing.T, dir string, site *seriesSite, pub *rawRecorder, maxPages int) crawl.Stats {
	t.Helper()
	srv, err := StartServer(t.Context(), ServerOptions{StoreDir: dir, Listen: "127.0.0.1:0", MaxMemory: 64 << 20, MaxStore: 1 << 30, SyncInterval: "always"}, testLogger())
	require.NoError(t, err)
	defer srv.Shutdown()
	bus, err := Connect(t.Context(), srv.ClientURL(), t.Name(), testLogger())
	require.NoError(t, err)
	defer bus.Close()
	require.NoError(t, bus.EnsureTopology(t.Context(), testStreams()))
	state, err := bus.CrawlState(t.Context())
	require.NoError(t, err)
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1000, PerHostConcurrency: 4, Timeout: 5 * time.Second})
	c, err := crawl.New(client, pub, state, crawl.Options{
		Name: "series", Seeds: []string{site.URL + "/"}, MaxDepth: 1, Workers: 1, Parallelism: 1, MaxPages: maxPages, Once: true,
	}, testLogger())
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	require.NoError(t, c.Run(ctx))
	return c.Stats()
}

func TestCrawlResumesFromKV(t *testing.T) {
	const n = 10
	site := newSeriesSite(t, n)
	dir := t.TempDir()
	pub := &rawRecorder{}

	first := crawlOnce(t, dir, site, pub, 4)
	if first.Fetched != 4 || first.Queued == 0 {
		t.Fatalf("first run fetched %d, left %d queued; want 4 fetched and the rest queued", first.Fetched, first.Queued)
	}
	second := crawlOnce(t, dir, site, pub, 0)
	if second.Fetched != n+1-4 {
		t.Errorf("second run fetched %d pages, want %d (the rest of the frontier, nothing twice)", second.Fetched, n+1-4)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	for path, hits := range site.hits {
		if hits != 1 && path != "/robots.txt" && path != "/sitemap.xml" {
			t.Errorf("%s fetched %d times, want 1", path, hits)
		}
	}
	ids := append([]string(nil), pub.ids...)
	sort.Strings(ids)
	distinct := 0
	for i := range ids {
		if i == 0 || ids[i] != ids[i-1] {
			distinct++
		}
	}
	if len(ids) != n || distinct != n {
		t.Errorf("published %d documents (%d distinct), want %d once each", len(ids), distinct, n)
	}
}

// BenchmarkCrawlWithKVState crawls a local site of 301 pages with the
// frontier and visited set in JetStream KV and reports pages per second.
func BenchmarkCrawlWithKVState(b *testing.B) {
	site := newSeriesSiteB(b, 300)
	_, bus := newTestBus(b)
	state, err := bus.CrawlState(b.Context())
	require.NoError(b, err)
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1e6, PerHostConcurrency: 8, Timeout: 10 * time.Second})
	b.ReportAllocs()
	pages, run := 0, 0
	start := time.Now()
	for b.Loop() {
		run++
		c, err := crawl.New(client, &rawRecorder{}, state, crawl.Options{
			Name: fmt.Sprintf("bench%d", run), Seeds: []string{site.URL + "/"}, MaxDepth: 1, Workers: 8, Parallelism: 8, Once: true, NoSitemaps: true,
		}, nil)
		require.NoError(b, err)
		require.NoError(b, c.Run(b.Context()))
		if st := c.Stats(); st.Fetched != 301 {
			b.Fatalf("fetched %d, want 301", st.Fetched)
		}
		pages += c.Stats().Fetched
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}
