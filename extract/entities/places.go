package entities

import "github.com/newsintel/newsintel"

// placeCandidates finds places the list does not know from the shape of
// their names and the words around them:
//
//   - a name before a geographic head: "Macomb County", "Shelby Township",
//     "Wilsons River", "Garfield Heights", "Apple Valley";
//   - a name after a lower-case noun for a place and "of": "the town of
//     Lismore", "the province of East Kalimantan";
//   - a name before "-based": "a Pune-based lender";
//   - a name after a verb of where someone is or was and "in" ("born in
//     Melksham", "based in Thrissur"), after "near", or after "residents
//     of";
//   - a name before a comma and a place the list knows: "Eden Prairie,
//     Minnesota";
//   - a point of the compass before a name: "Western Cape", "North
//     Waziristan", "East Kalimantan".
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
		if t.caseless || !t.word && t.norm != "," {
			continue
		}
		switch {
		case t.cap && t.is(clsPlaceHead) && !nameGoesOn(toks, k+1):
			s := nameBefore(toks, k, 3)
			for s < k && hasDigit(toks[s].norm) {
				s++ // "E9 Cayman Islands": a code before the name is no part of it
			}
			if s < k && !(k-s == 1 && toks[s].sentStart && lowerElsewhere(toks, toks[s].norm)) {
				add(s, k+1, 0.7)
			}
		case (!t.cap || t.sentStart) && (t.is(clsLocating) && k+2 < len(toks) && toks[k+1].norm == "in" ||
			t.norm == "near" || t.norm == "residents" && k+1 < len(toks) && toks[k+1].norm == "of"):
			// "born in Melksham", "near Dayton", "residents of Lismore"
			s := k + 1
			if toks[s].norm == "in" || toks[s].norm == "of" {
				s++
			}
			if e := nameRun(toks, s, 2, isNameWord); e > s && !nameGoesOn(toks, e) && !possessiveAfter(toks, s) &&
				!g.knownOther(toks, s, e) && !namesBody(toks, s, e) && !toks[s].is(clsFirstName) && !hasDigit(toks[s].norm) &&
				!notWhere[toks[s].norm] && !(e < len(toks) && hasDigit(toks[e].norm)) {
				add(s, e, 0.55)
			}
		case !t.cap && t.is(clsPlaceKind) && k+2 < len(toks) && toks[k+1].norm == "of":
			if e := nameRun(toks, k+2, 3, isNameWord); e > k+2 && !g.knownOther(toks, k+2, e) {
				add(k+2, e, 0.7)
			}
		case t.norm == "," && k > 0 && k+1 < len(toks) && toks[k+1].cap && g.placeAt(toks, k+1) && !possessiveAfter(toks, k+1):
			// "Eden Prairie, Minnesota", "Garfield Heights, Ohio"
			if s := nameStartBefore(toks, k, isNameWord); s < k && !toks[s].is(clsFirstName) && !hasDigit(toks[s].norm) &&
				!g.knownOther(toks, s, k) && !namesBody(toks, s, k) {
				add(s, k, 0.6)
			}
		case t.cap && t.is(clsCompass) && k+1 < len(toks):
			if e := g.compassPlaceEnd(toks, k); e > k+1 {
				add(k, e, 0.6)
			}
		case t.norm == "based" && k >= 2 && toks[k-1].norm == "-" && joined(toks, k-1):
			if s := k - 2; isNameWord(toks[s]) && !toks[s].allCaps && !g.knownOther(toks, s, s+1) {
				add(s, s+1, 0.7)
			}
		}
	}
	return out
}

// notWhere open names that "near" or "in" take without a place: a time
// of year ("near Christmas"), an operation ("in Operation Yewtree"). A
// name before a number is a unit or a gate ("residents of Flat 4").
var notWhere = wordSet(`christmas easter thanksgiving halloween ramadan eid diwali hanukkah
passover lent advent holi navratri midsummer operation`)

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

