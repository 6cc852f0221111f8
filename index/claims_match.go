package index

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsintel/newsintel"
)

// Claims are followed from one revision of a document to the next by what
// they say and on whose word, not by their position: an article that loses
// its second paragraph keeps the IDs of every other claim. Two claims of
// consecutive revisions are the same claim when
//   - their text and attribution are equal after normalising case,
//     typographic quotes, dashes and white space (unchanged), or else
//   - their source type is the same and their texts share most of their
//     words (edited): a Dice coefficient of at least minEditSimilarity
//     with the same attribution, minEditSimilarityOtherSource when the
//     attribution changed too.
const (
	minEditSimilarity            = 0.6
	minEditSimilarityOtherSource = 0.8
	// claimHashLen is how many hex digits of the fingerprint a claim ID
	// keeps. IDs are handed out in replay order, so a collision only
	// costs a "-2" suffix (see claimIDFor); 32 bits keep IDs short.
	claimHashLen = 8
)

// typography maps the typographic variants an edit may swap without
// changing what a claim says.
var typography = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`,
	"\u2013", "-", "\u2014", "-", "\u00a0", " ", "\u2026", "...")

// normText is s in lower case with typographic quotes and dashes made
// plain, white space collapsed and trailing punctuation cut.
func normText(s string) string {
	s = strings.Join(strings.Fields(typography.Replace(strings.ToLower(s))), " ")
	return strings.TrimRight(s, ".,;:!? ")
}

// attribution is the normalised "on whose word" of a source: its type,
// count, name, description, affiliation and relaying outlet.
func attribution(s newsintel.Source) string {
	count := ""
	if s.Count != nil {
		count = strconv.Itoa(*s.Count)
	}
	return strings.Join([]string{string(s.Type), count, normText(s.Name), normText(s.Description),
		normText(s.Affiliation), normText(s.Via)}, "|")
}

// claimKey identifies a claim within a revision: text and attribution.
func claimKey(c *loggedClaim) string { return normText(c.Text) + "\x00" + attribution(c.Source) }

// claimIDFor returns the index ID of a claim first seen with key in
// document docID: the document ID, "#c" and the start of the key's
// SHA-256, with "-2", "-3", … when taken holds it already (the same claim
// twice in one article).
func claimIDFor(docID, key string, taken map[string]bool) string {
	sum := sha256.Sum256([]byte(key))
	base := docID + claimIDSep + hex.EncodeToString(sum[:])[:claimHashLen]
	id := base
	for n := 2; taken[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	taken[id] = true
	return id
}

// words returns the distinct lower-case words of s.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(typography.Replace(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		out[strings.Trim(w, "'")] = true
	}
	delete(out, "")
	return out
}

// dice is the Dice coefficient of two word sets: 1 when equal, 0 when
// disjoint.
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// editPair is a candidate edit: claim old of the previous revision became
// claim new of this one.
type editPair struct {
	old, new int
	score    float64
}

// matchEdits pairs the unmatched claims of two revisions that are edits of
// each other, best pairs first; ties go to the earlier claims, so the
// result does not depend on map order. It returns the old index paired
// with each new one (-1 when none).
func matchEdits(olds, news []*loggedClaim, oldFree, newFree []bool) []int {
	var pairs []editPair
	for j, o := range olds {
		if !oldFree[j] {
			continue
		}
		ow := words(o.Text)
		for i, n := range news {
			if !newFree[i] || n.Source.Type != o.Source.Type {
				continue
			}
			need := minEditSimilarity
			if attribution(n.Source) != attribution(o.Source) {
				need = minEditSimilarityOtherSource
			}
			if s := dice(ow, words(n.Text)); s >= need {
				pairs = append(pairs, editPair{old: j, new: i, score: s})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b editPair) int { return cmp.Compare(b.score, a.score) })
	out := make([]int, len(news))
	for i := range out {
		out[i] = -1
	}
	for _, p := range pairs {
		if oldFree[p.old] && newFree[p.new] {
			oldFree[p.old], newFree[p.new] = false, false
			out[p.new] = p.old
		}
	}
	return out
}
