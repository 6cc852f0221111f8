package claims

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// A broadcast transcript gives each turn a speaker label in capitals:
// "SEN. CHRIS MURPHY (D-CT): It's not dead, but it's on life support." What
// a speaker says in their turn is attributed to them. A label alone is no
// proof of a transcript: wire and Indian copy open with a dateline of the
// same shape ("NEW DELHI: The government …"), and pages carry kickers
// ("WATCH: …"). So labels count only when the body has turns of at least two
// different speakers, one of whom speaks twice (event listings and review
// boxes, "WHEN: … WHERE: … COST: …", repeat no label), none of them a place
// or organisation the mentions name, and a one-word label only when it is
// a part ("HOST") or the text names that speaker in full (a live blog's
// datelines, "KUPIANSK: …", alternate as speakers would).

// speakerLabel matches a speaker label opening a paragraph.
// The name may be followed by a party in parentheses and, after a comma,
// the speaker's part in capitals: "WOLF BLITZER, CNN ANCHOR:", "SEN. CHRIS
// MURPHY (D), CONNECTICUT:".
var speakerLabel = regexp.MustCompile(`(?m)^([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})(?: \([^()\n]{1,24}\))?` +
	`(?:, [A-Z][A-Z.'’&-]*(?: [A-Z][A-Z.'’&-]*){0,5})?(?: \([^()\n]{1,24}\))?: +\S`)

// notSpeakers are labels of page furniture and formats, not people.
var notSpeakers = words("update", "updated", "breaking", "exclusive", "watch", "analysis", "opinion",
	"note", "editor's note", "correction", "clarification", "live", "video", "photos", "photo",
	"read more", "related", "also read", "see also", "q", "a", "factbox", "timeline", "source",
	"sources", "credit", "tags", "topics", "disclaimer", "advertisement", "listen", "explainer",
	"just in", "developing", "what", "why", "how", "who", "when", "where", "warning", "spoiler",
	"transcript", "announcer", "commercial break", "end", "begin", "music", "where", "cost",
	"price", "tickets", "verdict", "pros", "cons", "specs", "ingredients", "directions", "method",
	"contact", "email", "phone", "more", "sign up", "subscribe", "file photo", "caption", "rating",
	"score", "bottom line", "the bottom line", "summary", "key points", "background", "context",
	"result", "results", "venue", "date", "time", "location", "address", "website", "info",
	"details", "notes", "ps", "p.s", "tl;dr", "faq", "answer", "question", "quote", "fact", "myth")

// turn is a speaker's turn: the label's byte range and the paragraph's end.
type turn struct {
	s, colon, end int
	name          string
}

