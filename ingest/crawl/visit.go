package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
)

// visit fetches one frontier entry (when robots.txt allows), publishes it
// when it is an article, queues its links, and records the visit. It
// returns an error only for State and publish failures.
func (c *Crawler) visit(ctx context.Context, host string, e Entry) error {
	if !c.front.markVisited(e.URL) {
		// Already fetched this run under another URL that redirected or
		// pointed here as its canonical URL.
		return c.state.Delete(ctx, c.keys.frontier(e.URL))
	}
	u, err := url.Parse(e.URL)
	if err != nil {
		return c.record(ctx, e, Visit{Error: err.Error()})
	}
	rb, rerr := c.robots.get(ctx, u)
	if rerr != nil {
		// robots.txt unreachable: the site is closed for now, the entry
		// stays in the State's frontier for a later cycle or Run.
		c.stats.add(func(s *Stats) { s.Deferred++ })
		c.log.Debug("robots.txt unavailable; deferring", slog.String(attrURL, e.URL), slog.String(attrError, rerr.Error()))
		return nil
	}
	c.front.setDelay(host, min(rb.CrawlDelay(), maxCrawlDelay))
	if !rb.Allowed(u) {
		c.stats.add(func(s *Stats) { s.Disallowed++ })
		return c.record(ctx, e, Visit{Error: ErrDisallowed.Error()})
	}
	p, err := c.fetch(ctx, e.URL)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopping; the entry stays queued in the State
		}
		c.stats.fail(namingURL(e.URL, err))
		c.log.Info("page not fetched", slog.String(attrURL, e.URL), slog.String(attrError, err.Error()))
		return c.record(ctx, e, Visit{Status: statusOf(err), Error: err.Error()})
	}
	c.stats.add(func(s *Stats) { s.Fetched++ })
	return c.handle(ctx, e, p)
}

// fetch gets one page through colly (which fetches through our client).
func (c *Crawler) fetch(ctx context.Context, u string) (*page, error) {
	p := &page{}
	cctx := colly.NewContext()
	cctx.Put("page", p)
	if err := c.col.Request("GET", u, nil, cctx, nil); err != nil {
		return nil, unwrapURLError(err)
	}
	if p.finalURL == nil {
		return nil, fmt.Errorf("crawl %s: no response", u)
	}
	return p, ctx.Err()
}

// handle publishes an article page, queues the links of any HTML page, and
// records the visit under the fetched, final and canonical URLs.
func (c *Crawler) handle(ctx context.Context, e Entry, p *page) error {
	final := canonicalLink(p.finalURL.String())
	if _, ok := c.scope.host(final); !ok {
		c.stats.fail(fmt.Sprintf("%s: redirected off the allowed domains to %s", e.URL, p.finalURL.Redacted()))
		return c.record(ctx, e, Visit{Status: p.status, Error: ErrOutOfScope.Error()})
	}
	vis := Visit{Status: p.status}
	canon := final
	if p.html {
		for _, v := range p.header["X-Robots-Tag"] {
			p.robotsDirectives(xRobotsFor(v))
		}
		canon = p.canonicalURL()
		article, why := p.isArticle(c.article)
		switch {
		case !article || p.noIndex:
			c.stats.add(func(s *Stats) { s.Index++ })
		default:
			vis.Article = true
			deferred, err := c.deferToCanonical(ctx, e, final, canon)
			if err != nil {
				return err
			}
			if deferred {
				canon = final // the canonical page is fetched and published on its own
				break
			}
			if vis.DocID, err = c.publish(ctx, e, p, canon, why); err != nil {
				return err
			}
		}
		if err := c.follow(ctx, e, p); err != nil {
			return err
		}
	}
	// The same page under its final and canonical URLs is not fetched
	// again when a link to one of those is met later.
	for _, alias := range []string{final, canon} {
		if alias == e.URL || !c.front.markVisited(alias) {
			continue
		}
		if err := c.putVisit(ctx, alias, vis); err != nil {
			return err
		}
	}
	return c.record(ctx, e, vis)
}

// deferToCanonical queues the canonical URL of an article reached by
// another URL (a print or AMP variant, page 2 of a story, a link with
// extra parameters) when it has not been fetched, and reports true: the
// canonical page is the one to publish, as the variant may hold only part
// of the text. It reports false when the variant must be published itself:
// the canonical page is out of scope or was fetched already.
func (c *Crawler) deferToCanonical(ctx context.Context, e Entry, final, canon string) (bool, error) {
	if canon == final || canon == e.URL || !c.scope.follow(canon) || c.front.isVisited(canon) {
		return false, nil
	}
	if _, found, err := c.state.Get(ctx, c.keys.visit(canon)); err != nil || found {
		return false, err
	}
	if c.front.isKnown(canon) {
		return true, nil // queued already
	}
	return true, c.push(ctx, Entry{URL: canon, Depth: e.Depth, Sitemap: e.Sitemap})
}

