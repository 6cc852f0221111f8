package api

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics is a registry of metrics exposed at /metrics in the Prometheus
// text format: the API's request latencies and counts, plus families that
// other components add with Register. It is safe for concurrent use; pass
// one to every component that reports into it (no package globals).
type Metrics struct {
	mu         sync.Mutex
	latency    map[string]*histogram // by route pattern
	requests   map[[2]string]uint64  // route pattern, status code
	collectors []func(context.Context) []Family
}

// Family is one metric family: a name, its help text, its type (counter,
// gauge) and samples.
type Family struct {
	Name, Help, Type string
	Samples          []Sample
}

// Sample is one value of a family, with label pairs in order. Suffix
// follows the family's name (the _bucket, _sum and _count of a
// histogram).
type Sample struct {
	Labels [][2]string
	Value  float64
	Suffix string
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

// NewMetrics returns an empty registry.
func NewMetrics() *Metrics {
	return &Metrics{latency: map[string]*histogram{}, requests: map[[2]string]uint64{}}
}

// Register adds a collector called at every scrape. Collectors must be
// quick and safe for concurrent use.
func (m *Metrics) Register(c func(context.Context) []Family) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.collectors = append(m.collectors, c)
}

// MapCollector returns a collector for Register that reports a snapshot
// of named counts (such as a feed poller's Counters) as one counter family,
// one sample per name under the label label.
func MapCollector(name, help, label string, snapshot func() map[string]int64) func(context.Context) []Family {
	return func(context.Context) []Family {
		counts := snapshot()
		f := Family{Name: name, Help: help, Type: "counter"}
		for _, k := range sortedKeys(counts) {
			f.Samples = append(f.Samples, Sample{Labels: [][2]string{{label, k}}, Value: float64(counts[k])})
		}
		return []Family{f}
	}
}

// observe records one request to a route.
func (m *Metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.latency[route] = h
	}
	sec := d.Seconds()
	if i, _ := slices.BinarySearch(latencyBuckets, sec); i < len(latencyBuckets) {
		h.counts[i]++
	}
	h.sum += sec
	h.n++
	m.requests[[2]string{route, strconv.Itoa(status)}]++
}

// WriteTo writes every family in the Prometheus text exposition format
// (version 0.0.4), extra families first.
func (m *Metrics) WriteTo(ctx context.Context, w io.Writer, extra []Family) error {
	m.mu.Lock()
	collectors := slices.Clone(m.collectors)
	fams := append(extra, m.requestFamilies()...)
	m.mu.Unlock()
	for _, c := range collectors {
		fams = append(fams, c(ctx)...)
	}
	var b strings.Builder
	for _, f := range fams {
		writeFamily(&b, f)
	}
	b.WriteString(m.latencyText())
	_, err := io.WriteString(w, b.String())
	return err
}

// requestFamilies returns the request counter; m.mu must be held.
func (m *Metrics) requestFamilies() []Family {
	f := Family{Name: "newsintel_http_requests_total", Help: "HTTP requests by route and status.", Type: "counter"}
	for k, n := range m.requests {
		f.Samples = append(f.Samples, Sample{Labels: [][2]string{{"route", k[0]}, {"status", k[1]}}, Value: float64(n)})
	}
	slices.SortFunc(f.Samples, func(a, b Sample) int { return strings.Compare(labelText(a.Labels), labelText(b.Labels)) })
	return []Family{f}
}

// latencyText renders the latency histogram family.
func (m *Metrics) latencyText() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	name := "newsintel_http_request_duration_seconds"
	fmt.Fprintf(&b, "# HELP %s Time to answer a request, by route.\n# TYPE %s histogram\n", name, name)
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		h := m.latency[r]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "%s_bucket{route=%s,le=\"%s\"} %d\n", name, quote(r), formatFloat(le), cum)
		}
		fmt.Fprintf(&b, "%s_bucket{route=%s,le=\"+Inf\"} %d\n", name, quote(r), h.n)
		fmt.Fprintf(&b, "%s_sum{route=%s} %s\n%s_count{route=%s} %d\n", name, quote(r), formatFloat(h.sum), name, quote(r), h.n)
	}
	return b.String()
}

func writeFamily(b *strings.Builder, f Family) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n", f.Name, strings.ReplaceAll(f.Help, "\n", " "), f.Name, f.Type)
	for _, s := range f.Samples {
		fmt.Fprintf(b, "%s%s%s %s\n", f.Name, s.Suffix, labelText(s.Labels), formatFloat(s.Value))
	}
}

func labelText(labels [][2]string) string {
	if len(labels) == 0 {
		return ""
	}
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = l[0] + "=" + quote(l[1])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// quote escapes a label value as the text format wants: backslash, quote
// and newline.
func quote(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
	return `"` + s + `"`
}

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// metricsHandler serves /metrics: the registry plus the pipeline and index
// figures from Options.
func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_ = s.metrics.WriteTo(r.Context(), w, s.pipelineFamilies(r.Context()))
}
