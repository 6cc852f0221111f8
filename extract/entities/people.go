package entities

import (
	_ "embed"
	"strings"

	"github.com/newsintel/newsintel"
)

//go:embed builtin/first-names.txt
var firstNamesText string

// firstNames are common given names: a capitalised one followed by another
// name word is a person ("Gina Raimondo").
var firstNames = wordSet(strings.ToLower(firstNamesText))

// personCandidates finds people by the titles before their names, their
// given names, the speech verbs around them and appositions after them.
func (g *Gazetteer) personCandidates(body string, toks []token) []candidate {
	var out []candidate
	add := func(s, e int, conf float64) {
		if last := toks[e-1]; last.allCaps && last.end-last.start > 1 {
			return // "Mistral AI said": a surname is not written in capitals
		}
		typ := newsintel.EntityPerson
		if companyLastWords[toks[e-1].norm] {
			typ, conf = newsintel.EntityCompany, 0.6 // "Austin Energy", "Peter Kiewit Sons"
		}
		out = append(out, candidate{s: s, e: e, entity: -1, name: personName(body, toks, s, e),
			typ: typ, conf: conf, rule: true})
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.caseless || !t.word && t.norm != "," {
			continue
		}
		switch {
		case t.is(clsPersonTitle):
			s := k + 1
			if s < len(toks) && toks[s].norm == "." {
				s++
			}
			min := 1
			if !t.cap {
				min = 2 // "spokesman John Smith", not "chief Apple"
			}
			if s < len(toks) && toks[s].norm == "of" {
				s, min = nameRun(toks, s+1, 1, isNameWord), 2 // "Prime Minister of Malaysia Anwar Ibrahim"
			}
			if e := nameRun(toks, s, 4, isPersonWord); e-s >= min && !toks[e-1].is(clsOrgSuffix) && !titleFollows(toks, e) {
				add(s, e, 0.8)
				if e-s == 1 && s == k+1 && t.cap && t.is(clsFirstName) && !g.namesPlace(toks, k, e) {
					add(k, e, 0.75) // a given name that is a title too: "Dean Martin"
				}
			}
		case t.is(clsFirstName) && isNameWord(t):
			if e := nameRun(toks, k, 3, isPersonWord); e-k >= 2 && !g.namesPlace(toks, k, e) {
				add(k, e, 0.75)
			}
		case t.is(clsSpeechVerb) && t.norm != "according":
			if e := nameRun(toks, k+1, 3, isPersonWord); e-k-1 >= 2 {
				add(k+1, e, 0.7)
			}
			if s := nameStartBefore(toks, k, isPersonWord); k-s >= 2 {
				add(s, k, 0.7)
			} else if k > 2 && toks[k-1].norm == "," {
				// "a spokesperson for the ministry, Mao Ning, said"
				if s := nameStartBefore(toks, k-1, isPersonWord); k-1-s >= 2 && s > 0 && toks[s-1].norm == "," {
					add(s, k-1, 0.7)
				}
			}
		case t.norm == "," && k > 1:
			if s := nameStartBefore(toks, k, isPersonWord); k-s >= 2 && (appositionFollows(toks, k+1) || ageFollows(toks, k+1)) {
				add(s, k, 0.7)
			}
		}
	}
	return out
}

// titleFollows reports whether a capitalised title follows the words a
// title began: "Chief Financial Officer", "Deputy Assistant Secretary" are
// one title, not a title and a name.
func titleFollows(toks []token, e int) bool {
	return e < len(toks) && toks[e].cap && !toks[e].caseless && toks[e].is(clsPersonTitle)
}

// namesPlace reports whether the words [s, e) that start with a given name
// name a place or a thing named after one instead: a geographic head
// follows ("Jordan Valley"), a building's noun ("Madison Square Garden"),
// or the given name is a place's and a noun of places follows ("Virginia
// Beach", "Georgia Tech", "Sydney Harbour").
func (g *Gazetteer) namesPlace(toks []token, s, e int) bool {
	placeName := false
	if i, ok := g.byName[toks[s].norm]; ok && g.entities[i].Type == newsintel.EntityPlace {
		placeName = true
	}
	for k := s + 1; k < e; k++ {
		if toks[k].is(clsPlaceHead) && !surnameLike[toks[k].norm] || placeName && toks[k].is(clsPlaceNoun) || namedPlaceNouns[toks[k].norm] {
			return true
		}
	}
	return false
}

// surnameLike are the place nouns that are also common surnames: after a
// given name they end a person's name ("Linda Park", "Tom Hall").
var surnameLike = wordSet(`park hall lake bay beach bridge hills island street port garden
rivers springs falls`)

// namedPlaceNouns end the names of places and buildings named after
// people, never a person's name: "Madison Square Garden", "Lincoln
// Center", "Kennedy Airport".
var namedPlaceNouns = wordSet(`square avenue airport station museum cathedral stadium arena
center centre university college tech gardens hospital hospitals clinic health healthcare
school academy library chapel mosque synagogue temple hotel theatre theater memorial`)

// isPersonWord reports whether t can be a word of a person's name: a name
// word that is not a document's or a group's noun ("Executive Order",
// "Federal Register said", "Rival Nvidia said").
func isPersonWord(t token) bool {
	return isNameWord(t) && !t.is(clsDocumentNoun|clsDescriptor|clsOrgHead)
}

