package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/edgar"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/spf13/cobra"
)

// backfillFlags are the flags both backfill commands share.
type backfillFlags struct {
	natsURL, source, since, until string
}

func (f *backfillFlags) register(cmd *cobra.Command, source string) {
	cmd.Flags().StringVar(&f.natsURL, "nats", "", "NATS URL of the running newsintel (default nats.url, else nats://<nats.listen>)")
	cmd.Flags().StringVar(&f.source, "source", source, "source name recorded on the documents")
	cmd.Flags().StringVar(&f.since, "since", "", "earliest date, YYYY-MM-DD")
	cmd.Flags().StringVar(&f.until, "until", "", "latest date, YYYY-MM-DD (default: today)")
}

func (f *backfillFlags) dates() (since, until time.Time, err error) {
	parse := func(name, v string) (time.Time, error) {
		if v == "" {
			return time.Time{}, nil
		}
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return t, fmt.Errorf("--%s %q: use YYYY-MM-DD", name, v)
		}
		return t, nil
	}
	if since, err = parse("since", f.since); err != nil {
		return
	}
	if until, err = parse("until", f.until); err != nil {
		return
	}
	if !until.IsZero() && until.Before(since) {
		err = fmt.Errorf("--until %s is before --since %s", f.until, f.since)
	}
	return
}

func backfillCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "backfill",
		Short: "Pull the history of EDGAR filings or Federal Register documents into a running newsintel",
		Long: `Pull history into the RAW stream of a running newsintel, with a progress bar (items done
of total, rate, time left) on stderr. Each item done is remembered in the key-value bucket
"state", so an interrupted backfill (Ctrl-C) picks up where it stopped when run again, and
no item is published twice.`,
	}
	cmd.AddCommand(backfillEDGARCmd(g), backfillFedRegCmd(g))
	return cmd
}

// edgarBackfill selects the filings of `newsintel backfill edgar`.
type edgarBackfill struct {
	ciks, tickers, forms []string
	since, until         time.Time
	rate                 float64
	dataURL, archives    string
	source               string
}

func backfillEDGARCmd(g *globals) *cobra.Command {
	var f backfillFlags
	var o edgarBackfill
	cmd := &cobra.Command{
		Use:   "edgar --cik CIK|--ticker TICKER [--forms 10-K,20-F] [--since DATE]",
		Short: "Backfill SEC EDGAR filings of companies by CIK or ticker and form type",
		Long: `Backfill the filings of companies from SEC EDGAR's submissions API: each filing's primary
document (or its full-submission .txt) becomes one filing document, split into its Items.
The SEC asks for a User-Agent naming you and a contact e-mail (fetch.user_agent) and at
most 10 requests per second (--rate lowers it).`,
		Example: `  newsintel backfill edgar --cik 1577552 --forms 20-F --since 2019-01-01
  newsintel backfill edgar --ticker AAPL --forms 10-K,10-Q`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			if len(o.ciks)+len(o.tickers) == 0 {
				return errors.New("name at least one company with --cik or --ticker")
			}
			if o.since, o.until, err = f.dates(); err != nil {
				return err
			}
			o.source = f.source
			return withBackfillBus(cmd.Context(), cfg, f.natsURL, func(ctx context.Context, pub ingest.Publisher, store progressStore, log *slog.Logger) error {
				st, err := runBackfillEDGAR(ctx, cfg, o, pub, store, os.Stderr, log)
				return reportBackfill(cmd.OutOrStdout(), st, err)
			})
		},
	}
	f.register(cmd, "edgar")
	cmd.Flags().StringSliceVar(&o.ciks, "cik", nil, "company CIK (repeat or comma-separate)")
	cmd.Flags().StringSliceVar(&o.tickers, "ticker", nil, "company ticker, looked up in the SEC's company tickers list")
	cmd.Flags().StringSliceVar(&o.forms, "forms", []string{"10-K", "20-F", "40-F"}, "form types (10-K, 20-F, 10-Q, 8-K, 6-K, 40-F, S-1, DEF 14A ...)")
	cmd.Flags().Float64Var(&o.rate, "rate", edgar.MaxRate, "requests per second to the SEC (at most 10)")
	cmd.Flags().StringVar(&o.dataURL, "edgar-data-url", edgar.DefaultDataURL, "base URL of the submissions API")
	cmd.Flags().StringVar(&o.archives, "edgar-archives-url", edgar.DefaultArchivesURL, "base URL of the EDGAR archives")
	return cmd
}

// fedregBackfill selects the documents of `newsintel backfill fedreg`.
type fedregBackfill struct {
	query   fedreg.Query
	baseURL string
	source  string
}

