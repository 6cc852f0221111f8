// Package demotest gives tests the demo corpus as the pipeline makes it:
// its pages, filing and notices run through the real ingest and extract
// stages into documents, and a real Bleve index on disk holding them.
//
// The corpus is extracted once per test binary; every caller gets its own
// copy of the document slice and its own index in t.TempDir().
package demotest

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fedreg"
)

// Collector is an ingest.Publisher that keeps what it is given.
type Collector struct {
	Raws []newsintel.Raw
}

// PublishRaw appends raw to c.Raws.
func (c *Collector) PublishRaw(_ context.Context, raw newsintel.Raw) error {
	c.Raws = append(c.Raws, raw)
	return nil
}

var corpus struct {
	once sync.Once
	docs []newsintel.Document
	err  error
}

// Docs returns the demo corpus's pages, filing and notices run through
// ingest and extract (with the built-in gazetteer), extracted once per test
// binary. It fails t when the corpus cannot be read or yields nothing.
func Docs(t testing.TB) []newsintel.Document {
	t.Helper()
	corpus.once.Do(func() { corpus.docs, corpus.err = extractDemo() })
	if corpus.err != nil {
		t.Fatalf("demo corpus: %v", corpus.err)
	}
	if len(corpus.docs) == 0 {
		t.Fatal("demo corpus: no documents extracted")
	}
	return slices.Clone(corpus.docs)
}

// Index opens a real index in a temporary directory holding the demo
// documents and extra; it is closed when the test ends.
func Index(t testing.TB, extra ...newsintel.Document) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	if err := ix.Put(t.Context(), append(Docs(t), extra...)); err != nil {
		t.Fatalf("index the demo documents: %v", err)
	}
	return ix
}

func extractDemo() ([]newsintel.Document, error) {
	raws, err := demoRaws(context.Background())
	if err != nil {
		return nil, err
	}
	x := extract.New(entities.Builtin())
	var docs []newsintel.Document
	for _, raw := range raws {
		d, err := x.Extract(context.Background(), raw)
		if err != nil {
			continue // a corpus file that yields no document is the extractor's concern
		}
		docs = append(docs, *d)
	}
	return docs, nil
}

// demoRaws ingests every corpus file that is not a feed.
func demoRaws(ctx context.Context) ([]newsintel.Raw, error) {
	entries, err := demo.Manifest()
	if err != nil {
		return nil, err
	}
	pub := &Collector{}
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
			pub.Raws = append(pub.Raws, d.ToRaw(e.Source, time.Now().UTC()))
			continue
		}
		in := &ingest.Ingester{Pub: pub, Source: e.Source, Kind: newsintel.Kind(e.Kind), Publisher: e.Publisher}
		if _, err := in.Bytes(ctx, data, e.URL, e.ContentType); err != nil {
			return nil, err
		}
	}
	return pub.Raws, nil
}
