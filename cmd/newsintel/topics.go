package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// apiClient talks to the API of a running newsintel for the topics and
// digest commands.
type apiClient struct {
	server, key string
	cmd         *cobra.Command
}

func (c *apiClient) flags(cmd *cobra.Command) {
	cmd.PersistentFlags().StringVar(&c.server, "server", "http://127.0.0.1:8080", "URL of the newsintel API")
	cmd.PersistentFlags().StringVar(&c.key, "api-key", os.Getenv("NEWSINTEL_API_KEY"), "API key, when reading needs one (default $NEWSINTEL_API_KEY)")
}

// do sends a request with a JSON body (when in is not nil) and decodes a
// JSON answer into out (when not nil). An error answer becomes an error
// carrying the API's message.
func (c *apiClient) do(method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(c.cmd.Context(), method, strings.TrimRight(c.server, "/")+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w (is 'newsintel serve' running?)", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		if json.Unmarshal(data, &e) == nil && e.Error.Message != "" {
			return fmt.Errorf("%s (HTTP %d)", e.Error.Message, resp.StatusCode)
		}
		return fmt.Errorf("%s %s: HTTP %d: %.200s", method, path, resp.StatusCode, data)
	}
	if out == nil || len(data) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s %s: unexpected answer: %.200s", method, path, data)
	}
	return nil
}

// topicsEnv is what the topics subcommands share: the NATS server whose
// buckets hold the topics (adding, listing, removing and subscribing
// work on them directly, like 'newsintel sources', so no API key is
// needed) and the API that builds previews (it holds the index).
type topicsEnv struct {
	g       *globals
	natsURL string
	api     apiClient
}

// withStore connects to the NATS server of a running newsintel and runs
// fn with its topic store.
func (e *topicsEnv) withStore(cmd *cobra.Command, fn func(ctx context.Context, s *digest.Store) error) error {
	cfg, err := e.g.load(nil)
	if err != nil {
		return err
	}
	target := natsTarget(cfg, e.natsURL)
	bus, err := pipelines.Connect(cmd.Context(), target, "newsintel-topics", slog.New(slog.DiscardHandler))
	if err != nil {
		return fmt.Errorf("connect to %s (is 'newsintel serve' running?): %w", target, err)
	}
	defer bus.Close()
	store, err := digest.NewStore(cmd.Context(), bus)
	if err != nil {
		return fmt.Errorf("%w (has 'newsintel serve' created its buckets?)", err)
	}
	return fn(cmd.Context(), store)
}

func topicsCmd(g *globals) *cobra.Command {
	e := &topicsEnv{g: g}
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "Add, list, remove, subscribe to and preview the saved topics of a running newsintel",
		Long: `Saved topics are searches a subscriber follows: a query with the filters of
'newsintel search', a schedule (hourly; daily at a time in a time zone; weekly on a day)
and digest options. The digest stage of 'newsintel serve' delivers each topic's digest
to its subscriptions (e-mail, webhook) when a period ends, and the API serves every topic
as an Atom and a JSON feed (/api/v1/topics/ID/feed.atom, feed.json).

add, list, rm and subscribe work on the topics bucket of the running newsintel's NATS
server (--nats, default nats.url, else nats://<nats.listen>); preview asks its API
(--server) to build the digest.`,
		Example: `  newsintel topics add --name "Alibaba cloud" --query cloud --filter company=Alibaba --every daily --at 07:30 --tz America/New_York --claims
  newsintel topics add --name "Commerce rules" --filter agency="U.S. Department of Commerce" --filter kind=notice --every weekly --weekday monday --alerts
  newsintel topics subscribe TOPIC --email analyst@example.com
  newsintel topics list
  newsintel topics preview TOPIC
  newsintel topics rm TOPIC`,
	}
	cmd.PersistentFlags().StringVar(&e.natsURL, "nats", "", "NATS URL of the running newsintel (default nats.url, else nats://<nats.listen>)")
	cmd.AddCommand(topicsAddCmd(e), topicsListCmd(e), topicsRmCmd(e), topicsPreviewCmd(&e.api), topicsSubscribeCmd(e))
	return cmd
}

func topicsAddCmd(e *topicsEnv) *cobra.Command {
	var t newsintel.Topic
	var filters []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add --name NAME [--filter KEY=VALUE]... [schedule and options] [--query] QUERY...",
		Short: "Save a topic (an invalid query or schedule is refused with the reason)",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				if t.Query.Q != "" {
					return fmt.Errorf("topics add: give the query with --query or as arguments, not both")
				}
				t.Query.Q = strings.Join(args, " ")
			}
			t.Options.IncludeClaims = t.Options.IncludeClaims || t.Options.AnonymousOnly
			var err error
			if t.Query.Filters, err = parseFilters(filters); err != nil {
				return err
			}
			var out newsintel.Topic
			err = e.withStore(cmd, func(ctx context.Context, s *digest.Store) error {
				out, err = s.CreateTopic(ctx, t)
				return err
			})
			if err != nil {
				return fmt.Errorf("topics add: %w", cliError(err))
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), out)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added topic %s %q (%s)\n", out.ID, out.Name, scheduleText(out.Schedule))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&t.Name, "name", "", "name of the topic (required)")
	f.StringVar(&t.Query.Q, "query", "", "query string, as for 'newsintel search'")
	f.StringArrayVar(&filters, "filter", nil, "filter KEY=VALUE, repeatable: "+strings.Join(digest.FilterNames(), ", "))
	f.StringVar(&t.Schedule.Every, "every", "daily", "hourly, daily or weekly")
	f.StringVar(&t.Schedule.At, "at", "", "time of day HH:MM for daily and weekly digests (default 00:00; hourly: its minutes)")
	f.StringVar(&t.Schedule.TimeZone, "tz", "", "IANA time zone of --at, such as Europe/London (default UTC)")
	f.StringVar(&t.Schedule.Weekday, "weekday", "", "day of weekly digests: monday … sunday")
	f.BoolVar(&t.Schedule.Alerts, "alerts", false, "also deliver each matching document as soon as it is indexed")
	f.IntVar(&t.Options.MaxItems, "max-items", 0, "entries per section, 1 to 100 (default 25)")
	f.Float64Var(&t.Options.MinScore, "min-score", 0, "leave out documents scoring below this, in digests and alerts")
	f.BoolVar(&t.Options.IncludeClaims, "claims", false, "list the new sourcing claims")
	f.BoolVar(&t.Options.AnonymousOnly, "anonymous-only", false, "list only claims resting on anonymous sources (implies --claims)")
	f.BoolVar(&t.Options.IncludeFilings, "filings", false, "a section of company filings")
	f.BoolVar(&t.Options.IncludeNotices, "notices", false, "a section of government notices")
	f.BoolVar(&asJSON, "json", false, "print the stored topic as JSON")
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

