package pipelines

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// JSONStore keeps JSON values in a key-value bucket under hashed keys, so
// that any text (a feed URL, a feed URL and an item's GUID) can name a value
// whatever characters it holds. It is safe for concurrent use.
type JSONStore struct {
	kv     jetstream.KeyValue
	prefix string
	legacy *JSONStore // where values were kept before; a value found there is moved here
}

// FeedStates returns the store of feed fetch state (bucket "feeds"): per feed
// URL the ETag, Last-Modified and the feed's health, as JSON. It returns an
// error when the bucket does not exist (EnsureTopology creates it).
func (b *Bus) FeedStates(ctx context.Context) (*JSONStore, error) {
	kv, err := b.KV(ctx, BucketFeeds)
	if err != nil {
		return nil, err
	}
	return &JSONStore{kv: kv, prefix: "f."}, nil
}

// StoreKey returns the KV key a JSONStore with prefix keeps name under: the
// prefix and the hex SHA-256 of name, cut to 32 bytes.
func StoreKey(prefix, name string) string {
	sum := sha256.Sum256([]byte(name))
	return prefix + hex.EncodeToString(sum[:16])
}

// FeedStateKey returns the key of feedURL's state in the "feeds" bucket.
func FeedStateKey(feedURL string) string { return StoreKey("f.", feedURL) }

// Load decodes the value kept under name into v and reports whether there
// was one. It returns the bucket's error, or a decoding error naming the key.
func (s *JSONStore) Load(ctx context.Context, name string, v any) (bool, error) {
	data, found, err := s.get(ctx, name)
	if !found && err == nil && s.legacy != nil {
		data, found, err = s.migrate(ctx, name)
	}
	if !found || err != nil {
		return false, err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, fmt.Errorf("kv %s %s: %w", s.kv.Bucket(), StoreKey(s.prefix, name), err)
	}
	return true, nil
}

// get returns the JSON kept under name and whether there was any.
func (s *JSONStore) get(ctx context.Context, name string) ([]byte, bool, error) {
	key := StoreKey(s.prefix, name)
	e, err := s.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("kv %s get %s: %w", s.kv.Bucket(), key, err)
	}
	return e.Value(), true, nil
}

// migrate moves the value of name from the legacy store to s, if it has
// one, and returns it.
func (s *JSONStore) migrate(ctx context.Context, name string) ([]byte, bool, error) {
	data, found, err := s.legacy.get(ctx, name)
	if !found || err != nil {
		return nil, false, err
	}
	key := StoreKey(s.prefix, name)
	if _, err := s.kv.Put(ctx, key, data); err != nil {
		return nil, false, fmt.Errorf("kv %s put %s: %w", s.kv.Bucket(), key, err)
	}
	return data, true, s.legacy.Delete(ctx, name)
}

// Save stores v as JSON under name, replacing what was there.
func (s *JSONStore) Save(ctx context.Context, name string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("kv %s: %w", s.kv.Bucket(), err)
	}
	key := StoreKey(s.prefix, name)
	if _, err := s.kv.Put(ctx, key, data); err != nil {
		return fmt.Errorf("kv %s put %s: %w", s.kv.Bucket(), key, err)
	}
	return nil
}

// Delete removes the value kept under name; a missing value is not an error.
func (s *JSONStore) Delete(ctx context.Context, name string) error {
	key := StoreKey(s.prefix, name)
	if err := s.kv.Delete(ctx, key); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("kv %s delete %s: %w", s.kv.Bucket(), key, err)
	}
	return nil
}
