package pipelines

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

func TestRunTransformPublishesOneDocPerRaw(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	const n = 20
	for i := range n {
		require.NoError(t, b.PublishRaw(ctx, testRaw(i)))
	}
	require.NoError(t, b.PublishRaw(ctx, testRaw(3)), "duplicate raw within the window")

	o := fastStage("extract")
	stop := runAsync(t, func(ctx context.Context) error { return b.RunTransform(ctx, o, echoTransform) })
	waitFor(t, 5*time.Second, "all raw processed", func() bool { return o.Counters.Processed.Load() == n })
	require.NoError(t, stop())

	if got := streamMsgs(t, b, StreamDocs); got != n {
		t.Errorf("DOCS: got %d messages, want %d", got, n)
	}
	seen := map[string]bool{}
	for _, d := range docsIn(t, b) {
		seen[d.ID] = true
	}
	for i := range n {
		if id := testRaw(i).ID; !seen[id] {
			t.Errorf("DOCS: document %s (raw %d) missing", id, i)
		}
	}
	pending, err := b.Pending(ctx, StreamRaw, "extract")
	require.NoError(t, err)
	if pending != 0 {
		t.Errorf("extract pending after run: got %d, want 0 (all acked)", pending)
	}
	if got := o.Counters.Published.Load(); got != n {
		t.Errorf("Published counter: got %d, want %d", got, n)
	}
}

func TestRunTransformErrors(t *testing.T) {
	tests := []struct {
		name      string
		fail      func(raw newsintel.Raw, delivery int) error // error for the poison raw's n-th call
		wantDocs  uint64                                      // out of 3 raws, raw 1 being the poison one
		wantDead  uint64
		wantCalls int // calls for the poison raw
	}{
		{"permanent", func(newsintel.Raw, int) error { return Permanent(errors.New("not html: a zip file")) }, 2, 1, 1},
		{"einvalid", func(newsintel.Raw, int) error { return newsintel.Errorf(newsintel.EINVALID, "empty body") }, 2, 1, 1},
		{"transient then ok", func(_ newsintel.Raw, n int) error {
			if n == 1 {
				return errors.New("temporary: connection reset")
			}
			return nil
		}, 3, 0, 2},
		{"always transient", func(newsintel.Raw, int) error { return errors.New("temporary: connection reset") }, 2, 1, 3},
		{"panic", func(newsintel.Raw, int) error { panic("index out of range") }, 2, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, b := newTestBus(t)
			for i := range 3 {
				require.NoError(t, b.PublishRaw(t.Context(), testRaw(i)))
			}
			poison := testRaw(1).ID
			var calls atomic.Int32
			f := func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
				if raw.ID == poison {
					if err := tt.fail(raw, int(calls.Add(1))); err != nil {
						return nil, err
					}
				}
				return echoTransform(ctx, raw)
			}
			o := fastStage("extract")
			stop := runAsync(t, func(ctx context.Context) error { return b.RunTransform(ctx, o, f) })
			waitFor(t, 5*time.Second, "3 raws settled", func() bool {
				return o.Counters.Processed.Load()+o.Counters.Dead.Load() == 3
			})
			require.NoError(t, stop())
			if got := streamMsgs(t, b, StreamDocs); got != tt.wantDocs {
				t.Errorf("DOCS: got %d, want %d", got, tt.wantDocs)
			}
			if got := streamMsgs(t, b, StreamDead); got != tt.wantDead {
				t.Errorf("DEAD: got %d, want %d", got, tt.wantDead)
			}
			if got := int(calls.Load()); got != tt.wantCalls {
				t.Errorf("calls for the poison raw: got %d, want %d", got, tt.wantCalls)
			}
			if tt.wantDead > 0 {
				checkDeadLetter(t, b, "extract", poison, tt.wantCalls)
			}
		})
	}
}

// checkDeadLetter checks the one dead letter of stage: its headers and that
// its body is the original raw message.
func checkDeadLetter(t *testing.T, b *Bus, stage, id string, deliveries int) {
	t.Helper()
	m := getMsg(t, b, StreamDead, 1)
	if want := "dead." + stage; m.Subject != want {
		t.Errorf("dead subject: got %q, want %q", m.Subject, want)
	}
	h := m.Header
	if h.Get(HeaderError) == "" {
		t.Errorf("dead letter: got empty %s header, want the error text", HeaderError)
	}
	if got := h.Get(HeaderStage); got != stage {
		t.Errorf("dead %s: got %q, want %q", HeaderStage, got, stage)
	}
	if got := h.Get(HeaderDeliveries); got != strconv.Itoa(deliveries) {
		t.Errorf("dead %s: got %q, want %d", HeaderDeliveries, got, deliveries)
	}
	if h.Get(HeaderSubject) == "" || h.Get(HeaderStreamSeq) == "" {
		t.Errorf("dead letter: got subject %q, seq %q; want both set", h.Get(HeaderSubject), h.Get(HeaderStreamSeq))
	}
	seq, err := strconv.ParseUint(h.Get(HeaderStreamSeq), 10, 64)
	require.NoError(t, err)
	orig := getMsg(t, b, h.Get(HeaderStream), seq)
	if string(orig.Data) != string(m.Data) {
		t.Errorf("dead letter body: got %d bytes, want the original %d bytes", len(m.Data), len(orig.Data))
	}
	if !strings.Contains(string(m.Data), id) {
		t.Errorf("dead letter body: got %.80q, want the message of %s", m.Data, id)
	}
}

