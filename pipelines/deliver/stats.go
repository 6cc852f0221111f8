package deliver

import (
	"slices"
	"sync"
	"time"
)

// LatencyBuckets are the upper bounds, in seconds, of the send-time
// histogram of Stats: from a local webhook to an SMTP server at its
// timeout.
var LatencyBuckets = []float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

// Outcome names what one attempt came to on one channel.
type Outcome struct {
	Channel string // email or webhook
	State   string // sent, failed (to be retried) or gave_up
}

// Latency is a histogram of send times.
type Latency struct {
	Counts []uint64 // per bucket of LatencyBuckets, cumulative (le)
	Count  uint64
	Sum    float64 // seconds
}

// Stats is a snapshot of what a Deliverer did since it started: attempts
// by channel and outcome, and how long sends took, by channel.
type Stats struct {
	Attempts map[Outcome]uint64
	Latency  map[string]Latency // by channel
}

// stats accumulates Stats. It is safe for concurrent use.
type stats struct {
	mu       sync.Mutex
	attempts map[Outcome]uint64
	latency  map[string]*Latency
}

func newStats() *stats {
	return &stats{attempts: map[Outcome]uint64{}, latency: map[string]*Latency{}}
}

// observe records one attempt on channel that ended in state after d.
func (s *stats) observe(channel, state string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attempts[Outcome{Channel: channel, State: state}]++
	l := s.latency[channel]
	if l == nil {
		l = &Latency{Counts: make([]uint64, len(LatencyBuckets))}
		s.latency[channel] = l
	}
	sec := d.Seconds()
	for i := range LatencyBuckets {
		if sec <= LatencyBuckets[i] {
			l.Counts[i]++
		}
	}
	l.Count++
	l.Sum += sec
}

// Stats returns what d has done since it started, for /metrics. It is
// safe for concurrent use.
func (d *Deliverer) Stats() Stats {
	s := d.stats
	s.mu.Lock()
	defer s.mu.Unlock()
	out := Stats{Attempts: make(map[Outcome]uint64, len(s.attempts)), Latency: make(map[string]Latency, len(s.latency))}
	for k, v := range s.attempts {
		out.Attempts[k] = v
	}
	for k, v := range s.latency {
		out.Latency[k] = Latency{Counts: slices.Clone(v.Counts), Count: v.Count, Sum: v.Sum}
	}
	return out
}
