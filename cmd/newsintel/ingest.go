package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/spf13/cobra"
)

func ingestCmd(g *globals) *cobra.Command {
	var natsURL, source, kind string
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH|URL...",
		Short: "Publish feeds, pages, files or directories to a running newsintel",
		Long: `Publish documents to the RAW stream of a running newsintel (default nats://127.0.0.1:4222,
the embedded server of 'newsintel serve'). Each argument is a feed file, an HTML or text
file, a directory of them, or the URL of a feed or page. A feed's items are fetched for
their full text. Every fetch goes through the guarded client: private and loopback
addresses are refused unless fetch.allow_private_networks is true.

Exits non-zero when nothing could be published.`,
		Example: `  newsintel ingest ./articles/
  newsintel ingest https://www.federalregister.gov/api/v1/documents.rss
  newsintel ingest --source wire feed.xml page.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			if natsURL == "" {
				natsURL = cfg.NATS.URL
			}
			if natsURL == "" {
				natsURL = "nats://" + cfg.NATS.Listen
			}
			if !newsintel.Kind(kind).Valid() {
				return fmt.Errorf("--kind %q: use article, filing or notice", kind)
			}
			return runIngest(cmd.Context(), cfg, natsURL, ingestTarget{source: source, kind: newsintel.Kind(kind)}, args, cmd.OutOrStdout(), logger(cfg, os.Stderr))
		},
	}
	cmd.Flags().StringVar(&natsURL, "nats", "", "NATS URL of the running newsintel (default nats.url, else nats://<nats.listen>)")
	cmd.Flags().StringVar(&source, "source", "manual", "source name recorded on the documents")
	cmd.Flags().StringVar(&kind, "kind", "article", "kind of the documents: article, filing or notice")
	return cmd
}

type ingestTarget struct {
	source string
	kind   newsintel.Kind
}

// runIngest publishes every argument and reports counts; failures of one
// argument or item are reported and do not stop the others.
func runIngest(ctx context.Context, cfg config.Config, natsURL string, t ingestTarget, args []string, out io.Writer, log *slog.Logger) error {
	bus, err := pipelines.Connect(ctx, natsURL, "newsintel-ingest", log)
	if err != nil {
		return fmt.Errorf("connect to %s (is 'newsintel serve' running?): %w", natsURL, err)
	}
	defer bus.Close()
	in := &ingest.Ingester{Client: newFetcher(cfg), Pub: bus, Log: log, Source: t.source, Kind: t.kind}
	total := &ingest.Stats{}
	for _, arg := range args {
		var st *ingest.Stats
		if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
			st, err = in.URL(ctx, arg)
		} else {
			st, err = in.Path(ctx, arg)
		}
		total.Merge(st)
		if err != nil {
			total.Failed++
			fmt.Fprintf(out, "%s: %v\n", arg, err)
		}
	}
	for _, e := range total.Errors {
		fmt.Fprintf(out, "failed: %v\n", e)
	}
	fmt.Fprintf(out, "published %d, failed %d\n", total.Published, total.Failed)
	if total.Published == 0 {
		return exitError{code: 1}
	}
	return nil
}

// newFetcher builds the guarded HTTP client from the fetch configuration.
func newFetcher(cfg config.Config) *fetch.Client {
	f := cfg.Fetch
	return fetch.New(fetch.Options{
		UserAgent: f.UserAgent, AllowPrivate: f.AllowPrivateNetworks, Timeout: f.Timeout.D(),
		MaxBodySize: int64(f.MaxBodySize), MaxRedirects: f.MaxRedirects, PerHostRate: f.PerHostRate,
		PerHostConcurrency: f.PerHostConcurrency, Concurrency: f.Concurrency, Retries: 2,
	})
}

func kindOf(s string) newsintel.Kind {
	if k := newsintel.Kind(s); k.Valid() {
		return k
	}
	return newsintel.KindArticle
}
