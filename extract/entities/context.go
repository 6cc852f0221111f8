package entities

import (
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
	confirmed := map[int]bool{}
	for _, c := range cands {
		if !c.ambig && !c.rule {
			confirmed[c.entity] = true
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if !c.ambig || supported(toks, c, confirmed[c.entity]) {
			out = append(out, c)
		}
	}
	return out
}

func supported(toks []token, c candidate, confirmed bool) bool {
	if c.s > 0 {
		prev := toks[c.s-1]
		if prev.norm == "of" || prev.word && prev.cap && !prev.caseless && !toks[c.s].sentStart {
			return false // part of a longer name: "Chamber of Commerce", "Texas Commerce"
		}
	}
	if c.e < len(toks) {
		next := toks[c.e]
		if next.word && !next.caseless && next.cap && !next.allCaps {
			return false // "Apple Music", "Commerce Bank"
		}
		if next.word && !next.cap && !continuations[next.norm] && !looksInflected(next.norm) {
			return false // "Apple pie", "Amazon rainforest"
		}
		if confirmed {
			return true
		}
		if next.norm == "'s" || speechVerbs[next.norm] || c.typ == newsintel.EntityCompany && orgSuffixes[next.norm] {
			return true
		}
	} else if confirmed {
		return true
	}
	if toks[c.s].sentStart || toks[c.s].caseless {
		return false
	}
	return cueNear(toks, c)
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
