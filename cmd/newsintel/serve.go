package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/extract/cluster"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
)

// serveOptions are the flags of `newsintel serve` that are not
// configuration keys.
type serveOptions struct {
	demo   bool
	stages []string
	// started, when set, receives the addresses once everything is up
	// (tests listen on port 0).
	started func(serveInfo)
}

// serveInfo tells where a running server listens.
type serveInfo struct {
	HTTPAddr string
	NATSURL  string
}

var allStages = []string{"ingest", "extract", "index", "api", "digest"}

func serveCmd(g *globals) *cobra.Command {
	var o serveOptions
	var dataDir, listen, natsListen, natsURL, stages string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the pipeline: embedded NATS JetStream, extract and index stages, HTTP API",
		Long: `Run the pipeline in one process. With no flags it embeds a NATS server with JetStream
(store ./data/nats, listening on 127.0.0.1:4222 so other newsintel processes can
publish to it), runs the extract and index stages, keeps a Bleve index in ./data/index
and serves the API on http://127.0.0.1:8080.

Set nats.url (or --nats) to use an external NATS cluster instead: nothing is embedded,
and --stages picks which stages this process runs, so extract workers and index+api
replicas can scale out separately.`,
		Example: `  newsintel serve --demo
  newsintel serve --data /srv/newsintel --listen 0.0.0.0:8080
  newsintel serve --nats nats://nats-1:4222 --stages extract`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadServer(func(c *config.Config) {
				setIf(&c.DataDir, dataDir)
				setIf(&c.HTTP.Listen, listen)
				setIf(&c.NATS.Listen, natsListen)
				setIf(&c.NATS.URL, natsURL)
			})
			if err != nil {
				return err
			}
			if o.stages, err = parseStages(stages); err != nil {
				return err
			}
			return runServe(cmd.Context(), cfg, o, logger(cfg, os.Stderr))
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.demo, "demo", false, "ingest the bundled offline demo corpus at start")
	f.StringVar(&dataDir, "data", "", "data directory (overrides data_dir; default ./data)")
	f.StringVar(&listen, "listen", "", "HTTP listen address (overrides http.listen; default 127.0.0.1:8080)")
	f.StringVar(&natsListen, "nats-listen", "", "embedded NATS listen address (overrides nats.listen; port 0 picks a free one)")
	f.StringVar(&natsURL, "nats", "", "external NATS URL (overrides nats.url); nothing is embedded")
	f.StringVar(&stages, "stages", strings.Join(allStages, ","), "stages this process runs: ingest (feed polling; run it in one process), extract, index, api (api needs index), digest (topic digests and alerts; needs index)")
	return cmd
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func parseStages(s string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !slices.Contains(allStages, p) {
			return nil, fmt.Errorf("--stages: unknown stage %q (use %s)", p, strings.Join(allStages, ", "))
		}
		out = append(out, p)
	}
	if slices.Contains(out, "api") && !slices.Contains(out, "index") {
		return nil, errors.New("--stages: api serves this process's index, so it needs the index stage too")
	}
	if slices.Contains(out, "digest") && !slices.Contains(out, "index") {
		return nil, errors.New("--stages: digest builds digests from this process's index, so it needs the index stage too")
	}
	if len(out) == 0 {
		return nil, errors.New("--stages: name at least one stage")
	}
	return out, nil
}

