package neardup

import "math"

// MinHashes is the number of hash functions of a MinHash signature. The
// standard error of a Jaccard estimate from k of them is sqrt(J(1-J)/k):
// about 0.03 near the clustering threshold with 128.
const MinHashes = 128

// JaccardThreshold is the smallest estimated Jaccard similarity of two
// bodies' word 3-shingles that makes them the same story on its own.
// Measured on extract/cluster/testdata (80 bodies: 15 stories in wire
// copies, trimmed copies, light rewrites and updates; same-topic different
// stories; follow-ups that reuse a paragraph of the first story verbatim):
// every copy had a copy of its own story at 0.35 or more, while no pair of
// different stories reached 0.19 (a follow-up against a trimmed copy).
const JaccardThreshold = 0.25

// MinHash returns the MinHash signature of the word shingles of text:
// MinHashes values, each the least of one hash function over the
// shingles. Two signatures agree at a position with probability equal to
// the Jaccard similarity of the shingle sets. Text with fewer words than a
// shingle has no signature (nil).
func MinHash(text string) []uint32 {
	ws := wordHashes(text)
	if len(ws) < Shingle {
		return nil
	}
	shingles := shinglesOf(ws)
	var sig [MinHashes]uint64
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	for _, x := range shingles {
		// Hash function k is mix(x + k*seedStep); the seeds are stepped
		// by addition rather than multiplied out each time.
		seed := x
		for k := range sig {
			if v := mix(seed); v < sig[k] {
				sig[k] = v
			}
			seed += seedStep
		}
	}
	out := make([]uint32, MinHashes)
	for k, v := range sig {
		out[k] = uint32(v >> 32)
	}
	return out
}

// seedStep separates the seeds of the MinHash functions (the golden ratio
// in 64 bits).
const seedStep = 0x9e3779b97f4a7c15

// mix is the splitmix64 finaliser: a cheap hash family member per seed.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Jaccard estimates the Jaccard similarity of the shingle sets behind two
// signatures: the share of positions where they agree. Signatures of
// different lengths or empty ones estimate 0.
func Jaccard(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}
