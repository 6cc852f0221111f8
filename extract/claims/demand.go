package claims

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
