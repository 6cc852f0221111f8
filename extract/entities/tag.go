package entities

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/newsintel/newsintel"
)

// candidate is a possible mention: tokens [s, e) of the text.
type candidate struct {
	s, e   int
	entity int // index into the gazetteer, or -1 for an entity rules found
	name   string
	typ    newsintel.EntityType
	conf   float64
	rule   bool // found by a rule rather than the list
	ambig  bool // the name is a common word: kept only with context
}

// Tag returns the mentions of entities in body, sorted by Start. Mentions do
// not overlap: where candidates compete, the longest wins, and a list match
// beats a rule match of the same length. Offsets are byte offsets into body
// and Text is body[Start:End]. Tag never fails; on very long input it reads
// at most the first 200 000 tokens. It is safe for concurrent use.
func (g *Gazetteer) Tag(body string) []newsintel.Mention {
	buf := tokenBufs.Get().(*[]token)
	toks := tokenizeInto(*buf, body)
	defer putTokens(buf, toks)
	if len(toks) == 0 {
		return nil
	}
	cands := extendLegalSuffixes(toks, g.matchList(toks))
	cands = append(cands, retypeOrgContexts(toks, g.ruleCandidates(body, toks))...)
	cands = extendNationalAssociations(toks, cands)
	cands = dropInCodes(toks, cands)
	cands = dropIndexNames(toks, cands)
	cands = g.indianCongress(toks, cands)
	cands = g.cityClubs(toks, cands)
	cands = dropCompaniesNamingPeople(toks, g.keepSupported(toks, cands))
	cands = dropPeopleOverNames(toks, cands)
	cands = append(cands, coordinatedCompanies(body, toks, cands)...)
	chosen := resolve(toks, cands)
	chosen = g.tickerMentions(toks, chosen)
	chosen = g.cashtags(toks, chosen)
	chosen = g.definedNames(toks, chosen)
	chosen = g.extendEmbassies(toks, chosen)
	chosen = g.linkPeople(toks, chosen)
	chosen = g.linkCompanies(toks, chosen)
	return g.mentions(body, toks, chosen)
}

// tokenBufs recycles the token slices of Tag: a slice is 64 bytes a
// token, and allocating and zeroing a fresh one was the largest
// allocation of the stage on small pages. Nothing Tag returns points into
// the slice (mentions copy offsets and strings of the body).
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// maxPooledTokens is the largest token slice kept for reuse (1 MiB); the
// slice of a huge page is left to the collector.
const maxPooledTokens = 16 << 10

func putTokens(buf *[]token, toks []token) {
	if cap(toks) > maxPooledTokens {
		return
	}
	*buf = toks[:0]
	tokenBufs.Put(buf)
}

// matchList finds every alias of the list in toks whose case fits. A
// hyphen joining two words may stand for the space of an alias:
// "Hewlett-Packard Enterprise" is "Hewlett Packard Enterprise".
func (g *Gazetteer) matchList(toks []token) []candidate {
	var out []candidate
	for i := range toks {
		if toks[i].word {
			out = g.walkList(toks, i, i, g.root, nil, out)
		}
	}
	return out
}

// walkList follows the trie from node over toks[j:], the match having
// started at i, and adds a candidate for every alias it reaches. skipped
// holds the hyphens read as spaces.
func (g *Gazetteer) walkList(toks []token, i, j int, node *trieNode, skipped []int, out []candidate) []candidate {
	for ; j < len(toks); j++ {
		if j > i && toks[j].norm == "-" && joined(toks, j) && node.next[toks[j+1].norm] != nil {
			out = g.walkList(toks, i, j+1, node, append(skipped[:len(skipped):len(skipped)], j), out)
		}
		if node = node.next[toks[j].norm]; node == nil {
			return out
		}
		words := toks[i : j+1]
		if len(skipped) > 0 {
			words = without(toks, i, j+1, skipped)
		}
		for _, a := range node.aliases {
			al := &g.aliases[a]
			if !g.caseFits(words, al) {
				continue
			}
			e := &g.entities[al.entity]
			conf := 0.95
			if al.ambiguous {
				conf = 0.75
			}
			out = append(out, candidate{s: i, e: j + 1, entity: al.entity, name: e.Name,
				typ: e.Type, conf: conf, ambig: al.ambiguous})
		}
	}
	return out
}

// without returns tokens [s, e) but those at the indices in skip.
func without(toks []token, s, e int, skip []int) []token {
	out := make([]token, 0, e-s)
	for k := s; k < e; k++ {
		if !slices.Contains(skip, k) {
			out = append(out, toks[k])
		}
	}
	return out
}

// caseFits checks the case of every word against the alias. In Title Case
// or ALL CAPS text only acronyms are checked, as capitals say nothing there.
func (g *Gazetteer) caseFits(toks []token, al *alias) bool {
	for k, t := range toks {
		w := al.words[k]
		if t.caseless && !isAcronym(w) {
			continue
		}
		if t.caseless && t.allCaps {
			continue
		}
		if !caseMatches(w, t.surface) {
			return false
		}
	}
	return true
}

