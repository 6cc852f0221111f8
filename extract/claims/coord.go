package claims

import (
	"strings"

	"github.com/newsintel/newsintel"
)

// A sentence may carry two attributions joined by a coordinator: "Two
// diplomats said the draft had been watered down, while a third said talks
// were continuing"; "The group denied any wrongdoing and said it would
// cooperate"; "Microsoft declined to comment, while Activision did not
// respond". coordinated finds the second one, after the first attribution's
// source and inside its content, and the first content then ends before the
// coordinator. A tag may also close a clause whose own verb reports: in
// "The company has told suppliers to cut production, two people said",
// laterTag gives the clause to the people.

// coordWords join two clauses that may each carry an attribution.
var coordWords = words("while", "but", "and", "whereas", "yet", "though", "although")

// coordinated looks for a second attribution in the content of f. It
// returns the sentence the second attribution was read in (the tail after
// the coordinator, or the whole sentence when the two verbs share the
// first subject), the attribution, and the token index of the coordinator.
func (x *extractor) coordinated(se sent, f found) (sent, found, int, bool) {
	toks := se.toks
	if f.srcI < 0 || f.srcJ <= f.srcI || f.viaJ > f.viaI {
		return sent{}, found{}, 0, false
	}
	for k := f.srcJ + 1; k+2 < len(toks); k++ {
		t := toks[k]
		if t.s < f.ts || t.inQ || t.isQuoteMark() {
			continue
		}
		if t.s >= f.te {
			break
		}
		// "…, and", or a comma closing a quotation: "…,” and"
		comma := toks[k-1].w == "," || toks[k-1].isQuoteMark() && k > 1 && toks[k-2].w == ","
		if !(coordWords[t.l] || t.w == ";") || toks[k+1].l == "that" || toks[k+1].inQ {
			continue
		}
		if s2, g, ok := x.sharedVerb(se, f, k); ok {
			return s2, g, k, true
		}
		if !comma && t.w != ";" && t.l != "while" && t.l != "whereas" || !comma && (t.l == "though" || t.l == "although") {
			continue // "said X and Y said": too often one content
		}
		if s2, g, ok := x.newClause(se, k); ok {
			return s2, g, k, true
		}
	}
	return sent{}, found{}, 0, false
}

// sharedVerb reads "… and said it would cooperate", "… but declined to give
// details": a second reporting verb or refusal of the first subject, right
// after the coordinator at toks[k].
func (x *extractor) sharedVerb(se sent, f found, k int) (sent, found, bool) {
	toks := se.toks
	if f.refusal == "" && !subjectBeforeVerb(toks, f) {
		return sent{}, found{}, false
	}
	v := k + 1
	for v < len(toks) && auxiliaries[toks[v].l] && !toks[v].punct {
		v++
	}
	if v >= len(toks) || toks[v].inQ {
		return sent{}, found{}, false
	}
	if t := refusalAt(toks, v); t != "" {
		return se, found{refusal: t, srcI: f.srcI, srcJ: f.srcJ, ts: toks[k+1].s, te: se.e, chanI: -1}, true
	}
	if !clausalVerbs[toks[v].l] || toks[v].cap && !se.caps || baseForm(toks[v].l) || f.refusal != "" && f.srcJ <= f.srcI {
		return sent{}, found{}, false
	}
	g, ok := x.afterSubject(se, v, found{cue: toks[v].l, srcI: f.srcI, srcJ: f.srcJ, chanI: -1})
	if !ok || g.ts <= toks[v].s {
		return sent{}, found{}, false
	}
	return se, g, true
}

// subjectBeforeVerb reports whether f's source is the subject of its verb
// ("the group denied …"), not the object of "according to" or an inverted
// tag.
func subjectBeforeVerb(toks []tok, f found) bool {
	v := f.srcJ
	for v < len(toks) && auxiliaries[toks[v].l] && !toks[v].punct {
		v++
	}
	return v < len(toks) && clausalVerbs[toks[v].l] && toks[v].s < f.ts
}

