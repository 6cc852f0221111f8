package pipelines

import "context"

// SeenItems returns the store of feed items already published (bucket
// "seen", keys "i." + hash of feed URL and item key), which lets a feed
// poller publish each item once, across restarts. It returns an error when
// the bucket does not exist.
func (b *Bus) SeenItems(ctx context.Context) (*JSONStore, error) {
	kv, err := b.KV(ctx, BucketSeen)
	if err != nil {
		return nil, err
	}
	return &JSONStore{kv: kv, prefix: "i."}, nil
}

// Revisions returns the store of document revisions (bucket "seen", keys
// "r." + hash of the document ID): per document the hash of its last body,
// its revision number and when each revision was fetched. It returns an
// error when the bucket does not exist.
func (b *Bus) Revisions(ctx context.Context) (*JSONStore, error) {
	kv, err := b.KV(ctx, BucketSeen)
	if err != nil {
		return nil, err
	}
	return &JSONStore{kv: kv, prefix: "r."}, nil
}
