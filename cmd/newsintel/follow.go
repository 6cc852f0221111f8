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
	health   statusStore   // nil: health not recorded
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
	progress, err := bus.Progress(ctx)
	if err != nil {
		return err
	}
	health, err := bus.FeedStates(ctx)
	if err != nil {
		return err
	}
	sec, err := edgar.New(edgar.Options{Log: log, Fetch: secFetcher(cfg, edgar.MaxRate)})
	if err != nil {
		return err
	}
	f := &follower{sources: reg, edgar: sec, fedreg: &fedreg.Client{Fetch: newFetcher(cfg)}, pub: bus, done: progress, health: health,
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
		published, err := f.follow(ctx, s.Source)
		f.recordHealth(ctx, s.Source, now, f.next[s.Name], published, err)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// follow reads one source and publishes what it has not published yet,
// returning how many documents it published. Failures are logged with the
// source: one bad source stops nothing else. The error is the source's own
// (it could not be read at all); per-document failures are only logged.
func (f *follower) follow(ctx context.Context, s config.Source) (int, error) {
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
		return 0, err
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
	return published, nil
}

// statusStore keeps a source's health by URL (pipelines.JSONStore on the
// "feeds" bucket does), where `newsintel sources list` reads it.
type statusStore interface {
	Load(ctx context.Context, name string, v any) (bool, error)
	Save(ctx context.Context, name string, v any) error
}

// recordHealth updates the health of s after a read at polled that
// published n documents or failed with err; next is when it is read again.
func (f *follower) recordHealth(ctx context.Context, s config.Source, polled, next time.Time, n int, err error) {
	if f.health == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	var st newsintel.SourceStatus
	if _, lerr := f.health.Load(ctx, s.URL, &st); lerr != nil {
		f.log.Warn("source health not read", "source", s.Name, "error", lerr)
	}
	st.LastPoll, st.NextPoll = polled.UTC(), next.UTC()
	if err != nil {
		st.LastError, st.LastErrorAt = err.Error(), polled.UTC()
		st.ConsecutiveFailures++
	} else {
		st.LastSuccess, st.ConsecutiveFailures = polled.UTC(), 0
		st.ItemsSeen += int64(n)
		if n > 0 {
			st.LastNewItem = polled.UTC()
		}
	}
	if serr := f.health.Save(ctx, s.URL, st); serr != nil {
		f.log.Warn("source health not saved", "source", s.Name, "error", serr)
	}
}
