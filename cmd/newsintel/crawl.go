package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/crawl"
	"github.com/newsintel/newsintel/pipelines"
)

// crawlFlags are the flags of newsintel crawl.
type crawlFlags struct {
	natsURL string
	noState bool
	kind    string
	opts    crawl.Options
}

func crawlCmd(g *globals) *cobra.Command {
	f := &crawlFlags{}
	cmd := &cobra.Command{
		Use:   "crawl [flags] SEED...",
		Short: "Crawl sites politely and publish their article pages to a running newsintel",
		Long: `Crawl from the seed URLs and publish every article page found to the RAW stream of a
running newsintel (default nats://127.0.0.1:4222, the embedded server of 'newsintel serve').

The crawler obeys robots.txt (RFC 9309: a 4xx robots.txt allows all, a 5xx or unreachable one
closes the site), reads the sites' sitemaps and Google News sitemaps (robots.txt Sitemap lines
and /sitemap.xml), follows links within the allowed domains (default: the seeds' hosts) up to
--depth, and publishes only article pages (JSON-LD NewsArticle/Article/BlogPosting,
og:type=article, article:published_time, or an --article pattern); index pages are followed,
not published. Each article is published once per canonical URL. Every fetch goes through the
guarded client (fetch.* settings): private and loopback addresses are refused unless
fetch.allow_private_networks is true.

The frontier and the visited set are kept in the server's "crawl" key-value bucket, so a
crawl that is stopped resumes where it was, and pages visited before are not fetched again
until --revisit (articles: --article-revisit). --no-state keeps them in memory instead.

Flags not given take the crawl.* configuration (config/example.yaml documents it).
Exits non-zero when no page could be fetched.`,
		Example: `  newsintel crawl https://www.example-news.com/
  newsintel crawl --depth 3 --allow example-news.com --exclude '/tag/' https://www.example-news.com/politics/
  newsintel crawl --article '/\d{4}/\d{2}/\d{2}/' --max-pages 500 https://www.example-news.com/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			if !newsintel.Kind(f.kind).Valid() {
				return fmt.Errorf("--kind %q: use article, filing or notice", f.kind)
			}
			crawlConfig(cfg.Crawl, cmd.Flags().Changed, &f.opts)
			f.opts.Kind, f.opts.Seeds, f.opts.Once = newsintel.Kind(f.kind), args, true
			natsURL := f.natsURL
			if natsURL == "" {
				natsURL = cfg.NATS.URL
			}
			if natsURL == "" {
				natsURL = "nats://" + cfg.NATS.Listen
			}
			return runCrawl(cmd.Context(), cfg, natsURL, f, cmd.OutOrStdout(), logger(cfg, os.Stderr))
		},
	}
	fl := cmd.Flags()
	// Defaults shown here are config's; the crawl.* settings replace them
	// for flags not given (see crawlConfig).
	fl.StringVar(&f.natsURL, "nats", "", "NATS URL of the running newsintel (default nats.url, else nats://<nats.listen>)")
	fl.BoolVar(&f.noState, "no-state", false, "keep the frontier and visited set in memory, not in the server's crawl bucket")
	fl.StringVar(&f.opts.Name, "source", "crawl", "source name recorded on the documents (letters, digits, '-' and '_'); also names the crawl's state")
	fl.StringVar(&f.kind, "kind", "article", "kind of the documents: article, filing or notice")
	fl.StringVar(&f.opts.Publisher, "publisher", "", "publisher name to record on the documents (default: found in the pages)")
	fl.IntVar(&f.opts.MaxDepth, "depth", crawl.DefaultMaxDepth, "links followed from a seed or sitemap entry (0: only those)")
	fl.StringArrayVar(&f.opts.AllowedDomains, "allow", nil, "domain that may be crawled, subdomains included; repeatable (default: the seeds' hosts)")
	fl.StringArrayVar(&f.opts.Include, "include", nil, "regexp a followed link must match (any of them); repeatable")
	fl.StringArrayVar(&f.opts.Exclude, "exclude", nil, "regexp of links not to follow; repeatable")
	fl.StringArrayVar(&f.opts.ArticlePatterns, "article", nil, "regexp of URLs that are articles whatever the page says; repeatable")
	fl.DurationVar(&f.opts.Delay, "delay", crawl.DefaultDelay, "delay between requests to one host (a longer robots.txt Crawl-delay wins)")
	fl.IntVar(&f.opts.Parallelism, "parallel", crawl.DefaultParallelism, "requests in flight per host")
	fl.IntVar(&f.opts.Workers, "workers", crawl.DefaultWorkers, "requests in flight in all")
	fl.IntVar(&f.opts.MaxPages, "max-pages", 0, "stop after fetching this many pages (0: no limit); the rest stays queued")
	fl.BoolVar(&f.opts.NoSitemaps, "no-sitemaps", false, "do not read the sites' sitemaps")
	fl.DurationVar(&f.opts.SitemapMaxAge, "sitemap-max-age", crawl.DefaultSitemapMaxAge, "skip sitemap entries dated older than this (0: keep all)")
	fl.DurationVar(&f.opts.Revisit, "revisit", crawl.DefaultRevisit, "fetch pages that are not articles again after this")
	fl.DurationVar(&f.opts.ArticleRevisit, "article-revisit", 0, "fetch articles again after this (0: never)")
	return cmd
}

// crawlConfig takes the crawl.* configuration for every flag that was not
// given on the command line.
func crawlConfig(c config.Crawl, changed func(flag string) bool, o *crawl.Options) {
	for flag, apply := range map[string]func(){
		"depth":           func() { o.MaxDepth = c.MaxDepth },
		"delay":           func() { o.Delay = c.Delay.D() },
		"parallel":        func() { o.Parallelism = c.Parallelism },
		"workers":         func() { o.Workers = c.Workers },
		"revisit":         func() { o.Revisit = c.Revisit.D() },
		"article-revisit": func() { o.ArticleRevisit = c.ArticleRevisit.D() },
		"sitemap-max-age": func() { o.SitemapMaxAge = c.SitemapMaxAge.D() },
		"max-pages":       func() { o.MaxPages = c.MaxPages },
	} {
		if !changed(flag) {
			apply()
		}
	}
}

// runCrawl crawls once from f's seeds, publishing to the server at natsURL,
// and prints what it did.
func runCrawl(ctx context.Context, cfg config.Config, natsURL string, f *crawlFlags, out io.Writer, log *slog.Logger) error {
	bus, err := pipelines.Connect(ctx, natsURL, "newsintel-crawl", log)
	if err != nil {
		return fmt.Errorf("connect to %s (is 'newsintel serve' running?): %w", natsURL, err)
	}
	defer bus.Close()
	var state crawl.State = &crawl.MemoryState{}
	if !f.noState {
		if state, err = bus.CrawlState(ctx); err != nil {
			return fmt.Errorf("crawl state (is 'newsintel serve' running, or use --no-state): %w", err)
		}
	}
	c, err := crawl.New(newFetcher(cfg), bus, state, f.opts, log)
	if err != nil {
		return err
	}
	start := time.Now()
	runErr := c.Run(ctx)
	st := c.Stats()
	for _, e := range st.Errors {
		fmt.Fprintf(out, "failed: %s\n", e)
	}
	fmt.Fprintf(out, "fetched %d pages in %v: published %d articles, %d duplicates, %d index pages; %d disallowed by robots.txt, %d deferred, %d failed, %d sitemaps read, %d still queued\n",
		st.Fetched, time.Since(start).Round(time.Millisecond), st.Published, st.Duplicates, st.Index, st.Disallowed, st.Deferred, st.Failed, st.Sitemaps, st.Queued)
	if runErr != nil && !errors.Is(runErr, context.Canceled) {
		return runErr
	}
	if st.Fetched == 0 && (st.Failed > 0 || st.Deferred > 0) {
		return exitError{code: 1}
	}
	return nil
}

// crawlSourceOptions returns the crawler options of a configured source of
// type crawl: its URL is the seed, its interval (when set) the revisit
// interval, the rest comes from crawl.*. serve runs one crawl.Crawler per
// such source, with Run until shutdown.
func crawlSourceOptions(cfg config.Config, s config.Source) crawl.Options {
	var o crawl.Options
	crawlConfig(cfg.Crawl, func(string) bool { return false }, &o)
	o.Name, o.Kind, o.Seeds = s.Name, kindOf(s.Kind), []string{s.URL}
	if s.Interval > 0 {
		o.Revisit = s.Interval.D()
	}
	return o
}
