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

// claimStatusFilter is the clause that keeps claims of the statuses of r
// (the newest revisions' current and changed claims when r names none,
// every claim with IncludeRemoved); nil when it keeps every claim.
func claimStatusFilter(r *ClaimRequest) query.Query {
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
		return unscored{query.NewDisjunctionQuery(in)}
	case len(out) == 0:
		return nil
	}
	// Current claims have no term: keep whatever has none of the others.
	return unscored{query.NewBooleanQuery(nil, nil, []query.Query{query.NewDisjunctionQuery(out)})}
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
