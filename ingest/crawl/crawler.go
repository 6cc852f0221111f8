package crawl

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/sync/errgroup"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/urlcanon"
)

// Defaults callers (the CLI, the config) offer for Options.
const (
	DefaultMaxDepth       = 2
	DefaultDelay          = time.Second
	DefaultParallelism    = 2
	DefaultWorkers        = 8
	DefaultRevisit        = time.Hour
	DefaultSitemapMaxAge  = 30 * 24 * time.Hour
	failedRetry           = time.Hour   // a page that failed is tried again after this
	retryWait             = time.Minute // after a cycle failed on the State or the publisher
	maxCrawlDelay         = time.Minute // the longest robots.txt Crawl-delay honoured
	maxSitemapChildren    = 100
	maxSitemapEntries     = 50000 // the sitemaps.org limit per file
	maxSitemapURLs        = 50000 // newest sitemap entries queued per site and cycle
	maxSitemapIndexNested = 2
)

// Errors callers classify with errors.Is.
var (
	ErrDisallowed = errors.New("crawl: disallowed by robots.txt")
	ErrOutOfScope = errors.New("crawl: out of scope")
)

// Options configures a Crawler. Zero fields take the default noted beside
// them.
type Options struct {
	Name            string         // source name on documents and prefix of state keys; "crawl"
	Kind            newsintel.Kind // kind of the documents; article
	Seeds           []string       // absolute http(s) URLs (required)
	AllowedDomains  []string       // hosts (and their subdomains) that may be fetched; the seeds' hosts
	MaxDepth        int            // links followed from a seed or sitemap entry; 0 fetches only those
	Include         []string       // regexps: a followed link must match one (when any are given)
	Exclude         []string       // regexps: a link matching one is not followed
	ArticlePatterns []string       // regexps: URLs matching one are articles whatever the page says
	Delay           time.Duration  // between requests to one host; none (robots.txt Crawl-delay still applies)
	Parallelism     int            // requests in flight per host; 2
	Workers         int            // requests in flight in all; 8
	Revisit         time.Duration  // non-article pages are fetched again after this; 0: never
	ArticleRevisit  time.Duration  // articles are fetched again after this; 0: never
	SitemapMaxAge   time.Duration  // sitemap entries dated older are skipped; 0: none skipped
	NoSitemaps      bool           // do not read sitemaps
	MaxPages        int            // fetches per Run (each cycle); 0: no limit
	Once            bool           // Run returns when the frontier is drained instead of revisiting
	RobotsRetry     time.Duration  // how long an unreachable robots.txt closes a site; 10m
	Publisher       string         // publisher name to record on documents, when known
	// OnStatus, when set, is called with Crawler.Status after each cycle
	// (serve keeps it where `newsintel sources` reads source health).
	OnStatus func(newsintel.SourceStatus)
}

// Crawler crawls sites politely and publishes the article pages it finds.
// It is safe for concurrent use, but one State must be used by one running
// Crawler at a time.
type Crawler struct {
	opts    Options
	client  *fetch.Client
	pub     ingest.Publisher
	state   State
	keys    stateKeys
	log     *slog.Logger
	col     *colly.Collector
	robots  *robotsCache
	front   *frontier
	scope   scope
	article []*regexp.Regexp

	claimMu sync.Mutex
	claimed map[string]bool // document IDs being published this run

	stats statsCounter
}

