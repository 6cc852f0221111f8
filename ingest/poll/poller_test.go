package poll_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"

	"github.com/newsintel/newsintel/ingest/poll"
)

func TestNotModifiedPublishesNothing(t *testing.T) {
	store, site := startNATS(t), startSite(t)
	site.set(rss(site.URL, 3, time.Time{}), `"v1"`)
	pub := &published{}
	p := store.newPoller(t, pub, testClient(5*time.Second))
	f := poll.Feed{Name: "wire", URL: site.URL + "/feed.xml", Interval: time.Minute}

	st, err := p.Poll(t.Context(), f)
	require.NoError(t, err)
	if got := len(pub.list()); got != 3 {
		t.Fatalf("first poll: got %d published, want 3", got)
	}
	if st.ETag != `"v1"` || st.ItemsSeen != 3 || st.LastNewItem.IsZero() {
		t.Errorf("first poll state: got etag %q, items %d, last new %v; want \"v1\", 3, set", st.ETag, st.ItemsSeen, st.LastNewItem)
	}
	_, _, pages := site.counts()
	st, err = p.Poll(t.Context(), f)
	require.NoError(t, err)
	_, cond, pagesAfter := site.counts()
	if got := len(pub.list()); got != 3 || st.NotModified != 1 || cond != 1 || pagesAfter != pages {
		t.Errorf("304 poll: got %d published, %d not-modified, %d conditional, %d page fetches; want 3, 1, 1, %d", got, st.NotModified, cond, pagesAfter, pages)
	}
}

func TestETagAndSeenSurviveRestart(t *testing.T) {
	store, site := startNATS(t), startSite(t)
	site.set(rss(site.URL, 2, time.Time{}), `"v1"`)
	pub := &published{}
	f := poll.Feed{Name: "wire", URL: site.URL + "/feed.xml", Interval: time.Minute}
	_, err := store.newPoller(t, pub, testClient(5*time.Second)).Poll(t.Context(), f)
	require.NoError(t, err)

	// A new process: new bus, new Poller, same JetStream store.
	restarted := store.newPoller(t, pub, testClient(5*time.Second))
	st, err := restarted.Poll(t.Context(), f)
	require.NoError(t, err)
	if _, cond, _ := site.counts(); cond != 1 || st.NotModified != 1 {
		t.Errorf("after restart: got %d conditional requests, %d not-modified; want 1, 1", cond, st.NotModified)
	}
	if due, err := restarted.Due(t.Context(), f); err != nil || due.IsZero() {
		t.Errorf("Due after restart: got %v, %v; want a time", due, err)
	}

	// The server stops honouring the ETag: the same bytes again are not
	// parsed again.
	site.mu.Lock()
	site.honourETag = false
	site.mu.Unlock()
	st, err = restarted.Poll(t.Context(), f)
	require.NoError(t, err)
	if st.Unchanged != 1 || len(pub.list()) != 2 {
		t.Errorf("same bytes without a 304: got %d unchanged, %d published; want 1, 2", st.Unchanged, len(pub.list()))
	}

	// It adds an item: only the new one is published, also by a third
	// process.
	site.mu.Lock()
	site.honourETag = false
	site.mu.Unlock()
	site.set(rss(site.URL, 3, time.Time{}), `"v2"`)
	_, err = store.newPoller(t, pub, testClient(5*time.Second)).Poll(t.Context(), f)
	require.NoError(t, err)
	_, err = store.newPoller(t, pub, testClient(5*time.Second)).Poll(t.Context(), f)
	require.NoError(t, err)
	if got := len(pub.list()); got != 3 {
		t.Errorf("after two more polls across restarts: got %d published, want 3 (each item once)", got)
	}
}

func TestBackOffDoubles(t *testing.T) {
	cases := []struct {
		failures int
		want     time.Duration
	}{{0, 15 * time.Minute}, {1, 30 * time.Minute}, {2, time.Hour}, {3, 2 * time.Hour}, {6, 16 * time.Hour}, {7, 24 * time.Hour}, {40, 24 * time.Hour}}
	for _, c := range cases {
		if got := poll.NextDelay(15*time.Minute, c.failures, 0); got != c.want {
			t.Errorf("NextDelay(15m, %d failures): got %v, want %v", c.failures, got, c.want)
		}
	}
	if got := poll.NextDelay(48*time.Hour, 3, 0); got != 48*time.Hour {
		t.Errorf("NextDelay(48h, 3): got %v, want the interval 48h", got)
	}
}

func TestFailingFeedBacksOff(t *testing.T) {
	store, site := startNATS(t), startSite(t)
	pub := &published{}
	p := store.newPoller(t, pub, testClient(5*time.Second))
	f := poll.Feed{Name: "gone", URL: site.URL + "/missing.xml", Interval: 10 * time.Minute}
	for n := 1; n <= 3; n++ {
		st, err := p.Poll(t.Context(), f)
		require.Error(t, err)
		gap := st.NextPoll.Sub(st.LastPoll)
		want := 10 * time.Minute << n
		if st.ConsecutiveFailures != n || gap < want-time.Second || gap > want+time.Second || st.ErrorClass != "http_status" {
			t.Errorf("failure %d: got %d failures, next poll in %v, class %q; want %d, %v, http_status", n, st.ConsecutiveFailures, gap, st.ErrorClass, n, want)
		}
	}
	site.set(rss(site.URL, 1, time.Time{}), `"x"`)
	f.URL = site.URL + "/feed.xml"
	st, err := p.Poll(t.Context(), f)
	require.NoError(t, err)
	if st.ConsecutiveFailures != 0 || st.NextPoll.Sub(st.LastPoll) > 10*time.Minute+time.Second {
		t.Errorf("after a success: got %d failures, next in %v; want 0, 10m", st.ConsecutiveFailures, st.NextPoll.Sub(st.LastPoll))
	}
}

