package pipelines

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// bucketTTL returns the age limit of a key-value bucket.
func bucketTTL(t *testing.T, b *Bus, bucket string) time.Duration {
	t.Helper()
	kv, err := b.KV(t.Context(), bucket)
	require.NoError(t, err, "KV %s", bucket)
	st, err := kv.Status(t.Context())
	require.NoError(t, err, "KV %s status", bucket)
	return st.TTL()
}

// TestEnsureTopologyBucketAges checks that the buckets that grow by one
// key per item get their age limits, that those kept forever get none, and
// that EnsureTopology changes the limits of buckets made without them.
func TestEnsureTopologyBucketAges(t *testing.T) {
	_, b := newTestBus(t)
	for bucket, want := range map[string]time.Duration{
		BucketItems: DefaultStateMaxAge, BucketCrawl: DefaultStateMaxAge, BucketClusters: DefaultStateMaxAge,
		BucketSeen: 0, BucketFeeds: 0, BucketSources: 0,
	} {
		if got := bucketTTL(t, b, bucket); got != want {
			t.Errorf("bucket %s age limit: got %v, want %v", bucket, got, want)
		}
	}

	forever := testStreams()
	forever.ItemsMaxAge, forever.CrawlMaxAge, forever.ClustersMaxAge = 0, 0, 0
	require.NoError(t, b.EnsureTopology(t.Context(), forever), "EnsureTopology without age limits")
	for _, bucket := range []string{BucketItems, BucketCrawl, BucketClusters} {
		if got := bucketTTL(t, b, bucket); got != 0 {
			t.Errorf("bucket %s age limit after setting none: got %v, want 0", bucket, got)
		}
	}

	limited := testStreams()
	limited.ItemsMaxAge, limited.CrawlMaxAge, limited.ClustersMaxAge = 24*time.Hour, 48*time.Hour, 72*time.Hour
	require.NoError(t, b.EnsureTopology(t.Context(), limited), "EnsureTopology adding age limits")
	require.NoError(t, b.EnsureTopology(t.Context(), limited), "EnsureTopology again")
	for bucket, want := range map[string]time.Duration{BucketItems: 24 * time.Hour, BucketCrawl: 48 * time.Hour, BucketClusters: 72 * time.Hour} {
		if got := bucketTTL(t, b, bucket); got != want {
			t.Errorf("bucket %s age limit after update: got %v, want %v", bucket, got, want)
		}
	}
}

// TestSeenItemsExpireAndMigrate checks that a feed item key expires after
// ItemsMaxAge while a revision record stays, and that an item key an
// older version kept in "seen" is found and moved to "items".
func TestSeenItemsExpireAndMigrate(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	o := testStreams()
	o.ItemsMaxAge = time.Second
	require.NoError(t, b.EnsureTopology(ctx, o))
	items, err := b.SeenItems(ctx)
	require.NoError(t, err)
	revs, err := b.Revisions(ctx)
	require.NoError(t, err)
	require.NoError(t, items.Save(ctx, "feed\x00item-1", map[string]int{"n": 1}))
	require.NoError(t, revs.Save(ctx, "doc-1", map[string]int{"revision": 1}))

	var v map[string]int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if found, err := items.Load(ctx, "feed\x00item-1", &v); err != nil || !found {
			break
		}
	}
	if found, err := items.Load(ctx, "feed\x00item-1", &v); err != nil || found {
		t.Errorf("item key after ItemsMaxAge: got found %v (error %v), want expired", found, err)
	}
	if found, err := revs.Load(ctx, "doc-1", &v); err != nil || !found || v["revision"] != 1 {
		t.Errorf("revision record after ItemsMaxAge: got found %v value %v (error %v), want kept", found, v, err)
	}

	legacy := items.legacy
	require.NoError(t, legacy.Save(ctx, "feed\x00item-2", map[string]int{"n": 2}))
	if found, err := items.Load(ctx, "feed\x00item-2", &v); err != nil || !found || v["n"] != 2 {
		t.Errorf("item key kept in seen: got found %v value %v (error %v), want found with n 2", found, v, err)
	}
	if found, err := legacy.Load(ctx, "feed\x00item-2", &v); err != nil || found {
		t.Errorf("item key in seen after the lookup: got found %v (error %v), want moved", found, err)
	}
	if _, found, err := items.get(ctx, "feed\x00item-2"); err != nil || !found {
		t.Errorf("item key in items after the lookup: got found %v (error %v), want moved there", found, err)
	}
}

// BenchmarkSeenItemsLoad measures a feed item lookup: found in "items",
// and not found (which also looks in "seen" for a key an older version
// kept there).
func BenchmarkSeenItemsLoad(b *testing.B) {
	_, bus := newTestBus(b)
	items, err := bus.SeenItems(b.Context())
	require.NoError(b, err)
	require.NoError(b, items.Save(b.Context(), "feed\x00known", map[string]int{"n": 1}))
	var v map[string]int
	for _, name := range []string{"known", "new"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := items.Load(b.Context(), "feed\x00"+name, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
