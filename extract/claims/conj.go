package claims

import "strings"

// parseConj analyses toks[i:j] as one source noun phrase without commas:
// counting prefix, head noun, the words before it (affiliation, roles), a
// name, and post-modifiers (affiliation, anonymity markers).
func parseConj(body string, toks []tok, i, j int, caps bool) conj {
	c := conj{i: i, j: j}
	k := c.countPrefix(toks, i, j)
	if k >= j {
		return c
	}
	if p, ok := pronouns[toks[k].l]; ok && (k+1 == j || postStart(toks, k+1)) {
		c.kind, c.pron, c.head = headPronoun, p, toks[k].l
		return c
	}
	e := chunkEnd(toks, k, j, caps)
	hk := findHead(toks, k, e, caps)
	if hk >= 0 {
		c.kind, c.role = headOf(toks[hk].l)
		c.head = toks[hk].l
		if c.head == "figures" && (hk == k || !peopleFigures[toks[hk-1].l]) {
			c.kind, c.role = headDoc, "" // "the figures showed", not "senior figures"
		}
		if hk > k && toks[hk-1].l == "press" && (c.kind == headTitle || c.kind == headAnon) {
			c.kind, c.role = headSpokes, "spokesperson" // "the White House press secretary"
		}
		c.preHead(body, toks, k, hk, caps)
		if c.kind == headTitle && hk+2 < e && (toks[hk+1].l == "of" || toks[hk+1].l == "for") {
			c.titleOf(body, toks, hk+2, e) // "the Secretary of Commerce"
		} else {
			c.setName(body, toks, hk+1, e, caps)
		}
	} else {
		c.setName(body, toks, k, e, caps)
		if c.name != "" {
			c.kind = headName
			c.descPre = lowerPrefix(toks, k, e, caps)
		}
	}
	c.postMods(body, toks, e, j, caps)
	return c
}

// findHead returns the index of the head noun in toks[k:e]: the rightmost
// lexicon noun in lower case, or a capitalised title before a name
// ("Secretary Gina Raimondo"); -1 when there is none.
func findHead(toks []tok, k, e int, caps bool) int {
	for m := e - 1; m >= k; m-- {
		t := toks[m]
		if t.punct {
			continue
		}
		kind, _ := headOf(t.l)
		if kind == headNone {
			continue
		}
		if t.cap && !caps {
			_, title := titleNouns[t.l]
			_, spokes := spokesNouns[t.l]
			ofName := m+2 < e && (toks[m+1].l == "of" || toks[m+1].l == "for") &&
				(toks[m+2].cap || toks[m+2].l == "the" && m+3 < e && toks[m+3].cap)
			// "the Treasurer", "the Taoiseach": a capitalised office alone
			// after "the" is its holder, not a name.
			office := title && m == e-1 && !t.poss && officeBefore(toks, k, m)
			if !office && (!(title || spokes) || m+1 >= e || !toks[m+1].cap && !ofName || t.poss ||
				orgSuffixes[toks[m+1].l] || orgNouns[toks[m+1].l]) {
				continue // "Justice Department": a name, not a title
			}
		}
		if t.poss {
			continue // "the company's spokesperson": the head comes later
		}
		return m
	}
	return -1
}

// preHead reads the words before the head: possessors ("its",
// "Alibaba's"), a capitalised affiliation ("a former Trump administration
// official"), and plain descriptive words.
func (c *conj) preHead(body string, toks []tok, k, hk int, caps bool) {
	var desc []string
	for m := k; m < hk; m++ {
		t := toks[m]
		switch {
		case t.poss && !capName(toks, m) && !caps && !possPronoun(t.l) && !orgOwner(toks, m):
			desc = append(desc, t.w) // "the draft's cover note": a thing, not an owner
		case t.poss:
			c.possess = span(body, toks, capStart(toks, k, m, caps), m+1)
			c.possess, c.possS = trimPossessive(c.possess), toks[m].s
		case t.cap && !caps && (titleMods[t.l] || m == 0 && modifierStart[t.l] && !toks[m+1].cap):
			desc = append(desc, t.w) // "Deputy Secretary", "Legal experts"
		case capName(toks, m) && !caps:
			s := m
			for m+1 < hk && (capName(toks, m+1) || orgNouns[toks[m+1].l] || inName(toks, m+1, hk, caps)) && !toks[m+1].poss &&
				!titleMods[toks[m+1].l] { // "TikTok Chief Executive": the title is no part of the name
				m++
			}
			if toks[m+1].poss && m+1 < hk {
				continue // handled as the possessor on the next turn
			}
			c.affil = span(body, toks, s, m+1)
			c.affilS, c.affilE = toks[s].s, toks[m].e
		default:
			desc = append(desc, t.w)
		}
	}
	c.descPre = strings.Join(desc, " ")
	if c.affil == "" && c.possess == "" && hk > k && !caps {
		c.lowerAffil(body, toks, k, hk)
	}
}

