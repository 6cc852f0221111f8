package pipelines

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
)

// DefaultSinkBatch is the batch size of RunSink when StageOptions.BatchSize
// is zero.
const DefaultSinkBatch = 256

// flushTimeout bounds the wait for the server to confirm it has the acks.
const flushTimeout = 5 * time.Second

// RunSink runs f over the DOCS stream through the durable consumer o.Name
// (required; each index replica uses its own name, so each sees every
// document). It fetches up to o.BatchSize messages, waiting at most
// o.BatchWait for the batch to fill, decodes them and calls f once per
// batch, acking every message only after f returned nil. When a batch
// fails, it retries each document alone, so that a poison document goes to
// DEAD (at once for a permanent error, after o.MaxDeliver deliveries for a
// transient one) and the rest are delivered. When every document of a
// failed batch fails alone too, the sink itself is down (not a document):
// the batch is held and retried with back-off, up to o.MaxDeliver times per
// delivery, instead of burning the deliveries of every document. A message
// that is not a Document is dead-lettered without reaching f.
//
// f may see a document more than once (a crash between f and the acks
// redelivers the batch), so it must upsert by document ID; that makes
// at-least-once delivery exactly-once in the index.
//
// RunSink returns nil when ctx is cancelled, after the batch in flight has
// finished (it gets up to o.DrainWait more), and an error when the consumer
// cannot be created or the connection is closed.
func (b *Bus) RunSink(ctx context.Context, o StageOptions, f Sink) error {
	if o.Name == "" {
		return errors.New("run sink: stage name is required (one per index replica)")
	}
	o = o.withDefaults("", DefaultSinkBatch)
	if err := o.validate(); err != nil {
		return fmt.Errorf("run sink: %w", err)
	}
	cons, err := b.js.CreateOrUpdateConsumer(ctx, StreamDocs, consumerConfig(o, "indexes DOCS"))
	if err != nil {
		return fmt.Errorf("run sink %s: consumer: %w", o.Name, err)
	}
	log := b.log.With(slog.String(attrStage, o.Name))
	work, cancelWork := workContext(ctx, o.DrainWait)
	defer cancelWork()
	pause := 100 * time.Millisecond
	for ctx.Err() == nil {
		msgs, err := fetchBatch(cons, o)
		if len(msgs) > 0 {
			b.sinkBatch(work, ctx.Done(), o, msgs, f, log)
		}
		switch {
		case err == nil || errors.Is(err, nats.ErrTimeout):
			pause = 100 * time.Millisecond
		case errors.Is(err, nats.ErrConnectionClosed):
			return fmt.Errorf("stage %s: fetch: %w", o.Name, err)
		default:
			log.Warn("fetch failed", slog.String(attrError, err.Error()))
			sleepCtx(ctx, pause)
			pause = min(2*pause, fetchRetryMax)
		}
	}
	return nil
}

// fetchRetryMax caps the pause after a failed fetch.
const fetchRetryMax = 5 * time.Second

// fetchBatch fetches up to o.BatchSize messages within o.BatchWait.
func fetchBatch(cons jetstream.Consumer, o StageOptions) ([]jetstream.Msg, error) {
	batch, err := cons.Fetch(o.BatchSize, jetstream.FetchMaxWait(o.BatchWait))
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for msg := range batch.Messages() {
		msgs = append(msgs, msg)
	}
	return msgs, batch.Error()
}

// docMsg is a decoded DOCS message.
type docMsg struct {
	msg  jetstream.Msg
	meta *jetstream.MsgMetadata
	doc  newsintel.Document
}

// sinkBatch decodes msgs, sinks them as one batch and settles them. When
// the batch fails it falls back to one document at a time, so a poison
// document is isolated. When every document then fails alone too, the sink
// itself is failing (index down, disk full) rather than a document: the
// batch is held (kept alive, not redelivered) and retried after a back-off,
// up to o.MaxDeliver times, so an outage does not burn the deliveries of
// every document and send the stream to DEAD.
//
// ctx is the work context; stopping is closed when the stage is asked to
// stop, which ends a hold early.
func (b *Bus) sinkBatch(ctx context.Context, stopping <-chan struct{}, o StageOptions, msgs []jetstream.Msg, f Sink, log *slog.Logger) {
	items := b.decodeDocs(ctx, o, msgs, log)
	for hold := 1; len(items) > 0; hold++ {
		err := callSink(ctx, f, items, progressEvery(o.AckWait))
		if err == nil {
			b.ackDocs(ctx, o, items, log)
			return
		}
		if len(items) == 1 || ctx.Err() != nil {
			b.failAll(ctx, o, items, err, log)
			return
		}
		log.Warn("batch failed; retrying one by one", slog.Int(attrBatch, len(items)), slog.String(attrError, err.Error()))
		rest, errs, progressed := b.sinkOneByOne(ctx, o, items, f, log)
		if len(rest) == 0 {
			return
		}
		if progressed || hold > o.MaxDeliver || ctx.Err() != nil {
			for i, it := range rest {
				b.fail(ctx, o, it.msg, it.meta, errs[i], log)
			}
			return
		}
		o.Counters.Failed.Add(uint64(len(rest)))
		log.Warn("sink fails for every document; holding the batch", slog.Int(attrBatch, len(rest)), slog.String(attrError, errs[0].Error()))
		if !holdBatch(stopping, rest, o.delay(uint64(hold)), progressEvery(o.AckWait)) {
			b.failAll(ctx, o, rest, errShutdown, log)
			return
		}
		items = rest
	}
}

