package poll

import (
	"container/heap"
	"context"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"
)

// FeedPoller is what a Scheduler runs: *Poller in production.
type FeedPoller interface {
	// Poll polls f once and returns its state; State.NextPoll says when to
	// poll again (the zero time: after the feed's interval).
	Poll(ctx context.Context, f Feed) (State, error)
}

// SchedulerOptions configures a Scheduler.
type SchedulerOptions struct {
	Workers     int           // polls at once; default 16
	PerHost     int           // polls at once against one host; default 2 (match the fetcher's per-host concurrency)
	PollTimeout time.Duration // longest one poll may take, item pages included; default 10m
	Log         *slog.Logger
}

// Scheduler polls feeds when they are due with a fixed pool of workers. Due
// feeds wait in a queue per host, and a host gets at most PerHost workers,
// so feeds of a slow host wait their turn while the other workers keep
// polling other hosts on time. Feeds can be set and removed while it runs.
// Its methods are safe for concurrent use.
type Scheduler struct {
	poller FeedPoller
	opts   SchedulerOptions

	mu      sync.Mutex
	entries map[string]*entry // by feed name
	due     timeHeap          // entries not queued or running, by next poll
	hosts   map[string]*hostQueue
	runq    []*hostQueue // hosts with waiting feeds and a free slot
	wake    chan struct{}
}

// entry is one scheduled feed.
type entry struct {
	feed    Feed
	host    string
	next    time.Time
	index   int  // in the heap; -1 when not in it
	running bool // a worker is polling it
	queued  bool // waiting in its host's queue
	removed bool
	changed *Feed // set while running: the feed to use once the poll ends
}

// hostQueue holds the due feeds of one host.
type hostQueue struct {
	name     string
	waiting  []*entry
	inflight int
	inRunq   bool
}

// NewScheduler returns a Scheduler that runs p.
func NewScheduler(p FeedPoller, o SchedulerOptions) *Scheduler {
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.PollTimeout <= 0 {
		o.PollTimeout = 10 * time.Minute
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &Scheduler{poller: p, opts: o, entries: map[string]*entry{}, hosts: map[string]*hostQueue{}, wake: make(chan struct{}, 1)}
}

// Set schedules f (by name) for its first poll at next, or soon after a
// random spread of its interval when next is zero, so that feeds added
// together do not all poll at once. A feed already scheduled is updated: a
// changed URL is polled at once, a changed interval takes effect after the
// next poll.
func (s *Scheduler) Set(f Feed, next time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.entries[f.Name]; ok {
		if e.feed == f {
			return
		}
		if e.running {
			e.changed = &f
			return
		}
		urlChanged := e.feed.URL != f.URL
		e.feed = f
		if urlChanged && !e.queued {
			e.host = hostOf(f.URL)
			e.next = time.Now()
			heap.Fix(&s.due, e.index)
		}
		s.poke()
		return
	}
	if next.IsZero() {
		next = time.Now().Add(spread(f.Interval))
	}
	e := &entry{feed: f, host: hostOf(f.URL), next: next}
	s.entries[f.Name] = e
	heap.Push(&s.due, e)
	s.poke()
}

// Remove stops polling the feed named name; a poll in progress finishes.
// It reports whether the feed was scheduled.
func (s *Scheduler) Remove(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[name]
	if !ok {
		return false
	}
	delete(s.entries, name)
	e.removed = true
	if e.index >= 0 {
		heap.Remove(&s.due, e.index)
	}
	return true
}

// Names returns the names of the scheduled feeds.
func (s *Scheduler) Names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.entries))
	for n := range s.entries {
		out = append(out, n)
	}
	return out
}

// spread returns a random delay within the first half of an interval (at
// most five minutes) for a feed's first poll.
func spread(interval time.Duration) time.Duration {
	if interval <= 0 {
		interval = DefaultInterval
	}
	return time.Duration(rand.Int64N(int64(min(interval/2, 5*time.Minute)) + 1))
}

func (s *Scheduler) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// result is what a worker hands back to the loop after a poll.
type result struct {
	e   *entry
	st  State
	err error
}

