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

// vector is a sparse TF-IDF vector of unit length.
type vector map[string]float64

// idf is the inverse document frequency of terms over a set of claims.
type idf struct {
	n  int
	df map[string]int
}

func (f idf) weight(t string) float64 {
	return math.Log(1 + float64(f.n)/float64(1+f.df[t]))
}

// vectorOf weighs counts by f and normalises the result. Sums run in
// term order, here and below, so that a claim's weights, and the choices
// made on them, do not depend on the order maps are walked in.
func (f idf) vectorOf(counts map[string]int) vector {
	v := make(vector, len(counts))
	var sum float64
	for _, t := range slices.Sorted(maps.Keys(counts)) {
		w := (1 + math.Log(float64(counts[t]))) * f.weight(t)
		v[t] = w
		sum += w * w
	}
	if sum == 0 {
		return v
	}
	norm := math.Sqrt(sum)
	for t := range v {
		v[t] /= norm
	}
	return v
}

// signature is a vector whose terms are numbered (within one request),
// in the order of their numbers: two claims are compared by merging two
// short lists rather than by looking terms up in a map.
type signature []weightedTerm

type weightedTerm struct {
	term int32
	w    float64
}

// signatureOf numbers the terms of v with num (see numberTerms), adding
// those it lacks.
func signatureOf(v vector, num map[string]int32) signature {
	s := make(signature, 0, len(v))
	for t, w := range v {
		n, ok := num[t]
		if !ok {
			n = int32(len(num))
			num[t] = n
		}
		s = append(s, weightedTerm{n, w})
	}
	slices.SortFunc(s, func(a, b weightedTerm) int { return cmp.Compare(a.term, b.term) })
	return s
}

// numberTerms numbers terms in their sorted order, so that signatures
// list their terms, and similarity sums them, in that order.
func numberTerms(terms map[string]int) map[string]int32 {
	num := make(map[string]int32, len(terms))
	for i, t := range slices.Sorted(maps.Keys(terms)) {
		num[t] = int32(i)
	}
	return num
}

// cosine is the cosine similarity of two unit vectors.
func cosine(a, b vector) float64 {
	var s float64
	for _, t := range slices.Sorted(maps.Keys(a)) {
		s += a[t] * b[t]
	}
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