// sinkOneByOne sinks items one at a time, acking each success and
// dead-lettering each permanent failure. It returns the items that failed
// transiently with their errors, unsettled, and whether any item succeeded.
func (b *Bus) sinkOneByOne(ctx context.Context, o StageOptions, items []docMsg, f Sink, log *slog.Logger) (rest []docMsg, errs []error, progressed bool) {
	for _, it := range items {
		if ctx.Err() != nil {
			rest, errs = append(rest, it), append(errs, errShutdown)
			continue
		}
		err := callSink(ctx, f, []docMsg{it}, progressEvery(o.AckWait))
		switch {
		case err == nil:
			b.ackDocs(ctx, o, []docMsg{it}, log)
			progressed = true
		case IsPermanent(err):
			b.fail(ctx, o, it.msg, it.meta, err, log)
			progressed = true // a poison document, not an outage
		default:
			rest, errs = append(rest, it), append(errs, err)
		}
	}
	return rest, errs, progressed
}

// failAll settles every item with err.
func (b *Bus) failAll(ctx context.Context, o StageOptions, items []docMsg, err error, log *slog.Logger) {
	for _, it := range items {
		b.fail(ctx, o, it.msg, it.meta, err, log)
	}
}

// holdBatch keeps the messages of items alive for d and reports whether it
// waited the whole time (stopping was not closed).
func holdBatch(stopping <-chan struct{}, items []docMsg, d, every time.Duration) bool {
	msgs := make([]jetstream.Msg, len(items))
	for i, it := range items {
		msgs[i] = it.msg
	}
	stop := keepAlive(msgs, every)
	defer stop()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-stopping:
		return false
	}
}

// decodeDocs decodes msgs into documents; a message that is not one is
// dead-lettered (or handled as fail decides) and left out.
func (b *Bus) decodeDocs(ctx context.Context, o StageOptions, msgs []jetstream.Msg, log *slog.Logger) []docMsg {
	items := make([]docMsg, 0, len(msgs))
	for _, msg := range msgs {
		meta, err := msg.Metadata()
		if err != nil {
			log.Error("message without metadata", slog.String(attrError, err.Error()))
			continue
		}
		it := docMsg{msg: msg, meta: meta}
		switch err := json.Unmarshal(msg.Data(), &it.doc); {
		case err != nil:
			b.fail(ctx, o, msg, meta, Permanent(fmt.Errorf("decode document: %w", err)), log)
		case meta.NumDelivered > uint64(o.MaxDeliver):
			b.fail(ctx, o, msg, meta, errors.New("deliveries exhausted without an ack (worker crashed or timed out)"), log)
		default:
			items = append(items, it)
		}
	}
	return items
}

// callSink calls f with the documents of items, keeping their messages
// alive meanwhile. A panic in f becomes a permanent error.
func callSink(ctx context.Context, f Sink, items []docMsg, every time.Duration) (err error) {
	docs := make([]newsintel.Document, len(items))
	msgs := make([]jetstream.Msg, len(items))
	for i, it := range items {
		docs[i], msgs[i] = it.doc, it.msg
	}
	stop := keepAlive(msgs, every)
	defer stop()
	defer func() {
		if r := recover(); r != nil {
			err = Permanent(fmt.Errorf("sink panicked: %v\n%s", r, debug.Stack()))
		}
	}()
	return f(ctx, docs)
}

// ackDocs acks items after their batch is durable. Acks are sent without
// waiting for a reply each, then flushed: a lost ack only redelivers a
// document the index already holds, and the upsert by ID absorbs it.
func (b *Bus) ackDocs(ctx context.Context, o StageOptions, items []docMsg, log *slog.Logger) {
	for _, it := range items {
		if err := it.msg.Ack(); err != nil {
			log.Warn("ack failed", slog.Uint64(attrStreamSeq, it.meta.Sequence.Stream), slog.String(attrError, err.Error()))
			continue
		}
		o.Counters.Processed.Add(1)
		o.Counters.Published.Add(1)
	}
	fctx, cancel := context.WithTimeout(ctx, flushTimeout)
	defer cancel()
	if err := b.nc.FlushWithContext(fctx); err != nil {
		log.Warn("flush acks failed", slog.String(attrError, err.Error()))
	}
}
