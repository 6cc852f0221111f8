package claims

import (
	"github.com/newsintel/newsintel"
)

// anonConjs re-reads the description of an anonymous source into its
// conjuncts: "one of the three persons and a former official" is a
// reference to an earlier group and one new person.
func anonConjs(desc string) []conj {
	toks := tokenize(desc, 0, len(desc), nil)
	caps := allCapsToks(toks)
	return parseNP(desc, toks, 0, len(toks), caps).conjs
}

// refers reports whether a conjunct points back at sources already
// introduced: "one of the persons", "the source", "the same officials".
func refers(c conj) bool {
	return c.ref || c.definite && (c.kind == headAnon || c.kind == headTitle || c.kind == headSpokes)
}

// size is the number of people a conjunct introduces.
func size(c conj) int {
	switch {
	case c.count > 0:
		return c.count
	case c.plural || plural(c.head):
		return 2
	}
	return 1
}

// assignGroup places an anonymous source in a group of sources and returns
// the group's 1-based ID: a phrase that refers back joins the latest group
// (of the stated size, if it says one), any other phrase starts a new one.
func (st *state) assignGroup(src newsintel.Source, _ string) int {
	first := 0
	for _, c := range anonConjs(src.Description) {
		id := 0
		if refers(c) {
			id = st.findGroup(c)
		}
		if id == 0 {
			id = len(st.groups) + 1
			st.groups = append(st.groups, group{id: id, size: size(c), heads: c.head})
		}
		if first == 0 {
			first = id
		}
	}
	if first == 0 {
		first = len(st.groups) + 1
		st.groups = append(st.groups, group{id: first, size: 1})
	}
	st.lastGroup = first
	return first
}

// findGroup returns the latest group a referring phrase can mean, or 0:
// "one of the three persons" needs a group of three, "one of the persons" a
// group of more than one, "the official" the latest group of officials (or
// the latest group).
func (st *state) findGroup(c conj) int {
	for k := len(st.groups) - 1; k >= 0; k-- {
		g := st.groups[k]
		switch {
		case c.refN > 0 && g.size == c.refN,
			c.refN == 0 && c.ref && g.size > 1,
			!c.ref && g.heads == c.head:
			return g.id
		}
	}
	if !c.ref && len(st.groups) > 0 {
		return st.groups[len(st.groups)-1].id
	}
	return 0
}

// Profile summarises how a document's claims are sourced: claims by source
// type, the share resting on anonymous sources, and an estimate of the
// distinct anonymous sources (phrases that refer back to a group, such as
// "one of the persons", add nobody new). It returns nil for no claims and is
// safe for concurrent use.
func Profile(cs []newsintel.Claim) *newsintel.SourcingProfile {
	if len(cs) == 0 {
		return nil
	}
	p := &newsintel.SourcingProfile{Claims: len(cs), ByType: map[newsintel.SourceType]int{}}
	seen := map[int]bool{}
	for _, c := range cs {
		p.ByType[c.Source.Type]++
		if c.Source.Type != newsintel.SourceAnonymous {
			continue
		}
		p.AnonymousSources += newPeople(c, seen)
	}
	p.AnonymousShare = float64(p.ByType[newsintel.SourceAnonymous]) / float64(len(cs))
	return p
}

// newPeople counts the anonymous people a claim introduces that no earlier
// claim of its group did.
func newPeople(c newsintel.Claim, seen map[int]bool) int {
	conjs := anonConjs(c.Source.Description)
	if len(conjs) == 0 {
		if c.Group != 0 && seen[c.Group] {
			return 0
		}
		seen[c.Group] = true
		if c.Source.Count != nil {
			return *c.Source.Count
		}
		return 1
	}
	n := 0
	for k, cj := range conjs {
		if refers(cj) && (c.Group == 0 || seen[c.Group]) {
			continue
		}
		if k == 0 && c.Group != 0 && seen[c.Group] {
			continue
		}
		n += size(cj)
	}
	if c.Group != 0 {
		seen[c.Group] = true
	}
	return n
}

// allCapsToks reports whether a sentence is written in capitals only (a
// headline or a shouted line), where capitals tell nothing about names.
func allCapsToks(toks []tok) bool {
	letters := 0
	for _, t := range toks {
		if t.punct || !t.hasLetter() {
			continue
		}
		if !t.allCaps() {
			return false
		}
		letters++
	}
	return letters >= 3
}
