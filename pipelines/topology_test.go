package pipelines

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

func TestEnsureTopologyIdempotentAndUpdates(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	require.NoError(t, b.EnsureTopology(ctx, testStreams()), "second EnsureTopology")
	require.NoError(t, b.PublishRaw(ctx, testRaw(1)))
	require.NoError(t, b.EnsureTopology(ctx, testStreams()), "third EnsureTopology")
	if got := streamMsgs(t, b, StreamRaw); got != 1 {
		t.Errorf("RAW after repeated EnsureTopology: got %d messages, want 1", got)
	}

	changed := testStreams()
	changed.RawMaxAge = 48 * time.Hour
	changed.DocsMaxBytes = 512 << 20
	changed.DuplicateWindow = 30 * time.Second
	require.NoError(t, b.EnsureTopology(ctx, changed), "EnsureTopology with new limits")
	raw, err := b.js.Stream(ctx, StreamRaw)
	require.NoError(t, err)
	if got := raw.CachedInfo().Config.MaxAge; got != 48*time.Hour {
		t.Errorf("RAW max age: got %v, want 48h", got)
	}
	if got := raw.CachedInfo().Config.Duplicates; got != 30*time.Second {
		t.Errorf("RAW duplicate window: got %v, want 30s", got)
	}
	docs, err := b.js.Stream(ctx, StreamDocs)
	require.NoError(t, err)
	if got := docs.CachedInfo().Config.MaxBytes; got != 512<<20 {
		t.Errorf("DOCS max bytes: got %d, want %d", got, 512<<20)
	}
	if got := docs.CachedInfo().Config.MaxAge; got != 0 {
		t.Errorf("DOCS max age: got %v, want 0 (kept forever)", got)
	}
	for _, bucket := range []string{BucketFeeds, BucketTopics, BucketSubscriptions, BucketState} {
		_, err := b.KV(ctx, bucket)
		require.NoError(t, err, "KV %s", bucket)
	}
	_, err = b.js.ObjectStore(ctx, ObjectBodies)
	require.NoError(t, err, "object store")
}

func TestKVMissingBucket(t *testing.T) {
	_, b := newTestBus(t)
	if _, err := b.KV(t.Context(), "no-such-bucket"); err == nil {
		t.Errorf("KV(no-such-bucket): got nil error, want bucket not found")
	}
}

func TestPendingAndResetConsumer(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	for i := range 4 {
		require.NoError(t, b.PublishDoc(ctx, testDoc(i)))
	}
	got, err := b.Pending(ctx, StreamDocs, "replica-a")
	require.NoError(t, err)
	if got != 4 {
		t.Errorf("Pending before the consumer exists: got %d, want 4", got)
	}

	o := fastStage("replica-a")
	stop := runAsync(t, func(ctx context.Context) error {
		return b.RunSink(ctx, o, func(context.Context, []newsintel.Document) error { return nil })
	})
	waitFor(t, 5*time.Second, "4 documents sunk", func() bool { return o.Counters.Processed.Load() == 4 })
	require.NoError(t, stop())
	got, err = b.Pending(ctx, StreamDocs, "replica-a")
	require.NoError(t, err)
	if got != 0 {
		t.Errorf("Pending after sinking all: got %d, want 0", got)
	}

	require.NoError(t, b.ResetConsumer(ctx, StreamDocs, "replica-a"))
	require.NoError(t, b.ResetConsumer(ctx, StreamDocs, "replica-a"), "reset of a missing consumer")
	got, err = b.Pending(ctx, StreamDocs, "replica-a")
	require.NoError(t, err)
	if got != 4 {
		t.Errorf("Pending after reset: got %d, want 4 (replay from the start)", got)
	}
}
