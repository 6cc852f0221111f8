package index

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestClaimsOfDocumentInArticleOrder checks that the claims of one
// document come back together and in the order of the article, the
// removed ones after them, for undated documents and documents of the
// same date too.
func TestClaimsOfDocumentInArticleOrder(t *testing.T) {
	ix := loaded(t)
	r1, r2, _ := alibabaRevisions(t)
	twin := r1 // another document of the same date: claims of the two must not interleave
	twin.ID, twin.URL = "0a1b2c3d4e5f60718293a4b5c6d7e8f9", twin.URL+"?twin"
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1, r2, twin}))
	for _, sort := range []string{"", SortDate} {
		res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100, Sort: sort})
		require.NoError(t, err)
		done := map[string]bool{}
		prev := ClaimHit{}
		for _, c := range res.Claims {
			if c.DocumentID != prev.DocumentID {
				if done[c.DocumentID] {
					t.Errorf("sort %q: claims of %s are not together: %v", sort, c.DocumentID, claimIDs(res))
				}
				done[prev.DocumentID] = true
			} else if rank(c) < rank(prev) || rank(c) == rank(prev) && c.Position > 0 {
				t.Errorf("sort %q: claim %s at position %d comes after %s at %d, want article order, removed last",
					sort, c.ID, c.Position, prev.ID, prev.Position)
			}
			prev = c
		}
		if len(done) < 5 {
			t.Errorf("sort %q: claims of %d documents, want the fixture's", sort, len(done))
		}
	}
}

// rank orders the claims of one document: by position, removed last.
func rank(c ClaimHit) int {
	if c.Position == 0 {
		return 1 << 30
	}
	return c.Position
}

// BenchmarkSearchClaimsSorted pages through the claims of 3 000 synthetic
// documents newest first (a document's claims in article order) and
// oldest first, with and without a text query or a date range,
// reporting the median latency.
//
//	go test -run '^$' -bench BenchmarkSearchClaimsSorted -benchmem ./index/
func BenchmarkSearchClaimsSorted(b *testing.B) {
	ix := benchIndex(b, 3000)
	cases := []struct {
		name string
		req  ClaimRequest
	}{
		{"newest", ClaimRequest{Size: 50}},
		{"oldest-page-20", ClaimRequest{Size: 50, From: 1000, Sort: SortDate}},
		{"text-newest", ClaimRequest{Query: "regulators", Size: 50}},
		{"since-until-newest", ClaimRequest{Size: 50, Since: time.Date(2023, 3, 15, 10, 30, 0, 0, time.UTC),
			Until: time.Date(2024, 2, 10, 17, 45, 0, 0, time.UTC)}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			benchClaims(b, ix, c.req, func(*ClaimResult) {})
		})
	}
}
