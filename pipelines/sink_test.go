package pipelines

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// recorder is a Sink that remembers every batch, upserting by ID as the
// index does.
type recorder struct {
	mu      sync.Mutex
	batches [][]string
	byID    map[string]newsintel.Document
}

func (r *recorder) sink(_ context.Context, docs []newsintel.Document) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byID == nil {
		r.byID = map[string]newsintel.Document{}
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
		r.byID[d.ID] = d
	}
	r.batches = append(r.batches, ids)
	return nil
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.byID)
}

func TestRunSinkBatchesAndAcksAfterSink(t *testing.T) {
	_, b := newTestBus(t)
	const n = 25
	for i := range n {
		require.NoError(t, b.PublishDoc(t.Context(), testDoc(i)))
	}
	var rec recorder
	release := make(chan struct{})
	var pendingDuringSink uint64
	var once sync.Once
	f := func(ctx context.Context, docs []newsintel.Document) error {
		once.Do(func() {
			// While the first batch is in f, none of it may be acked.
			p, err := b.Pending(ctx, StreamDocs, "replica-a")
			if err == nil {
				pendingDuringSink = p
			}
			<-release
		})
		return rec.sink(ctx, docs)
	}
	o := fastStage("replica-a")
	o.BatchSize = 10
	stop := runAsync(t, func(ctx context.Context) error { return b.RunSink(ctx, o, f) })
	time.Sleep(200 * time.Millisecond)
	close(release)
	waitFor(t, 5*time.Second, "all docs sunk", func() bool { return o.Counters.Processed.Load() == n })
	require.NoError(t, stop())

	if pendingDuringSink != n {
		t.Errorf("Pending while the first batch was in the sink: got %d, want %d (nothing acked yet)", pendingDuringSink, n)
	}
	if rec.count() != n {
		t.Errorf("distinct docs sunk: got %d, want %d", rec.count(), n)
	}
	for i, batch := range rec.batches {
		if len(batch) > o.BatchSize {
			t.Errorf("batch %d: got %d docs, want at most %d", i, len(batch), o.BatchSize)
		}
	}
	if len(rec.batches) >= n {
		t.Errorf("batches: got %d for %d docs, want fewer (batched)", len(rec.batches), n)
	}
	p, err := b.Pending(t.Context(), StreamDocs, "replica-a")
	require.NoError(t, err)
	if p != 0 {
		t.Errorf("Pending after the run: got %d, want 0", p)
	}
}

func TestRunSinkPoisonDocumentGoesToDead(t *testing.T) {
	tests := []struct {
		name string
		err  error
	}{
		{"permanent", Permanent(errors.New("field body: too many tokens"))},
		{"transient", errors.New("disk busy")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, b := newTestBus(t)
			const n = 8
			for i := range n {
				require.NoError(t, b.PublishDoc(t.Context(), testDoc(i)))
			}
			poison := testDoc(5).ID
			var rec recorder
			f := func(ctx context.Context, docs []newsintel.Document) error {
				for _, d := range docs {
					if d.ID == poison {
						return tt.err
					}
				}
				return rec.sink(ctx, docs)
			}
			o := fastStage("replica-a")
			stop := runAsync(t, func(ctx context.Context) error { return b.RunSink(ctx, o, f) })
			waitFor(t, 5*time.Second, "all docs settled", func() bool {
				return o.Counters.Processed.Load() == n-1 && o.Counters.Dead.Load() == 1
			})
			require.NoError(t, stop())
			if got := rec.count(); got != n-1 {
				t.Errorf("docs sunk: got %d, want %d", got, n-1)
			}
			if _, ok := rec.byID[poison]; ok {
				t.Errorf("poison doc %s: got sunk, want kept out", poison)
			}
			deliveries := 1
			if !IsPermanent(tt.err) {
				deliveries = o.MaxDeliver
			}
			checkDeadLetter(t, b, "replica-a", poison, deliveries)
		})
	}
}

func TestRunSinkDeadLettersUndecodableMessage(t *testing.T) {
	_, b := newTestBus(t)
	_, err := b.js.Publish(t.Context(), "docs.article", []byte("{not json"))
	require.NoError(t, err)
	require.NoError(t, b.PublishDoc(t.Context(), testDoc(1)))
	var rec recorder
	o := fastStage("replica-a")
	stop := runAsync(t, func(ctx context.Context) error { return b.RunSink(ctx, o, rec.sink) })
	waitFor(t, 5*time.Second, "both settled", func() bool {
		return o.Counters.Processed.Load() == 1 && o.Counters.Dead.Load() == 1
	})
	require.NoError(t, stop())
	if got := streamMsgs(t, b, StreamDead); got != 1 {
		t.Errorf("DEAD: got %d, want 1", got)
	}
}

