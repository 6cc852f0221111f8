package index

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/golang/snappy"
	"github.com/stretchr/testify/require"
)

var updateDict = flag.Bool("update", false, "rewrite metadict.txt from testdata/docs.json (then bump MappingVersion)")

// TestMetaDictionary rewrites metadict.txt, with -update, from the meta
// JSON of the fixture documents.
//
//	go test ./index/ -run TestMetaDictionary -update
func TestMetaDictionary(t *testing.T) {
	if !*updateDict {
		t.Skip("rewrites metadict.txt with -update only")
	}
	var b strings.Builder
	for _, d := range loadDocs(t) {
		meta, _, _, err := encodeStored(&d)
		require.NoError(t, err)
		b.WriteString(meta + "\n")
	}
	require.NoError(t, os.WriteFile("metadict.txt", []byte(b.String()), 0o644))
}

// TestPackMetaRoundTrip packs the meta of documents the dictionary was
// not made from and reads it back, and checks that the dictionary pays:
// smaller than snappy, which Bleve would use.
func TestPackMetaRoundTrip(t *testing.T) {
	if len(metaDict) == 0 {
		t.Fatal("metadict.txt is empty; run go test ./index/ -run TestMetaDictionary -update")
	}
	var packed, snapped int
	for _, d := range synthDocs(50, 3) {
		meta, _, _, err := encodeStored(&d)
		require.NoError(t, err)
		p := packMeta(meta)
		got, err := unpackMeta(p)
		require.NoError(t, err)
		if string(got) != meta {
			t.Fatalf("unpackMeta(packMeta(%q)) = %q; want it back", meta, got)
		}
		packed += len(p)
		snapped += len(snappy.Encode(nil, []byte(meta)))
	}
	if packed >= snapped*3/4 {
		t.Errorf("meta packed takes %d bytes, want well under the %d of snappy", packed, snapped)
	}
	if _, err := unpackMeta("not zstd"); err == nil {
		t.Errorf("unpackMeta(garbage) = nil error, want one")
	}
}
