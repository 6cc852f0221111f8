package pipelines

import "context"

// SeenItems returns the store of feed items already published (bucket
// "items", keys "i." + hash of feed URL and item key), which lets a feed
// poller publish each item once, across restarts. The bucket keeps a key
// StreamOptions.ItemsMaxAge after its last update; an item still in its
// feed after that is new again, and is published again only when its text
// changed (the revision records of "seen" are kept forever). Item keys an
// older version kept in "seen" are moved to "items" when looked up. It
// returns an error when a bucket does not exist.
func (b *Bus) SeenItems(ctx context.Context) (*JSONStore, error) {
	kv, err := b.KV(ctx, BucketItems)
	if err != nil {
		return nil, err
	}
	old, err := b.KV(ctx, BucketSeen)
	if err != nil {
		return nil, err
	}
	return &JSONStore{kv: kv, prefix: "i.", legacy: &JSONStore{kv: old, prefix: "i."}}, nil
}

// Revisions returns the store of document revisions (bucket "seen", keys
// "r." + hash of the document ID): per document the hash of its last body,
// its revision number and when each revision was fetched. The bucket has
// no age limit: a record per document, as DOCS keeps every document, and
// what tells a page fetched again after months from an edited one. It
// returns an error when the bucket does not exist.
func (b *Bus) Revisions(ctx context.Context) (*JSONStore, error) {
	kv, err := b.KV(ctx, BucketSeen)
	if err != nil {
		return nil, err
	}
	return &JSONStore{kv: kv, prefix: "r."}, nil
}
