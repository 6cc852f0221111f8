package entities

import (
	"github.com/newsintel/newsintel"
)

// ruleCandidates finds organisations, governments and people that the list
// may not know, from the shapes of their names. Title Case and ALL CAPS
// segments are skipped: capitals carry no signal there.
func (g *Gazetteer) ruleCandidates(body string, toks []token) []candidate {
	var out []candidate
	for k := range toks {
		t := &toks[k]
		if !t.word || t.caseless {
			continue
		}
		switch {
		case t.is(clsOrgSuffix) && (t.cap || t.norm == "plc"):
			out = g.appendCompany(out, body, toks, k)
		case t.is(clsAgencyHead):
			out = g.appendAgency(out, body, toks, k)
		case t.is(clsOrgHead) && t.cap:
			out = g.appendHeadedCompany(out, body, toks, k)
		case t.is(clsCompanyNoun) && !t.cap:
			out = g.appendNamedCompany(out, body, toks, k)
		case t.cap && (t.is(clsMasthead) || t.norm == "university"):
			out = appendInstitution(out, body, toks, k)
		case !t.cap && (t.norm == "shares" || t.norm == "stock"):
			out = g.appendTradedCompany(out, body, toks, k)
		}
	}
	out = append(out, g.placeCandidates(body, toks)...)
	out = append(out, g.centreCandidates(toks)...)
	return append(out, g.personCandidates(body, toks)...)
}

// isNameWord reports whether t can be a word of a proper name.
func isNameWord(t token) bool {
	return t.word && t.cap && !t.caseless && (!t.allCaps || t.end-t.start <= 5) &&
		!t.is(clsStop) && !t.is(clsPersonTitle)
}

// span returns the text of tokens [s, e).
func span(body string, toks []token, s, e int) string {
	return body[toks[s].start:toks[e-1].end]
}

// nameBefore walks back from token k over the words of a name (and the "&"
// or "-" that join them), at most max words, and returns where it starts.
func nameBefore(toks []token, k, max int) int { return nameBeforeJoined(toks, k, max, false) }

// nameBeforeJoined is nameBefore that, when and is set, also walks over
// "and" between name words ("Competition and Consumer Commission").
func nameBeforeJoined(toks []token, k, max int, and bool) int {
	s, n := k, 0
	for j := k - 1; j >= 0 && n < max; j-- {
		t := toks[j]
		switch {
		case isNameWord(t) || t.word && t.cap && t.is(clsOrgSuffix) || groupInName(toks, j):
			s, n = j, n+1
		case (t.norm == "&" || t.norm == "-" && joined(toks, j) || and && t.norm == "and") && j > 0 && isNameWord(toks[j-1]):
			continue
		default:
			return skipCommonStart(toks, s, k)
		}
	}
	return skipCommonStart(toks, s, k)
}

// groupInName reports whether token j is a common word that stands inside
// a body's name: "New" before a name ("New York Police Department"), or a
// capitalised noun for a group of officials after one ("Chicago Police
// Department"; alone, "Police said" names nobody).
func groupInName(toks []token, j int) bool {
	t := &toks[j]
	if t.cap && (t.norm == "new" || t.norm == "first") && j+1 < len(toks) && isNameWord(toks[j+1]) {
		return true // "New York Police Department", "Colonial First State Investments"
	}
	return t.cap && !t.sentStart && t.norm == "police" && j > 0 && isNameWord(toks[j-1])
}

// commonStart reports whether the sentence-initial word at s may be
// capitalised only for starting the sentence: a descriptor ("Rival"), a
// word common in names ("Global"), or one the text writes in lower case.
func commonStart(toks []token, s int) bool {
	n := toks[s].norm
	return descriptors[n] || genericWords[n] || lowerElsewhere(toks, n)
}

// skipCommonStart moves the start s of a name that ends before k past a
// first word that is capitalised only because it starts the sentence: a
// noun that describes rather than names ("Rival", "Chipmaker"), or a word
// the text also writes in lower case, unless it often starts names
// ("General", "American") or is a given name.
func skipCommonStart(toks []token, s, k int) int {
	if s+1 >= k || !toks[s].sentStart {
		return s
	}
	n := toks[s].norm
	if descriptors[n] || !genericWords[n] && !firstNames[n] && lowerElsewhere(toks, n) {
		return s + 1
	}
	return s
}

