package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/demo"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/stretchr/testify/require"
)

// collector is an ingest.Publisher that keeps what it is given.
type collector struct{ raws []newsintel.Raw }

func (c *collector) PublishRaw(_ context.Context, raw newsintel.Raw) error {
	c.raws = append(c.raws, raw)
	return nil
}

var corpus struct {
	once sync.Once
	docs []newsintel.Document
	err  error
}

// demoDocs runs the demo corpus's pages, filing and notices through ingest
// and extract, once per test binary, as the api package's tests do.
func demoDocs(t testing.TB) []newsintel.Document {
	t.Helper()
	corpus.once.Do(func() { corpus.docs, corpus.err = extractDemo() })
	require.NoError(t, corpus.err)
	require.NotEmpty(t, corpus.docs)
	return corpus.docs
}

func extractDemo() ([]newsintel.Document, error) {
	entries, err := demo.Manifest()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	pub := &collector{}
	for _, e := range entries {
		if e.IsFeed() {
			continue
		}
		data, err := demo.Open(e)
		if err != nil {
			return nil, err
		}
		if e.ContentType == demo.ContentFederalRegister {
			d, err := fedreg.Parse(data)
			if err != nil {
				return nil, err
			}
			pub.raws = append(pub.raws, d.ToRaw(e.Source, time.Now().UTC()))
			continue
		}
		in := &ingest.Ingester{Pub: pub, Source: e.Source, Kind: newsintel.Kind(e.Kind), Publisher: e.Publisher}
		if _, err := in.Bytes(ctx, data, e.URL, e.ContentType); err != nil {
			return nil, err
		}
	}
	x := extract.New(entities.Builtin())
	var docs []newsintel.Document
	for _, raw := range pub.raws {
		d, err := x.Extract(ctx, raw)
		if err != nil {
			continue // a corpus file that yields no document is the extractor's concern
		}
		docs = append(docs, *d)
	}
	return docs, nil
}

// testIndex opens a real index in a temporary directory holding the demo
// documents and extra.
func testIndex(t testing.TB, extra ...newsintel.Document) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	require.NoError(t, ix.Put(t.Context(), append(demoDocs(t), extra...)))
	return ix
}

// startUI serves the API with the UI mounted, as newsintel serve does; o's
// Index defaults to a demo index and reading is open when o has no keys.
func startUI(t testing.TB, o Options) *httptest.Server {
	t.Helper()
	if o.Index == nil {
		o.Index = testIndex(t)
	}
	if len(o.Access.Keys) == 0 {
		o.Access.OpenRead = true
	}
	if o.Gazetteer == nil {
		o.Gazetteer = entities.Builtin()
	}
	ix, _ := o.Index.(api.Searcher)
	srv := httptest.NewServer(api.New(api.Options{Index: ix, Gazetteer: o.Gazetteer, Sources: o.Sources, Access: o.Access,
		Topics: o.Topics, Digests: o.Digests, UI: New(o)}))
	t.Cleanup(srv.Close)
	return srv
}

// fetch makes a request without following redirects and returns the
// response and its body.
func fetch(t testing.TB, method, u string, hdr map[string]string, body io.Reader) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, body)
	require.NoError(t, err)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(data)
}

func getPage(t testing.TB, u string) (*http.Response, string) {
	t.Helper()
	return fetch(t, http.MethodGet, u, nil, nil)
}
