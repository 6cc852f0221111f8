package claims

import "strings"

// verbal finds "NP said (that) …", "…, NP said", "…, said NP" and their
// kin with any reporting verb.
func (x *extractor) verbal(se sent, hi, hj int) (found, bool) {
	toks := se.toks
	for v := 1; v < len(toks); v++ {
		t := toks[v]
		if t.punct || t.inQ || !clausalVerbs[t.l] || t.cap && !se.caps || v >= hi && v < hj {
			continue
		}
		if f, ok := x.passiveQuoted(se, v); ok {
			return f, true
		}
		if !verbReading(se, v) {
			continue
		}
		if f, ok := x.verbAt(se, v); ok {
			if g, ok := x.laterTag(se, v, f); ok {
				return g, true
			}
			return f, true
		}
	}
	return found{}, false
}

// verbReading reports whether the reporting word at toks[v] reads as a
// verb rather than a noun or an infinitive.
func verbReading(se sent, v int) bool {
	toks := se.toks
	if modals[toks[v-1].l] && !toks[v-1].punct || v+1 < len(toks) && toks[v+1].l == "than" ||
		toks[v-1].l == "than" || toks[v-1].l == "as" || // "worse than expected", "as expected"
		nounPreps[toks[v-1].l] || isDigitAt(toks[v-1].w, 0) && !strings.HasSuffix(toks[v-1].l, "-old") && !digitName(toks, v-1) {
		return false // "in 14 states", "for reports": nouns, not verbs
	}
	if e := subjectEnd(toks, v); e < v && beForms[toks[e-1].l] {
		return false // "whose existence was first reported by Politico": passive
	}
	// "its annual report, stating …": a noun, not a verb
	e := subjectEnd(toks, v)
	return !baseForm(toks[v].l) || pluralSubject(toks, e, se.caps) || collectiveSubject(toks, e, v, se.caps)
}

// concordVerbs are the base forms British, Irish and Canadian copy puts
// after an organisation taken as its members: "RCMP say", "Arsenal say",
// "the government insist".
var concordVerbs = words("say", "tell", "insist", "claim", "warn", "confirm", "deny", "believe")

// collectiveSubject reports whether the subject ending at toks[end] is an
// organisation that takes the plural verb at toks[v]: a name or acronym,
// or an organisation noun.
func collectiveSubject(toks []tok, end, v int, caps bool) bool {
	if !concordVerbs[toks[v].l] || end < 1 || end != v && end != v-1 {
		return false
	}
	t := toks[end-1]
	if t.punct || t.poss || t.inQ {
		return false
	}
	if _, pron := pronouns[t.l]; pron {
		return false
	}
	if !(t.cap && !caps || orgNouns[t.l]) {
		return false
	}
	for k := prevBoundary(toks, end-1) + 1; k < end; k++ {
		l := toks[k].l
		if causeVerbs[l] || !toks[k].cap && !determiners[l] && !orgNouns[l] && l != "of" && l != "and" && l != "&" {
			return false // "I heard Smith say …", "Let Congress say …"
		}
	}
	return true
}

// causeVerbs take a bare infinitive after their object: "let Congress say".
var causeVerbs = words("let", "lets", "make", "makes", "made", "hear", "heard", "see", "saw",
	"watch", "watched", "help", "helped", "have", "had")

