package claims

import "strings"

// tellVerbs take the person told as an object before the content.
var tellVerbs = words("told", "tell", "tells", "telling", "informed", "assured", "reminded",
	"warned", "warn", "warns", "cautioned", "advised", "notified", "briefed")

// objWords are listeners after "told": "told reporters", "told the paper".
var objWords = words("me", "us", "him", "her", "them", "reporters", "journalists",
	"investors", "analysts", "lawmakers", "legislators", "employees", "staff", "workers",
	"shareholders", "clients", "customers", "members", "supporters", "delegates", "parliament",
	"congress", "senators", "viewers", "listeners", "readers", "newspaper", "paper", "agency",
	"broadcaster", "station", "radio", "television", "magazine", "outlet", "website",
	"audience", "crowd", "conference", "committee", "court", "jury", "judge", "panel",
	"publication", "daily", "network", "channel", "press", "media", "site", "newsletter",
	"jurors", "podcast", "interviewer", "host", "hosts", "colleagues", "friends", "staffers",
	"investigators", "prosecutors", "police", "officers", "officials", "regulators", "voters",
	"residents", "students", "graduates", "fans", "followers", "subscribers", "listeners",
	"attendees", "participants", "delegation", "delegates", "summit", "forum", "hearing",
	"rally", "meeting", "gathering", "assembly", "chamber", "nation", "mps", "peers", "councillors",
	"congregation", "tribunal", "inquest")

// ppNouns end an adjunct after a reporting verb: "said in a statement",
// "told reporters on Tuesday", "said at a news conference".
var ppNouns = words("statement", "statements", "interview", "interviews", "filing",
	"filings", "post", "blog", "email", "e-mail", "emails", "note", "letter", "report",
	"briefing", "conference", "call", "speech", "hearing", "testimony", "tweet", "message",
	"memo", "podcast", "video", "release", "document", "documents", "remarks", "presentation",
	"meeting", "appearance", "session", "event", "broadcast", "program", "programme", "show",
	"op-ed", "column", "article", "website", "prospectus", "court", "week", "month", "year",
	"morning", "afternoon", "evening", "night", "weekend", "day", "time", "days", "weeks",
	"months", "years", "reporters", "media", "television", "radio", "parliament", "summit",
	"forum", "rally", "address", "lawsuit", "complaint", "indictment", "papers", "notice",
	"announcement", "update", "newsletter", "earnings", "results", "sidelines", "panel",
	"exchange", "platform", "feed", "account", "page", "thread", "comments", "remarks",
	"message", "messages", "response", "reply", "submission", "affidavit", "motion", "brief",
	"transcript", "record", "records", "study", "survey", "research", "analysis", "paper",
	"annual", "quarterly", "release", "disclosure", "circular", "bulletin", "guidance",
	"ago", "earlier", "today", "yesterday", "tonight")

// timeWords stand alone as adjuncts: "said Tuesday".
var timeWords = words("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "yesterday", "today", "tonight", "earlier", "later", "previously", "also",
	"again", "recently", "separately", "too", "then", "publicly", "privately", "repeatedly",
	"late", "overnight", "now", "once", "however", "meanwhile")

// preps open an adjunct after a reporting verb.
var preps = words("on", "in", "at", "during", "to", "via", "through", "over", "after",
	"before", "last", "this", "earlier", "late", "from", "with", "while", "ahead", "of",
	"by", "within")

// afterVerb skips what stands between a reporting verb and its content:
// "that", the person told, time and channel adjuncts ("on Tuesday", "in a
// statement", "in an interview with Reuters"). It returns where the content
// starts, whether "that" introduced it, and the token range of a channel.
func afterVerb(toks []tok, v int) (p int, sawThat bool, chI, chJ int) {
	n := len(toks)
	chI, chJ = -1, -1
	for q := v + 1; q < n && q < v+14; q++ {
		if toks[q].inQ || toks[q].punct && toks[q].w != "," || q > v+1 && clausalVerbs[toks[q].l] && toks[q-1].w == "," {
			break // the "that" of a later verb: "…, first reported by Politico, warns that"
		}
		if finite[toks[q].l] || pastForms[toks[q].l] || clauseOpeners[toks[q].l] || toks[q].l == "but" ||
			toks[q].w == "," && q+1 < n && participles[toks[q+1].l] {
			break // "said the cabinet had approved … but that …", "he said, adding that …"
		}
		if toks[q].l == "that" && q > v+1 && notComplementiser[toks[q-1].l] {
			break // "urged the administration to act so that …"
		}
		if toks[q].l == "that" {
			chI, chJ = findChannel(toks, v+1, q)
			return q + 1, true, chI, chJ
		}
	}
	p = v + 1
	if tellVerbs[toks[v].l] {
		p = skipObject(toks, p)
	}
	for p < n {
		t := toks[p]
		switch {
		case t.w == "," && p+1 < n && (timeWords[toks[p+1].l] || preps[toks[p+1].l]):
			p++
		case timeWords[t.l]:
			p++
		case preps[t.l]:
			e := ppEnd(toks, p)
			if e < 0 {
				return p, false, chI, chJ
			}
			if t.l == "in" || t.l == "on" || t.l == "through" || t.l == "via" {
				if ci, cj := findChannel(toks, p, e); ci >= 0 {
					chI, chJ = ci, cj
				}
			}
			p = e
		case t.w == ":" || t.w == ",":
			return p + 1, false, chI, chJ
		default:
			if t.l == "that" {
				return p + 1, true, chI, chJ
			}
			return p, false, chI, chJ
		}
	}
	return p, false, chI, chJ
}