// lowerElsewhere reports whether the text writes the word norm in lower
// case somewhere, which shows it is a common word.
func lowerElsewhere(toks []token, norm string) bool {
	for i := range toks {
		t := &toks[i]
		if len(t.norm) == len(norm) && t.word && !t.cap && t.norm == norm {
			return true
		}
	}
	return false
}

// appendCompany reads "Acme Widgets Inc" backwards from its suffix at k.
func (g *Gazetteer) appendCompany(out []candidate, body string, toks []token, k int) []candidate {
	if k > 0 && toks[k-1].word && toks[k-1].is(clsOrgSuffix) {
		return out // the first suffix of "Holding Ltd" did the work
	}
	nameEnd := k
	if k > 1 && toks[k-1].norm == "," && commaSuffixes[toks[k].norm] {
		nameEnd = k - 1 // "Zentrix Networks, Inc."
	}
	s := nameBefore(toks, nameEnd, 5)
	if s == nameEnd {
		return out
	}
	if s >= 4 && toks[s-1].norm == ")" && toks[s-3].norm == "(" && isNameWord(toks[s-2]) && isNameWord(toks[s-4]) {
		s = nameBefore(toks, s-3, 3) // "Cooper (Kunshan) Tire Co., Ltd."
	}
	e := suffixesEnd(toks, k+1, func(t *token) bool { return t.is(clsOrgSuffix) })
	if nameEnd-s > 1 && toks[nameEnd-1].norm == "&" {
		nameEnd-- // "Goldman Sachs & Co." is Goldman Sachs
	}
	name := span(body, toks, s, nameEnd)
	if i, ok := g.lookupTokens(toks, s, nameEnd); ok && g.entities[i].Type == newsintel.EntityCompany {
		return append(out, candidate{s: s, e: e, entity: i, name: g.entities[i].Name,
			typ: newsintel.EntityCompany, conf: 0.9, rule: true})
	}
	if k-s == 1 && !toks[s].sentStart && (toks[k].norm == "group" || toks[k].norm == "company") && g.isKnownNonCompany(toks[s]) {
		return out
	}
	typ := newsintel.EntityCompany
	if municipal(toks, s, nameEnd) {
		typ, name = newsintel.EntityAgency, span(body, toks, s, e) // "Brihanmumbai Municipal Corporation"
	}
	return append(out, candidate{s: s, e: e, entity: -1, name: name,
		typ: typ, conf: 0.75, rule: true})
}

// municipal reports whether the words [s, e) name a city's or town's own
// body: "Brihanmumbai Municipal Corporation".
func municipal(toks []token, s, e int) bool {
	for k := s; k < e; k++ {
		if toks[k].norm == "municipal" {
			return true
		}
	}
	return false
}

// joined reports whether token j touches the tokens either side of it:
// "Hewlett-Packard", not "Japan – Sony".
func joined(toks []token, j int) bool {
	return j > 0 && j+1 < len(toks) && toks[j-1].end == toks[j].start && toks[j].end == toks[j+1].start
}

// appendHeadedCompany reads a company named by its last word, a noun that
// heads company names ("Southwest Airlines", "Elliott Management", "Epic
// Games"). The name must have another word that is not sentence-initial.
func (g *Gazetteer) appendHeadedCompany(out []candidate, body string, toks []token, k int) []candidate {
	if k+1 < len(toks) && (toks[k+1].is(clsOrgSuffix|clsOrgHead) && toks[k+1].cap || toks[k+1].norm == "of") {
		return out // a longer name goes on: "Capital Group", "Bank of America"
	}
	s := nameBefore(toks, k, 4)
	if s == k || k-s == 1 && toks[s].sentStart && commonStart(toks, s) || g.isKnownNonCompany(toks[s]) && k-s == 1 {
		return out
	}
	if i, ok := g.lookupTokens(toks, s, k+1); ok && g.entities[i].Type == newsintel.EntityCompany {
		return append(out, candidate{s: s, e: k + 1, entity: i, name: g.entities[i].Name,
			typ: newsintel.EntityCompany, conf: 0.85, rule: true})
	}
	return append(out, candidate{s: s, e: k + 1, entity: -1, name: span(body, toks, s, k+1),
		typ: newsintel.EntityCompany, conf: 0.6, rule: true})
}