// nameRun returns the end of a run of at most max words that pass word
// starting at s (initials such as "F." and hyphens inside it allowed).
func nameRun(toks []token, s, max int, word func(token) bool) int {
	e, n := s, 0
	for j := s; j < len(toks) && n < max; {
		t := toks[j]
		if !word(t) || t.is(clsOrgSuffix) || t.is(clsAgencyHead) {
			break
		}
		n++
		j++
		e = j
		if j+1 < len(toks) && (toks[j].norm == "." && t.end-t.start == 1 || toks[j].norm == "-" && joined(toks, j) || toks[j].is(clsParticle)) && word(toks[j+1]) {
			j++ // "John F. Kennedy", "Jean-Pierre", "Lula da Silva"
		} else if j+2 < len(toks) && toks[j].is(clsParticle) && toks[j+1].norm == "-" && joined(toks, j+1) && word(toks[j+2]) {
			j += 2 // "Bashar al-Assad"
		}
	}
	return e
}

// nameStartBefore returns where a run of up to three words that pass word,
// ending just before k, starts (k when there is none). A common word that
// only starts the sentence is left out ("Rival Acme Widgets said").
func nameStartBefore(toks []token, k int, word func(token) bool) int {
	s := k
	for j := k - 1; j >= 0 && k-j <= 3; j-- {
		t := toks[j]
		if !word(t) || t.is(clsOrgSuffix) || t.is(clsAgencyHead) {
			break
		}
		s = j
		if t.sentStart {
			break
		}
	}
	return skipCommonStart(toks, s, k)
}

// appositionFollows reports whether a role follows a comma: ", the founder",
// ", chief executive of".
func appositionFollows(toks []token, k int) bool {
	if k < len(toks) && !toks[k].is(clsRoleNoun) && !appositionStarts[toks[k].norm] {
		return false // ", with a judge dismissing" is no apposition
	}
	for j := k; j < len(toks) && j < k+4; j++ {
		t := toks[j]
		if t.is(clsRoleNoun) {
			return true
		}
		if !t.word || t.cap && !t.allCaps {
			return false
		}
	}
	return false
}

// appositionStarts open an apposition after a name: ", the founder", ", a
// former aide", ", its chief executive".
var appositionStarts = wordSet(`the a an its his her their our your former then now longtime
veteran`)

// ageFollows reports whether an age stands between commas at k: "Jane
// Doe, 45, of Dayton".
func ageFollows(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k+1].norm != "," || !isDigits(toks[k].norm) || len(toks[k].norm) > 3 {
		return false
	}
	n := 0
	for _, c := range toks[k].norm {
		n = n*10 + int(c-'0')
	}
	return n > 0 && n < 120
}

// personName is the canonical name of the person at tokens [s, e).
func personName(body string, toks []token, s, e int) string {
	return span(body, toks, s, e)
}

// linkPeople resolves short references to people named in full elsewhere in
// the text: "Ma" and "Mr. Ma" after "Jack Ma", "Washington said" after
// "Ryan Washington" (where the list alone would say a place), and the full
// name in a headline, where case says nothing ("BOEING NAMES KELLY
// ORTBERG CEO" above "Kelly Ortberg, a former ...").
func (g *Gazetteer) linkPeople(toks []token, chosen []candidate) []candidate {
	full := map[string]candidate{} // surname → the person named in full
	for _, c := range chosen {
		if c.typ == newsintel.EntityPerson && c.e-c.s >= 2 {
			last := toks[c.e-1].norm
			if _, seen := full[last]; !seen {
				full[last] = c
			}
		}
	}
	if len(full) == 0 {
		return chosen
	}
	taken := takenBy(len(toks), chosen)
	for i, c := range chosen {
		if c.e-c.s == 1 && (c.typ == newsintel.EntityPerson || c.rule || speechVerbs[nextNorm(toks, c.e)]) {
			if p, ok := full[toks[c.s].norm]; ok {
				chosen[i] = relink(c, p)
			}
		}
	}
	n := len(chosen)
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		if taken[k] || !t.word || !t.cap || t.is(clsStop) {
			continue
		}
		// "KELLY ORTBERG" in a headline, when the text names Kelly Ortberg
		if p, ok := full[nextNorm(toks, k+1)]; ok && t.caseless && k+1 < len(toks) && !taken[k+1] && toks[p.s].norm == t.norm {
			chosen = append(chosen, relink(candidate{s: k, e: k + 2}, p))
			k++
			continue
		}
		if p, ok := full[t.norm]; ok {
			chosen = append(chosen, relink(candidate{s: k, e: k + 1}, p))
		}
	}
	if len(chosen) == n {
		return chosen // spans unchanged: still sorted and apart
	}
	return resolve(toks, chosen)
}

func relink(c, p candidate) candidate {
	c.entity, c.name, c.typ, c.rule, c.ambig = p.entity, p.name, newsintel.EntityPerson, p.rule, false
	c.conf = 0.7
	return c
}

func nextNorm(toks []token, k int) string {
	if k < len(toks) {
		return toks[k].norm
	}
	return ""
}

// extendEmbassies names an embassy after the place that follows it:
// "Chinese Embassy" + " in " + "Washington" is "Chinese Embassy in
// Washington". The place keeps its own mention, so mentions still do not
// overlap.
func (g *Gazetteer) extendEmbassies(toks []token, chosen []candidate) []candidate {
	for i := 0; i+1 < len(chosen); i++ {
		c, p := chosen[i], chosen[i+1]
		if c.entity < 0 || !g.embassy[c.entity] || p.typ != newsintel.EntityPlace ||
			p.s != c.e+1 || toks[c.e].norm != "in" {
			continue
		}
		chosen[i].name = c.name + " in " + p.name
		chosen[i].entity = -1
	}
	return chosen
}

// companyLastWords end the names of companies and never a person's:
// "Austin Energy said" is a utility.
var companyLastWords = wordSet(`energy capital financial systems technologies technology
industries bancorp realty fund funds partners resources solutions services therapeutics
pharmaceuticals properties investment investments securities insurance communications media
entertainment brands foods products networks software labs digital data motors metals
materials mining holdings group airlines airways logistics racing partnership sons
brothers bros`)
