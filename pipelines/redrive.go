package pipelines

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// redriveWait bounds the wait for the next dead letter during Redrive.
const redriveWait = 5 * time.Second

// Redrive republishes the dead letters of stage (subject dead.<stage>) to
// the subjects they came from, so the stage tries them again (after the bug
// that killed them is fixed), then removes them from DEAD. It returns how
// many it republished. A dead letter without its original subject is left
// in place and counted in the error. Do not run two Redrives of one stage at
// once.
func (b *Bus) Redrive(ctx context.Context, stage string) (int, error) {
	subj := DeadSubject(stage)
	stream, err := b.js.Stream(ctx, StreamDead)
	if err != nil {
		return 0, fmt.Errorf("redrive %s: %w", stage, err)
	}
	last, err := stream.GetLastMsgForSubject(ctx, subj)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("redrive %s: %w", stage, err)
	}
	n, err := b.republishDead(ctx, subj, last.Sequence)
	if err != nil {
		return n, fmt.Errorf("redrive %s: %w", stage, err)
	}
	// Purge only up to the last letter seen: letters that arrive meanwhile stay.
	if err := stream.Purge(ctx, jetstream.WithPurgeSubject(subj), jetstream.WithPurgeSequence(last.Sequence+1)); err != nil {
		return n, fmt.Errorf("redrive %s: purge: %w", stage, err)
	}
	return n, nil
}

// republishDead reads subj on DEAD up to sequence last and republishes each
// letter's body to its original subject.
func (b *Bus) republishDead(ctx context.Context, subj string, last uint64) (int, error) {
	cons, err := b.js.OrderedConsumer(ctx, StreamDead, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subj}})
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		msg, err := cons.Next(jetstream.FetchMaxWait(redriveWait))
		if err != nil {
			return n, fmt.Errorf("read dead letters: %w", err)
		}
		meta, err := msg.Metadata()
		if err != nil {
			return n, err
		}
		orig := msg.Headers().Get(HeaderSubject)
		if orig == "" {
			return n, fmt.Errorf("dead letter %d has no %s header", meta.Sequence.Stream, HeaderSubject)
		}
		out := nats.NewMsg(orig)
		out.Data = msg.Data()
		// The ID makes a Redrive rerun after a failed purge publish nothing twice.
		id := "redrive:" + strconv.FormatUint(meta.Sequence.Stream, 10)
		if _, err := b.js.PublishMsg(ctx, out, jetstream.WithMsgID(id)); err != nil {
			return n, fmt.Errorf("republish to %s: %w", orig, err)
		}
		n++
		if meta.Sequence.Stream >= last {
			return n, nil
		}
	}
}
