package claims

import (
	"strconv"
	"strings"
)

// headKind is the kind of noun that heads a source's noun phrase.
type headKind int

const (
	headNone    headKind = iota
	headAnon             // sources, people, an official
	headSpokes           // a spokesman, a lawyer for
	headTitle            // the minister, CEO
	headOrg              // the company, the ministry
	headDoc              // the report, court documents
	headName             // a proper name only
	headPronoun          // he, she, it, they
)

// conj is one conjunct of a source noun phrase: "one of the three persons"
// and "a former Trump administration official" are two.
type conj struct {
	i, j     int // token range
	count    int // 0 when not stated
	plural   bool
	ref      bool // refers back to an earlier group: "one of the persons"
	refN     int  // "one of the three persons" → 3
	definite bool
	kind     headKind
	head     string
	role     string
	name     string
	nameS    int // byte offset of name start, for mention look-up
	nameE    int
	descPre  string // words before the name: "research company"
	affil    string
	affilS   int // byte offsets of affil when read before the head
	affilE   int
	possess  string // possessor: "its", "Alibaba"
	possS    int    // where the possessor starts in the body
	anonMark bool
	pron     pronKind
}

// countPrefix reads a counting prefix at toks[k]: "three", "one of the",
// "several", "a number of". It returns the new index. An approximate count
// ("at least four", "more than a dozen") is plural without a number.
func (c *conj) countPrefix(toks []tok, k, j int) int {
	if k < j && (toks[k].l == "and" || toks[k].l == "also" || toks[k].l == "but") {
		k++
	}
	a := skipApprox(toks, k, j)
	end := c.exactCount(toks, a, j)
	if a > k && c.count > 0 && !c.ref {
		c.count, c.plural = 0, true
	}
	return end
}

// exactCount is countPrefix after any approximating words.
func (c *conj) exactCount(toks []tok, k, j int) int {
	if k < j && (toks[k].l == "and" || toks[k].l == "also" || toks[k].l == "but") {
		k++
	}
	if k >= j {
		return k
	}
	if k+1 < j && (toks[k].l == "a" || toks[k].l == "an") && toks[k+1].l == "half-dozen" {
		c.count = 6
		return k + 2
	}
	n, isNum := numberOf(toks[k].l)
	// "one of the (three) persons", "two of them", "another of the sources"
	if (isNum || toks[k].l == "another" || toks[k].l == "each" || toks[k].l == "any") &&
		k+2 < j+1 && k+1 < j && toks[k+1].l == "of" {
		if !isNum {
			n = 1
		}
		c.count, c.ref = n, true
		k += 2
		if k < j && (toks[k].l == "the" || toks[k].l == "those" || toks[k].l == "these") {
			k++
		}
		if k < j {
			if m, ok := numberOf(toks[k].l); ok && toks[k].l != "a" && toks[k].l != "an" {
				c.refN = m
				k++
			}
		}
		return k
	}
	if e := c.multiCount(toks, k, j); e > k {
		return e
	}
	switch l := toks[k].l; {
	case l == "the" || l == "this" || l == "that" || l == "these" || l == "those" || l == "same":
		c.definite = true
		k++
		if k < j && toks[k].l == "same" {
			k++
		}
	case isNum:
		c.count = n
		k++
	case pluralWords[l] && !(toks[k].cap && k+1 < j && digitName(toks, k+1)): // "Group 4 Securicor" is a name
		c.plural = true
		k++
	case l == "its" || l == "his" || l == "her" || l == "their" || l == "our":
		c.possess, c.definite, c.possS = l, true, toks[k].s
		k++
	}
	return k
}

// numberOf reads a number word or numeral.
func numberOf(l string) (int, bool) {
	if n, ok := numberWords[l]; ok {
		return n, true
	}
	if n, err := strconv.Atoi(strings.ReplaceAll(l, ",", "")); err == nil && n > 0 && n < 10000 {
		return n, true
	}
	return 0, false
}

