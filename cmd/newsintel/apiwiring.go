package main

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"path/filepath"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/api/web"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
)

// apiOptions wires the API to this process's index, gazetteer, stage
// counters and bus, with access rules from cfg.api. A nil gaz loads the
// gazetteer. Its Metrics registry is fresh: components started after it
// add their families with opts.Metrics.Register.
func apiOptions(cfg config.Config, ix *index.Index, bus *pipelines.Bus, gaz *entities.Gazetteer,
	stages map[string]*pipelines.Counters, log *slog.Logger) api.Options {
	if gaz == nil {
		gaz = loadGazetteer(cfg, log)
	}
	return api.Options{
		Index: ix, Gazetteer: gaz, Log: log, Ready: readiness(bus, cfg),
		Sources:  busSources{bus: bus, cfg: cfg},
		Access:   apiAccess(cfg.API),
		Metrics:  api.NewMetrics(),
		Stages:   stages,
		Lag:      stageLag(bus, cfg),
		DocCount: ix.Count,
		DiskSize: func() (int64, error) { return dirSize(cfg.IndexDir()) },
	}
}

// webUI is the web UI over the API's own index, gazetteer, sources, keys,
// topics and digests: serve builds it once the digest stage has given o
// its topics.
func webUI(o api.Options, log *slog.Logger) *web.Handler {
	ix, _ := o.Index.(web.Index) // the real index has the entity, claim and similar views the UI reads
	return web.New(web.Options{Index: ix, Gazetteer: o.Gazetteer, Sources: o.Sources, Access: o.Access,
		Topics: o.Topics, Digests: o.Digests, Log: log.With("component", "web")})
}

// busSources is the source registry kept in the sources bucket, opened per
// call so the API works before and after the ingest stage creates state.
type busSources struct {
	bus *pipelines.Bus
	cfg config.Config
}

func (b busSources) registry(ctx context.Context) (*pipelines.Registry, error) {
	return b.bus.Registry(ctx, b.cfg.Sources, b.cfg.Poll.DefaultInterval.D())
}

// List implements api.SourceRegistry.
func (b busSources) List(ctx context.Context) ([]newsintel.SourceStatus, error) {
	r, err := b.registry(ctx)
	if err != nil {
		return nil, err
	}
	return r.List(ctx)
}

// Add implements api.SourceRegistry.
func (b busSources) Add(ctx context.Context, s config.Source) error {
	r, err := b.registry(ctx)
	if err != nil {
		return err
	}
	return r.Add(ctx, s)
}

// Remove implements api.SourceRegistry.
func (b busSources) Remove(ctx context.Context, name string) error {
	r, err := b.registry(ctx)
	if err != nil {
		return err
	}
	return r.Remove(ctx, name)
}

// apiAccess turns the api configuration into the API's access rules.
func apiAccess(c config.API) api.Access {
	a := api.Access{
		OpenRead: c.OpenRead, CORSOrigins: c.CORSOrigins,
		KeyRate: api.Rate{PerSecond: c.KeyRate, Burst: c.KeyBurst},
		IPRate:  api.Rate{PerSecond: c.IPRate, Burst: c.IPBurst},
	}
	for _, k := range c.Keys {
		a.Keys = append(a.Keys, api.Key{Name: k.Name, Hash: k.Hash, Scopes: k.Scopes})
	}
	return a
}

// stageLag reports the messages waiting for the extract and index
// consumers.
func stageLag(bus *pipelines.Bus, cfg config.Config) func(context.Context) (map[string]uint64, error) {
	return func(ctx context.Context) (map[string]uint64, error) {
		raw, err := bus.Pending(ctx, pipelines.StreamRaw, pipelines.DefaultTransformName)
		if err != nil {
			return nil, err
		}
		docs, err := bus.Pending(ctx, pipelines.StreamDocs, cfg.Index.Replica)
		if err != nil {
			return nil, err
		}
		return map[string]uint64{pipelines.DefaultTransformName: raw, cfg.Index.Replica: docs}, nil
	}
}

// dirSize sums the sizes of the regular files under dir. Files that
// vanish during the walk (segments merged away) are skipped.
func dirSize(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return nil
	})
	return total, err
}
