package pipelines

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Headers of a dead letter on dead.<stage>; the body is the original
// message data.
const (
	HeaderStage      = "Newsintel-Stage"      // the stage that gave up
	HeaderError      = "Newsintel-Error"      // the last error, one line, at most 1 KiB
	HeaderSubject    = "Newsintel-Subject"    // the original subject
	HeaderStream     = "Newsintel-Stream"     // the original stream
	HeaderStreamSeq  = "Newsintel-Stream-Seq" // the original stream sequence
	HeaderDeliveries = "Newsintel-Deliveries" // how many times it was delivered
)

const maxHeaderError = 1024

// errShutdown reports work cut short because the stage is stopping.
var errShutdown = errors.New("stage stopping")

// fail settles a message whose handling returned err: a redelivery after a
// back-off for a transient error, DEAD and Term for a permanent one or when
// the deliveries are used up, a plain Nak when the stage is shutting down.
func (b *Bus) fail(ctx context.Context, o StageOptions, msg jetstream.Msg, meta *jetstream.MsgMetadata, err error, log *slog.Logger) {
	attrs := []any{
		slog.String(attrSubject, msg.Subject()), slog.Uint64(attrStreamSeq, meta.Sequence.Stream),
		slog.Uint64(attrDeliveries, meta.NumDelivered), slog.String(attrError, err.Error()),
	}
	switch {
	case ctx.Err() != nil || errors.Is(err, errShutdown):
		// Shutting down: hand the message to another worker now instead of
		// counting this delivery against it.
		_ = msg.Nak()
	case IsPermanent(err) || meta.NumDelivered >= uint64(o.MaxDeliver):
		if derr := b.deadLetter(ctx, o.Name, msg, meta, err); derr != nil {
			log.Error("dead letter failed; will retry", append(attrs, slog.String("dead_error", derr.Error()))...)
			_ = msg.NakWithDelay(o.delay(meta.NumDelivered))
			return
		}
		o.Counters.Dead.Add(1)
		log.Warn("message dead-lettered", attrs...)
	default:
		o.Counters.Failed.Add(1)
		log.Warn("message failed; will retry", attrs...)
		_ = msg.NakWithDelay(o.delay(meta.NumDelivered))
	}
}

// deadLetter publishes msg to dead.<stage> with the headers above and, once
// DEAD has stored it, terminates msg so it is never redelivered.
func (b *Bus) deadLetter(ctx context.Context, stage string, msg jetstream.Msg, meta *jetstream.MsgMetadata, cause error) error {
	d := nats.NewMsg(DeadSubject(stage))
	d.Data = msg.Data()
	seq := strconv.FormatUint(meta.Sequence.Stream, 10)
	d.Header.Set(HeaderStage, stage)
	d.Header.Set(HeaderError, headerText(cause.Error()))
	d.Header.Set(HeaderSubject, msg.Subject())
	d.Header.Set(HeaderStream, meta.Stream)
	d.Header.Set(HeaderStreamSeq, seq)
	d.Header.Set(HeaderDeliveries, strconv.FormatUint(meta.NumDelivered, 10))
	// The ID makes a dead letter retried after a lost Term land once.
	id := "dead:" + stage + ":" + meta.Stream + ":" + seq
	if _, err := b.js.PublishMsg(ctx, d, jetstream.WithMsgID(id)); err != nil {
		return fmt.Errorf("publish dead letter: %w", err)
	}
	return msg.TermWithReason(headerText(cause.Error()))
}

// headerText makes s safe for a header value: one line, at most 1 KiB.
func headerText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxHeaderError {
		s = strings.ToValidUTF8(s[:maxHeaderError], "")
	}
	return s
}

// keepAlive tells the server every interval that msgs are still being worked
// on, so slow work is not redelivered elsewhere. The returned stop function
// ends it and waits until no InProgress is in flight.
func keepAlive(msgs []jetstream.Msg, every time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					_ = m.InProgress() // best effort: a lost one only risks a duplicate
				}
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// progressEvery is how often keepAlive pings for a given AckWait: often
// enough that one late or lost ping does not let the ack wait expire on a
// loaded machine.
func progressEvery(ackWait time.Duration) time.Duration {
	return max(ackWait/4, 10*time.Millisecond)
}