// skipObject skips the listener after "told": a name, a pronoun or a short
// noun phrase ending in a listener noun.
func skipObject(toks []tok, p int) int {
	n := len(toks)
	if p >= n {
		return p
	}
	if toks[p].cap && !toks[p].punct {
		for p < n && (toks[p].cap || inName(toks, p, n, false)) && !toks[p].punct {
			p++
		}
		if p < n && objWords[toks[p].l] {
			p++ // "told a CNBC interviewer"
		}
		return p
	}
	if toks[p].l == "the" && p+1 < n && toks[p+1].cap {
		return skipObject(toks, p+1)
	}
	for q := p; q < n && q < p+4; q++ {
		if objWords[toks[q].l] {
			return q + 1
		}
		if toks[q].punct {
			break
		}
	}
	return p
}

// ppEnd returns the end of a prepositional adjunct that starts at toks[p],
// or -1 when the words do not look like one.
func ppEnd(toks []tok, p int) int {
	n := len(toks)
	q := p + 1
	if toks[p].l == "ahead" && q < n && toks[q].l == "of" {
		q++
	}
	for k := q; k < n && k < q+6; k++ {
		t := toks[k]
		if t.punct || t.inQ {
			return -1
		}
		if t.l == "that" {
			return -1
		}
		if ppNouns[t.l] || timeWords[t.l] && t.cap {
			for k+1 < n && ppNouns[toks[k+1].l] && !toks[k+1].inQ {
				k++ // "a conference call", "a news conference"
			}
			return ppTail(toks, k+1)
		}
		if t.cap && (k+1 >= n || !toks[k+1].cap) && (k+1 >= n || !ppNouns[toks[k+1].l]) {
			return ppTail(toks, k+1)
		}
	}
	return -1
}

// ppTail extends an adjunct over "with Reuters", "to shareholders", "of
// the company".
func ppTail(toks []tok, k int) int {
	n := len(toks)
	if k+2 < n && len(toks[k].l) > 4 && strings.HasSuffix(toks[k].l, "ed") && !toks[k].inQ && !toks[k].cap {
		if e := ppTail(toks, k+1); e > k+1 {
			return e // "in a statement emailed to CloudBeat"
		}
	}
	if k+1 < n && (toks[k].l == "with" || toks[k].l == "to" || toks[k].l == "for" || toks[k].l == "of" || toks[k].l == "on") {
		m := k + 1
		if toks[m].l == "the" || toks[m].l == "its" || toks[m].l == "their" {
			m++
		}
		if m < n && toks[m].cap {
			for m < n && toks[m].cap && !toks[m].punct {
				m++
			}
			return m
		}
		if m < n && objWords[toks[m].l] {
			return m + 1
		}
	}
	return k
}

// findChannel finds "in (its) (annual) report" or "in a filing" in
// toks[i:j] and returns the range of the document phrase, or -1.
func findChannel(toks []tok, i, j int) (int, int) {
	for k := j - 1; k >= i; k-- {
		if toks[k].l != "in" && toks[k].l != "through" && toks[k].l != "via" {
			continue
		}
		for m := k + 1; m < j && m < k+8; m++ {
			if toks[m].punct {
				break
			}
			if docNouns[toks[m].l] || onRecordDocs[toks[m].l] {
				e := m + 1
				for e < j && (toks[e].l == "to" || toks[e].l == "with" || toks[e].l == "of" || toks[e].l == "filed" ||
					toks[e].l == "by" || toks[e].l == "the" || toks[e].cap || docNouns[toks[e].l] ||
					inName(toks, e, j, false)) && !toks[e].punct {
					e++
				}
				return k + 1, e
			}
		}
	}
	return -1, -1
}

