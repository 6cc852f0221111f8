package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// A document's body is stored word-coded in body_words (see lexicon.go),
// and its tags (claims, mentions, profile) as JSON compressed with zstd
// in packed. Bleve compresses stored fields with snappy, one document at
// a time. For bodies the lexicon does better than either (synthetic news
// bodies: snappy 0.73 of the text, zstd 0.47, word-coded 0.36, and zstd
// over the coded body gains little more), and a body's coded words are
// its token sequence too, read for every phrase candidate without
// decompressing anything but Bleve's own block. The tags compress about
// threefold with zstd; only Get, claim hits and entity pages read them.

var (
	zEncoder = sync.OnceValue(func() *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
		if err != nil {
			panic(err) // only for invalid options
		}
		return e
	})
	zDecoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			panic(err) // only for invalid options
		}
		return d
	})
)

// pack compresses claims and tags into the value of the packed field:
// the length of claims as a uvarint, claims, then tags. The claims have a
// section of their own so that claim hits decode them without the
// mentions (see encodeClaims).
func pack(claims, tags string) string {
	raw := appendSection(make([]byte, 0, binary.MaxVarintLen64+len(claims)+len(tags)), []byte(claims), tags)
	return string(zEncoder().EncodeAll(raw, nil))
}

// appendSection appends to dst the length of sec as a uvarint, sec and
// rest; section splits them again.
func appendSection(dst, sec []byte, rest string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(sec)))
	dst = append(dst, sec...)
	return append(dst, rest...)
}

// unpack decodes the body from words with lex and decompresses packed:
// tags is the claims section and the tags, which splitTags splits. pack
// and encode never give an empty value, so an empty one is an error: the
// stored value is missing.
func unpack(lex *lexicon, words, packed string) (body, tags string, err error) {
	if words == "" || packed == "" {
		return "", "", errors.New("stored body or tags are missing")
	}
	if body, err = lex.decode([]byte(words)); err != nil {
		return "", "", err
	}
	raw, err := zDecoder().DecodeAll([]byte(packed), nil)
	if err != nil {
		return "", "", fmt.Errorf("decompress stored tags: %w", err)
	}
	return body, string(raw), nil
}

// splitTags splits what unpack gives after the body into the claims
// JSON and the tags JSON.
func splitTags(rest string) (claims, tags string, err error) {
	if rest == "" {
		return "", "", nil
	}
	return section(rest)
}

// rawBufs holds buffers that packed values are decompressed into when
// only parts of them are kept.
var rawBufs = sync.Pool{New: func() any { return new([]byte) }}

// section splits a uvarint length and that many bytes off the start of s.
func section[S string | []byte](s S) (sec, rest S, err error) {
	n, k := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
	if k <= 0 || n > uint64(len(s)-k) {
		return sec, rest, errors.New("stored value is malformed")
	}
	return s[k : k+int(n)], s[k+int(n):], nil
}