// verbAt reads the attribution around the reporting verb at toks[v].
func (x *extractor) verbAt(se sent, v int) (found, bool) {
	toks := se.toks
	f := found{cue: toks[v].l, chanI: -1}
	if f, ok := x.quotedAs(se, v); ok {
		return f, true
	}
	if toks[v-1].w == "," {
		if ss, ok := subjectStart(toks, v); !ok || ss > 0 {
			if f, ok := x.inverted(se, v); ok {
				return f, true
			}
		}
	}
	end := subjectEnd(toks, v)
	if end == 0 {
		return f, false
	}
	if end >= 4 && toks[end-1].w == ")" && toks[end-3].w == "(" && toks[end-2].allCaps() {
		end -= 3 // "The National Bureau of Statistics (NBS) said"
	}
	if a := adjunctBefore(toks, end); a > 0 {
		// "Musk, in an interview on a podcast, said …": the adjunct may
		// name a document channel ("Nvidia, in a filing, said").
		f.chanI, f.chanJ = findChannel(toks, a, end)
		end = a
	}
	if l := toks[end-1].l; (l == "who" || l == "which") && end >= 2 {
		// "… started by a group of students who said …": the subject is
		// the noun phrase the relative pronoun stands for.
		end--
		if end > 0 && toks[end-1].w == "," {
			end-- // "Alibaba's annual report, which warns …"
		}
		f.srcI, f.srcJ = antecedent(toks, end), end
		if f.srcI >= end {
			return f, false
		}
		g, ok := x.afterSubject(se, v, f)
		if ok && g.ts > toks[v].s {
			g.te = relativeEnd(toks, g.ts, g.te)
		}
		return g, ok
	}
	ss, ok := subjectStart(toks, end)
	if !ok || toks[ss].inQ {
		return f, false
	}
	if l := toks[end-1].l; l == "and" || l == "but" {
		// "The firm described the claims as … and said it would sue": the
		// subject is the one of the first verb.
		if ss > 1 && toks[ss-1].w == "," && !toks[ss].cap {
			// "The union's president, Sara Nelson, called the deal … and
			// said": the segment opens with the first verb; the subject
			// and its appositive stand before it.
			if s0, ok := subjectStart(toks, ss); ok && s0 < ss-1 && sourceWord(toks, s0, ss, se.caps) {
				f.srcI, f.srcJ = s0, ss
				return x.afterSubject(se, v, f)
			}
		}
		if ss == end-1 && ss > 2 && toks[ss-1].w == "," {
			// "Alibaba Cloud reported revenue of …, up 50%, and said in
			// May that …": the subject opens the sentence.
			s0 := 0
			for c := 1; c < 5 && c < ss; c++ {
				if toks[c].w == "," && introOnly(toks, c) {
					s0 = c + 1
				}
			}
			if e0 := firstVerb(toks, s0, ss-1); e0 > s0 && e0 < ss-1 && sourceWord(toks, s0, e0, se.caps) {
				f.srcI, f.srcJ = s0, e0
				return x.afterSubject(se, v, f)
			}
			return f, false
		}
		end = firstVerb(toks, ss, end-1)
		if end <= ss {
			return f, false
		}
	}
	f.srcI, f.srcJ = ss, end
	return x.afterSubject(se, v, f)
}

// afterSubject reads what follows the reporting verb at toks[v] once its
// subject f.srcI:f.srcJ is known: the content, before or after the tag.
func (x *extractor) afterSubject(se sent, v int, f found) (found, bool) {
	toks := se.toks
	ss := f.srcI
	switch toks[ss].l {
	case "nobody", "none", "neither":
		return f, false // "Nobody confirmed …" attributes nothing to anyone
	case "no":
		if ss+1 < f.srcJ && toks[ss+1].l == "one" {
			return f, false
		}
	}
	p, sawThat, chI, chJ := afterVerb(toks, v)
	if chI >= 0 {
		f.chanI, f.chanJ = chI, chJ
	}
	leading := ss == 0 || introOnly(toks, ss-1)
	restEmpty := p >= len(toks) || toks[p].isEnd() || toks[p].w == "," || toks[p].isQuoteMark() && p+1 >= len(toks)-1 ||
		preps[toks[p].l] && !isClause(toks, p) // "…, an official told reporters at the scene."
	afterComma := p > v+1 && toks[p-1].w == ","
	if !leading && toks[ss-1].w == "," && (restEmpty || tailAfter(toks, v)) {
		// "…, the company said." and "…, the people said, asking not to be
		// identified …": the content comes before the tag.
		f.ts, f.te = se.s, toks[ss-1].s
		return f, true
	}
	if !leading && toks[ss-1].w == "," && afterComma && wordsIn(toks, p, len(toks)) >= 3 {
		f.ts, f.te = se.s, se.e // "It was, a former board member recalled, the first time …"
		return f, true
	}
	if restEmpty || p >= len(toks)-1 {
		return f, false
	}
	if thatVerbs[f.cue] && !sawThat && !objectVerbs[f.cue] && !x.subjectLicenses(se, f) &&
		!(beliefVerbs[f.cue] && clauseSoon(toks, p) && !isClause(toks[:f.srcJ], f.srcI)) &&
		!expectation(toks, f.cue, p) && !finding(toks, f.cue, p) {
		return f, false
	}
	if accuseVerbs[f.cue] {
		return x.accusation(se, f, v, p, sawThat)
	}
	if !sawThat && !objectVerbs[f.cue] && !isClause(toks, p) && !expectation(toks, f.cue, p) && !finding(toks, f.cue, p) {
		return f, false // "warned investors of the risk", "said goodbye"
	}
	if !sawThat && (f.cue == "added" || f.cue == "adds" || f.cue == "add") && isDigitAt(toks[p].w, 0) {
		return f, false // "Netflix added 8.8 million subscribers": a gain, not a remark
	}
	if f.chanI < 0 && ss > 1 && toks[ss-1].w == "," {
		// "In a filing on Monday, Nvidia said …": an introductory channel.
		if ci, cj := findChannel(toks, 0, ss-1); ci == 1 {
			f.chanI, f.chanJ = ci, cj
		}
	}
	f.ts, f.te = toks[p].s, se.e
	return f, true
}

