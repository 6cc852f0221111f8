package claims

import (
	"strconv"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// group is a set of anonymous sources that later phrases refer back to.
type group struct {
	id    int
	size  int // 0 when not known
	plur  bool
	heads string
}

// state is what an article has said so far: the last person and
// organisation named (for pronouns and "the company"), surnames seen, the
// groups of anonymous sources and the last source.
type state struct {
	mentions   []newsintel.Mention
	lastPerson string
	lastOrg    string
	lastCo     string // the company named last: "the company", "the utility"
	speakerCo  string // the company that spoke last, which "the company" means first
	personPos  int
	orgPos     int
	surnames   map[string]string
	groups     []group
	last       newsintel.Source
	lastGroup  int
	body       string              // the article, for antecedents
	spans      []sentence.Span     // its sentences
	all        []newsintel.Mention // all its mentions
	abuf       []tok               // tokens of a sentence read for an antecedent, reused
}

// noteMentions updates the last person and organisation from the mentions
// that start before pos.
func (st *state) noteMentions(pos int) {
	for len(st.mentions) > 0 && st.mentions[0].Start < pos {
		m := st.mentions[0]
		st.mentions = st.mentions[1:]
		switch m.Type {
		case newsintel.EntityPerson:
			name := trimPossessive(m.Text)
			if strings.HasSuffix(m.Name, name) {
				name = m.Name // "Smith" linked to "John Smith"
			}
			st.notePerson(name, m.Start)
		case newsintel.EntityCompany, newsintel.EntityAgency, newsintel.EntityGovernment:
			if outletMention(trimPossessive(m.Text), m.Type) {
				continue // the outlet reporting is not "the company"
			}
			if m.Start >= st.orgPos {
				st.lastOrg, st.orgPos = trimPossessive(m.Text), m.Start
			}
			if m.Type == newsintel.EntityCompany && m.Start >= st.orgPos {
				st.lastCo = trimPossessive(m.Text)
			}
		}
	}
}

func (st *state) notePerson(name string, pos int) {
	name = trimPossessive(name)
	if pos >= st.personPos {
		st.lastPerson, st.personPos = name, pos
	}
	if fs := strings.Fields(name); len(fs) > 1 {
		st.surnames[strings.ToLower(fs[len(fs)-1])] = name
	}
}

// mentionType returns the type of a mention that overlaps [s, e).
func mentionType(ms []newsintel.Mention, s, e int) (newsintel.EntityType, bool) {
	for _, m := range ms {
		if m.Start < e && s < m.End {
			return m.Type, true
		}
	}
	return "", false
}

// personName decides whether a bare name names a person, and returns the
// name to report (a surname seen before becomes the full name).
func (st *state) personName(c conj, all []newsintel.Mention, caps bool) (string, bool) {
	if t, ok := mentionType(all, c.nameS, c.nameE); ok {
		// A word such as "Association" or "Inc" outweighs a mention that
		// calls the name a person.
		isPerson := t == newsintel.EntityPerson && !hasOrgSuffix(c.name)
		if full, ok := st.surnames[strings.ToLower(c.name)]; ok && isPerson {
			return full, true // "Lopez" after "Maria Lopez"
		}
		return c.name, isPerson
	}
	if full, ok := st.surnames[strings.ToLower(c.name)]; ok {
		return full, true
	}
	if isOrgName(c.name, caps) {
		return c.name, false
	}
	return c.name, strings.Contains(c.name, " ")
}

// resolvePossessor turns "its", "their" or "the company" into the last
// organisation named.
func (st *state) resolvePossessor(p string) string {
	l := strings.ToLower(p)
	switch l {
	case "":
		return ""
	case "its", "their", "our":
		return st.lastOrg
	case "his", "her":
		return st.lastPerson
	}
	if head, ok := strings.CutPrefix(l, "the "); ok && orgNouns[head] {
		return st.orgFor(head)
	}
	return p
}

// source builds the Source of a parsed phrase; ok is false when the phrase
// does not name a source at all.
func (st *state) source(p parsed, all []newsintel.Mention) (newsintel.Source, bool) {
	if len(p.conjs) == 0 {
		return newsintel.Source{}, false
	}
	if len(p.conjs) > 1 {
		return st.combined(p)
	}
	c := p.conjs[0]
	c.useMentions(p, all)
	if c.kind == headNone && len(p.appos) > 0 && p.appos[0].name != "" {
		// "The bill's sponsor, Lydia Hart,": a noun we do not know, then
		// the name.
		a := p.appos[0]
		a.useMentions(p, all)
		return st.named(a, p, all)
	}
	for _, a := range p.appos {
		a.useMentions(p, all)
		mergeAppositive(&c, a)
	}
	src := newsintel.Source{Description: p.desc, Role: c.role}
	switch c.kind {
	case headPronoun:
		return st.pronoun(c)
	case headDoc:
		src.Type = newsintel.SourceDocument
		src.Affiliation = firstNonEmpty(c.affil, st.possessor(c), c.name)
		src.Role = ""
		if isStatement(c) {
			// A statement speaks for its organisation on the record: "the
			// statement said" is the organisation named last.
			src.Type = newsintel.SourceOrganization
			src.Affiliation = firstNonEmpty(src.Affiliation, st.lastOrg)
		}
	case headAnon, headSpokes, headTitle:
		st.person(&src, c, p, all)
	case headOrg:
		src.Type = newsintel.SourceOrganization
		src.Role = ""
		src.Name = firstNonEmpty(c.name, c.affil, st.resolveOrgHead(c))
		if c.name == "" && c.count == 1 && !c.definite && c.possess == "" {
			src.Name = "" // "a Taiwanese contract chipmaker": unnamed, described
		}
		if l := strings.ToLower(c.possess); c.name == "" && l != "" && !possPronoun(l) && !orgNouns[l] {
			src.Name, src.Affiliation = "", c.possess // "Alibaba's cloud unit"
		}
		if c.name != "" {
			src.Description = strings.TrimSpace(c.descPre + " " + c.head) // "research company"
		}
	case headName:
		return st.named(c, p, all)
	default:
		if aged(c, p) {
			// "the 52-year-old said": one known person, described by age.
			src.Type = newsintel.SourcePerson
			return src, true
		}
		if counted(c, p) {
			// "Three resellers and systems integrators told CloudBeat":
			// counted people the lexicon does not name.
			src.Type = newsintel.SourceAnonymous
			setCount(&src, []conj{c})
			return src, true
		}
		return st.elliptic(p)
	}
	return src, true
}

// aged reports whether a phrase is "the 52-year-old" (or "the
// 52-year-old woman"): a person the story has named or described.
func aged(c conj, p parsed) bool {
	if !c.definite || c.j-c.i > 4 || c.count > 0 {
		return false
	}
	for k := c.i; k < c.j; k++ {
		if l := p.toks[k].l; strings.HasSuffix(l, "-year-old") && isDigitAt(l, 0) {
			return true
		}
	}
	return false
}

// counted reports whether a phrase with no lexicon head counts a plural
// noun: "three resellers", "several integrators".
func counted(c conj, p parsed) bool {
	if c.count < 2 && !c.plural || c.ref || p.caps || c.name != "" || c.j-c.i > 6 {
		return false
	}
	h := p.toks[c.j-1]
	return !h.cap && !h.poss && !h.punct && len(h.l) > 3 && plural(h.l) && !notVerbS[h.l]
}

// elliptic resolves a source that names no noun and stands for more of the
// anonymous people just cited: "…, while a third said …", "one of them
// cautioned …", "another said …", "others said …".
func (st *state) elliptic(p parsed) (newsintel.Source, bool) {
	if st.last.Type != newsintel.SourceAnonymous || p.j-p.i > 4 {
		return newsintel.Source{}, false
	}
	ws := p.toks[p.i:p.j]
	n, plural := 0, false
	switch {
	case len(ws) == 1 && ws[0].l == "another", len(ws) == 2 && (ws[0].l == "a" || ws[0].l == "the") && ordinals[ws[1].l]:
		n = 1
	case len(ws) == 1 && ws[0].l == "others", len(ws) == 2 && ws[0].l == "some" && ws[1].l == "others":
		plural = true
	case len(ws) == 3 && ws[1].l == "of" && (ws[2].l == "them" || ws[2].l == "those"):
		if k, ok := numberWords[ws[0].l]; ok {
			n = k
		} else if pluralWords[ws[0].l] {
			plural = true
		} else {
			return newsintel.Source{}, false
		}
	default:
		return newsintel.Source{}, false
	}
	src := newsintel.Source{Type: newsintel.SourceAnonymous, Description: p.desc, Affiliation: st.last.Affiliation,
		Role: st.last.Role, Plural: plural || n > 1}
	if n > 0 {
		src.Count = &n
	}
	return src, true
}

// isAge reports whether toks[k] is an age in an appositive: "Jones, 54,".
func isAge(toks []tok, k int) bool {
	n, err := strconv.Atoi(toks[k].w)
	return err == nil && n >= 14 && n < 110 && k+1 < len(toks) && toks[k+1].w == ","
}

// ordinals count a further source: "a third said".
var ordinals = words("second", "third", "fourth", "fifth", "sixth")

// person fills a source headed by a noun for a person or people.
func (st *state) person(src *newsintel.Source, c conj, p parsed, all []newsintel.Mention) {
	src.Affiliation = firstNonEmpty(c.affil, st.possessor(c))
	switch {
	case c.name != "":
		src.Type, src.Name = newsintel.SourcePerson, c.name
		st.notePerson(c.name, c.nameS)
		src.Description = apposDesc(p, c)
		if len(p.appos) == 0 && c.i < len(p.toks) && c.nameS > p.toks[c.i].s {
			// The words before the name: "Chief Executive", "Commerce Secretary".
			src.Description = firstNonEmpty(describeBefore(p.body, p.toks[c.i].s, c.nameS), src.Description)
		}
	case c.kind == headSpokes && c.role == "lawyer" && src.Affiliation == "" && c.possess == "" &&
		!strings.Contains(p.desc, " for ") && !strings.Contains(p.desc, "representing"):
		// Lawyers who speak for nobody named are unnamed people, as "the
		// official" is: "lawyers who advise corporate clients said", "the
		// lawyer said".
		src.Type = newsintel.SourceAnonymous
		setCount(src, []conj{c})
	case c.kind == headSpokes && !p.anon:
		src.Type = newsintel.SourceOrganization
		if src.Affiliation == "" && c.role == "spokesperson" {
			src.Affiliation = st.lastOrg
		}
	case (c.kind == headTitle || knownOne(c)) && (c.definite || c.possess != "") && !p.anon:
		src.Type = newsintel.SourcePerson
	default:
		src.Type = newsintel.SourceAnonymous
		setCount(src, []conj{c})
	}
}

// named fills a source that is a proper name, with an appositive
// description where there is one: "Jane Doe, a lawyer for Alibaba".
func (st *state) named(c conj, p parsed, all []newsintel.Mention) (newsintel.Source, bool) {
	name, isPerson := st.personName(c, all, p.caps)
	if c.possess != "" && !strings.Contains(name, " ") && !isOrgName(name, p.caps) {
		isPerson = true // "Tesla's Musk"
	}
	for _, ap := range []string{"'s ", "’s "} {
		if i := strings.Index(name, ap); i > 0 && !strings.Contains(name[i+len(ap):], " ") && !isOrgName(name[i+len(ap):], p.caps) {
			isPerson = true // a possessor read into the name: "Tesla's Musk"
		}
	}
	if c.role != "" && c.kind != headName {
		isPerson = true
	}
	if !isPerson && !strings.Contains(name, " ") && !isOrgName(name, p.caps) && c.j+1 < len(p.toks) &&
		p.toks[c.j].w == "," && (p.toks[c.j+1].l == "who" || p.toks[c.j+1].l == "whose" || isAge(p.toks, c.j+1)) {
		isPerson = true // "Hale, who has pleaded not guilty,", "Jones, 54,": people take "who" and ages
	}
	src := newsintel.Source{Name: name, Role: c.role, Affiliation: c.affil}
	if isPerson {
		src.Type = newsintel.SourcePerson
		src.Description = apposDesc(p, c)
		st.notePerson(name, c.nameS)
		return src, true
	}
	src.Type = newsintel.SourceOrganization
	src.Description = firstNonEmpty(c.descPre, apposDesc(p, c))
	src.Affiliation = ""
	st.lastOrg, st.orgPos = name, c.nameS
	return src, true
}

// mergeAppositive takes the role, affiliation and head of an appositive
// into the main conjunct: "Jane Doe, a lawyer for Alibaba".
func mergeAppositive(c *conj, a conj) {
	if a.kind == headName && c.name == "" && c.kind != headName && c.kind != headNone {
		c.name, c.nameS, c.nameE = a.name, a.nameS, a.nameE // "a spokesman, John Smith,"
		return
	}
	if a.kind == headNone && c.kind == headName && c.affil == "" {
		c.affil = a.affil // "Amara Singh, an epidemiologist at Johns Hopkins University"
	}
	if a.kind == headNone || a.kind == headPronoun || a.kind == headName {
		return
	}
	if c.role == "" {
		c.role = a.role
	}
	if l := strings.ToLower(a.possess); c.affil == "" && a.affil == "" && c.possess == "" && (possPronoun(l) || orgNouns[l]) {
		c.possess, c.possS = a.possess, a.possS // "Jane Whitfield, the city's budget director": resolved later
	} else if c.affil == "" {
		c.affil = firstNonEmpty(a.affil, a.possess)
	}
	if c.kind == headName && (a.kind == headAnon || a.kind == headSpokes || a.kind == headTitle) {
		c.role = a.role
	}
}

// apposDesc returns the description of a named source: its appositive
// ("a lawyer for Alibaba") or the words before the name.
func apposDesc(p parsed, c conj) string {
	if len(p.appos) > 0 && p.appos[0].kind == headName && c.kind != headName {
		before, _, _ := strings.Cut(p.desc, ",") // "A spokesman for the department, Kevin Marsh,"
		return describe(strings.TrimSpace(before))
	}
	if len(p.appos) > 0 && p.appos[0].kind != headNone {
		return describe(strings.TrimSpace(p.desc[strings.Index(p.desc, ",")+1:]))
	}
	return c.descPre
}

// resolveOrgHead names the organisation behind "the company" or "the
// ministry".
func (st *state) resolveOrgHead(c conj) string {
	if c.possess != "" {
		return "" // "their association", "its parent": another organisation
	}
	if c.definite {
		return st.orgFor(c.head)
	}
	return ""
}

// pronoun resolves a pronoun subject to the last fitting name.
func (st *state) pronoun(c conj) (newsintel.Source, bool) {
	switch c.pron {
	case kindPerson:
		return newsintel.Source{Type: newsintel.SourcePerson, Name: st.lastPerson}, true
	case kindOrg:
		return newsintel.Source{Type: newsintel.SourceOrganization, Name: st.lastOrg}, true
	case kindThey:
		if st.last.Type != "" {
			return st.last, true
		}
		return newsintel.Source{Type: newsintel.SourceOrganization, Name: st.lastOrg}, true
	}
	return newsintel.Source{}, false
}

// combined builds the source of several conjuncts: anonymous when any of
// them is, with the counts added up.
func (st *state) combined(p parsed) (newsintel.Source, bool) {
	src := newsintel.Source{Description: p.desc, Type: newsintel.SourceAnonymous}
	if last := p.conjs[len(p.conjs)-1]; last.name != "" && p.conjs[0].count == 0 && !p.conjs[0].definite {
		// "Lawyer and longtime activist Renata Oduya": one named person
		// described by two nouns.
		one := parsed{body: p.body, toks: p.toks, i: p.i, j: p.j, conjs: []conj{last}, appos: p.appos, caps: p.caps, desc: p.desc}
		s, ok := st.source(one, nil)
		if ok {
			s.Role = firstNonEmpty(p.conjs[0].role, s.Role)
		}
		return s, ok
	}
	anon := false
	for _, c := range p.conjs {
		if c.kind == headAnon || c.kind == headTitle && !c.definite || c.kind == headSpokes && p.anon {
			anon = anon || c.name == ""
		}
		src.Affiliation = firstNonEmpty(src.Affiliation, c.affil, st.possessor(c))
		src.Role = firstNonEmpty(src.Role, c.role)
	}
	if !anon {
		first := parsed{i: p.i, j: p.j, conjs: p.conjs[:1], caps: p.caps, desc: p.desc}
		return st.source(first, nil)
	}
	setCount(&src, p.conjs)
	return src, true
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
