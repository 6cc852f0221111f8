package poll_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/ingest/poll"
)

// hostile serves the bad inputs a feed poller meets in the wild.
func hostile(t testing.TB) *httptest.Server {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte{0}, 64<<20)) // 64 MiB of zeros, about 64 KiB compressed
	zw.Close()
	var huge strings.Builder
	huge.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
	for i := range 100000 {
		fmt.Fprintf(&huge, "<item><guid>n%d</guid><description>brief %d</description></item>", i, i)
	}
	huge.WriteString("</channel></rss>")
	rssOf := func(title string) string {
		return `<rss version="2.0"><channel><title>T</title><item><title>` + title + `</title><guid>g1</guid><description>Text of the item.</description></item></channel></rss>`
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Page moved</h1></body></html>")
	})
	mux.HandleFunc("/truncated", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>First</title><guid>a</guid><description>Some te`)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, huge.String())
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.WriteHeader(200)
		for _, c := range []byte(rssOf("slow")) {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
			w.Write([]byte{c})
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/bad-utf8", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, rssOf("Caf\xe9 \xff\xfe owners said"))
	})
	mux.HandleFunc("/bogus-charset", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=x-no-such-charset")
		fmt.Fprint(w, `<?xml version="1.0" encoding="x-no-such-charset"?>`+rssOf("Ports reopen"))
	})
	mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml") // no charset: the declaration names it
		fmt.Fprint(w, `<?xml version="1.0" encoding="windows-1252"?>`+rssOf("Caf\xe9 owners \x96 a na\xefve plan"))
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestBadInput(t *testing.T) {
	store, srv := startNATS(t), hostile(t)
	pub := &published{}
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1000, PerHostConcurrency: 16, Timeout: 2 * time.Second, Retries: -1})
	p := store.newPoller(t, pub, client)
	cases := []struct {
		path  string
		class string // "" for a poll that succeeds
		items int64  // items published by a successful poll
		title string // title of the published item, when one
	}{
		{"/html", "not_feed", 0, ""},
		{"/truncated", "parse", 0, ""},
		{"/huge", "", poll.DefaultMaxNewItems, ""},
		{"/slow", "timeout", 0, ""},
		{"/loop-a", "redirect", 0, ""},
		{"/bad-utf8", "", 1, "Caf\uFFFD \uFFFD owners said"},
		{"/bogus-charset", "", 1, "Ports reopen"},
		{"/cp1252", "", 1, "Café owners – a naïve plan"},
		{"/bomb", "too_large", 0, ""},
	}
	for _, c := range cases {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			before := len(pub.list())
			start := time.Now()
			st, err := p.Poll(t.Context(), poll.Feed{Name: "hostile", URL: srv.URL + c.path, Interval: time.Minute})
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("poll of %s took %v, want it bounded by the 2s fetch timeout", c.path, took)
			}
			if c.class != "" {
				if err == nil || st.ErrorClass != c.class || st.LastError == "" || st.ConsecutiveFailures != 1 {
					t.Errorf("poll of %s: got error %v, class %q, last error %q, failures %d; want class %q recorded", c.path, err, st.ErrorClass, st.LastError, st.ConsecutiveFailures, c.class)
				}
				if n := p.Counters()["errors."+c.class]; n < 1 {
					t.Errorf("counter errors.%s: got %d, want at least 1", c.class, n)
				}
				return
			}
			require.NoError(t, err, "poll of %s", c.path)
			if st.ItemsSeen != c.items {
				t.Errorf("poll of %s: got %d items, want %d", c.path, st.ItemsSeen, c.items)
			}
			raws := pub.list()[before:]
			for _, r := range raws {
				if !utf8.ValidString(r.Item.Title) || !utf8.Valid(r.Body) {
					t.Errorf("poll of %s: got invalid UTF-8 in %q", c.path, r.Item.Title)
				}
			}
			if c.title != "" && (len(raws) != 1 || raws[0].Item.Title != c.title) {
				t.Errorf("poll of %s: got %d items, first %+v; want title %q", c.path, len(raws), raws, c.title)
			}
		})
	}
}

func TestHugeFeedLeavesTheRestForLater(t *testing.T) {
	store, srv := startNATS(t), hostile(t)
	pub := &published{}
	p := store.newPoller(t, pub, testClient(5*time.Second))
	p.MaxNewItems = 500
	f := poll.Feed{Name: "huge", URL: srv.URL + "/huge", Interval: time.Minute}
	for range 2 {
		_, err := p.Poll(t.Context(), f)
		require.NoError(t, err)
	}
	raws := pub.list()
	if len(raws) != 1000 {
		t.Fatalf("two polls of a 100 000-item feed: got %d published, want 1000 (500 a poll)", len(raws))
	}
	seen := map[string]bool{}
	for _, r := range raws {
		if seen[r.ID] {
			t.Fatalf("item %s published twice", r.URL)
		}
		seen[r.ID] = true
	}
}

func TestHugeFeedBoundedMemory(t *testing.T) {
	store, srv := startNATS(t), hostile(t)
	p := store.newPoller(t, &published{}, testClient(5*time.Second))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := p.Poll(t.Context(), poll.Feed{Name: "huge", URL: srv.URL + "/huge", Interval: time.Minute})
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	// Parsing all 100 000 items allocated over 1 GiB; cut at feed.MaxItems
	// the poll allocates about 64 MiB (the server's and NATS's share included).
	if mib := (after.TotalAlloc - before.TotalAlloc) >> 20; mib > 400 {
		t.Errorf("poll of a 100 000-item feed: got %d MiB allocated, want under 400", mib)
	}
}