// newClause reads the clause after the coordinator at toks[k] as a sentence
// of its own: "…, while a third said talks were continuing".
func (x *extractor) newClause(se sent, k int) (sent, found, bool) {
	toks := se.toks[k+1:]
	if len(toks) < 4 {
		return sent{}, found{}, false
	}
	s2 := sent{s: toks[0].s, e: se.e, toks: toks, caps: se.caps}
	hi, hj := findHedge(toks)
	g, ok := x.attribute(s2, hi, hj)
	if !ok || g.srcI < 0 && g.refusal == "" || g.ts < s2.s {
		return sent{}, found{}, false
	}
	return s2, g, true
}

// refusalAt returns the kind of refusal a phrase at toks[k] states, or "".
func refusalAt(toks []tok, k int) newsintel.SourceType {
	if noResponseAt(toks, k) {
		return newsintel.SourceNoResponse
	}
	if declinedAt(toks, k) {
		return newsintel.SourceDeclined
	}
	return ""
}

// laterTag finds a tag after the content of the reporting verb at toks[v]
// that attributes the whole clause before it: in "The company has told
// suppliers to cut production, two people with knowledge of the plans
// said", the people are the source and "told" is part of what they said.
func (x *extractor) laterTag(se sent, v int, f found) (found, bool) {
	toks := se.toks
	if f.ts <= toks[v].s {
		return found{}, false // the content already ends at this tag
	}
	for w := v + 2; w < len(toks); w++ {
		t := toks[w]
		if t.punct || t.inQ || !clausalVerbs[t.l] || t.cap && !se.caps || toks[w-1].punct || !verbReading(se, w) {
			continue
		}
		g, ok := x.verbAt(se, w)
		if !ok || g.ts != se.s || g.srcI <= v+1 || g.te <= toks[v].e || g.srcJ > w || toks[g.srcI-1].w != "," {
			continue // a closing tag follows a comma: "…, two people said"
		}
		if sourceWord(toks, g.srcI, g.srcJ, se.caps) && !hasAny(toks, g.srcI, g.srcJ, contentNouns) {
			return g, true
		}
	}
	return found{}, false
}

// sourceWord reports whether toks[i:j] holds a word that can head a
// source: a lexicon noun or, outside all-caps text, a name.
func sourceWord(toks []tok, i, j int, caps bool) bool {
	for k := i; k < j; k++ {
		if toks[k].punct {
			break // the head stands before any appositive
		}
		if toks[k].poss {
			continue // "below analysts' estimates": a possessor, not a speaker
		}
		if kind, _ := headOf(toks[k].l); kind != headNone || toks[k].cap && !caps {
			return true
		}
	}
	return false
}

// contentNouns name what was said; a closing phrase holding one comments on
// the claim instead of attributing it: "…, a claim the army denied".
var contentNouns = words("claim", "claims", "charge", "charges", "allegation", "allegations", "assertion",
	"accusation", "accusations", "account", "version", "view", "position", "argument")

// hasAny reports whether toks[i:j] holds a word of set.
func hasAny(toks []tok, i, j int, set map[string]bool) bool {
	for k := i; k < j; k++ {
		if set[toks[k].l] {
			return true
		}
	}
	return false
}

// tagTail reports whether a word after "…, X said," opens a tail of the
// tag rather than the content: "asking not to be identified", "citing
// people familiar with the matter", "after the meeting", "speaking on
// condition of anonymity".
func tagTail(t tok) bool {
	if t.punct || t.inQ {
		return false
	}
	if participles[t.l] || len(t.l) > 5 && strings.HasSuffix(t.l, "ing") {
		return true
	}
	switch t.l {
	case "after", "before", "while", "when", "because", "although", "though", "since", "as",
		"who", "which", "without", "in", "on", "at", "during", "adding", "asking", "according",
		"amid", "despite", "following", "ahead", "days", "hours", "weeks", "months", "shortly", "moments", "minutes":
		return true // "…, a spokeswoman said Friday, days after reports that …"
	}
	return false
}

// tailAfter reports whether the reporting verb at toks[v] is followed, past
// its adjuncts, by a comma and a tail of the tag ("said on Tuesday, citing
// …", "told Reuters, speaking on condition of anonymity").
func tailAfter(toks []tok, v int) bool {
	for q := v + 1; q+1 < len(toks) && q < v+10; q++ {
		t := toks[q]
		if t.w == "," {
			return tagTail(toks[q+1])
		}
		if t.punct || t.inQ || t.l == "that" || clausalVerbs[t.l] {
			return false
		}
	}
	return false
}
