package claims

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// maxQuote is the longest quotation, in bytes, that is paired; an opening
// mark with no close within it (or within its paragraph) is ignored.
const maxQuote = 4000

// quoteIndex returns the interiors of the quotations in body, in order.
// Curly and straight double quotes pair with each other; single quotes
// pair when they cannot be apostrophes. Quotations do not cross paragraphs.
func quoteIndex(body string) []span2 {
	var out []span2
	open, kind := -1, 0
	for i := 0; i < len(body); {
		if c := body[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != '\n' {
			// Fast path: an ASCII byte that is no quote mark or line break.
			if open >= 0 && i-open > maxQuote {
				open = -1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(body[i:])
		prev, _ := utf8.DecodeLastRuneInString(body[:i])
		next, _ := utf8.DecodeRuneInString(body[i+n:])
		switch {
		case r == '\n' && next == '\n':
			open = -1
		case r == '“' || r == '«':
			open, kind = i+n, 1
		case (r == '”' || r == '»') && open >= 0 && kind == 1:
			out, open = append(out, span2{open, i}), -1
		case r == '"' && open >= 0 && kind == 1:
			out, open = append(out, span2{open, i}), -1
		case r == '"' && opensQuote(prev, i):
			open, kind = i+n, 1
		case (r == '’' || r == '\'') && open >= 0 && kind == 2 && !unicode.IsLetter(next):
			out, open = append(out, span2{open, i}), -1
		case (r == '‘' || r == '\'') && open < 0 && opensQuote(prev, i) && unicode.IsLetter(next):
			open, kind = i+n, 2
		}
		if open >= 0 && i-open > maxQuote {
			open = -1
		}
		i += n
	}
	return out
}

// opensQuote reports whether a quote mark after rune prev opens a quotation.
func opensQuote(prev rune, i int) bool {
	return i == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == ':'
}

// quoteHit is a direct quotation with its speech tag.
type quoteHit struct {
	qs, qe      int // the quoted words
	first, last int // sentence indexes the quotation and tag cover
	tagS, tagE  int // byte range of the speaker phrase; tagS < 0: continues the previous quote
	cue         string
	chanS       int
	chanE       int
}

// directQuotes finds quotations attributed by an adjacent speech tag:
// "“…,” said Jane Doe", "'…,' the company said", "He said: “…”", and
// untagged quotations that continue a tagged one.
func (x *extractor) directQuotes(spans []sentence.Span) []quoteHit {
	var hits []quoteHit
	si := 0
	for _, q := range x.quoted {
		for si < len(spans) && spans[si].End <= q.s {
			si++
		}
		wc := 0
		if si < len(spans) {
			wc = wordCount(x.body[q.s:q.e])
		}
		if wc < 2 {
			continue
		}
		last := si
		for last+1 < len(spans) && spans[last].End < q.e+1 {
			last++
		}
		h := quoteHit{qs: q.s, qe: q.e, first: si, last: last, tagS: -1, chanS: -1}
		// Two words are a quotation only as a sentence continuing a
		// tagged one: "… the councilman said. “Not once.”"
		if wc >= 3 && (x.tagAfter(&h, spans) || x.tagBefore(&h, spans)) {
			hits = append(hits, h)
			continue
		}
		if n := len(hits); n > 0 && hits[n-1].last >= si-1 && spans[si].Start >= q.s-3 && x.endsSentence(q, spans[last]) {
			h.cue = hits[n-1].cue
			hits = append(hits, h) // an untagged quotation right after a tagged one
		}
	}
	return hits
}

// endsSentence reports whether only punctuation follows quotation q to the
// end of its sentence.
func (x *extractor) endsSentence(q span2, sp sentence.Span) bool {
	for _, r := range x.body[min(q.e, sp.End):sp.End] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// tagAfter reads a speech tag after the quotation: ", said Jane Doe" or
// ", the company said in a statement".
func (x *extractor) tagAfter(h *quoteHit, spans []sentence.Span) bool {
	sp := spans[h.last]
	_, n := utf8.DecodeRuneInString(x.body[h.qe:])
	toks := tokenize(x.body, h.qe+n, sp.End, x.isQuoted)
	end := 0
	for end < len(toks) && !toks[end].isEnd() && !toks[end].isQuoteMark() && toks[end].w != ";" {
		end++
	}
	for end > 0 && toks[end-1].w == "," {
		end--
	}
	k := 0
	if k < end && toks[k].w == "," {
		k++
	}
	if k >= end || end-k > 30 {
		return false
	}
	if hasSeq(toks, k, "according", "to") && k+2 < end {
		h.cue, h.tagS, h.tagE = "according to", toks[k+2].s, toks[npEnd(toks, k+2)-1].e
		return true
	}
	if clausalVerbs[toks[k].l] && !thatVerbs[toks[k].l] && k+1 < end {
		e := k + 1 + npLen(toks[k+1:end])
		h.cue, h.tagS, h.tagE = toks[k].l, toks[k+1].s, toks[e-1].e
		return true
	}
	return x.tagVerb(h, toks[k:end], true)
}

// npLen returns how many tokens of toks form the speaker phrase after an
// inverted verb: up to a comma that opens no appositive.
func npLen(toks []tok) int {
	e := npEndAt(toks, 0, true)
	if e == 0 {
		return len(toks)
	}
	return e
}

// tagVerb reads "NP VERB (adjuncts)" filling the whole of toks (after) or
// ending toks before the quote (before).
func (x *extractor) tagVerb(h *quoteHit, toks []tok, after bool) bool {
	for v := 1; v < len(toks); v++ {
		if !clausalVerbs[toks[v].l] || toks[v].cap && !allCapsToks(toks) {
			continue
		}
		if thatVerbs[toks[v].l] && toks[v].l != "added" && !after {
			continue
		}
		end := v
		for end > 0 && auxiliaries[toks[end-1].l] {
			end--
		}
		if end == 0 {
			return false
		}
		ss := 0
		if !after {
			b, ok := subjectStart(toks, end)
			if !ok {
				return false
			}
			ss = b
		}
		p, _, ci, cj := afterVerb(toks, v)
		if after {
			p = adjunctTail(toks, p) // "told reporters outside the courthouse, adding that …"
		}
		// After a quotation, whatever follows the verb is an adjunct unless
		// it is a clause ("Okonkwo told the podcast"); "he said, adding that
		// …" and "the minister said, according to a translation" end the tag.
		if p < len(toks) && !(toks[p].w == "," || toks[p].w == ":") && !(after && !isClause(toks, p)) &&
			!(after && toks[p-1].w == "," && (participles[toks[p].l] || hasSeq(toks, p, "according", "to"))) {
			return false
		}
		if ss >= end || end-ss > 20 {
			return false
		}
		h.cue, h.tagS, h.tagE = toks[v].l, toks[ss].s, toks[end-1].e
		if ci >= 0 {
			h.chanS, h.chanE = toks[ci].s, toks[cj-1].e
		}
		return true
	}
	return false
}

// adjunctTail skips a short adjunct the adjunct lexicons do not know ("outside
// the courthouse") when a comma and a tail of the tag follow it.
func adjunctTail(toks []tok, p int) int {
	if p >= len(toks) || !preps[toks[p].l] && toks[p].l != "outside" && toks[p].l != "near" {
		return p
	}
	for k := p + 1; k < len(toks) && k < p+8; k++ {
		if toks[k].inQ || finite[toks[k].l] || toks[k].punct && toks[k].w != "," {
			return p
		}
		if k+1 == len(toks) {
			return len(toks) // "…,” one parent said outside the school gates."
		}
		if toks[k].w == "," {
			if tagTail(toks[k+1]) {
				return k
			}
			return p
		}
	}
	return p
}

// tagBefore reads a speech tag that opens the quotation's sentence: "Jane
// Doe said: “…”" when the quotation ends the sentence.
func (x *extractor) tagBefore(h *quoteHit, spans []sentence.Span) bool {
	sp := spans[h.first]
	if !x.endsSentence(span2{h.qs, h.qe}, spans[h.last]) {
		return false
	}
	_, n := utf8.DecodeLastRuneInString(x.body[:h.qs])
	toks := tokenize(x.body, sp.Start, h.qs-n, x.isQuoted)
	uncapFirst(toks)
	if len(toks) < 2 || len(toks) > 30 {
		return false
	}
	for len(toks) > 0 && (toks[len(toks)-1].w == ":" || toks[len(toks)-1].w == "," || toks[len(toks)-1].l == "that") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) >= 2 && clausalVerbs[toks[0].l] && !thatVerbs[toks[0].l] && toks[0].cap && len(toks) <= 20 {
		// "Said one trader: “…”": the verb opens the tag and the speaker
		// follows it.
		e := 1 + npLen(toks[1:])
		h.cue, h.tagS, h.tagE = toks[0].l, toks[1].s, toks[e-1].e
		return true
	}
	return len(toks) >= 2 && x.tagVerb(h, toks, false)
}

// emitQuotes turns the hits that start at sentence hits[*h].first into
// claims and advances *h past them.
func (x *extractor) emitQuotes(out []newsintel.Claim, hits []quoteHit, h *int, spans []sentence.Span) []newsintel.Claim {
	first := hits[*h].first
	for *h < len(hits) && hits[*h].first == first {
		q := hits[*h]
		*h++
		c := newsintel.Claim{Quote: true, Cue: q.cue, Start: spans[q.first].Start, End: spans[q.last].End}
		c.TextStart, c.TextEnd = trimQuote(x.body, q.qs, q.qe)
		c.Text = x.body[c.TextStart:c.TextEnd]
		if q.tagS < 0 {
			if len(out) == 0 {
				continue
			}
			c.Source, c.Cue, c.Group = out[len(out)-1].Source, out[len(out)-1].Cue, out[len(out)-1].Group
			out = append(out, c)
			continue
		}
		toks := tokenize(x.body, q.tagS, q.tagE, x.isQuoted)
		src, ok := x.st.source(parseNP(x.body, toks, 0, len(toks), allCapsToks(toks)), x.all)
		if !ok {
			continue
		}
		if q.chanS >= 0 {
			ct := tokenize(x.body, q.chanS, q.chanE, nil)
			src = x.channelSource(sent{toks: ct}, found{chanI: 0, chanJ: len(ct)}, src)
		}
		if maybeSurname(src) {
			src = asPerson(src, x.all, tokenize(x.body, q.qs, q.qe, nil), q.qs, q.qe)
		}
		c.Source = src
		out = append(out, x.finish(c))
	}
	return out
}

// trimQuote trims spaces and a trailing comma from quoted words.
func trimQuote(body string, s, e int) (int, int) {
	for s < e && (body[s] == ' ' || body[s] == '\n') {
		s++
	}
	for e > s && (body[e-1] == ' ' || body[e-1] == ',' || body[e-1] == '\n') {
		e--
	}
	return s, e
}

// wordCount counts words in s, stopping at 3.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
			if n >= 3 {
				return n
			}
		}
		in = w
	}
	return n
}
