package api

import (
	"cmp"
	"slices"

	"github.com/newsintel/newsintel/pipelines/deliver"
)

// DeliveryStats is what a DeliveryLog reports to /metrics when it can
// (deliver.Deliverer does).
type DeliveryStats interface {
	Stats() deliver.Stats
}

// deliveryFamilies reports deliveries: attempts by channel and outcome,
// and a histogram of send times by channel.
func deliveryFamilies(st deliver.Stats) []Family {
	attempts := Family{Name: "newsintel_delivery_attempts_total", Type: "counter",
		Help: "Attempts to deliver a digest or alert, by channel and what each came to: sent, failed (retried later) or gave_up."}
	outcomes := make([]deliver.Outcome, 0, len(st.Attempts))
	for o := range st.Attempts {
		outcomes = append(outcomes, o)
	}
	slices.SortFunc(outcomes, func(a, b deliver.Outcome) int {
		return cmp.Or(cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.State, b.State))
	})
	for _, o := range outcomes {
		attempts.Samples = append(attempts.Samples, Sample{Labels: [][2]string{{"channel", o.Channel}, {"state", o.State}}, Value: float64(st.Attempts[o])})
	}
	latency := Family{Name: "newsintel_delivery_duration_seconds", Type: "histogram",
		Help: "Time one attempt took to send (SMTP submission or webhook POST), by channel."}
	for _, ch := range sortedKeys(st.Latency) {
		l := st.Latency[ch]
		for i, le := range deliver.LatencyBuckets {
			latency.Samples = append(latency.Samples, Sample{Suffix: "_bucket", Labels: [][2]string{{"channel", ch}, {"le", formatFloat(le)}}, Value: float64(l.Counts[i])})
		}
		latency.Samples = append(latency.Samples,
			Sample{Suffix: "_bucket", Labels: [][2]string{{"channel", ch}, {"le", "+Inf"}}, Value: float64(l.Count)},
			Sample{Suffix: "_sum", Labels: [][2]string{{"channel", ch}}, Value: l.Sum},
			Sample{Suffix: "_count", Labels: [][2]string{{"channel", ch}}, Value: float64(l.Count)})
	}
	return []Family{attempts, latency}
}
