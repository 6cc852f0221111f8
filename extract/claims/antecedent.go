package claims

import (
	"sort"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/sentence"
)

// This file finds what a possessive in a source's description points back
// to: "its chief executive", "their lawyers", "the company's finance chief",
// "the agency's deputy director". The nearest plausible antecedent wins: the
// subject of the possessive's own sentence (or, for "According to its
// annual report, Aviva …", the subject after the fronted phrase), then an
// organisation named earlier in that sentence, then the same in the
// sentences before it in its paragraph; only when the paragraph names none
// does the organisation last named in earlier text stand. "Its" agrees with
// an organisation or a thing, "their" with an organisation (UK style: "Hearts
// have sacked their manager") or people; a possessive whose antecedent is
// people ("Mark and Susan Ellis … Their lawyer") or a thing with no
// organisation in its sentence ("The petition … Its organiser") gives no
// affiliation.

// maxBack is how many sentences of a paragraph before a possessive's own
// are read for its antecedent.
const maxBack = 4

// subjKind is what a sentence's subject is.
type subjKind int

const (
	subjNone    subjKind = iota // not read: a fronted clause, a quote
	subjOrg                     // a named organisation, or "the company" resolved
	subjPeople                  // a person or people: "Mark and Susan Ellis", "two former employees"
	subjThing                   // a singular thing: "the petition", "the bill"
	subjThings                  // plural things: "shares in BP"
	subjPronoun                 // "it", "they": the antecedent lies further back
)

// subject is the subject of a sentence: its kind, the organisation's name
// and entity type when it is one, and where it starts.
type subject struct {
	kind subjKind
	name string
	typ  newsintel.EntityType
	s    int
}

// orgRef is an organisation named in a sentence.
type orgRef struct {
	name string
	typ  newsintel.EntityType
	s    int
}

// possessor resolves the possessor of a source's description ("its",
// "their", "the company") to an organisation's name, or "" when it points
// to people or a thing; other possessors ("Alibaba") are returned as they
// are.
func (st *state) possessor(c conj) string {
	l := strings.ToLower(c.possess)
	head, def := strings.CutPrefix(l, "the ")
	if !def && l != "its" && l != "his" && l != "her" && l != "their" && l != "our" && (possPronoun(l) || orgNouns[l]) {
		head, def = l, true // "The company's finance chief": the possessive word alone
	}
	switch {
	case l == "its" || l == "their" || l == "our":
		if name, ok := st.antecedent(c.possS, l, ""); ok {
			return name
		}
		return st.lastOrg
	case def && orgNouns[head]:
		if name, ok := st.antecedent(c.possS, l, head); ok && name != "" {
			return name
		}
		return st.orgFor(head)
	}
	return st.resolvePossessor(c.possess)
}

// antecedent reads the possessive's sentence and those before it in its
// paragraph; ok is false when none of them decides.
func (st *state) antecedent(pos int, poss, head string) (string, bool) {
	si := st.sentenceAt(pos)
	if si < 0 {
		return "", false
	}
	for k := si; k >= 0 && k >= si-maxBack; k-- {
		sp := st.spans[k]
		if k < si && strings.Contains(st.body[sp.End:st.spans[k+1].Start], "\n") {
			break // a paragraph before: earlier text
		}
		st.abuf = tokenizeInto(st.abuf[:0], st.body, sp.Start, sp.End, nil)
		toks := st.abuf
		end := sp.End
		if k == si {
			end = pos
		}
		if name, stop := st.inSentence(toks, end, poss, head); name != "" || stop {
			return name, true
		}
	}
	return "", false
}

// sentenceAt returns the index of the sentence span holding pos, or -1.
func (st *state) sentenceAt(pos int) int {
	k := sort.Search(len(st.spans), func(i int) bool { return st.spans[i].End > pos })
	if k < len(st.spans) && st.spans[k].Start <= pos {
		return k
	}
	return -1
}