// subjectLicenses reports whether the subject lets an object-taking verb
// report without "that": a document ("court documents show he paid …") or
// a news outlet ("Reuters reported on Monday the company …").
func (x *extractor) subjectLicenses(se sent, f found) bool {
	p := parseNP(x.body, se.toks, f.srcI, f.srcJ, se.caps)
	if len(p.conjs) == 0 {
		return false
	}
	c := p.conjs[0]
	switch {
	case c.kind == headDoc || dataFigures(c, f.cue):
		return docVerbs[f.cue]
	case c.kind == headName:
		return isOutlet(c.name) && (f.cue == "reported" || f.cue == "reports")
	}
	return false
}

// inverted reads "…, said Jane Doe, a lawyer for Alibaba." where the
// subject follows the verb after the content.
func (x *extractor) inverted(se sent, v int) (found, bool) {
	toks := se.toks
	if v < 2 || !(toks[v-1].w == "," || toks[v-1].isQuoteMark()) || v+1 >= len(toks) {
		return found{}, false
	}
	e := len(toks)
	for e > v+1 && toks[e-1].punct && toks[e-1].w != ")" {
		e--
	}
	if e <= v+1 || e-v > 25 {
		return found{}, false
	}
	for k := v + 2; k+1 < e; k++ {
		if toks[k].w == "," && finite[toks[k+1].l] {
			// "The plan, said one person who saw a draft, would have …":
			// a parenthetical tag inside the content.
			return found{cue: toks[v].l, srcI: v + 1, srcJ: k, ts: se.s, te: se.e, chanI: -1}, true
		}
	}
	first := toks[v+1]
	if _, pron := pronouns[first.l]; pron && e > v+2 {
		return found{}, false // "…, said it would …" is not inverted
	}
	if preps[first.l] || timeWords[first.l] {
		return found{}, false // "…, its director, Ana Ruiz, said in an interview": an adjunct
	}
	for k := v + 1; k < e; k++ {
		if toks[k].l == "who" || toks[k].l == "whom" {
			break // "…, said a senior official who was not authorized to …"
		}
		if finite[toks[k].l] || toks[k].l == "than" {
			return found{}, false
		}
		if toks[k].l == "that" || clausalVerbs[toks[k].l] && !toks[k].cap && k > v+1 && toks[k-1].w != "," {
			return found{}, false
		}
	}
	return found{cue: toks[v].l, srcI: v + 1, srcJ: e, ts: se.s, te: toks[v-1].s, chanI: -1}, true
}

