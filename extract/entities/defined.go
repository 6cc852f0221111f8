package entities

import (
	"strings"

	"github.com/newsintel/newsintel"
)

// definedNames tags the short names a text defines for an entity it names
// in full: "Reliance Industries Ltd (RIL)", "the California Air Resources
// Board (CARB)", "The U.S. Department of Commerce (Commerce)", "the
// Securities and Exchange Commission (the “SEC”)". The short name is tagged
// there and wherever else the text writes it, as the same entity. A short
// name is one word, an acronym or a capitalised word that is not a common
// one ("the “Company”" defines nothing); tickers with a period or digits
// ("NVDA.O") are left to the listing notes. A short name in lower and
// upper case that opens a sentence counts only where a verb or possessive
// shows the name is meant ("Labor said", not "Labor unions protested").
// People and places define no short names: after a dateline's place the
// parenthesis names the wire.
func (g *Gazetteer) definedNames(toks []token, chosen []candidate) []candidate {
	var defs []candidate // s and e unset: the entity a short name stands for
	var norms []string
	var caps []bool // the short name is an acronym: it matches only in capitals
	for _, c := range chosen {
		if c.typ == newsintel.EntityPerson || c.typ == newsintel.EntityPlace {
			continue // "WASHINGTON (Reuters)" names a wire service, not the place
		}
		if k, ok := definitionAfter(toks, c.e); ok {
			d := c
			d.conf, d.ambig, d.rule = 0.8, false, true
			defs = append(defs, d)
			norms = append(norms, toks[k].norm)
			caps = append(caps, toks[k].allCaps)
		}
	}
	if len(defs) == 0 {
		return chosen
	}
	taken := takenBy(len(toks), chosen)
	n := len(chosen)
	for k := range toks {
		t := &toks[k]
		if taken[k] || !t.word || !t.cap || inCode(toks, k, k+1) {
			continue
		}
		for i, norm := range norms {
			if t.norm == norm && (caps[i] && t.allCaps || !caps[i] && !t.caseless && (!t.sentStart || nameUseAfter(toks, k+1))) {
				d := defs[i]
				d.s, d.e = k, k+1
				chosen = append(chosen, d)
				break
			}
		}
	}
	if len(chosen) == n {
		return chosen
	}
	return sortByStart(chosen) // the new mentions stand on tokens no mention covers
}

// nameUseAfter reports whether the token at k, after a defined short name
// that opens a sentence, shows the name is meant rather than a common word
// capitalised for starting the sentence: "Labor said", "Labor's", "Labor
// promised", "Labor, meanwhile," but not "Labor unions protested" or
// "Labor costs rose" after "the Australian Labor Party (Labor)".
func nameUseAfter(toks []token, k int) bool {
	if k >= len(toks) || !toks[k].word || toks[k].norm == "'s" {
		return true
	}
	t := &toks[k]
	return t.is(clsContinuation|clsSpeechVerb) || !t.cap && len(t.norm) > 3 && strings.HasSuffix(t.norm, "ed")
}

// definitionAfter returns the token of a short name defined in parentheses
// right after a name that ends at e: "(RIL)", "(the “SEC”)", "(Commerce)",
// "(“Chenhe”)" (also in the Federal Register's doubled backticks and
// apostrophes), "(collectively, Electrolux)", after an optional period or
// possessive ("Acme Inc. (Acme)", "Acme Co., Ltd.'s (“Acme”)").
func definitionAfter(toks []token, e int) (int, bool) {
	for e < len(toks) && (toks[e].norm == "." || toks[e].norm == "'s") {
		e++
	}
	if e+1 < len(toks) && toks[e].norm == "'" && toks[e+1].norm == "s" {
		e += 2 // "Ltd.'s"
	}
	if e+2 >= len(toks) || toks[e].norm != "(" {
		return 0, false
	}
	k := e + 1
	if k+1 < len(toks) && (toks[k].norm == "collectively" || toks[k].norm == "together") && toks[k+1].norm == "," {
		k += 2
	}
	if k < len(toks) && toks[k].norm == "the" {
		k++
	}
	k = skipQuotes(toks, k)
	if k >= len(toks) {
		return 0, false
	}
	end := skipQuotes(toks, k+1)
	if end >= len(toks) || toks[end].norm != ")" || !shortNameShaped(toks[k]) {
		return 0, false
	}
	if !toks[k].allCaps && toks[k].is(clsAgencyHead|clsOrgHead|clsOrgSuffix) {
		return 0, false // "(the Department)", "(Board)": a common noun, capitalised
	}
	return k, true
}

