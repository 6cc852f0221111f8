package index

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestClaimDateSortsOneKey checks both date sorts of claims, which read
// one key (see claimSortKey and claimDateSort), against the order they
// promise: by date, newest or oldest first; documents of the same date
// apart; a document's claims in article order, positions past 63 too,
// its removed claims after them; undated documents last, by ID.
func TestClaimDateSortsOneKey(t *testing.T) {
	docs := synthDocs(24, 7)
	same := time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		d := &docs[i]
		d.Filing = nil // its filing date would stand in for a missing publication date
		switch {
		case i%6 == 0:
			d.Published = time.Time{}
		case i%3 == 0:
			d.Published = same // several documents of one date
		}
	}
	long := &docs[1]
	for len(long.Claims) < 80 { // positions of two digits
		long.Claims = append(long.Claims, long.Claims...)
	}
	edited := docs[2]
	edited.Revision, edited.Fetched = 2, edited.Fetched.Add(time.Hour)
	edited.Claims = slices.Clone(edited.Claims[3:]) // three claims removed
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), docs))
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{edited}))

	for _, sort := range []string{SortDateDesc, SortDate} {
		got := sortedClaims(t, ix, ClaimRequest{IncludeRemoved: true, Sort: sort})
		want := slices.Clone(got)
		slices.SortStableFunc(want, func(a, b ClaimHit) int { return claimDateOrder(a, b, sort == SortDate) })
		if !slices.EqualFunc(got, want, func(a, b ClaimHit) bool { return a.ID == b.ID }) {
			t.Errorf("sort %q: claims in order %v, want %v", sort, hitKeys(got), hitKeys(want))
		}
		if len(got) < 300 || !slices.ContainsFunc(got, func(c ClaimHit) bool { return c.Position > 64 }) ||
			!slices.ContainsFunc(got, func(c ClaimHit) bool { return c.Status == ClaimRemoved }) {
			t.Errorf("sort %q: %d claims, want the fixture's hundreds, positions past 64 and removed ones", sort, len(got))
		}
	}
}

// claimDateOrder is the order of two claim hits a date sort promises.
func claimDateOrder(a, b ClaimHit, oldestFirst bool) int {
	if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
		if az {
			return 1 // undated last
		}
		return -1
	}
	if !a.Published.IsZero() {
		byDate := cmp.Or(a.Published.Compare(b.Published), strings.Compare(claimDocTag(a.DocumentID), claimDocTag(b.DocumentID)))
		if !oldestFirst {
			byDate = -byDate
		}
		if byDate != 0 {
			return byDate
		}
	}
	return cmp.Or(strings.Compare(a.DocumentID, b.DocumentID), cmp.Compare(rank(a), rank(b)), strings.Compare(a.ID, b.ID))
}

// sortedClaims pages through every claim r finds.
func sortedClaims(t *testing.T, ix *Index, r ClaimRequest) []ClaimHit {
	t.Helper()
	var out []ClaimHit
	for r.Size = 100; ; r.From += r.Size {
		res, err := ix.SearchClaims(t.Context(), r)
		require.NoError(t, err)
		out = append(out, res.Claims...)
		if len(res.Claims) < r.Size {
			return out
		}
	}
}

func hitKeys(cs []ClaimHit) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Published.Format(time.DateOnly) + "/" + c.ID
	}
	return out
}
