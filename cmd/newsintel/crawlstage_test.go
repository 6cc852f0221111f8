package main

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/pipelines"
)

// TestServeRunsCrawlSources checks that `serve` crawls a configured source
// of type crawl and that the article it reaches becomes searchable under
// its canonical-URL ID.
func TestServeRunsCrawlSources(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	cfg.Crawl.Delay = config.Duration(time.Millisecond)
	cfg.Sources = []config.Source{{Name: "harbor-crawl", Type: "crawl", URL: srv.URL + "/2024/03/04/commerce-cloud-curbs?utm_source=x", Interval: config.Duration(time.Hour)}}
	r := startServe(t, cfg, serveOptions{})
	res := waitTotal(t, r.info.HTTPAddr, 1)
	if want := newsintel.ArticleID(srv.URL + "/2024/03/04/commerce-cloud-curbs"); res.Hits[0].ID != want {
		t.Errorf("crawled document ID = %s, want %s (its canonical URL's)", res.Hits[0].ID, want)
	}
}

// TestServeCrawlsRuntimeSources checks that a crawl source added at run
// time (`newsintel sources add --type crawl`) is crawled by the running
// ingest stage, and that its health shows in `newsintel sources list`.
func TestServeCrawlsRuntimeSources(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	cfg.Crawl.Delay = config.Duration(time.Millisecond)
	cfg.Crawl.MaxDepth = 0
	r := startServe(t, cfg, serveOptions{})
	src := config.Source{Name: "harbor-crawl", Type: "crawl", URL: srv.URL + "/2024/03/05/port-dredging", Interval: config.Duration(time.Hour)}
	_, err := sourcesCLI(t, cfg, r.info.NATSURL, func(ctx context.Context, reg *pipelines.Registry, w *bytes.Buffer) error {
		return sourcesAdd(ctx, reg, w, src)
	})
	require.NoError(t, err)
	res := waitTotal(t, r.info.HTTPAddr, 1)
	if res.Hits[0].Source != "harbor-crawl" {
		t.Errorf("crawled document source = %q, want harbor-crawl", res.Hits[0].Source)
	}
	var st newsintel.SourceStatus
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if st = listSources(t, cfg, r.info.NATSURL)["harbor-crawl"]; !st.LastSuccess.IsZero() {
			break
		}
	}
	if st.Type != "crawl" || st.Origin != "runtime" || st.LastSuccess.IsZero() || st.ItemsSeen != 1 || st.NextPoll.IsZero() || st.LastError != "" {
		t.Errorf("status of harbor-crawl: got %+v, want type crawl, origin runtime, a last success, 1 item, a next poll, no error", st)
	}
}

// TestCrawlSyncStartsRestartsAndStops checks the crawl stage's bookkeeping
// against a registry without a running ingest stage: a run-time crawl
// source starts a crawler, a changed one restarts it, a removed one stops
// it (sync returns only once it has stopped) and drops its health record.
func TestCrawlSyncStartsRestartsAndStops(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	cfg.Crawl.Delay = config.Duration(time.Millisecond)
	r := startServe(t, cfg, serveOptions{stages: []string{"extract"}})
	ctx := t.Context()
	bus, err := pipelines.Connect(ctx, r.info.NATSURL, "crawl-sync-test", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer bus.Close()
	cs, err := newCrawlSync(ctx, cfg, bus, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer cs.stopAll()

	src := config.Source{Name: "harbor-crawl", Type: "crawl", URL: srv.URL + "/2024/03/05/port-dredging", Interval: config.Duration(time.Hour)}
	require.NoError(t, cs.reg.Add(ctx, src))
	require.NoError(t, cs.sync(ctx))
	first := cs.running["harbor-crawl"]
	require.NotNil(t, first, "no crawler running after the source was added")
	var st newsintel.SourceStatus
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && st.LastSuccess.IsZero(); time.Sleep(20 * time.Millisecond) {
		_, err = cs.statuses.Load(ctx, src.URL, &st)
		require.NoError(t, err)
	}
	if st.LastSuccess.IsZero() || st.ItemsSeen != 1 {
		t.Errorf("saved status: got %+v, want a last success and 1 item", st)
	}

	require.NoError(t, cs.reg.Remove(ctx, src.Name))
	src.Interval = config.Duration(2 * time.Hour)
	require.NoError(t, cs.reg.Add(ctx, src))
	require.NoError(t, cs.sync(ctx))
	if again := cs.running["harbor-crawl"]; again == nil || again == first || again.src.Interval != src.Interval {
		t.Errorf("changed source: got run %p (was %p), want a new crawler with interval 2h", again, first)
	}
	if !closed(first.done) {
		t.Errorf("the crawler of the changed source's old settings still runs")
	}

	last := cs.running["harbor-crawl"]
	require.NoError(t, cs.reg.Remove(ctx, src.Name))
	require.NoError(t, cs.sync(ctx))
	if len(cs.running) != 0 || !closed(last.done) {
		t.Errorf("after removal: got %d crawlers running (stopped: %v), want none", len(cs.running), closed(last.done))
	}
	if found, err := cs.statuses.Load(ctx, src.URL, &st); err != nil || found {
		t.Errorf("status of the removed source: got found %v (error %v), want deleted", found, err)
	}
}

func closed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// TestStreamOptionsBucketAges checks that the streams.*_max_age settings
// reach the topology serve creates.
func TestStreamOptionsBucketAges(t *testing.T) {
	cfg := config.Default()
	cfg.Streams.ItemsMaxAge = config.Duration(24 * time.Hour)
	cfg.Streams.CrawlMaxAge = config.Duration(48 * time.Hour)
	cfg.Streams.ClustersMaxAge = 0
	o := streamOptions(cfg)
	if o.ItemsMaxAge != 24*time.Hour || o.CrawlMaxAge != 48*time.Hour || o.ClustersMaxAge != 0 {
		t.Errorf("stream options: got items %v crawl %v clusters %v, want 24h, 48h, 0", o.ItemsMaxAge, o.CrawlMaxAge, o.ClustersMaxAge)
	}
}
