package claims

import (
	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// demandVerbs state what a source wants done rather than what is so:
// "the report calls for a national register", "the letter urges the board
// to reconsider", "the review recommends that the age be raised". A
// document's demands are its content, so they attribute when a document is
// the subject; a person's or organisation's "urged residents to stay
// indoors" is an appeal and attributes only with "that" ("the commission
// recommended that …").
var demandVerbs = words("calls", "called", "call", "urges", "urged", "urge", "recommends",
	"recommended", "recommend", "demands", "demanded", "proposes", "proposed", "advises")

// demand reads "NP calls for …", "NP urges …", "NP recommends (that) …".
func (x *extractor) demand(se sent) (found, bool) {
	toks := se.toks
	for v := 1; v+2 < len(toks); v++ {
		t := toks[v]
		if t.punct || t.inQ || !demandVerbs[t.l] || modals[toks[v-1].l] {
			continue
		}
		p := v + 1
		if t.l == "calls" || t.l == "called" || t.l == "call" {
			if toks[p].l != "for" && toks[p].l != "on" {
				continue
			}
			p++ // "calls for an inquiry", "calls on ministers to …": the content follows
		}
		sawThat := toks[p].l == "that"
		if sawThat {
			p++
		}
		if p >= len(toks)-1 || toks[p].punct && !toks[p].isQuoteMark() {
			continue
		}
		f, ok := x.demandSubject(se, v, sawThat)
		if !ok {
			continue
		}
		f.ts, f.te = toks[p].s, se.e
		return f, true
	}
	return found{}, false
}

// demandSubject finds the subject of the demand verb at toks[v]: a
// document, or with "that" any source.
func (x *extractor) demandSubject(se sent, v int, sawThat bool) (found, bool) {
	toks := se.toks
	f := found{cue: toks[v].l, chanI: -1}
	if t := toks[v]; t.l == "calls" || t.l == "called" || t.l == "call" {
		f.cue = t.l + " " + toks[v+1].l
	}
	end := subjectEnd(toks, v)
	ss, ok := subjectStart(toks, end)
	if !ok || toks[ss].inQ {
		return f, false
	}
	f.srcI, f.srcJ = ss, end
	p := parseNP(x.body, toks, ss, end, se.caps)
	if len(p.conjs) == 0 {
		return f, false
	}
	if k := p.conjs[0].kind; k == headDoc || sawThat && k != headNone && k != headPronoun {
		return f, true
	}
	return f, false
}

// putIt reads "as one investor put it": a parenthetical tag whose source
// is the noun phrase between "as" and "put it". The content is the rest of
// the sentence: what follows an opening tag, what precedes a closing one,
// or all of it around a tag in the middle.
func (x *extractor) putIt(se sent) (found, bool) {
	toks := se.toks
	for k := 0; k+3 < len(toks); k++ {
		if toks[k].l != "as" || toks[k].inQ || k > 0 && !toks[k-1].isBoundary() {
			continue
		}
		v := k + 2
		for v < len(toks) && v < k+10 && !toks[v].punct && toks[v].l != "put" && toks[v].l != "puts" {
			v++
		}
		if v+1 >= len(toks) || toks[v].punct || toks[v+1].l != "it" {
			continue
		}
		f := found{cue: toks[v].l + " it", srcI: k + 1, srcJ: v, chanI: -1}
		tail := v + 2
		for tail < len(toks) && !toks[tail].punct {
			tail++ // "as one analyst put it bluntly"
		}
		switch {
		case k == 0 && tail+1 < len(toks) && toks[tail].w == ",":
			f.ts, f.te = toks[tail+1].s, se.e
		case k > 0 && (tail >= len(toks) || toks[tail].isEnd()):
			f.ts, f.te = se.s, toks[k-1].s
		case k > 0:
			f.ts, f.te = se.s, se.e
		default:
			continue
		}
		return f, true
	}
	return found{}, false
}

// thatsAccording reads a sentence that attributes the one before it:
// "Incomes will fall by 1.2% this year. That's according to a new report
// from the Resolution Foundation." It appends the claim to out when the
// previous sentence yielded none.
func (x *extractor) thatsAccording(out []newsintel.Claim, prev, sp sentence.Span) ([]newsintel.Claim, bool) {
	if n := len(out); n > 0 && out[n-1].End > prev.Start {
		return out, false
	}
	toks := tokenize(x.body, sp.Start, sp.End, x.isQuoted)
	if len(toks) < 4 || toks[0].l != "that" {
		return out, false
	}
	k := 1
	if !toks[0].poss {
		if toks[1].l != "is" && toks[1].l != "was" {
			return out, false
		}
		k = 2
	}
	if !hasSeq(toks, k, "according", "to") || k+2 >= len(toks) {
		return out, false
	}
	e := npEnd(toks, k+2)
	if e <= k+2 || e < len(toks)-1 && !(toks[e].w == "," && (toks[e+1].l == "which" || toks[e+1].l == "who")) {
		return out, false // a tag and more: "That's according to X, but …"
	}
	se := sent{s: sp.Start, e: sp.End, toks: toks, caps: allCapsToks(toks)}
	f := found{cue: "according to", srcI: k + 2, srcJ: e, ts: prev.Start, te: prev.End, chanI: -1}
	c, ok := x.claimOf(se, f, newsintel.Claim{Start: prev.Start, End: sp.End})
	if !ok {
		return out, false
	}
	return append(out, x.finish(c)), true
}
