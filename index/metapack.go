package index

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// A document's meta JSON is stored in the meta field, compressed with
// zstd and a dictionary: alone, a value of a few hundred bytes gives a
// compressor little to go on (Bleve's snappy keeps three quarters of it);
// the dictionary holds the field names and the kind of values they take,
// so the first occurrence of each is a match too.
//
// metadict.txt is the meta JSON of the fixture documents of
// testdata/docs.json (news articles, a filing, a notice, one in German,
// one undated), written by TestMetaDictionary -update. Changing it makes
// every stored meta unreadable: bump MappingVersion with it.
//
//go:embed metadict.txt
var metaDict []byte

// metaDictID names the dictionary in the frames it compresses.
const metaDictID = 0x6e69_6d31 // "nim1"

var (
	zMetaEncoder = sync.OnceValue(func() *zstd.Encoder {
		// The fastest level: with a dictionary, better levels gain 5%
		// of a few hundred bytes for three times the time.
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderConcurrency(1), zstd.WithEncoderDictRaw(metaDictID, metaDict))
		if err != nil {
			panic(err) // only for invalid options
		}
		return e
	})
	zMetaDecoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20),
			zstd.WithDecoderDictRaw(metaDictID, metaDict))
		if err != nil {
			panic(err) // only for invalid options
		}
		return d
	})
)

// packMeta compresses meta into the value of the meta field.
func packMeta(meta string) string {
	return string(zMetaEncoder().EncodeAll([]byte(meta), nil))
}

// unpackMeta reverses packMeta.
func unpackMeta(packed string) ([]byte, error) {
	raw, err := zMetaDecoder().DecodeAll([]byte(packed), nil)
	if err != nil {
		return nil, fmt.Errorf("decompress stored meta: %w", err)
	}
	return raw, nil
}
