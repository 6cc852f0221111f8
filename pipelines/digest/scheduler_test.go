package digest

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// TestSchedulerOncePerPeriod runs the scheduler, then a new scheduler on
// the same store (a restart): the period's digest goes out once. The next
// period's goes out when it ends, and a subscription whose delivery
// failed gets the same period again at the next tick.
func TestSchedulerOncePerPeriod(t *testing.T) {
	created := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC) // after the 07:30 boundary: the first period starts there
	store, _ := newTestStore(t, created)
	ctx := t.Context()
	tp, err := store.CreateTopic(ctx, newsintel.Topic{Name: "Alibaba", Query: newsintel.TopicQuery{Q: "alibaba"},
		Schedule: newsintel.Schedule{Every: "daily", At: "07:30"}})
	require.NoError(t, err)
	mail, err := store.AddSubscription(ctx, tp.ID, newsintel.Subscription{Email: "a@example.com"})
	require.NoError(t, err)
	_, err = store.AddSubscription(ctx, tp.ID, newsintel.Subscription{Channel: "feed"})
	require.NoError(t, err)
	day1 := time.Date(2026, 11, 29, 7, 30, 0, 0, time.UTC)
	docs := []newsintel.Document{
		article("d1", "reuters", "Alibaba cloud under review", day1.Add(time.Hour)),
		article("d2", "ft", "Alibaba earnings", day1.Add(25*time.Hour)),
	}
	ix := newTestIndex(t, docs)
	sender := &recordingSender{}
	now := day1.Add(24*time.Hour + 5*time.Minute)
	newScheduler := func() *Scheduler {
		return &Scheduler{Store: store, Builder: &Builder{Index: ix}, Sender: sender, Log: testLogger(), Now: func() time.Time { return now }}
	}

	require.Equal(t, 1, newScheduler().RunOnce(ctx))
	require.Equal(t, 0, newScheduler().RunOnce(ctx), "a restarted scheduler sent the period again")
	got := sender.sent()
	require.Len(t, got, 1)
	if want := "2026-11-29T07:30:00Z/2026-11-30T07:30:00Z"; got[0].Period != want || got[0].Subscription != mail.ID {
		t.Errorf("sent period %q to %s, want %q to the e-mail subscription %s", got[0].Period, got[0].Subscription, want, mail.ID)
	}
	if ids := entryIDs(got[0].Digest.Documents); len(ids) != 1 || ids[0] != "d1" {
		t.Errorf("first digest holds %v, want d1", ids)
	}

	// The next period: the sender fails once, then succeeds.
	now = now.Add(24 * time.Hour)
	sender.deliver = func(string) (newsintel.Delivery, error) {
		return newsintel.Delivery{}, errors.New("smtp: connection refused")
	}
	require.Equal(t, 0, newScheduler().RunOnce(ctx))
	sender.deliver = nil
	require.Equal(t, 1, newScheduler().RunOnce(ctx))
	got = sender.sent()
	require.Len(t, got, 3)
	if got[1].Period != got[2].Period || got[2].Period != "2026-11-30T07:30:00Z/2026-12-01T07:30:00Z" {
		t.Errorf("periods after a failure: %q then %q, want the second day's twice", got[1].Period, got[2].Period)
	}
	subs, err := store.Subscriptions(ctx, tp.ID)
	require.NoError(t, err)
	if m := byID(subs, mail.ID); !m.LastSent.Equal(time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)) {
		t.Errorf("LastSent %s, want the end of the second period", m.LastSent)
	}
}

