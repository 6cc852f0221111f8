package sentence

import "strings"

// titles are abbreviations that are always followed by more of the same
// sentence: "Mr. Smith", "Gen. Milley", "No. 3".
var titles = set("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen",
	"lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "st", "mt", "ft", "rev", "hon",
	"pres", "supt", "insp", "det", "messrs", "mme", "vs", "v", "cf", "approx", "fig",
	"figs", "e.g", "i.e", "no", "nos", "vol", "art", "sec", "ch", "para", "pp", "op",
	"est", "dept", "univ", "assn", "atty", "gov't", "govt")

// enders are abbreviations that can also end a sentence ("… of Alibaba
// Group Holding Ltd. The company …"); the next word decides.
var enders = set("inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "etc",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "n.y", "l.a", "s.a", "n.v", "a.g",
	"ag", "cos", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

// starters are words that commonly open a sentence; after an ender
// abbreviation they signal that the abbreviation ended the sentence.
var starters = set("the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you",
	"his", "her", "their", "our", "this", "that", "these", "those", "there", "in",
	"on", "at", "but", "and", "however", "meanwhile", "still", "yet", "so", "as",
	"after", "before", "when", "while", "if", "although", "though", "since", "shares",
	"according", "analysts", "officials", "sources", "one", "two", "three", "some",
	"many", "for", "other", "others", "last", "earlier", "later", "separately")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// periodEnds decides whether the single '.' at i, followed by a word at
// next that starts like a sentence, ends the sentence begun at start.
func periodEnds(text string, start, i, next int) bool {
	word := wordBefore(text, start, i)
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	if lw == "no" || lw == "nos" {
		// "No." is an abbreviation only before a number: "No. 3".
		return next >= len(text) || text[next] < '0' || text[next] > '9'
	}
	if titles[lw] {
		return false
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false // an initial: "John F. Kennedy"
	}
	if enders[lw] || isDotted(word) {
		return starters[strings.ToLower(wordAt(text, next))]
	}
	return true
}

// wordBefore returns the word that ends at i (a period follows it), without
// leading quotes or brackets; inner periods are kept ("U.S").
func wordBefore(text string, start, i int) string {
	j := i
	for j > start && !isSpaceByte(text[j-1]) && text[j-1] != '(' && text[j-1] != '"' &&
		text[j-1] != '\'' && text[j-1] != '[' && text[j-1] != 0x9c { // “ ends in 0x9c
		j--
	}
	return text[j:i]
}

// wordAt returns the run of ASCII letters at i.
func wordAt(text string, i int) string {
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	return text[i:j]
}

// isDotted reports whether word is a dotted abbreviation such as "U.S" or
// "a.m" (letters alternating with periods).
func isDotted(word string) bool {
	if len(word) < 3 {
		return false
	}
	for k := 0; k < len(word); k++ {
		c := word[k]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if k%2 == 0 && !letter || k%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}
