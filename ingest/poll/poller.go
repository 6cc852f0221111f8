package poll

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/feed"
	"github.com/newsintel/newsintel/ingest/fetch"
)

// feedAccept is the Accept header of a feed request.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// maxItemAttempts is how many polls try an item whose page fails with a
// transient error before it is given up as seen.
const maxItemAttempts = 3

// Poller polls one feed at a time: conditional GET, parse, publish the new
// items, record the feed's state. Set its fields before first use; it is
// then safe for concurrent use (for different feeds).
type Poller struct {
	Client      *fetch.Client
	Pub         ingest.Publisher
	States      Store      // feed URL → State (bucket "feeds")
	Seen        Store      // feed URL + item key → seenRecord (bucket "items")
	Revisions   *Revisions // document ID → revisions; nil publishes every new item as revision 1
	Log         *slog.Logger
	MaxNewItems int           // new items taken per poll; DefaultMaxNewItems when 0
	MaxInterval time.Duration // back-off cap; DefaultMaxInterval when 0
	Parallel    int           // item pages fetched at once per poll; 4 when 0

	mu       sync.Mutex
	states   map[string]State                // cache of States, so a poll costs one KV write
	known    map[string]map[string]time.Time // feed URL → item key → updated date, of items handled
	counters map[string]int64
}

// seenRecord is kept per feed item once it was handled.
type seenRecord struct {
	At       time.Time `json:"at"`
	Updated  time.Time `json:"updated,omitzero"`   // the item's updated date when handled
	Attempts int       `json:"attempts,omitempty"` // transient failures so far, while not yet handled
	Done     bool      `json:"done"`
}

// itemResult is the outcome of one new item.
type itemResult int

const (
	itemPublished itemResult = iota
	itemUnchanged
	itemFailed
	itemRetry // transient failure: try again at the next poll
)

// Poll polls f once and returns its new State, which it has also saved.
// The error is the poll's failure (fetch, parse), also recorded in the
// State; failures of single items are counted, logged and do not fail the
// poll. An error saving the state is returned too.
func (p *Poller) Poll(ctx context.Context, f Feed) (State, error) {
	st, err := p.state(ctx, f.URL)
	if err != nil {
		return st, err
	}
	now := time.Now().UTC()
	st.LastPoll = now
	st.Polls++
	p.count("polls", 1)
	pollErr := p.fetchAndPublish(ctx, f, &st)
	if pollErr != nil && (errors.Is(pollErr, context.Canceled) || errors.Is(ctx.Err(), context.Canceled)) {
		// Shutting down (the transport may say only "request canceled"):
		// not the feed's failure. Poll it first thing next time.
		st.NextPoll = now
		if err := p.save(context.WithoutCancel(ctx), f.URL, st); err != nil {
			return st, errors.Join(pollErr, err)
		}
		return st, pollErr
	}
	if pollErr != nil {
		st.ConsecutiveFailures++
		st.Errors++
		st.LastError, st.LastErrorAt, st.ErrorClass = pollErr.Error(), now, ErrorClass(pollErr)
		p.count("errors", 1)
		p.count("errors."+st.ErrorClass, 1)
	} else {
		st.ConsecutiveFailures = 0
		st.LastSuccess = now
	}
	delay := NextDelay(f.Interval, st.ConsecutiveFailures, p.MaxInterval)
	var se *fetch.StatusError
	if errors.As(pollErr, &se) && se.RetryAfter > delay {
		delay = min(se.RetryAfter, max(p.MaxInterval, DefaultMaxInterval)) // the host asked for a longer pause
	}
	st.NextPoll = time.Now().UTC().Add(delay)
	if err := p.save(context.WithoutCancel(ctx), f.URL, st); err != nil {
		return st, errors.Join(pollErr, err)
	}
	return st, pollErr
}

// fetchAndPublish does the work of one poll and updates st's validators
// and item counts.
func (p *Poller) fetchAndPublish(ctx context.Context, f Feed, st *State) error {
	resp, err := p.Client.Get(ctx, fetch.Request{URL: f.URL, ETag: st.ETag, LastModified: st.LastModified, Accept: feedAccept})
	if err != nil {
		return err
	}
	if resp.NotModified {
		st.NotModified++
		p.count("not_modified", 1)
		return nil
	}
	sum := sha256.Sum256(resp.Body)
	bodyHash := hex.EncodeToString(sum[:16])
	if bodyHash == st.BodyHash {
		// The same bytes as last time, all handled: as good as a 304 from a
		// server that sends no validators.
		st.Unchanged++
		p.count("unchanged", 1)
		return nil
	}
	parsed, err := feed.Parse(resp.Body, resp.FinalURL)
	if err != nil {
		if errors.Is(err, feed.ErrNotFeed) {
			if alts := alternateFeeds(resp.Body, resp.FinalURL); len(alts) > 0 {
				return fmt.Errorf("%w; the page names its feeds, use one as the source URL: %s", err, strings.Join(alts, " "))
			}
		}
		return err
	}
	fresh, more, err := p.newItems(ctx, f, parsed.Items)
	if err != nil {
		return err
	}
	published, retry := p.publish(ctx, f, fresh)
	st.ItemsSeen += int64(published)
	if published > 0 {
		st.LastNewItem = time.Now().UTC()
	}
	// Keep the validators only when everything in this response was handled:
	// otherwise a 304 next time would hide the items left for later.
	if more || retry {
		st.ETag, st.LastModified, st.BodyHash = "", "", ""
	} else {
		st.ETag, st.LastModified, st.BodyHash = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), bodyHash
	}
	return ctx.Err()
}

