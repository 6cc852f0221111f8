package entities

import "github.com/newsintel/newsintel"

// mastheads end the names of newspapers and news services: "Korea
// Herald", "Sydney Morning Herald", "Hindustan Times", "China Daily".
var mastheads = wordSet(`herald times post tribune telegraph guardian observer chronicle mail
mirror express examiner inquirer gazette journal daily news`)

// appendInstitution reads a newspaper or a university named around its
// head at k, "the Korea Herald", "Stanford University", "University of
// Michigan", as a company (the type of organisations that are neither
// government nor people). A place's name inside it is no mention of the
// place.
func appendInstitution(out []candidate, body string, toks []token, k int) []candidate {
	s, e := nameBefore(toks, k, 3), k+1
	if toks[k].norm == "university" && k+2 < len(toks) && toks[k+1].norm == "of" {
		e = nameRun(toks, k+2, 3, isNameWord)
		if e == k+2 {
			return out
		}
	} else if s == k || k-s == 1 && toks[s].sentStart && lowerElsewhere(toks, toks[s].norm) {
		return out
	}
	return append(out, candidate{s: s, e: e, entity: -1, name: span(body, toks, s, e),
		typ: newsintel.EntityCompany, conf: 0.65, rule: true})
}

// suffixesEnd returns the end of the run of suffixes that starts at e,
// where a period, a comma or both may stand before one ("Goldman Sachs &
// Co. LLC", "Samsung Electronics Co., Ltd.", "Zentrix Networks, Inc.").
func suffixesEnd(toks []token, e int, suffix func(*token) bool) int {
	for {
		p := e
		if p < len(toks) && toks[p].norm == "." {
			p++
		}
		comma := p < len(toks) && toks[p].norm == ","
		if comma {
			p++
		}
		if p > e && p < len(toks) && toks[p].cap && (comma && commaSuffixes[toks[p].norm] || !comma && legalSuffixes[toks[p].norm]) {
			e = p
		}
		if e < len(toks) && toks[e].word && (toks[e].cap || toks[e].norm == "plc") && suffix(&toks[e]) {
			e++
			continue
		}
		return e
	}
}

// appendTradedCompany reads the company whose shares the word at k names:
// "Eskom shares fell", "shares of Hanwha Ocean rose". Peoples, places,
// bodies and kinds of shares ("Asian shares", "Class A shares", "bank
// shares") are left out.
func (g *Gazetteer) appendTradedCompany(out []candidate, body string, toks []token, k int) []candidate {
	s, e := nameStartBefore(toks, k, isNameWord), k
	if k+2 < len(toks) && toks[k+1].norm == "of" {
		s, e = k+2, nameRun(toks, k+2, 3, isNameWord)
	}
	if e == s || e-s == 1 && (toks[s].end-toks[s].start < 2 || toks[s].is(clsGeneric)) || nameGoesOn(toks, e) && e > k {
		return out
	}
	last := toks[e-1].norm
	if regionalAdjectives[last] || g.demonym(last) || last == "class" || namesBody(toks, s, e) ||
		g.knownOther(toks, s, e) || g.placeAt(toks, s) {
		return out
	}
	if i, ok := g.lookupTokens(toks, s, e); ok && g.entities[i].Type == newsintel.EntityCompany {
		return out // the list's own match does it
	}
	return append(out, candidate{s: s, e: e, entity: -1, name: span(body, toks, s, e),
		typ: newsintel.EntityCompany, conf: 0.6, rule: true})
}

// extendNationalAssociations stretches a company ending in "Bank" over the
// ", National Association" that ends a US national bank's legal name in
// filings: "Wells Fargo Bank, National Association, as administrative
// agent" names one bank, not a bank and an association.
func extendNationalAssociations(toks []token, cands []candidate) []candidate {
	for i := range cands {
		c := &cands[i]
		e := c.e
		if c.typ != newsintel.EntityCompany || e+3 > len(toks) || toks[e-1].norm != "bank" ||
			toks[e].norm != "," || toks[e+1].norm != "national" || toks[e+2].norm != "association" ||
			!toks[e+1].cap || !toks[e+2].cap {
			continue
		}
		c.e = e + 3
	}
	return cands
}