// lowerAffil reads an employer written in lower case just before the head:
// "a fire department official", "a police spokesman". Words that stand
// for an organisation already named ("a company spokesperson") are left to
// the resolution of the organisation last named.
func (c *conj) lowerAffil(body string, toks []tok, k, hk int) {
	o := hk - 1
	_, anon := anonNouns[toks[hk].l]
	_, spokes := spokesNouns[toks[hk].l]
	if !anon && !spokes || toks[o].cap || toks[o].poss || !orgNouns[toks[o].l] {
		return
	}
	s := o
	for s > k && !toks[s-1].cap && !toks[s-1].punct && !toks[s-1].poss && !determiners[toks[s-1].l] &&
		!titleMods[toks[s-1].l] && !numberWordOrDigit(toks[s-1].l) {
		s--
	}
	if s == o && possPronoun(toks[o].l) {
		return // "a department official": the department already named
	}
	c.affil = span(body, toks, s, hk)
}

// numberWordOrDigit reports whether l counts: "two", "3".
func numberWordOrDigit(l string) bool {
	_, ok := numberWords[l]
	return ok || isDigitAt(l, 0)
}

// capStart walks back from m over capitalised words to the start of a name.
func capStart(toks []tok, k, m int, caps bool) int {
	for m > k && (capName(toks, m-1) && !caps || inName(toks, m-1, m+1, caps)) {
		m--
	}
	return m
}

func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// setName takes the capitalised run in toks[k:e] as a name.
func (c *conj) setName(body string, toks []tok, k, e int, caps bool) {
	if caps {
		// In all-caps text every word looks like a name; only a run with no
		// lexicon word at all is taken as one.
		for m := k; m < e; m++ {
			if kind, _ := headOf(toks[m].l); kind != headNone || toks[m].punct {
				return
			}
		}
	}
	s := -1
	for m := k; m < e; m++ {
		// A number continues a name ("Channel 4") and starts one only with
		// a capital of its own ("3M").
		numbered := digitName(toks, m) && (s >= 0 || strings.ToLower(toks[m].w) != toks[m].w)
		if toks[m].cap || numbered || s >= 0 && inName(toks, m, e, caps) {
			if s < 0 {
				s = m
			}
			continue
		}
		if s >= 0 {
			break
		}
	}
	if s < 0 {
		return
	}
	end := s
	for end < e && (capName(toks, end) || inName(toks, end, e, caps) || toks[end].l == "the" && end > s) {
		end++
	}
	for s < end && titleWord(toks[s].l) {
		s++ // "Mr. Smith" → "Smith"
	}
	if s < end {
		c.name = trimPossessive(span(body, toks, s, end))
		c.nameS, c.nameE = toks[s].s, toks[end-1].e
	}
}

func titleWord(l string) bool {
	switch l {
	case "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "prof", "prof.", "sir", "dame", "the":
		return true
	}
	return false
}

// lowerPrefix joins the lower-case words before the first capitalised word.
func lowerPrefix(toks []tok, k, e int, caps bool) string {
	var ws []string
	for m := k; m < e && !toks[m].cap; m++ {
		ws = append(ws, toks[m].w)
	}
	if caps {
		return ""
	}
	return strings.Join(ws, " ")
}

// postMods reads the words after the chunk: "for the Commerce Department",
// "familiar with the matter", "who asked not to be named".
func (c *conj) postMods(body string, toks []tok, e, j int, caps bool) {
	if e >= j {
		return
	}
	rest := " " + lowerWords(toks, e, j) + " "
	for _, m := range anonMarkers {
		if strings.Contains(rest, m) {
			c.anonMark = true
			break
		}
	}
	for m := e; m < j; m++ {
		switch toks[m].l {
		case "for", "at", "of", "from", "with", "within", "inside", "in", "representing", "to", "by":
		default:
			continue
		}
		if m > e && notAffil(toks[m-1].l) || m == e && m > 0 && notAffil(toks[m-1].l) {
			continue
		}
		s := m + 1
		if s < j && toks[s].l == "the" {
			s++
		}
		if s < j && !toks[s].cap && orgNouns[toks[s].l] && toks[s-1].l == "the" && c.possess == "" && c.affil == "" &&
			(toks[m].l == "for" || toks[m].l == "at" || toks[m].l == "representing" || toks[m].l == "of" || toks[m].l == "from") &&
			(s+1 == j || toks[s+1].punct) {
			c.possess, c.possS = "the "+toks[s].l, toks[s].s // "a spokeswoman for the company"
			continue
		}
		s = skipBased(toks, s, j)
		if s >= j || !toks[s].cap || caps {
			continue
		}
		end := s + 1
		for end < j && (toks[end].cap || inName(toks, end, j, caps) || isDigitAt(toks[end].w, 0)) {
			end++ // "Local 12"
		}
		if toks[m].l == "in" && !orgSuffixes[toks[end-1].l] && !orgNouns[toks[end-1].l] {
			continue // "officials in Washington": a place, not an employer
		}
		c.affil = trimPossessive(span(body, toks, s, end))
		return
	}
}

