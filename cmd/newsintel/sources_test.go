package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/opml"
	"github.com/newsintel/newsintel/pipelines"
)

// sourcesCLI runs one sources subcommand function against a running server
// and returns its output.
func sourcesCLI(t *testing.T, cfg config.Config, natsURL string, fn func(context.Context, *pipelines.Registry, *bytes.Buffer) error) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := withRegistry(t.Context(), cfg, natsURL, func(ctx context.Context, r *pipelines.Registry) error { return fn(ctx, r, &out) })
	return out.String(), err
}

func listSources(t *testing.T, cfg config.Config, natsURL string) map[string]newsintel.SourceStatus {
	t.Helper()
	out, err := sourcesCLI(t, cfg, natsURL, func(ctx context.Context, r *pipelines.Registry, w *bytes.Buffer) error {
		return sourcesList(ctx, r, w, true)
	})
	require.NoError(t, err)
	var list []newsintel.SourceStatus
	require.NoError(t, json.Unmarshal([]byte(out), &list), "list output: %s", out)
	m := map[string]newsintel.SourceStatus{}
	for _, s := range list {
		m[s.Name] = s
	}
	return m
}

func TestPolledFeedReachesSearch(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	cfg.Sources = []config.Source{{Name: "harbor", Type: "feed", URL: srv.URL + "/feed.xml", Interval: config.Duration(10 * time.Second)}}
	r := startServe(t, cfg, serveOptions{})
	res := waitTotal(t, r.info.HTTPAddr, 3)
	for _, h := range res.Hits {
		if h.Source != "harbor" {
			t.Errorf("hit %s: got source %q, want harbor", h.URL, h.Source)
		}
	}
	st := listSources(t, cfg, r.info.NATSURL)["harbor"]
	if st.Origin != "config" || st.ItemsSeen != 3 || st.LastSuccess.IsZero() || st.NextPoll.IsZero() || st.Interval != "10s" {
		t.Errorf("status of harbor: got %+v, want origin config, 3 items, a last success and a next poll, interval 10s", st)
	}
	resp, err := http.Get("http://" + r.info.HTTPAddr + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	metrics, _ := io.ReadAll(resp.Body)
	for _, want := range []string{`newsintel_feed_poll_events_total{event="polls"}`, `newsintel_feed_poll_events_total{event="items_published"} 3`} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics: got no line with %s in:\n%s", want, metrics)
		}
	}
}

