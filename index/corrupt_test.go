package index

import (
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// putCorrupt indexes d with its stored meta or packed value (field)
// replaced by what spoil makes of it, as a damaged index would hold it.
func putCorrupt(t *testing.T, ix *Index, d *newsintel.Document, field string, spoil func(string) string) {
	t.Helper()
	x, err := toIndexed(d, ix.lex)
	require.NoError(t, err)
	switch field {
	case fieldMeta:
		x.Meta = spoil(x.Meta)
	case fieldPacked:
		x.Packed = spoil(x.Packed)
	case fieldBodyWords:
		x.Words = spoil(x.Words)
	}
	b := ix.bleve.NewBatch()
	require.NoError(t, addWithSeqs(b, ix.bleve.Mapping(), d.ID, x))
	require.NoError(t, ix.bleve.Batch(b))
}

// TestCorruptStoredDocument damages the stored meta, packed or body_words value of
// a document stored in two revisions in several ways: reading it must
// give an error naming it, not a panic or another document, and putting
// the document again must repair it and its claims.
func TestCorruptStoredDocument(t *testing.T) {
	spoils := map[string]func(string) string{
		"truncated": func(s string) string { return s[:len(s)/2] },
		"flipped":   func(s string) string { b := []byte(s); b[len(b)/2] ^= 0x55; return string(b) },
		"garbage":   func(string) string { return "not a stored value" },
		"empty":     func(string) string { return "" },
	}
	for _, field := range []string{fieldMeta, fieldPacked, fieldBodyWords} {
		for name, spoil := range spoils {
			t.Run(field+" "+name, func(t *testing.T) {
				ix, _ := openTemp(t, Options{})
				r0, r1, _ := alibabaRevisions(t)
				require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r0}))
				require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1}))
				putCorrupt(t, ix, &r1, field, spoil)
				checkCorrupt(t, ix, field, name, r1)
			})
			t.Run(field+" "+name+" one revision", func(t *testing.T) {
				ix, _ := openTemp(t, Options{})
				r0, r1, _ := alibabaRevisions(t)
				require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r0}))
				putCorrupt(t, ix, &r0, field, spoil)
				checkCorrupt(t, ix, field, name, r1) // other claims: those of r0 must go
			})
		}
	}
}

// checkCorrupt checks an index of TestCorruptStoredDocument, whose
// document has its field damaged as name says, and puts r, which must
// repair it.
func checkCorrupt(t *testing.T, ix *Index, field, name string, r newsintel.Document) {
	t.Helper()
	d, err := ix.Get(t.Context(), idAlibaba)
	if err == nil || !strings.Contains(err.Error(), idAlibaba) {
		t.Errorf("Get of a document with a %s %s value = %v, %v; want an error naming it", name, field, d, err)
	}
	for _, q := range []string{"", "alibaba", `"cloud computing"`} {
		res, err := ix.Search(t.Context(), Request{Query: q, Size: 100, Highlight: true})
		if err != nil {
			t.Errorf("search %q meeting a document with a %s %s value: %v; want the other hits and that one", q, name, field, err)
			continue
		}
		for _, h := range res.Hits {
			if h.ID == idAlibaba && field == fieldMeta && h.Warning == "" {
				t.Errorf("search %q: hit of the document with a %s %s value has no warning: %+v", q, name, field, h)
			}
			if h.ID != idAlibaba && h.Warning != "" {
				t.Errorf("search %q: hit %s warns %q; only the damaged document should", q, h.ID, h.Warning)
			}
		}
	}
	cres, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	if err != nil {
		t.Errorf("claim search meeting a document with a %s %s value: %v; want the other claims and its own", name, field, err)
	} else {
		warned := 0
		for _, h := range cres.Claims {
			if h.Warning != "" {
				warned++
				if h.DocumentID != idAlibaba {
					t.Errorf("claim %s warns %q; only the damaged document's claims should", h.ID, h.Warning)
				}
			}
		}
		if warned == 0 {
			t.Errorf("no claim of the document with a %s %s value warns", name, field)
		}
	}
	_, _ = ix.Revisions(t.Context(), idAlibaba) // no panic
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r}), "put the document again")
	got, err := ix.Get(t.Context(), idAlibaba)
	require.NoError(t, err, "Get after putting the document again")
	if got.Body != r.Body || len(got.Claims) != len(r.Claims) {
		t.Errorf("Get after putting the document again = %d claims, body %.40q; want %d claims, body %.40q",
			len(got.Claims), got.Body, len(r.Claims), r.Body)
	}
	requireHitsShowDocument(t, ix, idAlibaba)
	requireItemsMatchLog(t, ix, idAlibaba)
}
