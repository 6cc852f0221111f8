package digest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// hookLog is a webhook served in the test that keeps "<topic ID>
// <period>" of every post it gets.
type hookLog struct {
	mu    sync.Mutex
	posts []string
}

func newHookLog(t *testing.T) (*hookLog, *httptest.Server) {
	h := &hookLog{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p deliver.Payload
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		h.posts = append(h.posts, p.Topic.ID+" "+p.Period)
	}))
	t.Cleanup(srv.Close)
	return h, srv
}

// got returns the posts so far, sorted.
func (h *hookLog) got() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Sorted(slices.Values(h.posts))
}

func (h *hookLog) has(post string) bool { return slices.Contains(h.got(), post) }

// startAlerter runs a until the test ends, then checks that Run returned
// nil.
func startAlerter(t *testing.T, a *Alerter, bus *pipelines.Bus, o pipelines.StageOptions) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, bus, o) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("alerter returned %v, want nil", err)
		}
	})
}

// alertPair saves two alert topics about cloud reviews, one with a
// min_score (low enough that any match passes it) and one without, each
// with a webhook subscription to hookURL, and returns a real deliverer
// and an alerter scoring in ix.
func alertPair(t *testing.T, store *Store, bus *pipelines.Bus, ix *index.Index, hookURL string) (plain, scoredTopic newsintel.Topic, a *Alerter) {
	t.Helper()
	ctx := t.Context()
	q := newsintel.TopicQuery{Q: "cloud review"}
	alerts := newsintel.Schedule{Every: "daily", Alerts: true}
	plain, err := store.CreateTopic(ctx, newsintel.Topic{Name: "cloud reviews", Query: q, Schedule: alerts})
	require.NoError(t, err)
	scoredTopic, err = store.CreateTopic(ctx, newsintel.Topic{Name: "cloud reviews, scored", Query: q, Schedule: alerts,
		Options: newsintel.TopicOptions{MinScore: 0.0001}})
	require.NoError(t, err)
	for _, tp := range []newsintel.Topic{plain, scoredTopic} {
		_, err := store.AddSubscription(ctx, tp.ID, newsintel.Subscription{URL: hookURL + "/" + tp.ID, Secret: "0123456789abcdef"})
		require.NoError(t, err)
	}
	d, err := deliver.New(ctx, bus, deliver.Options{AllowPrivate: true, Subscriptions: store, Log: testLogger()})
	require.NoError(t, err)
	a = &Alerter{Store: store, Sender: d, Matcher: &Matcher{Dir: t.TempDir()}, Index: ix, Log: testLogger(),
		IndexWait: 200 * time.Millisecond}
	return plain, scoredTopic, a
}

// TestUnscoredAlertsDoNotWaitForTheIndex: with the index stage down (the
// main index never gets the new document), the topic without a min_score
// is alerted at once; the topic with one is alerted only once the index
// holds the document, and each is alerted once.
func TestUnscoredAlertsDoNotWaitForTheIndex(t *testing.T) {
	store, bus := newTestStore(t, time.Now().UTC().Add(-time.Hour))
	hook, srv := newHookLog(t)
	ix := newTestIndex(t, nil)
	plain, scoredTopic, a := alertPair(t, store, bus, ix, srv.URL)
	startAlerter(t, a, bus, pipelines.StageOptions{BatchWait: 100 * time.Millisecond, AckWait: 5 * time.Second,
		Backoff: []time.Duration{100 * time.Millisecond}, MaxDeliver: 1000})

	doc := article("news", "reuters", "Alibaba cloud review widens", time.Now().UTC())
	require.NoError(t, bus.PublishDoc(t.Context(), &doc))
	waitFor(t, 10*time.Second, "the alert of the topic without a min_score", func() bool { return hook.has(plain.ID + " alert:news") })
	require.Equal(t, []string{plain.ID + " alert:news"}, hook.got(), "alerts while the index lacks the document")

	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{doc}))
	waitFor(t, 10*time.Second, "the alert of the topic with a min_score", func() bool { return hook.has(scoredTopic.ID + " alert:news") })
	waitFor(t, 10*time.Second, "both alert consumers to catch up", func() bool {
		n, err := bus.Pending(t.Context(), pipelines.StreamDocs, AlertConsumer)
		m, err2 := bus.Pending(t.Context(), pipelines.StreamDocs, ScoredAlertConsumer)
		return err == nil && err2 == nil && n+m == 0
	})
	want := []string{plain.ID + " alert:news", scoredTopic.ID + " alert:news"}
	slices.Sort(want)
	require.Equal(t, want, hook.got(), "alerts after the index took the document")
}

