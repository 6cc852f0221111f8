package claims

import (
	"sort"
	"strings"

	"github.com/newsintel/newsintel"
)

// useMentions lets the entity mentions inside a conjunct correct the names
// read from capitals alone: a mention's span replaces a guessed name that
// is cut out of a word or glued to a descriptive noun ("Chip designer
// Nvidia Corp", "Rival Advanced Micro Devices Inc"), and an affiliation
// that stops inside a mention ("the Securities") grows to the whole of it.
// With several mentions in the conjunct ("Alibaba and Tencent") the guess
// stands.
func (c *conj) useMentions(p parsed, all []newsintel.Mention) {
	if len(all) == 0 || c.i >= c.j || c.j > len(p.toks) {
		return
	}
	s, e := p.toks[c.i].s, p.toks[c.j-1].e
	if c.affil != "" && c.affilE > c.affilS && c.affilS == p.toks[0].s && !strings.Contains(c.affil, " ") && c.i+1 < len(p.toks) &&
		!p.toks[c.i+1].cap && !acronym(c.affil) {
		if _, n := soleMention(all, c.affilS, c.affilE); n == 0 {
			// A capital that only opens the sentence: "Legal experts".
			c.descPre = strings.TrimSpace(c.affil + " " + c.descPre)
			c.affil = ""
		}
	}
	m, n := soleMention(all, s, e)
	if n != 1 {
		return
	}
	text := trimPossessive(m.Text)
	switch {
	case c.kind == headName:
		if c.nameS <= m.Start && m.End <= c.nameE+2 {
			return // the guess holds the mention: "Trades Union Congress"
		}
		c.name, c.nameS, c.nameE = text, m.Start, m.End
		c.descPre = describeBefore(p.body, s, m.Start)
	case c.name == "" && (c.kind == headTitle || c.kind == headSpokes) && m.Type == newsintel.EntityPerson:
		c.name, c.nameS, c.nameE = text, m.Start, m.End // "Secretary of State Antony Blinken"
		if c.affil != "" && strings.HasSuffix(c.affil, " "+text) {
			c.affil = strings.TrimSpace(strings.TrimSuffix(c.affil, text))
		}
	case c.name != "" && m.Type == newsintel.EntityPerson && m.Start >= c.nameS && m.Start < c.nameE && m.End > c.nameE:
		// The guess stops short of the mention: "Paul" of "Paul Yates".
		c.name, c.nameS, c.nameE = text, m.Start, m.End
	case c.affil != "" && m.Type != newsintel.EntityPerson && strings.Contains(m.Text, c.affil):
		c.affil = text
	}
}

// soleMention returns the mention, other than a place, that overlaps the
// byte range [s, e), and how many such mentions there are.
func soleMention(all []newsintel.Mention, s, e int) (newsintel.Mention, int) {
	var found newsintel.Mention
	n := 0
	// all is sorted by Start: begin at the first mention that may overlap.
	i := sort.Search(len(all), func(k int) bool { return all[k].Start >= s })
	for i > 0 && all[i-1].End > s {
		i--
	}
	for _, m := range all[i:] {
		if m.Start >= e {
			break
		}
		if m.End <= s || m.Type == newsintel.EntityPlace {
			continue
		}
		if m.Start < s || m.End > e {
			return m, 0 // a mention across the phrase's edge is no guide
		}
		found, n = m, n+1
	}
	return found, n
}

// describeBefore returns the words from s up to a name that starts at
// ns, as a description ("Rival", "chip designer"), or "" when they are
// only a determiner.
func describeBefore(body string, s, ns int) string {
	if ns <= s {
		return "" // the mention starts before the phrase: nothing stands before it
	}
	d := strings.Trim(body[s:ns], " \n\t,-–—:(")
	switch strings.ToLower(d) {
	case "", "the", "a", "an":
		return ""
	}
	return d
}

// acronym reports whether w is written in capitals only ("HSE", "NHS"):
// an organisation, never a word capitalised because it opens a sentence.
func acronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '&' || r == '.' || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}
