package story

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// stopWords are function words and the words of attribution and news
// furniture, which say nothing about what a claim asserts.
var stopWords = wordSet(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves s t don said says say saying told tell tells according reported reports reporting report reportedly
allegedly people person persons familiar matter briefed sources source official officials spokesman
spokeswoman spokesperson statement comment monday tuesday wednesday thursday friday saturday sunday week
weeks month months year years day days today yesterday last first one two three four five six seven eight
nine ten new may might must also including include includes mr ms mrs dr inc ltd corp co plc company
companies group holding holdings its it's according anonymity condition named authorized discuss publicly
declined whether already still since among within while however although though per cent percent us u uk eu
rather many much even like well back around less least way yet ago instead every another across toward towards
upon via whose whom each either neither lot lots get gets got make makes made take takes took go goes going went
come comes came see sees saw know knows knew think thinks thought want wants use uses used part parts time times
people's thing things something anything nothing everything someone anyone ever never always often also just
really quite almost enough far whatever whenever wherever`)

// synonyms maps the stems of words news stories use for one action to
// one stem, so that "probe", "investigation" and "reviewing" meet:
// outlets retelling a story rarely keep its verb.
var synonyms = synonymMap(map[string]string{
	"review": "review probe investig inquiri inquir scrutini scrutin scrutinis examin audit",
	"ban":    "ban prohibit bar blacklist",
	"sale":   "sale sell divest divestitur spin",
	"acquir": "acquir acquisit takeov buyout bui purchas",
	"merg":   "merg merger",
	"fine":   "fine penalti",
	"sue":    "sue su lawsuit suit",
	"talk":   "talk negoti discuss",
	"consid": "consid weigh mull explor contempl",
	"tariff": "tariff duti levi",
	"layoff": "layoff redund",
})

func synonymMap(groups map[string]string) map[string]string {
	m := map[string]string{}
	for canon, stems := range groups {
		for _, s := range strings.Fields(stems) {
			m[s] = canon
		}
	}
	return m
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits s into lower-case words of letters and digits, keeping
// inner apostrophes out ("Alibaba's" → "alibaba", "s").
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stem returns the Porter stem of a lower-case word, as the index's English
// analyzer stems.
func stem(w string) string { return porterstemmer.StemString(w) }

// contentTerms returns the stemmed content words of text with their
// counts, leaving out stop words, numbers, one-letter words and the words
// of skip (entity names).
func contentTerms(text string, skip map[string]bool) map[string]int {
	out := map[string]int{}
	for _, w := range words(text) {
		if len(w) < 2 || stopWords[w] || skip[w] || isNumber(w) {
			continue
		}
		s := stem(w)
		if skip[s] || stopWords[s] {
			continue
		}
		if c, ok := synonyms[s]; ok {
			s = c
		}
		out[s]++
	}
	return out
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// nameWords returns the lower-case words and stems of entity names, to be
// left out of a claim's content words.
func nameWords(names []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		for _, w := range words(n) {
			if stopWords[w] {
				continue
			}
			m[w] = true
			m[stem(w)] = true
		}
	}
	return m
}

// signature is a claim's TF-IDF vector of unit length over the content
// words of the claims one request read, its terms numbered in their sorted
// order (see vocabulary) and listed in that order: two claims are compared
// by merging two short lists, and sums run in term order, so that weights,
// and the choices made on them, do not depend on the order maps are walked
// in.
type signature []weightedTerm

type weightedTerm struct {
	term int32
	w    float64
}

// vocabulary numbers the content words of a set of claims in their sorted
// order and knows their inverse document frequency over the set.
type vocabulary struct {
	terms []string // by number
	num   map[string]int32
	idf   []float64 // by number
}

// newVocabulary makes the vocabulary of claims with the content-word
// counts counts.
func newVocabulary(counts []map[string]int) *vocabulary {
	df := map[string]int{}
	for _, c := range counts {
		for t := range c {
			df[t]++
		}
	}
	v := &vocabulary{terms: slices.Sorted(maps.Keys(df)), num: make(map[string]int32, len(df))}
	v.idf = make([]float64, len(v.terms))
	for i, t := range v.terms {
		v.num[t] = int32(i)
		v.idf[i] = math.Log(1 + float64(len(counts))/float64(1+df[t]))
	}
	return v
}

// signatureOf weighs counts, words of the vocabulary, and normalises them.
func (v *vocabulary) signatureOf(counts map[string]int) signature {
	s := make(signature, 0, len(counts))
	for t, c := range counts {
		n := v.num[t]
		s = append(s, weightedTerm{n, (1 + math.Log(float64(c))) * v.idf[n]})
	}
	slices.SortFunc(s, func(a, b weightedTerm) int { return cmp.Compare(a.term, b.term) })
	return s.normalised()
}

// normalised divides s by its length, in place.
func (s signature) normalised() signature {
	var sum float64
	for _, x := range s {
		sum += x.w * x.w
	}
	if sum == 0 {
		return s
	}
	norm := math.Sqrt(sum)
	for i := range s {
		s[i].w /= norm
	}
	return s
}

// similarity returns the cosine of two unit vectors and the number of
// terms they share.
func similarity(a, b signature) (float64, int) {
	var s float64
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			s += a[i].w * b[j].w
			n++
			i, j = i+1, j+1
		}
	}
	return s, n
}

// cosine is the cosine similarity of two unit vectors.
func cosine(a, b signature) float64 {
	s, _ := similarity(a, b)
	return s
}

// topTerms returns the n terms of v with the highest weights, ties by
// term.
func topTerms(v map[string]float64, n int) []string {
	ts := make([]string, 0, len(v))
	for t := range v {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if v[ts[i]] != v[ts[j]] {
			return v[ts[i]] > v[ts[j]]
		}
		return ts[i] < ts[j]
	})
	if len(ts) > n {
		ts = ts[:n]
	}
	return ts
}
