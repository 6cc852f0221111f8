package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/opml"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/newsintel/newsintel/pipelines"
)

func sourcesCmd(g *globals) *cobra.Command {
	var natsURL string
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List, add, remove, import and export the sources of a running newsintel",
		Long: `Manage sources through the NATS server of a running newsintel (default nats.url, else
nats://<nats.listen>, the embedded server of 'newsintel serve'). Sources of the configuration
file are listed beside those added at run time (the file this command reads: give it the
server's --config); only run-time sources can be removed. The ingest stage of
'newsintel serve' starts polling a new feed, or crawling a new source of type crawl,
within seconds, and stops a removed one. A crawl source's health shows after its
first crawl cycle.`,
		Example: `  newsintel sources list
  newsintel sources add reuters-biz https://example.com/business/rss.xml --interval 10m
  newsintel sources add harbor-site https://www.example-news.com/ --type crawl --interval 1h
  newsintel sources rm reuters-biz
  newsintel sources import feeds.opml
  newsintel sources export > feeds.opml`,
	}
	cmd.PersistentFlags().StringVar(&natsURL, "nats", "", "NATS URL of the running newsintel (default nats.url, else nats://<nats.listen>)")
	run := func(fn func(ctx context.Context, r *pipelines.Registry, out io.Writer) error) func(*cobra.Command, []string) error {
		return func(c *cobra.Command, _ []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			return withRegistry(c.Context(), cfg, natsTarget(cfg, natsURL), func(ctx context.Context, r *pipelines.Registry) error {
				return fn(ctx, r, c.OutOrStdout())
			})
		}
	}
	var asJSON bool
	list := &cobra.Command{Use: "list", Short: "List sources with their health", Args: cobra.NoArgs}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	list.RunE = func(c *cobra.Command, a []string) error {
		return run(func(ctx context.Context, r *pipelines.Registry, out io.Writer) error {
			return sourcesList(ctx, r, out, asJSON)
		})(c, a)
	}
	var src config.Source
	add := &cobra.Command{Use: "add NAME URL", Short: "Add a source at run time", Args: cobra.ExactArgs(2)}
	addFlags(add, &src)
	add.RunE = func(c *cobra.Command, a []string) error {
		src.Name, src.URL = a[0], a[1]
		return run(func(ctx context.Context, r *pipelines.Registry, out io.Writer) error {
			return sourcesAdd(ctx, r, out, src)
		})(c, a)
	}
	rm := &cobra.Command{Use: "rm NAME", Aliases: []string{"remove"}, Short: "Remove a source added at run time", Args: cobra.ExactArgs(1)}
	rm.RunE = func(c *cobra.Command, a []string) error {
		return run(func(ctx context.Context, r *pipelines.Registry, out io.Writer) error {
			return sourcesRemove(ctx, r, out, a[0])
		})(c, a)
	}
	var tmpl config.Source
	imp := &cobra.Command{Use: "import FILE.opml", Short: "Add every feed of an OPML file (existing names are skipped)", Args: cobra.ExactArgs(1)}
	addFlags(imp, &tmpl)
	imp.RunE = func(c *cobra.Command, a []string) error {
		return run(func(ctx context.Context, r *pipelines.Registry, out io.Writer) error {
			return sourcesImport(ctx, r, out, a[0], tmpl)
		})(c, a)
	}
	exp := &cobra.Command{Use: "export", Short: "Print every source as OPML 2.0", Args: cobra.NoArgs}
	exp.RunE = run(sourcesExport)
	cmd.AddCommand(list, add, rm, imp, exp)
	return cmd
}

func addFlags(c *cobra.Command, s *config.Source) {
	c.Flags().StringVar(&s.Type, "type", "feed", "source type: feed, crawl, edgar, fedreg")
	c.Flags().StringVar(&s.Kind, "kind", "", "kind of its documents: article (default), filing, notice")
	c.Flags().Var((*durationFlag)(&s.Interval), "interval", "poll interval (crawl: revisit interval), e.g. 15m (default poll.default_interval; crawl: crawl.revisit)")
}

// durationFlag reads a config.Duration from a flag.
type durationFlag config.Duration

func (d *durationFlag) String() string { return config.Duration(*d).String() }
func (d *durationFlag) Type() string   { return "duration" }
func (d *durationFlag) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("not a duration (use e.g. 90s, 15m, 2h): %q", s)
	}
	*d = durationFlag(v)
	return nil
}

// natsTarget is the NATS URL a client command talks to.
func natsTarget(cfg config.Config, flag string) string {
	switch {
	case flag != "":
		return flag
	case cfg.NATS.URL != "":
		return cfg.NATS.URL
	}
	return "nats://" + cfg.NATS.Listen
}

