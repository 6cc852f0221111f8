package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/crawl"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/newsintel/newsintel/pipelines"
)

// runCrawls runs one crawler per source of type "crawl", those of the
// configuration file and those added at run time: a source added, changed
// or removed at run time is started, restarted or stopped within seconds
// (the registry watch the feed poller uses). Each crawler keeps its
// frontier and visited set in the "crawl" bucket so a restart resumes, and
// publishes through the revision numbering the feed poller uses: a
// revisited article whose text changed goes on as its next revision. Its
// health after each cycle is kept in the "feeds" bucket under its URL,
// where `newsintel sources list` reads it. A crawler that cannot be built
// (bad seed or pattern) is logged and the others go on.
func runCrawls(ctx context.Context, cfg config.Config, bus *pipelines.Bus, log *slog.Logger) error {
	cs, err := newCrawlSync(ctx, cfg, bus, log)
	if err != nil {
		return err
	}
	changes, err := cs.reg.Watch(ctx)
	if err != nil {
		return err
	}
	return cs.run(ctx, changes)
}

// crawlSync keeps one running crawler per crawl source of the registry.
type crawlSync struct {
	cfg      config.Config
	reg      *pipelines.Registry
	statuses *pipelines.JSONStore // bucket "feeds", read by Registry.List
	state    crawl.State
	pub      ingest.Publisher
	client   *fetch.Client
	log      *slog.Logger
	running  map[string]*crawlRun // by source name; touched by sync only
	wg       sync.WaitGroup
}

// crawlRun is one running crawler.
type crawlRun struct {
	src    config.Source
	cancel context.CancelFunc
	done   chan struct{}
}

// newCrawlSync builds a crawlSync on the bus's buckets.
func newCrawlSync(ctx context.Context, cfg config.Config, bus *pipelines.Bus, log *slog.Logger) (*crawlSync, error) {
	reg, err := bus.Registry(ctx, cfg.Sources, cfg.Poll.DefaultInterval.D())
	if err != nil {
		return nil, err
	}
	statuses, err := bus.FeedStates(ctx)
	if err != nil {
		return nil, err
	}
	state, err := bus.CrawlState(ctx)
	if err != nil {
		return nil, err
	}
	revs, err := bus.Revisions(ctx)
	if err != nil {
		return nil, err
	}
	return &crawlSync{
		cfg: cfg, reg: reg, statuses: statuses, state: state, log: log,
		pub:     poll.Revisioned{Pub: bus, Revisions: &poll.Revisions{Store: revs}},
		client:  newFetcher(cfg),
		running: map[string]*crawlRun{},
	}, nil
}

// run syncs the crawlers with the registry at start, on every change
// notice and every feedResync, until ctx is done; then it stops them all
// and waits for them.
func (cs *crawlSync) run(ctx context.Context, changes <-chan struct{}) error {
	defer cs.stopAll()
	ticker := time.NewTicker(feedResync)
	defer ticker.Stop()
	for {
		if err := cs.sync(ctx); err != nil && ctx.Err() == nil {
			cs.log.Warn("sources not read; crawling the last known set", "error", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-changes:
		case <-ticker.C:
		}
	}
}

// sync starts the crawl sources not running, restarts the changed ones
// and stops those no longer listed.
func (cs *crawlSync) sync(ctx context.Context) error {
	sources, err := cs.reg.Sources(ctx)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, s := range sources {
		if s.Type != "crawl" {
			continue
		}
		want[s.Name] = true
		if r, ok := cs.running[s.Name]; ok {
			if r.src == s.Source {
				continue
			}
			cs.stop(ctx, s.Name, false)
		}
		cs.start(ctx, s.Source)
	}
	for name := range cs.running {
		if !want[name] {
			cs.stop(ctx, name, true)
		}
	}
	return nil
}

// start builds and starts the crawler of s. A source whose crawler cannot
// be built is logged and left out until it changes.
func (cs *crawlSync) start(ctx context.Context, s config.Source) {
	log := cs.log.With("source", s.Name)
	opts := crawlSourceOptions(cs.cfg, s)
	opts.OnStatus = cs.statusSaver(ctx, s, log)
	c, err := crawl.New(cs.client, cs.pub, cs.state, opts, log)
	if err != nil {
		log.Error("crawl source not started", "error", err)
		cs.running[s.Name] = &crawlRun{src: s, cancel: func() {}, done: closedChan()}
		return
	}
	rctx, cancel := context.WithCancel(ctx)
	r := &crawlRun{src: s, cancel: cancel, done: make(chan struct{})}
	cs.running[s.Name] = r
	cs.wg.Add(1)
	go func() {
		defer cs.wg.Done()
		defer close(r.done)
		if err := c.Run(rctx); err != nil {
			log.Error("crawl stopped", "error", err)
		}
	}()
	log.Info("crawl started", "url", s.URL, "revisit", opts.Revisit.String())
}

// stop stops the crawler of name and waits for it, so that a restarted
// one never shares the crawl state with it; forget also deletes its
// health record (the source is gone).
func (cs *crawlSync) stop(ctx context.Context, name string, forget bool) {
	r := cs.running[name]
	delete(cs.running, name)
	r.cancel()
	<-r.done
	if forget {
		if err := cs.statuses.Delete(ctx, r.src.URL); err != nil {
			cs.log.Warn("crawl status not deleted", "source", name, "error", err)
		}
		cs.log.Info("crawl removed", "source", name)
	}
}

func (cs *crawlSync) stopAll() {
	for _, r := range cs.running {
		r.cancel()
	}
	cs.wg.Wait()
}

// statusSaver returns the crawl.Options.OnStatus of s: it keeps the status
// in the "feeds" bucket under s's URL, adding the items counted before
// this process started (the crawler counts from zero) and keeping the last
// success of an earlier run until this one has one.
func (cs *crawlSync) statusSaver(ctx context.Context, s config.Source, log *slog.Logger) func(newsintel.SourceStatus) {
	var prev newsintel.SourceStatus
	if _, err := cs.statuses.Load(ctx, s.URL, &prev); err != nil {
		log.Warn("earlier crawl status not read", "error", err)
	}
	return func(st newsintel.SourceStatus) {
		st.ItemsSeen += prev.ItemsSeen
		if st.LastSuccess.IsZero() {
			st.LastSuccess = prev.LastSuccess
		}
		if st.LastNewItem.IsZero() {
			st.LastNewItem = prev.LastNewItem
		}
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := cs.statuses.Save(sctx, s.URL, st); err != nil {
			log.Warn("crawl status not saved", "error", err)
		}
	}
}

func closedChan() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}