// newItems returns the items of a parsed feed not handled before (or
// updated since), at most MaxNewItems, and whether more were left. Items
// handled in this process's previous poll of the feed are known from
// memory; the others are looked up in Seen.
func (p *Poller) newItems(ctx context.Context, f Feed, items []newsintel.FeedItem) ([]pending, bool, error) {
	limit := p.MaxNewItems
	if limit <= 0 {
		limit = DefaultMaxNewItems
	}
	known := p.knownItems(f.URL)
	var out []pending
	more := false
	for i := range items {
		it := items[i]
		it.Feed = f.URL
		key := feed.ItemKey(it)
		if upd, ok := known[key]; ok && !it.Updated.After(upd) {
			p.remember(f.URL, key, upd)
			continue
		}
		var rec seenRecord
		found, err := p.Seen.Load(ctx, f.URL+"\x00"+key, &rec)
		if err != nil {
			return nil, false, err
		}
		if found && rec.Done && !it.Updated.After(rec.Updated) {
			p.remember(f.URL, key, rec.Updated)
			continue
		}
		if len(out) == limit {
			more = true
			continue
		}
		out = append(out, pending{item: it, key: key, name: f.URL + "\x00" + key, rec: rec})
	}
	return out, more, nil
}

// pending is a new item waiting to be handled.
type pending struct {
	item newsintel.FeedItem
	key  string // feed.ItemKey
	name string // its key in the Seen store
	rec  seenRecord
}

// publish handles the new items, a few at once, and returns how many were
// published and whether any is to be tried again.
func (p *Poller) publish(ctx context.Context, f Feed, items []pending) (published int, retry bool) {
	in := &ingest.Ingester{Client: p.Client, Log: p.log(), Source: f.Name, Kind: f.Kind}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(p.parallel())
	for i := range items {
		g.Go(func() error {
			res := p.handle(gctx, in, &items[i])
			mu.Lock()
			defer mu.Unlock()
			switch res {
			case itemPublished:
				published++
			case itemRetry:
				retry = true
			}
			return nil
		})
	}
	g.Wait()
	p.count("items_published", int64(published))
	return published, retry
}

// handle fetches, stamps and publishes one item and marks it seen.
func (p *Poller) handle(ctx context.Context, in *ingest.Ingester, it *pending) itemResult {
	p.count("items_new", 1)
	raw, err := in.ItemRaw(ctx, &it.item)
	if err != nil {
		return p.itemFailed(ctx, it, err)
	}
	changed := true
	if p.Revisions != nil {
		if changed, err = p.Revisions.Stamp(ctx, &raw); err != nil {
			return p.pipelineFailed(it, err)
		}
	}
	if changed {
		if err := p.Pub.PublishRaw(ctx, raw); err != nil {
			return p.pipelineFailed(it, fmt.Errorf("publish %s: %w", raw.URL, err))
		}
		if raw.Revision > 1 {
			p.count("revisions", 1)
		}
		if p.Revisions != nil {
			if err := p.Revisions.Record(ctx, &raw); err != nil {
				p.log().Warn("revision not recorded", "url", raw.URL, "error", err)
			}
		}
	}
	p.markSeen(ctx, it, seenRecord{At: time.Now().UTC(), Updated: it.item.Updated, Done: true})
	p.remember(it.item.Feed, it.key, it.item.Updated)
	if !changed {
		return itemUnchanged
	}
	return itemPublished
}

// pipelineFailed counts an item the pipeline could not take (JetStream
// down, a bucket unreachable): it stays unseen, to be tried again at the
// next poll however often that happens, so an outage loses nothing.
func (p *Poller) pipelineFailed(it *pending, err error) itemResult {
	p.count("items_failed", 1)
	p.log().Warn("feed item not published; will retry", "feed", it.item.Feed, "link", it.item.Link, "error", err)
	return itemRetry
}

// itemFailed counts an item whose page could not be had and decides
// whether to try it again: a transient failure up to three polls, a
// permanent one (404, refused, too large) not at all.
func (p *Poller) itemFailed(ctx context.Context, it *pending, err error) itemResult {
	p.count("items_failed", 1)
	p.log().Warn("feed item not ingested", "feed", it.item.Feed, "link", it.item.Link, "error", err)
	if ctx.Err() != nil {
		return itemRetry
	}
	rec := it.rec
	rec.Attempts++
	if fetch.Transient(err) && rec.Attempts < maxItemAttempts {
		p.markSeen(ctx, it, rec)
		return itemRetry
	}
	p.markSeen(ctx, it, seenRecord{At: time.Now().UTC(), Updated: it.item.Updated, Done: true, Attempts: rec.Attempts})
	p.remember(it.item.Feed, it.key, it.item.Updated)
	return itemFailed
}

func (p *Poller) markSeen(ctx context.Context, it *pending, rec seenRecord) {
	if err := p.Seen.Save(context.WithoutCancel(ctx), it.name, rec); err != nil {
		p.log().Warn("item not marked seen", "feed", it.item.Feed, "link", it.item.Link, "error", err)
	}
}
