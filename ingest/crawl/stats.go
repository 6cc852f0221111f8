package crawl

import (
	"sync"
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
	mu sync.Mutex
	s  Stats
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
