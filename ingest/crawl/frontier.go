package crawl

import (
	"context"
	"sync"
	"time"
)

// frontier is the in-memory side of the crawl queue: one FIFO per host, a
// per-host delay and parallelism, and the set of URLs already known this
// run (queued, in flight or decided). It hands each worker the next URL of
// a host that may be fetched now, so one slow or delayed host never holds
// up the others. It is safe for concurrent use.
type frontier struct {
	parallel int
	delay    time.Duration

	mu       sync.Mutex
	hosts    map[string]*hostQueue
	order    []string // hosts in the order first seen, for round-robin
	turn     int
	known    map[string]bool
	visited  map[string]bool // fetched this run, under this URL or as an alias
	queued   int
	inflight int
	stopped  bool
	changed  chan struct{} // closed and replaced whenever the queue changes
}

type hostQueue struct {
	entries []Entry
	next    time.Time     // earliest start of the next request
	last    time.Time     // start of the last request
	delay   time.Duration // this host's delay (the larger of ours and its Crawl-delay)
	active  int
}

func newFrontier(parallel int, delay time.Duration) *frontier {
	return &frontier{parallel: max(parallel, 1), delay: delay, hosts: map[string]*hostQueue{},
		known: map[string]bool{}, visited: map[string]bool{}, changed: make(chan struct{})}
}

// markKnown records u as decided for this run; it reports false when it
// already was.
func (f *frontier) markKnown(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.known[u] {
		return false
	}
	f.known[u] = true
	return true
}

// markVisited records u as fetched this run; it reports false when it
// already was.
func (f *frontier) markVisited(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.visited[u] {
		return false
	}
	f.visited[u] = true
	f.known[u] = true
	return true
}

// isVisited reports whether u was fetched this run.
func (f *frontier) isVisited(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.visited[u]
}

// isKnown reports whether u was already decided this run.
func (f *frontier) isKnown(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.known[u]
}

// add queues e under host.
func (f *frontier) add(host string, e Entry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.known[e.URL] = true
	q := f.host(host)
	q.entries = append(q.entries, e)
	f.queued++
	f.signal()
}

func (f *frontier) host(host string) *hostQueue {
	q, ok := f.hosts[host]
	if !ok {
		q = &hostQueue{delay: f.delay}
		f.hosts[host] = q
		f.order = append(f.order, host)
	}
	return q
}

// setDelay sets a host's delay to d when d is longer than ours.
func (f *frontier) setDelay(host string, d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := f.host(host)
	q.delay = max(f.delay, d)
	// The first request went out before robots.txt told the delay.
	if !q.last.IsZero() && q.last.Add(q.delay).After(q.next) {
		q.next = q.last.Add(q.delay)
	}
}

func (f *frontier) signal() {
	close(f.changed)
	f.changed = make(chan struct{})
}

// next blocks until an entry may be fetched and returns it with its host;
// ok is false when the frontier is empty with nothing in flight, when stop
// was called, or when ctx is done. The caller calls done(host) after.
func (f *frontier) next(ctx context.Context) (e Entry, host string, ok bool) {
	for {
		f.mu.Lock()
		if f.stopped || (f.queued == 0 && f.inflight == 0) {
			f.mu.Unlock()
			return Entry{}, "", false
		}
		e, host, wait, found := f.pick(time.Now())
		changed := f.changed
		f.mu.Unlock()
		if found {
			return e, host, true
		}
		if !f.wait(ctx, changed, wait) {
			return Entry{}, "", false
		}
	}
}

// wait blocks until changed is closed, wait has passed (when positive) or
// ctx is done; it reports false for the last.
func (f *frontier) wait(ctx context.Context, changed <-chan struct{}, wait time.Duration) bool {
	var timer <-chan time.Time
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timer = t.C
	}
	select {
	case <-ctx.Done():
		return false
	case <-changed:
	case <-timer:
	}
	return true
}

// pick takes the next entry of a ready host, round-robin; else it returns
// how long until the soonest host becomes ready (0: wait for a change).
func (f *frontier) pick(now time.Time) (Entry, string, time.Duration, bool) {
	var wait time.Duration
	for i := range f.order {
		h := f.order[(f.turn+i)%len(f.order)]
		q := f.hosts[h]
		if len(q.entries) == 0 || q.active >= f.parallel {
			continue
		}
		if d := q.next.Sub(now); d > 0 {
			if wait == 0 || d < wait {
				wait = d
			}
			continue
		}
		e := q.entries[0]
		q.entries[0] = Entry{}
		q.entries = q.entries[1:]
		q.active++
		q.next, q.last = now.Add(q.delay), now
		f.queued--
		f.inflight++
		f.turn = (f.turn + i + 1) % len(f.order)
		return e, h, 0, true
	}
	return Entry{}, "", wait, false
}

// done releases host's slot after a fetch.
func (f *frontier) done(host string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hosts[host].active--
	f.inflight--
	f.signal()
}

// stop makes next return false from now on.
func (f *frontier) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stopped = true
	f.signal()
}

// reset forgets what was decided this run (for the next revisit cycle).
func (f *frontier) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.known = map[string]bool{}
	f.visited = map[string]bool{}
	f.stopped = false
	f.signal()
}

// len returns the number of queued entries.
func (f *frontier) len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.queued
}
