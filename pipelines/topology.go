package pipelines

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Stream, bucket and object store names.
const (
	StreamRaw  = "RAW"  // fetched bytes, subjects raw.<kind>.<source>
	StreamDocs = "DOCS" // enriched documents, subjects docs.<kind>
	StreamDead = "DEAD" // messages a stage gave up on, subjects dead.<stage>

	BucketFeeds         = "feeds"         // feed URL → ETag, Last-Modified, next poll, errors
	BucketTopics        = "topics"        // topic ID → saved query
	BucketSubscriptions = "subscriptions" // subscriber ID → delivery targets, last sent
	BucketState         = "state"         // stage state: cursors, backfill progress
	BucketSources       = "sources"       // sources added at run time (beside those of the config file)
	BucketSeen          = "seen"          // document revisions already published (kept forever)
	BucketItems         = "items"         // feed item keys already published (kept ItemsMaxAge)
	BucketCrawl         = "crawl"         // crawler frontier and visited set
	BucketClusters      = "clusters"      // near-duplicate fingerprints → cluster IDs
	BucketDeliveries    = "deliveries"    // digest and alert deliveries with their attempts (kept deliveriesMaxAge)

	ObjectBodies = "bodies" // raw bodies above the message size limit
)

// StreamOptions sets the retention limits of the streams. A zero age or
// size means "no limit"; Replicas 0 means 1.
type StreamOptions struct {
	RawMaxAge       time.Duration
	DocsMaxAge      time.Duration
	RawMaxBytes     int64
	DocsMaxBytes    int64
	Replicas        int           // 1 for an embedded server, 3 for a cluster
	DuplicateWindow time.Duration // how long JetStream remembers Nats-Msg-Id; 2 min by default

	// How long a key of these buckets lives after its last update; 0
	// keeps it forever. An expired feed item key makes the item new again
	// (its page is fetched, and published only when its text changed: the
	// revision records in "seen" have no age limit); an expired crawl
	// visit makes the URL new again, an expired frontier entry is dropped;
	// an expired cluster is closed (a later copy starts a new one).
	ItemsMaxAge    time.Duration
	CrawlMaxAge    time.Duration
	ClustersMaxAge time.Duration
}

// DefaultStreamOptions returns the limits for a single embedded server: RAW
// kept 30 days, DOCS (the source of truth of every index) kept forever,
// one replica, a 2 minute duplicate window, feed item keys, crawl records
// and clusters kept 90 days after their last update.
func DefaultStreamOptions() StreamOptions {
	return StreamOptions{
		RawMaxAge:       30 * 24 * time.Hour,
		Replicas:        1,
		DuplicateWindow: 2 * time.Minute,
		ItemsMaxAge:     DefaultStateMaxAge,
		CrawlMaxAge:     DefaultStateMaxAge,
		ClustersMaxAge:  DefaultStateMaxAge,
	}
}

// DefaultStateMaxAge is the default age limit of the buckets "items",
// "crawl" and "clusters".
const DefaultStateMaxAge = 90 * 24 * time.Hour

// deliveriesMaxAge is how long a delivery record is kept after its last
// update: long past any retry, so a period is never sent twice.
const deliveriesMaxAge = 180 * 24 * time.Hour

// deadMaxAge is how long dead letters are kept for inspection and replay.
const deadMaxAge = 90 * 24 * time.Hour

// EnsureTopology creates the streams RAW, DOCS and DEAD, the key-value
// buckets and the "bodies" object store, or updates their limits when they
// exist. It is idempotent and safe to call from every process at start-up.
// It returns the first error met, naming the stream or bucket.
func (b *Bus) EnsureTopology(ctx context.Context, o StreamOptions) error {
	for _, cfg := range streamConfigs(o) {
		if _, err := b.js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("stream %s: %w", cfg.Name, err)
		}
	}
	for _, cfg := range kvConfigs(o) {
		if _, err := b.js.CreateOrUpdateKeyValue(ctx, cfg); err != nil {
			return fmt.Errorf("kv %s: %w", cfg.Bucket, err)
		}
	}
	obj := jetstream.ObjectStoreConfig{
		Bucket:      ObjectBodies,
		Description: "raw bodies too large for a RAW message",
		TTL:         o.RawMaxAge, // a body lives as long as the RAW message that points at it
		Storage:     jetstream.FileStorage,
		Replicas:    replicas(o),
		Compression: true,
	}
	if _, err := b.js.CreateOrUpdateObjectStore(ctx, obj); err != nil {
		return fmt.Errorf("object store %s: %w", ObjectBodies, err)
	}
	return nil
}