// withRegistry connects to natsURL and runs fn with the source registry.
func withRegistry(ctx context.Context, cfg config.Config, natsURL string, fn func(context.Context, *pipelines.Registry) error) error {
	bus, err := pipelines.Connect(ctx, natsURL, "newsintel-sources", slog.New(slog.DiscardHandler))
	if err != nil {
		return fmt.Errorf("connect to %s (is 'newsintel serve' running?): %w", natsURL, err)
	}
	defer bus.Close()
	reg, err := bus.Registry(ctx, cfg.Sources, cfg.Poll.DefaultInterval.D())
	if err != nil {
		return fmt.Errorf("%w (has 'newsintel serve' created its buckets?)", err)
	}
	return fn(ctx, reg)
}

// sourcesList prints every source with its health, as a table or JSON.
func sourcesList(ctx context.Context, r *pipelines.Registry, out io.Writer, asJSON bool) error {
	list, err := r.List(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTYPE\tORIGIN\tINTERVAL\tLAST SUCCESS\tFAILURES\tITEMS\tNEXT POLL\tLAST ERROR\tURL")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", s.Name, s.Type, s.Origin, s.Interval, ago(s.LastSuccess),
			s.ConsecutiveFailures, s.ItemsSeen, ago(s.NextPoll), clipText(shortError(s.LastError, s.URL), 80), s.URL)
	}
	return tw.Flush()
}

// sourcesAdd adds one run-time source.
func sourcesAdd(ctx context.Context, r *pipelines.Registry, out io.Writer, s config.Source) error {
	if err := r.Add(ctx, s); err != nil {
		return cliError(err)
	}
	fmt.Fprintf(out, "added %s (%s)\n", s.Name, s.URL)
	return nil
}

// sourcesRemove removes one run-time source.
func sourcesRemove(ctx context.Context, r *pipelines.Registry, out io.Writer, name string) error {
	if err := r.Remove(ctx, name); err != nil {
		return cliError(err)
	}
	fmt.Fprintf(out, "removed %s\n", name)
	return nil
}

// sourcesImport adds the feeds of an OPML file with tmpl's type, kind and
// interval. Names come from the outlines' titles; a feed whose URL is
// already a source is skipped, a taken name gets a numeric suffix.
func sourcesImport(ctx context.Context, r *pipelines.Registry, out io.Writer, path string, tmpl config.Source) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	outlines, err := opml.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	existing, err := r.Sources(ctx)
	if err != nil {
		return err
	}
	names, urls := map[string]bool{}, map[string]bool{}
	for _, s := range existing {
		names[s.Name], urls[s.URL] = true, true
	}
	added, skipped, failed := 0, 0, 0
	for _, o := range outlines {
		if urls[o.XMLURL] {
			skipped++
			continue
		}
		s := tmpl
		s.Name, s.URL = uniqueName(opml.SourceName(o), names), o.XMLURL
		if err := r.Add(ctx, s); err != nil {
			failed++
			fmt.Fprintf(out, "not added %q (%s): %s\n", o.Title, o.XMLURL, newsintel.ErrorMessage(err))
			continue
		}
		names[s.Name], urls[s.URL] = true, true
		added++
	}
	fmt.Fprintf(out, "added %d, skipped %d already present, failed %d\n", added, skipped, failed)
	if failed > 0 && added == 0 {
		return exitError{code: 1}
	}
	return nil
}

// sourcesExport writes every source as OPML.
func sourcesExport(ctx context.Context, r *pipelines.Registry, out io.Writer) error {
	list, err := r.List(ctx)
	if err != nil {
		return err
	}
	return opml.Write(out, "newsintel sources", list)
}

// uniqueName returns name, or name-2, name-3… when taken.
func uniqueName(name string, taken map[string]bool) string {
	if !taken[name] {
		return name
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s-%d", name, i); !taken[n] {
			return n
		}
	}
}

// cliError turns a registry error into the message a user should see.
func cliError(err error) error {
	if code := newsintel.ErrorCode(err); code != newsintel.EINTERNAL {
		return fmt.Errorf("%s", newsintel.ErrorMessage(err))
	}
	return err
}

// ago prints t relative to now ("3m ago", "in 12m"), "-" for the zero time.
func ago(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := time.Until(t).Round(time.Second)
	if d >= 0 {
		return "in " + d.String()
	}
	return (-d).String() + " ago"
}

// shortError drops from a source's error what the table shows anyway: the
// URL the fetcher names once or twice ("fetch URL: Get \"URL\": ...").
func shortError(msg, url string) string {
	msg = strings.Replace(msg, "fetch "+url+": ", "", 1)
	msg = strings.Replace(msg, "Get \""+url+"\": ", "", 1)
	return msg
}

