package pipelines

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
)

// CrawlState keeps the crawler's frontier and visited set in the JetStream
// KV bucket "crawl", so that a restarted crawler resumes where it stopped.
// It implements crawl.State (keys are the crawler's: <source>.f.<hash> for
// queued URLs, <source>.v.<hash> for visits). It is safe for concurrent use.
type CrawlState struct {
	kv jetstream.KeyValue
}

// CrawlState returns the crawl state on the "crawl" bucket. It returns an
// error when the bucket does not exist (EnsureTopology creates it).
func (b *Bus) CrawlState(ctx context.Context) (*CrawlState, error) {
	kv, err := b.KV(ctx, BucketCrawl)
	if err != nil {
		return nil, err
	}
	return &CrawlState{kv: kv}, nil
}

// Get returns the value of key; ok is false when there is none (or it was
// deleted).
func (s *CrawlState) Get(ctx context.Context, key string) ([]byte, bool, error) {
	e, err := s.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("kv %s get %s: %w", BucketCrawl, key, err)
	}
	return e.Value(), true, nil
}

// Put stores value under key.
func (s *CrawlState) Put(ctx context.Context, key string, value []byte) error {
	if _, err := s.kv.Put(ctx, key, value); err != nil {
		return fmt.Errorf("kv %s put %s: %w", BucketCrawl, key, err)
	}
	return nil
}

// Delete removes key (purging its history); a missing key is not an error.
func (s *CrawlState) Delete(ctx context.Context, key string) error {
	if err := s.kv.Purge(ctx, key); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("kv %s delete %s: %w", BucketCrawl, key, err)
	}
	return nil
}

// Scan calls fn for the current value of every key starting with prefix
// (which ends in '.'), stopping at fn's first error.
func (s *CrawlState) Scan(ctx context.Context, prefix string, fn func(key string, value []byte) error) error {
	if !strings.HasSuffix(prefix, ".") {
		return fmt.Errorf("kv %s scan %q: the prefix must end in '.'", BucketCrawl, prefix)
	}
	w, err := s.kv.Watch(ctx, prefix+">", jetstream.IgnoreDeletes())
	if err != nil {
		return fmt.Errorf("kv %s scan %s: %w", BucketCrawl, prefix, err)
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-w.Updates():
			if !ok {
				return fmt.Errorf("kv %s scan %s: watcher closed", BucketCrawl, prefix)
			}
			if e == nil {
				return nil // the initial values have all been delivered
			}
			if err := fn(e.Key(), e.Value()); err != nil {
				return err
			}
		}
	}
}
