package pipelines

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

func TestRedriveRetriesDeadLetters(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	for i := range 4 {
		require.NoError(t, b.PublishRaw(ctx, testRaw(i)))
	}
	var fixed atomic.Bool
	f := func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
		if !fixed.Load() && raw.ID != testRaw(0).ID {
			return nil, Permanent(errors.New("extractor bug"))
		}
		return echoTransform(ctx, raw)
	}
	o := fastStage("extract")
	stop := runAsync(t, func(ctx context.Context) error { return b.RunTransform(ctx, o, f) })
	waitFor(t, 5*time.Second, "three dead letters", func() bool { return o.Counters.Dead.Load() == 3 })

	fixed.Store(true)
	n, err := b.Redrive(ctx, "extract")
	require.NoError(t, err)
	if n != 3 {
		t.Errorf("Redrive: got %d republished, want 3", n)
	}
	waitFor(t, 5*time.Second, "all four processed", func() bool { return o.Counters.Processed.Load() == 4 })
	require.NoError(t, stop())
	if got := streamMsgs(t, b, StreamDocs); got != 4 {
		t.Errorf("DOCS after redrive: got %d, want 4", got)
	}
	if got := streamMsgs(t, b, StreamDead); got != 0 {
		t.Errorf("DEAD after redrive: got %d, want 0", got)
	}
	n, err = b.Redrive(ctx, "extract")
	require.NoError(t, err)
	if n != 0 {
		t.Errorf("second Redrive: got %d republished, want 0", n)
	}
}
