package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/article"
	"github.com/newsintel/newsintel/extract/claims"
	"github.com/newsintel/newsintel/extract/cluster"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/extract/filing"
	"github.com/newsintel/newsintel/extract/internal/fullsize"
	"github.com/newsintel/newsintel/extract/lang"
	"github.com/newsintel/newsintel/extract/neardup"
	"golang.org/x/net/html"
)

// The stage's cost is measured against parsing alone, the floor every
// extractor pays, over the article evaluation pages:
//
//	go test ./extract/ -run '^$' -bench 'Parse|Stage|MedianPage|FullSize' -benchmem
//
// BenchmarkMedianPage reports ms and bytes per page and the stage/parse
// ratio on the median page. The full-size pages (package fullsize:
// 25 real-size publisher pages of 136–602 KB around 575–816-word articles)
// are the set the stage's cost target is measured on.

// evalPages loads the article evaluation pages as Raw messages.
func evalPages(tb testing.TB) []newsintel.Raw {
	return pages(tb, filepath.Join("article", "testdata", "eval", "*.html"))
}

// pages loads the HTML files matching pattern as Raw messages. The
// evaluation pages are small (median 3.5 KB); the demo corpus pages
// (../demo/corpus/articles, 10–20 KB with navigation, scripts and
// JSON-LD) are closer to the size of real news pages.
func pages(tb testing.TB, pattern string) []newsintel.Raw {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no evaluation pages: %v", err)
	}
	raws := make([]newsintel.Raw, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		raws = append(raws, newsintel.Raw{
			ID: filepath.Base(f), Kind: newsintel.KindArticle, Source: "bench",
			URL: "https://news.example/" + filepath.Base(f), ContentType: "text/html", Body: data,
		})
	}
	return raws
}

// BenchmarkParse measures html.Parse alone over every evaluation page.
func BenchmarkParse(b *testing.B) {
	raws := evalPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range raws {
			if _, err := html.Parse(bytes.NewReader(r.Body)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(raws))/1000, "ms/page")
}

// BenchmarkStage measures the whole extract stage (body, metadata,
// language, entities, claims, fingerprints) over every evaluation page.
func BenchmarkStage(b *testing.B) {
	raws := evalPages(b)
	x := New(nil)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range raws {
			if _, err := x.Extract(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(raws))/1000, "ms/page")
}

// BenchmarkStageParts splits the stage's cost into its steps, over the
// evaluation pages and over the full-size pages, to show where time
// beyond parsing goes.
func BenchmarkStageParts(b *testing.B) {
	b.Run("eval", func(b *testing.B) { stageParts(b, evalPages(b)) })
	b.Run("fullsize", func(b *testing.B) { stageParts(b, fullsizePages(b)) })
}

func stageParts(b *testing.B, raws []newsintel.Raw) {
	bodies := make([]string, len(raws))
	for i, r := range raws {
		a, err := article.ExtractBytes(r.Body, nil)
		if err != nil {
			b.Fatal(err)
		}
		bodies[i] = a.Body
	}
	gaz := entities.Builtin()
	parts := []struct {
		name string
		run  func(i int)
	}{
		{"parse", func(i int) { html.Parse(bytes.NewReader(raws[i].Body)) }},
		{"parse+article", func(i int) { article.ExtractBytes(raws[i].Body, nil) }},
		{"filing-detect", func(i int) { filing.Detect(raws[i].Body) }},
		{"entities", func(i int) { gaz.Tag(bodies[i]) }},
		{"entities+claims", func(i int) { claims.Extract(bodies[i], gaz.Tag(bodies[i])) }},
		{"lang", func(i int) { lang.Detect(bodies[i]) }},
		{"fingerprints", func(i int) { neardup.BodyHash(bodies[i]); neardup.SimHash(bodies[i]) }},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := range raws {
					p.run(i)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(raws))/1000, "ms/page")
		})
	}
}

// BenchmarkMedianPage measures parse and stage on the median page (by
// size), alternating between them so that load on the machine hits both
// alike, and reports ms and bytes per page for each and the stage/parse
// time ratio.
func BenchmarkMedianPage(b *testing.B) {
	sets := map[string]string{
		"eval": filepath.Join("article", "testdata", "eval", "*.html"),
		"demo": filepath.Join("..", "demo", "corpus", "articles", "*.html"),
	}
	for _, name := range []string{"eval", "demo"} {
		b.Run(name, func(b *testing.B) { medianPage(b, pages(b, sets[name])) })
	}
	b.Run("fullsize", func(b *testing.B) { medianPage(b, fullsizePages(b)) })
}

