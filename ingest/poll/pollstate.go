package poll

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"time"
)

// state returns the cached state of a feed, loading it from States the
// first time.
func (p *Poller) state(ctx context.Context, feedURL string) (State, error) {
	p.mu.Lock()
	st, ok := p.states[feedURL]
	p.mu.Unlock()
	if ok {
		return st, nil
	}
	if _, err := p.States.Load(ctx, feedURL, &st); err != nil {
		return st, fmt.Errorf("poll %s: state: %w", feedURL, err)
	}
	return st, nil
}

func (p *Poller) save(ctx context.Context, feedURL string, st State) error {
	p.mu.Lock()
	if p.states == nil {
		p.states = map[string]State{}
	}
	p.states[feedURL] = st
	p.mu.Unlock()
	if err := p.States.Save(ctx, feedURL, st); err != nil {
		return fmt.Errorf("poll %s: save state: %w", feedURL, err)
	}
	return nil
}

// knownItems returns the items of feedURL handled as of its last poll in
// this process, and starts a fresh set for this poll, so that the set only
// ever holds items still in the feed.
func (p *Poller) knownItems(feedURL string) map[string]time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.known == nil {
		p.known = map[string]map[string]time.Time{}
	}
	prev := p.known[feedURL]
	p.known[feedURL] = make(map[string]time.Time, len(prev))
	return prev
}

// remember notes that an item of feedURL was handled.
func (p *Poller) remember(feedURL, key string, updated time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if m := p.known[feedURL]; m != nil {
		m[key] = updated
	}
}

// Due returns when f should next be polled according to its saved state:
// its NextPoll, or the zero time for a feed never polled. A feed whose URL
// changed counts as never polled. It returns the store's error.
func (p *Poller) Due(ctx context.Context, f Feed) (time.Time, error) {
	st, err := p.state(ctx, f.URL)
	if err != nil {
		return time.Time{}, err
	}
	return st.NextPoll, nil
}

// Forget drops the cached state of feedURL (after its source was removed);
// the saved state stays for the record.
func (p *Poller) Forget(feedURL string) {
	p.mu.Lock()
	delete(p.states, feedURL)
	delete(p.known, feedURL)
	p.mu.Unlock()
}

// Counters returns a snapshot of what this Poller did: polls, not_modified,
// unchanged (same bytes as the last response), errors and errors.<class> (see ErrorClass), items_new, items_published,
// items_failed, revisions.
func (p *Poller) Counters() map[string]int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.counters)
}

func (p *Poller) count(name string, n int64) {
	if n == 0 {
		return
	}
	p.mu.Lock()
	if p.counters == nil {
		p.counters = map[string]int64{}
	}
	p.counters[name] += n
	p.mu.Unlock()
}

func (p *Poller) parallel() int {
	if p.Parallel > 0 {
		return p.Parallel
	}
	return 4
}

func (p *Poller) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.New(slog.DiscardHandler)
}