func clipText(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// runPoller is the ingest stage's feed poller: it polls every source of
// type feed (configuration file and run time) until ctx is done, picking
// up sources added, changed or removed at run time within seconds.
// Its counters (polls, errors by class, items) are registered on metrics
// when it is not nil.
func runPoller(ctx context.Context, cfg config.Config, bus *pipelines.Bus, metrics *api.Metrics, log *slog.Logger) error {
	reg, err := bus.Registry(ctx, cfg.Sources, cfg.Poll.DefaultInterval.D())
	if err != nil {
		return err
	}
	p, err := newPoller(ctx, cfg, bus, log)
	if err != nil {
		return err
	}
	if metrics != nil {
		metrics.Register(api.MapCollector("newsintel_feed_poll_events_total",
			"Feed poller events: polls, not_modified, errors, errors.<class> (timeout, too_large, redirect, blocked, http_status, not_feed, too_deep, parse, fetch), items_new, items_published, items_failed, revisions.",
			"event", p.Counters))
	}
	changes, err := reg.Watch(ctx)
	if err != nil {
		return err
	}
	s := poll.NewScheduler(p, poll.SchedulerOptions{
		Workers: cfg.Poll.Workers, PerHost: cfg.Fetch.PerHostConcurrency, PollTimeout: cfg.Poll.Timeout.D(), Log: log,
	})
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.Run(gctx) })
	g.Go(func() error {
		fs := &feedSync{reg: reg, poller: p, sched: s, interval: cfg.Poll.DefaultInterval.D(), log: log, known: map[string]poll.Feed{}}
		return fs.run(gctx, changes)
	})
	return g.Wait()
}

// newPoller builds the feed poller on the bus's buckets.
func newPoller(ctx context.Context, cfg config.Config, bus *pipelines.Bus, log *slog.Logger) (*poll.Poller, error) {
	states, err := bus.FeedStates(ctx)
	if err != nil {
		return nil, err
	}
	seen, err := bus.SeenItems(ctx)
	if err != nil {
		return nil, err
	}
	revs, err := bus.Revisions(ctx)
	if err != nil {
		return nil, err
	}
	return &poll.Poller{
		Client: newFetcher(cfg), Pub: bus, States: states, Seen: seen, Revisions: &poll.Revisions{Store: revs}, Log: log,
		MaxNewItems: cfg.Poll.MaxNewItems, MaxInterval: cfg.Poll.MaxInterval.D(),
	}, nil
}

// feedSync keeps the scheduler's feeds equal to the registry's feed sources.
type feedSync struct {
	reg      *pipelines.Registry
	poller   *poll.Poller
	sched    *poll.Scheduler
	interval time.Duration
	log      *slog.Logger
	known    map[string]poll.Feed // by name, as last set
	synced   bool                 // the start-up sync is done
}

// feedResync is how often the sources are re-read even without a change
// notice (a safety net for a missed watch update).
const feedResync = time.Minute

func (fs *feedSync) run(ctx context.Context, changes <-chan struct{}) error {
	ticker := time.NewTicker(feedResync)
	defer ticker.Stop()
	for {
		if err := fs.sync(ctx); err != nil && ctx.Err() == nil {
			fs.log.Warn("sources not read; polling the last known set", "error", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-changes:
		case <-ticker.C:
		}
	}
}

// sync sets new and changed feeds on the scheduler and removes the gone.
func (fs *feedSync) sync(ctx context.Context) error {
	sources, err := fs.reg.Sources(ctx)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, src := range sources {
		if src.Type != "feed" {
			continue // crawl, edgar and fedreg sources have their own stages
		}
		f := poll.Feed{Name: src.Name, URL: src.URL, Kind: kindOf(src.Kind), Interval: src.Interval.D()}
		if f.Interval <= 0 {
			f.Interval = fs.interval
		}
		want[f.Name] = true
		if old, ok := fs.known[f.Name]; ok && old == f {
			continue
		}
		next, err := fs.poller.Due(ctx, f)
		if err != nil {
			return err
		}
		if next.IsZero() && fs.synced {
			next = time.Now() // added while running: poll now; at start-up the scheduler spreads first polls
		}
		fs.sched.Set(f, next)
		fs.known[f.Name] = f
		fs.log.Info("feed scheduled", "source", f.Name, "url", f.URL, "interval", f.Interval.String())
	}
	for name, f := range fs.known {
		if !want[name] {
			fs.sched.Remove(name)
			fs.poller.Forget(f.URL)
			delete(fs.known, name)
			fs.log.Info("feed removed", "source", name)
		}
	}
	fs.synced = true
	return nil
}
