package deliver

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
)

// noSubscriptions is a SubscriptionLookup that knows none.
type noSubscriptions struct{}

func (noSubscriptions) Subscription(context.Context, string, string) (newsintel.Subscription, error) {
	return newsintel.Subscription{}, newsintel.Errorf(newsintel.ENOTFOUND, "no subscription")
}

func listedIDs(t *testing.T, d *Deliverer, topicID string, from, size int) ([]string, int) {
	t.Helper()
	page, total, err := d.Deliveries(t.Context(), topicID, from, size)
	require.NoError(t, err)
	ids := make([]string, len(page))
	for i, e := range page {
		ids[i] = e.ID
	}
	return ids, total
}

// TestDeliveriesOrderAndOlderLedger: a ledger written before order keys
// (entries only) is numbered when a Deliverer opens it, oldest first;
// new entries go on top; pages are newest first; order keys that expired
// (the oldest) leave the total and the list.
func TestDeliveriesOrderAndOlderLedger(t *testing.T) {
	bus := pipelinestest.Bus(t)
	kv, err := bus.KV(t.Context(), pipelines.BucketDeliveries)
	require.NoError(t, err)
	old := &ledger{kv: kv}
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, i := range []int{3, 0, 4, 1, 2} { // written out of order
		e := Entry{Delivery: newsintel.Delivery{ID: fmt.Sprint("old", i), TopicID: "t1", SubscriptionID: "s1",
			Channel: newsintel.ChannelEmail, State: newsintel.DeliverySent, Created: base.Add(time.Duration(i) * time.Hour)}}
		_, err := old.create(t.Context(), e)
		require.NoError(t, err)
	}
	_, err = old.create(t.Context(), Entry{Delivery: newsintel.Delivery{ID: "other", TopicID: "t2", Created: base}})
	require.NoError(t, err)

	d, err := New(t.Context(), bus, Options{Subscriptions: noSubscriptions{}})
	require.NoError(t, err)
	ids, total := listedIDs(t, d, "t1", 0, 3)
	require.Equal(t, []string{"old4", "old3", "old2"}, ids, "first page of the older ledger")
	require.Equal(t, 5, total)
	ids, _ = listedIDs(t, d, "t1", 3, 3)
	require.Equal(t, []string{"old1", "old0"}, ids, "last page of the older ledger")
	ids, total = listedIDs(t, d, "t2", 0, 10)
	require.Equal(t, []string{"other"}, ids)
	require.Equal(t, 1, total)

	// Opening it again numbers nothing twice.
	d, err = New(t.Context(), bus, Options{Subscriptions: noSubscriptions{}})
	require.NoError(t, err)
	_, err = d.ledger.create(t.Context(), Entry{Delivery: newsintel.Delivery{ID: "new", TopicID: "t1", Created: base.Add(48 * time.Hour)}})
	require.NoError(t, err)
	require.NoError(t, d.ledger.enlist(t.Context(), "t1", "new"))
	ids, total = listedIDs(t, d, "t1", 0, 2)
	require.Equal(t, []string{"new", "old4"}, ids)
	require.Equal(t, 6, total)

	for n := uint64(1); n <= 2; n++ { // the two oldest order keys expire
		require.NoError(t, kv.Delete(t.Context(), orderKey("t1", n)))
	}
	ids, total = listedIDs(t, d, "t1", 0, 10)
	require.Equal(t, []string{"new", "old4", "old3", "old2"}, ids, "after the oldest expired")
	require.Equal(t, 4, total)
	ids, total = listedIDs(t, d, "nope", 0, 10)
	require.Empty(t, ids)
	require.Equal(t, 0, total)
}

// TestEnlistConcurrently: senders of one topic numbering their entries at
// once each get a number of their own.
func TestEnlistConcurrently(t *testing.T) {
	bus := pipelinestest.Bus(t)
	d, err := New(t.Context(), bus, Options{Subscriptions: noSubscriptions{}})
	require.NoError(t, err)
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			id := fmt.Sprint("d", i)
			_, err := d.ledger.create(t.Context(), Entry{Delivery: newsintel.Delivery{ID: id, TopicID: "t1", Created: time.Now()}})
			if err == nil {
				err = d.ledger.enlist(t.Context(), "t1", id)
			}
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	ids, total := listedIDs(t, d, "t1", 0, 100)
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("%s listed twice", id)
		}
		seen[id] = true
	}
	if len(ids) != n || total != n {
		t.Errorf("listed %d of total %d, want %d of %d", len(ids), total, n, n)
	}
}

// countingKV counts the reads of a real bucket.
type countingKV struct {
	jetstream.KeyValue
	gets, watches atomic.Int64
}

func (c *countingKV) Get(ctx context.Context, key string) (jetstream.KeyValueEntry, error) {
	c.gets.Add(1)
	return c.KeyValue.Get(ctx, key)
}

