package crawl

import (
	"cmp"
	"sync"
	"time"

	"github.com/newsintel/newsintel"
)

// maxErrors is how many recent page errors Stats keeps.
const maxErrors = 20

// Stats counts what a Crawler did since it was made.
type Stats struct {
	Fetched    int      `json:"fetched"`          // pages fetched
	Published  int      `json:"published"`        // articles published
	Duplicates int      `json:"duplicates"`       // articles not published again: same canonical URL
	Index      int      `json:"index"`            // pages that were not articles (followed, not published)
	Disallowed int      `json:"disallowed"`       // URLs robots.txt disallowed
	Deferred   int      `json:"deferred"`         // URLs left queued because robots.txt was unreachable
	Failed     int      `json:"failed"`           // pages that could not be fetched
	Sitemaps   int      `json:"sitemaps"`         // sitemaps read
	Queued     int      `json:"queued"`           // URLs waiting in the frontier
	Errors     []string `json:"errors,omitempty"` // the most recent failures, each naming its URL
}

type statsCounter struct {
	mu     sync.Mutex
	s      Stats
	status newsintel.SourceStatus
}

func (c *statsCounter) add(f func(*Stats)) {
	c.mu.Lock()
	f(&c.s)
	c.mu.Unlock()
}

func (c *statsCounter) fail(msg string) {
	c.add(func(s *Stats) {
		s.Failed++
		if len(s.Errors) >= maxErrors {
			s.Errors = s.Errors[1:]
		}
		s.Errors = append(s.Errors, msg)
	})
}

// Stats returns a snapshot of the crawler's counters. It is safe to call
// while Run runs.
func (c *Crawler) Stats() Stats {
	c.stats.mu.Lock()
	s := c.stats.s
	s.Errors = append([]string(nil), s.Errors...)
	c.stats.mu.Unlock()
	s.Queued = c.front.len()
	return s
}

// Status returns the crawl's health as a source: when the last cycle ran
// and succeeded, its error, consecutive failed cycles (a cycle fails when
// the State or the publisher failed, or when it fetched nothing and met
// errors, such as an unreachable robots.txt), articles published, the last
// new one, and when the next cycle starts. It is safe to call while Run
// runs.
func (c *Crawler) Status() newsintel.SourceStatus {
	c.stats.mu.Lock()
	defer c.stats.mu.Unlock()
	st := c.stats.status
	st.ItemsSeen = int64(c.stats.s.Published)
	st.Name, st.Type, st.Kind, st.URL = c.opts.Name, "crawl", c.opts.Kind, c.opts.Seeds[0]
	st.Interval = cmp.Or(c.opts.Revisit, DefaultRevisit).String()
	return st
}

// cycleStarted and cycleEnded keep Status; ended returns the status for
// Options.OnStatus.
func (c *Crawler) cycleStarted(at time.Time) Stats {
	c.stats.mu.Lock()
	defer c.stats.mu.Unlock()
	c.stats.status.LastPoll = at
	return c.stats.s
}

func (c *Crawler) cycleEnded(before Stats, err error, next time.Time) newsintel.SourceStatus {
	c.stats.mu.Lock()
	s := c.stats.s
	st := &c.stats.status
	now := time.Now().UTC()
	msg := ""
	switch {
	case err != nil:
		msg = err.Error()
	case s.Fetched == before.Fetched && s.Failed > before.Failed && len(s.Errors) > 0:
		msg = s.Errors[len(s.Errors)-1]
	}
	if msg == "" {
		st.LastSuccess, st.ConsecutiveFailures = now, 0
	} else {
		st.LastError, st.LastErrorAt = msg, now
		st.ConsecutiveFailures++
	}
	st.NextPoll = next
	c.stats.mu.Unlock()
	return c.Status()
}

func (c *Crawler) published(at time.Time) {
	c.stats.add(func(s *Stats) { s.Published++ })
	c.stats.mu.Lock()
	c.stats.status.LastNewItem = at
	c.stats.mu.Unlock()
}
