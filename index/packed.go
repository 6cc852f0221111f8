package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The body and the tags JSON of a document are stored together in one
// field, compressed with zstd, the body word-coded first (see
// lexicon.go). Bleve compresses stored fields with snappy, one document
// at a time; zstd makes them about a third smaller again, and the
// lexicon nearly halves what is left (synthetic news bodies: snappy 0.73
// of the text, zstd 0.47, word-coded and zstd 0.28). Only Get and the
// highlighting of a page of hits read them.

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

// pack compresses body, claims and tags into the value of the packed
// field: the length of the body coded with lex as a uvarint, the coded
// body, the length of claims as a uvarint, claims, then tags. The claims
// have a section of their own so that claim hits decode them without the
// mentions (see encodeClaims).
func pack(lex *lexicon, body, claims, tags string) string {
	coded := lex.encode(make([]byte, 0, len(body)/2), body)
	raw := make([]byte, 0, 2*binary.MaxVarintLen64+len(coded)+len(claims)+len(tags))
	raw = appendSection(raw, coded, "")
	raw = appendSection(raw, []byte(claims), tags)
	return string(zEncoder().EncodeAll(raw, nil))
}

// appendSection appends to dst the length of sec as a uvarint, sec and
// rest; section splits them again.
func appendSection(dst, sec []byte, rest string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(sec)))
	dst = append(dst, sec...)
	return append(dst, rest...)
}

// unpack reverses pack, decoding the body with lex: tags is the rest, the
// claims section and the tags, which splitTags splits. pack never gives
// an empty value, so an empty one is an error: the stored value is
// missing.
func unpack(lex *lexicon, packed string) (body, tags string, err error) {
	if packed == "" {
		return "", "", errors.New("stored body is missing")
	}
	raw, err := zDecoder().DecodeAll([]byte(packed), nil)
	if err != nil {
		return "", "", fmt.Errorf("decompress stored body: %w", err)
	}
	coded, rest, err := section(raw)
	if err != nil {
		return "", "", err
	}
	if body, err = lex.decode(coded); err != nil {
		return "", "", err
	}
	return body, string(rest), nil
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
		return sec, rest, errors.New("stored body is malformed")
	}
	return s[k : k+int(n)], s[k+int(n):], nil
}
