package pipelines

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
)

// DefaultTransformName is the durable consumer RunTransform uses on RAW
// when StageOptions.Name is empty.
const DefaultTransformName = "extract"

// RunTransform runs f over the RAW stream through the durable pull consumer
// o.Name ("extract" by default), which every process running the stage
// shares as a work queue. It handles up to o.Concurrency messages at once.
// For each message it decodes the Raw (loading an offloaded body), calls f,
// publishes the document with PublishDoc and double-acks the raw message
// only after the publish is acknowledged. It sends InProgress while f is
// slow, NakWithDelay after a transient error, and dead-letters the message
// (DEAD, then Term) after a permanent error or o.MaxDeliver deliveries.
//
// RunTransform returns nil when ctx is cancelled, after the messages in
// flight have finished (each gets up to o.DrainWait more), and an error
// when the consumer cannot be created or the connection is closed.
func (b *Bus) RunTransform(ctx context.Context, o StageOptions, f Transform) error {
	o = o.withDefaults(DefaultTransformName, 0)
	if o.BatchSize <= 0 || o.BatchSize > o.Concurrency {
		o.BatchSize = o.Concurrency
	}
	if err := o.validate(); err != nil {
		return fmt.Errorf("run transform: %w", err)
	}
	cons, err := b.js.CreateOrUpdateConsumer(ctx, StreamRaw, consumerConfig(o, "extracts RAW into DOCS"))
	if err != nil {
		return fmt.Errorf("run transform %s: consumer: %w", o.Name, err)
	}
	log := b.log.With(slog.String(attrStage, o.Name))
	work, cancelWork := workContext(ctx, o.DrainWait)
	defer cancelWork()
	var wg sync.WaitGroup
	defer wg.Wait() // runs before cancelWork: in-flight messages finish first
	sem := make(chan struct{}, o.Concurrency)
	handle := func(msg jetstream.Msg) {
		wg.Go(func() {
			defer func() { <-sem }()
			b.handleRaw(work, o, msg, f, log)
		})
	}
	return b.pullLoop(ctx, cons, o, sem, handle, log)
}

// pullLoop reads messages from a pull iterator that keeps up to
// o.BatchSize of them buffered, and hands each to handle once a slot of sem
// is free; handle must release the slot. When ctx is done the iterator is
// drained: messages already buffered are still handled, none are left to
// time out. It returns nil after the drain.
func (b *Bus) pullLoop(ctx context.Context, cons jetstream.Consumer, o StageOptions, sem chan struct{}, handle func(jetstream.Msg), log *slog.Logger) error {
	it, err := cons.Messages(jetstream.PullMaxMessages(o.BatchSize), jetstream.PullExpiry(pullExpiry(o.BatchWait)))
	if err != nil {
		return fmt.Errorf("stage %s: messages: %w", o.Name, err)
	}
	defer it.Stop()
	stopDrain := context.AfterFunc(ctx, it.Drain)
	defer stopDrain()
	for {
		sem <- struct{}{} // a free slot before taking a message: never hold one idle
		msg, err := it.Next()
		if err == nil {
			handle(msg)
			continue
		}
		<-sem
		if errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, jetstream.ErrMsgIteratorClosed) {
			if ctx.Err() != nil && !errors.Is(err, nats.ErrConnectionClosed) {
				return nil // drained after cancel
			}
			return fmt.Errorf("stage %s: pull: %w", o.Name, err)
		}
		// Missed heartbeats and the like: the iterator recovers by itself.
		log.Warn("pull failed", slog.String(attrError, err.Error()))
		if !sleepCtx(ctx, 100*time.Millisecond) {
			return nil
		}
	}
}

// pullExpiry is the lifetime of one pull request; the iterator renews them.
func pullExpiry(wait time.Duration) time.Duration {
	return max(wait, time.Second)
}

// handleRaw runs one RAW message through f and settles it.
func (b *Bus) handleRaw(ctx context.Context, o StageOptions, msg jetstream.Msg, f Transform, log *slog.Logger) {
	meta, err := msg.Metadata()
	if err != nil {
		log.Error("message without metadata", slog.String(attrError, err.Error()))
		return
	}
	if meta.NumDelivered > uint64(o.MaxDeliver) {
		// Earlier deliveries timed out (a crash or a hang): do not run the
		// message that keeps killing workers once more.
		b.fail(ctx, o, msg, meta, errors.New("deliveries exhausted without an ack (worker crashed or timed out)"), log)
		return
	}
	stop := keepAlive([]jetstream.Msg{msg}, progressEvery(o.AckWait))
	doc, err := b.transformMsg(ctx, msg, f)
	if err == nil && doc != nil {
		if err = b.PublishDoc(ctx, doc); err == nil {
			o.Counters.Published.Add(1)
		}
	}
	stop()
	if err != nil {
		b.fail(ctx, o, msg, meta, err, log)
		return
	}
	if err := msg.DoubleAck(ctx); err != nil {
		// The document is stored; a redelivery republishes it under the
		// same Nats-Msg-Id and the index upserts by ID.
		log.Warn("ack failed", slog.Uint64(attrStreamSeq, meta.Sequence.Stream), slog.String(attrError, err.Error()))
		return
	}
	o.Counters.Processed.Add(1)
}

// transformMsg decodes msg into a Raw, loads its body and calls f. A panic
// in f becomes a permanent error: the input that caused it would cause it
// again.
func (b *Bus) transformMsg(ctx context.Context, msg jetstream.Msg, f Transform) (doc *newsintel.Document, err error) {
	var raw newsintel.Raw
	if err := json.Unmarshal(msg.Data(), &raw); err != nil {
		return nil, Permanent(fmt.Errorf("decode raw: %w", err))
	}
	if err := b.LoadBody(ctx, &raw); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = Permanent(fmt.Errorf("transform %s panicked: %v\n%s", raw.ID, r, debug.Stack()))
		}
	}()
	return f(ctx, raw)
}

// consumerConfig returns the durable pull consumer of a stage.
func consumerConfig(o StageOptions, desc string) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:       o.Name,
		Description:   desc,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       o.AckWait,
		// One more than the runner's limit, so that the runner sees a
		// message whose deliveries all timed out and dead-letters it.
		MaxDeliver:    o.MaxDeliver + 1,
		MaxAckPending: max(1000, 4*o.BatchSize),
	}
}

// sleepCtx sleeps for d and reports whether ctx is still live.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
