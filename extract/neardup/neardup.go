// Package neardup fingerprints document bodies so that exact copies and
// light rewrites of the same story (syndicated wire copy) can be grouped:
// BodyHash for exact duplicates after normalisation, SimHash over word
// shingles for near-duplicates, compared by Hamming distance.
package neardup

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// Shingle is the number of words per shingle.
const Shingle = 3

// Threshold is the largest Hamming distance between two SimHashes that
// counts as the same story. Unrelated texts sit near 32 bits apart (each
// bit is a coin toss); a copy with a few words changed per paragraph moves
// about one bit per changed shingle in a hundred. 12 keeps unrelated
// stories more than five standard deviations away.
const Threshold = 12

// Words returns the lower-cased words of text, letters and digits only.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// BodyHash returns a hex SHA-256 of the normalised words of text: equal for
// bodies that differ only in case, punctuation and white space.
func BodyHash(text string) string {
	h := sha256.New()
	for _, w := range Words(text) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// SimHash returns the 64-bit simhash of the word shingles of text: similar
// texts have hashes a small Hamming distance apart. Text of fewer words than
// a shingle hashes its words alone; empty text hashes to 0.
func SimHash(text string) uint64 {
	words := Words(text)
	if len(words) == 0 {
		return 0
	}
	var v [64]int
	n := max(1, len(words)-Shingle+1)
	h := fnv.New64a()
	for i := 0; i < n; i++ {
		h.Reset()
		for j := i; j < min(i+Shingle, len(words)); j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for b := 0; b < 64; b++ {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// Distance returns the Hamming distance between two simhashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Near reports whether two simhashes are within Threshold.
func Near(a, b uint64) bool { return Distance(a, b) <= Threshold }