// Run polls feeds until ctx is done, then waits for the polls in progress
// to end (their context is cancelled) and returns nil.
func (s *Scheduler) Run(ctx context.Context) error {
	jobs := make(chan *entry, s.opts.Workers)
	done := make(chan result, s.opts.Workers)
	var wg sync.WaitGroup
	for range s.opts.Workers {
		wg.Go(func() {
			for e := range jobs {
				pctx, cancel := context.WithTimeout(ctx, s.opts.PollTimeout)
				st, err := s.poller.Poll(pctx, e.feed)
				cancel()
				done <- result{e: e, st: st, err: err}
			}
		})
	}
	defer func() {
		close(jobs)
		go func() { wg.Wait(); close(done) }()
		for range done { // let every worker hand back its result and stop
		}
	}()
	free := s.opts.Workers
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		free = s.dispatch(jobs, free)
		timer.Reset(s.untilNext())
		select {
		case <-ctx.Done():
			return nil
		case r := <-done:
			free++
			s.finish(r)
		case <-timer.C:
		case <-s.wake:
		}
	}
}

// dispatch moves due feeds to their host queues and hands queued feeds to
// free workers, a host at a time in turn; it returns the workers left free.
func (s *Scheduler) dispatch(jobs chan<- *entry, free int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for s.due.Len() > 0 && !s.due[0].next.After(now) {
		e := heap.Pop(&s.due).(*entry)
		s.enqueue(e)
	}
	for free > 0 && len(s.runq) > 0 {
		h := s.runq[0]
		s.runq = s.runq[1:]
		h.inRunq = false
		e := h.waiting[0]
		h.waiting = h.waiting[1:]
		if e.removed {
			s.ready(h)
			continue
		}
		e.queued, e.running = false, true
		h.inflight++
		free--
		jobs <- e
		s.ready(h)
	}
	return free
}

// enqueue puts a due entry in its host's queue.
func (s *Scheduler) enqueue(e *entry) {
	h, ok := s.hosts[e.host]
	if !ok {
		h = &hostQueue{name: e.host}
		s.hosts[e.host] = h
	}
	h.waiting = append(h.waiting, e)
	e.queued = true
	s.ready(h)
}

// ready puts h on the run queue when it has waiting feeds and a free slot.
func (s *Scheduler) ready(h *hostQueue) {
	if !h.inRunq && len(h.waiting) > 0 && h.inflight < s.opts.PerHost {
		h.inRunq = true
		s.runq = append(s.runq, h)
	}
}

// finish reschedules an entry whose poll ended.
func (s *Scheduler) finish(r result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := r.e
	e.running = false
	if h := s.hosts[e.host]; h != nil {
		h.inflight--
		s.ready(h)
		if h.inflight == 0 && len(h.waiting) == 0 && !h.inRunq {
			delete(s.hosts, e.host) // hosts come and go; keep the map small
		}
	}
	e.host = hostOf(e.feed.URL) // the URL may have changed while the entry waited in its host's queue
	if r.err != nil {
		s.opts.Log.Debug("feed poll failed", "source", e.feed.Name, "url", e.feed.URL, "error", r.err)
	}
	if e.removed {
		return
	}
	next := r.st.NextPoll
	if next.IsZero() {
		next = time.Now().Add(NextDelay(e.feed.Interval, 0, 0))
	}
	if e.changed != nil {
		if e.changed.URL != e.feed.URL {
			next = time.Now()
		}
		e.feed, e.host, e.changed = *e.changed, hostOf(e.changed.URL), nil
	}
	e.next = next
	heap.Push(&s.due, e)
}

// untilNext returns how long until the earliest due feed, an hour when none.
func (s *Scheduler) untilNext() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.due.Len() == 0 {
		return time.Hour
	}
	return max(time.Until(s.due[0].next), 0)
}

// timeHeap is a min-heap of entries by next poll time.
type timeHeap []*entry

func (h timeHeap) Len() int           { return len(h) }
func (h timeHeap) Less(i, j int) bool { return h[i].next.Before(h[j].next) }
func (h timeHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timeHeap) Push(x any) {
	e := x.(*entry)
	e.index = len(*h)
	*h = append(*h, e)
}
func (h *timeHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	e.index = -1
	return e
}
