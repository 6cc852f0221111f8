package index

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/newsintel/newsintel"
)

const benchBatch = 100

// BenchmarkPut indexes batches of synthetic documents with Index.Put and,
// for comparison in the same run, with a raw bleve.Batch of the same
// Documents under Bleve's default (dynamic) mapping, and with a raw batch
// under this package's mapping (which isolates the cost of the revision
// look-up). Each op is one batch of 100 new documents. The ratios are
// logged (-v) after all have run.
//
//	go test -run '^$' -bench BenchmarkPut -benchmem ./index/
func BenchmarkPut(b *testing.B) {
	pool := synthDocs(2000, 42)
	var ours, same, raw float64
	b.Run("newsintel", func(b *testing.B) {
		ix, err := Open(filepath.Join(b.TempDir(), "ix"), Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		defer ix.Close()
		ours = runPut(b, pool, func(docs []newsintel.Document) error { return ix.Put(b.Context(), docs) })
	})
	b.Run("bleve-same-mapping", func(b *testing.B) {
		idx, err := bleve.NewUsing(filepath.Join(b.TempDir(), "same"), buildMapping(), scorch.Name, scorch.Name, kvConfig())
		if err != nil {
			b.Fatal(err)
		}
		defer idx.Close()
		lex := newLexicon()
		same = runPut(b, pool, func(docs []newsintel.Document) error {
			batch := idx.NewBatch()
			for i := range docs {
				x, err := toIndexed(&docs[i], lex)
				if err != nil {
					return err
				}
				if err := batch.Index(docs[i].ID, x); err != nil {
					return err
				}
			}
			return idx.Batch(batch)
		})
	})
	b.Run("bleve-default", func(b *testing.B) {
		idx, err := bleve.NewUsing(filepath.Join(b.TempDir(), "raw"), bleve.NewIndexMapping(), scorch.Name, scorch.Name, kvConfig())
		if err != nil {
			b.Fatal(err)
		}
		defer idx.Close()
		raw = runPut(b, pool, func(docs []newsintel.Document) error {
			batch := idx.NewBatch()
			for i := range docs {
				if err := batch.Index(docs[i].ID, &docs[i]); err != nil {
					return err
				}
			}
			return idx.Batch(batch)
		})
	})
	if raw > 0 && same > 0 {
		b.Logf("Put %.0f docs/s; raw bleve.Batch, default mapping %.0f docs/s (ratio %.2f); same mapping without revision checks %.0f docs/s (ratio %.2f)",
			ours, raw, ours/raw, same, ours/same)
	}
}

// runPut times b.N batches of new documents and returns docs/s.
func runPut(b *testing.B, pool []newsintel.Document, put func([]newsintel.Document) error) float64 {
	batch := make([]newsintel.Document, benchBatch)
	n := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		for j := range batch {
			batch[j] = pool[(i*benchBatch+j)%len(pool)]
			batch[j].ID = fmt.Sprintf("bench-%d-%d", i, j)
		}
		b.StartTimer()
		if err := put(batch); err != nil {
			b.Fatal(err)
		}
		n += benchBatch
	}
	rate := float64(n) / b.Elapsed().Seconds()
	b.ReportMetric(rate, "docs/s")
	return rate
}

// BenchmarkSearch searches 3 000 synthetic documents with a two-word
// query, with a phrase, two filters and five facets, and pages deep with
// search_after, reporting the median latency.
//
//	go test -run '^$' -bench BenchmarkSearch -benchmem ./index/
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex(b, 3000)
	benchSearches(b, ix, []searchCase{
		{"two-words", Request{Query: "antitrust regulators"}},
		{"phrase-filters-facets", Request{
			Query: `"cloud computing"`, Kind: []string{"article"}, Company: []string{"Amazon"},
			Facets: []string{"source", "publisher", "company", "agency", "source_type"},
		}},
		{"entity-facets-with-names", Request{Facets: []string{"entity"}, FacetSize: 20}},
	})
}

// searchCase is a named search a benchmark runs.
type searchCase struct {
	name string
	req  Request
}

// benchSearches runs each case as a sub-benchmark of b on ix, reporting
// its median latency and hits.
func benchSearches(b *testing.B, ix *Index, cases []searchCase) {
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var took []time.Duration
			var total uint64
			for b.Loop() {
				start := time.Now()
				res, err := ix.Search(b.Context(), c.req)
				if err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
				total = res.Total
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(total), "hits")
		})
	}
}

// BenchmarkEntityStats builds the entity page of the busiest company and
// of a rarer person in 3 000 synthetic documents.
//
//	go test -run '^$' -bench BenchmarkEntityStats -benchmem ./index/
func BenchmarkEntityStats(b *testing.B) {
	ix := benchIndex(b, 3000)
	for _, id := range []string{"company:alibaba-group", "person:gary-gensler"} {
		b.Run(id, func(b *testing.B) {
			var took []time.Duration
			var mentions uint64
			for b.Loop() {
				start := time.Now()
				st, err := ix.EntityStats(b.Context(), id, EntityRequest{})
				if err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
				mentions = st.Mentions
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(mentions), "docs")
		})
	}
}

// BenchmarkSimilar finds the documents most like one of 3 000.
//
//	go test -run '^$' -bench BenchmarkSimilar -benchmem ./index/
func BenchmarkSimilar(b *testing.B) {
	ix := benchIndex(b, 3000)
	for i := 0; b.Loop(); i++ {
		if _, err := ix.Similar(b.Context(), fmt.Sprintf("synth-%06d", i%3000), 10); err != nil {
			b.Fatal(err)
		}
	}
}

// benchIndex opens an index holding n synthetic documents.
func benchIndex(b *testing.B, n int) *Index {
	b.Helper()
	ix, err := Open(filepath.Join(b.TempDir(), "ix"), Options{MaxConcurrentSearches: 64}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = ix.Close() })
	if err := ix.Put(b.Context(), synthDocs(n, 7)); err != nil {
		b.Fatal(err)
	}
	return ix
}