// according reads "according to NP, …" and "…, according to NP".
func (x *extractor) according(se sent) (found, bool) {
	toks := se.toks
	for k := 0; k+2 < len(toks); k++ {
		cue, n := "according to", 2
		switch {
		case toks[k].inQ:
			continue
		case toks[k].l == "according" && toks[k+1].l == "to":
		case toks[k].l == "as" && toks[k+1].l == "per":
			cue = "as per" // Indian English: "As per the notification, …"
		case toks[k].l == "per" && (k == 0 || toks[k-1].w == ",") && !perUnits[toks[k+1].l]:
			cue, n = "per", 1 // "…, per a person familiar with the matter"
		default:
			continue
		}
		e := npEnd(toks, k+n)
		if e <= k+n {
			continue
		}
		f := found{cue: cue, srcI: k + n, srcJ: e, chanI: -1}
		switch {
		case k == 0 || introOnly(toks, k-1) && (k != 2 || introWords[toks[0].l] || strings.HasSuffix(toks[0].l, "ly")) ||
			toks[k-1].l == "but" || toks[k-1].l == "and":
			// "However, according to …" opens with an intro word; "Sales,
			// according to the filing, rose" with the subject.
			if e >= len(toks)-1 {
				continue
			}
			f.ts, f.te = toks[e].s, se.e
		case closingTag(toks, e):
			continue // "Everything was done according to the rules, the club insisted."
		case e < len(toks)-2 && wordsIn(toks, e, len(toks)) >= 3:
			f.ts, f.te = se.s, se.e // "Sales, according to the filing, rose 5%."
			if toks[e].w == "," && k > 1 && k-1 <= 7 && !isClause(toks[:k-1], 0) && (introWords[toks[0].l] || preps[toks[0].l]) {
				f.ts = toks[e+1].s // "By the spring of 2019, according to …, the company had …"
			}
		default:
			f.ts, f.te = se.s, toks[k].s
		}
		return f, true
	}
	return found{}, false
}

// closingTag reports whether toks[e:] is ", NP said." closing the
// sentence: a short noun phrase and a reporting verb, then the end.
func closingTag(toks []tok, e int) bool {
	n := len(toks)
	if n > 0 && toks[n-1].isEnd() {
		n--
	}
	if e >= n || toks[e].w != "," || n-e > 9 || n-e < 3 {
		return false
	}
	v := n - 1
	for v > e+1 && (timeWords[toks[v].l] || toks[v].cap) {
		v-- // "…, the club insisted on Sunday", "…, said Jane Doe"
	}
	return clausalVerbs[toks[v].l] || clausalVerbs[toks[e+1].l]
}

// npEnd returns the end of the noun phrase that starts at toks[i]: the next
// comma or stop, extended over an appositive ("John Smith, a lawyer for
// Alibaba,").
func npEnd(toks []tok, i int) int { return npEndAt(toks, i, false) }

// npEndAt is npEnd; with toEnd, an appositive may also run to the end of
// toks (a speech tag: "…,” said Jane Doe, a lawyer for Alibaba.").
func npEndAt(toks []tok, i int, toEnd bool) int {
	e := i
	for e < len(toks) && !toks[e].isBoundary() && !toks[e].isEnd() {
		e++
	}
	if e > i && e+1 < len(toks) && toks[e].w == "," && (toks[i].cap || toks[e-1].cap) && apposStart(toks[e+1]) {
		m := e + 1
		for m < len(toks) && !toks[m].isBoundary() && !toks[m].isEnd() {
			m++
		}
		if m-e < 12 && (m < len(toks)-1 && toks[m].w == "," || toEnd && (m == len(toks) || toks[m].isEnd() && m == len(toks)-1)) {
			return m
		}
	}
	return e
}

func wordsIn(toks []tok, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if !toks[k].punct {
			n++
		}
	}
	return n
}

// headline reads a headline that ends in its source: "Alibaba cloud faces
// US probe - sources", "EXCLUSIVE-… - report".
func (x *extractor) headline(se sent) (found, bool) {
	toks := se.toks
	n := len(toks)
	if n > 40 || toks[n-1].isEnd() && toks[n-1].w == "." {
		return found{}, false
	}
	for k := n - 2; k >= 2 && k >= n-8; k-- {
		w := toks[k].w
		if !toks[k].punct || w != "-" && w != "–" && w != "—" && w != ":" && w != "|" {
			continue
		}
		e := n
		cue := ""
		for e > k+2 && (toks[e-1].punct || headlineVerb(toks[e-1].l)) {
			if !toks[e-1].punct {
				cue = toks[e-1].l
			}
			e--
		}
		if e <= k+1 {
			return found{}, false
		}
		p := parseNP(x.body, toks, k+1, e, se.caps)
		if len(p.conjs) == 0 || !headlineSource(p.conjs[0]) || !se.caps && onlyName(toks, 0, k) {
			return found{}, false
		}
		return found{cue: cue, srcI: k + 1, srcJ: e, ts: headlineStart(toks), te: toks[k].s, chanI: -1}, true
	}
	return found{}, false
}

