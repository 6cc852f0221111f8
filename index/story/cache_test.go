package story

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// countingIndex is the real index, counting the claim reads that reach it.
type countingIndex struct {
	*index.Index
	reads atomic.Int64
}

func (c *countingIndex) ReadClaims(ctx context.Context, r index.ClaimRequest, max int) ([]index.ClaimHit, uint64, error) {
	c.reads.Add(1)
	return c.Index.ReadClaims(ctx, r, max)
}

// pagingIndex is the real index seen only through the Index interface: no
// one-search claim reads, no generation, so no cache.
type pagingIndex struct{ Index }

func TestCacheAnswersAgainUntilTheIndexChanges(t *testing.T) {
	late := "articles/brusselsdigital-eu-watches-us-alibaba-review.html"
	c, l := load(t, late), answers(t)
	ix := &countingIndex{Index: c.ix}
	f := New(ix, Options{})
	req := Request{Entity: []string{"Alibaba"}}
	first, err := f.Find(t.Context(), req)
	require.NoError(t, err)
	before := reviewStory(t, c, first, l)
	reads := ix.reads.Load()

	again, err := f.Find(t.Context(), req)
	require.NoError(t, err)
	if got := ix.reads.Load(); got != reads {
		t.Errorf("the same request again read the index %d more times, want 0 (answered from the cache)", got-reads)
	}
	first.TookMS, again.TookMS = 0, 0
	require.Equal(t, first, again, "the cached answer differs from the first")

	for _, e := range manifest(t) {
		if e.Path == late {
			c.add(t, newExtractor(), e)
		}
	}
	after, err := f.Find(t.Context(), req)
	require.NoError(t, err)
	if got := ix.reads.Load(); got == reads {
		t.Errorf("after a Put the request read the index %d more times, want it read again", got-reads)
	}
	st := reviewStory(t, c, after, l)
	if len(st.Reports) != len(before.Reports)+1 {
		t.Errorf("after one more report was indexed: %d reports, want %d (a stale answer?)", len(st.Reports), len(before.Reports)+1)
	}
}

func TestCachedAnswerIsACopy(t *testing.T) {
	c := load(t)
	f := New(c.ix, Options{})
	req := Request{Entity: []string{"Alibaba"}}
	list, err := f.Find(t.Context(), req)
	require.NoError(t, err)
	require.NotEmpty(t, list.Stories)
	id, text := list.Stories[0].ID, list.Stories[0].Reports[0].Text
	list.Stories[0].Reports[0].Text = "changed by the caller"
	list.Stories[0].Counts.ByAttribution["x"] = 99
	list.Stories = list.Stories[:0]

	again, err := f.Find(t.Context(), req)
	require.NoError(t, err)
	require.NotEmpty(t, again.Stories)
	if got := again.Stories[0]; got.ID != id || got.Reports[0].Text != text || got.Counts.ByAttribution["x"] != 0 {
		t.Errorf("second answer: story %s, first report %q, x=%d; want %s, %q, 0 (the caller's changes reached the cache)",
			got.ID, got.Reports[0].Text, got.Counts.ByAttribution["x"], id, text)
	}
	st, err := f.Get(t.Context(), id)
	require.NoError(t, err)
	st.Reports = nil
	st2, err := f.Get(t.Context(), id)
	require.NoError(t, err)
	if len(st2.Reports) == 0 {
		t.Errorf("Get %s again: no reports, want those of the first answer", id)
	}
}

// TestOneSearchReadsWhatPagesRead compares stories found through the
// index's one-search claim reads (narrowed to the newest days) with those
// found page by page through SearchClaims, on synthetic claims far more
// than a request reads.
func TestOneSearchReadsWhatPagesRead(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	require.NoError(t, ix.Put(t.Context(), benchDocs(600, 5, 3)))
	o := Options{MaxClaims: 250, CacheBytes: -1}
	one, paged := New(ix, o), New(pagingIndex{ix}, o)
	march := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, req := range []Request{
		{Size: MaxSize, MinReports: 1},
		{Entity: []string{"Alibaba"}, Size: MaxSize},
		{Query: "antitrust lawsuit", Size: 20},
		{Entity: []string{"company:tesla"}, Since: march, Until: march.AddDate(0, 2, 0)},
	} {
		name := strings.Join(req.Entity, ",") + req.Query
		got, err := one.Find(t.Context(), req)
		require.NoError(t, err, name)
		want, err := paged.Find(t.Context(), req)
		require.NoError(t, err, name)
		got.TookMS, want.TookMS = 0, 0
		if got.ClaimsRead != want.ClaimsRead || got.ClaimsMatched != want.ClaimsMatched || got.Total != want.Total {
			t.Errorf("%q: read %d of %d claims, %d stories; want %d of %d, %d", name, got.ClaimsRead, got.ClaimsMatched, got.Total,
				want.ClaimsRead, want.ClaimsMatched, want.Total)
		}
		require.Equal(t, want, got, "%q: stories read in one search differ from those read page by page", name)
	}
}

