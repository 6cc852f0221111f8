package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search"
)

// What claim searches sort and count by is held in one field, claim_keys,
// whose doc values every date sort and facet of claims reads: Bleve
// spends some 5 bytes on each item's entry in each field's doc values,
// and nine items in ten are claims. Its terms are
//   - the date sort key: the document's date in 11 digits of base 64
//     (claimDateKey), a space and 8 more that tell documents of the same
//     date apart (claimDocTag) — 20 bytes where sortKey and a document ID
//     take 49; for an undated document "~" and the document's ID;
//   - the claim's place in its document (keyPlace, see claimPlace);
//   - its publisher, source type, affiliation as written and, unless it
//     is current, its status, each after its prefix (keyPublisher, …).
//
// The prefixes start with "{", and undated keys with "~": both sort after
// every digit of sortableDigits, so no date range reaches them.
const (
	keyPlace       = "{o"
	keyPublisher   = "{p"
	keySourceType  = "{t"
	keyAffiliation = "{a"
	keyStatus      = "{s"
	undatedKey     = "~"
)

// claimKeys returns the claim_keys of claim st of document docID, of
// publisher, dated t (zero, or beyond what Bleve indexes, for undated).
func claimKeys(docID string, st *claimState, publisher string, t time.Time) []string {
	date := undatedKey + docID
	if indexableTime(t) {
		date = claimDateKey(t) + " " + claimDocTag(docID)
	}
	keys := []string{date, keyPlace + claimPlace(docID, st)}
	add := func(prefix, v string) {
		if v = strings.TrimSpace(v); v != "" {
			keys = append(keys, prefix+v)
		}
	}
	add(keyPublisher, publisher)
	add(keySourceType, strings.ToLower(string(st.claim.Source.Type)))
	add(keyAffiliation, st.claim.Source.Affiliation)
	// Most claims are current: a claim without a status key is (see
	// claimStatusFilter).
	if s := st.status(); s != ClaimCurrent {
		add(keyStatus, s)
	}
	return keys
}

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

// datePartLen is the length of the date sort key of a dated claim.
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

// claimDateSort sorts claim items by their date keys and places (see
// claimKeys): oldest first, or with desc newest first, a document's
// claims in article order (removed ones last) either way, then undated
// claims by document. Field sorts of Bleve's would read two values, and
// reverse the places with the dates; this one gives Bleve one value, the
// date key (its date part inverted for desc) and the place, and sorts
// ascending. It is not safe for concurrent use: Bleve copies it for each
// search.
type claimDateSort struct {
	desc             bool
	date, place, buf []byte
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

// UpdateVisitor implements search.SearchSort: it keeps the date key and
// place of the document being visited.
func (s *claimDateSort) UpdateVisitor(field string, term []byte) {
	switch {
	case field != fieldClaimKeys || len(term) == 0:
	case term[0] != keyPlace[0]:
		s.date = append(s.date[:0], term...)
	case bytes.HasPrefix(term, []byte(keyPlace)):
		s.place = append(s.place[:0], term[len(keyPlace):]...)
	}
}

// Value implements search.SearchSort: the date key of the document just
// visited, its date part inverted for desc, and its place; a claim
// without a date key sorts last.
func (s *claimDateSort) Value(*search.DocumentMatch) string {
	date, place := s.date, s.place
	s.date, s.place = s.date[:0], s.place[:0]
	if len(date) == 0 {
		return search.HighTerm
	}
	v := s.buf[:0]
	switch {
	case date[0] == undatedKey[0]:
		v = append(append(v, date...), ' ') // a space ends the document ID, as no ID holds one
	case s.desc && len(date) == datePartLen:
		for _, c := range date {
			v = append(v, invertedDigit[c])
		}
	default:
		v = append(v, date...)
	}
	s.buf = append(v, place...)
	return string(s.buf)
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