// postStart reports whether toks[k] begins a post-modifier of a source
// noun: "… for the Commerce Department", "… familiar with the matter".
func postStart(toks []tok, k int) bool {
	switch toks[k].l {
	case "close", "closely":
		return k+1 < len(toks) && toks[k+1].l == "to" // not "a close ally of …"
	case "for", "at", "of", "from", "with", "in", "on", "to", "who", "whom", "that", "which",
		"familiar", "briefed", "involved", "knowledgeable", "speaking",
		"aware", "within", "inside", "under", "across", "near", "based", "working", "tracking",
		"following", "monitoring", "overseeing", "handling", "representing", "said", "told", "by":
		return true
	}
	return toks[k].punct
}

// inName reports whether the connector at toks[k] joins two capitalised
// words of one name: "Office of Intelligence and Security", "Bank of America".
func inName(toks []tok, k, j int, caps bool) bool {
	if caps || k == 0 || k+1 >= j {
		return false
	}
	switch toks[k].l {
	case "of", "and", "for", "&", "de", "du", "la", "in", "on":
	default:
		return false
	}
	next := k + 1
	if toks[next].l == "the" && next+1 < j {
		next++
	}
	return toks[k-1].cap && toks[next].cap && !toks[next].punct
}

// chunkEnd returns the end of the noun chunk that starts at k.
func chunkEnd(toks []tok, k, j int, caps bool) int {
	for k < j {
		if postStart(toks, k) && !inName(toks, k, j, caps) {
			return k
		}
		k++
	}
	return k
}

// headOf classifies a lower-case word as a head noun; a compound is
// classified by its last part ("co-founder", "ex-official").
func headOf(l string) (headKind, string) {
	if k, r := headOfWord(l); k != headNone {
		return k, r
	}
	if i := strings.LastIndexByte(l, '-'); i > 0 && i < len(l)-1 {
		return headOfWord(l[i+1:])
	}
	return headNone, ""
}

func headOfWord(l string) (headKind, string) {
	if r, ok := spokesNouns[l]; ok {
		return headSpokes, r
	}
	if r, ok := anonNouns[l]; ok {
		return headAnon, r
	}
	if docNouns[l] {
		return headDoc, ""
	}
	if orgNouns[l] {
		return headOrg, ""
	}
	if r, ok := titleNouns[l]; ok {
		return headTitle, r
	}
	return headNone, ""
}

// skipApprox skips words that make a count approximate: "at least four",
// "more than a dozen", "nearly 20", "as many as five".
func skipApprox(toks []tok, k, j int) int {
	for _, seq := range [][]string{{"at", "least"}, {"at", "most"}, {"more", "than"}, {"fewer", "than"},
		{"less", "than"}, {"as", "many", "as"}, {"up", "to"}, {"nearly"}, {"almost"}, {"about"},
		{"around"}, {"roughly"}, {"approximately"}, {"some"}} {
		if k+len(seq) < j && hasSeq(toks, k, seq...) {
			if _, ok := numberOf(toks[k+len(seq)].l); ok || toks[k+len(seq)].l == "a" {
				return k + len(seq)
			}
		}
	}
	return k
}

// multiCounts are counting phrases of several words.
var multiCounts = [][]string{{"a", "number", "of"}, {"a", "handful", "of"}, {"a", "group", "of"},
	{"a", "few"}, {"dozens", "of"}, {"scores", "of"}, {"a", "host", "of"}, {"a", "range", "of"},
	{"a", "variety", "of"}, {"a", "series", "of"}, {"hundreds", "of"}, {"some", "of", "the"},
	{"many", "of", "the"}, {"several", "of", "the"}, {"a", "couple", "of"}, {"a", "pair", "of"},
	{"a", "dozen"}}

// multiCount reads a counting phrase of several words at toks[k] ("a
// couple of", "some of the") and returns where it ends, or k.
func (c *conj) multiCount(toks []tok, k, j int) int {
	for _, multi := range multiCounts {
		if k+len(multi) > j || !hasSeq(toks, k, multi...) {
			continue
		}
		switch multi[1] {
		case "couple", "pair":
			c.count = 2
		case "dozen":
			c.count = 12
		default:
			c.plural = true
		}
		if multi[len(multi)-1] == "the" {
			c.ref = true
		}
		return k + len(multi)
	}
	return k
}
