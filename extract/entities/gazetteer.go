// Package entities tags the companies, agencies, governments, people and
// places named in a document's clean body text.
//
// A Gazetteer holds the known entities (a hand-curated list compiled into the
// binary, optionally extended with the SEC company list and the Federal
// Register agency list) and matches all their names in one pass over the
// text's tokens with a token trie. Rules then find the entities no list
// knows: organisations by their heads and legal suffixes ("Acme Widgets Inc",
// "Office of Intelligence and Security"), people by titles and name shapes
// ("Secretary Gina Raimondo", "Jack Ma said"), and later short references to a
// person ("Ma") are linked to the full name met earlier in the document.
//
// Demonyms alone tag nothing: "Chinese hackers" and "Chinese cloud
// providers" mention no entity, while "Chinese government" is the government
// of China and "Chinese Embassy" an agency. "US", "U.S.", "United States" and
// "America" are the place United States; "the Americas" is not. A name
// that is a common word ("Shell", "Next", "Hearts") is tagged only where
// the text shows the organisation ("Shell said", "shares in Shell",
// "Target cut its forecast", "Celtic 2-1"), and a city is its football
// club where a score shows a team ("Liverpool beat Everton 2-0").
package entities

import (
	"sort"
	"strings"

	"github.com/newsintel/newsintel"
)

// Gazetteer is a set of known entities and the index that finds their names
// in text. It is immutable once built and safe for concurrent use.
type Gazetteer struct {
	entities []newsintel.Entity
	byID     map[string]int
	byName   map[string]int // normalised name or alias → entity
	root     *trieNode
	aliases  []alias
	embassy  map[int]bool   // entities that are embassies, which may take "in <place>"
	tickers  map[string]int // listing ("US:AAPL", "HKEX:9988") → company
	keys     []searchKey    // sorted by key, for Search
}

// alias is one way of writing an entity's name, as the trie matches it.
type alias struct {
	entity    int
	words     []string // the alias's tokens as written, for the case check
	ambiguous bool     // a common word too: needs context ("Apple", "Commerce")
}

type trieNode struct {
	next    map[string]*trieNode
	aliases []int32
}

type searchKey struct {
	key    string
	entity int
}

// Entity returns the entity with the given ID, and whether there is one.
// Entities that rules find in a text but no list knows are not included.
func (g *Gazetteer) Entity(id string) (newsintel.Entity, bool) {
	i, ok := g.byID[id]
	if !ok {
		return newsintel.Entity{}, false
	}
	return g.entities[i], true
}

// Lookup returns the entity whose canonical name, alias or ticker is name,
// compared after normalisation (case, periods, spacing), and whether there is
// one.
func (g *Gazetteer) Lookup(name string) (newsintel.Entity, bool) {
	i, ok := g.byName[normKey(name)]
	if !ok {
		return newsintel.Entity{}, false
	}
	return g.entities[i], true
}

// Len returns the number of entities in g.
func (g *Gazetteer) Len() int { return len(g.entities) }

// Search returns up to n entities of type t (any type when t is "") with a
// name or alias that starts with prefix, after normalisation. Shorter names
// come first, then alphabetical order; each entity appears once.
func (g *Gazetteer) Search(prefix string, t newsintel.EntityType, n int) []newsintel.Entity {
	p := normKey(prefix)
	if n <= 0 || p == "" {
		return nil
	}
	lo := sort.Search(len(g.keys), func(i int) bool { return g.keys[i].key >= p })
	seen := map[int]bool{}
	var hits []int
	for i := lo; i < len(g.keys) && strings.HasPrefix(g.keys[i].key, p); i++ {
		e := g.keys[i].entity
		if seen[e] || t != "" && g.entities[e].Type != t {
			continue
		}
		seen[e] = true
		hits = append(hits, e)
	}
	sort.Slice(hits, func(a, b int) bool {
		na, nb := g.entities[hits[a]].Name, g.entities[hits[b]].Name
		if len(na) != len(nb) {
			return len(na) < len(nb)
		}
		return na < nb
	})
	if len(hits) > n {
		hits = hits[:n]
	}
	out := make([]newsintel.Entity, len(hits))
	for i, e := range hits {
		out[i] = g.entities[e]
	}
	return out
}

// normKey is the normalised form of a name for Lookup and Search: its
// tokens' normalised forms joined by single spaces.
func normKey(s string) string {
	toks := tokenize(s)
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, t.norm)
	}
	return strings.Join(parts, " ")
}
