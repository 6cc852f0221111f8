package main

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
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
