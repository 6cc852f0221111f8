package pipelines

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Progress remembers which units of a long resumable job (a backfill's
// items) are done, in the "state" bucket, so that a job started again skips
// them. Keys are the caller's, used as they are: they must be valid KV keys.
// It is safe for concurrent use.
type Progress struct{ kv jetstream.KeyValue }

// Progress returns the progress store kept in the "state" bucket. It returns
// an error when the bucket does not exist (EnsureTopology creates it).
func (b *Bus) Progress(ctx context.Context) (*Progress, error) {
	kv, err := b.KV(ctx, BucketState)
	if err != nil {
		return nil, err
	}
	return &Progress{kv: kv}, nil
}

// Done reports whether key was marked done.
func (p *Progress) Done(ctx context.Context, key string) (bool, error) {
	_, err := p.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// MarkDone records key as done now.
func (p *Progress) MarkDone(ctx context.Context, key string) error {
	_, err := p.kv.Put(ctx, key, []byte(time.Now().UTC().Format(time.RFC3339)))
	return err
}
