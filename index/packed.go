package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The body and the tags JSON of a document are stored together in one
// field, compressed with zstd. Bleve compresses stored fields with snappy,
// one document at a time; zstd makes them about a third smaller again
// (synthetic news bodies: snappy 0.73 of the text, zstd 0.47), and only
// Get and the highlighting of a page of hits read them.

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

// pack compresses body and tags into the value of the packed field: the
// length of body as a uvarint, body, then tags.
func pack(body, tags string) string {
	raw := make([]byte, 0, binary.MaxVarintLen64+len(body)+len(tags))
	raw = binary.AppendUvarint(raw, uint64(len(body)))
	raw = append(raw, body...)
	raw = append(raw, tags...)
	return string(zEncoder().EncodeAll(raw, nil))
}

// unpack reverses pack.
func unpack(packed string) (body, tags string, err error) {
	if packed == "" {
		return "", "", nil
	}
	raw, err := zDecoder().DecodeAll([]byte(packed), nil)
	if err != nil {
		return "", "", fmt.Errorf("decompress stored body: %w", err)
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)-k) {
		return "", "", errors.New("stored body is malformed")
	}
	rest := raw[k:]
	return string(rest[:n]), string(rest[n:]), nil
}