// follow queues the page's links one level deeper, unless the page is at
// the maximum depth or asks not to be followed.
func (c *Crawler) follow(ctx context.Context, e Entry, p *page) error {
	if e.Depth >= c.opts.MaxDepth || p.noFollow {
		return nil
	}
	for _, l := range p.links {
		u := canonicalLink(l)
		if u == "" || !c.scope.follow(u) || c.front.isKnown(u) {
			continue
		}
		if err := c.push(ctx, Entry{URL: u, Depth: e.Depth + 1}); err != nil {
			return err
		}
	}
	return nil
}

// publish sends an article page on, once per canonical URL: a page whose
// canonical URL was already published (reached by another URL, this run or
// an earlier one) is counted as a duplicate. It returns the document ID.
func (c *Crawler) publish(ctx context.Context, e Entry, p *page, canon, why string) (string, error) {
	id := newsintel.ArticleID(canon)
	if !c.claim(id) {
		c.stats.add(func(s *Stats) { s.Duplicates++ })
		return id, nil
	}
	if e.URL != canon {
		v, found, err := c.state.Get(ctx, c.keys.visit(canon))
		if err != nil {
			return "", stateErr("get", err)
		}
		if vis, derr := decode[Visit](v); found && derr == nil && vis.DocID == id && !c.due(vis) {
			c.stats.add(func(s *Stats) { s.Duplicates++ })
			return id, nil
		}
	}
	raw := newsintel.Raw{
		ID: id, Kind: c.opts.Kind, Source: c.opts.Name, URL: e.URL, FinalURL: p.finalURL.String(),
		Status: p.status, Header: keptHeader(p.header), ContentType: p.mediaType, Fetched: time.Now().UTC(),
		Body: p.body, Publisher: c.opts.Publisher, Item: itemOf(e.Sitemap),
	}
	if err := c.pub.PublishRaw(ctx, raw); err != nil {
		c.unclaim(id)
		return "", fmt.Errorf("crawl: publish %s: %w", e.URL, err)
	}
	c.published(raw.Fetched)
	c.log.Debug("article published", slog.String(attrURL, e.URL), slog.String(attrDocID, id), slog.String(attrWhy, why))
	return id, nil
}

func (c *Crawler) claim(id string) bool {
	c.claimMu.Lock()
	defer c.claimMu.Unlock()
	if c.claimed[id] {
		return false
	}
	c.claimed[id] = true
	return true
}

func (c *Crawler) unclaim(id string) {
	c.claimMu.Lock()
	delete(c.claimed, id)
	c.claimMu.Unlock()
}

// itemOf carries what a news sitemap said about a page, so extraction can
// fall back to it.
func itemOf(s *SitemapEntry) *newsintel.FeedItem {
	if s == nil || (s.Title == "" && s.Published.IsZero() && s.Publication == "") {
		return nil
	}
	return &newsintel.FeedItem{
		Feed: s.Sitemap, FeedTitle: s.Publication, Title: s.Title, Link: s.URL,
		Published: s.Published, Updated: s.LastMod, Categories: s.Keywords,
	}
}

// record stores the visit of e and takes it off the State's frontier.
func (c *Crawler) record(ctx context.Context, e Entry, v Visit) error {
	if err := c.putVisit(ctx, e.URL, v); err != nil {
		return err
	}
	if err := c.state.Delete(ctx, c.keys.frontier(e.URL)); err != nil {
		return stateErr("delete", err)
	}
	return nil
}

func (c *Crawler) putVisit(ctx context.Context, u string, v Visit) error {
	v.At = time.Now().UTC()
	if err := c.state.Put(ctx, c.keys.visit(u), encode(v)); err != nil {
		return stateErr("put", err)
	}
	return nil
}

// unwrapURLError drops net/http's *url.Error wrapping of our transport's
// errors, whose text would repeat the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil && strings.HasPrefix(ue.Err.Error(), "fetch") {
		return ue.Err
	}
	return err
}

func statusOf(err error) int {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// xRobotsFor returns the directives of an X-Robots-Tag value that apply to
// every crawler: a value naming another agent ("googlebot: noindex") is
// dropped.
func xRobotsFor(v string) string {
	agent, _, ok := strings.Cut(v, ":")
	if !ok || strings.ContainsAny(strings.TrimSpace(agent), ", ") {
		return v
	}
	switch strings.ToLower(strings.TrimSpace(agent)) {
	case "max-snippet", "max-image-preview", "max-video-preview", "unavailable_after":
		return v
	}
	return ""
}

// namingURL returns err's text, prefixed with u unless it names it already
// (the fetcher's errors do).
func namingURL(u string, err error) string {
	if msg := err.Error(); strings.Contains(msg, u) {
		return msg
	}
	return u + ": " + err.Error()
}

// keptHeaders are the response headers worth keeping with a document;
// cookies and the like are not.
var keptHeaders = []string{"Content-Type", "Content-Language", "Last-Modified", "Etag", "Date", "Link", "X-Robots-Tag"}

func keptHeader(h http.Header) http.Header {
	out := http.Header{}
	for _, k := range keptHeaders {
		if v := h.Values(k); len(v) > 0 {
			out[k] = v
		}
	}
	return out
}
