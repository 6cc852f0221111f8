package api

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// pipelineIndex opens an index fed from DOCS by a sink stage named name,
// stopped (and the index closed) when the test ends.
func pipelineIndex(t *testing.T, bus *pipelines.Bus, name string) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), name), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	ctx, cancel := context.WithCancel(t.Context())
	var g errgroup.Group
	g.Go(func() error {
		return bus.RunSink(ctx, pipelines.StageOptions{Name: name, BatchWait: 50 * time.Millisecond, DrainWait: time.Second}, ix.Put)
	})
	t.Cleanup(func() { cancel(); _ = g.Wait() })
	return ix
}

// waitRevision waits until ix holds revision rev of document id.
func waitRevision(t *testing.T, ix *index.Index, id string, rev int) {
	t.Helper()
	require.Eventually(t, func() bool {
		d, err := ix.Get(t.Context(), id)
		return err == nil && d.Revision == rev
	}, 30*time.Second, 20*time.Millisecond, "revision %d of %s never reached the index", rev, id)
}

// TestRevisionsThroughPipeline fetches the edited article through ingest
// with its revision records in the 'seen' bucket, and lets the real
// extract and index stages carry it over embedded JetStream; a second
// index rebuilt from DOCS must tell the same history.
func TestRevisionsThroughPipeline(t *testing.T) {
	bus := pipelinestest.Bus(t)
	store, err := bus.Revisions(t.Context())
	require.NoError(t, err)
	revs := &poll.Revisions{Store: store}

	ctx, cancel := context.WithCancel(t.Context())
	var g errgroup.Group
	g.Go(func() error {
		return bus.RunTransform(ctx, pipelines.StageOptions{DrainWait: time.Second}, extract.New(entities.Builtin()).Extract)
	})
	t.Cleanup(func() { cancel(); _ = g.Wait() })
	ix := pipelineIndex(t, bus, "index-live")

	in := &ingest.Ingester{Pub: poll.Revisioned{Pub: bus, Revisions: revs}, Source: "harbor-ledger"}
	id := newsintel.ArticleID(editedURL)
	for i, name := range []string{"rev1.html", "rev1.html", "rev2.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", "revisions", name))
		require.NoError(t, err)
		_, err = in.Bytes(t.Context(), data, editedURL, "text/html; charset=utf-8")
		require.NoError(t, err)
		waitRevision(t, ix, id, max(i, 1))
	}

	history, err := revs.History(t.Context(), id)
	require.NoError(t, err)
	got, err := ix.Revisions(t.Context(), id)
	require.NoError(t, err)
	require.Len(t, got.Revisions, 2, "index history %+v", got)
	require.Len(t, history, 2, "ingest history %+v", history)
	for i, h := range history {
		if r := got.Revisions[i]; r.Revision != h.Revision || !r.Fetched.Equal(h.Fetched) {
			t.Errorf("index revision %d fetched %v, want revision %d fetched %v as ingest recorded", r.Revision, r.Fetched, h.Revision, h.Fetched)
		}
	}
	rev2 := got.Revisions[1]
	if len(rev2.Removed) != 1 || rev2.Removed[0].Source.Type != newsintel.SourceAnonymous || len(rev2.Changed) != 1 {
		t.Errorf("revision 2 = %+v, want the anonymous claim removed and the quote changed", rev2)
	}

	// Rebuilt from DOCS (both revisions, likely in one batch), a new index
	// tells the same history.
	rebuilt := pipelineIndex(t, bus, "index-rebuilt")
	waitRevision(t, rebuilt, id, 2)
	again, err := rebuilt.Revisions(t.Context(), id)
	require.NoError(t, err)
	if g, w := mustJSON(t, again), mustJSON(t, got); g != w {
		t.Errorf("history rebuilt from DOCS =\n%s\nwant\n%s", g, w)
	}
	all := index.ClaimRequest{IncludeRemoved: true, Size: 100}
	a, err := ix.SearchClaims(t.Context(), all)
	require.NoError(t, err)
	b, err := rebuilt.SearchClaims(t.Context(), all)
	require.NoError(t, err)
	a.TookMS, b.TookMS = 0, 0
	if g, w := mustJSON(t, b), mustJSON(t, a); g != w {
		t.Errorf("claims rebuilt from DOCS =\n%s\nwant\n%s", g, w)
	}
}