func TestSourcesAddListRemoveImportExport(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	cfg.Sources = []config.Source{{Name: "harbor", Type: "feed", URL: srv.URL + "/feed.xml", Interval: config.Duration(time.Hour)}}
	r := startServe(t, cfg, serveOptions{stages: []string{"ingest"}})
	nats := r.info.NATSURL
	run := func(fn func(context.Context, *pipelines.Registry, *bytes.Buffer) error) (string, error) {
		return sourcesCLI(t, cfg, nats, fn)
	}

	added := config.Source{Name: "wire", Type: "feed", URL: srv.URL + "/feed.xml?edition=us", Interval: config.Duration(10 * time.Second)}
	out, err := run(func(ctx context.Context, reg *pipelines.Registry, w *bytes.Buffer) error {
		return sourcesAdd(ctx, reg, w, added)
	})
	require.NoError(t, err)
	require.Contains(t, out, "added wire")
	bad := []struct {
		name string
		src  config.Source
		want string
	}{
		{"taken by the file", config.Source{Name: "harbor", URL: "https://example.org/rss"}, "exists"},
		{"taken at run time", config.Source{Name: "wire", URL: "https://example.org/rss"}, "exists"},
		{"bad URL", config.Source{Name: "x", URL: "ftp://example.org/rss"}, "url"},
		{"bad name", config.Source{Name: "two words", URL: "https://example.org/rss"}, "name"},
		{"too frequent", config.Source{Name: "y", URL: "https://example.org/rss", Interval: config.Duration(time.Second)}, "interval"},
	}
	for _, c := range bad {
		_, err := run(func(ctx context.Context, reg *pipelines.Registry, w *bytes.Buffer) error {
			return sourcesAdd(ctx, reg, w, c.src)
		})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("add %s: got error %v, want one mentioning %q", c.name, err, c.want)
		}
	}

	// The running ingest stage picks the new source up and polls it.
	deadline := time.Now().Add(20 * time.Second)
	var st newsintel.SourceStatus
	for time.Now().Before(deadline) {
		if st = listSources(t, cfg, nats)["wire"]; !st.LastSuccess.IsZero() && st.ItemsSeen >= 3 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if st.Origin != "runtime" || st.LastSuccess.IsZero() || st.ItemsSeen != 3 {
		t.Errorf("run-time source after polling: got %+v, want origin runtime, a success, 3 items", st)
	}

	// Import: one feed is already a source (skipped), two are new, one
	// name collides with an existing source and gets a suffix.
	opmlFile := filepath.Join(t.TempDir(), "feeds.opml")
	require.NoError(t, os.WriteFile(opmlFile, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Tech"><outline text="Harbor" xmlUrl="`+srv.URL+`/feed.xml"/>
<outline text="Wire" title="Wire" xmlUrl="`+srv.URL+`/feed.xml?edition=uk"/></outline>
<outline text="Port News Daily" xmlUrl="`+srv.URL+`/feed.xml?edition=ports"/>
</body></opml>`), 0o644))
	out, err = run(func(ctx context.Context, reg *pipelines.Registry, w *bytes.Buffer) error {
		return sourcesImport(ctx, reg, w, opmlFile, config.Source{Type: "feed"})
	})
	require.NoError(t, err)
	require.Contains(t, out, "added 2, skipped 1")
	list := listSources(t, cfg, nats)
	for _, name := range []string{"harbor", "wire", "wire-2", "port-news-daily"} {
		if _, ok := list[name]; !ok {
			t.Errorf("after import: source %q missing from %v", name, list)
		}
	}

	out, err = run(func(ctx context.Context, reg *pipelines.Registry, w *bytes.Buffer) error {
		return sourcesExport(ctx, reg, w)
	})
	require.NoError(t, err)
	outlines, err := opml.Parse(strings.NewReader(out))
	require.NoError(t, err)
	if len(outlines) != 4 {
		t.Errorf("export: got %d outlines, want 4:\n%s", len(outlines), out)
	}

	rm := func(name string) error {
		_, err := run(func(ctx context.Context, reg *pipelines.Registry, w *bytes.Buffer) error {
			return sourcesRemove(ctx, reg, w, name)
		})
		return err
	}
	require.NoError(t, rm("wire"))
	if err := rm("wire"); err == nil || !strings.Contains(err.Error(), "no source") {
		t.Errorf("rm wire twice: got %v, want 'no source'", err)
	}
	if err := rm("harbor"); err == nil || !strings.Contains(err.Error(), "configuration file") {
		t.Errorf("rm harbor (from the file): got %v, want an error saying it is in the configuration file", err)
	}
	if _, ok := listSources(t, cfg, nats)["wire"]; ok {
		t.Error("wire still listed after rm")
	}
}

// editedSite serves a feed of one article whose text and updated date the
// test changes, as a newsroom editing a story after publication.
type editedSite struct {
	*httptest.Server
	mu      sync.Mutex
	updated time.Time
	text    string
}

func (s *editedSite) edit(text string) {
	s.mu.Lock()
	s.text, s.updated = text, s.updated.Add(time.Hour)
	s.mu.Unlock()
}

func startEditedSite(t *testing.T) *editedSite {
	s := &editedSite{updated: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC),
		text: "Three people familiar with the matter said the Commerce Department would open a review of the cloud unit."}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id>
<entry><id>urn:story-1</id><title>Cloud unit faces review</title><link href="%s/story-1"/><published>2026-11-03T09:00:00Z</published><updated>%s</updated></entry></feed>`,
				s.URL, s.updated.Format(time.RFC3339))
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Cloud unit faces review</title></head><body><article><h1>Cloud unit faces review</h1>
<p>WASHINGTON (Desk) - %s</p><p>The company declined to comment.</p></article></body></html>`, s.text)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestEditedArticleBecomesRevisionTwo(t *testing.T) {
	site := startEditedSite(t)
	cfg := testConfig(t.TempDir())
	// One second between polls: below what the configuration file allows,
	// so the test need not wait.
	cfg.Sources = []config.Source{{Name: "desk", Type: "feed", URL: site.URL + "/feed.xml", Interval: config.Duration(time.Second)}}
	r := startServe(t, cfg, serveOptions{})
	first := waitTotal(t, r.info.HTTPAddr, 1).Hits[0]

	site.edit("The Commerce Department said on Tuesday that it would open a review of the cloud unit.")
	var doc newsintel.Document
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		doc = newsintel.Document{}
		getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/documents/"+first.ID, &doc)
		if doc.Revision >= 2 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if doc.Revision != 2 || !strings.Contains(doc.Body, "said on Tuesday") || doc.ID != first.ID {
		t.Fatalf("after the edit: got document %s revision %d, body %.80q; want %s revision 2 with the new text", doc.ID, doc.Revision, doc.Body, first.ID)
	}
	time.Sleep(2500 * time.Millisecond) // two more polls: the unchanged page makes no revision 3
	getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/documents/"+first.ID, &doc)
	if res := waitTotal(t, r.info.HTTPAddr, 1); doc.Revision != 2 || res.Total != 1 {
		t.Errorf("after more polls of the unchanged page: got revision %d, %d documents; want 2, 1", doc.Revision, res.Total)
	}
}

func TestShortError(t *testing.T) {
	u := "http://127.0.0.1:1/feed.xml"
	cases := []struct{ in, want string }{
		{`fetch ` + u + `: Get "` + u + `": dial tcp 127.0.0.1:1: connect: connection refused`, "dial tcp 127.0.0.1:1: connect: connection refused"},
		{`feed: not an RSS, Atom or JSON feed (starts with "<html>")`, `feed: not an RSS, Atom or JSON feed (starts with "<html>")`},
		{"", ""},
	}
	for _, c := range cases {
		if got := shortError(c.in, u); got != c.want {
			t.Errorf("shortError(%q): got %q, want %q", c.in, got, c.want)
		}
	}
}
