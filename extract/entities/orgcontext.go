package entities

import "github.com/newsintel/newsintel"

// Organisations named like people: "Red Bull said", "Harvey Nichols's
// chief executive", "shares of Peter Kiewit fell". The person rules read a
// given name or a name before a speech verb as a person; the words around
// such a name can show that it is an organisation instead, and a person's
// title before a company the list knows by a person's name shows the
// person ("founder Charles Schwab", "congressman John Lewis").

// retypeOrgContexts makes company candidates of the people that rules
// found in an organisation's context: after "shares of", before "shares
// fell", before a possessive and a corporate noun, or before an apposition that calls them
// a company ("Jimmy Choo, the shoemaker,"). People the list knows and
// people a title introduces keep their type.
func retypeOrgContexts(toks []token, cands []candidate) []candidate {
	for i := range cands {
		c := &cands[i]
		if !c.rule || c.typ != newsintel.EntityPerson || c.entity >= 0 || titled(toks, c.s) {
			continue
		}
		if sharesOfBefore(toks, c.s) || sharesMoveAfter(toks, c.e) || corporatePossessive(toks, c.e) || companyApposition(toks, c.e) {
			c.typ, c.conf = newsintel.EntityCompany, 0.6
		}
	}
	return cands
}

// titled reports whether a person's title stands right before token s
// ("founder Charles Schwab", "Rep. John Lewis", "Sir Richard Branson").
func titled(toks []token, s int) bool {
	k := s - 1
	if k > 0 && toks[k].norm == "." {
		k--
	}
	return k >= 0 && toks[k].word && toks[k].is(clsPersonTitle)
}

// dropCompaniesNamingPeople drops the list's companies named like a
// person (their first word a given name) where a person's title stands
// before them, "founder Charles Schwab", "congressman John Lewis", and
// those of them the list marks ambiguous where a speech verb and a
// personal pronoun follow: "Calvin Klein said he would attend".
func dropCompaniesNamingPeople(toks []token, cands []candidate) []candidate {
	out := cands[:0]
	for _, c := range cands {
		if !c.rule && c.typ == newsintel.EntityCompany && toks[c.s].is(clsFirstName) &&
			(titled(toks, c.s) || c.ambig && pronounSpeaks(toks, c.e)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// pronounSpeaks reports whether a speech verb and "he" or "she" follow the
// name ending at e: a company says "it" or "we".
func pronounSpeaks(toks []token, e int) bool {
	if e+1 >= len(toks) || !toks[e].is(clsSpeechVerb) {
		return false
	}
	p := toks[e+1].norm
	return p == "he" || p == "she" || p == "his" || p == "her"
}

// sharesOfBefore reports whether "shares of", "shares in" or "stock of"
// stands right before token s: only a company has shares.
func sharesOfBefore(toks []token, s int) bool {
	if s < 2 {
		return false
	}
	p, q := toks[s-2].norm, toks[s-1].norm
	return (p == "shares" || p == "stock" || p == "stake") && (q == "of" || q == "in")
}

// sharesMoveAfter reports whether "shares" or "stock" and a verb of a
// price's move follow the name ending at e: "Harvey Nichols shares fell"
// (but "Jane Doe shares her view").
func sharesMoveAfter(toks []token, e int) bool {
	if e+1 >= len(toks) || toks[e].norm != "shares" && toks[e].norm != "stock" {
		return false
	}
	return priceMoves[toks[e+1].norm]
}

// priceMoves are the verbs a share price moves by.
var priceMoves = wordSet(`rose fell jumped slid climbed gained dropped tumbled surged sank
plunged soared rallied dipped edged slumped rise fall jump slide climb gain drop tumble surge
sink plunge soar rally dip edge slump were was`)

// corporatePossessive reports whether a possessive and a noun only a
// company has follow the name ending at e: "X's chief executive", "X's
// shares", "X's parent company".
func corporatePossessive(toks []token, e int) bool {
	if e+1 >= len(toks) || toks[e].norm != "'s" {
		return false
	}
	next := toks[e+1].norm
	if next == "chief" && e+2 < len(toks) {
		return toks[e+2].norm == "executive" || toks[e+2].norm == "financial"
	}
	if next == "parent" && e+2 < len(toks) {
		return toks[e+2].norm == "company" || toks[e+2].norm == "group"
	}
	return corporateNouns[next]
}

// corporateNouns after a name's possessive show a company: "X's shares".
var corporateNouns = wordSet(`ceo cfo shares stock shareholders stores subsidiary subsidiaries
headquarters revenue revenues earnings profit profits brands factories`)

// companyApposition reports whether an apposition that names a kind of
// company follows the name ending at e: "Red Bull, the energy drink
// maker,", "Jimmy Choo, a luxury shoemaker,", "X, owned by Y,", "X, a
// unit of Y". The noun must close the
// apposition within four words.
func companyApposition(toks []token, e int) bool {
	if e+2 >= len(toks) || toks[e].norm != "," {
		return false
	}
	if toks[e+1].norm == "owned" || toks[e+1].norm == "which" && toks[e+2].norm == "makes" {
		return true // "Tommy Hilfiger, owned by PVH," "X, which makes Y,"
	}
	if a := toks[e+1].norm; a != "the" && a != "a" && a != "an" {
		return false
	}
	if e+3 < len(toks) && unitNouns[toks[e+2].norm] && toks[e+3].norm == "of" {
		return true // "X, a unit of Y"
	}
	for k := e + 2; k < len(toks) && k <= e+6; k++ {
		t := toks[k]
		if !t.word {
			return k > e+2 && companyKinds[toks[k-1].norm]
		}
	}
	return false
}

// unitNouns name a company as part of another: "X, a unit of Y".
var unitNouns = wordSet(`unit subsidiary division affiliate`)

// companyKinds are the nouns an apposition names a company by. Makers of
// laws, films and policy are people, so only the trades are listed.
var companyKinds = wordSet(`company firm group maker makers retailer chain lender bank brand
carrier airline insurer drugmaker automaker carmaker chipmaker shoemaker brewer distiller
conglomerate startup start-up manufacturer supplier broker brokerage label publisher
store outfitter`)
