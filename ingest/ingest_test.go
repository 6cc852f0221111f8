package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/stretchr/testify/require"
)

// collect is a Publisher that keeps what it is given (the real seam
// between ingest and the bus).
type collect struct {
	mu   sync.Mutex
	raws []newsintel.Raw
}

func (c *collect) PublishRaw(_ context.Context, r newsintel.Raw) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.raws = append(c.raws, r)
	return nil
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data, file string
		want             Format
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel>`, "", FormatFeed},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, "x.txt", FormatFeed},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1"}`, "", FormatFeed},
		{"json", `{"name": "not a feed or a notice"}`, "", FormatJSON},
		{"federal register json", `{"document_number": "2021-1"}`, "", FormatFedReg},
		{"html", `<!DOCTYPE html><html><body>`, "x.xml", FormatHTML},
		{"pdf", "%PDF-1.7\n", "x.html", FormatPDF},
		{"text", "According to three sources, the review goes on.", "x.txt", FormatText},
		{"binary with html name", "\x00\x01\x02\x03binary", "page.html", FormatUnknown},
		{"empty", "", "a.html", FormatUnknown},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.data), tt.file, ""); got != tt.want {
			t.Errorf("%s: Detect = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestIngestFeedFetchesItemPages(t *testing.T) {
	mux := http.NewServeMux()
	var srvURL string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>` + srvURL + `/a?utm_source=rss</link><guid>a</guid></item>
<item><title>B</title><link>` + srvURL + `/missing</link><guid>b</guid><description>feed text of B</description></item>
<item><title>C</title><link>` + srvURL + `/gone</link><guid>c</guid></item>
</channel></rss>`))
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>page A</p></body></html>"))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL

	pub := &collect{}
	in := &Ingester{Client: fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1000, Retries: 0}), Pub: pub, Source: "wire"}
	st, err := in.URL(t.Context(), srv.URL+"/feed.xml")
	require.NoError(t, err)
	if st.Published != 2 || st.Failed != 1 {
		t.Fatalf("published %d failed %d (%v), want 2 and 1", st.Published, st.Failed, st.Errors)
	}
	if !strings.Contains(st.Errors[0].Error(), "404") {
		t.Errorf("error %q does not name the 404", st.Errors[0])
	}
	sort.Slice(pub.raws, func(i, j int) bool { return pub.raws[i].Item.GUID < pub.raws[j].Item.GUID })
	a, b := pub.raws[0], pub.raws[1]
	if string(a.Body) != "<html><body><p>page A</p></body></html>" || a.Source != "wire" || a.Item.Title != "A" {
		t.Errorf("item A raw = %+v", a)
	}
	if a.ID != newsintel.ArticleID(srv.URL+"/a") {
		t.Errorf("ID of A = %s, want the ID of its canonical URL (tracking parameter dropped)", a.ID)
	}
	if string(b.Body) != "feed text of B" {
		t.Errorf("item B body = %q, want the feed's text as fallback", b.Body)
	}
}

func TestIngestPathDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.html"), []byte("<html><body><p>x</p></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Plain text story."), 0o644)
	os.WriteFile(filepath.Join(dir, "c.bin"), []byte("\x00\x01\x02"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "x.html"), []byte("<html>"), 0o644)
	pub := &collect{}
	in := &Ingester{Pub: pub}
	st, err := in.Path(t.Context(), dir)
	require.NoError(t, err)
	if st.Published != 2 || st.Failed != 1 || !strings.Contains(st.Errors[0].Error(), "c.bin") {
		t.Errorf("published %d failed %d errors %v, want 2, 1 naming c.bin", st.Published, st.Failed, st.Errors)
	}
}
