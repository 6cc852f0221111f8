package index

import (
	"encoding/binary"
	"errors"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Token sequences: phrases and highlighting in long fields without term
// vectors.
//
// Bleve keeps a field's token positions as term vectors, and zap writes
// each occurrence as several uncompressed varints. For the body that was
// the largest part of the index. The body is indexed without them
// instead, and a stored "token sequence" beside it records, for every
// token in order, a 14-bit hash of its term and the gap to the previous
// token's position: two bytes a token, a third of what the positions
// took. A phrase search finds the documents holding all its words with
// the inverted index, then reads the sequence of each candidate and keeps
// those where the hashes of the words follow each other at the right
// gaps (see phraseSearcher); highlighting finds the positions of the
// matched terms the same way (see highlight).
//
// A hash stands for more than one term, so a sequence can show a phrase
// that is not there. A candidate holds every word of the phrase, so that
// needs another of its terms to share the hash of a phrase word and stand
// where that word should: with 14 bits, about one in 16 000 per
// occurrence of the phrase's first word, and only in documents that hold
// the words apart. It never misses a phrase that is there. The same odds
// apply the other way to a phrase in a must-not clause ("-\"a b\""),
// which may then leave out a document that does not hold it. Highlights
// check each match against the text (see fragmentLocations), so a word
// sharing a hash with a matched term is never marked.

// A sequence starts with its checkpoints: the length in bytes of what
// follows as a uvarint, then, for every seqCheckpoint-th token from the
// first, the byte offset of its start in the text, as uvarint deltas.
// Highlighting once segmented the text from the checkpoint before a
// fragment; nothing reads them now (bodies find fragments from their
// coded words, claim texts are not highlighted), but dropping them
// changes what is stored. Then come 16-bit
// little-endian units, one per token. The top two bits of a unit are the
// gap from the previous token's position (the first token's from
// position 0): 1 to 3; 0 means the gap follows as a uvarint. The low 14
// bits are termHash of the token's term.
const (
	seqHashBits   = 14
	seqHashMask   = 1<<seqHashBits - 1
	seqMaxGap     = 3
	seqCheckpoint = 32
)

// termHash is the 14-bit hash of a term in a sequence: FNV-1a, folded.
func termHash(term []byte) uint16 {
	h := uint32(2166136261)
	for _, c := range term {
		h = (h ^ uint32(c)) * 16777619
	}
	return uint16((h ^ h>>seqHashBits ^ h>>(2*seqHashBits)) & seqHashMask)
}

// appendSeq appends to dst the sequence of ts, whose positions and
// offsets must increase.
func appendSeq(dst []byte, ts analysis.TokenStream) []byte {
	toks := make([]seqInput, len(ts))
	for i, t := range ts {
		toks[i] = seqInput{pos: t.Position, start: t.Start, hash: termHash(t.Term)}
	}
	return appendSeqInputs(dst, toks)
}

// seqInput is a token to write in a sequence: its position, the byte
// offset where it starts and the termHash of its term.
type seqInput struct {
	pos, start int
	hash       uint16
}

// appendSeqInputs appends to dst the sequence of toks, whose positions
// and offsets must increase.
func appendSeqInputs(dst []byte, toks []seqInput) []byte {
	var marks []byte
	at := 0
	for i := 0; i < len(toks); i += seqCheckpoint {
		marks = binary.AppendUvarint(marks, uint64(max(toks[i].start-at, 0)))
		at = max(toks[i].start, at)
	}
	dst = binary.AppendUvarint(dst, uint64(len(marks)))
	dst = append(dst, marks...)
	prev := 0
	for _, t := range toks {
		gap := t.pos - prev
		prev = t.pos
		if gap >= 1 && gap <= seqMaxGap {
			dst = binary.LittleEndian.AppendUint16(dst, t.hash|uint16(gap)<<seqHashBits)
			continue
		}
		dst = binary.LittleEndian.AppendUint16(dst, t.hash)
		dst = binary.AppendUvarint(dst, uint64(max(gap, 0)))
	}
	return dst
}

// seqToken is one token of a decoded sequence.
type seqToken struct {
	pos  uint32
	hash uint16
}

var errBadSeq = errors.New("token sequence is truncated")

// decodeSeq appends the tokens of seq to dst.
func decodeSeq(dst []seqToken, seq []byte) ([]seqToken, error) {
	return decodeSeqIn(dst, seq, nil)
}

// hashSet is a set of term hashes, a bit each.
type hashSet [(seqHashMask + 1) / 64]uint64

func (s *hashSet) add(h uint16)      { s[h/64] |= 1 << (h % 64) }
func (s *hashSet) has(h uint16) bool { return s[h/64]&(1<<(h%64)) != 0 }

// seqUnits returns the units of seq, after its checkpoints, and the
// checkpoints.
func seqUnits(seq []byte) (units, marks []byte, err error) {
	if len(seq) == 0 {
		return nil, nil, nil
	}
	n, k := binary.Uvarint(seq)
	if k <= 0 || uint64(len(seq)-k) < n {
		return nil, nil, errBadSeq
	}
	return seq[k+int(n):], seq[k : k+int(n)], nil
}

// seqMark is a checkpoint of a sequence: where a token starts, in bytes
// of the text, and its position.
type seqMark struct {
	offset int
	pos    uint64
}

// decodeSeqIn appends the tokens of seq to dst, only those whose hash is
// in keep when keep is not nil.
func decodeSeqIn(dst []seqToken, seq []byte, keep *hashSet) ([]seqToken, error) {
	seq, _, err := seqUnits(seq)
	if err != nil {
		return dst, err
	}
	pos := uint64(0)
	for len(seq) > 0 {
		if len(seq) < 2 {
			return dst, errBadSeq
		}
		unit := binary.LittleEndian.Uint16(seq)
		seq = seq[2:]
		gap := uint64(unit >> seqHashBits)
		if gap == 0 {
			g, n := binary.Uvarint(seq)
			if n <= 0 {
				return dst, errBadSeq
			}
			gap, seq = g, seq[n:]
		}
		pos += gap
		if h := unit & seqHashMask; keep == nil || keep.has(h) {
			dst = append(dst, seqToken{pos: uint32(pos), hash: h})
		}
	}
	return dst, nil
}

// seqPhrase is a phrase to find in sequences: the hash of the term at
// each offset from the first, and which offsets hold a term (the others
// held stop words and match any token or none).
type seqPhrase struct {
	hash  []uint16
	any   []bool
	terms *hashSet // the hashes of the terms
}

// newSeqPhrase prepares terms, as phraseTerms gives them ("" where a stop
// word was), for finding in sequences.
func newSeqPhrase(terms []string) seqPhrase {
	p := seqPhrase{hash: make([]uint16, len(terms)), any: make([]bool, len(terms)), terms: new(hashSet)}
	for i, t := range terms {
		p.hash[i] = termHash([]byte(t))
		p.any[i] = t == ""
		if !p.any[i] {
			p.terms.add(p.hash[i])
		}
	}
	return p
}

// tokens appends to dst the tokens of seq that may belong to the phrase:
// those with the hash of one of its terms. Leaving the others out changes
// nothing starts finds (a position they held is then empty, and a
// phrase term needs its own hash there), and saves most of the work.
func (p seqPhrase) tokens(dst []seqToken, seq []byte) ([]seqToken, error) {
	return decodeSeqIn(dst, seq, p.terms)
}

// starts returns the positions where the phrase starts in toks, which
// decodeSeq or tokens gave (positions increasing).
func (p seqPhrase) starts(toks []seqToken) []uint32 {
	var out []uint32
	for i, t := range toks {
		if t.hash == p.hash[0] && p.followsAt(toks[i+1:], t.pos) {
			out = append(out, t.pos)
		}
	}
	return out
}

// endsAt reports whether the phrase ends at the last of toks (tokens as
// starts takes them, the last just added): a check that needs no
// positions stops there.
func (p seqPhrase) endsAt(toks []seqToken) bool {
	last := len(p.hash) - 1
	for last > 0 && p.any[last] {
		last--
	}
	t := toks[len(toks)-1]
	if t.hash != p.hash[last] || t.pos < uint32(last)+1 {
		return false
	}
	p0 := t.pos - uint32(last)
	j := len(toks) - 1
	for j >= 0 && toks[j].pos > p0 {
		j--
	}
	return j >= 0 && toks[j].pos == p0 && toks[j].hash == p.hash[0] && p.followsAt(toks[j+1:], p0)
}

// followsAt reports whether the phrase's terms after the first stand at
// their offsets from p0 in rest, the tokens after the one at p0.
func (p seqPhrase) followsAt(rest []seqToken, p0 uint32) bool {
	j := 0
	for k := 1; k < len(p.hash); k++ {
		if p.any[k] {
			continue
		}
		want := p0 + uint32(k)
		for j < len(rest) && rest[j].pos < want {
			j++
		}
		if j == len(rest) || rest[j].pos != want || rest[j].hash != p.hash[k] {
			return false
		}
	}
	return true
}
