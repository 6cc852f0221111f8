package index

import (
	"testing"
	"time"
)

// BenchmarkDateFilters searches 3 000 synthetic documents (dated over
// two years) with date bounds that fall within an hour, alone and with
// words, and with date values in query strings, reporting the median
// latency.
//
//	go test -run '^$' -bench BenchmarkDateFilters -benchmem ./index/
func BenchmarkDateFilters(b *testing.B) {
	ix := benchIndex(b, 3000)
	since := time.Date(2023, 6, 10, 10, 17, 0, 0, time.UTC)
	until := time.Date(2024, 2, 3, 15, 42, 0, 0, time.UTC)
	benchSearches(b, ix, []searchCase{
		{"since-until", Request{Since: since, Until: until}},
		{"since-until-facets", Request{Since: since, Until: until, Facets: []string{"source", "company"}}},
		{"words-since", Request{Query: "antitrust regulators", Since: since}},
		{"query-published-range", Request{Query: "+regulators +published:>=2023-06-10T10:17:00Z +published:<2024-02-03"}},
		{"query-fetched-day", Request{Query: "fetched:2024-01-15"}},
	})
}
