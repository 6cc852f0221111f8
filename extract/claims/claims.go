// Package claims finds sourcing claims in a document's body: who said what
// ("three sources", "a spokesman for the Commerce Department", "its most
// recent annual report"), with which cue ("according to", "said", "told")
// and hedge ("allegedly", "is said to"), and whether the source is
// anonymous, a named person, an organisation on the record, a document, a
// refusal to comment, no response, or nobody at all. Anonymous sources that
// refer to the same people ("three sources … one of the persons") share a
// group, from which Profile estimates how many distinct anonymous sources an
// article rests on.
//
// Extraction is rule-based over a tokenizer and lexicons of reporting verbs,
// source nouns, counting words and anonymity markers; regular expressions
// (linear-time in Go) read only wire datelines and transcript speaker
// labels, and it runs in time linear in the body (sentences are capped by
// the sentence package).
package claims

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// Extract returns the claims in body, in order of appearance. mentions may
// be nil; when given (byte offsets into body), the IDs of the mentions inside
// a claim's Text fill Claim.Entities, and their types help tell people from
// organisations and resolve "it", "he" and "the company". Extract never
// fails: text it cannot read yields fewer claims. It is safe for concurrent
// use.
func Extract(body string, mentions []newsintel.Mention) []newsintel.Claim {
	ms := slices.Clone(mentions)
	slices.SortFunc(ms, func(a, b newsintel.Mention) int { return a.Start - b.Start })
	x := &extractor{body: body, all: ms, st: state{mentions: ms, surnames: map[string]string{}}}
	buf := tokBufs.Get().(*[]tok)
	x.buf = *buf
	defer func() {
		if cap(x.buf) <= maxPooledToks {
			*buf = x.buf[:0]
			tokBufs.Put(buf)
		}
	}()
	spans := sentence.Split(body)
	x.quoted = quoteIndex(body)
	x.st.setSpans(body, spans, ms)
	x.turns = transcriptTurns(body, ms)
	hits := x.directQuotes(spans)
	var out []newsintel.Claim
	h := 0
	for si := 0; si < len(spans); si++ {
		sp := spans[si]
		x.st.noteMentions(sp.Start)
		for h < len(hits) && hits[h].first < si {
			h++
		}
		if h < len(hits) && hits[h].first == si {
			out = x.emitQuotes(out, hits, &h, spans)
			si = max(si, hits[h-1].last)
			continue
		}
		if si > 0 {
			var ok bool
			if out, ok = x.thatsAccording(out, spans[si-1], sp); ok {
				continue
			}
		}
		n := len(out)
		out = x.sentenceClaims(out, sp)
		if len(out) == n && x.turns != nil {
			out = x.turnClaim(out, sp)
		}
	}
	return out
}

// tokBufs recycles the sentence token buffers of Extract, which otherwise
// grew afresh by doubling in every call (the largest allocation of claim
// extraction). A buffer only lives while one sentence is read: nothing
// Extract returns points into it.
var tokBufs = sync.Pool{New: func() any { b := make([]tok, 0, 128); return &b }}

// maxPooledToks is the largest buffer kept for reuse.
const maxPooledToks = 4096

// extractor holds one article's text and reading state.
type extractor struct {
	body   string
	all    []newsintel.Mention
	st     state
	quoted []span2
	buf    []tok  // the tokens of the sentence being read, reused
	turns  []turn // a transcript's speaker turns not yet passed, or nil
}

// span2 is a byte range.
type span2 struct{ s, e int }

// finish fills a claim's entities and anonymous group, and remembers its
// source for pronouns and "they".
func (x *extractor) finish(c newsintel.Claim) newsintel.Claim {
	seen := map[string]bool{}
	i := sort.Search(len(x.all), func(k int) bool { return x.all[k].Start >= c.TextStart })
	for _, m := range x.all[i:] {
		if m.Start >= c.TextEnd {
			break
		}
		if m.End <= c.TextEnd && m.EntityID != "" && !seen[m.EntityID] {
			seen[m.EntityID] = true
			c.Entities = append(c.Entities, m.EntityID)
		}
	}
	if c.Source.Type == newsintel.SourceAnonymous {
		c.Group = x.st.assignGroup(c.Source, x.body)
	}
	switch c.Source.Type {
	case newsintel.SourceOrganization, newsintel.SourceDeclined, newsintel.SourceNoResponse:
		if c.Source.Name != "" && !isOutlet(c.Source.Name) {
			// Mentions inside the attributing sentence do not displace
			// the speaker as the organisation last named.
			x.st.lastOrg, x.st.orgPos = c.Source.Name, c.End
			if isCompany(c.Source.Name, x.all) && c.Cue != "reported" && c.Cue != "reports" {
				x.st.speakerCo = c.Source.Name
			}
		}
	case newsintel.SourcePerson:
		if c.Source.Name != "" {
			x.st.notePerson(c.Source.Name, c.Start)
		}
	}
	if c.Source.Type != newsintel.SourceUnattributed {
		x.st.last = c.Source
	}
	return c
}

// trimText shrinks the byte range [s, e) of body to drop surrounding spaces,
// commas, colons and a final full stop.
func trimText(body string, s, e int) (int, int) {
	for s < e && strings.ContainsRune(" \n\t,:;—–-", rune(body[s])) {
		s++
	}
	for e > s && strings.ContainsRune(" \n\t,:;—–-.", rune(body[e-1])) {
		e--
	}
	if strings.HasPrefix(body[s:e], "that ") {
		s += len("that ")
	}
	s += datelineLen(body[s:e])
	return s, e
}

// dateline matches a wire dateline opening a story's first paragraph:
// "WASHINGTON, March 9 (Reuters) - ", "BEIJING (AP) — ", "NEW YORK, June
// 14 (WireWatch) -- ", and the colon of Indian and Pakistani copy: "NEW
// DELHI: ". It is not part of what anyone said.
var dateline = regexp.MustCompile(`^[A-Z][A-Z.'’ -]*[A-Z](?:(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?,? \([^()\n]{1,40}\) ?(?:-{1,2}|–|—) ?|: )`)

// datelineLen returns the length of the wire dateline text opens with, or
// 0 when it opens with none.
func datelineLen(text string) int {
	if len(text) < 8 || text[0] < 'A' || text[0] > 'Z' || text[1] < 'A' || text[1] > 'Z' {
		return 0
	}
	return len(dateline.FindString(text))
}