// resolve picks non-overlapping candidates: longest first, then list
// matches before rules, then higher confidence, then earlier.
func resolve(toks []token, cands []candidate) []candidate {
	// Sort indices, not the candidates: swapping structs that hold strings
	// costs a write barrier per pointer.
	order := make([]int32, len(cands))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &cands[i], &cands[j]
		if a.e-a.s != b.e-b.s {
			return cmp.Compare(b.e-b.s, a.e-a.s)
		}
		if a.rule != b.rule {
			if !a.rule {
				return -1
			}
			return 1
		}
		if a.conf != b.conf {
			return cmp.Compare(b.conf, a.conf)
		}
		return cmp.Compare(i, j)
	})
	taken := make([]bool, len(toks))
	keep := make([]bool, len(cands))
	for _, i := range order {
		c := &cands[i]
		if anyTaken(taken, c.s, c.e) {
			continue
		}
		for k := c.s; k < c.e; k++ {
			taken[k] = true
		}
		keep[i] = true
	}
	out := make([]candidate, 0, len(cands))
	for i := range cands {
		if keep[i] {
			out = append(out, cands[i])
		}
	}
	return sortByStart(out)
}

// sortByStart sorts candidates that do not overlap by where they start.
func sortByStart(out []candidate) []candidate {
	slices.SortFunc(out, func(a, b candidate) int { return cmp.Compare(a.s, b.s) })
	return out
}

// takenBy marks the tokens of n that the candidates cover.
func takenBy(n int, cands []candidate) []bool {
	taken := make([]bool, n)
	for _, c := range cands {
		for k := c.s; k < c.e; k++ {
			taken[k] = true
		}
	}
	return taken
}

func anyTaken(taken []bool, s, e int) bool {
	for k := s; k < e; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// mentions turns the chosen candidates into Mentions.
func (g *Gazetteer) mentions(body string, toks []token, chosen []candidate) []newsintel.Mention {
	out := make([]newsintel.Mention, 0, len(chosen))
	for _, c := range chosen {
		start, end := toks[c.s].start, toks[c.e-1].end
		if crossesLine(body[start:end]) {
			continue // the tokenizer's line breaks rule this out; never emit it
		}
		var id string
		if c.entity >= 0 {
			id = g.entities[c.entity].ID
		} else {
			id = newsintel.EntityID(c.typ, c.name)
		}
		out = append(out, newsintel.Mention{
			EntityID: id, Name: c.name, Type: c.typ,
			Text: body[start:end], Start: start, End: end, Confidence: c.conf,
		})
	}
	return out
}

// crossesLine reports whether s holds a line break of any kind.
func crossesLine(s string) bool {
	return strings.ContainsAny(s, "\n\r\v\f\u0085\u2028\u2029")
}

// coordinatedCompanies finds unknown names listed with a known company:
// "the merger of Paramount and Skydance", "Coles and Woolworths" after
// "sued Woolworths"... Only names of one to three words that no list knows
// and that do not start a sentence are taken.
func coordinatedCompanies(body string, toks []token, cands []candidate) []candidate {
	var out []candidate
	for _, c := range cands {
		if c.typ != newsintel.EntityCompany || c.rule || c.ambig {
			continue
		}
		if c.e+1 < len(toks) && toks[c.e].norm == "and" {
			if e := nameRun(toks, c.e+1, 3, isNameWord); e > c.e+1 && !toks[c.e+1].sentStart {
				out = append(out, candidate{s: c.e + 1, e: e, entity: -1, name: span(body, toks, c.e+1, e),
					typ: newsintel.EntityCompany, conf: 0.6, rule: true})
			}
		}
		if c.s >= 2 && toks[c.s-1].norm == "and" {
			if s := nameStartBefore(toks, c.s-1, isNameWord); s < c.s-1 && !toks[s].sentStart {
				out = append(out, candidate{s: s, e: c.s - 1, entity: -1, name: span(body, toks, s, c.s-1),
					typ: newsintel.EntityCompany, conf: 0.6, rule: true})
			}
		}
	}
	return out
}

// dropPeopleOverNames drops the people that rules read around a speech verb
// or an apposition when their last word is a company or agency the list
// knows for sure and their first is no given name: "the Nasdaq Composite
// added", "Chipmaker Nvidia said".
func dropPeopleOverNames(toks []token, cands []candidate) []candidate {
	var sure []int // end tokens of sure company and agency matches
	for _, c := range cands {
		if !c.rule && !c.ambig && (c.typ == newsintel.EntityCompany || c.typ == newsintel.EntityAgency) {
			sure = append(sure, c.s, c.e)
		}
	}
	if len(sure) == 0 {
		return cands
	}
	out := cands[:0]
	for _, c := range cands {
		if c.rule && c.typ == newsintel.EntityPerson && c.entity < 0 && !toks[c.s].is(clsFirstName) && coversPart(c, sure) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// coversPart reports whether one of the spans in pairs (s0, e0, s1, e1,
// ...) lies inside c and ends where c ends.
func coversPart(c candidate, pairs []int) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] >= c.s && pairs[i+1] == c.e {
			return true
		}
		if pairs[i] == c.s && pairs[i+1] <= c.e {
			return true
		}
	}
	return false
}

