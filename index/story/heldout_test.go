package story

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
)

// TestClusterCorpusGrouping scores the grouping on the near-duplicate
// corpus of extract/cluster (20 stories told 4 times each: wire copies,
// excerpts, rewrites; written by another author for another purpose): a
// document's story is its file's prefix.
func TestClusterCorpusGrouping(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "extract", "cluster", "testdata", "stories", "*.txt"))
	require.NoError(t, err)
	if len(files) < 60 {
		t.Skipf("the cluster corpus has %d files; it moved?", len(files))
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	c := &corpus{ix: ix, ids: map[string]string{}, paths: map[string]string{}}
	x := newExtractor()
	gold := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		head, body, _ := strings.Cut(string(data), "\n\n")
		title, when, _ := strings.Cut(head, "\n")
		pub, err := time.Parse(time.RFC3339, strings.TrimSpace(when))
		require.NoError(t, err, f)
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		url := "https://news.example/" + name
		raw := newsintel.Raw{ID: newsintel.ArticleID(url), Kind: newsintel.KindArticle, Source: "test", URL: url,
			ContentType: "text/plain", Body: []byte(title + "\n\n" + body), Fetched: pub, Publisher: "Outlet " + name[len(name)-1:],
			Item: &newsintel.FeedItem{Title: title, Published: pub}}
		d, err := x.Extract(t.Context(), raw)
		require.NoError(t, err, f)
		require.NoError(t, ix.Put(t.Context(), []newsintel.Document{*d}))
		c.ids[name], c.paths[d.ID] = d.ID, name
		gold[name], _, _ = strings.Cut(name, "-")
	}
	// n01 is no copy of c01 but a later article retelling its claim (the
	// Alibaba review): the same story. The other n files are other events.
	gold["n01-a"] = "c01"
	list, err := New(ix, Options{}).Find(t.Context(), Request{Size: MaxSize, MinReports: 1})
	require.NoError(t, err)
	reached := map[string]string{} // documents with a claim in a story: a story is made of claims
	for name, label := range gold {
		if c.storyOf(list, name) != nil {
			reached[name] = label
		}
	}
	p, r, detail := c.pairScores(list, reached)
	t.Logf("cluster corpus, %d of %d documents with claims: pairwise precision %.2f, recall %.2f\n%s",
		len(reached), len(gold), p, r, detail)
	// n02 quotes again, weeks later, the words of c02's Fed chair: the same
	// claim, so the same story here, though another event to the labels.
	if p < 0.9 || r < 0.9 {
		t.Errorf("precision %.2f, recall %.2f, want at least 0.9 each:\n%s", p, r, detail)
	}
}
