package story

import (
	"container/list"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
)

// DefaultCacheBytes bounds the answers a Finder keeps (see
// Options.CacheBytes).
const DefaultCacheBytes = 16 << 20

// generationer is what the cache needs of the index: a number that changes
// whenever what the index holds does (*index.Index has it).
type generationer interface {
	Generation() (uint64, bool)
}

// resultCache keeps answers of one index generation, least recently used
// dropped first once they take more than max bytes (as deepSize counts
// them).
type resultCache struct {
	mu      sync.Mutex
	max     int
	gen     uint64
	bytes   int
	lru     *list.List // of *cacheEntry, most recently used first
	entries map[string]*list.Element
}

type cacheEntry struct {
	key   string
	value any
	size  int
}

func newResultCache(max int) *resultCache {
	return &resultCache{max: max, lru: list.New(), entries: map[string]*list.Element{}}
}

// get returns the answer kept for key in generation gen.
func (c *resultCache) get(gen uint64, key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || gen != c.gen {
		return nil, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cacheEntry).value, true
}

// put keeps v, of size bytes, for key in generation gen: a newer
// generation empties the cache first, an older one is not kept, and
// neither is an answer bigger than a quarter of the cache.
func (c *resultCache) put(gen uint64, key string, v any, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen || size > c.max/4 {
		return
	}
	if gen > c.gen {
		c.gen, c.bytes = gen, 0
		c.lru.Init()
		clear(c.entries)
	}
	if e, ok := c.entries[key]; ok {
		c.bytes -= e.Value.(*cacheEntry).size
		c.lru.Remove(e)
	}
	c.entries[key] = c.lru.PushFront(&cacheEntry{key: key, value: v, size: size})
	for c.bytes += size; c.bytes > c.max; {
		old := c.lru.Remove(c.lru.Back()).(*cacheEntry)
		delete(c.entries, old.key)
		c.bytes -= old.size
	}
}

// answer is what the cache keeps: a value that can copy itself whole.
type answer[T any] interface {
	*T
	clone() *T
}

// cached returns what compute returns, from the Finder's cache when it
// was computed for key at the index's present generation. An answer is
// kept only when the index did not change while it was computed, so none
// is ever older than the index; the cache keeps a copy and hands out
// copies, so that a caller changing what it was given changes nothing
// there.
func cached[T any, P answer[T]](f *Finder, key string, compute func() (P, error)) (P, error) {
	g, ok := f.ix.(generationer)
	if !ok || f.cache == nil {
		return compute()
	}
	gen, ok := g.Generation()
	if !ok {
		return compute()
	}
	if v, hit := f.cache.get(gen, key); hit {
		if p, ok := v.(P); ok {
			return p.clone(), nil
		}
	}
	v, err := compute()
	if err != nil {
		return nil, err
	}
	if now, _ := g.Generation(); now == gen {
		c := P(v.clone())
		f.cache.put(gen, key, c, deepSize(reflect.ValueOf(c)))
	}
	return v, nil
}

// termCache keeps the content words of claims (see contentTerms) by their
// text and the names left out of them, so that a claim read again, by
// another request or after the index changed, is not split and stemmed
// again. It holds from max to 2*max claims: once max are new, the older
// ones are dropped. The counts it returns are shared: read them only.
type termCache struct {
	mu       sync.Mutex
	max      int
	cur, old map[string]map[string]int
}

func newTermCache(max int) *termCache {
	return &termCache{max: max, cur: map[string]map[string]int{}}
}

// counts returns the content words of text, leaving out those of names.
func (c *termCache) counts(text string, names []string) map[string]int {
	if c == nil {
		return contentTerms(text, nameWords(names))
	}
	key := text + "\x00" + strings.Join(names, "\x00")
	c.mu.Lock()
	v, ok := c.cur[key]
	if !ok {
		if v, ok = c.old[key]; ok {
			c.add(key, v)
		}
	}
	c.mu.Unlock()
	if ok {
		return v
	}
	v = contentTerms(text, nameWords(names))
	c.mu.Lock()
	c.add(key, v)
	c.mu.Unlock()
	return v
}

// add keeps v for key; c.mu is held.
func (c *termCache) add(key string, v map[string]int) {
	if len(c.cur) >= c.max {
		c.old, c.cur = c.cur, make(map[string]map[string]int, c.max)
	}
	c.cur[key] = v
}

// key names a validated request in the cache.
func (r Request) key() string {
	t := func(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
	return fmt.Sprintf("find %q %s %s %q %d %d", r.Entity, t(r.Since), t(r.Until), r.Query, r.Size, r.MinReports)
}