func TestRunSinkCrashRedeliversInFlightBatch(t *testing.T) {
	s, b := newTestBus(t)
	const n = 30
	for i := range n {
		require.NoError(t, b.PublishDoc(t.Context(), testDoc(i)))
	}
	var rec recorder // the "index": both runs upsert into it
	inFlight := make(chan struct{})
	resume := make(chan struct{})
	var batches int
	var dead bool // only the stage's one goroutine calls crashing
	crashing := func(ctx context.Context, docs []newsintel.Document) error {
		batches++
		if batches == 2 {
			dead = true
			close(inFlight)
			<-resume
		}
		if dead {
			return errors.New("process died") // nothing committed, nothing acked
		}
		return rec.sink(ctx, docs)
	}
	crashed, err := Connect(t.Context(), s.ClientURL(), "crashing", testLogger())
	require.NoError(t, err)
	t.Cleanup(crashed.Close)
	o := fastStage("replica-a")
	o.BatchSize, o.AckWait = 10, 700*time.Millisecond
	stop := runAsync(t, func(ctx context.Context) error { return crashed.RunSink(ctx, o, crashing) })
	<-inFlight
	crashed.nc.Close() // kill the connection under the stage: no ack can leave
	close(resume)
	_ = stop() // nil or "connection closed", depending on where the crash caught it
	if got := rec.count(); got != 10 {
		t.Fatalf("docs in the index after the crash: got %d, want 10 (the first batch)", got)
	}

	fresh := connectTest(t, s)
	o2 := fastStage("replica-a")
	o2.BatchSize, o2.AckWait = 10, 700*time.Millisecond
	stop2 := runAsync(t, func(ctx context.Context) error { return fresh.RunSink(ctx, o2, rec.sink) })
	waitFor(t, 10*time.Second, "every doc in the index", func() bool { return rec.count() == n })
	waitFor(t, 5*time.Second, "nothing pending", func() bool {
		p, err := fresh.Pending(t.Context(), StreamDocs, "replica-a")
		return err == nil && p == 0
	})
	require.NoError(t, stop2())
	for i := range n {
		if _, ok := rec.byID[testDoc(i).ID]; !ok {
			t.Errorf("doc %d: got missing from the index, want present", i)
		}
	}
	if o2.Counters.Processed.Load() < n-10 {
		t.Errorf("restarted sink processed: got %d, want at least %d (the unacked batches)", o2.Counters.Processed.Load(), n-10)
	}
}

func TestRunSinkRequiresName(t *testing.T) {
	_, b := newTestBus(t)
	err := b.RunSink(t.Context(), StageOptions{}, func(context.Context, []newsintel.Document) error { return nil })
	if err == nil {
		t.Errorf("RunSink without a name: got nil error, want one")
	}
}

func TestRunSinkHoldsBatchDuringOutage(t *testing.T) {
	_, b := newTestBus(t)
	const n = 6
	for i := range n {
		require.NoError(t, b.PublishDoc(t.Context(), testDoc(i)))
	}
	var rec recorder
	var down atomic.Bool
	down.Store(true)
	f := func(ctx context.Context, docs []newsintel.Document) error {
		if down.Load() {
			return errors.New("index: disk full")
		}
		return rec.sink(ctx, docs)
	}
	o := fastStage("replica-a")
	o.Backoff = []time.Duration{50 * time.Millisecond}
	stop := runAsync(t, func(ctx context.Context) error { return b.RunSink(ctx, o, f) })
	// Without holding, three deliveries 50 ms apart would dead-letter all
	// six documents well within the outage.
	time.Sleep(400 * time.Millisecond)
	down.Store(false)
	waitFor(t, 5*time.Second, "all docs sunk after the outage", func() bool { return o.Counters.Processed.Load() == n })
	require.NoError(t, stop())
	if got := streamMsgs(t, b, StreamDead); got != 0 {
		t.Errorf("DEAD after an outage shorter than the holds: got %d, want 0", got)
	}
	if got := rec.count(); got != n {
		t.Errorf("docs sunk: got %d, want %d", got, n)
	}
}
