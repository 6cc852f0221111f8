package entities

import (
	"strings"

	"github.com/newsintel/newsintel"
)

// cityClubs makes the club of the place's name ("Liverpool FC", "FC
// Barcelona") of a place the list matched where a match's score shows a
// team: "Liverpool beat Manchester City 3-1", "lost to Southampton 2-0".
// A city with no club of its name in the list stays a place.
func (g *Gazetteer) cityClubs(toks []token, cands []candidate) []candidate {
	for i := range cands {
		c := &cands[i]
		if c.rule || c.typ != newsintel.EntityPlace || !matchResult(toks, c.e) {
			continue
		}
		if club, ok := g.clubOf(toks[c.s:c.e]); ok {
			c.entity, c.name, c.typ, c.ambig = club, g.entities[club].Name, newsintel.EntityCompany, false
		}
	}
	return cands
}

// clubOf returns the company the list names "<name> FC" or "FC <name>".
func (g *Gazetteer) clubOf(name []token) (int, bool) {
	parts := make([]string, len(name))
	for k, t := range name {
		parts[k] = t.norm
	}
	key := strings.Join(parts, " ")
	for _, k := range []string{key + " fc", "fc " + key} {
		if i, ok := g.byName[k]; ok && g.entities[i].Type == newsintel.EntityCompany {
			return i, true
		}
	}
	return 0, false
}
