package digest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// TestAlertsHonourMinScore: a topic's min_score means for its alerts what
// it means in its digests. Of two new documents matching the topic, the
// digest with the min_score set between their scores keeps one; the
// alerts send that one only, through SinkScored (Sink leaves the topic
// to it).
func TestAlertsHonourMinScore(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	store, _ := newTestStore(t, now.Add(-time.Hour))
	strong := article("strong", "reuters", "Alibaba cloud review widens as cloud rivals wait", now)
	weak := filler(1, now.Add(time.Second), "weak")[0]
	weak.ID, weak.URL = "weak", "https://harbour.example.com/weak"
	weak.Body = "The port authority said the cloud of dust over berth 4 would clear by spring."
	docs := append(filler(30, now.Add(-time.Minute), "h"), strong, weak)
	ix := newTestIndex(t, docs)

	tp, err := store.CreateTopic(t.Context(), newsintel.Topic{Name: "cloud reviews", Query: newsintel.TopicQuery{Q: "cloud review"},
		Schedule: newsintel.Schedule{Every: "daily", Alerts: true}})
	require.NoError(t, err)
	_, err = store.AddSubscription(t.Context(), tp.ID, newsintel.Subscription{URL: "https://hooks.example.com/a", Secret: "0123456789abcdef"})
	require.NoError(t, err)

	b := &Builder{Index: ix}
	since, until := now.Add(-2*time.Minute), now.Add(time.Hour)
	dg, err := b.Build(t.Context(), tp, since, until)
	require.NoError(t, err)
	scores := map[string]float64{}
	for _, e := range dg.Documents {
		scores[e.ID] = e.Score
	}
	require.Greater(t, scores["strong"], scores["weak"], "digest scores %v: the strong match must outscore the weak one", scores)
	require.NotZero(t, scores["weak"], "digest scores %v: the weak document must match", scores)
	tp.Options.MinScore = (scores["strong"] + scores["weak"]) / 2
	tp, err = store.UpdateTopic(t.Context(), tp.ID, tp)
	require.NoError(t, err)
	dg, err = b.Build(t.Context(), tp, since, until)
	require.NoError(t, err)
	require.Equal(t, []string{"strong"}, entryIDs(dg.Documents), "digest with min_score %g", tp.Options.MinScore)

	sender := &recordingSender{}
	a := &Alerter{Store: store, Sender: sender, Matcher: &Matcher{Dir: t.TempDir()}, Index: ix, Log: testLogger(),
		Now: func() time.Time { return now }}
	require.NoError(t, a.Sink(t.Context(), []newsintel.Document{strong, weak}))
	require.Empty(t, sender.sent(), "Sink alerts topics without a min_score only")
	require.NoError(t, a.SinkScored(t.Context(), []newsintel.Document{strong, weak}))
	var periods []string
	for _, s := range sender.sent() {
		periods = append(periods, s.Period)
	}
	require.Equal(t, []string{"alert:strong"}, periods, "alerts with min_score %g (digest scores %v)", tp.Options.MinScore, scores)
}

// TestScoredAlertWaitsOncePerDocument: a document the index does not
// hold is waited for (the index looked up again and again) in the first
// call only; the runner's retries of it look once, so a batch retried
// one document at a time does not wait once per document. Once indexed,
// it alerts.
func TestScoredAlertWaitsOncePerDocument(t *testing.T) {
	now := time.Now().UTC()
	store, _ := newTestStore(t, now.Add(-time.Hour))
	tp, err := store.CreateTopic(t.Context(), newsintel.Topic{Name: "cloud reviews", Query: newsintel.TopicQuery{Q: "cloud review"},
		Schedule: newsintel.Schedule{Every: "daily", Alerts: true}, Options: newsintel.TopicOptions{MinScore: 0.0001}})
	require.NoError(t, err)
	_, err = store.AddSubscription(t.Context(), tp.ID, newsintel.Subscription{URL: "https://hooks.example.com/a", Secret: "0123456789abcdef"})
	require.NoError(t, err)
	ix := newTestIndex(t, nil)
	counted := &countingIndex{Searcher: ix}
	sender := &recordingSender{}
	a := &Alerter{Store: store, Sender: sender, Matcher: &Matcher{Dir: t.TempDir()}, Index: counted, Log: testLogger(),
		IndexWait: 300 * time.Millisecond}
	late := article("late", "reuters", "Alibaba cloud review widens", now)

	err = a.SinkScored(t.Context(), []newsintel.Document{late})
	require.ErrorContains(t, err, "document late is not in the index")
	first := counted.gets.Load()
	require.Greater(t, first, int32(1), "index lookups of the first call, which waits")
	err = a.SinkScored(t.Context(), []newsintel.Document{late})
	require.ErrorContains(t, err, "document late is not in the index")
	if got := counted.gets.Load() - first; got != 1 {
		t.Errorf("index lookups of the retry: %d, want 1", got)
	}
	require.Empty(t, sender.sent(), "alerts before the document is indexed")

	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{late}))
	require.NoError(t, a.SinkScored(t.Context(), []newsintel.Document{late}))
	require.Len(t, sender.sent(), 1, "alerts once the document is indexed")
	require.Equal(t, "alert:late", sender.sent()[0].Period)
}
