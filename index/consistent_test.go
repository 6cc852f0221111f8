package index

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestClaimHitsWhilePutReorders searches claims while Put writes
// revisions that only reorder a document's claims: each hit must show
// its own claim's text whatever revision its position was read from.
func TestClaimHitsWhilePutReorders(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, _, _ := alibabaRevisions(t)
	r1.Revision = 1
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1}))
	want := map[string]string{}
	for _, h := range allClaims(t, ix, idAlibaba) {
		want[h.ID] = h.Text
	}
	require.Greater(t, len(want), 1, "claims of the fixture document")
	var wg sync.WaitGroup
	wg.Go(func() {
		for n := 2; n <= 60; n++ {
			d := r1
			d.Revision = n
			d.Fetched = r1.Fetched.Add(time.Duration(n) * time.Minute)
			d.Claims = slices.Clone(r1.Claims)
			k := n % len(d.Claims)
			d.Claims = append(d.Claims[k:], d.Claims[:k]...)
			if err := ix.Put(t.Context(), []newsintel.Document{d}); err != nil {
				t.Errorf("Put revision %d: %v", n, err)
				return
			}
		}
	})
	bad := 0
	for range 300 {
		for _, h := range allClaims(t, ix, idAlibaba) {
			if w, ok := want[h.ID]; ok && h.Text != w {
				bad++
				if bad <= 3 {
					t.Errorf("claim %s at position %d shows %q, want %q", h.ID, h.Position, h.Text, w)
				}
			}
		}
	}
	wg.Wait()
	if bad > 0 {
		t.Errorf("%d claim hits showed another claim's text", bad)
	}
}
