package pipelines

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
)

func TestJSONStore(t *testing.T) {
	_, b := newTestBus(t)
	s, err := b.FeedStates(t.Context())
	require.NoError(t, err)
	type state struct {
		ETag string `json:"etag"`
	}
	url := "https://example.org/feed?a=1&b=ünïcode#frag"
	var got state
	found, err := s.Load(t.Context(), url, &got)
	require.NoError(t, err)
	require.False(t, found, "a name never saved must not be found")
	require.NoError(t, s.Save(t.Context(), url, state{ETag: `"x"`}))
	found, err = s.Load(t.Context(), url, &got)
	require.NoError(t, err)
	if !found || got.ETag != `"x"` {
		t.Errorf("Load(%q): got %v %+v, want true and etag \"x\"", url, found, got)
	}
	require.NoError(t, s.Delete(t.Context(), url))
	require.NoError(t, s.Delete(t.Context(), url), "deleting twice is not an error")
	found, err = s.Load(t.Context(), url, &got)
	require.NoError(t, err)
	require.False(t, found, "a deleted name must not be found")
	if k := FeedStateKey(url); len(k) != 34 || k[:2] != "f." {
		t.Errorf("FeedStateKey: got %q, want f. and 32 hex digits", k)
	}
}

func TestRegistryErrors(t *testing.T) {
	_, b := newTestBus(t)
	file := []config.Source{{Name: "bbc", Type: "feed", URL: "https://feeds.bbci.co.uk/news/rss.xml"}}
	r, err := b.Registry(t.Context(), file, 15*time.Minute)
	require.NoError(t, err)
	require.NoError(t, r.Add(t.Context(), config.Source{Name: "npr", URL: "https://feeds.npr.org/1001/rss.xml", Interval: config.Duration(time.Hour)}))
	cases := []struct {
		name string
		err  error
		code string
	}{
		{"add a file source's name", r.Add(t.Context(), config.Source{Name: "bbc", URL: "https://a.example/"}), newsintel.ECONFLICT},
		{"add a run-time source's name", r.Add(t.Context(), config.Source{Name: "npr", URL: "https://a.example/"}), newsintel.ECONFLICT},
		{"add a bad URL", r.Add(t.Context(), config.Source{Name: "x", URL: "javascript:alert(1)"}), newsintel.EINVALID},
		{"add a bad type", r.Add(t.Context(), config.Source{Name: "x", Type: "ftp", URL: "https://a.example/"}), newsintel.EINVALID},
		{"remove a file source", r.Remove(t.Context(), "bbc"), newsintel.EINVALID},
		{"remove an unknown source", r.Remove(t.Context(), "nope"), newsintel.ENOTFOUND},
		{"remove a bad name", r.Remove(t.Context(), "a/b"), newsintel.ENOTFOUND},
	}
	for _, c := range cases {
		if got := newsintel.ErrorCode(c.err); got != c.code {
			t.Errorf("%s: got %q (%v), want %q", c.name, got, c.err, c.code)
		}
	}
	list, err := r.List(t.Context())
	require.NoError(t, err)
	if len(list) != 2 || list[0].Name != "bbc" || list[0].Origin != OriginConfig || list[0].Interval != "15m0s" ||
		list[1].Name != "npr" || list[1].Origin != OriginRuntime || list[1].Interval != "1h0m0s" || list[1].Kind != newsintel.KindArticle {
		t.Errorf("List: got %+v, want bbc (config, 15m) then npr (runtime, 1h, article)", list)
	}
	require.NoError(t, r.Remove(t.Context(), "npr"))
	require.NoError(t, r.Add(t.Context(), config.Source{Name: "npr", URL: "https://feeds.npr.org/1001/rss.xml"}), "a removed name can be added again")
}

func TestRegistryWatch(t *testing.T) {
	_, b := newTestBus(t)
	r, err := b.Registry(t.Context(), nil, time.Hour)
	require.NoError(t, err)
	changes, err := r.Watch(t.Context())
	require.NoError(t, err)
	require.NoError(t, r.Add(t.Context(), config.Source{Name: "a", URL: "https://a.example/feed"}))
	select {
	case <-changes:
	case <-time.After(5 * time.Second):
		t.Fatal("Watch: got no change notice within 5s of an Add, want one")
	}
}

// TestRegistryListCrawlInterval checks that List shows the interval a
// crawl source without one of its own runs at (crawl.revisit, named in its
// saved status), not the feeds' default poll interval.
func TestRegistryListCrawlInterval(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	file := []config.Source{
		{Name: "site", Type: "crawl", URL: "https://news.example/"},
		{Name: "site-2", Type: "crawl", URL: "https://news2.example/", Interval: config.Duration(2 * time.Hour)},
	}
	r, err := b.Registry(ctx, file, 15*time.Minute)
	require.NoError(t, err)
	states, err := b.FeedStates(ctx)
	require.NoError(t, err)
	require.NoError(t, states.Save(ctx, "https://news.example/", newsintel.SourceStatus{Interval: "1h0m0s", ItemsSeen: 4}))
	list, err := r.List(ctx)
	require.NoError(t, err)
	require.Len(t, list, 2)
	if list[0].Interval != "1h0m0s" || list[0].ItemsSeen != 4 {
		t.Errorf("crawl source without an interval: got interval %q items %d, want 1h0m0s (its status's) and 4", list[0].Interval, list[0].ItemsSeen)
	}
	if list[1].Interval != "2h0m0s" {
		t.Errorf("crawl source with an interval: got %q, want 2h0m0s", list[1].Interval)
	}
}
