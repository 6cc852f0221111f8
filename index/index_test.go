package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReopenKeepsDocuments(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{}, nil)
	require.NoError(t, err)
	docs := loadDocs(t)
	require.NoError(t, ix.Put(t.Context(), docs))
	require.NoError(t, ix.Close())

	ix, err = Open(dir, Options{}, nil)
	require.NoError(t, err)
	defer ix.Close()
	n, err := ix.Count()
	require.NoError(t, err)
	if n != uint64(len(docs)) {
		t.Errorf("Count() after reopen = %d, want %d", n, len(docs))
	}
	got, err := ix.Get(t.Context(), idAlibaba)
	require.NoError(t, err)
	require.Equal(t, docByID(t, docs, idAlibaba), *got)
	res, err := ix.Search(t.Context(), Request{Query: "whistleblower"})
	require.NoError(t, err)
	if ids := hitIDs(res); len(ids) != 1 || ids[0] != idBoeing {
		t.Errorf("search after reopen = %v, want [%s]", ids, idBoeing)
	}
}

func TestOpenDetectsMappingChange(t *testing.T) {
	ix, dir := openTemp(t, Options{})
	require.NoError(t, ix.bleve.SetInternal([]byte(versionKey), []byte("1999.1.1")))
	require.NoError(t, ix.Close())

	_, err := Open(dir, Options{}, nil)
	if !errors.Is(err, ErrMappingChanged) {
		t.Fatalf("Open of an index with another mapping version = %v, want ErrMappingChanged", err)
	}
	require.NoError(t, Remove(dir))
	ix, err = Open(dir, Options{}, nil)
	require.NoError(t, err, "Open after Remove")
	require.NoError(t, ix.Close())
}

func TestOpenCorrupt(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"garbage files", func(t *testing.T, dir string) {
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not an index"), 0o644))
		}},
		{"garbage meta", func(t *testing.T, dir string) {
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{\x00garbage"), 0o644))
		}},
		{"garbage store", func(t *testing.T, dir string) {
			ix, err := Open(dir, Options{}, nil)
			require.NoError(t, err)
			require.NoError(t, ix.Put(t.Context(), loadDocs(t)))
			require.NoError(t, ix.Close())
			store := filepath.Join(dir, "store")
			entries, err := os.ReadDir(store)
			require.NoError(t, err)
			for _, e := range entries {
				require.NoError(t, os.WriteFile(filepath.Join(store, e.Name()), []byte("garbage garbage garbage"), 0o644))
			}
		}},
		{"a file, not a directory", func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(dir, []byte("x"), 0o644))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			tt.setup(t, dir)
			ix, err := Open(dir, Options{}, nil)
			if err == nil {
				_ = ix.Close()
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("Open = %v, want ErrCorrupt", err)
			}
		})
	}
}

// TestMappingVersionPinned fails when the mapping, the dictionary of
// stored meta (metadict.txt, which every stored meta needs to be read),
// the token sequence a body is stored with, the word coding of a stored
// body (lexicon.go), the unit of its length (bodyLengthUnit) or the
// fields whose doc values are kept a document each (unchunkedDocValues)
// changes without a new MappingVersion: bump MappingVersion, then update
// want.
func TestMappingVersionPinned(t *testing.T) {
	b, err := json.Marshal(buildMapping())
	require.NoError(t, err)
	b = fmt.Appendf(b, "%v", slices.Sorted(maps.Keys(unchunkedDocValues)))
	b = append(append(b, metaDict...), seqSample(t)...)
	for _, text := range lexiconTexts {
		b = newLexicon().encode(b, text)
	}
	sum := sha256.Sum256(fmt.Appendf(b, "unit %d", bodyLengthUnit))
	got := MappingVersion + " " + hex.EncodeToString(sum[:8])
	const want = "2026.12.01l fce0bd1e1f300ced"
	if got != want {
		t.Errorf("mapping version and hash = %q, want %q; if the mapping changed on purpose, bump MappingVersion and update this test", got, want)
	}
}

// seqSample is the body token sequence of a fixed document, as Put
// stores it.
func seqSample(t *testing.T) []byte {
	t.Helper()
	l := newLexicon()
	body := strings.Repeat("The Department of Commerce said the review of the U.S.-China chips, it's 2024 and to be or not to be. ", 6)
	seq, err := l.seq(nil, l.encode(nil, body))
	require.NoError(t, err)
	return seq
}
