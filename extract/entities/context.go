package entities

import (
	"slices"
	"strings"

	"github.com/newsintel/newsintel"
)

// cueWindow is how many tokens either side of an ambiguous name are searched
// for words that show what it means.
const cueWindow = 8

// keepSupported drops the candidates whose name is a common word ("Apple",
// "Commerce", "Target") unless the text supports them: the entity is named
// unambiguously elsewhere in the text, or a cue stands next to or near the
// name. Other candidates pass unchanged.
func (g *Gazetteer) keepSupported(toks []token, cands []candidate) []candidate {
	var confirmed []int // entities matched surely somewhere in the text
	for _, c := range cands {
		if !c.ambig && !c.rule && !slices.Contains(confirmed, c.entity) {
			confirmed = append(confirmed, c.entity)
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if !c.ambig || supported(toks, c, slices.Contains(confirmed, c.entity)) || coordinated(toks, c, cands) {
			out = append(out, c)
		}
	}
	return out
}

// coordinated reports whether c is listed with a sure list match of its
// type: "Visa and Mastercard", "Apple, Google".
func coordinated(toks []token, c candidate, cands []candidate) bool {
	after := c.e+1 < len(toks) && isListJoin(toks[c.e].norm)
	before := c.s >= 2 && isListJoin(toks[c.s-1].norm)
	if !after && !before {
		return false
	}
	for _, o := range cands {
		if o.ambig || o.rule || o.typ != c.typ {
			continue
		}
		if after && o.s == c.e+1 || before && o.e == c.s-1 {
			return true
		}
	}
	return false
}

func isListJoin(norm string) bool { return norm == "and" || norm == "," || norm == "or" }

func supported(toks []token, c candidate, confirmed bool) bool {
	if c.typ == newsintel.EntityCompany && (sharesOfBefore(toks, c.s) || headOfBefore(toks, c.s) || ownVerbAfter(toks, c) || matchResult(toks, c.e)) {
		return true // "shares in Shell", "chief executive of Next", "Target cut its forecast", "Celtic beat Rangers 2-1"
	}
	if c.s > 0 {
		prev := toks[c.s-1]
		if prev.norm == "of" || prev.word && prev.cap && !prev.caseless && !toks[c.s].sentStart {
			return false // part of a longer name: "Chamber of Commerce", "Texas Commerce"
		}
	}
	next := token{}
	if c.e < len(toks) {
		next = toks[c.e]
	}
	caseless := toks[c.s].caseless
	if !caseless && next.word && next.cap && !next.allCaps {
		return false // "Apple Music", "Commerce Bank"
	}
	if !caseless && c.typ == newsintel.EntityCompany && next.word && !next.cap && companyPlaces[next.norm] {
		return true // "the new Target store", "an Amazon warehouse"
	}
	if !caseless && next.word && !next.cap && !next.is(clsContinuation) && !looksInflected(next.norm) {
		return false // "Apple pie", "Amazon rainforest"
	}
	if !caseless && !toks[c.s].sentStart && c.typ != newsintel.EntityPlace && c.typ != newsintel.EntityPerson && verbAfterName(toks, c) {
		return true // "the court that Apple had defied", "said Target would"
	}
	if confirmed || adjacentCue(next, c.typ) || caseless && next.word && looksInflected(next.norm) {
		return true // "Apple said", "Apple shares"; in a headline "Apple Unveils"
	}
	if toks[c.s].sentStart || caseless {
		return false
	}
	return cueNear(toks, c)
}

// headOfBefore reports whether an officer's title and "of" stand right
// before token s: only an organisation has a chief executive or an
// owner ("the chief executive of Next", "the owner of Shell").
func headOfBefore(toks []token, s int) bool {
	if s < 2 || toks[s-1].norm != "of" {
		return false
	}
	return companyHeads[toks[s-2].norm]
}

// companyHeads are the titles that "of <company>" follows.
var companyHeads = wordSet(`executive chairman chairwoman owner owners shareholder
shareholders ceo cfo founder co-founder`)

// ownVerbAfter reports whether a capitalised name is the subject of a verb
// whose object is the name's own, "Target cut its forecast", "Next raised
// its outlook": a common word at the head of a sentence is seldom
// followed so ("Next came its", "Shell is its", are left out).
func ownVerbAfter(toks []token, c candidate) bool {
	if toks[c.s].caseless || !toks[c.s].cap || c.e+1 >= len(toks) {
		return false
	}
	v := toks[c.e]
	if !v.word || v.cap || linkingVerbs[v.norm] {
		return false
	}
	return toks[c.e+1].norm == "its"
}

// linkingVerbs do not show an agent: "Next came its turn".
var linkingVerbs = wordSet(`is was are were be been being has had have came comes come went goes
go became becomes seemed seems remains remained and or of for in on at to by with from`)

// matchResult reports whether a match's score follows the name ending at
// e, straight away or after a result verb and the other side: "beat
// Rangers 2-1", "Celtic beat Rangers 2-1", "Hearts drew 1-1 with
// Hibs". Only a team has a score.
func matchResult(toks []token, e int) bool {
	if scoreAt(toks, e) {
		return true
	}
	if e >= len(toks) || !resultVerbs[toks[e].norm] {
		return false
	}
	for k := e + 1; k < len(toks) && k <= e+5; k++ {
		if scoreAt(toks, k) {
			return true
		}
	}
	return false
}

// scoreAt reports whether a score ("2-1", "3–0") starts at token k.
func scoreAt(toks []token, k int) bool {
	if k+2 >= len(toks) || !isGoals(toks[k].norm) || !isGoals(toks[k+2].norm) {
		return false
	}
	d := toks[k+1].norm
	return (d == "-" || d == "–") && toks[k+1].start == toks[k].end && toks[k+2].start == toks[k+1].end
}

// isGoals reports whether w is a side's goals or points: one to three digits.
func isGoals(w string) bool { return len(w) <= 3 && isDigits(w) }

// resultVerbs stand between a team and its opponent before a score.
var resultVerbs = wordSet(`beat beats beating drew draw drawing lost lose losing to thrashed
edged held v vs`)

// adjacentCue reports whether the token right after a name shows what it
// names: a possessive, a speech verb, a legal suffix or a cue of its type.
func adjacentCue(next token, typ newsintel.EntityType) bool {
	switch {
	case next.norm == "'s" || next.is(clsSpeechVerb):
		return true
	case typ == newsintel.EntityCompany:
		return next.is(clsOrgSuffix) || next.is(clsCompanyCue)
	case typ == newsintel.EntityAgency || typ == newsintel.EntityGovernment:
		return next.is(clsAgencyCue)
	}
	return false
}

// looksInflected reports whether a lower-case word looks like a verb in the
// past or third person ("rose", "makes", "announced"), which may follow a
// company's name.
func looksInflected(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

func cueNear(toks []token, c candidate) bool {
	cues := companyCues
	if c.typ == newsintel.EntityAgency || c.typ == newsintel.EntityGovernment {
		cues = agencyCues
	}
	lo, hi := max(0, c.s-cueWindow), min(len(toks), c.e+cueWindow)
	for k := lo; k < hi; k++ {
		if (k < c.s || k >= c.e) && cues[toks[k].norm] {
			return true
		}
	}
	return false
}

// companyPlaces, in lower case right after a name that is also a common
// word, show that the company is meant: "Target store", "Amazon
// warehouse", "Apple employees", "Edward Jones analyst".
var companyPlaces = wordSet(`store stores warehouse warehouses outlet outlets factory factories
plant plants headquarters campus offices employees workers staff executives shareholders
shares stock app apps website platform spokesperson spokesman spokeswoman ceo chief
analyst analysts strategist strategists economist economists`)

// auxiliaries are the verbs a subject's name stands right before.
var auxiliaries = wordSet(`is was has had will would could can may might should did does
said says plans declined refused reported announced agreed expects expected told confirmed
denied sued faces faced`)

// verbAfterName reports whether a capitalised name inside a sentence, not
// after an article, is the subject of a verb that follows it: no common
// word is written so ("Apple had defied", but "the Amazon has flooded").
// Places and people are left out: "Chad said" may be either.
func verbAfterName(toks []token, c candidate) bool {
	if c.e >= len(toks) || !auxiliaries[toks[c.e].norm] || !toks[c.s].cap {
		return false
	}
	if c.s > 0 {
		switch toks[c.s-1].norm {
		case "the", "a", "an", "this", "its", "their", "his", "her":
			return false
		}
	}
	return true
}
