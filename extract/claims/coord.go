package claims

import "github.com/newsintel/newsintel"

// A sentence may carry two attributions joined by a coordinator: "Two
// diplomats said the draft had been watered down, while a third said talks
// were continuing"; "The group denied any wrongdoing and said it would
// cooperate"; "Microsoft declined to comment, while Activision did not
// respond". coordinated finds the second one, after the first attribution's
// source and inside its content, and the first content then ends before the
// coordinator.

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
	if f.refusal != "" || !clausalVerbs[toks[v].l] || toks[v].cap && !se.caps || baseForm(toks[v].l) {
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
	hi, hj := hedgePhrases.find(toks, 0)
	g, ok := x.attribute(s2, hi, hj)
	if !ok || g.srcI < 0 && g.refusal == "" || g.ts < s2.s {
		return sent{}, found{}, false
	}
	return s2, g, true
}

// refusalAt returns the kind of refusal a phrase at toks[k] states, or "".
func refusalAt(toks []tok, k int) newsintel.SourceType {
	if noResponsePhrases.match(toks, k) > 0 {
		return newsintel.SourceNoResponse
	}
	if declinedPhrases.match(toks, k) > 0 {
		return newsintel.SourceDeclined
	}
	return ""
}