// subjectStart finds where the subject that ends at toks[end] begins: at
// the previous clause boundary, or before an appositive or relative clause
// ("Jane Doe, a lawyer for Alibaba, said").
func subjectStart(toks []tok, end int) (int, bool) {
	if toks[end-1].w == "," {
		b1 := prevComma(toks, end-2)
		if b1 < 0 || toks[b1].w != "," || !apposStart(toks[b1+1]) {
			return 0, false
		}
		b0 := prevBoundary(toks, b1-1)
		if b1-b0 < 2 || end-b0 > 30 {
			return 0, false
		}
		return b0 + 1, true
	}
	b := prevBoundary(toks, end-1)
	if end-b-1 < 1 || end-b-1 > 20 {
		return 0, false
	}
	return b + 1, true
}

// prevBoundary returns the index of the clause boundary at or before k, or
// -1 for the sentence start.
func prevBoundary(toks []tok, k int) int {
	for ; k >= 0; k-- {
		if toks[k].isBoundary() || toks[k].l == "that" || subordinators[toks[k].l] && !toks[k].inQ ||
			toks[k].l == "and" && k+1 < len(toks) && isClauseSubject(toks[k+1]) || butClause(toks, k) {
			return k
		}
	}
	return -1
}

// butClause reports whether toks[k] is a "but" that opens a new clause
// with its own subject, comma or not: "The company declined to comment but
// the union said …", unlike "declined to comment but said" or "all but two
// officials".
func butClause(toks []tok, k int) bool {
	if toks[k].l != "but" || toks[k].inQ || k == 0 || k+1 >= len(toks) || toks[k-1].l == "all" {
		return false
	}
	n := toks[k+1]
	switch n.l {
	case "the", "a", "an", "his", "her", "its", "their", "our", "some", "several", "many", "other", "others":
		return true
	}
	return n.cap && !n.punct || isClauseSubject(n)
}

// isClauseSubject reports whether a word after "and" starts a new clause's
// subject rather than a second conjunct: "and he said".
func isClauseSubject(t tok) bool {
	p, ok := pronouns[t.l]
	return ok && p != kindRelative
}

// apposStart reports whether a word can open an appositive or relative
// clause after a name: "a lawyer for …", "who asked …", "45".
func apposStart(t tok) bool {
	switch t.l {
	case "who", "whom", "a", "an", "the", "one", "its", "his", "her", "their", "speaking",
		"also", "herself", "himself", "former", "chief", "senior", "then":
		return true
	}
	if _, ok := numberOf(t.l); ok || t.cap && !t.punct {
		return true
	}
	switch t.l {
	case "whose", "which", "now", "aged", "citing", "including", "seen", "written", "known", "shown", "held",
		"led", "run", "made", "obtained", "reviewed", "published", "filed", "released", "issued", "first":
		return true // "The memo, whose existence…,", "The lawsuit, filed in…,"
	}
	if len(t.l) > 5 && strings.HasSuffix(t.l, "ed") && !t.cap {
		return true // a reduced relative: "The data, compiled by the New York Fed,"
	}
	k, _ := headOf(t.l)
	return k != headNone
}

// introOnly reports whether toks[:k] (k is a comma or the subject start)
// is only an introductory word or short phrase: "However,", "On Tuesday,".
func introOnly(toks []tok, k int) bool {
	if k <= 0 {
		return true
	}
	if toks[k].w != "," && !toks[k].isQuoteMark() && toks[k].w != ":" {
		return false
	}
	if k > 5 {
		return false
	}
	for m := 0; m < k; m++ {
		if clausalVerbs[toks[m].l] && !toks[m].cap {
			return false
		}
	}
	return k == 1 || introWords[toks[0].l]
}

// baseForm reports whether a reporting verb is in its base form ("say",
// "report"), which needs a plural or first-person subject.
func baseForm(l string) bool {
	switch l {
	case "said", "told", "wrote", "found", "shown", "read", "forecast", "learnt", "heard":
		return false
	}
	n := len(l)
	return !(n > 2 && l[n-1] == 's' || n > 2 && l[n-2:] == "ed")
}