func (c *countingKV) WatchFiltered(ctx context.Context, keys []string, opts ...jetstream.WatchOpt) (jetstream.KeyWatcher, error) {
	c.watches.Add(1)
	return c.KeyValue.WatchFiltered(ctx, keys, opts...)
}

// TestDeliveriesPageReadsOnlyThePage: a page of 10 of 300 deliveries
// reads the count, a few order keys and two keys per entry, and scans
// nothing.
func TestDeliveriesPageReadsOnlyThePage(t *testing.T) {
	bus := pipelinestest.Bus(t)
	d, err := New(t.Context(), bus, Options{Subscriptions: noSubscriptions{}})
	require.NoError(t, err)
	for i := range 300 {
		id := fmt.Sprint("d", i)
		_, err := d.ledger.create(t.Context(), Entry{Delivery: newsintel.Delivery{ID: id, TopicID: "t1", Created: time.Now()}})
		require.NoError(t, err)
		require.NoError(t, d.ledger.enlist(t.Context(), "t1", id))
	}
	kv := &countingKV{KeyValue: d.ledger.kv}
	d.ledger.kv = kv
	ids, total := listedIDs(t, d, "t1", 150, 10)
	require.Equal(t, 300, total)
	require.Equal(t, "d149", ids[0], "page from 150 of 300, newest first")
	if got, most := kv.gets.Load(), int64(1+10+2*10); got > most || kv.watches.Load() > 0 {
		t.Errorf("a page of 10 of 300 read %d keys and scanned %d times; want at most %d keys and no scan", got, kv.watches.Load(), most)
	}
}

// recordDeliveries creates and enlists entries id<from>… id<to-1> of
// topic t1, created a minute apart.
func recordDeliveries(t *testing.T, l *ledger, from, to int) {
	t.Helper()
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := from; i < to; i++ {
		id := fmt.Sprint("d", i)
		_, err := l.create(t.Context(), Entry{Delivery: newsintel.Delivery{ID: id, TopicID: "t1", Created: base.Add(time.Duration(i) * time.Minute)}})
		require.NoError(t, err)
		require.NoError(t, l.enlist(t.Context(), "t1", id))
	}
}

// TestDeliveriesListedAcrossGaps: numbers a ledger written by an earlier
// version skipped (it raised the count first, then a failed write or a
// crash left the order key unwritten) do not hide the deliveries below
// them, wherever the search for the oldest kept lands; a count left
// behind the order keys (a crash after the key, before the count) hides
// nothing and the next delivery takes the next free number.
func TestDeliveriesListedAcrossGaps(t *testing.T) {
	bus := pipelinestest.Bus(t)
	d, err := New(t.Context(), bus, Options{Subscriptions: noSubscriptions{}})
	require.NoError(t, err)
	l := d.ledger
	skip := func() { // the earlier version's crash between count and key
		n, rev, _, err := l.count(t.Context(), "t1")
		require.NoError(t, err)
		_, err = l.kv.Update(t.Context(), countKey("t1"), []byte(fmt.Sprint(n+1)), rev)
		require.NoError(t, err)
		l.counts = nil
	}
	recordDeliveries(t, l, 0, 5)
	skip() // number 6
	recordDeliveries(t, l, 5, 9)
	skip() // numbers 11 and 12, where the first probe of 23 numbers lands
	skip()
	recordDeliveries(t, l, 9, 20)

	var want []string
	for i := 19; i >= 0; i-- {
		want = append(want, fmt.Sprint("d", i))
	}
	ids, total := listedIDs(t, d, "t1", 0, 100)
	require.Equal(t, want, ids, "deliveries listed across the gaps at 6, 11 and 12")
	require.Equal(t, 23, total, "total: the numbers from the oldest kept, gaps included")

	// A crash after the order key, before the count: the count is behind.
	recordDeliveries(t, l, 20, 22)
	_, err = l.kv.Put(t.Context(), countKey("t1"), []byte("21"))
	require.NoError(t, err)
	l.counts = nil
	ids, total = listedIDs(t, d, "t1", 0, 3)
	require.Equal(t, []string{"d21", "d20", "d19"}, ids, "newest with the count two behind")
	require.Equal(t, 25, total, "total with the count two behind")
	recordDeliveries(t, l, 22, 23)
	ids, total = listedIDs(t, d, "t1", 0, 3)
	require.Equal(t, []string{"d22", "d21", "d20"}, ids, "newest after one more delivery")
	require.Equal(t, 26, total, "total after one more delivery")

	// The first delivery of a topic counts before its count is written.
	require.NoError(t, l.putOrder(t.Context(), "t2", 1, "first"))
	_, err = l.create(t.Context(), Entry{Delivery: newsintel.Delivery{ID: "first", TopicID: "t2", Created: time.Now()}})
	require.NoError(t, err)
	ids, total = listedIDs(t, d, "t2", 0, 10)
	require.Equal(t, []string{"first"}, ids, "a first delivery whose count is not written yet")
	require.Equal(t, 1, total, "total of a first delivery whose count is not written yet")
}
