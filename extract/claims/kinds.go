package claims

import (
	"strings"

	"github.com/newsintel/newsintel"
)

// This file decides what kind of source an ambiguous phrase is: a
// statement or a document, a surname or a company, unnamed people or an
// organisation, and which company "the company" means.

// isStatement reports whether a document head is an organisation's
// statement on the record: "the statement", "a press release", but not
// "financial statements" or "the earnings release".
func isStatement(c conj) bool {
	pre := " " + strings.ToLower(c.descPre) + " "
	switch c.head {
	case "statement", "statements":
		for _, w := range []string{" financial ", " income ", " cash ", " audited ", " bank ", " account ", " earnings "} {
			if strings.Contains(pre, w) {
				return false
			}
		}
		return true
	case "release", "releases":
		return strings.Contains(pre, " press ") || strings.Contains(pre, " news ")
	}
	return false
}

// personal reports whether content speaks of or as one person: it opens
// with "he", "she", "his" or "her", or says "I" or "my". A one-word name
// that no mention calls an organisation is then a person's surname.
func personal(toks []tok, ts, te int) bool {
	first := true
	for _, t := range toks {
		if t.s < ts || t.punct {
			continue
		}
		if t.e > te {
			break
		}
		switch t.l {
		case "he", "she", "his", "her", "him":
			if first {
				return true
			}
		case "i", "i'm", "i've", "i'd", "my", "me":
			return true
		}
		first = false
	}
	return false
}

// asPerson turns an organisation source named by one bare word into a
// person when its content is personal and no mention says the name is an
// organisation: "Ellison told jurors he had never seen …".
func asPerson(src newsintel.Source, all []newsintel.Mention, toks []tok, ts, te int) newsintel.Source {
	if !maybeSurname(src) || !personal(toks, ts, te) || describedOrg(src.Description) {
		return src
	}
	for _, m := range all {
		if m.Type != newsintel.EntityPerson && m.Type != newsintel.EntityPlace && trimPossessive(m.Text) == src.Name {
			return src
		}
	}
	src.Type = newsintel.SourcePerson
	src.Description = ""
	return src
}

// describedOrg reports whether a description ends in an organisation noun,
// so the name it came with is no surname: "the tabloid" pointing back at
// "The Sun", "software maker Oracle".
func describedOrg(desc string) bool {
	fs := strings.Fields(strings.ToLower(desc))
	return len(fs) > 0 && orgNouns[fs[len(fs)-1]]
}

// maybeSurname reports whether an organisation source is named by one bare
// word that may be a person's surname.
func maybeSurname(src newsintel.Source) bool {
	return src.Type == newsintel.SourceOrganization && src.Name != "" &&
		!strings.Contains(src.Name, " ") && !isOrgName(src.Name, false)
}

// asPlural turns an organisation source named by the one capitalised word
// that opens the sentence into unnamed people when the word is a plural
// common noun: it ends like one ("Communities", "Economists") or the
// content calls it "they" ("Shippers said they would …"), and no mention
// names it.
func asPlural(src newsintel.Source, all []newsintel.Mention, toks []tok, f found) newsintel.Source {
	if !maybeSurname(src) || f.srcI != 0 || f.srcJ != 1 || len(toks) < 3 {
		return src
	}
	if _, n := soleMention(all, toks[0].s, toks[0].e); n != 0 {
		return src
	}
	l := toks[0].l
	_, num := numberOf(strings.SplitN(l, "-", 2)[0])
	they := false
	for _, t := range toks {
		if t.s >= f.ts && !t.punct {
			they = t.l == "they" || t.l == "their"
			break
		}
	}
	plural := num || they && strings.HasSuffix(l, "s")
	for _, suf := range []string{"ies", "ists", "ians", "ants", "ents"} {
		plural = plural || strings.HasSuffix(l, suf)
	}
	if !plural {
		return src
	}
	return newsintel.Source{Type: newsintel.SourceAnonymous, Plural: true, Description: l, Role: "person"}
}

// isCompany reports whether an organisation's name names a business: a
// mention says so, or, without one, the name has no word of a government
// body ("Department", "Ministry", "Commission").
func isCompany(name string, all []newsintel.Mention) bool {
	for _, m := range all {
		if trimPossessive(m.Text) == name && m.Type != newsintel.EntityPlace {
			return m.Type == newsintel.EntityCompany
		}
	}
	for _, f := range strings.Fields(strings.ToLower(name)) {
		if governmentWords[strings.Trim(f, ".,")] {
			return false
		}
	}
	return true
}

// governmentWords occur in names of government bodies.
var governmentWords = words("department", "ministry", "agency", "commission", "office", "bureau",
	"administration", "government", "embassy", "council", "committee", "court", "senate",
	"congress", "parliament", "house", "kremlin", "pentagon", "treasury", "police", "army",
	"navy", "authority", "board", "service", "fed", "reserve", "cabinet", "state", "states")

// hasOrgSuffix reports whether a name has a word that only organisations'
// names have: "Association", "Inc", "Ministry".
func hasOrgSuffix(name string) bool {
	for _, f := range strings.Fields(strings.ToLower(name)) {
		if orgSuffixes[strings.Trim(f, ".,")] {
			return true
		}
	}
	return false
}

// orgFor returns the organisation a definite head points back at: the last
// company for "the company", "the utility" or "the lender", else the last
// organisation of any kind.
func (st *state) orgFor(head string) string {
	if companyHeads[head] {
		// "" rather than an agency for "the airline"
		return firstNonEmpty(st.speakerCo, st.lastCo)
	}
	return st.lastOrg
}

// companyHeads are organisation nouns that name a business.
var companyHeads = words("company", "companies", "firm", "group", "startup", "start-up", "carrier",
	"airline", "automaker", "carmaker", "retailer", "lender", "insurer", "operator", "maker",
	"manufacturer", "giant", "conglomerate", "utility", "bank", "chipmaker", "developer",
	"producer", "supplier", "provider", "platform", "business", "subsidiary", "unit", "parent",
	"brand", "chain", "fund", "vendor", "contractor")

// knownOne reports whether a definite, singular noun for a person points
// at one identifiable person rather than an unnamed source: "the chief
// executive", "the economist". "The official" and "the person" stay
// anonymous: they refer back to unnamed sources.
func knownOne(c conj) bool {
	if c.kind != headAnon || plural(c.head) || c.count > 0 || c.ref {
		return false
	}
	switch c.role {
	case "executive", "economist", "researcher", "analyst":
		return true
	}
	// "the system's chief medical officer", "the agency's head of
	// enforcement": one office, one person. So is a leader with a
	// qualifier ("the opposition leader") and a head an owner names ("the
	// county's top health official", "the shop's owner"), though not a
	// pronoun's ("his aide" keeps an aide unnamed).
	pre := " " + strings.ToLower(c.descPre) + " "
	return strings.Contains(pre, " chief ") || strings.Contains(pre, " top ") ||
		c.head == "leader" && c.definite && strings.TrimSpace(pre) != "" ||
		c.possess != "" && !possPronoun(strings.ToLower(c.possess)) ||
		c.definite && ownedBy(pre) // "the station's owner", "the paper's editor"
}

// ownedBy reports whether the words before a head (lower case, padded with
// spaces) hold a possessive common noun: "the station's owner".
func ownedBy(pre string) bool {
	return strings.Contains(pre, "'s ") || strings.Contains(pre, "’s ")
}