// pluralSubject reports whether a word can end a subject that takes a
// base-form verb: "officials say", "they say", "sources tell".
func pluralSubject(toks []tok, end int, caps bool) bool {
	if end >= 2 && toks[end-1].w == "," {
		// "The data, compiled by the New York Fed, show …": the head
		// stands before the appositive.
		ss, ok := subjectStart(toks, end)
		if !ok {
			return false
		}
		end = ss
		for end < len(toks) && toks[end].w != "," {
			end++
		}
	}
	b := prevBoundary(toks, end-1)
	if end-b > 12 {
		return false
	}
	for k := b + 1; k < end; k++ {
		t := toks[k]
		switch t.l {
		case "they", "we", "i", "you", "people", "police", "authorities", "staff", "media", "experts":
			return true
		}
		if t.punct || t.poss || t.cap && !caps {
			continue
		}
		_, anon := anonNouns[t.l]
		_, spokes := spokesNouns[t.l]
		if plural(t.l) && (anon || spokes || docNouns[t.l] || orgNouns[t.l]) {
			return true
		}
	}
	return false
}

// subjectEnd skips back from the verb at v over auxiliaries and adverbs
// ("has previously said") to the end of its subject; 0 when none is left.
func subjectEnd(toks []tok, v int) int {
	end := v
	for end > 0 && auxiliaries[toks[end-1].l] && !toks[end-1].punct {
		end--
	}
	return max(end, 1)
}

// finite are auxiliary and copular verbs that mark a clause, not a noun
// phrase: "…, said the deal was off" is not an inverted subject.
var finite = words("is", "was", "were", "are", "has", "have", "had", "will", "would", "could",
	"can", "may", "might", "should", "did", "does", "do", "be", "been", "being", "must", "shall")

// introWords open an introductory phrase before a subject: "In a
// statement, the company said"; "Last year, officials said".
var introWords = words("in", "on", "at", "but", "and", "however", "meanwhile", "separately",
	"still", "yet", "also", "earlier", "later", "last", "this", "asked", "speaking", "so",
	"now", "today", "yesterday", "after", "before", "during", "for", "since", "instead",
	"previously", "overall", "moreover", "further", "furthermore", "additionally", "indeed",
	"elsewhere", "separately", "then", "thus", "hence", "nevertheless", "nonetheless")

// quotedAs reads "Interfax quoted a source as saying …": the source is the
// object, the subject relays it.
func (x *extractor) quotedAs(se sent, v int) (found, bool) {
	toks := se.toks
	switch toks[v].l {
	case "quoted", "quotes", "cited", "cites":
	default:
		return found{}, false
	}
	for k := v + 2; k+1 < len(toks) && k < v+15; k++ {
		if toks[k].l != "as" || !participles[toks[k+1].l] || k+2 >= len(toks) {
			continue
		}
		ts := toks[k+2].s
		if toks[k+2].l == "that" && k+3 < len(toks) {
			ts = toks[k+3].s
		}
		ss, ok := subjectStart(toks, subjectEnd(toks, v))
		if !ok {
			return found{}, false
		}
		return found{cue: toks[k+1].l, srcI: v + 1, srcJ: k, ts: ts, te: se.e, chanI: -1,
			viaI: ss, viaJ: subjectEnd(toks, v)}, true
	}
	return found{}, false
}

// passiveQuoted reads "Medinsky was quoted by RIA Novosti as saying …":
// the subject is the source and the agent after "by" relays it.
func (x *extractor) passiveQuoted(se sent, v int) (found, bool) {
	toks := se.toks
	if toks[v].l != "quoted" || v < 2 || !finite[toks[v-1].l] {
		return found{}, false
	}
	for k := v + 1; k+2 < len(toks) && k < v+12; k++ {
		if toks[k].l != "as" || !participles[toks[k+1].l] {
			continue
		}
		end := subjectEnd(toks, v-1)
		ss, ok := subjectStart(toks, end)
		if !ok {
			return found{}, false
		}
		f := found{cue: toks[k+1].l, srcI: ss, srcJ: end, ts: toks[k+2].s, te: se.e, chanI: -1}
		if toks[k+2].l == "that" && k+3 < len(toks) {
			f.ts = toks[k+3].s
		}
		if toks[v+1].l == "by" && v+2 < k {
			f.viaI, f.viaJ = v+2, k
		}
		return f, true
	}
	return found{}, false
}
