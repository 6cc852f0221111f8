package pipelines

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// benchRaw returns a raw article of about 4 KiB, a typical page after the
// fetcher, numbered i.
func benchRaw(i int) newsintel.Raw {
	r := testRaw(i)
	r.Body = fmt.Appendf(nil, "<html><body>%0*d</body></html>", 4000, i)
	return r
}

// jetstreamBaseline publishes n messages of the size of benchRaw on
// raw.bench with plain synchronous JetStream publishes, one at a time, and
// returns messages per second.
func jetstreamBaseline(tb testing.TB, b *Bus, n int) float64 {
	data, err := json.Marshal(benchRaw(0))
	require.NoError(tb, err)
	start := time.Now()
	for i := range n {
		_, err := b.js.Publish(tb.Context(), "raw.article.baseline", data, jetstream.WithMsgID(fmt.Sprint("baseline-", i)))
		require.NoError(tb, err)
	}
	return float64(n) / time.Since(start).Seconds()
}

// BenchmarkPublishRaw measures PublishRaw (JSON encoding, hashing, message
// ID) against plain JetStream publishes of the same bytes in the same run;
// ratio_vs_jetstream is PublishRaw's rate over the plain rate.
func BenchmarkPublishRaw(b *testing.B) {
	_, bus := newTestBus(b)
	raws := make([]newsintel.Raw, b.N)
	for i := range raws {
		raws[i] = benchRaw(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		if err := bus.PublishRaw(b.Context(), raws[i]); err != nil {
			b.Fatal(err)
		}
	}
	ours := float64(b.N) / time.Since(start).Seconds()
	b.StopTimer()
	base := jetstreamBaseline(b, bus, b.N)
	b.ReportMetric(ours, "msgs/s")
	b.ReportMetric(base, "jetstream_msgs/s")
	b.ReportMetric(ours/base, "ratio_vs_jetstream")
}

// BenchmarkTransformThroughput measures messages per second through
// RunTransform with a trivial transform (decode, publish to DOCS, double
// ack) against plain synchronous JetStream publishes in the same run.
func BenchmarkTransformThroughput(b *testing.B) {
	for _, conc := range []int{1, 16} {
		b.Run(fmt.Sprintf("concurrency=%d", conc), func(b *testing.B) {
			_, bus := newTestBus(b)
			for i := range b.N {
				require.NoError(b, bus.PublishRaw(b.Context(), benchRaw(i)))
			}
			o := StageOptions{Name: "extract", Concurrency: conc, BatchWait: 50 * time.Millisecond, Counters: new(Counters)}
			b.ResetTimer()
			start := time.Now()
			ctx, cancel := context.WithCancel(b.Context())
			done := make(chan error, 1)
			go func() { done <- bus.RunTransform(ctx, o, echoTransform) }()
			for o.Counters.Processed.Load() < uint64(b.N) {
				time.Sleep(time.Millisecond)
			}
			ours := float64(b.N) / time.Since(start).Seconds()
			b.StopTimer()
			cancel()
			require.NoError(b, <-done)
			base := jetstreamBaseline(b, bus, b.N)
			b.ReportMetric(ours, "msgs/s")
			b.ReportMetric(base, "jetstream_msgs/s")
			b.ReportMetric(ours/base, "ratio_vs_jetstream")
		})
	}
}
