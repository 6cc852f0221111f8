package index

import (
	"crypto/sha256"
	"encoding/binary"
	"time"
)

// A claim's date sort key, claim_published_key, is held by every claim in
// its doc values and read by every date sort of claims, so it is short:
// the date in 11 digits of base 64 (claimDateKey), a space, and 8 more
// that tell documents of the same date apart (claimDocTag) — 20 bytes
// where sortKey and a document ID take 49.

// sortableDigits are 64 ASCII characters in ascending order: a number
// written with them, most significant digit first and zero-padded, sorts
// as the number does.
const sortableDigits = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"

// inSortableDigits writes v in n digits of sortableDigits (6 bits each).
func inSortableDigits(v uint64, n int) string {
	b := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		b[i] = sortableDigits[v&63]
		v >>= 6
	}
	return string(b)
}

// claimDateKey is a term that sorts as t does, to the nanosecond: what
// sortKey holds, in 11 digits of sortableDigits.
func claimDateKey(t time.Time) string {
	return inSortableDigits(uint64(t.UnixNano())^(1<<63), 11)
}

// claimDocTag is 48 bits of the SHA-256 of document ID docID in 8 digits
// of sortableDigits: two documents of the same date, to the nanosecond,
// share one with a chance of one in 2^48.
func claimDocTag(docID string) string {
	sum := sha256.Sum256([]byte(docID))
	return inSortableDigits(binary.BigEndian.Uint64(sum[:8])>>16, 8)
}

// claimPublishedKey is the claim_published_key of the claims of document
// docID, dated t.
func claimPublishedKey(docID string, t time.Time) string {
	return claimDateKey(t) + " " + claimDocTag(docID)
}
