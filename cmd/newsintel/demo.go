package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsintel/newsintel/demo"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/newsintel/newsintel/pipelines"
)

// ingestDemo publishes the embedded demo corpus: feeds (their item links
// resolve to corpus pages, so nothing is fetched), pages, the filing and
// the notices. Publishing is idempotent: a second start adds nothing.
func ingestDemo(ctx context.Context, bus *pipelines.Bus, log *slog.Logger) error {
	entries, err := demo.Manifest()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	byURL := map[string]demo.Entry{}
	for _, e := range entries {
		byURL[e.URL] = e
	}
	resolve := func(u string) ([]byte, string, bool) {
		e, ok := byURL[u]
		if !ok {
			return nil, "", false
		}
		data, err := demo.Open(e)
		return data, e.ContentType, err == nil
	}
	published, failed := 0, 0
	for _, e := range entries {
		n, err := ingestDemoEntry(ctx, bus, e, resolve)
		published += n
		if err != nil {
			failed++
			log.Warn("demo document not ingested", "path", e.Path, "error", err)
		}
	}
	log.Info("demo corpus published", "documents", published, "failed", failed)
	return nil
}

func ingestDemoEntry(ctx context.Context, bus *pipelines.Bus, e demo.Entry, resolve ingest.Resolver) (int, error) {
	data, err := demo.Open(e)
	if err != nil {
		return 0, err
	}
	if e.ContentType == demo.ContentFederalRegister {
		d, err := fedreg.Parse(data)
		if err != nil {
			return 0, err
		}
		return 1, bus.PublishRaw(ctx, d.ToRaw(e.Source, time.Now().UTC()))
	}
	in := &ingest.Ingester{Pub: bus, Source: e.Source, Kind: kindOf(e.Kind), Publisher: e.Publisher, Resolve: resolve}
	st, err := in.Bytes(ctx, data, e.URL, e.ContentType)
	if err == nil && st.Failed > 0 {
		err = fmt.Errorf("%d items failed: %v", st.Failed, st.Errors)
	}
	return st.Published, err
}
