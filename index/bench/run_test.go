package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRunSmallCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes a corpus twice")
	}
	corpus := t.TempDir()
	f, err := os.Create(filepath.Join(corpus, CorpusFile))
	require.NoError(t, err)
	require.NoError(t, Generate(f, 200, 3))
	require.NoError(t, f.Close())
	work := t.TempDir()
	rep, err := Run(t.Context(), Options{Corpus: corpus, WorkDir: work, BatchSize: 50, Queries: 4})
	require.NoError(t, err)
	if rep.Docs != 200 || rep.TextBytes <= 0 || rep.PutRate <= 0 || rep.BaselineRate <= 0 {
		t.Errorf("report %+v: want 200 documents, their text and both rates", rep)
	}
	if rep.IndexBytes <= 0 || rep.BaselineBytes <= 0 {
		t.Errorf("sizes %d and %d, want both measured", rep.IndexBytes, rep.BaselineBytes)
	}
	if len(rep.Latencies) != 6 {
		t.Fatalf("got %d latency rows, want 3 workloads × at rest and busy", len(rep.Latencies))
	}
	for _, l := range rep.Latencies {
		if l.N != 4 || l.Errors != 0 || l.P50 <= 0 || l.P99 < l.P50 {
			t.Errorf("latency %+v: want 4 queries without errors and p99 ≥ p50 > 0", l)
		}
		if l.Hits == 0 {
			t.Errorf("workload %s found nothing; the queries should match the corpus", l.Workload)
		}
	}
	var out bytes.Buffer
	require.NoError(t, rep.Print(&out))
	for _, want := range []string{"raw Bleve batches", "Index.Put", WorkloadMatch, WorkloadFacets, WorkloadEntity, "ratio"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("printed report lacks %q:\n%s", want, out.String())
		}
	}
	again, err := Run(t.Context(), Options{WorkDir: work, Queries: 2, QueriesOnly: true})
	require.NoError(t, err)
	if again.Docs < 200 || len(again.Latencies) != 6 {
		t.Errorf("queries-only run: %d documents, %d latency rows; want at least 200 and 6", again.Docs, len(again.Latencies))
	}
}
