package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
)

// seed queues the seeds and, unless sitemaps are off, the entries of every
// sitemap of the seeds' sites (named by robots.txt Sitemap lines or at
// /sitemap.xml), newest first.
func (c *Crawler) seed(ctx context.Context) error {
	var origins []*url.URL
	for _, s := range c.opts.Seeds {
		u := canonicalLink(s)
		if u == "" {
			continue
		}
		if err := c.push(ctx, Entry{URL: u, Seed: true}); err != nil {
			return err
		}
		p, _ := url.Parse(u)
		o := &url.URL{Scheme: p.Scheme, Host: p.Host, Path: "/"}
		if !slices.ContainsFunc(origins, func(x *url.URL) bool { return x.String() == o.String() }) {
			origins = append(origins, o)
		}
	}
	if c.opts.NoSitemaps {
		return nil
	}
	for _, o := range origins {
		if err := c.sitemapsOf(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// sitemapsOf reads the sitemaps of one origin and queues their entries.
func (c *Crawler) sitemapsOf(ctx context.Context, origin *url.URL) error {
	rb, err := c.robots.get(ctx, origin)
	if err != nil {
		return nil // the site is closed for now; its pages are deferred too
	}
	wellKnown := origin.JoinPath("sitemap.xml").String()
	locs := rb.Sitemaps()
	if !slices.Contains(locs, wellKnown) && rb.Allowed(origin.JoinPath("sitemap.xml")) {
		locs = append(locs, wellKnown)
	}
	var found []SitemapEntry
	seen := map[string]bool{}
	for _, loc := range locs {
		found = append(found, c.readSitemap(ctx, loc, loc != wellKnown, 0, seen)...)
	}
	// Newest first, so that a MaxPages cut keeps the fresh news.
	slices.SortStableFunc(found, func(a, b SitemapEntry) int { return b.date().Compare(a.date()) })
	found = found[:min(len(found), maxSitemapURLs)]
	for i := range found {
		e := found[i]
		u := canonicalLink(e.URL)
		if u == "" || !c.scope.follow(u) {
			continue
		}
		if err := c.push(ctx, Entry{URL: u, Sitemap: &e}); err != nil {
			return err
		}
	}
	return nil
}

// readSitemap fetches and parses one sitemap, following an index into its
// children (the newest maxSitemapChildren, nested at most twice). Failures
// are counted and logged; a missing well-known sitemap is not a failure.
func (c *Crawler) readSitemap(ctx context.Context, loc string, declared bool, depth int, seen map[string]bool) []SitemapEntry {
	if seen[loc] || depth > maxSitemapIndexNested || ctx.Err() != nil {
		return nil
	}
	seen[loc] = true
	sm, err := c.getSitemap(ctx, loc)
	if err != nil {
		var se *fetch.StatusError
		if declared || !errors.As(err, &se) || se.Code != 404 && se.Code != 410 {
			c.stats.fail(fmt.Sprintf("sitemap %s: %v", loc, err))
			c.log.Info("sitemap not read", slog.String(attrURL, loc), slog.String(attrError, err.Error()))
		}
		return nil
	}
	c.stats.add(func(s *Stats) { s.Sitemaps++ })
	out := c.fresh(sm.URLs)
	children := c.fresh(sm.Children)
	slices.SortStableFunc(children, func(a, b SitemapEntry) int { return b.LastMod.Compare(a.LastMod) })
	for _, ch := range children[:min(len(children), maxSitemapChildren)] {
		out = append(out, c.readSitemap(ctx, ch.URL, true, depth+1, seen)...)
	}
	return out
}

func (c *Crawler) getSitemap(ctx context.Context, loc string) (*Sitemap, error) {
	u, err := url.Parse(loc)
	if err != nil {
		return nil, err
	}
	if _, ok := c.scope.host(loc); !ok {
		return nil, fmt.Errorf("%w: %s", ErrOutOfScope, u.Redacted())
	}
	resp, err := c.client.Get(ctx, fetch.Request{URL: loc, Accept: "application/xml,text/xml;q=0.9,*/*;q=0.5"})
	if err != nil {
		return nil, err
	}
	return ParseSitemap(resp.Body, loc, maxSitemapEntries, c.client.Options().MaxBodySize)
}

// fresh drops the entries dated before the sitemap age limit; undated
// entries are kept.
func (c *Crawler) fresh(in []SitemapEntry) []SitemapEntry {
	if c.opts.SitemapMaxAge <= 0 {
		return in
	}
	cutoff := time.Now().Add(-c.opts.SitemapMaxAge)
	return slices.DeleteFunc(in, func(e SitemapEntry) bool { d := e.date(); return !d.IsZero() && d.Before(cutoff) })
}
