package index

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search"
)

// A claim's sort key, claim_published_key, is held by every claim in its
// doc values and read by every date sort of claims, so it is short: the
// date in 11 digits of base 64 (claimDateKey), a space, 8 more that tell
// documents of the same date apart (claimDocTag) — 20 bytes where sortKey
// and a document ID take 49 — and the claim's place in its document
// (claimPlace). A claim of an undated document has "~", the document ID,
// a space and its place instead: "~" sorts after every date, and no date
// range reaches it. One key sorts a claim by date and by place; the
// newest first sort inverts only its date part (see claimDateSort).

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

// claimSortKey is the claim_published_key of claim st of document docID,
// dated t (zero, or beyond what Bleve indexes, for undated).
func claimSortKey(docID string, st *claimState, t time.Time) string {
	if !indexableTime(t) {
		return undatedKey + docID + " " + claimPlace(docID, st)
	}
	return claimDateKey(t) + " " + claimDocTag(docID) + claimPlace(docID, st)
}

// undatedKey starts the sort keys of undated claims: it sorts after every
// digit of sortableDigits.
const undatedKey = "~"

// datePartLen is the length of the date and document part of a dated
// claim's sort key.
const datePartLen = 11 + 1 + 8

// claimPlace sorts claim st of document docID among the document's claims:
// its position in digits of sortableDigits after their count (so that
// more digits sort later), or for a removed claim "~" and the end of its
// ID, after every position. Places are unique within a document, so a
// sort on the key needs no other tie-break.
func claimPlace(docID string, st *claimState) string {
	if st.position <= 0 {
		return "~" + strings.TrimPrefix(st.id, docID+claimIDSep)
	}
	n := 1
	for p := uint64(st.position) >> 6; p > 0; p >>= 6 {
		n++
	}
	return sortableDigits[n:n+1] + inSortableDigits(uint64(st.position), n)
}

// claimDateSort sorts claim items by claim_published_key: oldest first,
// or with desc newest first, a document's claims in article order
// (removed ones last) either way, then undated claims by document. A
// field sort of Bleve's would reverse the places with the dates; this one
// gives Bleve a value whose date part it has inverted for desc, and sorts
// ascending. It is not safe for concurrent use: Bleve copies it for each
// search.
type claimDateSort struct {
	desc bool
	key  []byte
	seen bool
}

// invertedDigit maps each digit of sortableDigits to the one as far from
// the other end, and the space between date and document to itself.
var invertedDigit = func() (inv [256]byte) {
	for i := range len(sortableDigits) {
		inv[sortableDigits[i]] = sortableDigits[len(sortableDigits)-1-i]
	}
	inv[' '] = ' '
	return inv
}()

// UpdateVisitor implements search.SearchSort: it keeps the key of the
// document being visited.
func (s *claimDateSort) UpdateVisitor(field string, term []byte) {
	if field == fieldClaimPublishedKey && !s.seen {
		s.key, s.seen = append(s.key[:0], term...), true
	}
}

// Value implements search.SearchSort: the key of the document just
// visited, its date part inverted for desc; a claim without one sorts
// last.
func (s *claimDateSort) Value(*search.DocumentMatch) string {
	if !s.seen {
		return search.HighTerm
	}
	s.seen = false
	k := s.key
	if !s.desc || len(k) < datePartLen || k[0] == undatedKey[0] {
		return string(k)
	}
	v := make([]byte, len(k))
	for i, c := range k[:datePartLen] {
		v[i] = invertedDigit[c]
	}
	copy(v[datePartLen:], k[datePartLen:])
	return string(v)
}

// DecodeValue implements search.SearchSort.
func (s *claimDateSort) DecodeValue(v string) string { return v }

// Descending implements search.SearchSort: the values sort ascending.
func (s *claimDateSort) Descending() bool { return false }

// RequiresDocID implements search.SearchSort.
func (s *claimDateSort) RequiresDocID() bool { return false }

// RequiresScoring implements search.SearchSort.
func (s *claimDateSort) RequiresScoring() bool { return false }

// RequiresFields implements search.SearchSort.
func (s *claimDateSort) RequiresFields() []string { return []string{fieldClaimPublishedKey} }

// Reverse implements search.SearchSort.
func (s *claimDateSort) Reverse() { s.desc = !s.desc }

// Copy implements search.SearchSort.
func (s *claimDateSort) Copy() search.SearchSort { return &claimDateSort{desc: s.desc} }
