// Command newsintel is the one binary of the newsintel pipeline: it serves
// the whole pipeline in one process (embedded NATS JetStream, Bleve, HTTP
// API) or any one stage of a distributed deployment, and offers the CLI for
// ingesting, extracting and searching.
//
// This package only wires: each subcommand is a thin parser of flags that
// calls a plain function taking a context and the configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsintel/newsintel/config"
	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := rootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		var exit exitError
		if errors.As(err, &exit) {
			os.Exit(exit.code)
		}
		fmt.Fprintln(os.Stderr, "newsintel:", err)
		os.Exit(1)
	}
}

// exitError ends the process with a code and no further message (the
// command has already said what happened).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// globals are the flags every subcommand shares.
type globals struct {
	configFile string
	logLevel   string
	logFormat  string
}

func rootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "newsintel",
		Short: "News and regulatory-filing intelligence: ingest, extract entities and sourcing claims, search",
		Long: `newsintel pulls news articles, company filings (SEC EDGAR) and government notices
(Federal Register, agency releases) into a NATS JetStream stream, extracts companies,
agencies, people, places and every sourcing claim (who said what, and whether the source
is anonymous), and serves it all through a Bleve search index and an HTTP API.

Start everything in one process with the offline demo corpus:
  newsintel serve --demo
then, in another shell:
  newsintel search Alibaba`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.configFile, "config", "", "YAML configuration file (default $NEWSINTEL_CONFIG, else ./newsintel.yaml when present)")
	root.PersistentFlags().StringVar(&g.logLevel, "log-level", "", "log level: debug, info, warn, error (overrides log.level)")
	root.PersistentFlags().StringVar(&g.logFormat, "log-format", "", "log format: text or json (overrides log.format)")
	root.AddCommand(serveCmd(g))
	root.AddCommand(ingestCmd(g))
	root.AddCommand(crawlCmd(g))
	root.AddCommand(extractCmd(g))
	root.AddCommand(gazetteerCmd(g))
	root.AddCommand(searchCmd(g))
	root.AddCommand(claimsCmd(g))
	root.AddCommand(revisionsCmd())
	root.AddCommand(storiesCmd())
	root.AddCommand(configCmd(g))
	root.AddCommand(sourcesCmd(g))
	root.AddCommand(benchCmd(g))
	root.AddCommand(keysCmd())
	root.AddCommand(backfillCmd(g))
	root.AddCommand(topicsCmd(g))
	root.AddCommand(digestCmd())
	return root
}

// load reads the configuration: defaults, the YAML file, the environment,
// then flag overrides applied by set; it validates the result.
func (g *globals) load(set func(*config.Config)) (config.Config, error) {
	path := g.configFile
	if path == "" {
		path = os.Getenv(config.EnvConfigFile)
	}
	if path == "" {
		if _, err := os.Stat("newsintel.yaml"); err == nil {
			path = "newsintel.yaml"
		}
	}
	cfg := config.Default()
	if path != "" {
		var err error
		if cfg, err = config.LoadFile(path); err != nil {
			return cfg, err
		}
	}
	if err := cfg.ApplyEnv(os.Environ()); err != nil {
		return cfg, err
	}
	if g.logLevel != "" {
		cfg.Log.Level = g.logLevel
	}
	if g.logFormat != "" {
		cfg.Log.Format = g.logFormat
	}
	if set != nil {
		set(&cfg)
	}
	return cfg, cfg.Validate()
}

// loadServer is load for a server process (serve, bench run): it also
// applies the configuration's runtime settings to the process (see
// applyRuntime). Short commands keep Go's.
func (g *globals) loadServer(set func(*config.Config)) (config.Config, error) {
	cfg, err := g.load(set)
	if err == nil {
		applyRuntime(cfg.Runtime, os.DirFS("/"))
	}
	return cfg, err
}

// logger builds the process's logger from the configuration; components
// receive it and add their own attributes.
func logger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(cfg.Log.Level))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func configCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration (defaults, file, environment) with secrets redacted",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			fmt.Fprint(cmd.OutOrStdout(), cfg.String())
			return nil
		},
	}
}
