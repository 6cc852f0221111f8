package fetch

import (
	"context"
	"sync"

	"golang.org/x/time/rate"
)

// hostLimits holds the politeness state: a rate limiter and a concurrency
// slot count per host, and a global concurrency cap.
type hostLimits struct {
	rate    float64
	perHost int
	global  chan struct{}

	mu    sync.Mutex
	hosts map[string]*hostState
}

type hostState struct {
	limiter *rate.Limiter
	slots   chan struct{}
}

func newHostLimits(r float64, perHost, global int) *hostLimits {
	return &hostLimits{rate: r, perHost: perHost, global: make(chan struct{}, global), hosts: map[string]*hostState{}}
}

func (h *hostLimits) state(host string) *hostState {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.hosts[host]
	if !ok {
		burst := max(1, int(h.rate))
		s = &hostState{limiter: rate.NewLimiter(rate.Limit(h.rate), burst), slots: make(chan struct{}, h.perHost)}
		h.hosts[host] = s
	}
	return s
}

// acquire waits for a slot of host and of the global cap, then for the
// host's rate; release gives the slots back.
func (h *hostLimits) acquire(ctx context.Context, host string) (release func(), err error) {
	s := h.state(host)
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case h.global <- struct{}{}:
	case <-ctx.Done():
		<-s.slots
		return nil, ctx.Err()
	}
	release = func() { <-h.global; <-s.slots }
	if err := s.limiter.Wait(ctx); err != nil {
		release()
		return nil, err
	}
	return release, nil
}