func TestRunTransformTwoWorkersShareTheWork(t *testing.T) {
	_, b1 := newTestBus(t)
	const n = 60
	for i := range n {
		require.NoError(t, b1.PublishRaw(t.Context(), testRaw(i)))
	}
	var mu sync.Mutex
	seen := map[string]int{}
	perWorker := [2]atomic.Int32{}
	worker := func(w int) Transform {
		return func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
			mu.Lock()
			seen[raw.ID]++
			mu.Unlock()
			perWorker[w].Add(1)
			time.Sleep(5 * time.Millisecond) // give the other worker a chance
			return echoTransform(ctx, raw)
		}
	}
	srvURL := b1.nc.ConnectedUrl()
	b2, err := Connect(t.Context(), srvURL, "second", testLogger())
	require.NoError(t, err)
	t.Cleanup(b2.Close)
	o1, o2 := fastStage("extract"), fastStage("extract")
	o1.Concurrency, o2.Concurrency = 2, 2
	stop1 := runAsync(t, func(ctx context.Context) error { return b1.RunTransform(ctx, o1, worker(0)) })
	stop2 := runAsync(t, func(ctx context.Context) error { return b2.RunTransform(ctx, o2, worker(1)) })
	waitFor(t, 10*time.Second, "all raws processed", func() bool {
		return o1.Counters.Processed.Load()+o2.Counters.Processed.Load() == n
	})
	require.NoError(t, stop1())
	require.NoError(t, stop2())
	for id, c := range seen {
		if c != 1 {
			t.Errorf("raw %s: got processed %d times, want once", id, c)
		}
	}
	if len(seen) != n {
		t.Errorf("distinct raws processed: got %d, want %d", len(seen), n)
	}
	if perWorker[0].Load() == 0 || perWorker[1].Load() == 0 {
		t.Errorf("work split: got %d and %d, want both workers to take some", perWorker[0].Load(), perWorker[1].Load())
	}
	if got := streamMsgs(t, b1, StreamDocs); got != n {
		t.Errorf("DOCS: got %d, want %d", got, n)
	}
}

func TestRunTransformSlowWorkIsKeptAlive(t *testing.T) {
	_, b := newTestBus(t)
	require.NoError(t, b.PublishRaw(t.Context(), testRaw(1)))
	var calls atomic.Int32
	slow := func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
		calls.Add(1)
		time.Sleep(2 * time.Second) // twice AckWait
		return echoTransform(ctx, raw)
	}
	o := fastStage("extract")
	o.AckWait = time.Second
	stop := runAsync(t, func(ctx context.Context) error { return b.RunTransform(ctx, o, slow) })
	waitFor(t, 5*time.Second, "slow raw processed", func() bool { return o.Counters.Processed.Load() == 1 })
	require.NoError(t, stop())
	if got := calls.Load(); got != 1 {
		t.Errorf("calls of a slow transform: got %d, want 1 (InProgress should prevent redelivery)", got)
	}
}

func TestRunTransformDrainsInFlightOnCancel(t *testing.T) {
	_, b := newTestBus(t)
	require.NoError(t, b.PublishRaw(t.Context(), testRaw(1)))
	started := make(chan struct{})
	f := func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("work context cancelled too early: %w", err)
		}
		return echoTransform(ctx, raw)
	}
	o := fastStage("extract")
	stop := runAsync(t, func(ctx context.Context) error { return b.RunTransform(ctx, o, f) })
	<-started
	require.NoError(t, stop())
	if got := o.Counters.Processed.Load(); got != 1 {
		t.Errorf("processed after cancel mid-message: got %d, want 1 (drained)", got)
	}
	if got := streamMsgs(t, b, StreamDocs); got != 1 {
		t.Errorf("DOCS after drain: got %d, want 1", got)
	}
}

func TestRunTransformDeadLettersAfterCrashedDeliveries(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	require.NoError(t, b.PublishRaw(ctx, testRaw(1)))
	o := fastStage("extract")
	o.MaxDeliver, o.AckWait = 1, 300*time.Millisecond
	// A worker takes the message and dies without acking.
	cons, err := b.js.CreateOrUpdateConsumer(ctx, StreamRaw, consumerConfig(o.withDefaults("extract", 1), ""))
	require.NoError(t, err)
	batch, err := cons.Fetch(1)
	require.NoError(t, err)
	for range batch.Messages() {
	}
	time.Sleep(o.AckWait + 100*time.Millisecond)

	var calls atomic.Int32
	f := func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
		calls.Add(1)
		return echoTransform(ctx, raw)
	}
	stop := runAsync(t, func(ctx context.Context) error { return b.RunTransform(ctx, o, f) })
	waitFor(t, 5*time.Second, "message dead-lettered", func() bool { return o.Counters.Dead.Load() == 1 })
	require.NoError(t, stop())
	if got := calls.Load(); got != 0 {
		t.Errorf("transform calls for a message past MaxDeliver: got %d, want 0", got)
	}
	checkDeadLetter(t, b, "extract", testRaw(1).ID, 2)
}

func TestStagesReturnErrorWhenConnectionCloses(t *testing.T) {
	s, _ := newTestBus(t)
	tests := []struct {
		name string
		run  func(ctx context.Context, b *Bus) error
	}{
		{"transform", func(ctx context.Context, b *Bus) error {
			return b.RunTransform(ctx, fastStage("extract"), echoTransform)
		}},
		{"sink", func(ctx context.Context, b *Bus) error {
			return b.RunSink(ctx, fastStage("replica-a"), func(context.Context, []newsintel.Document) error { return nil })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Connect(t.Context(), s.ClientURL(), "closing", testLogger())
			require.NoError(t, err)
			done := make(chan error, 1)
			go func() { done <- tt.run(t.Context(), b) }()
			time.Sleep(200 * time.Millisecond)
			b.nc.Close()
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("%s after the connection closed: got nil error, want one", tt.name)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("%s did not return within 5s of the connection closing", tt.name)
			}
		})
	}
}