// fullsizePages returns the full-size pages as Raw messages.
func fullsizePages(tb testing.TB) []newsintel.Raw {
	tb.Helper()
	pgs, err := fullsize.Pages()
	if err != nil {
		tb.Fatal(err)
	}
	raws := make([]newsintel.Raw, len(pgs))
	for i, p := range pgs {
		raws[i] = newsintel.Raw{ID: p.Name, Kind: newsintel.KindArticle, Source: "bench", URL: p.URL, ContentType: "text/html; charset=utf-8", Body: p.HTML}
	}
	return raws
}

// BenchmarkFullSize measures parse alone and the whole stage over every
// full-size page, one op being the whole set; ms/page and B/page divide
// by the number of pages.
func BenchmarkFullSize(b *testing.B) {
	raws := fullsizePages(b)
	x := New(nil)
	xc := New(nil, WithClusters(cluster.New(cluster.NewMemStore())))
	ctx := context.Background()
	steps := []struct {
		name string
		run  func(r newsintel.Raw) error
	}{
		{"parse", func(r newsintel.Raw) error { _, err := html.Parse(bytes.NewReader(r.Body)); return err }},
		{"stage", func(r newsintel.Raw) error { _, err := x.Extract(ctx, r); return err }},
		// With near-duplicate clustering as serve runs it, over an
		// in-memory store instead of the NATS KV bucket.
		{"stage+clusters", func(r newsintel.Raw) error { _, err := xc.Extract(ctx, r); return err }},
	}
	for _, st := range steps {
		b.Run(st.name, func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			startCPU := cpuTime()
			for b.Loop() {
				for _, r := range raws {
					if err := st.run(r); err != nil {
						b.Fatal(err)
					}
				}
			}
			cpu := cpuTime() - startCPU
			runtime.ReadMemStats(&after)
			n := float64(b.N * len(raws))
			b.ReportMetric(float64(b.Elapsed().Microseconds())/n/1000, "ms/page")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/n/1000, "cpu-ms/page")
			}
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/page")
		})
	}
	b.Run("ratio", func(b *testing.B) { pageRatios(b, raws) })
}

// pageRatios times parse and stage on every page, alternating as
// medianPage does, and reports the median and the largest stage/parse
// ratio (of CPU time where it can be read) over the pages and the most
// bytes the stage allocated on one page.
func pageRatios(b *testing.B, raws []newsintel.Raw) {
	x := New(nil)
	ctx := context.Background()
	var ratios []float64
	maxBytes, worst := 0.0, ""
	for b.Loop() { // one pass over the pages takes seconds: one iteration
		ratios, maxBytes = ratios[:0], 0
		for _, r := range raws {
			parse, stage := costPairN(
				func() { html.Parse(bytes.NewReader(r.Body)) },
				func() { x.Extract(ctx, r) }, 9, 5)
			ratio := stage.ms / parse.ms
			if parse.cpuMS > 0 {
				ratio = stage.cpuMS / parse.cpuMS
			}
			ratios = append(ratios, ratio)
			b.Logf("%-28s %4d KB  parse %.2f ms (CPU %.2f)  stage %.2f ms (CPU %.2f)  ratio %.2f  stage %.2f MB", r.ID, len(r.Body)>>10, parse.ms, parse.cpuMS, stage.ms, stage.cpuMS, ratio, stage.bytes/(1<<20))
			if stage.bytes > maxBytes {
				maxBytes, worst = stage.bytes, r.ID
			}
		}
	}
	slices.Sort(ratios)
	b.Logf("most bytes on %s", worst)
	b.ReportMetric(ratios[len(ratios)/2], "median-stage/parse")
	b.ReportMetric(ratios[len(ratios)-1], "max-stage/parse")
	b.ReportMetric(maxBytes, "max-stage-B/page")
}

// medianPage reports, for the median page of raws, parse and stage cost,
// their ratio, and the share of the stage that claim extraction takes.
func medianPage(b *testing.B, raws []newsintel.Raw) {
	slices.SortFunc(raws, func(p, q newsintel.Raw) int { return len(p.Body) - len(q.Body) })
	med := raws[len(raws)/2]
	x := New(nil)
	ctx := context.Background()
	parse, stage := costPair(
		func() { html.Parse(bytes.NewReader(med.Body)) },
		func() { x.Extract(ctx, med) })
	doc, err := x.Extract(ctx, med)
	if err != nil {
		b.Fatal(err)
	}
	claimCost, _ := costPair(func() { claims.Extract(doc.Body, doc.Mentions) }, func() {})
	for b.Loop() {
		x.Extract(ctx, med)
	}
	b.ReportMetric(float64(len(med.Body)), "page-bytes")
	b.ReportMetric(parse.ms, "parse-ms/page")
	b.ReportMetric(stage.ms, "stage-ms/page")
	b.ReportMetric(parse.bytes, "parse-B/page")
	b.ReportMetric(stage.bytes, "stage-B/page")
	b.ReportMetric(stage.ms/parse.ms, "stage/parse")
	if parse.cpuMS > 0 {
		// CPU time is what the stage costs whatever else the machine runs.
		b.ReportMetric(parse.cpuMS, "parse-cpu-ms/page")
		b.ReportMetric(stage.cpuMS, "stage-cpu-ms/page")
		b.ReportMetric(stage.cpuMS/parse.cpuMS, "stage/parse-cpu")
	}
	b.ReportMetric(claimCost.ms/(parse.ms+stage.ms), "claims-share")
}

