package story

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/extract/cluster"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/stretchr/testify/require"
)

// entry is one file of testdata/manifest.json.
type entry struct {
	Path        string            `json:"path"`
	Kind        newsintel.Kind    `json:"kind"`
	Source      string            `json:"source"`
	Publisher   string            `json:"publisher"`
	URL         string            `json:"url"`
	ContentType string            `json:"content_type"`
	Fetched     time.Time         `json:"fetched"`
	Revision    int               `json:"revision"`
	Filing      *newsintel.Filing `json:"filing"`
}

// labels is testdata/labels.json: the answers.
type labels struct {
	Stories      map[string]string `json:"stories"` // path → story label
	Story        string            `json:"story"`
	FirstReport  string            `json:"first_report"`
	Attributions map[string]string `json:"attributions"`
	Links        map[string]string `json:"links"`
	NotDenials   []string          `json:"not_denials"`
	Edited       struct {
		Path         string `json:"path"`
		RemovedClaim string `json:"removed_claim"`
		Revision     int    `json:"revision"`
	} `json:"edited"`
}

func readJSON(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v))
}

func manifest(t testing.TB) []entry {
	var m struct {
		Entries []entry `json:"entries"`
	}
	readJSON(t, "manifest.json", &m)
	require.NotEmpty(t, m.Entries)
	return m.Entries
}

func answers(t testing.TB) labels {
	var l labels
	readJSON(t, "labels.json", &l)
	return l
}

// collector is an ingest.Publisher that keeps what it is given.
type collector struct{ raws []newsintel.Raw }

func (c *collector) PublishRaw(_ context.Context, raw newsintel.Raw) error {
	c.raws = append(c.raws, raw)
	return nil
}

// rawOf turns a manifest entry into what ingest would publish for it:
// pages through ingest, the Federal Register JSON through fedreg, the
// filing with the fields EDGAR's API gives.
func rawOf(t testing.TB, e entry) newsintel.Raw {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", e.Path))
	require.NoError(t, err)
	var raw newsintel.Raw
	switch {
	case e.Kind == newsintel.KindNotice:
		d, err := fedreg.Parse(data)
		require.NoError(t, err)
		raw = d.ToRaw(e.Source, e.Fetched)
	case e.Filing != nil:
		raw = newsintel.Raw{ID: newsintel.FilingID(e.Filing.Accession), Kind: newsintel.KindFiling, Source: e.Source,
			URL: e.URL, FinalURL: e.URL, Status: 200, ContentType: e.ContentType, Body: data, Publisher: e.Publisher,
			Filing: e.Filing}
	default:
		pub := &collector{}
		in := &ingest.Ingester{Pub: pub, Source: e.Source, Kind: e.Kind, Publisher: e.Publisher}
		_, err := in.Bytes(t.Context(), data, e.URL, e.ContentType)
		require.NoError(t, err, e.Path)
		require.Len(t, pub.raws, 1, e.Path)
		raw = pub.raws[0]
	}
	raw.Fetched, raw.Revision = e.Fetched, e.Revision
	return raw
}

// corpus is the fixture corpus extracted and indexed.
type corpus struct {
	ix    *index.Index
	ids   map[string]string // path → document ID
	paths map[string]string // document ID → path (the newest revision's)
}

// load runs the entries through the extract stage (with near-duplicate
// clusters) and indexes them one by one in manifest order, as they would
// arrive; skip leaves out the entries it names.
func load(t testing.TB, skip ...string) *corpus {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	c := &corpus{ix: ix, ids: map[string]string{}, paths: map[string]string{}}
	x := newExtractor()
	for _, e := range manifest(t) {
		if contains(skip, e.Path) {
			continue
		}
		c.add(t, x, e)
	}
	return c
}

// newExtractor is the extract stage as serve runs it: the builtin
// gazetteer and near-duplicate clusters.
func newExtractor() *extract.Extractor {
	return extract.New(entities.Builtin(), extract.WithClusters(cluster.New(cluster.NewMemStore())))
}

func (c *corpus) add(t testing.TB, x *extract.Extractor, e entry) {
	t.Helper()
	d, err := x.Extract(t.Context(), rawOf(t, e))
	require.NoError(t, err, e.Path)
	require.NoError(t, c.ix.Put(t.Context(), []newsintel.Document{*d}), e.Path)
	c.ids[e.Path], c.paths[d.ID] = d.ID, e.Path
}

// storyOf returns the story of list holding the document at path.
func (c *corpus) storyOf(list *List, path string) *Story {
	for i := range list.Stories {
		for _, r := range list.Stories[i].Reports {
			if r.DocumentID == c.ids[path] {
				return &list.Stories[i]
			}
		}
	}
	return nil
}

// pairScores compares the grouping of list with the labels pairwise over
// documents: a pair of documents is predicted together when some story
// holds both, and truly together when they have the same label.
func (c *corpus) pairScores(list *List, gold map[string]string) (precision, recall float64, detail string) {
	together := map[[2]string]bool{}
	for _, st := range list.Stories {
		for i, a := range st.Reports {
			for _, b := range st.Reports[i+1:] {
				pa, pb := c.paths[a.DocumentID], c.paths[b.DocumentID]
				if pa > pb {
					pa, pb = pb, pa
				}
				if gold[pa] != "" && gold[pb] != "" && pa != pb {
					together[[2]string{pa, pb}] = true
				}
			}
		}
	}
	var tp, fp, fn int
	var paths []string
	for p := range gold {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for i, a := range paths {
		for _, b := range paths[i+1:] {
			same, pred := gold[a] == gold[b], together[[2]string{a, b}]
			switch {
			case same && pred:
				tp++
			case pred:
				fp++
				detail += fmt.Sprintf("wrongly together: %s + %s\n", a, b)
			case same:
				fn++
				detail += fmt.Sprintf("wrongly apart: %s + %s\n", a, b)
			}
		}
	}
	return ratio(tp, tp+fp), ratio(tp, tp+fn), detail
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// loadDemo indexes the demo corpus's pages, filing and notices as serve
// --demo does (feeds left out: their items are pages of the corpus).
func loadDemo(t testing.TB) *corpus {
	t.Helper()
	entries, err := demo.Manifest()
	require.NoError(t, err)
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	c := &corpus{ix: ix, ids: map[string]string{}, paths: map[string]string{}}
	x := newExtractor()
	fetched := time.Date(2022, 4, 1, 0, 0, 0, 0, time.UTC)
	for _, e := range entries {
		if e.IsFeed() {
			continue
		}
		data, err := demo.Open(e)
		require.NoError(t, err)
		var raw newsintel.Raw
		if e.ContentType == demo.ContentFederalRegister {
			d, err := fedreg.Parse(data)
			require.NoError(t, err)
			raw = d.ToRaw(e.Source, fetched)
		} else {
			pub := &collector{}
			in := &ingest.Ingester{Pub: pub, Source: e.Source, Kind: newsintel.Kind(e.Kind), Publisher: e.Publisher}
			_, err := in.Bytes(t.Context(), data, e.URL, e.ContentType)
			require.NoError(t, err, e.Path)
			require.Len(t, pub.raws, 1, e.Path)
			raw = pub.raws[0]
		}
		d, err := x.Extract(t.Context(), raw)
		if err != nil {
			continue // a corpus file that yields no document is the extractor's concern
		}
		require.NoError(t, ix.Put(t.Context(), []newsintel.Document{*d}), e.Path)
		c.ids[e.Path], c.paths[d.ID] = d.ID, e.Path
	}
	return c
}
