package index

import (
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// requireHitsShowDocument checks that the claim hits of document id in
// the newest revision are the claims of its indexed document, each at
// its Position.
func requireHitsShowDocument(t *testing.T, ix *Index, id string) {
	t.Helper()
	d, err := ix.Get(t.Context(), id)
	require.NoError(t, err)
	live := 0
	for _, h := range allClaims(t, ix, id) {
		if h.Position == 0 {
			continue
		}
		live++
		if h.Position > len(d.Claims) || d.Claims[h.Position-1].Text != h.Text {
			t.Errorf("claim %s at position %d shows %q; want the indexed document's claim there (it has %d)",
				h.ID, h.Position, h.Text, len(d.Claims))
		}
	}
	if live != len(d.Claims) {
		t.Errorf("%s has %d claim hits in its newest revision, want the %d claims of its indexed document (revision %d)",
			id, live, len(d.Claims), d.Revision)
	}
}

// TestUnnumberedRevisionAgreesWithClaims puts a document as revision 1
// and then without a revision number, with other claims, in both orders
// and in one batch: the indexed document and its claim items must agree
// on which one is the newest (an unnumbered document counts as revision
// 1).
func TestUnnumberedRevisionAgreesWithClaims(t *testing.T) {
	r1, r2, _ := alibabaRevisions(t)
	r1.Revision = 1
	r0 := r2
	r0.Revision = 0
	for name, puts := range map[string][][]newsintel.Document{
		"numbered first":   {{r1}, {r0}},
		"unnumbered first": {{r0}, {r1}},
		"one batch":        {{r1, r0}},
		"one batch back":   {{r0, r1}},
	} {
		t.Run(name, func(t *testing.T) {
			ix, _ := openTemp(t, Options{})
			for _, docs := range puts {
				require.NoError(t, ix.Put(t.Context(), docs))
			}
			requireHitsShowDocument(t, ix, idAlibaba)
			requireItemsMatchLog(t, ix, idAlibaba)
		})
	}
}
