// Package lang guesses the language of a text cheaply: by writing system
// for the scripts that belong to few languages (CJK, Cyrillic, Arabic,
// Greek, Hebrew, Thai, Devanagari, Hangul) and by counting common function
// words for the languages written in Latin letters.
//
// It is meant for news text of a paragraph or more; on a few words it
// prefers to say nothing ("") rather than guess.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanLimit caps how much of a text Detect reads: the first 32 KiB tell
// the language as well as the whole.
const scanLimit = 32 << 10

// minLatinHits is the number of function-word hits below which a Latin
// text is too short to call.
const minLatinHits = 3

// Detect returns the ISO 639-1 code of the language text is written in,
// or "" when the text is too short or too mixed to tell. It is safe for
// concurrent use.
func Detect(text string) string {
	if len(text) > scanLimit {
		text = text[:scanLimit]
	}
	if code := detectScript(text); code != "" {
		return code
	}
	return detectLatin(text)
}

// scriptCounts tallies letters by writing system.
type scriptCounts struct {
	latin, han, kana, hangul, cyrillic, ukrainian, arabic, persian,
	greek, hebrew, thai, devanagari int
}

func countScripts(text string) scriptCounts {
	var c scriptCounts
	for _, r := range text {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				c.latin++
			}
		case unicode.Is(unicode.Latin, r):
			c.latin++
		case unicode.Is(unicode.Han, r):
			c.han++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				c.ukrainian++
			}
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
			if strings.ContainsRune("پچژگک", r) {
				c.persian++
			}
		case unicode.Is(unicode.Greek, r):
			c.greek++
		case unicode.Is(unicode.Hebrew, r):
			c.hebrew++
		case unicode.Is(unicode.Thai, r):
			c.thai++
		case unicode.Is(unicode.Devanagari, r):
			c.devanagari++
		}
	}
	return c
}

// detectScript names the language when a non-Latin script dominates.
func detectScript(text string) string {
	c := countScripts(text)
	cjk := c.han + c.kana + c.hangul
	other := cjk + c.cyrillic + c.arabic + c.greek + c.hebrew + c.thai + c.devanagari
	// CJK characters carry a word each, Latin letters a fraction of one.
	if other == 0 || cjk*4+other-cjk < c.latin {
		return ""
	}
	switch {
	case cjk > 0 && cjk >= other/2:
		switch {
		case c.kana*10 >= cjk:
			return "ja"
		case c.hangul >= c.han:
			return "ko"
		}
		return "zh"
	case c.cyrillic >= other/2:
		if c.ukrainian*50 >= c.cyrillic {
			return "uk"
		}
		return "ru"
	case c.arabic >= other/2:
		if c.persian*40 >= c.arabic {
			return "fa"
		}
		return "ar"
	}
	return largestOf(map[string]int{"el": c.greek, "he": c.hebrew, "th": c.thai, "hi": c.devanagari})
}

func largestOf(m map[string]int) string {
	best, n := "", 0
	for code, v := range m {
		if v > n || v == n && v > 0 && code < best {
			best, n = code, v
		}
	}
	return best
}

// detectLatin scores the text's words against each stop-word profile and
// returns the best language when it leads clearly.
func detectLatin(text string) string {
	scores := make(map[string]int, len(profiles))
	for w := range words(text) {
		for _, code := range stopIndex[w] {
			scores[code]++
		}
	}
	best, bestN, second := "", 0, 0
	for code, n := range scores {
		switch {
		case n > bestN:
			second = bestN
			best, bestN = code, n
		case n == bestN:
			second = n // a tie: no clear lead
		case n > second:
			second = n
		}
	}
	if bestN < minLatinHits || bestN*4 < second*5 {
		return ""
	}
	return best
}

// words yields the lower-cased letter runs of text (apostrophes kept, so
// that "l'" and "don't" stay whole).
func words(text string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range text {
			letter := unicode.IsLetter(r) || (r == '\'' || r == '’') && start >= 0
			if letter && start < 0 {
				start = i
			}
			if !letter && start >= 0 {
				if !yield(strings.ToLower(text[start:i])) {
					return
				}
				start = -1
			}
		}
		if start >= 0 && utf8.ValidString(text[start:]) {
			yield(strings.ToLower(text[start:]))
		}
	}
}