// inSentence looks for the antecedent in one sentence, before end (the
// possessive, in its own sentence): the subject first, then the nearest
// organisation named. stop reports that the antecedent is people or a thing.
func (st *state) inSentence(toks []tok, end int, poss, head string) (string, bool) {
	sub := st.subjectOf(toks, end)
	front := 0 // a fronted phrase names a channel, no antecedent: "In a post on LinkedIn,"
	if k := fronted(toks); k > 0 {
		front = toks[k-1].s
	}
	var orgs []orgRef
	for _, o := range st.orgsIn(toks, outletHeads[head]) {
		if o.s >= front && o.s < end && fitsHead(o.typ, head) {
			orgs = append(orgs, o)
		}
	}
	if sub.kind == subjOrg && fitsHead(sub.typ, head) {
		return sub.name, false
	}
	if head != "" {
		// "the agency's": the nearest organisation of that kind.
		if len(orgs) > 0 {
			return orgs[len(orgs)-1].name, false
		}
		return "", false
	}
	if sub.kind == subjPeople && poss == "their" {
		return "", true // "Two former employees have sued Tesla. Their lawyers …"
	}
	if len(orgs) > 0 {
		return orgs[len(orgs)-1].name, false
	}
	return "", sub.kind == subjThing && poss == "its" || sub.kind == subjPeople && poss == "our"
}

// fitsHead reports whether an organisation of type t can be "the <head>":
// a company is no "agency", an agency no "company".
func fitsHead(t newsintel.EntityType, head string) bool {
	switch {
	case head == "" || t == "":
		return true
	case companyHeads[head] || outletHeads[head]:
		return t == newsintel.EntityCompany
	case agencyHeads[head]:
		return t == newsintel.EntityAgency || t == newsintel.EntityGovernment
	}
	return true
}

// outletHeads are organisation nouns that name a news outlet, which other
// possessives do not point to.
var outletHeads = words("broadcaster", "newspaper", "publication", "outlet", "network", "paper")

// agencyHeads are organisation nouns that name a public body.
var agencyHeads = words("agency", "regulator", "watchdog", "ministry", "department", "authority",
	"commission", "government", "administration", "council", "bureau", "office")

// orgsIn returns the organisations named in a sentence: its organisation
// mentions, outlets left out unless asked for ("the broadcaster's").
func (st *state) orgsIn(toks []tok, outlets bool) []orgRef {
	if len(toks) == 0 {
		return nil
	}
	var out []orgRef
	for _, m := range st.all {
		if m.Start < toks[0].s || m.Start >= toks[len(toks)-1].e {
			continue
		}
		switch m.Type {
		case newsintel.EntityCompany, newsintel.EntityAgency, newsintel.EntityGovernment:
			if name := trimPossessive(m.Text); outlets || !outletMention(name, m.Type) {
				out = append(out, orgRef{name: name, typ: m.Type, s: m.Start})
			}
		}
	}
	return out
}

// setSpans gives the state the body and its sentences, for antecedents.
func (st *state) setSpans(body string, spans []sentence.Span, all []newsintel.Mention) {
	st.body, st.spans, st.all = body, spans, all
}

// subjectOf reads the subject of a sentence: the noun phrase that opens it,
// after a fronted phrase ("According to its annual report, Aviva …", "In a
// separate development, Commerzbank …"). A subject that holds end (the
// possessive is in it: "Its chief executive, …, said") or starts after it
// is not read, unless end lies in the fronted phrase.
func (st *state) subjectOf(toks []tok, end int) subject {
	k := fronted(toks)
	if k < 0 || k >= len(toks) || k == 0 && toks[0].s >= end || k > 0 && toks[k].s >= end && toks[k-1].s < end {
		return subject{}
	}
	switch toks[k].l {
	case "it":
		return subject{kind: subjPronoun}
	case "they", "we":
		return subject{kind: subjPronoun}
	case "he", "she":
		return subject{kind: subjPeople}
	}
	j := k
	if l := toks[j].l; (l == "the" || l == "a" || l == "an") && j+1 < len(toks) {
		j++
	}
	if sub, ok := st.namedSubject(toks, j, end); ok {
		return sub
	}
	return st.nounSubject(toks, j, end)
}

// fronted returns where a sentence's main clause starts: after a fronted
// phrase that opens with a preposition or sentence adverb and ends at a
// comma, or 0; -1 when the phrase has no comma near.
func fronted(toks []tok) int {
	if len(toks) == 0 || !frontWords[toks[0].l] {
		return 0
	}
	for j := 1; j < len(toks) && j < 16; j++ {
		if toks[j].w == "," {
			return j + 1
		}
	}
	return -1
}

// frontWords open a fronted phrase before a sentence's subject.
var frontWords = words("according", "in", "on", "at", "after", "before", "during", "meanwhile",
	"separately", "however", "earlier", "later", "last", "speaking", "asked", "under", "with",
	"despite", "since", "as", "while", "although", "though", "when", "following", "amid", "elsewhere")

