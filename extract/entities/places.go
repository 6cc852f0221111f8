package entities

import "github.com/newsintel/newsintel"

// placeCandidates finds places the list does not know from the shape of
// their names and the words around them:
//
//   - a name before a geographic head: "Macomb County", "Shelby Township",
//     "Wilsons River", "Garfield Heights", "Apple Valley";
//   - a name after a lower-case noun for a place and "of": "the town of
//     Lismore", "the province of East Kalimantan";
//   - a name before "-based": "a Pune-based lender".
//
// Names the list knows as something else are left to the list.
func (g *Gazetteer) placeCandidates(body string, toks []token) []candidate {
	var out []candidate
	add := func(s, e int, conf float64) {
		out = append(out, candidate{s: s, e: e, entity: -1, name: span(body, toks, s, e),
			typ: newsintel.EntityPlace, conf: conf, rule: true})
	}
	for k := range toks {
		t := &toks[k]
		if !t.word || t.caseless {
			continue
		}
		switch {
		case t.cap && t.is(clsPlaceHead):
			s := nameBefore(toks, k, 3)
			for s < k && hasDigit(toks[s].norm) {
				s++ // "E9 Cayman Islands": a code before the name is no part of it
			}
			if s < k && !(k-s == 1 && toks[s].sentStart && lowerElsewhere(toks, toks[s].norm)) {
				add(s, k+1, 0.7)
			}
		case !t.cap && placeKindNouns[t.norm] && k+2 < len(toks) && toks[k+1].norm == "of":
			if e := nameRun(toks, k+2, 3, isNameWord); e > k+2 && !g.knownOther(toks, k+2, e) {
				add(k+2, e, 0.7)
			}
		case t.norm == "based" && k >= 2 && toks[k-1].norm == "-" && joined(toks, k-1):
			if s := k - 2; isNameWord(toks[s]) && !toks[s].allCaps && !g.knownOther(toks, s, s+1) {
				add(s, s+1, 0.7)
			}
		}
	}
	return out
}

// placeKindNouns, in lower case before "of", say that a place's name
// follows: "the town of Lismore", "the state of Sabah".
var placeKindNouns = wordSet(`town city village suburb province state region district county
municipality borough hamlet port island capital prefecture`)

// knownOther reports whether the list knows the name of tokens [s, e) as
// something other than a place: "the city of Amazon" stays unknown.
func (g *Gazetteer) knownOther(toks []token, s, e int) bool {
	i, ok := g.lookupTokens(toks, s, e)
	return ok && g.entities[i].Type != newsintel.EntityPlace
}
