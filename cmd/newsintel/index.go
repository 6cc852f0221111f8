package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
)

// openIndex opens the index. An index made with another mapping version, or
// one whose files cannot be opened, is moved aside and a new one built: the
// replica's consumer is reset so that it replays DOCS from the start.
func openIndex(ctx context.Context, cfg config.Config, bus *pipelines.Bus, log *slog.Logger) (*index.Index, error) {
	opts := index.Options{BatchSize: cfg.Index.BatchSize, QueryTimeout: cfg.Index.QueryTimeout.D(), MaxConcurrentSearches: cfg.Index.MaxConcurrentSearches}
	dir := cfg.IndexDir()
	ix, err := index.Open(dir, opts, log.With("component", "index"))
	if err == nil {
		return ix, nil
	}
	if !errors.Is(err, index.ErrMappingChanged) && !errors.Is(err, index.ErrCorrupt) {
		return nil, err
	}
	aside := fmt.Sprintf("%s.broken-%s", dir, time.Now().UTC().Format("20060102T150405"))
	log.Warn("index cannot be used as it is; moving it aside and rebuilding from DOCS", "dir", dir, "moved_to", aside, "reason", err)
	if err := os.Rename(dir, aside); err != nil {
		return nil, fmt.Errorf("index: move aside %s: %w", dir, err)
	}
	if err := bus.ResetConsumer(ctx, pipelines.StreamDocs, cfg.Index.Replica); err != nil {
		return nil, fmt.Errorf("index: reset consumer for rebuild: %w", err)
	}
	return index.Open(dir, opts, log.With("component", "index"))
}
