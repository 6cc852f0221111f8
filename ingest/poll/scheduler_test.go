package poll_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/ingest/poll"
)

// pollLog records when each feed path was fetched.
type pollLog struct {
	mu    sync.Mutex
	times map[string][]time.Time
}

func (l *pollLog) add(path string) {
	l.mu.Lock()
	if l.times == nil {
		l.times = map[string][]time.Time{}
	}
	l.times[path] = append(l.times[path], time.Now())
	l.mu.Unlock()
}

// worst returns, over the paths, the latest first poll after start and the
// longest gap between polls (or between the last poll and end).
func (l *pollLog) worst(paths []string, start, end time.Time) (first, gap time.Duration, missing int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range paths {
		ts := l.times[p]
		if len(ts) == 0 {
			missing++
			continue
		}
		first = max(first, ts[0].Sub(start))
		for i := 1; i < len(ts); i++ {
			gap = max(gap, ts[i].Sub(ts[i-1]))
		}
		gap = max(gap, end.Sub(ts[len(ts)-1]))
	}
	return first, gap, missing
}

// feedServer serves a feed at /f/<n> with an ETag it honours (with one
// item linking to /a/<n> when items is true, else none), logging feed
// fetches.
func feedServer(t testing.TB, log *pollLog, items bool) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Path[3:]
		if strings.HasPrefix(r.URL.Path, "/a/") {
			fmt.Fprintf(w, "<html><body><article><h1>Story %s</h1><p>Officials said the rule would change.</p></article></body></html>", n)
			return
		}
		log.add(r.URL.Path)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		item := ""
		if items {
			item = fmt.Sprintf("<item><title>Story %s</title><link>/a/%s</link><guid>s%s</guid></item>", n, n, n)
		}
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title><link>/</link><description>Feed %s</description>%s</channel></rss>`, n, n, item)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSchedulerThousandsOfFeedsOnTime(t *testing.T) {
	if testing.Short() {
		t.Skip("polls 5 000 feeds for 21 s")
	}
	const feeds, interval, run = 5000, 10 * time.Second, 21 * time.Second
	store, log := startNATS(t), &pollLog{}
	// Feeds without items: this measures scheduling, conditional GETs,
	// parsing and state; item handling has its own tests and benchmark.
	srv := feedServer(t, log, false)
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1e6, PerHostConcurrency: 32, Concurrency: 64, Timeout: 5 * time.Second, Retries: -1})
	p := store.newPoller(t, &published{}, client)
	s := poll.NewScheduler(p, poll.SchedulerOptions{Workers: 32, PerHost: 32, Log: testLogger()})
	paths := make([]string, feeds)
	for i := range feeds {
		paths[i] = fmt.Sprintf("/f/%d", i)
		s.Set(poll.Feed{Name: fmt.Sprintf("feed-%d", i), URL: srv.URL + paths[i], Interval: interval}, time.Time{})
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(t.Context(), run)
	defer cancel()
	s.Run(ctx)
	end := time.Now()
	first, gap, missing := log.worst(paths, start, end)
	c := p.Counters()
	t.Logf("%d feeds at %v for %v: %d polls (%d not modified, %d errors); latest first poll %v, longest gap %v; counters %v",
		feeds, interval, run, c["polls"], c["not_modified"], c["errors"], first.Round(time.Millisecond), gap.Round(time.Millisecond), c)
	if missing > 0 || first > 12*time.Second || gap > 12*time.Second {
		t.Errorf("got %d feeds never polled, latest first poll %v, longest gap %v; want 0, at most 12s, at most 12s", missing, first, gap)
	}
	// Polls cut by the end of the run are not errors (the transport may
	// report them as "request canceled"); allow a rare network error only.
	if c["polls"] < 2*feeds || c["errors"]*1000 > c["polls"] {
		t.Errorf("got %d polls, %d errors; want at least %d, under 0.1%% errors", c["polls"], c["errors"], 2*feeds)
	}
}

func TestSlowHostDoesNotStallOthers(t *testing.T) {
	store, log := startNATS(t), &pollLog{}
	fast := feedServer(t, log, true)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for range 60 { // one byte a second
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
			w.Write([]byte("<"))
			w.(http.Flusher).Flush()
		}
	}))
	defer slow.Close()
	slowBase := strings.Replace(slow.URL, "127.0.0.1", "localhost", 1) // another host to the fetcher and the scheduler
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1000, PerHostConcurrency: 2, Timeout: 3 * time.Second, Retries: -1})
	p := store.newPoller(t, &published{}, client)
	s := poll.NewScheduler(p, poll.SchedulerOptions{Workers: 4, PerHost: 2, Log: testLogger()})
	for i := range 6 {
		s.Set(poll.Feed{Name: fmt.Sprintf("slow-%d", i), URL: fmt.Sprintf("%s/slow/%d", slowBase, i), Interval: 500 * time.Millisecond}, time.Now())
	}
	var paths []string
	for i := range 20 {
		paths = append(paths, fmt.Sprintf("/f/%d", i))
		s.Set(poll.Feed{Name: fmt.Sprintf("fast-%d", i), URL: fast.URL + paths[i], Interval: 500 * time.Millisecond}, time.Now())
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	s.Run(ctx)
	first, gap, missing := log.worst(paths, start, time.Now())
	c := p.Counters()
	// A fast feed stuck behind the slow host would wait out its 3s timeout.
	if missing > 0 || first > 2*time.Second || gap > 2500*time.Millisecond {
		t.Errorf("fast feeds beside a slow host: got %d never polled, latest first poll %v, longest gap %v; want 0, under 2s, under 2.5s (the slow host's timeout is 3s)", missing, first, gap)
	}
	t.Logf("fast feeds every 500ms beside a host sending a byte a second: latest first poll %v, longest gap %v", first.Round(time.Millisecond), gap.Round(time.Millisecond))
	if c["errors.timeout"] < 2 {
		t.Errorf("slow feeds: got %d timeouts, want at least 2 recorded", c["errors.timeout"])
	}
}

// countingPoller is a FeedPoller that counts polls per URL.
type countingPoller struct {
	mu    sync.Mutex
	polls map[string]int
}

func (c *countingPoller) Poll(_ context.Context, f poll.Feed) (poll.State, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.polls[f.URL]++
	var st poll.State
	st.NextPoll = time.Now().Add(f.Interval)
	return st, nil
}

func (c *countingPoller) count(url string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.polls[url]
}

func TestSchedulerAddChangeRemoveWhileRunning(t *testing.T) {
	cp := &countingPoller{polls: map[string]int{}}
	s := poll.NewScheduler(cp, poll.SchedulerOptions{Workers: 2})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() { cancel(); <-done }()
	waitUntil := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("waited 10s for %s", what)
			}
		}
	}
	const a, b, b2 = "https://a.example/feed", "https://b.example/feed", "https://b.example/new-feed"
	s.Set(poll.Feed{Name: "a", URL: a, Interval: 50 * time.Millisecond}, time.Now())
	s.Set(poll.Feed{Name: "b", URL: b, Interval: time.Hour}, time.Now())
	waitUntil("feed a (every 50ms) to be polled 3 times", func() bool { return cp.count(a) >= 3 && cp.count(b) == 1 })

	s.Set(poll.Feed{Name: "b", URL: b2, Interval: time.Hour}, time.Time{})
	s.Remove("a")
	waitUntil("feed b's new URL to be polled", func() bool { return cp.count(b2) == 1 })
	settled := cp.count(a)
	time.Sleep(300 * time.Millisecond)
	if got := cp.count(a); got != settled {
		t.Errorf("feed a after removal: got %d polls, want no more than the %d before", got, settled)
	}
	if got := cp.count(b); got != 1 {
		t.Errorf("feed b (hourly) old URL: got %d polls, want 1", got)
	}
	if names := s.Names(); len(names) != 1 || names[0] != "b" {
		t.Errorf("Names: got %v, want [b]", names)
	}
}
