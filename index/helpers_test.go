package index

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// Fixture IDs in testdata/docs.json.
const (
	idAlibaba = "a1b2c3d4e5f60718293a4b5c6d7e8f90" // Reuters, 2024-03-12, anonymous sources
	idPFAS    = "b2c3d4e5f60718293a4b5c6d7e8f90a1" // AP, 2024-03-14
	idBoeing  = "c3d4e5f60718293a4b5c6d7e8f90a1b2" // BBC, 2024-03-20, anonymous sources
	idTesla   = "sec-0001628280-24-002390"         // 10-K filed 2024-01-29, no published date
	idRule    = "fr-2024-07773"                    // Federal Register rule, 2024-04-26
	idHuawei  = "d4e5f60718293a4b5c6d7e8f90a1b2c3" // German, 2024-02-02
	idAmazon  = "e5f60718293a4b5c6d7e8f90a1b2c3d4" // Reuters, 2023-09-26
	idUndated = "f60718293a4b5c6d7e8f90a1b2c3d4e5" // no published date
)

// loadDocs reads the fixture documents.
func loadDocs(t testing.TB) []newsintel.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "docs.json"))
	require.NoError(t, err)
	var docs []newsintel.Document
	require.NoError(t, json.Unmarshal(b, &docs))
	return docs
}

// openTemp opens a fresh index in a temporary directory, closed at the
// end of the test.
func openTemp(t testing.TB, o Options) (*Index, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, o, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	return ix, dir
}

// loaded opens a temporary index holding the fixture documents.
func loaded(t testing.TB) *Index {
	t.Helper()
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), loadDocs(t)))
	return ix
}

func hitIDs(r *Result) []string {
	ids := make([]string, 0, len(r.Hits))
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func docByID(t testing.TB, docs []newsintel.Document, id string) newsintel.Document {
	t.Helper()
	for _, d := range docs {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("no fixture %s", id)
	return newsintel.Document{}
}