func TestResultCacheBounds(t *testing.T) {
	c := newResultCache(400)
	c.put(1, "a", nil, 100)
	c.put(1, "b", nil, 100)
	c.put(1, "c", nil, 101) // more than a quarter: not kept
	if _, ok := c.get(1, "c"); ok {
		t.Errorf("an answer of 101 bytes was kept in a cache of 400, want not")
	}
	c.get(1, "a") // a is now the most recently used
	c.put(1, "d", nil, 100)
	c.put(1, "e", nil, 100)
	c.put(1, "f", nil, 100) // 500 bytes: b, the least recently used, goes
	for key, want := range map[string]bool{"a": true, "b": false, "d": true, "e": true, "f": true} {
		if _, ok := c.get(1, key); ok != want {
			t.Errorf("generation 1, %s kept %v, want %v", key, ok, want)
		}
	}
	if c.bytes != 400 {
		t.Errorf("cache holds %d bytes, want 400", c.bytes)
	}
	c.put(0, "old", nil, 1) // computed before the index changed
	if _, ok := c.get(0, "old"); ok {
		t.Errorf("an answer of an older generation was kept, want not")
	}
	c.put(2, "g", nil, 1)
	for _, key := range []string{"a", "d", "e", "f"} {
		if _, ok := c.get(2, key); ok {
			t.Errorf("generation 2 finds %s of generation 1, want not", key)
		}
	}
	if _, ok := c.get(2, "g"); !ok || c.bytes != 1 || len(c.entries) != 1 {
		t.Errorf("generation 2: g kept %v, %d bytes in %d entries; want true, 1, 1", ok, c.bytes, len(c.entries))
	}
}

func TestNoCacheWithoutGeneration(t *testing.T) {
	c := load(t)
	f := New(pagingIndex{c.ix}, Options{})
	list, err := f.Find(t.Context(), Request{Entity: []string{"Alibaba"}})
	require.NoError(t, err)
	if f.cache.bytes != 0 || len(list.Stories) == 0 {
		t.Errorf("an index without a generation: %d bytes cached, %d stories; want 0 and some", f.cache.bytes, len(list.Stories))
	}
}

func TestTermCacheKeepsWhatContentTermsSays(t *testing.T) {
	c := newTermCache(2)
	claims := []struct {
		text  string
		names []string
	}{
		{"Alibaba is weighing a sale of its cloud unit", []string{"Alibaba"}},
		{"Alibaba is weighing a sale of its cloud unit", nil}, // the same words, other names
		{"Regulators are probing the deal", nil},
		{"Tesla will cut 3,000 jobs in Europe", []string{"Tesla"}},
	}
	for round := 0; round < 2; round++ {
		for _, cl := range claims {
			got, want := c.counts(cl.text, cl.names), contentTerms(cl.text, nameWords(cl.names))
			require.Equal(t, want, got, "round %d: %q without %v", round, cl.text, cl.names)
		}
	}
	if n := len(c.cur) + len(c.old); n > 4 {
		t.Errorf("a cache of 2 holds %d claims, want at most 4", n)
	}
	var none *termCache
	require.Equal(t, contentTerms("Regulators are probing the deal", nil), none.counts("Regulators are probing the deal", nil))
}

// TestConcurrentFindsAndAWrite asks a shared Finder for stories from
// several goroutines while a document is indexed, and then asks that it
// answer as a Finder without a cache does.
func TestConcurrentFindsAndAWrite(t *testing.T) {
	late := "articles/brusselsdigital-eu-watches-us-alibaba-review.html"
	c := load(t, late)
	f := New(c.ix, Options{})
	reqs := []Request{{Entity: []string{"Alibaba"}}, {MinReports: 1}}
	var g errgroup.Group
	for i := range 4 {
		g.Go(func() error {
			for range 3 {
				if _, err := f.Find(t.Context(), reqs[i%len(reqs)]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	for _, e := range manifest(t) {
		if e.Path == late {
			c.add(t, newExtractor(), e)
		}
	}
	require.NoError(t, g.Wait())
	for _, req := range reqs {
		got, err := f.Find(t.Context(), req)
		require.NoError(t, err)
		want, err := New(c.ix, Options{CacheBytes: -1}).Find(t.Context(), req)
		require.NoError(t, err)
		got.TookMS, want.TookMS = 0, 0
		require.Equal(t, want, got, "%+v: the shared Finder's answer after the write differs from a fresh one", req)
	}
}

// TestRequestKeyNamesEveryField asks that a request differing from
// another in any field, one added later too, have another cache key.
func TestRequestKeyNamesEveryField(t *testing.T) {
	base := Request{}.key()
	typ := reflect.TypeFor[Request]()
	for i := range typ.NumField() {
		var r Request
		fill(reflect.ValueOf(&r).Elem().Field(i))
		if r.key() == base {
			t.Errorf("a request with %s set has the key of one without, want another", typ.Field(i).Name)
		}
	}
}
