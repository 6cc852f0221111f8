package index

import (
	"cmp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Most claims are current, so claim_keys holds only the other statuses,
// changed and removed (see claimKeys): a claim item without a status key
// is current. A filter that keeps current claims is then one that leaves
// out the statuses it does not want, and the status facet counts the
// claims without a status key (Bleve's Missing) as current.

// indexedStatuses are the statuses claim_keys holds.
var indexedStatuses = []string{ClaimChanged, ClaimRemoved}

// claimStatusFilter keeps the claims of the statuses of r (the newest
// revisions' current and changed claims when r names none, every claim
// with IncludeRemoved): keep is a clause they must match, or when they
// include current claims, exclude one they must not (a must-not of the
// whole claim query, which Bleve checks for its matches only); nil when
// there is none.
func claimStatusFilter(r *ClaimRequest) (keep, exclude query.Query) {
	want := []string{ClaimCurrent, ClaimChanged}
	if r.IncludeRemoved {
		want = append(want, ClaimRemoved)
	}
	if named := statusesOf(r.Status); len(named) > 0 {
		want = named
	}
	var in, out []query.Query
	for _, st := range indexedStatuses {
		if slices.Contains(want, st) {
			in = append(in, term(fieldClaimKeys, keyStatus+st))
		} else {
			out = append(out, term(fieldClaimKeys, keyStatus+st))
		}
	}
	switch {
	case !slices.Contains(want, ClaimCurrent):
		return unscored{query.NewDisjunctionQuery(in)}, nil
	case len(out) == 0:
		return nil, nil
	}
	// Current claims have no key: keep whatever has none of the others.
	return nil, unscored{query.NewDisjunctionQuery(out)}
}

// statusesOf returns the distinct statuses of vals, in lower case.
func statusesOf(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// claimStatusFacet counts the claims of res, the facet of status keys,
// by status, most first (ties by name), at most size of them: those
// without a status key are current.
func claimStatusFacet(res *search.FacetResult, size int) []FacetCount {
	counts := termCounts(res, func(t string) (string, bool) { return strings.TrimPrefix(t, keyStatus), true })
	if res != nil && res.Missing > 0 {
		counts = append(counts, FacetCount{Term: ClaimCurrent, Count: res.Missing})
	}
	slices.SortFunc(counts, func(a, b FacetCount) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Term, b.Term)) })
	return counts[:min(size, len(counts))]
}