// parseFilters turns KEY=VALUE flags into topic filters; values of one
// key are alternatives.
func parseFilters(in []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, kv := range in {
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.ReplaceAll(strings.TrimSpace(k), "-", "_"), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("--filter %q: use KEY=VALUE, such as company=\"Alibaba Group\" or kind=notice", kv)
		}
		out[k] = append(out[k], v)
	}
	return out, nil
}

func topicsListCmd(e *topicsEnv) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the saved topics",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var topics []newsintel.Topic
			err := e.withStore(cmd, func(ctx context.Context, s *digest.Store) (err error) {
				topics, err = s.Topics(ctx)
				return err
			})
			if err != nil {
				return fmt.Errorf("topics list: %w", cliError(err))
			}
			if asJSON {
				if topics == nil {
					topics = []newsintel.Topic{}
				}
				return printJSON(cmd.OutOrStdout(), topics)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tSCHEDULE\tNEXT DIGEST\tQUERY")
			for _, t := range topics {
				next := "-"
				if n, err := digest.NextDue(t.Schedule, time.Now()); err == nil {
					next = n.UTC().Format("2006-01-02 15:04 UTC")
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, scheduleText(t.Schedule), next, queryText(t.Query))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func topicsRmCmd(e *topicsEnv) *cobra.Command {
	return &cobra.Command{
		Use:     "rm TOPIC",
		Aliases: []string{"remove"},
		Short:   "Remove a topic (by ID or name) and its subscriptions",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var t newsintel.Topic
			err := e.withStore(cmd, func(ctx context.Context, s *digest.Store) (err error) {
				if t, err = s.FindTopic(ctx, args[0]); err != nil {
					return err
				}
				return s.DeleteTopic(ctx, t.ID)
			})
			if err != nil {
				return fmt.Errorf("topics rm: %w", cliError(err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "removed topic %s %q and its subscriptions\n", t.ID, t.Name)
			return nil
		},
	}
}

func topicsSubscribeCmd(e *topicsEnv) *cobra.Command {
	var in newsintel.Subscription
	cmd := &cobra.Command{
		Use:   "subscribe TOPIC (--email ADDRESS | --webhook URL --secret SECRET | --feed)",
		Short: "Subscribe an e-mail address, a webhook or a feed reader to a topic (by ID or name)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if feed, _ := cmd.Flags().GetBool("feed"); feed {
				in.Channel = newsintel.ChannelFeed
			}
			var out newsintel.Subscription
			err := e.withStore(cmd, func(ctx context.Context, s *digest.Store) error {
				t, err := s.FindTopic(ctx, args[0])
				if err == nil {
					out, err = s.AddSubscription(ctx, t.ID, in)
				}
				return err
			})
			if err != nil {
				return fmt.Errorf("topics subscribe: %w", cliError(err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "subscription %s (%s) added to topic %s\n", out.ID, out.Channel, out.TopicID)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&in.Email, "email", "", "e-mail address to send digests to")
	f.StringVar(&in.URL, "webhook", "", "URL to POST digests to")
	f.StringVar(&in.Secret, "secret", "", "shared secret the webhook's HMAC-SHA256 signature is made with (16 characters or more)")
	f.Bool("feed", false, "read the topic through its Atom or JSON feed only")
	return cmd
}

func topicsPreviewCmd(c *apiClient) *cobra.Command {
	var o digestOptions
	cmd := &cobra.Command{
		Use:   "preview TOPIC",
		Short: "Print the digest of a topic (by ID or name) for its last complete period, or --since/--until",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c.cmd = cmd
			return printDigest(c, args[0], o)
		},
	}
	o.flags(cmd)
	c.flags(cmd)
	return cmd
}

func scheduleText(s newsintel.Schedule) string {
	out := s.Every
	switch s.Every {
	case newsintel.EveryDay:
		out += " at " + orText(s.At, "00:00")
	case newsintel.EveryWeek:
		out += " on " + s.Weekday + " at " + orText(s.At, "00:00")
	}
	if s.TimeZone != "" {
		out += " " + s.TimeZone
	}
	if s.Alerts {
		out += ", alerts"
	}
	return out
}

func queryText(q newsintel.TopicQuery) string {
	parts := []string{}
	if q.Q != "" {
		parts = append(parts, q.Q)
	}
	for _, k := range slices.Sorted(maps.Keys(q.Filters)) {
		parts = append(parts, k+"="+strings.Join(q.Filters[k], "|"))
	}
	return strings.Join(parts, " ")
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
