package claims

import (
	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// sent is one sentence being read.
type sent struct {
	s, e int
	toks []tok
	caps bool
}

// found is an attribution found in a sentence, before its source is built.
type found struct {
	cue        string
	srcI, srcJ int // token range of the source phrase; srcI < 0 for none
	ts, te     int // byte range of the content
	chanI      int // token range of a document channel ("in a filing"), or -1
	chanJ      int
	refusal    newsintel.SourceType // set when the sentence itself is a refusal
	viaI, viaJ int                  // token range of a relaying outlet ("Interfax quoted …")
	outlet     bool                 // the source is a news outlet by its role ("first reported by …")
}

// sentenceClaims reads one sentence for an attribution, or two joined by a
// coordinator, and appends their claims to out.
func (x *extractor) sentenceClaims(out []newsintel.Claim, sp sentence.Span) []newsintel.Claim {
	x.buf = tokenizeInto(x.buf[:0], x.body, sp.Start, sp.End, x.isQuoted)
	toks := x.buf
	if len(toks) < 3 {
		return out
	}
	if last := toks[len(toks)-1]; last.w == "?" && !last.inQ {
		return out // a question asks; it reports nothing: "Do you expect prices to fall?"
	}
	uncapFirst(toks)
	se := sent{s: sp.Start, e: sp.End, toks: toks, caps: allCapsToks(toks)}
	hi, hj := findHedge(toks)
	f, ok := x.attribute(se, hi, hj)
	c := newsintel.Claim{Start: sp.Start, End: sp.End}
	if hi >= 0 {
		c.Hedge = hedgeText(toks, hi, hj)
	}
	if !ok {
		if hi < 0 || toks[hi].inQ {
			return out
		}
		c.TextStart, c.TextEnd = trimText(x.body, sp.Start, sp.End)
		c.Text = x.body[c.TextStart:c.TextEnd]
		c.Source.Type = newsintel.SourceUnattributed
		if c.TextEnd-c.TextStart > 10 {
			out = append(out, x.finish(c))
		}
		return out
	}
	// Up to three attributions joined by coordinators: "Officials said
	// sales had slowed but declined to give figures, and analysts said …".
	for n := 0; ; n++ {
		s2, f2, k, more := x.coordinated(se, f)
		more = more && n < 2
		if more {
			f.te = se.toks[k].s
		}
		if n == 0 && f.refusal == "" {
			// Refusals beside the first attribution: "The lawyer, who did
			// not respond …, has said", "declined to comment but said".
			out = x.relativeRefusal(out, se, f, sp)
			out = x.refusalBefore(out, se, f, sp)
			out = x.refusalClauseBefore(out, se, f, sp)
		}
		if c, ok := x.claimOf(se, f, c); ok {
			out = append(out, x.finish(c))
		}
		if !more {
			return out
		}
		se, f, c = s2, f2, newsintel.Claim{Start: sp.Start, End: sp.End, Hedge: c.Hedge}
	}
}

// claimOf completes c from the attribution f found in se.
func (x *extractor) claimOf(se sent, f found, c newsintel.Claim) (newsintel.Claim, bool) {
	c.Cue = f.cue
	src, ok := x.buildSource(se, f)
	if !ok {
		return c, false
	}
	c.Source = src
	toks := se.toks
	c.TextStart, c.TextEnd = trimText(x.body, f.ts, cutComment(toks, f.ts, cutSemicolon(toks, f.ts, cutCiting(toks, f.ts, f.te))))
	if c.TextEnd-c.TextStart < 3 || elliptic(toks, c.TextStart, c.TextEnd) {
		return c, false
	}
	c.Text = x.body[c.TextStart:c.TextEnd]
	return c, true
}

// attribute tries the attribution patterns in turn.
func (x *extractor) attribute(se sent, hi, hj int) (found, bool) {
	if f, ok := x.according(se); ok {
		return f, true
	}
	if f, ok := x.headline(se); ok {
		return f, true
	}
	if f, ok := x.headlineSpeaker(se); ok {
		return f, true
	}
	if f, ok := x.verbal(se, hi, hj); ok {
		return f, true
	}
	if f, ok := x.participle(se); ok {
		return f, true
	}
	if f, ok := x.reportedBy(se); ok {
		return f, true
	}
	if f, ok := x.demand(se); ok {
		return f, true
	}
	if f, ok := x.putIt(se); ok {
		return f, true
	}
	if f, ok := x.hearingFrom(se); ok {
		return f, true
	}
	return x.refusalOnly(se)
}

// elliptic reports whether content is only a pronoun and auxiliaries, an
// answer that leaves its verb out: "… and then said she did not".
func elliptic(toks []tok, ts, te int) bool {
	n := 0
	for _, t := range toks {
		if t.s < ts || t.punct {
			continue
		}
		if t.e > te {
			break
		}
		_, pron := pronouns[t.l]
		if !pron && !finite[t.l] && t.l != "not" && t.l != "so" || t.inQ {
			return false
		}
		n++
	}
	return n > 0 && n <= 4
}

// buildSource turns a found attribution into a Source: the source phrase,
// a document channel, "citing" and refusals in the content.
func (x *extractor) buildSource(se sent, f found) (newsintel.Source, bool) {
	var src newsintel.Source
	ok := false
	if f.srcI >= 0 {
		p := parseNP(x.body, se.toks, f.srcI, f.srcJ, se.caps)
		src, ok = x.st.source(p, x.all)
		if len(p.conjs) == 1 && dataFigures(p.conjs[0], f.cue) {
			src = newsintel.Source{Type: newsintel.SourceDocument, Description: p.desc} // "Industry figures show …"
		}
		if !ok && f.refusal != "" || f.refusal != "" && requestPhrase(se.toks, f.srcI, f.srcJ) {
			src, ok = requestSource(x.body, se.toks, f.srcI, f.srcJ), true
		}
	}
	if f.refusal != "" {
		src.Type, ok = f.refusal, true
		return src, true
	}
	if !ok {
		return src, false
	}
	if f.chanI >= 0 {
		src = x.channelSource(se, f, src)
	}
	if f.cue == "put it" || f.cue == "puts it" {
		src = putItSpeaker(src)
	}
	if f.outlet && src.Type == newsintel.SourcePerson {
		src.Type = newsintel.SourceOrganization // an outlet reports; a name we do not know is no person here
	}
	if f.viaJ > f.viaI {
		if v, ok := x.st.source(parseNP(x.body, se.toks, f.viaI, f.viaJ, se.caps), x.all); ok && v.Name != "" {
			src.Via = v.Name
		}
	}
	src = asPerson(src, x.all, se.toks, f.ts, f.te)
	src = asPlural(src, x.all, se.toks, f)
	if t := refusalIn(se.toks, f.ts, f.te); t != "" {
		src.Type = t
	}
	if cs, ce := citing(se.toks, f.ts, f.te); cs >= 0 {
		inner, ok := x.st.source(parseNP(x.body, se.toks, cs, ce, se.caps), x.all)
		if ok {
			if src.Type == newsintel.SourceOrganization {
				inner.Via = src.Name // "Reuters reported, citing three people"
			}
			src = inner
		}
	}
	return src, true
}

// channelSource applies "X said in a filing": a document channel makes the
// source a document of X; an on-record channel (a statement, an interview)
// leaves X as the source.
func (x *extractor) channelSource(se sent, f found, src newsintel.Source) newsintel.Source {
	p := parseNP(x.body, se.toks, f.chanI, f.chanJ, se.caps)
	if len(p.conjs) == 0 || p.conjs[0].kind != headDoc || onRecordDocs[p.conjs[0].head] {
		return src
	}
	owner := firstNonEmpty(src.Name, src.Affiliation)
	return newsintel.Source{Type: newsintel.SourceDocument, Description: p.desc,
		Affiliation: firstNonEmpty(owner, p.conjs[0].affil, x.st.possessor(p.conjs[0]))}
}

// refusalIn reports a refusal or non-response that opens the content of a
// claim: "said that the department does not comment on …". A speaker who
// has not heard back from someone tells of their own wait, which is the
// speaker's claim.
func refusalIn(toks []tok, ts, te int) newsintel.SourceType {
	first := -1
	for k, t := range toks {
		if t.s >= ts && t.e <= te {
			first = k
			break
		}
	}
	if first < 0 {
		return ""
	}
	limit := min(len(toks), first+4)
	for k := first; k < limit; k++ {
		if toks[k].inQ || toks[k].e > te {
			break
		}
		if heardBackPhrases.match(toks, k) > 0 {
			break // "The family said they had not heard back from the insurer": the speaker's own account
		}
		if noResponseAt(toks, k) {
			return newsintel.SourceNoResponse
		}
		if declinedAt(toks, k) {
			return newsintel.SourceDeclined
		}
	}
	return ""
}

// citing finds ", citing NP" inside the content and returns the phrase's
// token range, or -1.
func citing(toks []tok, _, _ int) (int, int) {
	for k := 1; k < len(toks)-1; k++ {
		if toks[k].l != "citing" || toks[k].inQ || toks[k-1].w != "," {
			continue
		}
		e := npEnd(toks, k+1)
		if e < len(toks) && toks[e].w == "," && e+1 < len(toks) && toks[e+1].l == "that" {
			return k + 1, e
		}
		for e < len(toks) && !(toks[e].punct && (toks[e].isEnd() || toks[e].w == ";")) && toks[e].l != "that" {
			e++
		}
		return k + 1, e
	}
	return -1, -1
}

// cutCiting ends content before ", citing …" or ", according to …".
func cutCiting(toks []tok, ts, te int) int {
	for k := 1; k < len(toks)-1; k++ {
		if toks[k].s <= ts || toks[k].s >= te || toks[k].inQ || toks[k-1].w != "," {
			continue
		}
		if toks[k].l == "citing" || hasSeq(toks, k, "according", "to") {
			if e := npEnd(toks, k+1); e < len(toks)-2 && toks[e].w == "," && toks[e].e <= te &&
				wordsIn(toks, e, len(toks)) >= 3 {
				continue // a parenthetical: "Sales, according to the filing, rose 5%."
			}
			return toks[k-1].s
		}
	}
	return te
}

// requestSource reads the source of "A request for comment from the
// Chinese Embassy went unanswered": the organisation after from/to.
func requestSource(body string, toks []tok, i, j int) newsintel.Source {
	for k := i; k < j-1; k++ {
		switch toks[k].l {
		case "from", "to", "for", "with", "at":
		default:
			continue
		}
		s := k + 1
		if toks[s].l == "the" {
			s++
		}
		if s >= j || !toks[s].cap {
			continue
		}
		e := s + 1
		for e < j && (toks[e].cap || inName(toks, e, j, false)) {
			e++
		}
		return newsintel.Source{Affiliation: trimPossessive(span(body, toks, s, e))}
	}
	return newsintel.Source{}
}

// isQuoted reports whether byte offset pos lies inside a quotation.
func (x *extractor) isQuoted(pos int) bool {
	lo, hi := 0, len(x.quoted)
	for lo < hi {
		m := (lo + hi) / 2
		switch q := x.quoted[m]; {
		case pos < q.s:
			hi = m
		case pos >= q.e:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// cutComment ends content before a closing phrase that comments on the
// claim: "they had taken the town, a claim the army denied".
func cutComment(toks []tok, ts, te int) int {
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].s <= ts || toks[k].inQ || toks[k-1].w != "," {
			continue
		}
		if toks[k].s >= te {
			break
		}
		if (toks[k].l == "a" || toks[k].l == "an") && contentNouns[toks[k+1].l] {
			return toks[k-1].s
		}
	}
	return te
}

// cutSemicolon ends content at a semicolon that opens another attributed
// clause: "The US says the strikes were defensive; Iran says they were …".
func cutSemicolon(toks []tok, ts, te int) int {
	for k, t := range toks {
		if t.s < ts || t.inQ || t.w != ";" {
			continue
		}
		if t.s >= te {
			break
		}
		for m := k + 1; m < len(toks) && m < k+8; m++ {
			if clausalVerbs[toks[m].l] && !toks[m].inQ {
				return t.s
			}
		}
	}
	return te
}
