package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/deliver"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// digestOptions are the flags of the commands that print a digest.
type digestOptions struct {
	since, until string
	asJSON       bool
}

func (o *digestOptions) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.since, "since", "", "start of the period (documents fetched from then on): 2026-11-30 or RFC 3339 (default: the last complete period of the topic's schedule)")
	cmd.Flags().StringVar(&o.until, "until", "", "end of the period (a bare date covers the whole day; default now when --since is given)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the digest as JSON")
}

func digestCmd() *cobra.Command {
	c := &apiClient{}
	cmd := &cobra.Command{
		Use:   "digest",
		Short: "Build the digests of saved topics",
	}
	c.flags(cmd)
	var o digestOptions
	var dryRun bool
	run := &cobra.Command{
		Use:   "run TOPIC --dry-run",
		Short: "Build a topic's digest and print it as readable text (or JSON), sending nothing",
		Long: `Build the digest of a topic (TOPIC is its ID or its name) for its last complete period
(or --since/--until) on a running newsintel and print it: the top stories with the other outlets that carried each,
new claims with their sources, filings, notices and entities mentioned far more than
usual. Delivery to subscribers is the digest stage's job ('newsintel serve'), on the
topic's schedule; --dry-run says that nothing is sent.`,
		Example: `  newsintel digest run "Alibaba cloud" --dry-run
  newsintel digest run 1f3a9c0d2b4e6f70 --dry-run --since 2026-11-01 --until 2026-11-30 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c.cmd = cmd
			if !dryRun {
				return fmt.Errorf("digest run: only --dry-run is supported: the digest stage of 'newsintel serve' delivers each period once, on the topic's schedule")
			}
			return printDigest(c, args[0], o)
		},
	}
	run.Flags().BoolVar(&dryRun, "dry-run", false, "print the digest instead of delivering it")
	o.flags(run)
	cmd.AddCommand(run)
	return cmd
}

// resolveTopic returns the topic ref names: its ID, or its name as
// 'topics list' shows it.
func resolveTopic(c *apiClient, ref string) (newsintel.Topic, error) {
	if newsintel.ValidID(ref) {
		var t newsintel.Topic
		err := c.do(http.MethodGet, "/api/v1/topics/"+url.PathEscape(ref), nil, &t)
		if err == nil || !strings.Contains(err.Error(), "HTTP 404") {
			return t, err
		}
	}
	var list struct {
		Topics []newsintel.Topic `json:"topics"`
	}
	if err := c.do(http.MethodGet, "/api/v1/topics", nil, &list); err != nil {
		return newsintel.Topic{}, err
	}
	t, err := digest.PickTopic(list.Topics, ref)
	if err != nil {
		return t, cliError(err)
	}
	return t, nil
}

// printDigest fetches a topic's digest from the API and prints it as its
// e-mail's text part reads, in the topic's time zone; ref is the topic's
// ID or name.
func printDigest(c *apiClient, ref string, o digestOptions) error {
	topic, err := resolveTopic(c, ref)
	if err != nil {
		return fmt.Errorf("digest of %s: %w", ref, err)
	}
	topicID := topic.ID
	q := url.Values{}
	if o.since != "" {
		q.Set("since", o.since)
	}
	if o.until != "" {
		q.Set("until", o.until)
	}
	path := "/api/v1/topics/" + url.PathEscape(topicID) + "/digest"
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	var dg newsintel.Digest
	if err := c.do(http.MethodGet, path, nil, &dg); err != nil {
		return fmt.Errorf("digest of %s: %w", topicID, err)
	}
	if o.asJSON {
		return printJSON(c.cmd.OutOrStdout(), dg)
	}
	return deliver.WriteText(c.cmd.OutOrStdout(), topic, &dg)
}

// digestStage is the digest stage of one process: the topic store, the
// digest builder over this process's index and the deliverer, which the
// API also serves (topics, feeds, deliveries, unsubscribe links).
type digestStage struct {
	store     *digest.Store
	builder   *digest.Builder
	deliverer *deliver.Deliverer
	log       *slog.Logger
}

// newDigestStage opens the topic store and the delivery ledger on bus,
// with delivery settings from cfg.digest.
func newDigestStage(ctx context.Context, cfg config.Config, bus *pipelines.Bus, ix *index.Index, log *slog.Logger) (*digestStage, error) {
	store, err := digest.NewStore(ctx, bus)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	o := deliver.OptionsFromConfig(cfg.Digest, cfg.Fetch.UserAgent)
	o.Subscriptions, o.Log = store, log
	d, err := deliver.New(ctx, bus, o)
	if err != nil {
		return nil, fmt.Errorf("digest delivery: %w", err)
	}
	return &digestStage{store: store, builder: &digest.Builder{Index: ix}, deliverer: d, log: log}, nil
}

// wire gives the API the stage's topics, digests, deliveries and
// unsubscribe links.
func (s *digestStage) wire(o *api.Options) {
	o.Topics, o.Digests, o.Deliveries, o.Unsubscribe = s.store, s.builder, s.deliverer, s.store
}

// run delivers until ctx is done: each topic's digest when a period of
// its schedule ends, each new document to the topics that ask for
// alerts (a durable consumer of DOCS), and the retries of failed
// deliveries.
func (s *digestStage) run(ctx context.Context, bus *pipelines.Bus) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.deliverer.Run(gctx) })
	g.Go(func() error {
		sch := &digest.Scheduler{Store: s.store, Builder: s.builder, Sender: s.deliverer, Log: s.log}
		return sch.Run(gctx)
	})
	g.Go(func() error {
		a := &digest.Alerter{Store: s.store, Sender: s.deliverer, Matcher: &digest.Matcher{}, Index: s.builder.Index, Log: s.log.With("component", "alerts")}
		return a.Run(gctx, bus, pipelines.StageOptions{})
	})
	return g.Wait()
}
