package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/stretchr/testify/require"
)

// site serves testdata/site with {{BASE}} replaced by the server's URL,
// as a news site with a feed would.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := "feed.xml"
		if r.URL.Path != "/feed.xml" {
			name = filepath.Base(r.URL.Path) + ".html"
		}
		data, err := os.ReadFile(filepath.Join("testdata", "site", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if name == "feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", srv.URL)))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// testConfig is the embedded setup on free ports in dir.
func testConfig(dir string) config.Config {
	cfg := config.Default()
	cfg.DataDir = dir
	cfg.HTTP.Listen = "127.0.0.1:0"
	cfg.NATS.Listen = "127.0.0.1:0"
	cfg.Fetch.AllowPrivateNetworks = true
	cfg.Fetch.PerHostRate = 1000
	cfg.Index.BatchWait = config.Duration(50 * time.Millisecond)
	return cfg
}

// running is a newsintel serve started by a test.
type running struct {
	info serveInfo
	stop func() error
}

// startServe runs runServe as `newsintel serve` would and waits until it is
// up; stop cancels it and returns its error.
func startServe(t testing.TB, cfg config.Config, o serveOptions) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	up := make(chan serveInfo, 1)
	o.started = func(i serveInfo) { up <- i }
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, cfg, o, slog.New(slog.DiscardHandler)) }()
	var once sync.Once
	var stopErr error
	r := &running{stop: func() error {
		once.Do(func() { cancel(); stopErr = <-done })
		return stopErr
	}}
	select {
	case r.info = <-up:
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped at start: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("serve did not start within 30s")
	}
	t.Cleanup(func() { r.stop() })
	return r
}

type apiSearch struct {
	Total uint64 `json:"total"`
	Hits  []struct {
		ID, Title, URL, Kind, Source, Snippet string
		Published                             *time.Time
	} `json:"hits"`
}

func getJSON(t testing.TB, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	require.NoError(t, json.Unmarshal(body, v), "body: %s", body)
	return resp.StatusCode
}

// waitTotal polls the search API until it reports want documents.
func waitTotal(t *testing.T, addr string, want uint64) apiSearch {
	t.Helper()
	var res apiSearch
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		res = apiSearch{}
		getJSON(t, "http://"+addr+"/api/v1/search?size=100", &res)
		if res.Total >= want {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if res.Total != want {
		t.Fatalf("index holds %d documents, want %d", res.Total, want)
	}
	return res
}

func TestFeedToSearch(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	err := runIngest(t.Context(), cfg, r.info.NATSURL, ingestTarget{source: "harbor", kind: newsintel.KindArticle},
		[]string{srv.URL + "/feed.xml"}, io.Discard, slog.New(slog.DiscardHandler))
	require.NoError(t, err)

	res := waitTotal(t, r.info.HTTPAddr, 3)
	if res.Hits[0].Title != "Chipmaker says export rules will dent sales" {
		t.Errorf("first hit of the empty query = %q, want the newest article", res.Hits[0].Title)
	}
	canonical := srv.URL + "/2024/03/04/commerce-cloud-curbs"
	id := newsintel.ArticleID(canonical)
	var doc newsintel.Document
	require.Equal(t, 200, getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/documents/"+id, &doc), "document %s by its canonical-URL ID", id)
	if doc.Title != "Commerce weighs curbs on foreign cloud providers" || doc.Source != "harbor" || doc.Publisher != "Harbor Ledger" {
		t.Errorf("document = title %q source %q publisher %q", doc.Title, doc.Source, doc.Publisher)
	}
	for _, furniture := range []string{"Accept all cookies", "Related coverage", "Share on Facebook", "All rights reserved", "Morning Ledger newsletter", "Privacy policy"} {
		if strings.Contains(doc.Body, furniture) {
			t.Errorf("body keeps page furniture %q", furniture)
		}
	}
	if !strings.Contains(doc.Body, "according to three people familiar with the matter") {
		t.Errorf("body lost the article text: %q", doc.Body)
	}
	if doc.Published.IsZero() || doc.Profile == nil || !doc.Profile.HasAnonymous() {
		t.Errorf("published %v, profile %+v: want a date and anonymous sourcing", doc.Published, doc.Profile)
	}

	var hits apiSearch
	getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/search?q=dredging", &hits)
	if hits.Total != 1 || !strings.Contains(hits.Hits[0].URL, "port-dredging") {
		t.Errorf("search dredging = %+v, want the port article alone", hits)
	}
}

func TestIngestTwiceIsIdempotent(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	for i := 0; i < 2; i++ {
		require.NoError(t, runIngest(t.Context(), cfg, r.info.NATSURL, ingestTarget{source: "harbor", kind: newsintel.KindArticle},
			[]string{srv.URL + "/feed.xml", srv.URL + "/2024/03/05/port-dredging"}, io.Discard, slog.New(slog.DiscardHandler)))
	}
	waitTotal(t, r.info.HTTPAddr, 3)
	time.Sleep(500 * time.Millisecond) // give a duplicate time to arrive
	waitTotal(t, r.info.HTTPAddr, 3)
}

func TestIngestExitsNonZeroWhenNothingPublished(t *testing.T) {
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	var out strings.Builder
	err := runIngest(t.Context(), cfg, r.info.NATSURL, ingestTarget{source: "x", kind: newsintel.KindArticle},
		[]string{filepath.Join(t.TempDir(), "missing.xml")}, &out, slog.New(slog.DiscardHandler))
	if _, ok := err.(exitError); !ok {
		t.Errorf("runIngest of a missing file = %v, want an exit error", err)
	}
	if !strings.Contains(out.String(), "missing.xml") {
		t.Errorf("output %q does not name the missing file", out.String())
	}
}

func TestRestartIndexesEverythingOnce(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir)
	r := startServe(t, cfg, serveOptions{})
	// Publish many documents and stop while the stages are still busy.
	pages := t.TempDir()
	const n = 200
	for i := 0; i < n; i++ {
		html := fmt.Sprintf("<html><head><title>Story %03d</title></head><body><article><h1>Story %03d</h1><p>Officials reviewed case number %d on Monday, according to two people briefed on the matter. The review is continuing.</p></article></body></html>", i, i, i)
		require.NoError(t, os.WriteFile(filepath.Join(pages, fmt.Sprintf("s%03d.html", i)), []byte(html), 0o644))
	}
	require.NoError(t, runIngest(t.Context(), cfg, r.info.NATSURL, ingestTarget{source: "bulk", kind: newsintel.KindArticle},
		[]string{pages}, io.Discard, slog.New(slog.DiscardHandler)))
	require.NoError(t, r.stop())

	// Same data directory, new process: what was published is indexed once.
	r2 := startServe(t, cfg, serveOptions{})
	waitTotal(t, r2.info.HTTPAddr, n)
	var again apiSearch
	getJSON(t, "http://"+r2.info.HTTPAddr+"/api/v1/search?q="+url.QueryEscape(`title:"Story 007"`), &again)
	if again.Total != 1 {
		t.Errorf(`search "Story 007" after restart = %d hits, want 1`, again.Total)
	}
}

func TestDemoCorpus(t *testing.T) {
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{demo: true})
	var res apiSearch
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/search?q=Alibaba", &res)
		if res.Total >= 5 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if res.Total < 5 {
		t.Fatalf("demo: search Alibaba = %d hits, want at least 5", res.Total)
	}
}