// TestNeverIndexedDocumentBlocksNoOtherAlert: of two new documents
// matching both topics, the index takes one and never the other. The
// topic without a min_score is alerted to both; the one with a min_score
// to the indexed one at once, and the other is dead-lettered on
// dead.alerts-scored with its reason after its deliveries; redriven once
// the index has it, it alerts. Nothing is posted twice.
func TestNeverIndexedDocumentBlocksNoOtherAlert(t *testing.T) {
	store, bus := newTestStore(t, time.Now().UTC().Add(-time.Hour))
	hook, srv := newHookLog(t)
	now := time.Now().UTC()
	kept := article("kept", "reuters", "Alibaba cloud review widens", now)
	lost := article("lost", "ft", "Alibaba cloud review begins", now)
	ix := newTestIndex(t, []newsintel.Document{kept})
	plain, scoredTopic, a := alertPair(t, store, bus, ix, srv.URL)
	startAlerter(t, a, bus, pipelines.StageOptions{BatchWait: 100 * time.Millisecond, AckWait: 5 * time.Second,
		Backoff: []time.Duration{50 * time.Millisecond}, MaxDeliver: 3})

	for _, d := range []newsintel.Document{lost, kept} {
		require.NoError(t, bus.PublishDoc(t.Context(), &d))
	}
	caughtUp := func() bool {
		n, err := bus.Pending(t.Context(), pipelines.StreamDocs, AlertConsumer)
		m, err2 := bus.Pending(t.Context(), pipelines.StreamDocs, ScoredAlertConsumer)
		return err == nil && err2 == nil && n+m == 0
	}
	waitFor(t, 20*time.Second, "both alert consumers to settle every document", caughtUp)
	want := []string{plain.ID + " alert:kept", plain.ID + " alert:lost", scoredTopic.ID + " alert:kept"}
	slices.Sort(want)
	require.Equal(t, want, hook.got(), "alerts with one document never indexed")

	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{lost}))
	n, err := bus.Redrive(t.Context(), ScoredAlertConsumer)
	require.NoError(t, err)
	require.Equal(t, 1, n, "dead letters of %s", ScoredAlertConsumer)
	waitFor(t, 10*time.Second, "the redriven document's scored alert", func() bool { return hook.has(scoredTopic.ID + " alert:lost") })
	waitFor(t, 10*time.Second, "both alert consumers to settle the redriven document", caughtUp)
	want = append(want, scoredTopic.ID+" alert:lost")
	slices.Sort(want)
	require.Equal(t, want, hook.got(), "alerts after the redrive")
}

// TestAlertRedeliveredWhenTheLedgerFails: a Sender that cannot record a
// delivery (its ledger is unreachable) does not lose the alert: the
// document is redelivered and asked for again; a delivery it refuses as
// invalid is not asked for again.
func TestAlertRedeliveredWhenTheLedgerFails(t *testing.T) {
	store, bus := newTestStore(t, time.Now().UTC().Add(-time.Hour))
	ctx := t.Context()
	for _, name := range []string{"flaky", "refused"} {
		tp, err := store.CreateTopic(ctx, newsintel.Topic{Name: name, Query: newsintel.TopicQuery{Q: "+" + name},
			Schedule: newsintel.Schedule{Every: "daily", Alerts: true}})
		require.NoError(t, err)
		_, err = store.AddSubscription(ctx, tp.ID, newsintel.Subscription{URL: "https://hooks.example.com/" + name, Secret: "0123456789abcdef"})
		require.NoError(t, err)
	}
	var mu sync.Mutex
	calls := map[string]int{}
	sender := &recordingSender{deliver: func(period string) (newsintel.Delivery, error) {
		mu.Lock()
		defer mu.Unlock()
		calls[period]++
		switch {
		case period == "alert:refused":
			return newsintel.Delivery{}, newsintel.Errorf(newsintel.EINVALID, "subscription cannot be sent to")
		case calls[period] == 1:
			return newsintel.Delivery{}, errors.New("deliveries put: nats: timeout")
		}
		return newsintel.Delivery{State: newsintel.DeliverySent, Period: period}, nil
	}}
	a := &Alerter{Store: store, Sender: sender, Matcher: &Matcher{Dir: t.TempDir()}, Log: testLogger()}
	startAlerter(t, a, bus, pipelines.StageOptions{BatchWait: 100 * time.Millisecond, AckWait: 5 * time.Second,
		Backoff: []time.Duration{50 * time.Millisecond}})
	settled := func(period string, n int) func() bool {
		return func() bool {
			pending, err := bus.Pending(ctx, pipelines.StreamDocs, AlertConsumer)
			mu.Lock()
			defer mu.Unlock()
			return err == nil && pending == 0 && calls[period] >= n
		}
	}
	now := time.Now().UTC()
	refused := article("refused", "ft", "Refused cloud review", now)
	require.NoError(t, bus.PublishDoc(ctx, &refused))
	waitFor(t, 10*time.Second, "the alert consumer to settle the refused alert", settled("alert:refused", 1))
	flaky := article("flaky", "reuters", "Flaky cloud review", now)
	require.NoError(t, bus.PublishDoc(ctx, &flaky))
	waitFor(t, 10*time.Second, "the alert consumer to settle the flaky alert", settled("alert:flaky", 2))
	mu.Lock()
	defer mu.Unlock()
	require.Equal(t, map[string]int{"alert:flaky": 2, "alert:refused": 1}, calls, "Deliver calls by period")
}