func TestRevisionWhenPageChanges(t *testing.T) {
	store, site := startNATS(t), startSite(t)
	pub := &published{}
	p := store.newPoller(t, pub, testClient(5*time.Second))
	f := poll.Feed{Name: "wire", URL: site.URL + "/feed.xml", Interval: time.Minute}
	t0 := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	site.set(rss(site.URL, 1, t0), `"1"`)
	_, err := p.Poll(t.Context(), f)
	require.NoError(t, err)

	// The feed says the item was updated but the article text is the same
	// (only a script token differs): nothing new.
	site.set(rss(site.URL, 1, t0.Add(time.Hour)), `"2"`)
	_, err = p.Poll(t.Context(), f)
	require.NoError(t, err)
	require.Len(t, pub.list(), 1, "an update with an unchanged body must not be republished")

	// The article is edited: a claim is removed.
	site.mu.Lock()
	site.paragraph = "Officials said on Tuesday that the review had ended."
	site.mu.Unlock()
	site.set(rss(site.URL, 1, t0.Add(2*time.Hour)), `"3"`)
	_, err = p.Poll(t.Context(), f)
	require.NoError(t, err)
	raws := pub.list()
	require.Len(t, raws, 2)
	if raws[0].ID != raws[1].ID || raws[0].Revision != 1 || raws[1].Revision != 2 {
		t.Errorf("revisions: got ids %s/%s revisions %d/%d; want one id, revisions 1 and 2", raws[0].ID, raws[1].ID, raws[0].Revision, raws[1].Revision)
	}
	hist, err := p.Revisions.History(t.Context(), raws[0].ID)
	require.NoError(t, err)
	if len(hist) != 2 || hist[1].Revision != 2 || hist[1].Fetched.Before(hist[0].Fetched) || hist[0].Hash == hist[1].Hash {
		t.Errorf("history: got %+v, want revisions 1 and 2 with fetch times and different hashes", hist)
	}
}

func TestRetryAfterPostponesNextPoll(t *testing.T) {
	store := startNATS(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	p := store.newPoller(t, &published{}, testClient(5*time.Second))
	st, err := p.Poll(t.Context(), poll.Feed{Name: "busy", URL: srv.URL + "/feed", Interval: 10 * time.Minute})
	require.Error(t, err)
	if gap := st.NextPoll.Sub(st.LastPoll); gap < 2*time.Hour-time.Second || gap > 2*time.Hour+time.Second {
		t.Errorf("429 with Retry-After: 7200: got next poll in %v, want 2h", gap)
	}
}

func TestHomePageErrorNamesItsFeeds(t *testing.T) {
	store := startNATS(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/feeds/all.rss"></head><body>News</body></html>`))
	}))
	defer srv.Close()
	p := store.newPoller(t, &published{}, testClient(5*time.Second))
	st, err := p.Poll(t.Context(), poll.Feed{Name: "home", URL: srv.URL + "/", Interval: time.Hour})
	if err == nil || st.ErrorClass != "not_feed" || !strings.Contains(st.LastError, srv.URL+"/feeds/all.rss") {
		t.Errorf("poll of a home page: got error %v, class %q; want not_feed naming %s/feeds/all.rss", err, st.ErrorClass, srv.URL)
	}
}

func TestShutdownIsNotAFailure(t *testing.T) {
	store, site := startNATS(t), startSite(t)
	site.set(rss(site.URL, 1, time.Time{}), `"1"`)
	p := store.newPoller(t, &published{}, testClient(5*time.Second))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	st, err := p.Poll(ctx, poll.Feed{Name: "wire", URL: site.URL + "/feed.xml", Interval: time.Hour})
	require.ErrorIs(t, err, context.Canceled)
	if st.ConsecutiveFailures != 0 || st.LastError != "" || time.Until(st.NextPoll) > time.Second {
		t.Errorf("poll cut by shutdown: got %d failures, last error %q, next poll in %v; want 0, none, now", st.ConsecutiveFailures, st.LastError, time.Until(st.NextPoll))
	}
}

// flakyPub fails every publish while down is true.
type flakyPub struct {
	published
	down bool
}

func (f *flakyPub) PublishRaw(ctx context.Context, raw newsintel.Raw) error {
	if f.down {
		return errors.New("nats: no responders available for request")
	}
	return f.published.PublishRaw(ctx, raw)
}

func TestPublishOutageLosesNothing(t *testing.T) {
	store, site := startNATS(t), startSite(t)
	site.set(rss(site.URL, 2, time.Time{}), `"1"`)
	pub := &flakyPub{down: true}
	p := store.newPoller(t, &pub.published, testClient(5*time.Second))
	p.Pub = pub
	f := poll.Feed{Name: "wire", URL: site.URL + "/feed.xml", Interval: time.Hour}
	for range 4 { // more polls than an item's page gets retries: an outage is not the page's fault
		_, err := p.Poll(t.Context(), f)
		require.NoError(t, err)
	}
	pub.down = false
	st, err := p.Poll(t.Context(), f)
	require.NoError(t, err)
	if got := len(pub.list()); got != 2 || st.ItemsSeen != 2 || st.ETag != `"1"` {
		t.Errorf("after the outage: got %d published, %d items seen, etag %q; want 2, 2, \"1\"", got, st.ItemsSeen, st.ETag)
	}
}
