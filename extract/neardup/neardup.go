// Package neardup fingerprints document bodies so that exact copies and
// light rewrites of the same story (syndicated wire copy) can be grouped:
// BodyHash for exact duplicates after normalisation, SimHash over word
// shingles for near-duplicates, compared by Hamming distance.
package neardup

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
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
	var out []string
	eachWord(text, func(w []byte) { out = append(out, string(w)) })
	return out
}

// WordCount returns the number of words Words would return, without
// allocating them.
func WordCount(text string) int {
	n := 0
	eachWord(text, func([]byte) { n++ })
	return n
}

// eachWord calls fn with each lower-cased word of text (a run of letters
// and digits) in a buffer reused between calls: fingerprinting a body
// allocates no strings.
func eachWord(text string, fn func(w []byte)) {
	var stack [64]byte
	buf := stack[:0]
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			buf = append(buf, byte(r))
		case r >= 'A' && r <= 'Z':
			buf = append(buf, byte(r)+'a'-'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		default:
			if len(buf) > 0 {
				fn(buf)
				buf = buf[:0]
			}
		}
	}
	if len(buf) > 0 {
		fn(buf)
	}
}

// wordHashes returns the 64-bit FNV-1a hash of each word of text.
func wordHashes(text string) []uint64 {
	// About one word per space in prose, more where punctuation splits
	// words ("U.S." is two); len/6 fell short often enough to double the
	// slice on most bodies.
	seps := strings.Count(text, " ") + strings.Count(text, "\n")
	hs := make([]uint64, 0, seps+seps/8+8)
	eachWord(text, func(w []byte) {
		h := uint64(14695981039346656037)
		for _, c := range w {
			h ^= uint64(c)
			h *= 1099511628211
		}
		hs = append(hs, h)
	})
	return hs
}

// shingleHashes returns a hash of each run of Shingle words of text; text
// of fewer words hashes them as one shingle, and empty text has none.
func shingleHashes(text string) []uint64 {
	return shinglesOf(wordHashes(text))
}

// shinglesOf turns word hashes into shingle hashes, in place.
func shinglesOf(ws []uint64) []uint64 {
	if len(ws) == 0 {
		return nil
	}
	n := max(1, len(ws)-Shingle+1)
	out := ws[:0] // shingle i only reads words i and after: overwrite in place
	for i := 0; i < n; i++ {
		h := uint64(0)
		for j := i; j < min(i+Shingle, len(ws)); j++ {
			h = mix(h ^ ws[j])
		}
		out = append(out, h)
	}
	return out
}

// BodyHash returns a hex SHA-256 of the normalised words of text: equal for
// bodies that differ only in case, punctuation and white space.
func BodyHash(text string) string {
	return bodyHash(text)
}

// TitledBodyHash is BodyHash(title + "\n" + body) without building that
// string (a copy of the whole body).
func TitledBodyHash(title, body string) string {
	return bodyHash(title, body)
}

// bodyHash hashes the words of texts in order, each followed by a space,
// feeding SHA-256 a buffer at a time rather than a call per word.
func bodyHash(texts ...string) string {
	h := sha256.New()
	var buf [1024]byte
	b := buf[:0]
	for _, text := range texts {
		eachWord(text, func(w []byte) {
			if len(b)+len(w)+1 > cap(b) {
				h.Write(b)
				b = buf[:0]
			}
			if len(w)+1 > cap(b) {
				h.Write(w) // a word longer than the buffer
				h.Write([]byte{' '})
				return
			}
			b = append(append(b, w...), ' ')
		})
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// SimHash returns the 64-bit simhash of the word shingles of text: similar
// texts have hashes a small Hamming distance apart. Text of fewer words than
// a shingle hashes its words alone; empty text hashes to 0.
func SimHash(text string) uint64 {
	shingles := shingleHashes(text)
	if len(shingles) == 0 {
		return 0
	}
	ones := bitCounts(shingles)
	var out uint64
	for b, n := range ones {
		// Bit b is set when more shingles have it set than not: the sum
		// of +1 for each set and -1 for each clear bit is positive.
		if 2*n > len(shingles) {
			out |= 1 << b
		}
	}
	return out
}

// spread maps a byte to a word with bit i of the byte in byte lane i, so
// that adding spread values counts eight bit positions at once.
var spread = func() (t [256]uint64) {
	for v := range t {
		for i := range 8 {
			if v>>i&1 == 1 {
				t[v] |= 1 << (8 * i)
			}
		}
	}
	return t
}()

// bitCounts returns, for each of the 64 bit positions, how many of xs
// have that bit set. It adds eight byte lanes per lookup, emptying the
// lanes before they can overflow: eight additions per value instead of 64.
func bitCounts(xs []uint64) [64]int {
	var ones [64]int
	var lanes [8]uint64
	flush := func() {
		for j, l := range lanes {
			for i := range 8 {
				ones[8*j+i] += int(l >> (8 * i) & 0xff)
			}
			lanes[j] = 0
		}
	}
	for k, x := range xs {
		for j := range lanes {
			lanes[j] += spread[byte(x>>(8*j))]
		}
		if k%255 == 254 {
			flush()
		}
	}
	flush()
	return ones
}

// Distance returns the Hamming distance between two simhashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Near reports whether two simhashes are within Threshold.
func Near(a, b uint64) bool { return Distance(a, b) <= Threshold }