// runServe runs the pipeline until ctx is cancelled, then drains the
// stages, flushes the index and stops the embedded server, in that order.
func runServe(ctx context.Context, cfg config.Config, o serveOptions, log *slog.Logger) error {
	if o.stages == nil {
		o.stages = allStages
	}
	natsURL := cfg.NATS.URL
	if cfg.Embedded() {
		srv, err := pipelines.StartServer(ctx, pipelines.ServerOptions{
			StoreDir: cfg.NATSStoreDir(), Listen: cfg.NATS.Listen, MaxMemory: int64(cfg.NATS.MaxMemory),
			MaxStore: int64(cfg.NATS.MaxStore), SyncInterval: cfg.NATS.SyncInterval,
		}, log)
		if err != nil {
			return err
		}
		defer srv.Shutdown()
		natsURL = srv.ClientURL()
	}
	bus, err := pipelines.Connect(ctx, natsURL, "newsintel-serve", log)
	if err != nil {
		return err
	}
	defer bus.Close()
	if err := bus.EnsureTopology(ctx, streamOptions(cfg)); err != nil {
		return err
	}

	g, gctx := errgroup.WithContext(ctx)
	info := serveInfo{NATSURL: natsURL}
	counters := map[string]*pipelines.Counters{pipelines.DefaultTransformName: new(pipelines.Counters), cfg.Index.Replica: new(pipelines.Counters)}
	metrics := api.NewMetrics() // the API's /metrics; the feed poller registers its counters too
	var gaz *entities.Gazetteer
	if slices.Contains(o.stages, "extract") {
		gaz = loadGazetteer(cfg, log)
		clusters, err := bus.ClusterStore(ctx) // near-duplicate clusters shared by every extract worker
		if err != nil {
			return err
		}
		x := extract.New(gaz, extract.WithClusters(cluster.New(clusters)))
		g.Go(func() error {
			return bus.RunTransform(gctx, pipelines.StageOptions{
				Name: "extract", Concurrency: cfg.Extract.Concurrency, AckWait: cfg.Extract.AckWait.D(), MaxDeliver: cfg.Extract.MaxDeliver,
				Counters: counters[pipelines.DefaultTransformName],
			}, x.Extract)
		})
	}
	if slices.Contains(o.stages, "index") {
		ix, err := openIndex(ctx, cfg, bus, log)
		if err != nil {
			return err
		}
		defer ix.Close() // after the stages have stopped: the deferred calls run after g.Wait
		g.Go(func() error {
			return bus.RunSink(gctx, pipelines.StageOptions{
				Name: cfg.Index.Replica, BatchSize: cfg.Index.BatchSize, BatchWait: cfg.Index.BatchWait.D(),
				AckWait: cfg.Index.AckWait.D(), MaxDeliver: cfg.Index.MaxDeliver, Counters: counters[cfg.Index.Replica],
			}, ix.Put)
		})
		ds, err := newDigestStage(ctx, cfg, bus, ix, log.With("component", "digest"))
		if err != nil {
			return err
		}
		if slices.Contains(o.stages, "digest") {
			g.Go(func() error { return ds.run(gctx, bus) })
		}
		if slices.Contains(o.stages, "api") {
			opts := apiOptions(cfg, ix, bus, gaz, counters, log.With("component", "api"))
			ds.wire(&opts)
			opts.UI = webUI(opts, log)
			opts.Metrics = metrics
			addr, err := serveHTTP(gctx, g, cfg, api.New(opts))
			if err != nil {
				return err
			}
			info.HTTPAddr = addr
		}
	}
	if slices.Contains(o.stages, "ingest") {
		g.Go(func() error { return runPoller(gctx, cfg, bus, metrics, log.With("component", "poll")) })
		g.Go(func() error { return runFollow(gctx, cfg, bus, log.With("component", "follow")) }) // edgar and fedreg sources
		g.Go(func() error { return runCrawls(gctx, cfg, bus, log.With("component", "crawl")) })  // crawl sources
	}
	if o.demo {
		g.Go(func() error { return ingestDemo(gctx, bus, log.With("component", "demo")) })
	}
	log.Info("newsintel serving", "http", info.HTTPAddr, "nats", natsURL, "stages", strings.Join(o.stages, ","), "data", cfg.DataDir)
	if o.started != nil {
		o.started(info)
	}
	err = g.Wait()
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		err = nil
	}
	log.Info("newsintel stopped")
	return err
}

// maxHeaderBytes bounds the request line and headers: a longer URL is
// refused by net/http before it is read whole; shorter ones over
// api.MaxURLBytes get the API's own JSON 400.
const maxHeaderBytes = 256 << 10

// serveHTTP listens on cfg.HTTP.Listen and serves h in g until ctx ends,
// then shuts down gracefully. It returns the address listened on.
func serveHTTP(ctx context.Context, g *errgroup.Group, cfg config.Config, h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", cfg.HTTP.Listen)
	if err != nil {
		return "", fmt.Errorf("http.listen %s: %w", cfg.HTTP.Listen, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: maxHeaderBytes}
	g.Go(func() error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("http: %w", err)
		}
		return nil
	})
	g.Go(func() error {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shutdownCtx)
	})
	return ln.Addr().String(), nil
}

func streamOptions(cfg config.Config) pipelines.StreamOptions {
	return pipelines.StreamOptions{
		RawMaxAge: cfg.Streams.RawMaxAge.D(), RawMaxBytes: int64(cfg.Streams.RawMaxBytes),
		DocsMaxAge: cfg.Streams.DocsMaxAge.D(), DocsMaxBytes: int64(cfg.Streams.DocsMaxBytes),
		Replicas: cfg.NATS.Replicas, DuplicateWindow: cfg.Streams.DuplicateWindow.D(),
		ItemsMaxAge: cfg.Streams.ItemsMaxAge.D(), CrawlMaxAge: cfg.Streams.CrawlMaxAge.D(), ClustersMaxAge: cfg.Streams.ClustersMaxAge.D(),
	}
}

// loadGazetteer loads the built-in gazetteer plus the authoritative lists
// downloaded into the data directory, falling back to the built-in one.
func loadGazetteer(cfg config.Config, log *slog.Logger) *entities.Gazetteer {
	g, err := entities.Load(gazetteerDir(cfg))
	if err != nil {
		log.Warn("gazetteer lists in the data directory not loaded; using the built-in list", "error", err)
		return entities.Builtin()
	}
	return g
}

func gazetteerDir(cfg config.Config) string { return cfg.DataDir + "/gazetteer" }

// readiness reports whether the bus is connected and the index stage has
// caught up enough to answer.
func readiness(bus *pipelines.Bus, cfg config.Config) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := bus.Pending(ctx, pipelines.StreamDocs, cfg.Index.Replica)
		return err
	}
}
