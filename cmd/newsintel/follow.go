package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/edgar"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/newsintel/newsintel/pipelines"
)

// followTick is how often the follower looks for due sources.
const followTick = 30 * time.Second

// sourceLister lists the configured and run-time sources
// (pipelines.Registry does).
type sourceLister interface {
	Sources(ctx context.Context) ([]pipelines.Source, error)
}

// follower reads the edgar and fedreg sources through their APIs at their
// intervals and publishes the filings and notices it has not published
// before; what a backfill published counts as done too.
type follower struct {
	sources  sourceLister
	edgar    *edgar.Client
	fedreg   *fedreg.Client
	pub      ingest.Publisher
	done     progressStore
	interval time.Duration // for sources that set none
	log      *slog.Logger
	next     map[string]time.Time // by source name
}

// runFollow runs the follower on the bus until ctx ends.
func runFollow(ctx context.Context, cfg config.Config, bus *pipelines.Bus, log *slog.Logger) error {
	reg, err := bus.Registry(ctx, cfg.Sources, cfg.Poll.DefaultInterval.D())
	if err != nil {
		return err
	}
	kv, err := bus.KV(ctx, pipelines.BucketState)
	if err != nil {
		return err
	}
	sec, err := edgar.New(edgar.Options{Log: log, Fetch: secFetcher(cfg, edgar.MaxRate)})
	if err != nil {
		return err
	}
	f := &follower{sources: reg, edgar: sec, fedreg: &fedreg.Client{Fetch: newFetcher(cfg)}, pub: bus, done: kvProgress{kv},
		interval: cfg.Poll.DefaultInterval.D(), log: log, next: map[string]time.Time{}}
	return f.run(ctx)
}

func (f *follower) run(ctx context.Context) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
			if err := f.pollDue(ctx); err != nil && ctx.Err() == nil {
				f.log.Warn("sources not read", "error", err)
			}
			timer.Reset(followTick)
		}
	}
}

// pollDue reads every edgar and fedreg source whose time has come.
func (f *follower) pollDue(ctx context.Context) error {
	sources, err := f.sources.Sources(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	for _, s := range sources {
		if (s.Type != "edgar" && s.Type != "fedreg") || now.Before(f.next[s.Name]) {
			continue
		}
		interval := s.Interval.D()
		if interval <= 0 {
			interval = f.interval
		}
		f.next[s.Name] = now.Add(interval)
		f.follow(ctx, s.Source)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// follow reads one source and publishes what it has not published yet.
// Failures are logged with the source: one bad source stops nothing else.
func (f *follower) follow(ctx context.Context, s config.Source) {
	kind := "edgar"
	read := f.edgar.Follow
	if s.Type == "fedreg" {
		kind, read = "fedreg", f.fedreg.Follow
	}
	seen := func(id string) bool {
		done, err := f.done.Done(ctx, backfillKey(kind, id))
		return err == nil && done
	}
	raws, errs, err := read(ctx, s.URL, s.Name, seen)
	log := f.log.With("source", s.Name, "url", s.URL)
	if err != nil {
		log.Warn("source not read", "error", err)
		return
	}
	for _, e := range errs {
		log.Warn("document not fetched", "error", e)
	}
	published := 0
	for _, raw := range raws {
		if k := newsintel.Kind(s.Kind); k.Valid() && k != newsintel.KindArticle {
			raw.Kind = k
		}
		if err := f.pub.PublishRaw(ctx, raw); err != nil {
			log.Warn("document not published", "id", raw.ID, "error", err)
			continue
		}
		if err := f.done.MarkDone(context.WithoutCancel(ctx), backfillKey(kind, raw.ID)); err != nil {
			log.Warn("progress not kept", "id", raw.ID, "error", err)
		}
		published++
	}
	log.Info("source read", "published", published, "failed", len(errs))
}
