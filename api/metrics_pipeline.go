package api

import (
	"context"
	"slices"
)

// pipelineFamilies reports the stages' counters and lag, the index's size
// and the deliveries of digests and alerts from what Options gives. A function that fails leaves its family
// out and counts in newsintel_metrics_errors.
func (s *Server) pipelineFamilies(ctx context.Context) []Family {
	var fams []Family
	errs := 0
	if len(s.opts.Stages) > 0 {
		fams = append(fams, stageFamilies(s.opts)...)
	}
	if s.opts.Lag != nil {
		if lag, err := s.opts.Lag(ctx); err == nil {
			f := Family{Name: "newsintel_stage_pending_messages", Help: "Messages waiting for each stage's consumer (consumer lag).", Type: "gauge"}
			for _, name := range sortedKeys(lag) {
				f.Samples = append(f.Samples, Sample{Labels: [][2]string{{"stage", name}}, Value: float64(lag[name])})
			}
			fams = append(fams, f)
		} else {
			errs++
		}
	}
	if s.opts.DocCount != nil {
		if n, err := s.opts.DocCount(); err == nil {
			fams = append(fams, gauge("newsintel_index_documents", "Documents in the search index.", float64(n)))
		} else {
			errs++
		}
	}
	if s.opts.DiskSize != nil {
		if n, err := s.opts.DiskSize(); err == nil {
			fams = append(fams, gauge("newsintel_index_disk_bytes", "Bytes the search index takes on disk.", float64(n)))
		} else {
			errs++
		}
	}
	if st, ok := s.opts.Deliveries.(DeliveryStats); ok {
		fams = append(fams, deliveryFamilies(st.Stats())...)
	}
	return append(fams, gauge("newsintel_metrics_errors", "Metric sources that failed during this scrape.", float64(errs)))
}

// stageFamilies reports pipelines.Counters, one sample per stage.
func stageFamilies(o Options) []Family {
	processed := Family{Name: "newsintel_stage_processed_total", Help: "Messages a stage handled and acked.", Type: "counter"}
	published := Family{Name: "newsintel_stage_published_total", Help: "Messages a stage published, or documents it indexed.", Type: "counter"}
	failed := Family{Name: "newsintel_stage_failed_total", Help: "Transient failures, each followed by a redelivery.", Type: "counter"}
	dead := Family{Name: "newsintel_stage_dead_letters_total", Help: "Messages sent to the DEAD stream.", Type: "counter"}
	for _, name := range sortedKeys(o.Stages) {
		c := o.Stages[name]
		if c == nil {
			continue
		}
		l := [][2]string{{"stage", name}}
		processed.Samples = append(processed.Samples, Sample{Labels: l, Value: float64(c.Processed.Load())})
		published.Samples = append(published.Samples, Sample{Labels: l, Value: float64(c.Published.Load())})
		failed.Samples = append(failed.Samples, Sample{Labels: l, Value: float64(c.Failed.Load())})
		dead.Samples = append(dead.Samples, Sample{Labels: l, Value: float64(c.Dead.Load())})
	}
	return []Family{processed, published, failed, dead}
}

func gauge(name, help string, v float64) Family {
	return Family{Name: name, Help: help, Type: "gauge", Samples: []Sample{{Value: v}}}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