// skipBased skips a location prefix before an employer's name: "(a)
// Mumbai-based brokerage Kotak Securities", "London-based Capital
// Economics". It returns s when the name does not follow.
func skipBased(toks []tok, s, j int) int {
	q := s
	if q < j && (toks[q].l == "a" || toks[q].l == "an") {
		q++
	}
	if q >= j || !strings.HasSuffix(toks[q].l, "-based") && !strings.HasSuffix(toks[q].l, "-headquartered") {
		return s
	}
	for q++; q < j && q < s+6 && !toks[q].cap && !toks[q].punct; q++ {
	}
	if q < j && toks[q].cap {
		return q
	}
	return s
}

// notAffil reports whether a preposition after word introduces what a
// source knows about rather than whom it works for.
func notAffil(w string) bool {
	switch w {
	case "familiar", "close", "closely", "knowledge", "briefed", "involved", "aware",
		"knowledgeable", "privy", "told", "said", "spoke", "speaking", "talked", "talks",
		"negotiations", "discussions", "matter", "situation", "reviewed", "seen", "obtained",
		"viewed", "cited", "quoted", "reported", "examined", "read", "shared", "leaked":
		return true
	}
	return false
}

// orgOwner reports whether toks[m] is "the regulator's", "the
// broadcaster's": a possessive organisation noun that points back to an
// organisation named before.
func orgOwner(toks []tok, m int) bool {
	return m > 0 && toks[m-1].l == "the" && orgNouns[toks[m].l] && !plural(toks[m].l)
}

// possPronoun reports whether a possessive word is a pronoun or stands for
// an organisation already named: "its", "the company's".
func possPronoun(l string) bool {
	switch l {
	case "its", "his", "her", "their", "our", "company", "firm", "group", "bank", "government",
		"ministry", "department", "agency", "administration", "country", "nation", "state":
		return true
	}
	return false
}

// titleOf reads the organisation of "Secretary of Commerce" as the
// affiliation: the capitalised words from toks[s], over "the" and inner
// connectors.
func (c *conj) titleOf(body string, toks []tok, s, e int) {
	if toks[s].l == "the" && s+1 < e {
		s++
	}
	end := s
	for end < e && (toks[end].cap || inName(toks, end, e, false) || end > s && orgNouns[toks[end].l]) && !toks[end].punct {
		end++ // "the Russian delegation"
	}
	// "Secretary of State Antony Blinken": capitals after an organisation
	// word, with no connector among them, are the person's name.
	for m := s; m < end-1; m++ {
		if orgSuffixes[toks[m].l] && end-m-1 <= 3 && !hasConnector(toks, m+1, end) {
			c.setName(body, toks, m+1, end, false)
			end = m + 1
			break
		}
	}
	if end > s {
		c.affil = trimPossessive(span(body, toks, s, end))
	}
}

// titleMods qualify a title without naming an organisation: "Deputy
// Secretary", "Assistant Attorney General".
var titleMods = words("assistant", "deputy", "vice", "acting", "under", "associate", "senior",
	"executive", "general", "chief", "principal", "interim", "former", "managing", "special")

// modifierStart are capitalised only because they open a sentence and
// qualify the noun after them: "Legal experts", "Sanctions experts",
// "Internal emails", "Privacy advocates".
var modifierStart = words("internal", "legal", "health", "sanctions", "trade", "security",
	"privacy", "energy", "oil", "tech", "technology", "defense", "defence", "climate",
	"environmental", "election", "human", "civil", "labor", "labour", "consumer", "safety",
	"financial", "banking", "insurance", "market", "intelligence", "confidential", "secret",
	"leaked", "unpublished", "classified", "new", "recent", "previous", "earlier", "other",
	"court", "company", "government", "police", "military", "medical", "public", "private",
	"independent", "outside", "foreign", "western", "regional", "international", "global")

// hasConnector reports whether toks[i:j] holds a word that joins parts of
// a name: "of", "and", "for", "&".
func hasConnector(toks []tok, i, j int) bool {
	for k := i; k < j; k++ {
		switch toks[k].l {
		case "of", "and", "for", "&", "the":
			return true
		}
	}
	return false
}

// peopleFigures make "figures" people: "senior figures in the party".
var peopleFigures = words("senior", "leading", "key", "prominent", "political", "party", "public",
	"opposition", "industry", "top", "establishment", "business", "religious", "community")

// officeBefore reports whether toks[k:m], before a capitalised title that
// ends its chunk, are lower-case modifiers after a definite determiner:
// "the Treasurer", "the local MP", "Britain's former Chancellor".
func officeBefore(toks []tok, k, m int) bool {
	if k < 1 {
		return false
	}
	for q := k; q < m; q++ {
		if toks[q].cap || toks[q].punct {
			return false
		}
	}
	d := toks[k-1]
	return d.l == "the" || d.l == "his" || d.l == "her" || d.l == "their" || d.l == "its" || d.poss
}
