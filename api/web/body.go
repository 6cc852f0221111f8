package web

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// paragraph is one paragraph of a document's body, cut into runs so that
// the template can link mentions and mark claims while escaping every
// character of the text itself.
type paragraph struct {
	Anchor string // id of a section starting here, "" for none
	Runs   []run
}

// run is a stretch of body text under at most one claim and one mention.
type run struct {
	Text   string
	Claim  *claimView // the claim whose sentence holds this text, or nil
	First  bool       // the claim starts in this run: it carries the claim's anchor
	Entity string     // the mentioned entity's ID, or ""
	Name   string     // its canonical name
}

// claimView is a claim as the document page shows it.
type claimView struct {
	N     int // 1-based, in body order
	Claim newsintel.Claim
	Title string // hover text: the source type and who the source is
	Who   string // who the source is, for the side list beside its type
}

// bodyParagraphs cuts body at paragraph breaks, claim sentences, mentions
// and section starts. Spans that do not fit the body (offsets out of
// range or inside a UTF-8 sequence) are ignored.
func bodyParagraphs(d *newsintel.Document, claims []claimView) []paragraph {
	body := d.Body
	cuts := map[int]bool{0: true, len(body): true}
	ok := func(s, e int) bool {
		return s >= 0 && s < e && e <= len(body) && utf8.RuneStart(body[s]) && (e == len(body) || utf8.RuneStart(body[e]))
	}
	for _, c := range claims {
		if ok(c.Claim.Start, c.Claim.End) {
			cuts[c.Claim.Start], cuts[c.Claim.End] = true, true
		}
	}
	mentions := slices.DeleteFunc(slices.Clone(d.Mentions), func(m newsintel.Mention) bool { return !ok(m.Start, m.End) })
	for _, m := range mentions {
		cuts[m.Start], cuts[m.End] = true, true
	}
	sections := map[int]newsintel.Section{}
	for _, s := range d.Sections {
		if ok(s.Start, max(s.End, s.Start+1)) {
			sections[s.Start] = s
			cuts[s.Start] = true
		}
	}
	for i := 0; ; {
		j := strings.Index(body[i:], "\n\n")
		if j < 0 {
			break
		}
		cuts[i+j] = true
		i += j + 2
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	slices.Sort(points)
	return assemble(body, points, claims, mentions, sections, ok)
}

// assemble walks the cut points and groups the runs into paragraphs.
// Claims (in body order) and mentions are swept with the cut points, so
// a long filing costs time in proportion to its length.
func assemble(body string, points []int, claims []claimView, mentions []newsintel.Mention,
	sections map[int]newsintel.Section, ok func(s, e int) bool) []paragraph {
	var out []paragraph
	cur := paragraph{}
	flush := func() {
		if len(cur.Runs) > 0 || cur.Anchor != "" {
			out = append(out, cur)
		}
		cur = paragraph{}
	}
	slices.SortStableFunc(mentions, func(a, b newsintel.Mention) int { return a.Start - b.Start })
	started := map[int]bool{}
	ci, mi := 0, 0
	for k := 0; k+1 < len(points); k++ {
		s, e := points[k], points[k+1]
		if sec, found := sections[s]; found {
			flush()
			cur.Anchor = sectionAnchor(sec)
		}
		text := body[s:e]
		for strings.HasPrefix(text, "\n\n") || (len(cur.Runs) == 0 && strings.HasPrefix(text, "\n")) {
			if strings.HasPrefix(text, "\n\n") {
				flush()
				text, s = text[2:], s+2
			} else {
				text, s = text[1:], s+1
			}
		}
		if text == "" {
			continue
		}
		r := run{Text: text}
		for ci < len(claims) && claims[ci].Claim.End <= s {
			ci++
		}
		if c := claimAt(claims[ci:], s, ok); c != nil {
			r.Claim, r.First = c, !started[c.N]
			started[c.N] = true
		}
		for mi < len(mentions) && mentions[mi].End <= s {
			mi++
		}
		if m := mentionAt(mentions[mi:], s); m != nil {
			r.Entity, r.Name = m.EntityID, m.Name
		}
		cur.Runs = append(cur.Runs, r)
	}
	flush()
	return out
}

// claimAt returns the shortest claim sentence that holds offset p, among
// claims in body order from the first that may.
func claimAt(claims []claimView, p int, ok func(s, e int) bool) *claimView {
	var best *claimView
	for i := range claims {
		c := &claims[i]
		if c.Claim.Start > p {
			break
		}
		if ok(c.Claim.Start, c.Claim.End) && p < c.Claim.End &&
			(best == nil || c.Claim.End-c.Claim.Start < best.Claim.End-best.Claim.Start) {
			best = c
		}
	}
	return best
}

// mentionAt returns the mention that holds offset p, among mentions in
// order of their start from the first that may.
func mentionAt(mentions []newsintel.Mention, p int) *newsintel.Mention {
	for i := range mentions {
		m := &mentions[i]
		if m.Start > p {
			break
		}
		if p < m.End && newsintel.EntityType(entityTypeOf(m.EntityID)).Valid() {
			return m
		}
	}
	return nil
}

func entityTypeOf(id string) string {
	t, _, _ := strings.Cut(id, ":")
	return t
}

// sectionAnchor is the fragment id of a section.
func sectionAnchor(s newsintel.Section) string {
	if s.Key != "" {
		return "sec-" + newsintel.Slug(s.Key)
	}
	return "sec-at-" + strconv.Itoa(s.Start)
}

// claimViews numbers a document's claims in body order and writes the
// hover text of each: the source type and who the source is.
func claimViews(cs []newsintel.Claim) []claimView {
	sorted := slices.Clone(cs)
	slices.SortStableFunc(sorted, func(a, b newsintel.Claim) int { return a.Start - b.Start })
	out := make([]claimView, len(sorted))
	for i, c := range sorted {
		out[i] = claimView{N: i + 1, Claim: c, Title: sourceLine(c.Source), Who: c.Source.Who()}
	}
	return out
}

// sourceLine describes a claim's source in a line: "Anonymous: people
// familiar with the matter (3 sources)".
func sourceLine(s newsintel.Source) string {
	line := sourceTypeName(s.Type)
	if who := s.Who(); who != "" {
		line += ": " + who
	}
	return line
}
