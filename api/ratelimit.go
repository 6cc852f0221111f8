package api

import (
	"math"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a token-bucket limit: PerSecond requests on average, bursts of
// up to Burst. A zero PerSecond means unlimited.
type Rate struct {
	PerSecond float64
	Burst     int
}

const (
	// maxBuckets bounds the limiter's memory: past it, buckets idle for
	// idleAfter are dropped (an idle bucket is full anyway).
	maxBuckets = 10000
	idleAfter  = 10 * time.Minute
)

// limiter keeps one token bucket per API key and per client address. It is
// safe for concurrent use.
type limiter struct {
	keyRate, ipRate Rate
	mu              sync.Mutex
	buckets         map[string]*bucket
	now             func() time.Time
}

type bucket struct {
	lim  *rate.Limiter
	used time.Time
}

func newLimiter(keyRate, ipRate Rate) *limiter {
	return &limiter{keyRate: keyRate, ipRate: ipRate, buckets: map[string]*bucket{}, now: time.Now}
}

// allow takes a token for the request's key, or its client address when it
// has none. When none is left it returns false and the whole seconds to
// wait.
func (l *limiter) allow(key *Key, r *http.Request) (retryAfter int, ok bool) {
	id, rt := "ip:"+clientIP(r), l.ipRate
	if key != nil {
		id, rt = "key:"+key.Name, l.keyRate
	}
	if rt.PerSecond <= 0 {
		return 0, true
	}
	now := l.now()
	res := l.bucket(id, rt, now).ReserveN(now, 1)
	if !res.OK() {
		return 60, false
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return int(math.Ceil(d.Seconds())), false
	}
	return 0, true
}

func (l *limiter) bucket(id string, rt Rate, now time.Time) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[id]
	if b == nil {
		if len(l.buckets) >= maxBuckets {
			l.evict(now)
		}
		b = &bucket{lim: rate.NewLimiter(rate.Limit(rt.PerSecond), max(rt.Burst, 1))}
		l.buckets[id] = b
	}
	b.used = now
	return b.lim
}

// evict drops idle buckets; when all are busy it drops them all rather
// than grow without bound (a flood of addresses resets the limits, which
// the per-search concurrency cap still bounds).
func (l *limiter) evict(now time.Time) {
	for id, b := range l.buckets {
		if now.Sub(b.used) > idleAfter {
			delete(l.buckets, id)
		}
	}
	if len(l.buckets) >= maxBuckets {
		clear(l.buckets)
	}
}

// clientIP is the address the connection came from. X-Forwarded-For is not
// trusted: a proxy in front should do its own limiting.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
