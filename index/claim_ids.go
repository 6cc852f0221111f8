package index

import (
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
)

// Bleve stores the ID of every item, uncompressed, and indexes it as a
// term of _id; claim items are nine in ten of the index's items. A claim's
// ID, as the API shows it, is its document's ID, "#c", 8 hex digits of a
// fingerprint and, for a second copy of a claim in one document, "-2"
// and so on (see claimIDFor): 42 bytes for an article, whose ID is 32 hex
// digits. Its item key, the ID Bleve holds, writes those hex digits in
// digits of sortableDigits (6 bits each instead of 4): the document's 22,
// ".", the fingerprint's 6 and the rest, 29 bytes. Claims of other
// documents (filings, notices) keep their ID as their key. Document IDs
// hold no ".", so a key with one is a claim's and nothing else's.
//
// itemKey and claimIDOf translate between the two, and are the only code
// that does: what goes into Bleve is an item key, what comes out a claim
// ID.

const (
	docKeyLen   = 22  // digits of a 32-hex-digit document ID
	fpKeyLen    = 6   // digits of an 8-hex-digit fingerprint
	claimKeySep = "." // between the two; in no document ID
)

// itemKey returns the Bleve ID of the item id: the short key of an
// article's claim, else id itself.
func itemKey(id string) string {
	i := strings.Index(id, claimIDSep)
	if i != 32 || len(id) < i+len(claimIDSep)+claimHashLen {
		return id
	}
	doc, fp := id[:i], id[i+len(claimIDSep):i+len(claimIDSep)+claimHashLen]
	rest := id[i+len(claimIDSep)+claimHashLen:]
	if !isLowerHex(doc) || !isLowerHex(fp) || !validCopySuffix(rest) {
		return id
	}
	b, _ := hex.DecodeString(doc)
	v, _ := strconv.ParseUint(fp, 16, 32)
	return docKey(b) + claimKeySep + inSortableDigits(v, fpKeyLen) + rest
}

// claimIDOf returns the ID of the item whose Bleve ID is key: the claim ID
// of a short key, else key itself.
func claimIDOf(key string) string {
	const fpAt = docKeyLen + len(claimKeySep)
	if len(key) < fpAt+fpKeyLen || key[docKeyLen:fpAt] != claimKeySep {
		return key
	}
	hi, lo, ok := fromDocKey(key[:docKeyLen])
	fp, ok2 := fromSortableDigits(key[fpAt : fpAt+fpKeyLen])
	if !ok || !ok2 || fp >= 1<<32 {
		return key
	}
	rest := key[fpAt+fpKeyLen:]
	b := make([]byte, 0, 32+len(claimIDSep)+claimHashLen+len(rest))
	b = appendHex(appendHex(b, hi, 16), lo, 16)
	b = appendHex(append(b, claimIDSep...), fp, claimHashLen)
	return string(append(b, rest...))
}

// appendHex appends the n lowest hex digits of v to b.
func appendHex(b []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, "0123456789abcdef"[v>>(4*i)&15])
	}
	return b
}

// claimKeyPrefix is what the keys of the claim items of document docID,
// and no other item's, start with.
func claimKeyPrefix(docID string) string {
	if len(docID) == 32 && isLowerHex(docID) {
		b, _ := hex.DecodeString(docID)
		return docKey(b) + claimKeySep
	}
	return docID + claimIDSep
}

// docKey writes the 16 bytes of a document ID in docKeyLen digits.
func docKey(b []byte) string {
	var hi, lo uint64
	for i := range 8 {
		hi, lo = hi<<8|uint64(b[i]), lo<<8|uint64(b[8+i])
	}
	out := make([]byte, docKeyLen)
	for i := docKeyLen - 1; i >= 0; i-- {
		out[i] = sortableDigits[lo&63]
		lo = lo>>6 | hi<<58
		hi >>= 6
	}
	return string(out)
}

// fromDocKey reverses docKey, giving the document ID's 16 bytes as two
// numbers; false when k is not one.
func fromDocKey(k string) (hi, lo uint64, ok bool) {
	for i := range len(k) {
		d := strings.IndexByte(sortableDigits, k[i])
		if d < 0 || i == 0 && d > 3 { // the first digit holds the top 2 bits
			return 0, 0, false
		}
		hi, lo = hi<<6|lo>>58, lo<<6|uint64(d)
	}
	return hi, lo, true
}

// fromSortableDigits reverses inSortableDigits; false for a string with
// another character.
func fromSortableDigits(s string) (uint64, bool) {
	var v uint64
	for i := range len(s) {
		d := strings.IndexByte(sortableDigits, s[i])
		if d < 0 {
			return 0, false
		}
		v = v<<6 | uint64(d)
	}
	return v, true
}

func isLowerHex(s string) bool {
	for i := range len(s) {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// validCopySuffix reports whether s is what claimIDFor may put after a
// fingerprint: nothing, or "-" and a number.
func validCopySuffix(s string) bool {
	if s == "" {
		return true
	}
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// claimIDSort sorts claim items by claim ID (what "_id" sorted by when
// item keys were claim IDs): it breaks ties of relevance. Short keys do
// not sort as the IDs they stand for against keys that are IDs.
type claimIDSort struct{ desc bool }

// UpdateVisitor implements search.SearchSort: the ID is not a field.
func (s *claimIDSort) UpdateVisitor(string, []byte) {}

// Value implements search.SearchSort: the claim ID of the item.
func (s *claimIDSort) Value(d *search.DocumentMatch) string { return claimIDOf(d.ID) }

// DecodeValue implements search.SearchSort.
func (s *claimIDSort) DecodeValue(v string) string { return v }

// Descending implements search.SearchSort.
func (s *claimIDSort) Descending() bool { return s.desc }

// RequiresDocID implements search.SearchSort.
func (s *claimIDSort) RequiresDocID() bool { return true }

// RequiresScoring implements search.SearchSort.
func (s *claimIDSort) RequiresScoring() bool { return false }

// RequiresFields implements search.SearchSort.
func (s *claimIDSort) RequiresFields() []string { return nil }

// Reverse implements search.SearchSort.
func (s *claimIDSort) Reverse() { s.desc = !s.desc }

// Copy implements search.SearchSort.
func (s *claimIDSort) Copy() search.SearchSort { return &claimIDSort{desc: s.desc} }