// transcriptTurns returns the turns of body when it is a transcript (turns
// of two or more speakers), or nil.
func transcriptTurns(body string, all []newsintel.Mention) []turn {
	if labelLines(body) < 2 {
		return nil // most bodies: no regular expression run
	}
	var turns []turn
	speakers := map[string]bool{}
	for _, m := range speakerLabel.FindAllStringSubmatchIndex(body, -1) {
		name := body[m[2]:m[3]]
		if notSpeakers[strings.ToLower(name)] || len(name) < 2 {
			continue
		}
		if namesNonPerson(all, m[2], m[3]) {
			continue // "NEW DELHI:", "REUTERS:": a dateline
		}
		colon := strings.IndexByte(body[m[3]:], ':') + m[3]
		end := strings.IndexByte(body[colon:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += colon
		}
		turns = append(turns, turn{s: m[0], colon: colon, end: end, name: name})
		speakers[name] = true
	}
	vouched := make(map[string]bool, len(speakers))
	for name := range speakers {
		vouched[name] = vouchedFor(body, name, speakers, all)
	}
	turns = slices.DeleteFunc(turns, func(t turn) bool { return !vouched[t.name] })
	clear(speakers)
	for _, t := range turns {
		speakers[t.name] = true
	}
	for i, t := range turns {
		turns[i].name = fullSpeaker(t.name, speakers)
	}
	clear(speakers)
	for _, t := range turns {
		speakers[t.name] = true
	}
	if len(speakers) < 2 || len(turns) == len(speakers) {
		return nil
	}
	return turns
}

// namesNonPerson reports whether a mention inside the label [s, e) names
// something other than a person: a place ("KYIV:", a dateline), a company
// or a body.
func namesNonPerson(all []newsintel.Mention, s, e int) bool {
	for _, m := range all {
		if m.Start < e && m.End > s && m.Type != newsintel.EntityPerson {
			return true
		}
	}
	return false
}

// roleLabels are one-word labels of a transcript's speakers by their part.
var roleLabels = words("host", "co-host", "cohost", "anchor", "reporter", "correspondent", "moderator",
	"interviewer", "presenter", "narrator", "caller", "panelist", "panellist", "questioner", "audience",
	"judge", "witness", "chairman", "chairwoman", "chair", "speaker", "operator", "announcer")

// vouchedFor reports whether a speaker label can be a person's: a label of
// two or more words ("GOV. ANA REYES", "UNIDENTIFIED MALE"), a part
// ("HOST"), or one word that ends a longer name in capitals opening a line
// ("BLITZER" after "WOLF BLITZER, CNN ANCHOR:") or a person the text
// names. A lone capitalised word is otherwise as likely a dateline the
// gazetteer does not know ("KUPIANSK:" in a live blog).
func vouchedFor(body, name string, speakers map[string]bool, all []newsintel.Mention) bool {
	if strings.ContainsRune(name, ' ') || roleLabels[strings.ToLower(name)] {
		return true
	}
	for other := range speakers {
		if strings.HasSuffix(other, " "+name) {
			return true
		}
	}
	for i := 0; ; {
		k := strings.Index(body[i:], " "+name)
		if k < 0 {
			break
		}
		k += i
		if line := body[strings.LastIndexByte(body[:k], '\n')+1 : k]; len(line) <= 48 && strings.ToUpper(line) == line && strings.TrimSpace(line) != "" {
			return true
		}
		i = k + 1
	}
	for _, m := range all {
		if m.Type == newsintel.EntityPerson && (strings.EqualFold(m.Text, name) || strings.HasSuffix(strings.ToUpper(m.Text), " "+name)) {
			return true
		}
	}
	return false
}

// fullSpeaker returns the one longer label whose name name ends, so that
// "MURPHY:" is the "SEN. CHRIS MURPHY" of an earlier turn, or name itself
// when there is none or more than one.
func fullSpeaker(name string, speakers map[string]bool) string {
	if strings.ContainsRune(name, ' ') {
		return name
	}
	full := ""
	for other := range speakers {
		if strings.HasSuffix(other, " "+name) {
			if full != "" {
				return name // "JOHN SMITH" and "ANNA SMITH": which one?
			}
			full = other
		}
	}
	return firstNonEmpty(full, name)
}

// labelLines counts the lines that open with two capital letters and have
// a colon among their first 64 bytes, all capitals, spaces, marks and a
// parenthesis before it: a cheap bound on the number of speaker labels.
func labelLines(body string) int {
	n := 0
	for i := 0; i < len(body); {
		if i+2 < len(body) && isUpper(body[i]) && isUpper(body[i+1]) {
			for j := i + 2; j < len(body) && j < i+64; j++ {
				c := body[j]
				if c == ':' {
					n++
					break
				}
				if c == '(' {
					if k := strings.IndexByte(body[j:min(len(body), j+26)], ')'); k > 0 {
						j += k // "(D-Conn.)": a party in any case
						continue
					}
				}
				if !isUpper(c) && !strings.ContainsRune(" .,'-()&", rune(c)) && c < 0x80 {
					break
				}
			}
		}
		k := strings.IndexByte(body[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return n
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// turnClaim attributes sentence sp, which yielded no claim of its own, to
// the speaker of the turn it stands in, if any. It returns out unchanged
// when sp is outside every turn or asks a question.
func (x *extractor) turnClaim(out []newsintel.Claim, sp sentence.Span) []newsintel.Claim {
	for len(x.turns) > 0 && x.turns[0].end <= sp.Start {
		x.turns = x.turns[1:]
	}
	if len(x.turns) == 0 || sp.Start < x.turns[0].s {
		return out
	}
	t := x.turns[0]
	s := max(sp.Start, t.colon+1)
	ts, te := trimText(x.body, s, min(sp.End, t.end))
	if te-ts < 10 || strings.HasSuffix(x.body[ts:min(sp.End, t.end)], "?") {
		return out
	}
	if toks := tokenize(x.body, ts, te, nil); wordsIn(toks, 0, len(toks)) < 4 || !isClause(toks, 0) {
		return out // "Senator, welcome back": no statement
	}
	name := t.name
	if f, rest, ok := strings.Cut(name, " "); ok && strings.HasSuffix(f, ".") && len(f) <= 5 {
		name = rest // "SEN. CHRIS MURPHY": the title is no part of the name
	}
	src := newsintel.Source{Type: newsintel.SourcePerson, Name: name}
	if l := strings.ToLower(t.name); strings.HasPrefix(l, "unidentified") || strings.HasPrefix(l, "unknown") {
		one := 1
		src = newsintel.Source{Type: newsintel.SourceAnonymous, Count: &one, Description: l}
	}
	c := newsintel.Claim{Start: sp.Start, End: sp.End, TextStart: ts, TextEnd: te, Text: x.body[ts:te], Source: src}
	return append(out, x.finish(c))
}
