package main

import (
	"context"
	"log/slog"

	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/crawl"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/newsintel/newsintel/pipelines"
	"golang.org/x/sync/errgroup"
)

// runCrawls runs one crawler per configured source of type "crawl", with
// its frontier and visited set in the "crawl" bucket so a restart resumes,
// publishing through the revision numbering the feed poller uses: a
// revisited article whose text changed goes on as its next revision.
// A crawler that cannot be built (bad seed or pattern) is logged and the
// others go on.
func runCrawls(ctx context.Context, cfg config.Config, bus *pipelines.Bus, log *slog.Logger) error {
	state, err := bus.CrawlState(ctx)
	if err != nil {
		return err
	}
	revs, err := bus.Revisions(ctx)
	if err != nil {
		return err
	}
	pub := poll.Revisioned{Pub: bus, Revisions: &poll.Revisions{Store: revs}}
	client := newFetcher(cfg)
	g, gctx := errgroup.WithContext(ctx)
	for _, s := range cfg.Sources {
		if s.Type != "crawl" {
			continue
		}
		c, err := crawl.New(client, pub, state, crawlSourceOptions(cfg, s), log.With("source", s.Name))
		if err != nil {
			log.Error("crawl source not started", "source", s.Name, "error", err)
			continue
		}
		g.Go(func() error { return c.Run(gctx) })
	}
	return g.Wait()
}
