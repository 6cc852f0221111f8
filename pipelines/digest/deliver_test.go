package digest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
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

	tp, err := store.CreateTopic(ctx, newsintel.Topic{Name: "Alibaba", Query: newsintel.TopicQuery{Q: "alibaba"},
		Schedule: newsintel.Schedule{Every: "daily", At: "07:30"}})
	require.NoError(t, err)
	sub, err := store.AddSubscription(ctx, tp.ID, newsintel.Subscription{URL: hook.URL + "/digest", Secret: "0123456789abcdef"})
	require.NoError(t, err)
	ix := newTestIndex(t, []newsintel.Document{article("d1", "reuters", "Alibaba cloud under review", created.Add(time.Hour))})
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