// isKnownNonCompany reports whether a single word names a known place or
// government, so that "China Group" is not read as a company.
func (g *Gazetteer) isKnownNonCompany(t token) bool {
	i, ok := g.byName[t.norm]
	return ok && g.entities[i].Type != newsintel.EntityCompany
}

// appendAgency reads a government body around its head word at k: "Office
// of Intelligence and Security", "Census Bureau", and "Biden administration"
// (a government).
func (g *Gazetteer) appendAgency(out []candidate, body string, toks []token, k int) []candidate {
	t := toks[k]
	if t.norm == "administration" && k > 0 && isNameWord(toks[k-1]) &&
		(!t.cap || g.isPerson(toks[k-1].norm)) && (k < 2 || !isNameWord(toks[k-2])) {
		name := toks[k-1].surface + " administration"
		return append(out, candidate{s: k - 1, e: k + 1, entity: -1, name: name,
			typ: newsintel.EntityGovernment, conf: 0.8, rule: true})
	}
	if !t.cap {
		return out
	}
	if e := g.complementAfter(toks, k); e > k+1 {
		if g.companyComplement(toks, k, e) {
			return out // "Main Board of the Hong Kong Stock Exchange", "Board of Directors"
		}
		return g.appendAgencyName(out, body, toks, nameBefore(toks, k, 3), e, 0.75)
	}
	if t.is(clsHeadFirstOnly) {
		return out
	}
	s := nameBeforeJoined(toks, k, 5, true)
	if s == k || toks[s].sentStart && k-s == 1 && g.isKnownNonCompany(toks[s]) && t.norm != "embassy" {
		return out
	}
	e := k + 1
	if c := g.complementAfter(toks, k); c > e && toks[k+1].norm == "of" {
		e = c // "Cyberspace Administration of China"
	}
	return g.appendAgencyName(out, body, toks, s, e, 0.7)
}

// complementAfter returns the end of "of Intelligence and Security" after
// the head at k, or k+1 when none follows.
func (g *Gazetteer) complementAfter(toks []token, k int) int {
	if k+2 >= len(toks) || !(toks[k+1].norm == "of" || toks[k+1].norm == "for" || toks[k+1].norm == "on") {
		return k + 1
	}
	e, j := k+1, k+2
	for j < len(toks) {
		t := toks[j]
		if t.end-t.start > 1 && (isNameWord(t) || t.word && t.cap && !t.caseless && !t.is(clsStop)) {
			j++
			e = j
			continue
		}
		if t.norm == "and" && j+1 < len(toks) && toks[j+1].norm == "the" {
			break // "Department of Justice and the SEC" names two
		}
		if t.is(clsNameConnector) || t.norm == "," && j+1 < len(toks) && toks[j+1].cap && listGoesOn(toks, j+1) && !g.headsNextBody(toks, j+1) {
			j++
			continue
		}
		break
	}
	if e == k+1 {
		return k + 1
	}
	return e
}

// headsNextBody reports whether the words from k on, up to the next comma,
// name a body of their own: in "Office of Intelligence and Security,
// Office of the Secretary, Department of Commerce" and "Office of Foreign
// Assets Control, Treasury" each comma starts one, while "Ministry of
// Economy, Trade and Industry" is one name.
func (g *Gazetteer) headsNextBody(toks []token, k int) bool {
	j := k
	for ; j < len(toks) && j < k+6; j++ {
		t := &toks[j]
		if t.norm == "," || !t.word && t.norm != "." && t.norm != "&" {
			break
		}
		if t.cap && t.is(clsAgencyHead) {
			return true
		}
	}
	// "Office of Foreign Assets Control, Treasury": a department's short name
	for e := j; e > k; e-- {
		if i, ok := g.lookupTokens(toks, k, e); ok && g.entities[i].Type == newsintel.EntityAgency {
			return true
		}
	}
	return false
}