// namedSubject reads a subject that is a name: an organisation mention, a
// capitalised run followed by a verb or an appositive comma ("Hearts have",
// "Shell, meanwhile,"), or people ("Mark and Susan Ellis").
func (st *state) namedSubject(toks []tok, j, end int) (subject, bool) {
	r := j
	for r < len(toks) && (toks[r].cap && !toks[r].punct || toks[r].w == "&" && r > j) {
		r++
	}
	if r == j || toks[j].s <= end && end < toks[r-1].e {
		return subject{}, false
	}
	name := trimPossessive(span(st.body, toks, j, r))
	if t, ok := mentionType(st.all, toks[j].s, toks[r-1].e); ok {
		switch t {
		case newsintel.EntityPerson:
			return subject{kind: subjPeople, s: toks[j].s}, true
		case newsintel.EntityCompany, newsintel.EntityAgency, newsintel.EntityGovernment:
			if m, ok := mentionAt(st.all, toks[j].s); ok && m.Type == t {
				name = trimPossessive(m.Text)
			}
			return subject{kind: subjOrg, name: name, typ: t, s: toks[j].s}, !outletMention(name, t)
		}
	}
	next := ""
	if r < len(toks) {
		next = toks[r].l
	}
	if next == "and" && r+1 < len(toks) && toks[r+1].cap && !isOrgName(name, false) {
		return subject{kind: subjPeople, s: toks[j].s}, true // "Mark and Susan Ellis"
	}
	if r-j == 1 && j == 0 && next != "," && !verbish(toks, r) {
		return subject{}, false // a capital that only opens the sentence: "Shares in BP"
	}
	if r < len(toks) && toks[r].cap || isOutlet(name) {
		return subject{}, false
	}
	return subject{kind: subjOrg, name: name, s: toks[j].s}, true
}

// nounSubject reads a subject that is a common noun phrase, up to its verb
// or a comma: people ("the two men", "two former employees"), an
// organisation noun ("the company", resolved to the one named last), or a
// thing ("the petition", "shares in BP").
func (st *state) nounSubject(toks []tok, j, end int) subject {
	h := -1
	for k := j; k < len(toks) && !toks[k].punct && !verbish(toks, k) && !nounPreps[toks[k].l] &&
		toks[k].l != "who" && toks[k].l != "which" && toks[k].l != "that"; k++ {
		h = k
	}
	if h < 0 || toks[j].s <= end && end < toks[h].e {
		return subject{}
	}
	head := toks[h].l
	_, anon := anonNouns[head]
	switch {
	case peopleNouns[head] || anon:
		return subject{kind: subjPeople, s: toks[j].s}
	case orgNouns[head] && !plural(head):
		if name := st.orgFor(head); name != "" {
			return subject{kind: subjOrg, name: name, s: toks[j].s}
		}
		return subject{}
	case plural(head):
		return subject{kind: subjThings, s: toks[j].s}
	}
	return subject{kind: subjThing, s: toks[j].s}
}

// verbish reports whether toks[k] is a finite verb: "have", "delivered",
// "said".
func verbish(toks []tok, k int) bool {
	if k >= len(toks) || toks[k].cap || toks[k].punct {
		return false
	}
	l := toks[k].l
	return finite[l] || pastForms[l] || l == "said" || l == "says" || len(l) > 3 && strings.HasSuffix(l, "ed")
}

// mentionAt returns the mention that starts at s.
func mentionAt(ms []newsintel.Mention, s int) (newsintel.Mention, bool) {
	for _, m := range ms {
		if m.Start == s {
			return m, true
		}
	}
	return newsintel.Mention{}, false
}

// peopleNouns are heads of subjects that are people, whose "their" is not
// an organisation's.
var peopleNouns = words("men", "women", "man", "woman", "couple", "pair", "employees", "employee",
	"workers", "worker", "residents", "resident", "activists", "protesters", "families", "family",
	"parents", "children", "students", "pupils", "teachers", "doctors", "nurses", "drivers",
	"members", "victims", "passengers", "customers", "investors", "shareholders", "campaigners",
	"people", "players", "fans", "farmers", "tenants", "patients", "defendants", "brothers",
	"sisters", "owners", "homeowners", "consumers", "voters", "plaintiffs", "claimants", "survivors")

// outletMention reports whether an organisation mention names a news
// outlet. A public body is one only when listed: "Environment Agency" and
// "European Medicines Agency" are no news agencies.
func outletMention(name string, t newsintel.EntityType) bool {
	if t == newsintel.EntityCompany {
		return isOutlet(name)
	}
	l := strings.ToLower(name)
	return outlets[l] || outlets["the "+l]
}