// skipQuotes returns the index after the quotation marks at k: straight
// and curly quotes, apostrophes and backticks.
func skipQuotes(toks []token, k int) int {
	for k < len(toks) && (toks[k].norm == "\"" || toks[k].norm == "'" || toks[k].norm == "`") {
		k++
	}
	return k
}

// shortNameShaped reports whether t can be a defined short name: a
// capitalised word of letters that no rule takes for a common word.
func shortNameShaped(t token) bool {
	if !t.word || !t.cap || t.end-t.start < 2 || hasDigit(t.norm) || t.surface != lettersOnly(t.surface) {
		return false
	}
	if _, ok := exchanges[t.norm]; ok {
		return false
	}
	return t.allCaps || !t.is(clsStop|clsGeneric|clsDocumentNoun|clsOrgSuffix)
}

// lettersOnly returns s when it holds only letters, else "": "NVDA.O" and
// "O'Brien" are no short names.
func lettersOnly(s string) string {
	for _, r := range s {
		if !isWordRune(r) || r >= '0' && r <= '9' {
			return ""
		}
	}
	return s
}

// linkCompanies names a company written in full and then by its first
// word alone as the same company: "Kestrel Cloud Solutions Inc. ...
// Kestrel shares fell", "Halvorsen Biotherapeutics ... Halvorsen said".
// The short form counts where a rule found it (with more of the full
// name's first words, "Harbor Federal stock" after "Harbor Federal
// Bancorp"), or where a speech verb, a possessive or "shares" follows it. A first word that is common
// ("American", "General") or that the list knows is no short form.
func (g *Gazetteer) linkCompanies(toks []token, chosen []candidate) []candidate {
	var full map[string]candidate // first word → the company named in full
	for _, c := range chosen {
		if c.typ != newsintel.EntityCompany || c.e-c.s < 2 {
			continue
		}
		first := &toks[c.s]
		if !first.word || !first.cap || first.is(clsStop|clsGeneric|clsDescriptor) || hasDigit(first.norm) {
			continue
		}
		if _, known := g.byName[first.norm]; known {
			continue
		}
		if full == nil {
			full = map[string]candidate{}
		}
		if _, seen := full[first.norm]; !seen {
			full[first.norm] = c
		}
	}
	if full == nil {
		return chosen
	}
	taken := takenBy(len(toks), chosen)
	for i, c := range chosen {
		if p, ok := full[toks[c.s].norm]; ok && c.rule && c.entity < 0 && c.typ == newsintel.EntityCompany && prefixOf(toks, c, p) {
			chosen[i].name, chosen[i].entity = p.name, p.entity
		}
	}
	n := len(chosen)
	for k := range toks {
		t := &toks[k]
		if taken[k] || !t.word || !t.cap || t.caseless {
			continue
		}
		if p, ok := full[t.norm]; ok && k+1 < len(toks) && (toks[k+1].norm == "'s" || toks[k+1].is(clsSpeechVerb) || toks[k+1].norm == "shares") {
			p.s, p.e, p.conf, p.rule, p.ambig = k, k+1, 0.65, true, false
			chosen = append(chosen, p)
		}
	}
	if len(chosen) == n {
		return chosen
	}
	return sortByStart(chosen) // the new mentions stand on tokens no mention covers
}

// prefixOf reports whether the words of c are the first words of the
// longer p: "Harbor Federal" of "Harbor Federal Bancorp".
func prefixOf(toks []token, c, p candidate) bool {
	if c.e-c.s >= p.e-p.s {
		return false
	}
	for k := 0; k < c.e-c.s; k++ {
		if toks[c.s+k].norm != toks[p.s+k].norm {
			return false
		}
	}
	return true
}