// listGoesOn reports whether the words from k on continue a list of the
// complement's parts, ending in "and" or another comma: "Economy, Trade
// and Industry", "Alcohol, Tobacco, Firearms and Explosives", but not
// "Department of Corrections, Kevin Marsh said".
func listGoesOn(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+5; j++ {
		switch t := &toks[j]; {
		case t.norm == "and" || t.norm == "&" || t.norm == ",":
			return j > k
		case !t.word || !t.cap:
			return false
		}
	}
	return false
}

// isPerson reports whether a single word is a known person's name ("Biden").
func (g *Gazetteer) isPerson(norm string) bool {
	i, ok := g.byName[norm]
	return ok && g.entities[i].Type == newsintel.EntityPerson
}

// appendAgencyName adds the agency at tokens [s, e), as the list's entity
// when the list knows the name.
func (g *Gazetteer) appendAgencyName(out []candidate, body string, toks []token, s, e int, conf float64) []candidate {
	if e < len(toks) && toks[e].cap && toks[e].is(clsDocumentNoun) {
		return out // "the Export Administration Regulations" is a document
	}
	if boardCommittee(toks, s, e) {
		return out
	}
	if s > 0 && isOrdinal(toks[s-1].norm) {
		s-- // "9th U.S. Circuit Court of Appeals"
	}
	name := span(body, toks, s, e)
	if i, ok := g.lookupTokens(toks, s, e); ok && g.entities[i].Type == newsintel.EntityAgency {
		return append(out, candidate{s: s, e: e, entity: i, name: g.entities[i].Name,
			typ: newsintel.EntityAgency, conf: conf, rule: true})
	}
	return append(out, candidate{s: s, e: e, entity: -1, name: name,
		typ: newsintel.EntityAgency, conf: conf, rule: true})
}

// appendNamedCompany reads the name that follows a noun for a company:
// "private equity firm Silver Lake Partners", "the Korean daily Chosun
// Ilbo", "an analyst at Bernstein".
func (g *Gazetteer) appendNamedCompany(out []candidate, body string, toks []token, k int) []candidate {
	s := k + 1
	if toks[k].norm == "analyst" || toks[k].norm == "analysts" {
		if s >= len(toks) || toks[s].norm != "at" {
			return out
		}
		s++
	}
	e := nameRun(toks, s, 3, isNameWord)
	if e == s || g.isKnownNonCompany(toks[s]) {
		return out
	}
	return append(out, candidate{s: s, e: e, entity: -1, name: span(body, toks, s, e),
		typ: newsintel.EntityCompany, conf: 0.65, rule: true})
}

// companyComplement reports whether the complement of the head at k, up to
// e, names a company or a company's organ rather than a public matter.
func (g *Gazetteer) companyComplement(toks []token, k, e int) bool {
	s := k + 2
	if s < e && toks[s].norm == "the" {
		s++
	}
	if e-s == 1 && notAgencyComplements[toks[s].norm] {
		return true
	}
	i, ok := g.lookupTokens(toks, s, e)
	return ok && g.entities[i].Type == newsintel.EntityCompany
}

// lookupTokens looks up the name of tokens [s, e) as Lookup would (their
// normalised forms joined by spaces), without allocating for short names.
func (g *Gazetteer) lookupTokens(toks []token, s, e int) (int, bool) {
	var arr [128]byte
	key := arr[:0]
	for j := s; j < e; j++ {
		if j > s {
			key = append(key, ' ')
		}
		key = append(key, toks[j].norm...)
	}
	i, ok := g.byName[string(key)]
	return i, ok
}

// isOrdinal reports whether norm is a number written as an ordinal: "9th",
// "2nd", "21st".
func isOrdinal(norm string) bool {
	n := len(norm)
	if n < 3 || !isDigits(norm[:n-2]) {
		return false
	}
	switch norm[n-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// boardCommittee reports whether tokens [s, e) name a committee of a
// company's board: "the Audit Committee", "Compensation and Human Capital
// Committee".
func boardCommittee(toks []token, s, e int) bool {
	if e-s < 2 || toks[e-1].norm != "committee" {
		return false
	}
	for k := s; k < e-1; k++ {
		if !boardCommitteeWords[toks[k].norm] {
			return false
		}
	}
	return true
}

// boardCommitteeWords make up the names of the committees of a board.
var boardCommitteeWords = wordSet(`audit compensation remuneration nominating nomination governance
corporate risk special independent human capital talent finance and & sustainability
executive strategy technology`)
