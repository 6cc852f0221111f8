package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// The workloads of the benchmark.
const (
	WorkloadMatch  = "(a) two-word match"
	WorkloadFacets = "(b) phrase, 2 filters, 5 facets"
	WorkloadEntity = "(c) entity page"
)

// workload runs query i of one kind and returns its total hits.
type workload struct {
	name string
	run  func(ctx context.Context, ix *index.Index, i int) (uint64, error)
}

// workloads builds the three query mixes, deterministic for a seed.
func workloads(seed uint64) []workload {
	rng := rand.New(rand.NewPCG(seed, 99))
	content := newsWords[20:320]
	pairs := make([]string, 64)
	for i := range pairs {
		pairs[i] = content[rng.IntN(len(content))] + " " + content[rng.IntN(len(content))]
	}
	companies := knownCompanies[:20]
	var entities []string
	for _, names := range [][]string{knownCompanies[:15], knownAgencies[:8], knownPeople[:6], knownPlaces[:6], knownGovernments[:2]} {
		for _, n := range names {
			entities = append(entities, n)
		}
	}
	types := entityTypesOf(entities)
	return []workload{
		{WorkloadMatch, func(ctx context.Context, ix *index.Index, i int) (uint64, error) {
			res, err := ix.Search(ctx, index.Request{Query: pairs[i%len(pairs)]})
			return total(res, err)
		}},
		{WorkloadFacets, func(ctx context.Context, ix *index.Index, i int) (uint64, error) {
			res, err := ix.Search(ctx, index.Request{
				Query: `"` + topicPhrases[i%len(topicPhrases)] + `"`,
				Kind:  []string{"article"}, Company: []string{companies[i%len(companies)]},
				Facets: []string{"source", "publisher", "company", "agency", "source_type"},
			})
			return total(res, err)
		}},
		{WorkloadEntity, func(ctx context.Context, ix *index.Index, i int) (uint64, error) {
			k := i % len(entities)
			st, err := ix.EntityStats(ctx, newsintel.EntityID(types[k], entities[k]), index.EntityRequest{})
			if err != nil {
				return 0, err
			}
			return st.Mentions, nil
		}},
	}
}

func total(res *index.Result, err error) (uint64, error) {
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

// entityTypesOf returns the type of each known entity name.
func entityTypesOf(names []string) []newsintel.EntityType {
	out := make([]newsintel.EntityType, len(names))
	for i, n := range names {
		switch {
		case slices.Contains(knownCompanies, n):
			out[i] = newsintel.EntityCompany
		case slices.Contains(knownAgencies, n):
			out[i] = newsintel.EntityAgency
		case slices.Contains(knownPeople, n):
			out[i] = newsintel.EntityPerson
		case slices.Contains(knownPlaces, n):
			out[i] = newsintel.EntityPlace
		default:
			out[i] = newsintel.EntityGovernment
		}
	}
	return out
}

// warmUpQueries is how many queries of each workload run, untimed,
// before the measured ones: a server answers most queries warm, and a
// fresh process's first ones read the index's files and fill Bleve's
// caches. They come from the same mixes (another seed for the word
// pairs; the phrases, companies and entities cycle in the measured runs
// too).
const warmUpQueries = 20

// runQueries measures every workload at rest, then again while a writer
// keeps putting new documents.
func runQueries(ctx context.Context, o Options, ix *index.Index, rep *Report) error {
	for _, w := range workloads(2) {
		measure(ctx, ix, w, warmUpQueries, false)
	}
	ws := workloads(1)
	for _, w := range ws {
		o.Log.Info("querying at rest", "workload", w.name)
		rep.Latencies = append(rep.Latencies, measure(ctx, ix, w, o.Queries, false))
	}
	wctx, stop := context.WithCancel(ctx)
	var written atomic.Int64
	var wg sync.WaitGroup
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		writeErr = keepWriting(wctx, ix, o.BatchSize, o.BusyRate, &written)
	}()
	start := time.Now()
	for _, w := range ws {
		o.Log.Info("querying while indexing", "workload", w.name)
		rep.Latencies = append(rep.Latencies, measure(ctx, ix, w, o.Queries, true))
	}
	stop()
	wg.Wait()
	rep.BusyPutRate = float64(written.Load()) / time.Since(start).Seconds()
	if writeErr != nil && ctx.Err() == nil {
		return fmt.Errorf("bench: writing while querying: %w", writeErr)
	}
	return ctx.Err()
}

// keepWriting puts batches of new documents until ctx ends, at about
// rate documents/s, or as fast as it can when rate is 0.
func keepWriting(ctx context.Context, ix *index.Index, size int, rate float64, written *atomic.Int64) error {
	g := NewGenerator(2)
	start := time.Now()
	for n := 0; ; {
		if rate > 0 {
			due := start.Add(time.Duration(float64(n) / rate * float64(time.Second)))
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Until(due)):
			}
		}
		batch := make([]newsintel.Document, size)
		for i := range batch {
			batch[i] = g.Next()
			batch[i].ID = fmt.Sprintf("live-%d", n)
			n++
		}
		if err := ix.Put(ctx, batch); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		written.Add(int64(size))
	}
}

// measure runs n queries of w one after the other.
func measure(ctx context.Context, ix *index.Index, w workload, n int, busy bool) Latency {
	l := Latency{Workload: w.name, Busy: busy}
	took := make([]time.Duration, 0, n)
	var hits uint64
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		start := time.Now()
		h, err := w.run(ctx, ix, i)
		took = append(took, time.Since(start))
		if err != nil {
			l.Errors++
		}
		hits += h
	}
	slices.Sort(took)
	l.N = len(took)
	if l.N > 0 {
		l.P50 = took[l.N/2]
		l.P99 = took[min(l.N-1, l.N*99/100)]
		l.Max = took[l.N-1]
		l.Hits = float64(hits) / float64(l.N)
	}
	return l
}
