package claims

import (
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// This file reads tags that stand apart from the reporting verb pattern:
// "as one investor put it", a sentence that only attributes the one before
// it, and a headline that opens with its speaker.

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
			c := len(toks) - 1
			if toks[c].isEnd() {
				c-- // "…,” and “….”."
			}
			if toks[tail+1].isQuoteMark() && c > tail+2 && toks[c].isQuoteMark() {
				f.ts, f.te = toks[tail+2].s, toks[c].s // "As one developer put it, “Nobody builds.”"
			}
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

// putItSpeaker makes the unnamed, singular speaker of "as one developer
// put it" one anonymous person: a noun that also names a business
// ("developer", "producer", "supplier") speaks here as a person would.
func putItSpeaker(src newsintel.Source) newsintel.Source {
	if src.Type != newsintel.SourceOrganization || src.Name != "" || src.Affiliation != "" {
		return src
	}
	w, _, _ := strings.Cut(src.Description, " ")
	if w != "one" && w != "a" && w != "an" {
		return src
	}
	src.Type, src.Count, src.Plural = newsintel.SourceAnonymous, intp(1), false
	return src
}

// thatsAccording reads a sentence that attributes the one before it:
// "Incomes will fall by 1.2% this year. That's according to a new report
// from the Resolution Foundation." It appends the claim to out when the
// previous sentence yielded none.
func (x *extractor) thatsAccording(out []newsintel.Claim, prev, sp sentence.Span) ([]newsintel.Claim, bool) {
	if n := len(out); n > 0 && out[n-1].End > prev.Start {
		return out, false
	}
	if lead := x.body[sp.Start:min(sp.End, sp.Start+4)]; lead != "That" && lead != "THAT" {
		return out, false // most sentences: no tokens needed
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
	e := npEndAt(toks, k+2, true) // "Eurostat, the EU's statistics office."
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

// hearingFrom reads the live blogger's "We're hearing from two sources
// inside the room that the vote could be delayed": the source follows
// "hearing from" and the content "that".
func (x *extractor) hearingFrom(se sent) (found, bool) {
	toks := se.toks
	for k := 0; k+4 < len(toks); k++ {
		l := toks[k].l
		if l != "hearing" && l != "heard" && l != "hear" || toks[k+1].l != "from" || toks[k].inQ {
			continue
		}
		for e := k + 3; e+1 < len(toks) && e < k+14; e++ {
			if toks[e].punct {
				break
			}
			if toks[e].l == "that" {
				return found{cue: l + " from", srcI: k + 2, srcJ: e, ts: toks[e+1].s, te: se.e, chanI: -1}, true
			}
		}
	}
	return found{}, false
}

// headlineRoles head the subject of a headline that names its person by
// a role after the colon ("Inter Miami star scores twice").
var headlineRoles = words("star", "boss", "chief", "speaker", "president", "leader", "singer", "actor",
	"actress", "rapper", "striker", "captain", "manager", "coach", "founder", "billionaire", "tycoon",
	"mogul", "legend", "icon", "pm", "ceo", "chancellor", "minister", "senator", "governor", "mayor",
	"candidate", "frontrunner", "nominee", "champion", "winner", "veteran", "hopeful")

// headlineSpeaker reads a headline that opens with a person's name and a
// colon: "Zelensky: Ukraine will not give up territory". Only a name the
// mentions call a person counts; "Brexit: what happens next" and
// "Analysis: …" name topics and labels, not speakers.
func (x *extractor) headlineSpeaker(se sent) (found, bool) {
	toks := se.toks
	n := len(toks)
	if n < 5 || n > 40 || toks[n-1].isEnd() && toks[n-1].w == "." {
		return found{}, false
	}
	c := 1
	for c < n && c < 4 && toks[c].cap && !toks[c].punct {
		c++
	}
	if c >= n-3 || toks[c].w != ":" || !toks[0].cap || !isClause(toks, c+1) {
		return found{}, false
	}
	for q := c + 1; q < n; q++ {
		if finite[toks[q].l] || pastForms[toks[q].l] || presentTense(toks, q) {
			if q > c+1 && headlineRoles[toks[q-1].l] || q+1 < n && (toks[q+1].l == "him" || toks[q+1].l == "her") {
				// "Nancy Pelosi: Speaker visits Taiwan", "Lionel Messi:
				// Inter Miami star scores twice", "Donald Trump: Jury
				// finds him guilty": the headline tells of the person
				// it names, as its subject or its object.
				return found{}, false
			}
			break
		}
		if toks[q].l == "who" || toks[q].l == "which" || toks[q].l == "that" {
			return found{}, false // "Elon Musk: The man who bought Twitter": a description
		}
	}
	m, k := soleMention(x.all, toks[0].s, toks[c-1].e)
	if k != 1 || m.Type != newsintel.EntityPerson || m.Start != toks[0].s || m.End != toks[c-1].e {
		return found{}, false
	}
	return found{srcI: 0, srcJ: c, ts: toks[c+1].s, te: se.e, chanI: -1}, true
}
