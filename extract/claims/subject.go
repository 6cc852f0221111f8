package claims

import "strings"

// This file finds the edges of a reporting verb's subject and object:
// adjuncts and relative clauses between subject and verb, the subject of
// coordinated verbs, and whether a clause follows a verb of belief.

// adjunctBefore returns the index of the comma that opens an adjunct
// between a subject and its verb ("Musk, in an interview on a podcast,
// said"; "Gonzalez, speaking by phone, said"), or 0 when there is none.
func adjunctBefore(toks []tok, end int) int {
	if end < 4 || toks[end-1].w != "," {
		return 0
	}
	b := prevBoundary(toks, end-2)
	if b < 1 || toks[b].w != "," || end-b > 16 {
		return 0
	}
	switch toks[b+1].l {
	case "in", "on", "at", "during", "testifying", "writing", "asked", "when",
		"after", "before", "interviewed", "responding", "reached", "contacted":
		return b
	}
	return 0
}

// antecedent returns where the noun phrase ending at toks[end] (before a
// relative "who") begins: after the last verb, preposition other than
// "of", or clause boundary.
func antecedent(toks []tok, end int) int {
	k := end - 1
	for ; k >= 0; k-- {
		t := toks[k]
		l := t.l
		if t.isBoundary() || t.isEnd() || finite[l] || pastForms[l] && !docNouns[l] ||
			nounPreps[l] && l != "of" || len(l) > 3 && strings.HasSuffix(l, "ed") && !t.cap {
			break
		}
	}
	return k + 1
}

// firstVerb returns the index of the first verb in toks[i:j] (an auxiliary,
// a past tense, a reporting verb), or j.
func firstVerb(toks []tok, i, j int) int {
	for k := i + 1; k < j; k++ {
		l := toks[k].l
		if toks[k].punct || toks[k].cap {
			continue
		}
		if finite[l] || pastForms[l] || clausalVerbs[l] || len(l) > 3 && strings.HasSuffix(l, "ed") {
			return k
		}
	}
	return j
}

// prevComma returns the index of the comma or other punctuation boundary
// at or before k, or -1: inside an appositive ("The person, who spoke on
// condition of anonymity because …,") subordinators do not end it.
func prevComma(toks []tok, k int) int {
	for ; k >= 0; k-- {
		if toks[k].isBoundary() {
			return k
		}
	}
	return -1
}

// subordinators open a subordinate clause, whose subject starts after
// them: "Oil prices rose after a group of producers said …".
var subordinators = words("after", "before", "because", "while", "when", "although", "though",
	"since", "if", "unless", "until", "whereas", "once", "as")

// nounPreps before a reporting word make it a noun: "for reports", "in
// states".
var nounPreps = words("of", "for", "in", "at", "by", "with", "from", "into", "about", "under",
	"between", "among", "amid", "on")

// beliefVerbs report a view without "that" when a clause follows: "Eberle
// believes the window is closing", "the survey found most voters want …".
var beliefVerbs = words("believes", "believe", "believed", "thinks", "expects", "estimated",
	"feared", "suspected", "concluded", "found", "showed", "announced", "disclosed", "revealed",
	"indicated", "suggested", "claimed", "estimate", "estimates", "expect", "fear", "fears",
	"suspect", "suspects", "think", "claim", "claims", "allege", "alleges", "alleged", "maintain",
	"maintains", "maintained", "heard")

// clauseSoon reports whether a clause starts at toks[p]: a short subject
// then a finite verb before any punctuation ("the window for a deal is
// closing"), not a noun phrase object ("revenue of $3 billion").
func clauseSoon(toks []tok, p int) bool {
	if p >= len(toks) || nonContent[toks[p].l] || toks[p].inQ {
		return false
	}
	for k := p + 1; k < len(toks) && k <= p+6; k++ {
		t := toks[k]
		if t.punct || t.l == "that" || t.l == "who" || t.l == "which" {
			return false
		}
		if finite[t.l] || pastForms[t.l] || strings.HasSuffix(t.l, "n't") ||
			len(t.l) > 4 && strings.HasSuffix(t.l, "ed") && !t.cap { // "the man threatened staff"
			return true
		}
	}
	return false
}

// relativeEnd ends the content of a reporting verb in a relative clause
// where the main clause resumes: "The agency, which said in March that it
// had found no evidence, reopened the case on Friday".
func relativeEnd(toks []tok, ts, te int) int {
	for k := 1; k+1 < len(toks); k++ {
		t := toks[k]
		if t.s <= ts || t.inQ || t.w != "," {
			continue
		}
		if t.s >= te {
			break
		}
		n := toks[k+1]
		if !n.cap && !n.inQ && (finite[n.l] || pastForms[n.l] || len(n.l) > 3 && strings.HasSuffix(n.l, "ed")) {
			return t.s
		}
	}
	return te
}

// beForms make a following participle passive.
var beForms = words("is", "are", "was", "were", "be", "been", "being")
