package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/spf13/cobra"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// digestOptions are the flags of the commands that print a digest.
type digestOptions struct {
	since, until string
	asJSON       bool
}

func (o *digestOptions) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.since, "since", "", "start of the period (documents fetched from then on): 2026-11-30 or RFC 3339 (default: the last complete period of the topic's schedule)")
	cmd.Flags().StringVar(&o.until, "until", "", "end of the period (a bare date covers the whole day)")
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
		Long: `Build the digest of a topic for its last complete period (or --since/--until) on a
running newsintel and print it: the top stories with the other outlets that carried each,
new claims with their sources, filings, notices and entities mentioned far more than
usual. Delivery to subscribers is the digest stage's job ('newsintel serve'), on the
topic's schedule; --dry-run says that nothing is sent.`,
		Example: `  newsintel digest run 1f3a9c0d2b4e6f70 --dry-run
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

// printDigest fetches a topic's digest from the API and prints it.
func printDigest(c *apiClient, topicID string, o digestOptions) error {
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
	return digest.WriteText(c.cmd.OutOrStdout(), &dg)
}

// topicParts opens the topic store on bus and a digest builder over ix:
// what the API's topic routes and feeds, and the digest stage, need.
func topicParts(ctx context.Context, bus *pipelines.Bus, ix *index.Index) (*digest.Store, *digest.Builder, error) {
	store, err := digest.NewStore(ctx, bus)
	if err != nil {
		return nil, nil, fmt.Errorf("topics: %w", err)
	}
	return store, &digest.Builder{Index: ix}, nil
}