// TestSchedulerBadTopicDoesNotBlock checks that a topic whose digest
// cannot be built (its query, stored by an older version, no longer
// parses) does not hold back the others.
func TestSchedulerBadTopicDoesNotBlock(t *testing.T) {
	created := time.Date(2026, 11, 29, 6, 0, 0, 0, time.UTC)
	store, _ := newTestStore(t, created)
	ctx := t.Context()
	var ids []string
	for _, name := range []string{"first", "second"} {
		tp, err := store.CreateTopic(ctx, newsintel.Topic{Name: name, Schedule: newsintel.Schedule{Every: "hourly"}})
		require.NoError(t, err)
		_, err = store.AddSubscription(ctx, tp.ID, newsintel.Subscription{Channel: "webhook", URL: "https://hooks.example.com/" + name, Secret: "0123456789abcdef"})
		require.NoError(t, err)
		ids = append(ids, tp.ID)
	}
	broken, err := store.Topic(ctx, ids[0])
	require.NoError(t, err)
	broken.Query.Q = `"unbalanced`
	data, err := json.Marshal(broken)
	require.NoError(t, err)
	_, err = store.topics.Put(ctx, broken.ID, data)
	require.NoError(t, err)

	ix := newTestIndex(t, []newsintel.Document{article("d1", "reuters", "Alibaba", created.Add(30*time.Minute))})
	sender := &recordingSender{}
	s := &Scheduler{Store: store, Builder: &Builder{Index: ix}, Sender: sender, Log: testLogger(),
		Now: func() time.Time { return created.Add(time.Hour + 5*time.Minute) }}
	require.Equal(t, 1, s.RunOnce(ctx))
	if got := sender.sent(); len(got) != 1 || got[0].Topic != ids[1] {
		t.Errorf("sent %+v, want one digest, of the second topic", got)
	}
}

// TestSchedulerFailingPeriodAcrossBoundary checks that a delivery still
// failing when the next period ends is asked for again as the same
// period (not as a longer, overlapping one), and that a period whose
// delivery was given up lets the subscription move on.
func TestSchedulerFailingPeriodAcrossBoundary(t *testing.T) {
	created := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	store, _ := newTestStore(t, created)
	ctx := t.Context()
	tp, err := store.CreateTopic(ctx, newsintel.Topic{Name: "Alibaba", Query: newsintel.TopicQuery{Q: "alibaba"},
		Schedule: newsintel.Schedule{Every: "daily", At: "07:30"}})
	require.NoError(t, err)
	_, err = store.AddSubscription(ctx, tp.ID, newsintel.Subscription{Email: "a@example.com"})
	require.NoError(t, err)
	day1 := time.Date(2026, 11, 29, 7, 30, 0, 0, time.UTC)
	ix := newTestIndex(t, []newsintel.Document{
		article("d1", "reuters", "Alibaba cloud under review", day1.Add(time.Hour)),
		article("d2", "ft", "Alibaba earnings", day1.Add(25*time.Hour)),
		article("d3", "wsj", "Alibaba cloud spin-off", day1.Add(49*time.Hour)),
	})
	sender := &recordingSender{}
	now := day1.Add(24*time.Hour + 5*time.Minute)
	sched := &Scheduler{Store: store, Builder: &Builder{Index: ix}, Sender: sender, Log: testLogger(), Now: func() time.Time { return now }}
	state := newsintel.DeliveryFailed
	sender.deliver = func(p string) (newsintel.Delivery, error) { return newsintel.Delivery{State: state, Period: p}, nil }

	first := "2026-11-29T07:30:00Z/2026-11-30T07:30:00Z"
	sched.RunOnce(ctx)
	now = now.Add(24 * time.Hour) // the second period has ended too
	sched.RunOnce(ctx)
	state = newsintel.DeliveryGaveUp
	sched.RunOnce(ctx)
	state = newsintel.DeliverySent
	sched.RunOnce(ctx)
	var periods []string
	for _, s := range sender.sent() {
		periods = append(periods, s.Period)
	}
	want := []string{first, first, first, "2026-11-30T07:30:00Z/2026-12-01T07:30:00Z"}
	if len(periods) != len(want) {
		t.Fatalf("periods asked for %v, want %v", periods, want)
	}
	for i := range want {
		if periods[i] != want[i] {
			t.Errorf("period %d: %q, want %q (all: %v)", i, periods[i], want[i], periods)
		}
	}
}
