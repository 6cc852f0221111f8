package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/crawl"
)

func TestCrawlToSearch(t *testing.T) {
	srv := site(t)
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	f := &crawlFlags{opts: crawl.Options{
		Name: "harbor-crawl", MaxDepth: 1, Once: true, Revisit: time.Hour,
		Seeds: []string{
			srv.URL + "/2024/03/04/commerce-cloud-curbs?utm_source=rss&utm_medium=feed",
			srv.URL + "/2024/03/05/port-dredging",
			srv.URL + "/2024/03/06/chipmaker-export-rules#comments",
		},
	}}
	var out bytes.Buffer
	require.NoError(t, runCrawl(t.Context(), cfg, r.info.NATSURL, f, &out, slog.New(slog.DiscardHandler)))
	if !strings.Contains(out.String(), "published 3 articles") {
		t.Errorf("crawl printed %q, want 3 articles published", out.String())
	}
	waitTotal(t, r.info.HTTPAddr, 3)
	id := newsintel.ArticleID(srv.URL + "/2024/03/04/commerce-cloud-curbs")
	var doc newsintel.Document
	require.Equal(t, 200, getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/documents/"+id, &doc), "document %s by its canonical-URL ID", id)
	if doc.Source != "harbor-crawl" || doc.Title != "Commerce weighs curbs on foreign cloud providers" {
		t.Errorf("document source %q title %q, want harbor-crawl and the article's title", doc.Source, doc.Title)
	}

	// A second crawl finds everything visited: nothing fetched, nothing new.
	out.Reset()
	require.NoError(t, runCrawl(t.Context(), cfg, r.info.NATSURL, f, &out, slog.New(slog.DiscardHandler)))
	if !strings.Contains(out.String(), "fetched 0 pages") {
		t.Errorf("second crawl printed %q, want 0 pages fetched", out.String())
	}
}

func TestCrawlExitsNonZeroWhenNothingFetched(t *testing.T) {
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	cfg.Fetch.AllowPrivateNetworks = false // the seed is on loopback: refused
	srv := site(t)
	f := &crawlFlags{noState: true, opts: crawl.Options{Seeds: []string{srv.URL + "/2024/03/05/port-dredging"}, Once: true}}
	var out bytes.Buffer
	err := runCrawl(t.Context(), cfg, r.info.NATSURL, f, &out, slog.New(slog.DiscardHandler))
	var exit exitError
	require.ErrorAs(t, err, &exit, "output: %s", out.String())
	if !strings.Contains(out.String(), "address refused") {
		t.Errorf("crawl printed %q, want the refusal named", out.String())
	}
}

func TestCrawlFlagsOverConfig(t *testing.T) {
	c := config.Default().Crawl
	c.MaxDepth, c.Delay, c.MaxPages = 4, config.Duration(3*time.Second), 50
	o := crawl.Options{MaxDepth: 1, Delay: time.Second}
	crawlConfig(c, func(flag string) bool { return flag == "depth" }, &o)
	if o.MaxDepth != 1 || o.Delay != 3*time.Second || o.MaxPages != 50 || o.Revisit != time.Hour {
		t.Errorf("options = depth %d delay %v max pages %d revisit %v; want 1 (flag), 3s, 50, 1h (config)", o.MaxDepth, o.Delay, o.MaxPages, o.Revisit)
	}
}

func TestCrawlSourceOptions(t *testing.T) {
	cfg := config.Default()
	o := crawlSourceOptions(cfg, config.Source{Name: "ledger", Type: "crawl", URL: "https://ledger.example/", Interval: config.Duration(30 * time.Minute)})
	if o.Name != "ledger" || o.Kind != newsintel.KindArticle || len(o.Seeds) != 1 || o.Revisit != 30*time.Minute || o.MaxDepth != cfg.Crawl.MaxDepth || o.Once {
		t.Errorf("options = %+v; want name ledger, kind article, the URL as seed, revisit 30m, crawl.max_depth, not once", o)
	}
}
