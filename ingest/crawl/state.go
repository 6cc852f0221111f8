package crawl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// State is where a Crawler keeps its frontier and visited set so that a
// restart resumes instead of starting over: a small key-value store whose
// keys are dot-separated tokens of letters, digits, '-' and '_' (valid
// JetStream KV keys). pipelines.CrawlState implements it on the JetStream KV
// bucket "crawl"; MemoryState keeps it in memory. Implementations must be
// safe for concurrent use.
type State interface {
	// Get returns the value of key; ok is false when there is none.
	Get(ctx context.Context, key string) (value []byte, ok bool, err error)
	// Put stores value under key.
	Put(ctx context.Context, key string, value []byte) error
	// Delete removes key; deleting a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// Scan calls fn for every key that starts with prefix (which ends in
	// '.'), in no particular order, and stops at fn's first error.
	Scan(ctx context.Context, prefix string, fn func(key string, value []byte) error) error
}

// Entry is a URL waiting in the frontier.
type Entry struct {
	URL   string    `json:"url"`   // canonical form
	Depth int       `json:"depth"` // links followed from a seed; seeds and sitemap entries are 0
	Added time.Time `json:"added"`
	Seed  bool      `json:"seed,omitempty"`
	// Sitemap is what a sitemap said about the URL, when it came from one.
	Sitemap *SitemapEntry `json:"sitemap,omitempty"`
}

// Visit records what became of a fetched URL.
type Visit struct {
	At      time.Time `json:"at"`
	Status  int       `json:"status,omitempty"`
	Article bool      `json:"article,omitempty"` // the page is an article
	DocID   string    `json:"doc_id,omitempty"`  // set when the article was published
	Error   string    `json:"error,omitempty"`
}

// stateKeys builds the keys of one crawl's records: <name>.f.<hash> for
// frontier entries, <name>.v.<hash> for visits.
type stateKeys struct{ name string }

func (k stateKeys) frontierPrefix() string   { return k.name + ".f." }
func (k stateKeys) frontier(u string) string { return k.frontierPrefix() + urlHash(u) }
func (k stateKeys) visit(u string) string    { return k.name + ".v." + urlHash(u) }
func urlHash(u string) string                { s := sha256.Sum256([]byte(u)); return hex.EncodeToString(s[:16]) }
func encode(v any) []byte                    { b, _ := json.Marshal(v); return b }
func decode[T any](b []byte) (T, error)      { var v T; err := json.Unmarshal(b, &v); return v, err }
func validKeyToken(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == ""
}
func stateErr(op string, err error) error { return fmt.Errorf("crawl state %s: %w", op, err) }

// MemoryState is a State kept in memory, for one-off crawls (newsintel crawl
// --no-state) and tests. The zero value is ready; it is safe for concurrent
// use.
type MemoryState struct {
	mu sync.Mutex
	m  map[string][]byte
}

// Get implements State.
func (s *MemoryState) Get(_ context.Context, key string) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return slices.Clone(v), ok, nil
}

// Put implements State.
func (s *MemoryState) Put(_ context.Context, key string, value []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][]byte{}
	}
	s.m[key] = slices.Clone(value)
	return nil
}

// Delete implements State.
func (s *MemoryState) Delete(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// Scan implements State.
func (s *MemoryState) Scan(ctx context.Context, prefix string, fn func(string, []byte) error) error {
	s.mu.Lock()
	snap := maps.Clone(s.m)
	s.mu.Unlock()
	for k, v := range snap {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// Len returns the number of keys held.
func (s *MemoryState) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.m)
}