// streamConfigs returns the configuration of RAW, DOCS and DEAD.
func streamConfigs(o StreamOptions) []jetstream.StreamConfig {
	dup := o.DuplicateWindow
	if dup <= 0 {
		dup = 2 * time.Minute
	}
	base := func(name, subject, desc string, age time.Duration, size int64) jetstream.StreamConfig {
		return jetstream.StreamConfig{
			Name:        name,
			Description: desc,
			Subjects:    []string{subject},
			Retention:   jetstream.LimitsPolicy, // replayable: consumers do not remove messages
			Discard:     jetstream.DiscardOld,
			MaxAge:      age,
			MaxBytes:    orUnlimited(size),
			Storage:     jetstream.FileStorage,
			Replicas:    replicas(o),
			Duplicates:  min(dup, maxDup(age)),
			Compression: jetstream.S2Compression,
		}
	}
	return []jetstream.StreamConfig{
		base(StreamRaw, "raw.>", "fetched bytes and fetch metadata", o.RawMaxAge, o.RawMaxBytes),
		base(StreamDocs, "docs.>", "enriched documents; the source of truth of every index", o.DocsMaxAge, o.DocsMaxBytes),
		base(StreamDead, "dead.>", "messages a stage gave up on", deadMaxAge, 0),
	}
}

// kvConfigs returns the configuration of the key-value buckets.
func kvConfigs(o StreamOptions) []jetstream.KeyValueConfig {
	mk := func(bucket, desc string, history uint8, ttl time.Duration) jetstream.KeyValueConfig {
		return jetstream.KeyValueConfig{
			Bucket:      bucket,
			Description: desc,
			History:     history,
			TTL:         max(ttl, 0),
			Storage:     jetstream.FileStorage,
			Replicas:    replicas(o),
		}
	}
	return []jetstream.KeyValueConfig{
		mk(BucketFeeds, "feed URL to fetch state", 1, 0),
		mk(BucketTopics, "saved topics", 5, 0),
		mk(BucketSubscriptions, "digest subscriptions", 5, 0),
		mk(BucketState, "stage state: cursors, backfill progress", 1, 0),
		mk(BucketSources, "sources added at run time", 5, 0),
		mk(BucketSeen, "document revisions already published", 1, 0),
		mk(BucketItems, "feed items already published", 1, o.ItemsMaxAge),
		mk(BucketCrawl, "crawler frontier and visited set", 1, o.CrawlMaxAge),
		mk(BucketClusters, "near-duplicate fingerprints to cluster IDs", 1, o.ClustersMaxAge),
		mk(BucketDeliveries, "digest deliveries and their attempts", 1, deliveriesMaxAge),
	}
}

func replicas(o StreamOptions) int { return max(o.Replicas, 1) }

// orUnlimited maps "no limit" (0) to JetStream's -1.
func orUnlimited(n int64) int64 {
	if n <= 0 {
		return -1
	}
	return n
}

// maxDup caps the duplicate window at the stream's max age, which JetStream
// requires; an unlimited age allows any window.
func maxDup(age time.Duration) time.Duration {
	if age <= 0 {
		return time.Duration(1<<63 - 1)
	}
	return age
}

// ResetConsumer deletes the durable consumer name on stream so that the next
// run of the stage replays the stream from the start (used to rebuild an
// index from DOCS). A consumer that does not exist is not an error. Stop the
// stage's processes first: a running one would recreate the consumer.
func (b *Bus) ResetConsumer(ctx context.Context, stream, name string) error {
	err := b.js.DeleteConsumer(ctx, stream, name)
	if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return fmt.Errorf("reset consumer %s/%s: %w", stream, name, err)
	}
	return nil
}

// Pending returns how far consumer lags behind stream: messages not yet
// delivered plus messages delivered and not yet acked. For a consumer that
// does not exist yet it returns the number of messages in the stream, since
// its first run will process all of them.
func (b *Bus) Pending(ctx context.Context, stream, consumer string) (uint64, error) {
	c, err := b.js.Consumer(ctx, stream, consumer)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		return b.streamMsgs(ctx, stream)
	}
	if err != nil {
		return 0, fmt.Errorf("consumer %s/%s: %w", stream, consumer, err)
	}
	info := c.CachedInfo() // fresh: Consumer just fetched it
	return info.NumPending + uint64(max(info.NumAckPending, 0)), nil
}

func (b *Bus) streamMsgs(ctx context.Context, stream string) (uint64, error) {
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", stream, err)
	}
	return s.CachedInfo().State.Msgs, nil
}
