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
	if !caseless && next.word && !next.cap && !next.is(clsContinuation) && !looksInflected(next.norm) {
		return false // "Apple pie", "Amazon rainforest"
	}
	if confirmed || adjacentCue(next, c.typ) || caseless && next.word && looksInflected(next.norm) {
		return true // "Apple said", "Apple shares"; in a headline "Apple Unveils"
	}
	if toks[c.s].sentStart || caseless {
		return false
	}
	return cueNear(toks, c)
}

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
