// Package poll keeps feeds polling: a Poller fetches one feed with a
// conditional GET, parses it, publishes only the items not seen before
// (each with its page fetched for full text, and a revision number when a
// page changed), and records the feed's health; a Scheduler keeps thousands
// of feeds polling on time with a bounded pool of workers, a min-heap of
// next-poll times and a cap on polls in flight per host, so a slow or
// hostile host holds at most a few workers and never delays other hosts.
//
// State lives behind the small Store interface (the JetStream KV buckets
// "feeds" and "seen" in production, see pipelines.JSONStore), so a restart
// resumes with the same ETags, seen items and revision numbers.
package poll

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/feed"
	"github.com/newsintel/newsintel/ingest/fetch"
)

// Store keeps JSON-able values by name. pipelines.JSONStore implements it
// on a JetStream KV bucket. Implementations must be safe for concurrent use.
type Store interface {
	// Load decodes the value kept under name into v and reports whether
	// there was one.
	Load(ctx context.Context, name string, v any) (bool, error)
	// Save keeps v under name, replacing what was there.
	Save(ctx context.Context, name string, v any) error
}

// Feed is one feed to poll.
type Feed struct {
	Name     string         // source name recorded on every document
	URL      string         // the feed's URL
	Kind     newsintel.Kind // kind of its documents; article when empty
	Interval time.Duration  // time between polls; DefaultInterval when 0
}

// Defaults of Poller and Scheduler settings.
const (
	DefaultInterval    = 15 * time.Minute
	DefaultMaxInterval = 24 * time.Hour // back-off cap of a failing feed
	DefaultMaxNewItems = 100            // new items taken from one poll; the rest wait for the next
)

// State is what is kept per feed URL in the "feeds" bucket: the validators
// of the last response and the feed's health. Its JSON holds the fields of
// newsintel.SourceStatus under the same names, so a reader of the bucket
// can decode a SourceStatus from it.
type State struct {
	newsintel.SourceStatus
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	BodyHash     string `json:"body_hash,omitempty"`   // of the last response fully handled
	ErrorClass   string `json:"error_class,omitempty"` // see ErrorClass
	Polls        int64  `json:"polls"`
	NotModified  int64  `json:"not_modified"` // 304 responses
	Unchanged    int64  `json:"unchanged"`    // 200 responses with the same bytes as the last, not parsed again
	Errors       int64  `json:"errors"`       // failed polls, all time
}

// NextDelay returns how long to wait before polling a feed again: its
// interval after a success, doubled for each consecutive failure, capped at
// maxInterval (a day by default), and never below the interval.
func NextDelay(interval time.Duration, failures int, maxInterval time.Duration) time.Duration {
	if interval <= 0 {
		interval = DefaultInterval
	}
	if maxInterval <= 0 {
		maxInterval = DefaultMaxInterval
	}
	d := interval
	for i := 0; i < failures && d < maxInterval; i++ {
		d *= 2
	}
	return max(min(d, maxInterval), interval)
}

// ErrorClass names the kind of a poll error for counters and status:
// timeout, too_large, redirect, blocked, http_status, not_feed, too_deep,
// parse, canceled or fetch.
func ErrorClass(err error) string {
	var se *fetch.StatusError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, fetch.ErrTooLarge), errors.Is(err, feed.ErrTooLarge):
		return "too_large"
	case errors.Is(err, fetch.ErrRedirectLoop), errors.Is(err, fetch.ErrTooManyRedirects):
		return "redirect"
	case errors.Is(err, fetch.ErrBlocked), errors.Is(err, fetch.ErrScheme):
		return "blocked"
	case errors.As(err, &se):
		return "http_status"
	case errors.Is(err, feed.ErrNotFeed):
		return "not_feed"
	case errors.Is(err, feed.ErrTooDeep):
		return "too_deep"
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(err.Error(), "Client.Timeout"), isTimeout(err):
		return "timeout"
	case strings.HasPrefix(err.Error(), "feed:"):
		return "parse"
	}
	return "fetch"
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// hostOf returns the lower-cased host name of a URL, the unit of
// politeness (as the fetcher counts it).
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.ToLower(p.Hostname())
}