// pageCost is the cost of one call: the median wall time over the
// rounds, the median CPU time of the process (which other processes on
// the machine do not inflate; 0 where it cannot be read), and the mean
// bytes allocated.
type pageCost struct{ ms, cpuMS, bytes float64 }

// costPair times f and g in alternating rounds and returns, for each, the
// median time per call over the rounds and the mean bytes allocated per
// call. It times by hand: testing.Benchmark cannot run inside a benchmark.
func costPair(f, g func()) (pageCost, pageCost) {
	return costPairN(f, g, 31, 20)
}

// costPairN is costPair with rounds rounds of perRound calls each.
func costPairN(f, g func(), rounds, perRound int) (pageCost, pageCost) {
	f() // warm up: the gazetteer and lazily built tables
	g()
	var cf, cg [3][]float64 // wall ms, CPU ms, bytes per round
	for range rounds {
		cf = appendCost(cf, timeCalls(f, perRound))
		cg = appendCost(cg, timeCalls(g, perRound))
	}
	return summarize(cf), summarize(cg)
}

func appendCost(c [3][]float64, p pageCost) [3][]float64 {
	c[0], c[1], c[2] = append(c[0], p.ms), append(c[1], p.cpuMS), append(c[2], p.bytes)
	return c
}

// summarize takes the median times and the mean bytes of the rounds.
func summarize(c [3][]float64) pageCost {
	median := func(xs []float64) float64 {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	mean := 0.0
	for _, b := range c[2] {
		mean += b / float64(len(c[2]))
	}
	return pageCost{median(c[0]), median(c[1]), mean}
}

// timeCalls calls f n times and returns the mean wall and CPU ms and the
// mean bytes allocated per call.
func timeCalls(f func(), n int) pageCost {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, startCPU := time.Now(), cpuTime()
	for range n {
		f()
	}
	elapsed, cpu := time.Since(start), cpuTime()-startCPU
	runtime.ReadMemStats(&after)
	return pageCost{
		ms:    float64(elapsed.Microseconds()) / 1000 / float64(n),
		cpuMS: float64(cpu.Microseconds()) / 1000 / float64(n),
		bytes: float64(after.TotalAlloc-before.TotalAlloc) / float64(n),
	}
}

// TestStageBigPage checks that memory stays bounded on a 16 MiB page (the
// fetcher's cap) of distinct paragraphs: the stage must finish, allocate a
// bounded multiple of the input and grow the heap by a bounded multiple.
func TestStageBigPage(t *testing.T) {
	if testing.Short() {
		t.Skip("16 MiB page in -short mode")
	}
	var sb strings.Builder
	sb.WriteString("<html><head><title>Big page</title></head><body><article>")
	for i := 0; sb.Len() < 16<<20; i++ {
		// Paragraphs differ, so that none is dropped as a repeat and the
		// whole text reaches entities and claims.
		fmt.Fprintf(&sb, "<p>The Commerce Department said on Tuesday that it would review contract %d of Alibaba's cloud unit, according to two people familiar with the matter, who asked not to be named.</p>\n", i)
	}
	sb.WriteString("</article></body></html>")
	raw := newsintel.Raw{ID: "big", Kind: newsintel.KindArticle, ContentType: "text/html", Body: []byte(sb.String())}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, err := New(nil).Extract(t.Context(), raw)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("16 MiB page: %v, %d MiB allocated, peak heap %d MiB, body %d bytes", time.Since(start), alloc>>20, after.HeapSys>>20, len(doc.Body))
	// Measured: about 40× the page allocated in all, a heap of about 14×.
	if limit := uint64(64 * len(raw.Body)); alloc > limit {
		t.Errorf("allocated %d bytes on a %d byte page, want at most %d", alloc, len(raw.Body), limit)
	}
	if grown, limit := after.HeapSys-before.HeapSys, uint64(24*len(raw.Body)); after.HeapSys > before.HeapSys && grown > limit {
		t.Errorf("heap grew by %d bytes on a %d byte page, want at most %d", grown, len(raw.Body), limit)
	}
}
