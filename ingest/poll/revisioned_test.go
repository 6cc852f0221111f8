package poll_test

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/stretchr/testify/require"
)

// TestRevisionedPublisher checks what the crawler publishes through: the
// first fetch is revision 1, an unchanged refetch is not published, a page
// whose text changed is revision 2 — also after a restart (a new bus on
// the same store).
func TestRevisionedPublisher(t *testing.T) {
	n := startNATS(t)
	page := func(text string) newsintel.Raw {
		return newsintel.Raw{ID: "doc1", Kind: newsintel.KindArticle, Source: "crawl", ContentType: "text/html",
			Fetched: time.Now().UTC(), Body: []byte("<html><body><script>x()</script><p>" + text + "</p></body></html>")}
	}
	pub := &published{}
	revisioned := func() poll.Revisioned {
		revs, err := connect(t, n.srv).Revisions(t.Context())
		require.NoError(t, err)
		return poll.Revisioned{Pub: pub, Revisions: &poll.Revisions{Store: revs}}
	}
	first := revisioned()
	require.NoError(t, first.PublishRaw(t.Context(), page("Officials said the review began.")))
	require.NoError(t, first.PublishRaw(t.Context(), page("Officials said the review began.")))
	restarted := revisioned()
	require.NoError(t, restarted.PublishRaw(t.Context(), page("Officials said the review began, according to two people.")))

	got := pub.list()
	if len(got) != 2 || got[0].Revision != 1 || got[1].Revision != 2 {
		revs := []int{}
		for _, r := range got {
			revs = append(revs, r.Revision)
		}
		t.Fatalf("published revisions %v, want [1 2] (the unchanged refetch dropped)", revs)
	}
	hist, err := restarted.Revisions.History(t.Context(), "doc1")
	require.NoError(t, err)
	if len(hist) != 2 || hist[1].Revision != 2 || hist[1].Fetched.IsZero() {
		t.Errorf("history = %+v, want revisions 1 and 2 with fetch times", hist)
	}
}