// onlyName reports whether toks[i:j] is a name and nothing more, so that
// a headline of it and a document is a title, not a claim: "Taylor Swift:
// The Eras Tour review", "Oppenheimer – review".
func onlyName(toks []tok, i, j int) bool {
	if j-i > 6 {
		return false
	}
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.cap && t.l != "of" && t.l != "the" && t.l != "and" && t.l != "&" && t.w != "'" && t.w != "." {
			return false
		}
	}
	return true
}

func headlineVerb(l string) bool {
	switch l {
	case "say", "says", "said", "tell", "tells", "report", "reports", "show", "shows", "claim", "claims", "warn", "warns":
		return true
	}
	return false
}

// headlineSource accepts sources a headline ends in: anonymous people,
// documents and news outlets.
func headlineSource(c conj) bool {
	switch c.kind {
	case headAnon, headDoc, headSpokes:
		return c.name == ""
	case headName:
		return isOutlet(c.name)
	}
	return false
}

// headlineStart skips a wire slug: "EXCLUSIVE-", "UPDATE 2-".
func headlineStart(toks []tok) int {
	l := toks[0].l
	for _, slug := range []string{"exclusive", "update", "breaking", "analysis", "insight", "refile", "corrected", "focus", "wrapup"} {
		if strings.HasPrefix(l, slug+"-") {
			return toks[0].s + len(slug) + 1
		}
		if l == slug && len(toks) > 3 && toks[1].e == toks[1].s+len(toks[1].w) {
			if d := strings.IndexByte(toks[1].w, '-'); d > 0 && isDigitAt(toks[1].w, 0) {
				return toks[1].s + d + 1 // "UPDATE 1-U.S. review …"
			}
		}
		if l == slug && len(toks) > 3 {
			k := 1
			if _, ok := numberOf(toks[k].l); ok {
				k++
			}
			if toks[k].w == "-" || toks[k].w == ":" {
				return toks[k+1].s
			}
			if strings.HasPrefix(toks[k].w, "-") {
				return toks[k].s + 1
			}
		}
	}
	return toks[0].s
}

// participle reads "…, stating that …" after a clause: the source is a
// document named just before ("in its most recent annual report, stating
// …") or the clause's subject.
func (x *extractor) participle(se sent) (found, bool) {
	toks := se.toks
	for k := 2; k < len(toks)-2; k++ {
		if !participles[toks[k].l] || toks[k].inQ || toks[k-1].w != "," {
			continue
		}
		f := found{cue: toks[k].l, chanI: -1}
		f.ts, f.te = toks[k+1].s, se.e
		if toks[k+1].l == "that" {
			f.ts = toks[k+2].s
		} else if p, sawThat, _, _ := afterVerb(toks, k); sawThat && p < len(toks) {
			f.ts = toks[p].s // "…, arguing in federal court in Washington that …"
		}
		if ci, cj := findChannel(toks, 0, k-1); ci >= 0 && cj == k-1 {
			f.srcI, f.srcJ = ci, cj
			return f, true
		}
		e := leadingNP(toks, k-1)
		if e <= 0 {
			continue
		}
		f.srcI, f.srcJ = 0, e
		return f, true
	}
	return found{}, false
}

// leadingNP returns the end of the noun phrase that opens a sentence:
// a pronoun, a name or a determiner with nouns.
func leadingNP(toks []tok, limit int) int {
	if _, ok := pronouns[toks[0].l]; ok {
		return 1
	}
	e := 0
	for e < limit && !toks[e].punct {
		t := toks[e]
		k, _ := headOf(t.l)
		if !(t.cap || k != headNone || t.l == "the" || t.l == "a" || t.l == "an" || t.poss) {
			break
		}
		e++
	}
	return e
}

// clauseOpeners open a clause of their own, never a prepositional
// adjunct of the reporting verb: "said emissions fell, although it noted
// that …".
var clauseOpeners = words("although", "though", "because", "whereas", "unless", "while")

// notComplementiser before "that" make it no complementiser of a reporting
// verb: "so that", "now that", "given that".
var notComplementiser = words("so", "such", "now", "given", "except", "provided", "in")

// hasWord reports whether toks[i:j] holds the word l.
func hasWord(toks []tok, i, j int, l string) bool {
	for k := i; k < j && k < len(toks); k++ {
		if toks[k].l == l {
			return true
		}
	}
	return false
}

// perUnits follow "per" as a rate, not a source: "per share", "per cent".
var perUnits = words("share", "cent", "year", "day", "hour", "person", "capita", "month", "week",
	"barrel", "ton", "tonne", "unit", "gallon", "kilogram", "pound", "head", "minute", "second",
	"mile", "kilometer", "kilometre", "annum", "household", "vehicle", "acre", "square")
