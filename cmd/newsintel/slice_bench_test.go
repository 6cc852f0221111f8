package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/stretchr/testify/require"
)

// BenchmarkSlice measures documents per second through the whole slice:
// RAW publish → extract (body, entities, claims) → DOCS → index, on the
// embedded engines, with the article evaluation pages as bodies. It reports
// docs/s from the first publish until the index holds every document.
func BenchmarkSlice(b *testing.B) {
	pages, err := filepath.Glob("../../extract/article/testdata/eval/*.html")
	require.NoError(b, err)
	require.NotEmpty(b, pages)
	bodies := make([][]byte, len(pages))
	for i, p := range pages {
		bodies[i], err = os.ReadFile(p)
		require.NoError(b, err)
	}
	cfg := testConfig(b.TempDir())
	r := startServe(b, cfg, serveOptions{})
	bus, err := pipelines.Connect(b.Context(), r.info.NATSURL, "bench", nil)
	require.NoError(b, err)
	defer bus.Close()

	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		u := fmt.Sprintf("https://bench.example/%d/%s", i, filepath.Base(pages[i%len(pages)]))
		raw := newsintel.Raw{ID: newsintel.ArticleID(u), Kind: newsintel.KindArticle, Source: "bench", URL: u,
			ContentType: "text/html", Fetched: time.Now().UTC(), Body: bodies[i%len(bodies)]}
		require.NoError(b, bus.PublishRaw(b.Context(), raw))
	}
	published := time.Since(start)
	var res apiSearch
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		getJSON(b, "http://"+r.info.HTTPAddr+"/api/v1/search?size=1", &res)
		if res.Total >= uint64(b.N) {
			break
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	require.Equal(b, uint64(b.N), res.Total, "documents indexed")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(b.N)/published.Seconds(), "published/s")
}
