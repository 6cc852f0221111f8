package poll_test

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel/ingest/poll"
)

// BenchmarkPollParseDedup polls a 200-item feed whose items were all
// published before: fetch, parse, and find every item already seen,
// publishing nothing. "warm" is a running poller (the items of its last
// poll are known in memory); "restarted" is a poller that has to look
// every item up in the seen bucket (real embedded JetStream KV).
func BenchmarkPollParseDedup(b *testing.B) {
	b.Run("warm", func(b *testing.B) { benchPoll(b, false) })
	b.Run("restarted", func(b *testing.B) { benchPoll(b, true) })
}

func benchPoll(b *testing.B, restart bool) {
	store, site := startNATS(b), startSite(b)
	site.honourETag, site.vary = false, true // every poll gets the whole feed, never quite the same bytes
	site.set(rss(site.URL, 200, time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)), `"v1"`)
	pub := &published{}
	p := store.newPoller(b, pub, testClient(10*time.Second))
	p.MaxNewItems = 200
	f := poll.Feed{Name: "wire", URL: site.URL + "/feed.xml", Interval: time.Minute}
	if _, err := p.Poll(b.Context(), f); err != nil {
		b.Fatal(err)
	}
	if n := len(pub.list()); n != 200 {
		b.Fatalf("first poll: got %d published, want 200", n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if restart {
			p.Forget(f.URL)
		}
		if _, err := p.Poll(b.Context(), f); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if n := len(pub.list()); n != 200 {
		b.Fatalf("after the benchmark: got %d published, want 200 (nothing new)", n)
	}
}