// New returns a Crawler that fetches through client, publishes through pub
// and keeps its frontier in state (a MemoryState when nil). It returns an
// error naming the option for a bad seed, domain or pattern.
func New(client *fetch.Client, pub ingest.Publisher, state State, opts Options, log *slog.Logger) (*Crawler, error) {
	if client == nil || pub == nil {
		return nil, errors.New("crawl: a fetch client and a publisher are required")
	}
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	sc, err := newScope(opts)
	if err != nil {
		return nil, err
	}
	art, err := compileAll("article pattern", opts.ArticlePatterns)
	if err != nil {
		return nil, err
	}
	if state == nil {
		state = &MemoryState{}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Crawler{
		opts: opts, client: client, pub: pub, state: state, keys: stateKeys{name: opts.Name},
		log:    log.With(slog.String(attrComponent, "crawl"), slog.String(attrSource, opts.Name)),
		robots: newRobotsCache(client, client.Options().UserAgent, opts.RobotsRetry), scope: sc, article: art,
		front: newFrontier(opts.Parallelism, opts.Delay), claimed: map[string]bool{},
	}
	c.robots.onFail = func(origin string, err error) {
		c.stats.fail(fmt.Sprintf("%s/robots.txt: %v; the site is closed for %v", origin, err, opts.RobotsRetry))
		c.log.Warn("robots.txt unavailable; not crawling the site for now", slog.String(attrOrigin, origin), slog.String(attrError, err.Error()))
	}
	return c, nil
}

func (o *Options) defaults() error {
	if o.Name == "" {
		o.Name = "crawl"
	}
	if !validKeyToken(o.Name) {
		return fmt.Errorf("crawl: name %q: use letters, digits, '-' and '_'", o.Name)
	}
	if o.Kind == "" {
		o.Kind = newsintel.KindArticle
	}
	if !o.Kind.Valid() {
		return fmt.Errorf("crawl: kind %q: use article, filing or notice", o.Kind)
	}
	if len(o.Seeds) == 0 {
		return errors.New("crawl: seeds: at least one URL is needed")
	}
	if o.MaxDepth < 0 {
		return fmt.Errorf("crawl: max depth %d: must not be negative", o.MaxDepth)
	}
	o.Parallelism = cmpOr(o.Parallelism, DefaultParallelism)
	o.Workers = cmpOr(o.Workers, DefaultWorkers)
	if o.RobotsRetry <= 0 {
		o.RobotsRetry = DefaultRobotsRetry
	}
	return nil
}

func cmpOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// Run crawls until ctx is done. Each cycle resumes the frontier kept in
// the State, queues the seeds and the sitemaps' entries that are due, and
// fetches until the frontier is drained; the next cycle starts after the
// revisit interval (DefaultRevisit when Revisit is 0: sitemaps are read
// again each cycle). Failures of single pages are counted in Stats and
// logged and do not stop the crawl. A State or publish failure ends the
// cycle, the frontier staying in the State: with Options.Once Run returns
// that error, else it logs it and tries again a minute later. Run returns
// nil when ctx is done or a single pass (Once) ended.
func (c *Crawler) Run(ctx context.Context) error {
	c.col = c.collector(ctx)
	for {
		before := c.cycleStarted(time.Now().UTC())
		err := c.cycle(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait := cmp.Or(c.opts.Revisit, DefaultRevisit)
		if err != nil {
			wait = retryWait
		}
		var next time.Time
		if !c.opts.Once {
			next = time.Now().Add(wait).UTC()
		}
		if st := c.cycleEnded(before, err, next); c.opts.OnStatus != nil {
			c.opts.OnStatus(st)
		}
		if c.opts.Once {
			return err
		}
		if err != nil {
			c.log.Warn("crawl cycle failed; trying again", slog.String(attrError, err.Error()), slog.Duration(attrWait, retryWait))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		c.front.reset()
		c.claimMu.Lock()
		clear(c.claimed)
		c.claimMu.Unlock()
	}
}

// cycle takes up what the State still holds queued (an earlier Run's
// frontier, pages cut off by MaxPages, URLs of sites whose robots.txt was
// unreachable), queues the seeds and sitemap entries, and drains.
func (c *Crawler) cycle(ctx context.Context) error {
	if err := c.resume(ctx); err != nil {
		return err
	}
	if err := c.seed(ctx); err != nil {
		return err
	}
	return c.drain(ctx)
}

// collector builds the colly collector: fetching through our client, no
// robots.txt of its own (we apply RFC 9309), no visited set of its own (the
// State is the visited set), no body limit of its own (the fetcher's
// applies after decoding), and none of colly's COLLY_* environment
// settings.
func (c *Crawler) collector(ctx context.Context) *colly.Collector {
	col := colly.NewCollector(colly.StdlibContext(ctx))
	col.IgnoreRobotsTxt = true
	col.AllowURLRevisit = true
	col.MaxBodySize = 0
	col.MaxDepth = 0
	col.MaxRequests = 0
	col.CacheDir = ""
	col.DetectCharset = false
	col.TraceHTTP = false
	col.ParseHTTPErrorResponse = false
	col.AllowedDomains, col.DisallowedDomains, col.URLFilters, col.DisallowedURLFilters = nil, nil, nil, nil
	col.UserAgent = c.client.Options().UserAgent
	col.SetClient(&http.Client{Transport: fetchTransport{client: c.client}})
	col.OnResponse(func(r *colly.Response) {
		if p, ok := r.Ctx.GetAny("page").(*page); ok {
			p.finalURL, p.status, p.body = r.Request.URL, r.StatusCode, r.Body
			p.header = *r.Headers
			p.mediaType = r.Headers.Get("Content-Type")
		}
	})
	col.OnHTML("html", onHTML)
	return col
}

// resume loads the frontier the State holds from an earlier Run.
func (c *Crawler) resume(ctx context.Context) error {
	n := 0
	err := c.state.Scan(ctx, c.keys.frontierPrefix(), func(key string, v []byte) error {
		e, err := decode[Entry](v)
		if err != nil {
			c.log.Warn("dropping unreadable frontier entry", slog.String(attrKey, key), slog.String(attrError, err.Error()))
			return c.state.Delete(ctx, key)
		}
		host, ok := c.scope.host(e.URL)
		if !ok {
			return c.state.Delete(ctx, key)
		}
		if !c.front.markKnown(e.URL) {
			return nil // queued already
		}
		c.front.add(host, e)
		n++
		return nil
	})
	if err != nil {
		return stateErr("resume", err)
	}
	if n > 0 {
		c.log.Info("resuming crawl", slog.Int(attrQueued, n))
	}
	return nil
}

// push queues e unless it is out of scope, already decided this run, or
// visited recently enough; the entry is stored in the State first.
func (c *Crawler) push(ctx context.Context, e Entry) error {
	host, ok := c.scope.host(e.URL)
	if !ok || !c.front.markKnown(e.URL) {
		return nil
	}
	v, found, err := c.state.Get(ctx, c.keys.visit(e.URL))
	if err != nil {
		return stateErr("get", err)
	}
	if found {
		if vis, err := decode[Visit](v); err == nil && !c.due(vis) {
			return nil
		}
	}
	e.Added = time.Now().UTC()
	if err := c.state.Put(ctx, c.keys.frontier(e.URL), encode(e)); err != nil {
		return stateErr("put", err)
	}
	c.front.add(host, e)
	return nil
}

// due reports whether a page visited as v should be fetched again.
func (c *Crawler) due(v Visit) bool {
	age := time.Since(v.At)
	switch {
	case v.Error != "":
		return age > failedRetry
	case v.Article:
		return c.opts.ArticleRevisit > 0 && age > c.opts.ArticleRevisit
	default:
		return c.opts.Revisit > 0 && age > c.opts.Revisit
	}
}

// drain runs the workers until the frontier is empty, MaxPages pages were
// fetched, ctx is done, or a worker meets a State or publish failure.
func (c *Crawler) drain(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	var fetched sync.Mutex
	pages := 0
	for range c.opts.Workers {
		g.Go(func() error {
			for {
				e, host, ok := c.front.next(gctx)
				if !ok {
					return nil
				}
				fetched.Lock()
				pages++
				if c.opts.MaxPages > 0 && pages >= c.opts.MaxPages {
					c.front.stop()
				}
				fetched.Unlock()
				err := c.visit(gctx, host, e)
				c.front.done(host)
				if err != nil {
					c.front.stop()
					return err
				}
			}
		})
	}
	return g.Wait()
}

// canonicalLink returns the normalised form of an absolute link, or "" when
// it is not an http(s) URL worth fetching.
func canonicalLink(raw string) string {
	if raw == "" || strings.HasPrefix(raw, "javascript:") || strings.HasPrefix(raw, "mailto:") {
		return ""
	}
	c, err := urlcanon.Canonical(raw)
	if err != nil {
		return ""
	}
	return c
}

// hostOf returns the host (with port) of an absolute URL.
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Host
}
