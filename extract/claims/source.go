package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// parsed is a source noun phrase analysed into conjuncts and appositives.
type parsed struct {
	body   string
	toks   []tok
	i, j   int
	conjs  []conj
	appos  []conj
	desc   string
	anon   bool // an anonymity marker anywhere in the phrase
	caps   bool
	nameOK bool
}

// parseNP analyses toks[i:j] as a source noun phrase. Commas separate an
// appositive ("Jane Doe, a lawyer for Alibaba") or a relative clause ("a
// senior official, who asked not to be named"); "and" before a new counted
// phrase separates conjuncts.
func parseNP(body string, toks []tok, i, j int, caps bool) parsed {
	for i < j && (toks[i].punct || toks[i].l == "and" || toks[i].l == "but") {
		i++
	}
	for j > i && toks[j-1].punct {
		j--
	}
	p := parsed{body: body, toks: toks, i: i, j: j, caps: caps}
	if i >= j || j-i > 30 {
		return p
	}
	p.desc = describe(span(body, toks, i, j))
	segEnd := i
	for segEnd < j && !(toks[segEnd].punct && (toks[segEnd].w == "," || toks[segEnd].w == "(" || toks[segEnd].w == ")")) {
		segEnd++
	}
	p.conjs = splitConjs(body, toks, i, segEnd, caps)
	for s := segEnd; s < j; {
		e := s + 1
		for e < j && !(toks[e].punct && (toks[e].w == "," || toks[e].w == ")")) {
			e++
		}
		if s+1 < e {
			a := parseConj(body, toks, s+1, e, caps)
			if a.anonMark || strings.Contains(" "+lowerWords(toks, s+1, e)+" ", " anonymity ") {
				p.anon = true
			}
			switch toks[s+1].l {
			case "who", "whose", "which", "whom":
				// A relative clause tells what the source did, not who
				// it is: "The Commerce Department, whose Bureau of …,".
			default:
				p.appos = append(p.appos, a)
			}
		}
		s = e
	}
	for _, c := range p.conjs {
		p.anon = p.anon || c.anonMark
	}
	return p
}

// splitConjs splits toks[i:j] at an "and" that starts a new source phrase,
// when both sides are sources; otherwise the whole is one conjunct.
func splitConjs(body string, toks []tok, i, j int, caps bool) []conj {
	for k := i + 1; k < j-1; k++ {
		if toks[k].l != "and" && toks[k].l != "&" || inName(toks, k, j, caps) {
			continue
		}
		left := parseConj(body, toks, i, k, caps)
		right := parseConj(body, toks, k+1, j, caps)
		if left.kind != headNone && right.kind != headNone && right.kind != headPronoun {
			return append([]conj{left}, splitConjs(body, toks, k+1, j, caps)...)
		}
	}
	return []conj{parseConj(body, toks, i, j, caps)}
}

// describe lower-cases the first word of a description when it is a
// determiner or number that only carries a capital because it opens the
// sentence ("One of the persons" → "one of the persons").
func describe(s string) string {
	w, _, _ := strings.Cut(s, " ")
	lw := strings.ToLower(w)
	_, num := numberWords[lw]
	_, anon := anonNouns[lw]
	if num || pluralWords[lw] || anon || lw == "the" || lw == "a" || lw == "an" || lw == "its" || approxWords[lw] ||
		lw == "their" || lw == "his" || lw == "her" || lw == "court" || docNouns[lw] {
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// plural reports whether a head noun is plural.
func plural(head string) bool {
	switch head {
	case "people", "police", "authorities", "staff", "media", "military", "spokespeople", "data":
		return true
	case "witness", "business", "press", "analysis", "boss", "congress":
		return false
	}
	return strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") || strings.HasSuffix(head, "men")
}

// isOrgName reports whether a name names an organisation rather than a
// person, judged by its words alone.
func isOrgName(name string, caps bool) bool {
	l := strings.ToLower(name)
	if outlets[l] || outlets["the "+l] {
		return true
	}
	fs := strings.Fields(l)
	for _, f := range fs {
		f = strings.Trim(f, ".,")
		if isDigitAt(f, 0) {
			return true // people's names have no numbers: "Formula 1", "3M", "Channel 4"
		}
		if orgSuffixes[f] || (outletWords[f] || genericNameWords[f]) && len(fs) > 1 || outlets[f] {
			return true
		}
	}
	if !caps && len(name) >= 2 && len(name) <= 6 && strings.ToUpper(name) == name && !strings.Contains(name, " ") {
		return true // an acronym: "IBM", "SEC"
	}
	return false
}

// isOutlet reports whether a name is a news organisation.
func isOutlet(name string) bool {
	l := strings.ToLower(name)
	if outlets[l] || outlets["the "+l] {
		return true
	}
	fs := strings.Fields(l)
	return len(fs) > 1 && outletWords[fs[len(fs)-1]]
}

func intp(n int) *int { return &n }

// setCount fills Count and Plural for an anonymous source.
func setCount(src *newsintel.Source, cs []conj) {
	total, known := 0, true
	for _, c := range cs {
		switch {
		case c.count > 0:
			total += c.count
		case c.plural || plural(c.head):
			known = false
		default:
			total++
		}
	}
	if known && total > 0 {
		src.Count = intp(total)
		src.Plural = total > 1
		return
	}
	src.Plural = true
}

// approxWords open an approximate count: "At least four sources".
var approxWords = words("at", "more", "fewer", "less", "nearly", "almost", "about", "around",
	"roughly", "approximately", "up", "as")
