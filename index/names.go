package index

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
)

// maxCachedNames bounds the entity name cache; it is emptied when full.
const maxCachedNames = 50000

// nameCache finds the canonical names of entity IDs in the entity_label
// terms of the index ("company:alibaba-group|Alibaba Group") and keeps
// them. It is safe for concurrent use.
type nameCache struct {
	b     bleve.Index
	mu    sync.Mutex
	names map[string]string
}

func newNameCache(b bleve.Index) *nameCache {
	return &nameCache{b: b, names: make(map[string]string)}
}

// fill sets Name of each count whose Term is an entity ID.
func (c *nameCache) fill(counts []FacetCount) {
	for i := range counts {
		counts[i].Name = c.name(counts[i].Term)
	}
}

// name returns the canonical name of entity id, or "" when no indexed
// document names it.
func (c *nameCache) name(id string) string {
	c.mu.Lock()
	n, ok := c.names[id]
	c.mu.Unlock()
	if ok {
		return n
	}
	n = c.lookup(id)
	if n == "" {
		return "" // not cached: a document naming it may come later
	}
	c.mu.Lock()
	if len(c.names) >= maxCachedNames {
		clear(c.names)
	}
	c.names[id] = n
	c.mu.Unlock()
	return n
}

// lookup reads the first entity_label term of id from the index.
func (c *nameCache) lookup(id string) string {
	if !isEntityID(id) {
		return ""
	}
	adv, err := c.b.Advanced()
	if err != nil {
		return ""
	}
	r, err := adv.Reader()
	if err != nil {
		return ""
	}
	defer r.Close()
	prefix := id + labelSep
	d, err := r.FieldDictPrefix(fieldEntityLabel, []byte(prefix))
	if err != nil {
		return ""
	}
	defer d.Close()
	e, err := d.Next()
	if err != nil || e == nil {
		return ""
	}
	return strings.TrimPrefix(e.Term, prefix)
}