// dropInCodes drops the candidates that are part of an identifier: words
// joined by hyphens to a number, as in docket numbers ("DOC-2021-0011",
// "NOAA-NMFS-2024-0031", "EPA-HQ-OAR-2021-0317") and document numbers,
// and a court's code in a neutral citation ("[2024] FCA 121", "[2019]
// EWCA Civ 123"), name no entity where they stand.
func dropInCodes(toks []token, cands []candidate) []candidate {
	out := cands[:0]
	for _, c := range cands {
		if !inCode(toks, c.s, c.e) && !inCitation(toks, c.s, c.e) {
			out = append(out, c)
		}
	}
	return out
}

// inCitation reports whether tokens [s, e) are the court's code of a
// neutral citation: a bracketed year before, a number or a division after.
func inCitation(toks []token, s, e int) bool {
	if s < 2 || toks[s-1].norm != "]" || !isDigits(toks[s-2].norm) || e >= len(toks) {
		return false
	}
	return isDigits(toks[e].norm) || toks[e].cap && e+1 < len(toks) && isDigits(toks[e+1].norm)
}

// inCode reports whether tokens [s, e) are joined by hyphens, with no
// space, to a chain of tokens after them that holds a number: identifiers
// start with the agency's code. A number before them is something else
// ("UPDATE 1-U.S. review").
func inCode(toks []token, s, e int) bool {
	for j := e; j+1 < len(toks) && toks[j].norm == "-" && joined(toks, j); j += 2 {
		if hasDigit(toks[j+1].norm) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// extendLegalSuffixes stretches a company the list names over the legal
// suffixes that follow it: "Under Armour Inc", "Robinhood Markets Inc.",
// "Lumen Technologies, Inc.". "Group" or "Holdings" may name another
// company ("Reliance Group") and are left to the list.
func extendLegalSuffixes(toks []token, cands []candidate) []candidate {
	for i := range cands {
		c := &cands[i]
		if c.typ != newsintel.EntityCompany || c.rule {
			continue
		}
		e := suffixesEnd(toks, c.e, func(t *token) bool { return legalSuffixes[t.norm] })
		if e > c.e && legalSuffixes[toks[e-1].norm] {
			c.e = e
		}
	}
	return cands
}

// legalSuffixes are the orgSuffixes that say only what legal form a
// company has.
var legalSuffixes = wordSet(`inc incorporated corp corporation ltd limited llc llp lp plc ag sa
gmbh co nv bv se spa sas ab asa oyj kk bhd pte pty`)

// dropIndexNames drops the companies that only lend their names to a
// market index: "the S&P 500", "the Nasdaq Composite", "Nikkei 225",
// "Nasdaq-100", "the Dow Jones Industrial Average".
func dropIndexNames(toks []token, cands []candidate) []candidate {
	out := cands[:0]
	for _, c := range cands {
		if c.typ == newsintel.EntityCompany && indexFollows(toks, c.e) && indexProviders[normsOf(toks, c.s, c.e)] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// indexProviders are the normalised names of companies whose names name
// market indexes.
var indexProviders = map[string]bool{"s&p": true, "s & p": true, "nasdaq": true, "nikkei": true, "ftse": true,
	"dow": true, "dow jones": true, "stoxx": true, "euro stoxx": true, "msci": true, "russell": true,
	"hang seng": true, "cboe": true, "nyse": true, "topix": true, "kospi": true}

// indexFollows reports whether the words from k on make a name an index's:
// a number ("500", "-100") or an index's noun ("Composite", "Index").
func indexFollows(toks []token, k int) bool {
	if k < len(toks) && toks[k].norm == "-" && joined(toks, k) {
		k++
	}
	if k >= len(toks) {
		return false
	}
	t := toks[k]
	return t.word && (isDigits(t.norm) || t.cap && indexNouns[t.norm])
}

var indexNouns = wordSet(`composite index indices indexes industrial industrials average
transportation utilities financials volatility futures world emerging all-world`)

// normsOf joins the normalised forms of tokens [s, e) with spaces, and
// those of "&" without ("S&P").
func normsOf(toks []token, s, e int) string {
	var b strings.Builder
	for k := s; k < e; k++ {
		if k > s && toks[k].start != toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].norm)
	}
	return b.String()
}
