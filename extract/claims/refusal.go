package claims

import (
	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// This file reads refusals to comment and failures to respond: a sentence
// that is one, and one that stands beside a statement.

// refusalOnly reads a sentence that is itself a refusal or non-response:
// "Alibaba refused to make a statement.", "A request … went unanswered."
func (x *extractor) refusalOnly(se sent) (found, bool) {
	toks := se.toks
	if o, k := contactFailed(toks); k > 0 {
		return found{refusal: newsintel.SourceNoResponse, srcI: o, srcJ: k, ts: se.s, te: se.e, chanI: -1}, true
	}
	if (toks[0].l == "neither" || toks[0].l == "none") && len(toks) > 3 {
		for k := 1; k < len(toks) && k < 12; k++ {
			switch toks[k].l {
			case "responded", "replied", "commented", "answered":
				// "Neither company responded to requests for comment."
				return found{refusal: newsintel.SourceNoResponse, srcI: 0, srcJ: k, ts: se.s, te: se.e, chanI: -1}, true
			case "would", "will", "could", "did":
				if k+1 < len(toks) && refuseVerbs[toks[k+1].l] && toks[0].l == "neither" && hasWord(toks, 1, k, "nor") {
					// "Neither the hospital nor the department would say …"
					return found{refusal: newsintel.SourceDeclined, srcI: 0, srcJ: k, ts: se.s, te: se.e, chanI: -1}, true
				}
			}
		}
	}
	for k := 1; k < len(toks); k++ {
		if toks[k].inQ || toks[k].punct {
			continue
		}
		t := newsintel.SourceType("")
		if noResponseAt(toks, k) {
			t = newsintel.SourceNoResponse
		} else if declinedAt(toks, k) {
			t = newsintel.SourceDeclined
		} else {
			continue
		}
		if t == newsintel.SourceNoResponse {
			if i, j, ok := heardBackSource(toks, k); ok {
				return found{refusal: t, srcI: i, srcJ: j, ts: se.s, te: se.e, chanI: -1}, true
			}
		}
		end := k
		for end > 0 && auxiliaries[toks[end-1].l] && !toks[end-1].punct {
			end--
		}
		ss, ok := 0, false
		if end > 0 {
			ss, ok = subjectStart(toks, end)
		}
		if !ok {
			ss = 0
		}
		if end > ss && docNouns[toks[end-1].l] && !onRecordDocs[toks[end-1].l] {
			continue // "The documents do not say who approved the payments"
		}
		return found{refusal: t, srcI: ss, srcJ: end, ts: se.s, te: se.e, chanI: -1}, true
	}
	return found{}, false
}

// refuseVerbs after "neither … nor … would" make a refusal.
var refuseVerbs = words("say", "comment", "confirm", "discuss", "disclose", "specify", "elaborate", "identify")

// contactWords open a sentence about trying to reach someone: "Efforts to
// reach the founder were unsuccessful", "Attempts to contact the family
// failed".
var contactWords = words("efforts", "attempts", "effort", "attempt", "repeated", "multiple", "several")

// contactFailed reads "Efforts to reach X were unsuccessful": it returns
// where X starts and where its verb phrase starts, or 0, 0 when toks is no
// such sentence.
func contactFailed(toks []tok) (int, int) {
	k := 0
	for k < len(toks) && k < 2 && contactWords[toks[k].l] {
		k++
	}
	if k > 0 && k+1 < len(toks) && toks[k].l == "by" {
		for k++; k < len(toks) && k < 8 && toks[k].l != "to" && !toks[k].punct; k++ {
		} // "Attempts by the BBC to contact …"
	}
	if k == 0 || k+2 >= len(toks) || toks[k].l != "to" || !contactVerbs[toks[k+1].l] {
		return 0, 0
	}
	o := k + 2
	if toks[o].l == "a" || toks[o].l == "an" || toks[o].l == "agreement" || toks[o].l == "consensus" {
		return 0, 0 // "Efforts to reach a deal failed"
	}
	for v := o + 1; v+1 < len(toks) && v < k+16; v++ {
		switch toks[v].l {
		case "failed":
			return o, v
		case "were", "was", "have", "had", "proved", "proven":
			for q := v + 1; q < len(toks) && q < v+3; q++ {
				if toks[q].l == "unsuccessful" || toks[q].l == "fruitless" || toks[q].l == "unanswered" {
					return o, v
				}
			}
		}
	}
	return 0, 0
}

// contactVerbs are what a reporter tries to do to a source.
var contactVerbs = words("reach", "contact", "interview", "speak")

// relativeRefusal appends the refusal or non-response that a relative
// clause of the source phrase reports: "The rapper's lawyer, who did not
// respond to a request for comment, has previously said …". The source is
// the phrase before the clause.
func (x *extractor) relativeRefusal(out []newsintel.Claim, se sent, f found, sp sentence.Span) []newsintel.Claim {
	toks := se.toks
	if f.srcI < 0 || f.refusal != "" {
		return out
	}
	for k := f.srcI + 1; k+2 < f.srcJ; k++ {
		if toks[k-1].w != "," || toks[k].l != "who" && toks[k].l != "which" || toks[k].inQ {
			continue
		}
		t := refusalAt(toks, k+1)
		if t == "" {
			continue
		}
		e := k + 1
		for e < f.srcJ && toks[e].w != "," {
			e++
		}
		src, ok := x.st.source(parseNP(x.body, toks, f.srcI, k-1, se.caps), x.all)
		if !ok {
			src = newsintel.Source{}
		}
		src.Type = t
		c := newsintel.Claim{Start: sp.Start, End: sp.End, Source: src}
		c.TextStart, c.TextEnd = toks[k+1].s, toks[e-1].e
		c.Text = x.body[c.TextStart:c.TextEnd]
		return append(out, x.finish(c))
	}
	return out
}

// refusalBefore appends the refusal that the source's first verb makes
// when the reporting verb follows it after "but" or "and": "The company
// declined to comment on the lawsuit but said it would defend itself".
func (x *extractor) refusalBefore(out []newsintel.Claim, se sent, f found, sp sentence.Span) []newsintel.Claim {
	toks := se.toks
	if f.srcI < 0 || f.refusal != "" || f.srcJ >= len(toks) || toks[f.srcJ].s >= f.ts && f.ts < toks[f.srcI].s {
		return out
	}
	k := f.srcJ
	for k < len(toks) && auxiliaries[toks[k].l] && !toks[k].punct {
		k++
	}
	t := refusalAt(toks, k)
	if t == "" {
		return out
	}
	e := k + 1
	for e < len(toks) && toks[e].s < f.ts && toks[e].l != "but" && toks[e].l != "and" {
		e++
	}
	if e >= len(toks) || toks[e].s >= f.ts {
		return out
	}
	src, ok := x.st.source(parseNP(x.body, toks, f.srcI, f.srcJ, se.caps), x.all)
	if !ok {
		return out
	}
	src.Type = t
	c := newsintel.Claim{Start: sp.Start, End: sp.End, Source: src}
	c.TextStart, c.TextEnd = trimText(x.body, toks[k].s, toks[e-1].e)
	c.Text = x.body[c.TextStart:c.TextEnd]
	return append(out, x.finish(c))
}

// refusalClauseBefore appends the refusal of a first clause whose
// coordinator opens the source's clause: "The ministry did not respond to
// requests for comment, but a spokesman told local media the claims were
// false", with or without the comma.
func (x *extractor) refusalClauseBefore(out []newsintel.Claim, se sent, f found, sp sentence.Span) []newsintel.Claim {
	toks := se.toks
	c := f.srcI - 1
	if f.srcI < len(toks) && coordWords[toks[f.srcI].l] {
		c = f.srcI // the source phrase may hold its coordinator: "but a spokesman"
	}
	if c < 2 || f.refusal != "" || !coordWords[toks[c].l] || f.ts < toks[f.srcI].s ||
		toks[c-1].w != "," && !butClause(toks, c) {
		return out
	}
	if toks[c-1].w == "," {
		c-- // the first clause ends before its comma
	}
	first := sent{s: se.s, e: toks[c-1].e, toks: toks[:c], caps: se.caps}
	g, ok := x.refusalOnly(first)
	if !ok {
		return out
	}
	cl, ok := x.claimOf(first, g, newsintel.Claim{Start: sp.Start, End: sp.End})
	if !ok {
		return out
	}
	return append(out, x.finish(cl))
}

// noResponseAt reports whether a phrase of not responding starts at
// toks[k] and, when it names what went unanswered ("did not respond to
// …"), that is an approach for comment ("a request for comment", "emails",
// "Reuters", "reporters") rather than an event ("the rally in oil
// prices").
func noResponseAt(toks []tok, k int) bool {
	end := noResponsePhrases.match(toks, k)
	return end > 0 && approachAfter(toks, end)
}

// approachAfter reports whether the words after a verb of answering at
// toks[end-1] leave it unanswered for the press: no object, or one that is
// an approach for comment or a charge to answer.
func approachAfter(toks []tok, end int) bool {
	if end+1 >= len(toks) || toks[end].l != "to" || toks[end].punct {
		return true
	}
	o := end + 1
	if toks[o].l == "the" || toks[o].l == "a" || toks[o].l == "an" {
		o++
	}
	if o < len(toks) && toks[o].cap && !toks[o].poss && !toks[o].punct {
		return true // an outlet or a reporter: "to Reuters", "to The Times"
	}
	for q := end + 1; q < len(toks) && q < end+8 && !toks[q].punct; q++ {
		if approachNouns[toks[q].l] {
			return true
		}
	}
	return false
}

// approachNouns are what a reporter sends a source: "did not respond to
// a request for comment", "to questions", "to reporters' calls".
var approachNouns = words("request", "requests", "message", "messages", "inquiry", "inquiries", "enquiry",
	"enquiries", "query", "queries", "call", "calls", "email", "emails", "e-mail", "e-mails", "question",
	"questions", "comment", "voicemail", "voicemails", "letter", "letters", "reporters", "reporter",
	"journalists", "us", "me", "him", "her", "them", "phone", "text", "texts", "approach", "approaches",
	"interview", "outreach", "invitation", "list", "overtures", "allegations", "allegation", "accusations",
	"claims", "criticism", "charges", "report", "story", "article", "findings")

// heardBackSource reads a non-response told from the reporter's side: the
// one not heard back from is the phrase after "from" ("KXAN has not heard
// back from the school district") or, without one, the phrase the reporter
// reached out to ("reached out to the district … and has not yet heard
// back"); srcI is -1 when neither is named. ok is false when toks[k]
// opens no such phrase.
func heardBackSource(toks []tok, k int) (int, int, bool) {
	end := heardBackPhrases.match(toks, k)
	if end <= 0 {
		return 0, 0, false
	}
	if end+1 < len(toks) && toks[end].l == "from" {
		return end + 1, heardEnd(toks, end+1), true
	}
	for o := k - 1; o > 1; o-- {
		if toks[o].l == "to" && (toks[o-1].l == "out" || toks[o-1].l == "reached") || contactedWords[toks[o].l] && o+1 < k {
			return o + 1, heardEnd(toks, o+1), true
		}
	}
	return -1, -1, true
}

// heardEnd ends the phrase not heard back from before an adjunct of time
// or purpose: "from the ministry by publication time", "the district for
// comment".
func heardEnd(toks []tok, i int) int {
	e := npEnd(toks, i)
	for k := i + 1; k < e; k++ {
		if heardAdjuncts[toks[k].l] {
			return k
		}
	}
	return e
}

var heardAdjuncts = words("by", "for", "since", "until", "before", "after", "as", "on", "and", "despite", "about", "regarding")

// contactedWords are a reporter's attempts to reach a source, said before
// "has not heard back".
var contactedWords = words("contacted", "emailed", "e-mailed", "called", "messaged", "asked", "approached")

// requestPhrase reports whether toks[i:j] names what went unanswered
// rather than who left it so: "Requests for comment to the board", "Repeated
// calls to the company", "Messages left with the mayor's office".
func requestPhrase(toks []tok, i, j int) bool {
	if i < j && contactWords[toks[i].l] {
		i++
	}
	return i < j && approachNouns[toks[i].l] && !approachPeople[toks[i].l]
}

// approachPeople are the approach nouns that name people, who may be
// sources themselves.
var approachPeople = words("reporters", "reporter", "journalists", "us", "me", "him", "her", "them")
