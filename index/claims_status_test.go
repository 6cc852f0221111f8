package index

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestClaimStatusesWithoutCurrentTerm checks the status filters and facet
// of claims whose current status is not indexed (see indexedStatus):
// every combination of statuses keeps exactly the claims of those
// statuses, and the facet counts each status as the claims found, for
// every facet size, alone and beside another filter.
func TestClaimStatusesWithoutCurrentTerm(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	docs := append(loadDocs(t), r2) // the fixture's r1 and r2: a changed and a removed claim
	require.NoError(t, ix.Put(t.Context(), docs))
	all, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	require.NoError(t, err)
	byStatus := map[string][]string{}
	for _, c := range all.Claims {
		byStatus[c.Status] = append(byStatus[c.Status], c.ID)
	}
	require.NotEmpty(t, byStatus[ClaimChanged], "a changed claim in the fixture")
	require.NotEmpty(t, byStatus[ClaimRemoved], "a removed claim in the fixture")
	require.Greater(t, len(byStatus[ClaimCurrent]), 1, "current claims in the fixture")
	var statusKeys []string
	for _, k := range fieldTerms(t, ix, fieldClaimKeys) {
		if s, ok := strings.CutPrefix(k, keyStatus); ok {
			statusKeys = append(statusKeys, s)
		}
	}
	if !slices.Equal(statusKeys, indexedStatuses) {
		t.Errorf("status keys = %v, want %v (none for current claims)", statusKeys, indexedStatuses)
	}
	for mask := 1; mask < 8; mask++ {
		var statuses, want []string
		for i, st := range ClaimStatuses() {
			if mask&(1<<i) != 0 {
				statuses = append(statuses, st)
				want = append(want, byStatus[st]...)
			}
		}
		res, err := ix.SearchClaims(t.Context(), ClaimRequest{Status: statuses, Size: 100})
		require.NoError(t, err)
		if got := claimIDs(res); !sameSet(got, want) {
			t.Errorf("SearchClaims(status %v) = %v, want %v", statuses, got, want)
		}
	}
	for _, tc := range []struct {
		req  ClaimRequest
		want map[string]int
	}{
		{ClaimRequest{}, map[string]int{ClaimCurrent: len(byStatus[ClaimCurrent]), ClaimChanged: len(byStatus[ClaimChanged])}},
		{ClaimRequest{IncludeRemoved: true}, counts(byStatus)},
		{ClaimRequest{Status: []string{"Removed", "current"}}, map[string]int{ClaimCurrent: len(byStatus[ClaimCurrent]), ClaimRemoved: len(byStatus[ClaimRemoved])}},
		{ClaimRequest{Status: []string{ClaimChanged}}, map[string]int{ClaimChanged: len(byStatus[ClaimChanged])}},
		{ClaimRequest{IncludeRemoved: true, Publisher: []string{r1.Publisher}}, publisherCounts(all.Claims, r1.Publisher)},
	} {
		for size := 1; size <= 3; size++ {
			tc.req.Facets, tc.req.FacetSize = []string{ClaimFacetStatus}, size
			res, err := ix.SearchClaims(t.Context(), tc.req)
			require.NoError(t, err)
			got, want := res.Facets[ClaimFacetStatus], wantFacet(tc.want, size)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("status facet of %+v, size %d = %v, want %v", tc.req, size, got, want)
			}
		}
	}
}

// fieldTerms lists the terms of field in ix.
func fieldTerms(t *testing.T, ix *Index, field string) []string {
	t.Helper()
	d, err := ix.bleve.FieldDict(field)
	require.NoError(t, err)
	defer d.Close()
	var out []string
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		require.NoError(t, err)
		out = append(out, e.Term)
	}
	return out
}

func counts(by map[string][]string) map[string]int {
	out := map[string]int{}
	for k, v := range by {
		out[k] = len(v)
	}
	return out
}

func publisherCounts(cs []ClaimHit, publisher string) map[string]int {
	out := map[string]int{}
	for _, c := range cs {
		if c.Publisher == publisher {
			out[c.Status]++
		}
	}
	return out
}

// wantFacet is the facet of counts: most first, ties by term, size terms.
func wantFacet(counts map[string]int, size int) []FacetCount {
	var out []FacetCount
	for term, n := range counts {
		if n > 0 {
			out = append(out, FacetCount{Term: term, Count: n})
		}
	}
	slices.SortFunc(out, func(a, b FacetCount) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Term, b.Term)) })
	return out[:min(size, len(out))]
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
