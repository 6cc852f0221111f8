package pipelines

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/newsintel/newsintel/extract/cluster"
)

// ClusterStore keeps the near-duplicate index of extract/cluster in the
// JetStream KV bucket "clusters". It implements cluster.Store with KV
// Create and Update revisions, so extract workers in several processes
// racing on copies of one story converge to one cluster. It is safe for
// concurrent use.
type ClusterStore struct {
	kv jetstream.KeyValue
}

// ClusterStore returns the cluster store on the "clusters" bucket. It
// returns an error when the bucket does not exist (EnsureTopology creates
// it).
func (b *Bus) ClusterStore(ctx context.Context) (*ClusterStore, error) {
	kv, err := b.KV(ctx, BucketClusters)
	if err != nil {
		return nil, err
	}
	return &ClusterStore{kv: kv}, nil
}

// Get implements cluster.Store: a missing or deleted key has revision 0.
func (s *ClusterStore) Get(ctx context.Context, key string) ([]byte, uint64, error) {
	e, err := s.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("kv %s get %s: %w", BucketClusters, key, err)
	}
	return e.Value(), e.Revision(), nil
}

// Put implements cluster.Store: Create when rev is 0, else Update at rev.
// A key that exists, or moved past rev, is a cluster.ErrConflict.
func (s *ClusterStore) Put(ctx context.Context, key string, value []byte, rev uint64) error {
	var err error
	if rev == 0 {
		_, err = s.kv.Create(ctx, key, value)
	} else {
		_, err = s.kv.Update(ctx, key, value, rev)
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch):
		return fmt.Errorf("kv %s put %s: %w", BucketClusters, key, cluster.ErrConflict)
	}
	return fmt.Errorf("kv %s put %s: %w", BucketClusters, key, err)
}
