package crawl

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/stretchr/testify/require"
)

// testSite serves testdata/site as http://localhost:PORT, replacing {{BASE}},
// {{BASE_UPPER}} and {{NOW}} in the files, and counts requests per path.
type testSite struct {
	*httptest.Server
	Base     string
	dir      string
	mu       sync.Mutex
	hits     map[string]int
	override map[string]http.HandlerFunc // path → handler, checked first
}

func newTestSite(t testing.TB, dir string) *testSite {
	t.Helper()
	s := &testSite{dir: dir, hits: map[string]int{}, override: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	_, port, err := net.SplitHostPort(s.Listener.Addr().String())
	require.NoError(t, err)
	s.Base = "http://localhost:" + port
	return s
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.RequestURI()]++
	h := s.override[r.URL.Path]
	s.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	name := r.URL.Path
	switch {
	case strings.HasSuffix(name, "/") && r.URL.Query().Get("page") == "2":
		name += "page2.html"
	case strings.HasSuffix(name, "/"):
		name += "index.html"
	case path.Ext(name) == "":
		name += ".html"
	}
	data, err := os.ReadFile(s.dir + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	data = bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte(s.Base))
	data = bytes.ReplaceAll(data, []byte("{{BASE_UPPER}}"), []byte(strings.ToUpper(s.Base)))
	data = bytes.ReplaceAll(data, []byte("{{NOW}}"), []byte(time.Now().UTC().Format(time.RFC3339)))
	switch path.Ext(name) {
	case ".xml":
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	case ".txt":
		w.Header().Set("Content-Type", "text/plain")
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Write(data)
}

// hit returns how often the request URI uri was served.
func (s *testSite) hit(uri string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[uri]
}

func (s *testSite) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

// handle replaces what path serves.
func (s *testSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	s.override[path] = h
	s.mu.Unlock()
}

// recorder is a Publisher that keeps what it is given.
type recorder struct {
	mu   sync.Mutex
	raws []newsintel.Raw
	err  error
}

func (r *recorder) PublishRaw(_ context.Context, raw newsintel.Raw) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return r.err
	}
	r.raws = append(r.raws, raw)
	return nil
}

// byURL returns the published documents keyed by their canonical path.
func (r *recorder) ids() map[string]newsintel.Raw {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]newsintel.Raw{}
	for _, raw := range r.raws {
		out[raw.ID] = raw
	}
	return out
}

func (r *recorder) len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.raws)
}

// testClient is a fetch client for httptest servers: private networks
// allowed, fast per-host rate, no retries.
func testClient(o fetch.Options) *fetch.Client {
	o.AllowPrivate = true
	if o.PerHostRate == 0 {
		o.PerHostRate = 1000
	}
	if o.PerHostConcurrency == 0 {
		o.PerHostConcurrency = 8
	}
	o.UserAgent = "newsintel-test/1.0 (+mailto:ops@example.org)"
	o.Timeout = 5 * time.Second
	return fetch.New(o)
}

// runCrawl makes a crawler with opts (Once set) and runs it to the end.
func runCrawl(t *testing.T, client *fetch.Client, pub *recorder, state State, opts Options) *Crawler {
	t.Helper()
	opts.Once = true
	c, err := New(client, pub, state, opts, nil)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	require.NoError(t, c.Run(ctx))
	return c
}

// runCallbacks runs the crawler's HTML callbacks over html served at p's URL
// without a network: a transport that answers every request with html.
func runCallbacks(t *testing.T, p *page, html string) {
	t.Helper()
	col := colly.NewCollector()
	col.WithTransport(staticTransport(html))
	col.OnHTML("html", onHTML)
	ctx := colly.NewContext()
	ctx.Put("page", p)
	require.NoError(t, col.Request("GET", p.finalURL.String(), nil, ctx, nil))
}

type staticTransport string

func (s staticTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"text/html"}},
		Body: io.NopCloser(strings.NewReader(string(s))), Request: r}, nil
}
