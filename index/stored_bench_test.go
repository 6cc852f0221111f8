package index

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkReadStored reads what the index stores: a page of 100 claim
// hits (newest first, so a few documents' claims in article order; and
// by relevance to a word, so claims of many documents), and whole
// documents with Get, in 3 000 synthetic documents, reporting the median
// latency.
//
//	go test -run '^$' -bench BenchmarkReadStored -benchmem ./index/
func BenchmarkReadStored(b *testing.B) {
	ix := benchIndex(b, 3000)
	for _, c := range []struct {
		name string
		req  ClaimRequest
	}{
		{"claims-newest-100", ClaimRequest{Size: 100}},
		{"claims-relevance-100", ClaimRequest{Query: "regulators", Size: 100, Sort: SortRelevance}},
	} {
		b.Run(c.name, func(b *testing.B) {
			docs := map[string]bool{}
			benchClaims(b, ix, c.req, func(res *ClaimResult) {
				if len(res.Claims) != 100 || res.Claims[0].Text == "" {
					b.Fatalf("got %d claims (first %+v), want 100 with their text", len(res.Claims), res.Claims[0])
				}
				clear(docs)
				for _, h := range res.Claims {
					docs[h.DocumentID] = true
				}
			})
			b.ReportMetric(float64(len(docs)), "docs/page")
		})
	}
	b.Run("get", func(b *testing.B) {
		var took []time.Duration
		for i := 0; b.Loop(); i++ {
			start := time.Now()
			d, err := ix.Get(b.Context(), fmt.Sprintf("synth-%06d", i%3000))
			if err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
			if d.Body == "" || len(d.Claims) == 0 {
				b.Fatalf("got document %s with %d body bytes and %d claims, want both", d.ID, len(d.Body), len(d.Claims))
			}
		}
		reportP50(b, took)
	})
}

// benchClaims runs SearchClaims with req b.N times, checks each result
// with check, and reports the median latency and the claims found.
func benchClaims(b *testing.B, ix *Index, req ClaimRequest, check func(*ClaimResult)) {
	var took []time.Duration
	var total uint64
	for b.Loop() {
		start := time.Now()
		res, err := ix.SearchClaims(b.Context(), req)
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		total = res.Total
		check(res)
	}
	reportP50(b, took)
	b.ReportMetric(float64(total), "hits")
}

// reportP50 reports the median of took in milliseconds.
func reportP50(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
}
