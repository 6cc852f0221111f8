package claims

// Two attributions that name what is claimed by its own wording: a
// parenthetical crediting an outlet with the report ("The plan, first
// reported by Axios, would give …") and an accusation ("The lawsuit accuses
// the company of throttling rival apps").

// accuseVerbs report a charge: "X accuses Y of Z".
var accuseVerbs = words("accuses", "accused", "accuse")

// accusation reads the charge of "accuses the company of deliberately
// throttling …" after the verb: the accused and the charge after "of".
func (x *extractor) accusation(se sent, f found, v, p int, sawThat bool) (found, bool) {
	toks := se.toks
	if v+1 < len(toks) && toks[v+1].l == "of" {
		return f, false // "the firms it accused of shipping …": the accused stands before
	}
	if sawThat {
		f.ts, f.te = toks[p].s, se.e
		return f, true
	}
	for k := p; k+1 < len(toks) && k < p+8; k++ {
		if toks[k].punct || toks[k].inQ {
			break
		}
		if toks[k].l == "of" && k > p {
			f.ts, f.te = toks[p].s, se.e
			return f, true
		}
	}
	return f, false
}

// expectVerbs forecast with an object and an infinitive: "Economists
// expect the economy to grow 2.1%".
var expectVerbs = words("expect", "expects", "expected", "forecast", "forecasts", "predict", "predicts", "predicted")

// expectation reports whether toks[p:] reads "the economy to grow …" after
// a verb of expectation: a short noun phrase, "to" and a verb.
func expectation(toks []tok, cue string, p int) bool {
	if !expectVerbs[cue] || p >= len(toks) || toks[p].l == "to" || nonContent[toks[p].l] {
		return false
	}
	for k := p + 1; k+1 < len(toks) && k <= p+6; k++ {
		if toks[k].punct || toks[k].inQ || finite[toks[k].l] {
			return false
		}
		if toks[k].l == "to" {
			return !toks[k+1].punct && !determiners[toks[k+1].l] && !toks[k+1].cap && !isDigitAt(toks[k+1].w, 0)
		}
	}
	return false
}

// findingNouns after "found no" make a finding: "researchers found no link".
var findingNouns = words("evidence", "link", "links", "sign", "signs", "connection", "association",
	"difference", "effect", "proof", "indication", "trace", "traces", "basis", "wrongdoing")

// finding reports whether toks[p:] is "no evidence …" after "found".
func finding(toks []tok, cue string, p int) bool {
	if cue != "found" && cue != "finds" && cue != "find" || p+1 >= len(toks) {
		return false
	}
	return (toks[p].l == "no" || toks[p].l == "little") && findingNouns[toks[p+1].l]
}

// outletReported reads "As Reuters reported on Monday, …" and "The
// review, which Reuters reported citing three people briefed on the
// matter, is focused on …": an outlet named before the reporting verb of
// an "as" or "which" clause, and the people it cites.
func (x *extractor) outletReported(se sent, m int) (found, bool) {
	toks := se.toks
	s := m + 1
	if s < len(toks) && toks[s].l == "the" {
		s++
	}
	n := s
	for n < len(toks) && toks[n].cap && !toks[n].punct && !toks[n].inQ {
		n++
	}
	r := n
	for r < len(toks) && (toks[r].l == "first" || toks[r].l == "earlier" || toks[r].l == "previously" || toks[r].l == "has" || toks[r].l == "had") {
		r++
	}
	if n == s || r >= len(toks) || !reportWords[toks[r].l] && toks[r].l != "reports" {
		return found{}, false
	}
	e := r + 1
	for e < len(toks) && toks[e].w != "," && !toks[e].isEnd() && e < r+16 {
		e++
	}
	if e+1 >= len(toks) || toks[e].w != "," || !isClause(toks, e+1) {
		return found{}, false
	}
	f := found{cue: toks[r].l, srcI: m + 1, srcJ: n, ts: se.s, te: se.e, chanI: -1, outlet: true}
	if m == 0 {
		f.ts = toks[e+1].s // "As Reuters reported on Monday, the company …"
	}
	for c := r + 1; c+1 < e; c++ {
		if toks[c].l == "citing" {
			f.viaI, f.viaJ = f.srcI, f.srcJ
			f.srcI, f.srcJ, f.outlet = c+1, e, false
			break
		}
	}
	return f, true
}

// reportWords credit an outlet in "…, first reported by Axios, …".
var reportWords = words("reported", "revealed", "disclosed")

// reportedBy reads a parenthetical that credits an outlet with the report
// of the sentence's claim: "The plan, first reported by Axios, would give
// the agency new powers". A passive without the commas ("The findings were
// reported earlier by the Times") states only who reported, not what.
func (x *extractor) reportedBy(se sent) (found, bool) {
	toks := se.toks
	if se.caps {
		return found{}, false
	}
	for k := 0; k+3 < len(toks); k++ {
		if k > 0 && toks[k].w != "," || toks[k+1].inQ {
			continue
		}
		m := k + 1
		if k == 0 {
			m = 0
		}
		if toks[m].l == "as" || toks[m].l == "which" {
			if f, ok := x.outletReported(se, m); ok {
				return f, true
			}
			continue
		}
		if k == 0 {
			continue
		}
		for m < len(toks) && (toks[m].l == "first" || toks[m].l == "earlier" || toks[m].l == "originally" || toks[m].l == "previously") {
			m++
		}
		if m+2 >= len(toks) || !reportWords[toks[m].l] || toks[m+1].l != "by" {
			continue
		}
		s := m + 2
		if toks[s].l == "the" && s+1 < len(toks) {
			s++
		}
		e := npEnd(toks, m+2)
		if !toks[s].cap || se.caps || e+1 >= len(toks) || toks[e].w != "," || !isClause(toks, e+1) {
			return found{}, false
		}
		n := s
		for n < e && toks[n].cap && !toks[n].punct {
			n++ // "WireWatch in June": the outlet is the name
		}
		return found{cue: toks[m].l, srcI: m + 2, srcJ: n, ts: se.s, te: se.e, chanI: -1, outlet: true}, true
	}
	return found{}, false
}
