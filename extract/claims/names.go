package claims

import "strings"

// This file reads names with numbers in them ("Channel 4", "3M") and the
// "figures" that are data rather than people.

// digitName reports whether the word at toks[k], which starts with a digit,
// is (the end of) a name: it has a capital ("3M", "7-Eleven") or follows a
// capitalised word that is no function word ("Channel 4", "Formula 1",
// "the Philadelphia 76ers").
func digitName(toks []tok, k int) bool {
	t := toks[k]
	if t.punct || t.inQ || !isDigitAt(t.w, 0) {
		return false
	}
	if strings.ToLower(t.w) != t.w {
		return true
	}
	if k == 0 || len(t.l) > 6 || strings.ContainsAny(t.l, "%$,.") {
		return false // "$4.5", "12%", "1,200" are amounts
	}
	p := toks[k-1]
	return p.cap && !p.punct && !p.inQ && !nounPreps[p.l] && !determiners[p.l] && !timeWords[p.l] && !monthNames[p.l]
}

// capName reports whether toks[k] can be a word of a name: capitalised, or
// a number that belongs to one (digitName).
func capName(toks []tok, k int) bool {
	return toks[k].cap || digitName(toks, k)
}

// monthNames before a number make a date, not a name: "on March 14".
var monthNames = words("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec")

// dataFigures reports whether "figures" that could be people ("industry
// figures") are numbers by their verb: figures that show, suggest or
// indicate are data; figures that say or warn are people.
func dataFigures(c conj, cue string) bool {
	return c.kind == headAnon && c.head == "figures" && c.count == 0 && evidenceVerbs[cue]
}

// evidenceVerbs are what data does, not what people do.
var evidenceVerbs = words("show", "shows", "showed", "shown", "suggest", "suggests", "suggested",
	"indicate", "indicates", "indicated")