// placeAt reports whether the list knows a place of one to three words
// starting at token k.
func (g *Gazetteer) placeAt(toks []token, k int) bool {
	for e := k + 1; e <= len(toks) && e <= k+3; e++ {
		if i, ok := g.lookupTokens(toks, k, e); ok && g.entities[i].Type == newsintel.EntityPlace {
			return true
		}
	}
	return false
}

// possessiveAfter reports whether a possessive follows the words of the
// name that starts at k: "Acme, China's biggest chipmaker" is no place.
func possessiveAfter(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+4; j++ {
		if toks[j].norm == "'s" {
			return true
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}

// namesBody reports whether tokens [s, e) hold a word that heads the name
// of an organisation or a building: "Harvard College, U.S. Supreme
// Court" names no place.
func namesBody(toks []token, s, e int) bool {
	for k := s; k < e; k++ {
		t := &toks[k]
		if t.is(clsOrgHead|clsAgencyHead|clsOrgSuffix|clsDocumentNoun) || namedPlaceNouns[t.norm] || institutions[t.norm] {
			return true
		}
	}
	return false
}

var institutions = wordSet(`school schools hospital church library foundation association
society union club team`)

// nameGoesOn reports whether a capitalised word at k carries a name on
// past a place's head: "Allegheny Valley Water", "Napa Valley Wine Train"
// name companies, not places.
func nameGoesOn(toks []token, k int) bool {
	return k < len(toks) && toks[k].word && toks[k].cap && !toks[k].sentStart && !toks[k].is(clsStop)
}

// compassWords start the names of regions: "Western Cape", "North Texas".
var compassWords = wordSet(`north south east west northern southern eastern western central
northeast northwest southeast southwest upper lower`)

// regionalAdjectives follow a compass word without naming a place: "West
// African", "Central Asian" describe.
var regionalAdjectives = wordSet(`african asian european american arab caribbean latin
pacific atlantic mediterranean baltic nordic slavic`)

// compassPlaceEnd returns the end of a region named by the compass word at
// k and one name word ("Western Cape", "South Side"), or k when the words
// name something else: a people ("North Korean"), a company or body
// ("North Face Inc", "Central Bank", "Western Digital"), or a name that
// goes on ("West Texas Intermediate"). The name word must be a place the
// list knows ("North Texas") or a region's noun ("East Coast"), or the
// words follow a preposition of place ("in North Waziristan"): a compass
// word before a common word names brands and teams as often ("The North
// Face", "Northern Rock", "Western Bulldogs").
func (g *Gazetteer) compassPlaceEnd(toks []token, k int) int {
	e := nameRun(toks, k+1, 1, isNameWord)
	if e == k+1 || nameGoesOn(toks, e) || namesBody(toks, k+1, e) || hasDigit(toks[e-1].norm) {
		return k
	}
	last := toks[e-1].norm
	if regionalAdjectives[last] || g.demonym(last) || g.demonym(normsOf(toks, k, e)) {
		return k
	}
	if g.knownOther(toks, k, e) || g.knownOther(toks, k+1, e) {
		return k
	}
	if !g.placeAt(toks, k+1) && !regionNouns[last] && !(k > 0 && locativePreps[toks[k-1].norm]) {
		return k // "The North Face", "Northern Rock collapsed", "Western Bulldogs beat"
	}
	return e
}

// regionNouns, after a compass word, name a region whatever stands around
// them: "Eastern Cape", "East Coast", "South Side".
var regionNouns = wordSet(`cape coast side end shore bank highlands lowlands midlands plains hills
isles islands sea province region district territory territories frontier corridor belt delta
county counties suburbs`)

// locativePreps, right before a compass word and one name word, say it is
// a place: "in North Waziristan", "across Western Sydney".
var locativePreps = wordSet(`in across from to near throughout around into within inside outside`)

// demonym reports whether norm is a people's name, such as "korean" or
// "north korean": the list knows "<demonym> government".
func (g *Gazetteer) demonym(norm string) bool {
	_, ok := g.byName[norm+" government"]
	return ok
}

// locatingVerbs, before "in", say where someone or something is: the name
// after them is a place.
var locatingVerbs = wordSet(`born raised based headquartered located lives lived live living
settled died stationed arrested grew originated`)
