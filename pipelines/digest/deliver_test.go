package digest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// TestSchedulerWithDeliverer runs the scheduler with the real deliverer
// and a webhook served in the test, then "crashes" it between sending and
// recording LastSent (LastSent is put back): a restarted scheduler asks
// for the same period again, the ledger knows it was sent, and the
// webhook is not called a second time.
func TestSchedulerWithDeliverer(t *testing.T) {
	created := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	store, bus := newTestStore(t, created)
	ctx := t.Context()
	var posts atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { posts.Add(1) }))
	t.Cleanup(hook.Close)
	d, err := deliver.New(ctx, bus, deliver.Options{AllowPrivate: true, Subscriptions: store, Log: testLogger()})
	require.NoError(t, err)

	tp, sub, ix := dailyTopicWithHook(t, store, hook.URL, created)
	now := time.Date(2026, 11, 30, 7, 35, 0, 0, time.UTC)
	run := func() int {
		s := &Scheduler{Store: store, Builder: &Builder{Index: ix}, Sender: d, Log: testLogger(), Now: func() time.Time { return now }}
		return s.RunOnce(ctx)
	}

	require.Equal(t, 1, run())
	require.Equal(t, int32(1), posts.Load(), "webhook calls after the first run")

	// The crash: LastSent as it was before the delivery.
	cur, err := store.Subscription(ctx, tp.ID, sub.ID)
	require.NoError(t, err)
	cur.LastSent = time.Time{}
	data, err := json.Marshal(cur)
	require.NoError(t, err)
	_, err = store.subs.Put(ctx, subKey(tp.ID, sub.ID), data)
	require.NoError(t, err)

	run()
	if got := posts.Load(); got != 1 {
		t.Errorf("webhook called %d times after a restart that lost LastSent, want 1", got)
	}
	cur, err = store.Subscription(ctx, tp.ID, sub.ID)
	require.NoError(t, err)
	if want := time.Date(2026, 11, 30, 7, 30, 0, 0, time.UTC); !cur.LastSent.Equal(want) {
		t.Errorf("LastSent %s after the restart, want %s recorded again", cur.LastSent, want)
	}
}

// dailyTopicWithHook saves a daily 07:30 topic about Alibaba with a
// webhook subscription to hookURL, and an index holding one matching
// article fetched an hour after created.
func dailyTopicWithHook(t *testing.T, store *Store, hookURL string, created time.Time) (newsintel.Topic, newsintel.Subscription, *index.Index) {
	t.Helper()
	tp, err := store.CreateTopic(t.Context(), newsintel.Topic{Name: "Alibaba", Query: newsintel.TopicQuery{Q: "alibaba"},
		Schedule: newsintel.Schedule{Every: "daily", At: "07:30"}})
	require.NoError(t, err)
	sub, err := store.AddSubscription(t.Context(), tp.ID, newsintel.Subscription{URL: hookURL + "/digest", Secret: "0123456789abcdef"})
	require.NoError(t, err)
	ix := newTestIndex(t, []newsintel.Document{article("d1", "reuters", "Alibaba cloud under review", created.Add(time.Hour))})
	return tp, sub, ix
}

// countingIndex counts the searches and gets made of a real index.
type countingIndex struct {
	Searcher
	searches, gets atomic.Int32
}

func (c *countingIndex) Get(ctx context.Context, id string) (*newsintel.Document, error) {
	c.gets.Add(1)
	return c.Searcher.Get(ctx, id)
}

func (c *countingIndex) Search(ctx context.Context, r index.Request) (*index.Result, error) {
	c.searches.Add(1)
	return c.Searcher.Search(ctx, r)
}

// TestSchedulerDoesNotRebuildWhileRetrying: while the real deliverer
// retries a failed digest, later ticks of the scheduler build nothing;
// once the retry has sent it, the next tick records it on the
// subscription, still without building the digest again.
func TestSchedulerDoesNotRebuildWhileRetrying(t *testing.T) {
	created := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	store, bus := newTestStore(t, created)
	ctx := t.Context()
	var up atomic.Bool
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(hook.Close)
	now := time.Date(2026, 11, 30, 7, 35, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	d, err := deliver.New(ctx, bus, deliver.Options{AllowPrivate: true, Subscriptions: store, Log: testLogger(), Now: func() time.Time { return clock() }})
	require.NoError(t, err)
	tp, sub, bleve := dailyTopicWithHook(t, store, hook.URL, created)
	ix := &countingIndex{Searcher: bleve}
	s := &Scheduler{Store: store, Builder: &Builder{Index: ix}, Sender: d, Log: testLogger(), Now: clock}

	require.Equal(t, 0, s.RunOnce(ctx), "the first try fails")
	built := ix.searches.Load()
	require.NotZero(t, built, "the first tick builds the digest")
	for range 3 {
		now = now.Add(time.Minute)
		s.RunOnce(ctx)
	}
	if got := ix.searches.Load(); got != built {
		t.Errorf("index searches after three more ticks = %d, want %d (the digest is not rebuilt while its delivery waits for a retry)", got, built)
	}

	up.Store(true)
	now = now.Add(time.Hour)
	n, err := d.RetryDue(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n, "retries sent")
	s.RunOnce(ctx)
	cur, err := store.Subscription(ctx, tp.ID, sub.ID)
	require.NoError(t, err)
	if want := time.Date(2026, 11, 30, 7, 30, 0, 0, time.UTC); !cur.LastSent.Equal(want) {
		t.Errorf("LastSent %s after the retry sent it, want %s", cur.LastSent, want)
	}
	if got := ix.searches.Load(); got != built {
		t.Errorf("index searches after the retry = %d, want %d", got, built)
	}
}
