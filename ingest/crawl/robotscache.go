package crawl

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
)

// How long a robots.txt answer is kept. RFC 9309 asks that a cached copy
// not be used for more than 24 hours, and that an unreachable robots.txt
// (5xx, network error) mean "disallow everything" until it can be had.
const (
	robotsTTL = 24 * time.Hour
	// DefaultRobotsRetry is how long an unreachable robots.txt keeps its
	// site closed before it is fetched again.
	DefaultRobotsRetry = 10 * time.Minute
)

// robotsCache fetches and keeps robots.txt per origin (scheme, host and
// port). It is safe for concurrent use; concurrent lookups of one origin
// fetch once.
type robotsCache struct {
	client *fetch.Client
	agent  string
	retry  time.Duration
	onFail func(origin string, err error) // told when a site closes for an unreachable robots.txt

	mu      sync.Mutex
	origins map[string]*robotsEntry
}

type robotsEntry struct {
	ready   chan struct{} // closed when robots and err are set
	robots  *Robots
	err     error // why the site is closed (unreachable robots.txt), nil otherwise
	expires time.Time
	good    *Robots // the last robots.txt that was had, kept through outages
}

func newRobotsCache(c *fetch.Client, agent string, retry time.Duration) *robotsCache {
	return &robotsCache{client: c, agent: agent, retry: retry, origins: map[string]*robotsEntry{}}
}

// get returns the rules for u's origin; err is non-nil when robots.txt could
// not be had and the returned rules disallow everything.
func (rc *robotsCache) get(ctx context.Context, u *url.URL) (*Robots, error) {
	origin := u.Scheme + "://" + u.Host
	rc.mu.Lock()
	e, ok := rc.origins[origin]
	if ok && time.Now().After(e.expires) && isClosed(e.ready) {
		ok = false
	}
	if !ok {
		var good *Robots
		if e != nil {
			good = e.good
		}
		e = &robotsEntry{ready: make(chan struct{}), good: good}
		rc.origins[origin] = e
		rc.mu.Unlock()
		rc.load(ctx, origin, e) // the first asker loads; the others wait on ready
		return e.robots, e.err
	}
	rc.mu.Unlock()
	select {
	case <-e.ready:
		return e.robots, e.err
	case <-ctx.Done():
		return &Robots{disallowAll: true}, ctx.Err()
	}
}

// load fetches origin's robots.txt: 2xx is parsed, 4xx allows everything,
// anything else (5xx, 429, network errors, refused addresses) disallows
// everything for rc.retry, unless an earlier copy was had.
func (rc *robotsCache) load(ctx context.Context, origin string, e *robotsEntry) {
	defer close(e.ready)
	resp, err := rc.client.Get(ctx, fetch.Request{URL: origin + "/robots.txt", Accept: "text/plain,*/*;q=0.5"})
	var se *fetch.StatusError
	switch {
	case err == nil:
		e.robots = ParseRobots(resp.Body, rc.agent)
		e.good, e.expires = e.robots, time.Now().Add(robotsTTL)
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != 429:
		e.robots, e.expires = &Robots{}, time.Now().Add(robotsTTL)
		e.good = e.robots
	case ctx.Err() != nil:
		e.robots, e.err, e.expires = &Robots{disallowAll: true}, ctx.Err(), time.Now() // ask again next time
	case e.good != nil && !errors.Is(err, fetch.ErrBlocked):
		e.robots, e.expires = e.good, time.Now().Add(rc.retry)
	default:
		e.robots, e.err = &Robots{disallowAll: true}, err
		e.expires = time.Now().Add(rc.retry)
		if rc.onFail != nil {
			rc.onFail(origin, err)
		}
	}
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
