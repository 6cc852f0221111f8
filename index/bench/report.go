package bench

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// Targets on a 2-core machine at 100 000 documents (tracker issue #7).
var targets = map[string]time.Duration{
	WorkloadMatch:  30 * time.Millisecond,
	WorkloadFacets: 80 * time.Millisecond,
	WorkloadEntity: 100 * time.Millisecond,
}

// Target ratios.
const (
	targetPutRatio  = 1.3 // raw Bleve docs/s over Put docs/s, at most
	targetSizeRatio = 1.5 // index bytes over extracted text bytes, at most
)

// Print writes the report as tables with ratios and targets.
func (r *Report) Print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d\ttext %s\n\n", r.Docs, mib(r.TextBytes))
	if r.TextBytes > 0 {
		r.printIndexing(tw)
	}
	r.printLatencies(tw)
	return tw.Flush()
}

func (r *Report) printIndexing(tw io.Writer) {
	fmt.Fprintf(tw, "indexing\tdocs/s\tratio\ttarget\n")
	fmt.Fprintf(tw, "raw Bleve batches, same mapping\t%.0f\t\t\n", r.BaselineRate)
	ratio := r.BaselineRate / r.PutRate
	fmt.Fprintf(tw, "Index.Put\t%.0f\t%.2f (raw/Put)\t≤ %.1f %s\n", r.PutRate, ratio, targetPutRatio, verdict(ratio <= targetPutRatio))
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "size on disk\tbytes\tratio to text\ttarget\n")
	fmt.Fprintf(tw, "raw Bleve\t%s\t%.2f\t\n", mib(r.BaselineBytes), float64(r.BaselineBytes)/float64(r.TextBytes))
	sr := float64(r.IndexBytes) / float64(r.TextBytes)
	fmt.Fprintf(tw, "Index\t%s\t%.2f\t≤ %.1f %s\n\n", mib(r.IndexBytes), sr, targetSizeRatio, verdict(sr <= targetSizeRatio))
}

func (r *Report) printLatencies(tw io.Writer) {
	fmt.Fprintf(tw, "query\twhile indexing\tn\tmean hits\tp50\tp99\tmax\terrors\tp99 target\n")
	for _, l := range r.Latencies {
		t := targets[l.Workload]
		fmt.Fprintf(tw, "%s\t%v\t%d\t%.0f\t%s\t%s\t%s\t%d\t≤ %s %s\n", l.Workload, l.Busy, l.N, l.Hits,
			ms(l.P50), ms(l.P99), ms(l.Max), l.Errors, ms(t), verdict(l.P99 <= t && l.Errors == 0))
	}
	fmt.Fprintf(tw, "Index.Put while querying\t%.0f docs/s\n", r.BusyPutRate)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
