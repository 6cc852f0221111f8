package index

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/newsintel/newsintel"
)

// The claims section of packed holds the document's claims, the only
// copy of the claims of its newest revision (claim items store their
// history, not what they say), and the names of the entities they
// mention, so that claim hits need not decode the mentions: the names as
// JSON, then each claim as JSON, each preceded by its length as a
// uvarint. A page of claim hits decodes only the claims it shows (see
// decodeClaims). A claim's text that is the body at its offsets is left
// out, as restoreText puts it back.

var errStoredClaims = errors.New("stored claims are malformed")

// encodeClaims returns the claims section of d.
func encodeClaims(d *newsintel.Document) ([]byte, error) {
	names, err := json.Marshal(claimEntityNames(d))
	if err != nil {
		return nil, fmt.Errorf("encode claims of %s: %w", d.ID, err)
	}
	out := binary.AppendUvarint(nil, uint64(len(names)))
	out = append(out, names...)
	for _, c := range elideClaimText(d.Body, d.Claims) {
		b, err := json.Marshal(&c)
		if err != nil {
			return nil, fmt.Errorf("encode claims of %s: %w", d.ID, err)
		}
		out = binary.AppendUvarint(out, uint64(len(b)))
		out = append(out, b...)
	}
	return out, nil
}

// claimRecords splits a claims section into the names JSON and the JSON
// of each claim, without copying them.
func claimRecords(sec []byte) (names []byte, claims [][]byte, err error) {
	var recs [][]byte
	for len(sec) > 0 {
		rec, rest, err := section(sec)
		if err != nil {
			return nil, nil, errStoredClaims
		}
		recs, sec = append(recs, rec), rest
	}
	if len(recs) == 0 {
		return nil, nil, nil
	}
	return recs[0], recs[1:], nil
}

// decodeAllClaims decodes the claims of a claims section, their elided
// texts left empty; nil for none.
func decodeAllClaims(sec []byte) ([]newsintel.Claim, error) {
	_, recs, err := claimRecords(sec)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	out := make([]newsintel.Claim, len(recs))
	for i, rec := range recs {
		if err := json.Unmarshal(rec, &out[i]); err != nil {
			return nil, fmt.Errorf("%w: %w", errStoredClaims, err)
		}
	}
	return out, nil
}

// decodeClaims returns the claims stored in packed as the revision log
// holds them (see logClaims), without decoding the rest of the document:
// those at positions (from 1), the others left zero, or every one for
// nil positions. Claim hits read them a page of documents at a time, so
// the document is decompressed into a pooled buffer and only the claims'
// texts are copied out of it, the body decoded with lex once a claim
// needs it.
func decodeClaims(lex *lexicon, words, packed string, positions []int) ([]loggedClaim, error) {
	if packed == "" {
		return nil, errors.New("stored tags are missing")
	}
	buf := rawBufs.Get().(*[]byte)
	defer rawBufs.Put(buf)
	raw, err := zDecoder().DecodeAll([]byte(packed), (*buf)[:0])
	if err != nil {
		return nil, fmt.Errorf("decompress stored body: %w", err)
	}
	*buf = raw
	var sec []byte
	if len(raw) > 0 {
		if sec, _, err = section(raw); err != nil {
			return nil, err
		}
	}
	namesJSON, recs, err := claimRecords(sec)
	if err != nil {
		return nil, err
	}
	var names map[string]string
	if len(namesJSON) > 0 {
		if err := json.Unmarshal(namesJSON, &names); err != nil {
			return nil, fmt.Errorf("%w: %w", errStoredClaims, err)
		}
	}
	var want []bool // by index, nil for every claim
	if positions != nil {
		want = make([]bool, len(recs))
		for _, p := range positions {
			if p >= 1 && p <= len(recs) {
				want[p-1] = true
			}
		}
	}
	out := make([]newsintel.Claim, len(recs))
	var body string
	for i, rec := range recs {
		if want != nil && !want[i] {
			continue
		}
		c := &out[i]
		if err := json.Unmarshal(rec, c); err != nil {
			return nil, fmt.Errorf("%w: %w", errStoredClaims, err)
		}
		if c.Text != "" {
			continue
		}
		if body == "" {
			if body, err = lex.decode([]byte(words)); err != nil {
				return nil, err
			}
		}
		if c.TextStart >= 0 && c.TextStart < c.TextEnd && c.TextEnd <= len(body) {
			c.Text = strings.Clone(body[c.TextStart:c.TextEnd]) // not the whole body, for as long as the claim lives
		}
	}
	return logClaims(out, names), nil
}

// claimEntityNames returns the names the mentions of d give the entities
// its claims mention; nil when they mention none.
func claimEntityNames(d *newsintel.Document) map[string]string {
	names := mentionNames(d)
	var out map[string]string
	for _, c := range d.Claims {
		for _, id := range c.Entities {
			if n, ok := names[id]; ok {
				if out == nil {
					out = map[string]string{}
				}
				out[id] = n
			}
		}
	}
	return out
}
