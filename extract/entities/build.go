package entities

import (
	"maps"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// builder assembles a Gazetteer. Entities with the same ID, or companies
// with the same CIK or ticker, are merged: the first keeps its canonical name and the
// later ones add aliases and identifiers.
type builder struct {
	g        *Gazetteer
	byCIK    map[string]int
	byTicker map[string]int
}

func newBuilder() *builder {
	return &builder{
		g: &Gazetteer{
			byID:    map[string]int{},
			byName:  map[string]int{},
			root:    &trieNode{},
			embassy: map[int]bool{},
			tickers: map[string]int{},
		},
		byCIK:    map[string]int{},
		byTicker: map[string]int{},
	}
}

// add adds e (its ID is derived when empty), merging it into an entity
// already present, and returns its index. Every name in ambiguous is
// matched in text only with supporting context.
func (b *builder) add(e newsintel.Entity, ambiguous []string) int {
	if e.ID == "" {
		e.ID = newsintel.EntityID(e.Type, e.Name)
	}
	idx, ok := b.existing(e)
	if !ok {
		idx = len(b.g.entities)
		b.g.entities = append(b.g.entities, newsintel.Entity{
			ID: e.ID, Name: e.Name, Type: e.Type, Parent: e.Parent,
			Identifiers: map[string]string{},
		})
		b.g.byID[e.ID] = idx
	}
	cur := &b.g.entities[idx]
	for k, v := range e.Identifiers {
		if _, has := cur.Identifiers[k]; !has && v != "" {
			cur.Identifiers[k] = v
		}
	}
	if cik := cur.Identifiers["cik"]; cik != "" {
		b.byCIK[cik] = idx
	}
	if t := cur.Identifiers["ticker"]; t != "" && cur.Type == newsintel.EntityCompany {
		b.byTicker[t] = idx
		b.addListing(idx, "US:"+t)
	}
	if cur.Parent == "" {
		cur.Parent = e.Parent
	}
	b.addAlias(idx, e.Name, contains(ambiguous, e.Name))
	for _, a := range e.Aliases {
		b.addAlias(idx, a, contains(ambiguous, a))
	}
	for _, a := range ambiguous {
		b.addAlias(idx, a, true)
	}
	return idx
}

func (b *builder) existing(e newsintel.Entity) (int, bool) {
	if i, ok := b.g.byID[e.ID]; ok {
		return i, true
	}
	if i, ok := b.byCIK[e.Identifiers["cik"]]; ok && e.Identifiers["cik"] != "" {
		return i, true
	}
	if e.Type == newsintel.EntityCompany && e.Identifiers["ticker"] != "" {
		i, ok := b.byTicker[e.Identifiers["ticker"]]
		return i, ok
	}
	return 0, false
}

// addAlias records name as a way of writing entity idx, for Lookup and
// Search and, unless it is a bare identifier, for matching in text.
func (b *builder) addAlias(idx int, name string, ambiguous bool) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	node := b.g.root
	for i, t := range toks {
		words[i] = name[t.start:t.end]
		if node.next == nil {
			node.next = map[string]*trieNode{}
		}
		nx := node.next[t.norm]
		if nx == nil {
			nx = &trieNode{}
			node.next[t.norm] = nx
		}
		node = nx
	}
	for _, a := range node.aliases {
		if al := &b.g.aliases[a]; al.entity == idx {
			// The same words again: the laxer case and the surer sense win.
			for k, w := range words {
				if caseMatches(w, al.words[k]) {
					al.words[k] = w
				}
			}
			al.ambiguous = al.ambiguous && ambiguous
			return
		}
	}
	node.aliases = append(node.aliases, int32(len(b.g.aliases)))
	b.g.aliases = append(b.g.aliases, alias{entity: idx, words: words, ambiguous: ambiguous})
	key := normKey(name)
	if _, taken := b.g.byName[key]; !taken {
		b.g.byName[key] = idx
	}
	cur := &b.g.entities[idx]
	if name != cur.Name && !contains(cur.Aliases, name) {
		cur.Aliases = append(cur.Aliases, name)
	}
}

// finish indexes the names for Search and returns the Gazetteer.
func (b *builder) finish() *Gazetteer {
	g := b.g
	for i, e := range g.entities {
		g.keys = append(g.keys, searchKey{normKey(e.Name), i})
		for _, a := range e.Aliases {
			g.keys = append(g.keys, searchKey{normKey(a), i})
		}
		if t := e.Identifiers["ticker"]; t != "" {
			if _, taken := g.byName[normKey(t)]; !taken {
				g.byName[normKey(t)] = i
			}
		}
		if len(e.Identifiers) == 0 {
			g.entities[i].Identifiers = nil
		} else {
			g.entities[i].Identifiers = maps.Clone(e.Identifiers)
		}
	}
	sort.Slice(g.keys, func(i, j int) bool { return g.keys[i].key < g.keys[j].key })
	return g
}

// caseMatches reports whether the surface word w may stand for the alias
// word a: acronyms ("US", "DOC") must be written in capitals, capitalised
// words must be capitalised (or exactly as in the alias, "eBay"), and lower
// case words ("administration") match in any case.
func caseMatches(a, w string) bool {
	first, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsUpper(first) && a == lowerASCII(a) {
		return true
	}
	if a == w {
		return true
	}
	wFirst, _ := utf8.DecodeRuneInString(w)
	if isAcronym(a) {
		return isAcronym(w)
	}
	return unicode.IsUpper(wFirst)
}

// isAcronym reports whether every letter of s is upper case and s has at
// least one letter.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