func backfillFedRegCmd(g *globals) *cobra.Command {
	var f backfillFlags
	var o fedregBackfill
	cmd := &cobra.Command{
		Use:   "fedreg --agency SLUG [--type Rule] [--term WORDS] [--since DATE]",
		Short: "Backfill Federal Register documents by agency, type, terms and dates",
		Example: `  newsintel backfill fedreg --agency commerce-department --since 2021-01-01
  newsintel backfill fedreg --agency industry-and-security-bureau --type Rule --term "entity list"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			if o.query.Since, o.query.Until, err = f.dates(); err != nil {
				return err
			}
			if len(o.query.Agencies) == 0 && o.query.Term == "" && o.query.Since.IsZero() {
				return errors.New("narrow the backfill with --agency, --term or --since")
			}
			o.source = f.source
			return withBackfillBus(cmd.Context(), cfg, f.natsURL, func(ctx context.Context, pub ingest.Publisher, store progressStore, log *slog.Logger) error {
				st, err := runBackfillFedReg(ctx, cfg, o, pub, store, os.Stderr, log)
				return reportBackfill(cmd.OutOrStdout(), st, err)
			})
		},
	}
	f.register(cmd, "fedreg")
	cmd.Flags().StringSliceVar(&o.query.Agencies, "agency", nil, "agency slug, as in federalregister.gov/agencies/SLUG (repeat or comma-separate)")
	cmd.Flags().StringSliceVar(&o.query.Types, "type", nil, "document type: Rule, Proposed Rule, Notice, Presidential Document")
	cmd.Flags().StringVar(&o.query.Term, "term", "", "full-text search terms")
	cmd.Flags().IntVar(&o.query.PerPage, "per-page", 100, "documents per API page (at most 1000)")
	cmd.Flags().StringVar(&o.baseURL, "fedreg-url", fedreg.DefaultBaseURL, "base URL of the Federal Register API")
	return cmd
}

// reportBackfill prints what a backfill did; an interrupted one says how
// to resume and exits 130, as a shell does after Ctrl-C.
func reportBackfill(w io.Writer, st backfillStats, err error) error {
	fmt.Fprintln(w, st)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "interrupted: run the same command again to resume; what is done is remembered")
		return exitError{code: 130}
	}
	if err == nil && st.Failed > 0 {
		return exitError{code: 1} // each failure was logged with its reason
	}
	return err
}

// withBackfillBus connects to the running newsintel and runs fn with its
// bus as publisher and the state bucket as progress store.
func withBackfillBus(ctx context.Context, cfg config.Config, natsURL string, fn func(context.Context, ingest.Publisher, progressStore, *slog.Logger) error) error {
	natsURL = firstNonEmptyString(natsURL, cfg.NATS.URL, "nats://"+cfg.NATS.Listen)
	log := logger(cfg, os.Stderr)
	bus, err := pipelines.Connect(ctx, natsURL, "newsintel-backfill", log)
	if err != nil {
		return fmt.Errorf("connect to %s (is 'newsintel serve' running?): %w", natsURL, err)
	}
	defer bus.Close()
	progress, err := bus.Progress(ctx)
	if err != nil {
		return err
	}
	return fn(ctx, bus, progress, log)
}

func firstNonEmptyString(ss ...string) string {
	for _, s := range ss {
		if s != "" && s != "nats://" {
			return s
		}
	}
	return ""
}

// progressStore remembers which items a backfill has published.
type progressStore interface {
	Done(ctx context.Context, key string) (bool, error)
	MarkDone(ctx context.Context, key string) error
}

// backfillKey is the progress key of one item: by document ID, so that
// overlapping backfills share what is done.
func backfillKey(kind, id string) string { return "backfill." + kind + "." + id }

// backfillItem is one document to fetch and publish.
type backfillItem struct {
	id    string
	label string
	fetch func(ctx context.Context) (newsintel.Raw, error)
}

// backfillStats counts what a backfill did.
type backfillStats struct {
	Total, Published, Skipped, Failed int
}

func (s backfillStats) String() string {
	return fmt.Sprintf("published %d, already done %d, failed %d, of %d", s.Published, s.Skipped, s.Failed, s.Total)
}

// runItems fetches and publishes each item not yet done, marking it done
// after its publish is acknowledged. A failed item is reported and the
// others go on; a cancelled ctx stops the run, and what is marked stays.
func runItems(ctx context.Context, kind string, items []backfillItem, pub ingest.Publisher, store progressStore, bar *progressBar, log *slog.Logger) (backfillStats, error) {
	st := backfillStats{Total: len(items)}
	bar.start(len(items))
	defer bar.finish()
	for _, it := range items {
		key := backfillKey(kind, it.id)
		done, err := store.Done(ctx, key)
		if err != nil {
			return st, fmt.Errorf("backfill progress: %w", err)
		}
		if done {
			st.Skipped++
			bar.step(false)
			continue
		}
		raw, err := it.fetch(ctx)
		if err == nil {
			err = pub.PublishRaw(ctx, raw)
		}
		if ctx.Err() != nil {
			return st, ctx.Err()
		}
		if err != nil {
			st.Failed++
			log.Warn("backfill item failed", "item", it.label, "error", err)
			bar.step(true)
			continue
		}
		// Published: remember it even when an interrupt arrives right now.
		if err := store.MarkDone(context.WithoutCancel(ctx), key); err != nil {
			return st, fmt.Errorf("backfill progress: %w", err)
		}
		st.Published++
		bar.step(true)
	}
	return st, nil
}

// runBackfillEDGAR lists the selected filings of each company and
// publishes those not yet done.
func runBackfillEDGAR(ctx context.Context, cfg config.Config, o edgarBackfill, pub ingest.Publisher, store progressStore, progress io.Writer, log *slog.Logger) (backfillStats, error) {
	client, err := edgar.New(edgar.Options{
		Fetch: secFetcher(cfg, o.rate), DataURL: o.dataURL, ArchivesURL: o.archives, Rate: o.rate, Log: log,
	})
	if err != nil {
		return backfillStats{}, err
	}
	ciks := append([]string(nil), o.ciks...)
	for _, t := range o.tickers {
		cik, err := client.CIKForTicker(ctx, t)
		if err != nil {
			return backfillStats{}, err
		}
		ciks = append(ciks, cik)
	}
	var items []backfillItem
	for _, cik := range ciks {
		filings, err := client.Filings(ctx, cik, edgar.Query{Forms: o.forms, Since: o.since, Until: o.until})
		if err != nil {
			return backfillStats{}, err
		}
		for _, f := range filings {
			items = append(items, backfillItem{id: newsintel.FilingID(f.Accession), label: f.Form + " " + f.Accession,
				fetch: func(ctx context.Context) (newsintel.Raw, error) { return client.Fetch(ctx, f, o.source) }})
		}
	}
	return runItems(ctx, "edgar", items, pub, store, newProgressBar(progress, "edgar"), log)
}

// runBackfillFedReg lists the selected documents, page by page, and
// publishes those not yet done with their full text.
func runBackfillFedReg(ctx context.Context, cfg config.Config, o fedregBackfill, pub ingest.Publisher, store progressStore, progress io.Writer, log *slog.Logger) (backfillStats, error) {
	client := &fedreg.Client{Fetch: newFetcher(cfg), BaseURL: o.baseURL}
	var items []backfillItem
	err := client.Each(ctx, o.query, func(d *fedreg.Document, _ int) error {
		items = append(items, backfillItem{id: newsintel.NoticeID(d.DocumentNumber), label: d.Type + " " + d.DocumentNumber,
			fetch: func(ctx context.Context) (newsintel.Raw, error) {
				if err := client.Text(ctx, d); err != nil && !errors.Is(err, fedreg.ErrNoText) {
					return newsintel.Raw{}, err
				}
				return d.ToRaw(o.source, time.Now().UTC()), nil
			}})
		return nil
	})
	if err != nil {
		return backfillStats{}, err
	}
	return runItems(ctx, "fedreg", items, pub, store, newProgressBar(progress, "fedreg"), log)
}

// secSubmissionSize is the largest body fetched from EDGAR: a full-submission
// .txt with its exhibits and graphics can run to a hundred megabytes before
// it is cut down to its primary document.
const secSubmissionSize = 128 << 20

// secFetcher is the guarded fetcher for EDGAR: one request at a time per
// host at up to rate per second (the edgar client's limiter keeps the total
// within the SEC's ceiling) and room for full submissions.
func secFetcher(cfg config.Config, rate float64) *fetch.Client {
	fc := cfg.Fetch
	return fetch.New(fetch.Options{UserAgent: fc.UserAgent, AllowPrivate: fc.AllowPrivateNetworks, Timeout: max(fc.Timeout.D(), 2*time.Minute),
		MaxBodySize: max(int64(fc.MaxBodySize), secSubmissionSize), PerHostRate: max(rate, 1), PerHostConcurrency: 1, Retries: 2})
}
