package digest

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines"
)

// TestAlertsOnArrival publishes documents to DOCS while the alerter runs:
// the new document the alert topic's query matches is delivered as an
// alert; one that does not match, one fetched before the topic existed
// and one published years ago (a backfill) are not.
func TestAlertsOnArrival(t *testing.T) {
	created := time.Now().UTC().Add(-time.Hour)
	store, bus := newTestStore(t, created)
	ctx := t.Context()
	tp, err := store.CreateTopic(ctx, newsintel.Topic{Name: "Alibaba alerts",
		Query:    newsintel.TopicQuery{Q: "cloud", Filters: map[string][]string{"company": {"Alibaba Group"}}},
		Schedule: newsintel.Schedule{Every: "daily", Alerts: true}})
	require.NoError(t, err)
	_, err = store.CreateTopic(ctx, newsintel.Topic{Name: "quiet", Query: newsintel.TopicQuery{Q: "cloud"}, Schedule: newsintel.Schedule{Every: "daily"}})
	require.NoError(t, err)
	hook, err := store.AddSubscription(ctx, tp.ID, newsintel.Subscription{URL: "https://hooks.example.com/a", Secret: "0123456789abcdef"})
	require.NoError(t, err)
	_, err = store.AddSubscription(ctx, tp.ID, newsintel.Subscription{Channel: "feed"})
	require.NoError(t, err)

	sender := &recordingSender{}
	a := &Alerter{Store: store, Sender: sender, Matcher: &Matcher{Dir: t.TempDir()}, Log: testLogger()}
	startAlerter(t, a, bus, pipelines.StageOptions{BatchWait: 100 * time.Millisecond, AckWait: 5 * time.Second})

	now := time.Now().UTC()
	match := article("new-match", "reuters", "Alibaba cloud review widens", now)
	other := filler(1, now, "harbour")[0]
	stale := article("old-match", "ft", "Alibaba cloud review begins", created.Add(-time.Hour))
	backfill := article("backfill-match", "ft", "Alibaba cloud review, from the archive", now)
	backfill.Published = now.AddDate(-3, 0, 0)
	for _, d := range []newsintel.Document{stale, backfill, other, match} {
		require.NoError(t, bus.PublishDoc(ctx, &d))
	}
	waitFor(t, 10*time.Second, "the alerts consumer to catch up", func() bool {
		n, err := bus.Pending(ctx, pipelines.StreamDocs, AlertConsumer)
		return err == nil && n == 0 && len(sender.sent()) > 0
	})
	got := sender.sent()
	require.Len(t, got, 1, "alerts: %+v", got)
	if g := got[0]; g.Period != "alert:new-match" || g.Subscription != hook.ID || g.Topic != tp.ID {
		t.Errorf("alert %q to %s of %s, want alert:new-match to the webhook %s of %s", g.Period, g.Subscription, g.Topic, hook.ID, tp.ID)
	}
	if ids := entryIDs(got[0].Digest.Documents); len(ids) != 1 || ids[0] != "new-match" {
		t.Errorf("alert digest holds %v, want new-match", ids)
	}
}

func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestMatcherAgreesWithSearch checks the alert matcher against topics
// with filters, phrases and negation.
func TestMatcherAgreesWithSearch(t *testing.T) {
	now := time.Now().UTC()
	docs := append([]newsintel.Document{article("a1", "reuters", "Alibaba cloud review widens", now)}, filler(3, now, "h")...)
	topics := []newsintel.Topic{
		{ID: "phrase", Query: newsintel.TopicQuery{Q: `"cloud business"`}},
		{ID: "filtered", Query: newsintel.TopicQuery{Filters: map[string][]string{"agency": {"U.S. Department of Commerce"}}}},
		{ID: "negated", Query: newsintel.TopicQuery{Q: "dredging -berth"}},
		{ID: "harbour", Query: newsintel.TopicQuery{Q: "port dredging", Filters: map[string][]string{"kind": {"article"}}}},
	}
	got, err := (&Matcher{Dir: t.TempDir()}).Match(t.Context(), docs, topics)
	require.NoError(t, err)
	want := map[string]int{"phrase": 1, "filtered": 1, "negated": 0, "harbour": 3}
	for id, n := range want {
		if len(got[id]) != n {
			t.Errorf("topic %s matched %v, want %d documents", id, got[id], n)
		}
	}
}

// BenchmarkMatch measures the alert matcher per document: a batch of 100
// documents against 10 alert topics. Report ns/op divided by 100 as the
// cost per document.
func BenchmarkMatch(b *testing.B) {
	now := time.Now().UTC()
	docs := filler(90, now, "h")
	for i := range 10 {
		docs = append(docs, article(fmt.Sprintf("a%d", i), "reuters", "Alibaba cloud review widens", now))
	}
	var topics []newsintel.Topic
	for i := range 10 {
		topics = append(topics, newsintel.Topic{ID: fmt.Sprintf("t%d", i),
			Query: newsintel.TopicQuery{Q: fmt.Sprintf("cloud review berth %d", i), Filters: map[string][]string{"kind": {"article"}}}})
	}
	m := &Matcher{Dir: b.TempDir()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Match(b.Context(), docs, topics); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(docs)), "ns/doc")
}
