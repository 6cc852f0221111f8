package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/newsintel/newsintel/index/bench"
	"github.com/spf13/cobra"
)

func benchCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Generate a synthetic news corpus and benchmark the index against raw Bleve",
		Long: `bench gen writes a deterministic synthetic corpus of Documents shaped like news
(Zipf-distributed words and entities, log-normal lengths per kind, sourcing claims,
dates over three years); bench run indexes it through the index stage's Put and through
raw Bleve batches with the same mapping, measures query latency at rest and while
indexing, and prints a table of rates, ratios and latencies against the targets.`,
		Example: `  newsintel bench gen --docs 100000 --out /tmp/corpus
  newsintel bench run --corpus /tmp/corpus`,
	}
	cmd.AddCommand(benchGenCmd(), benchRunCmd(g))
	return cmd
}

func benchGenCmd() *cobra.Command {
	var docs int
	var seed uint64
	var out string
	cmd := &cobra.Command{
		Use:   "gen --out DIR",
		Short: "Write a synthetic corpus as DIR/" + bench.CorpusFile,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBenchGen(out, docs, seed)
		},
	}
	cmd.Flags().IntVar(&docs, "docs", 100000, "documents to generate")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed; the same seed gives the same corpus")
	cmd.Flags().StringVar(&out, "out", "", "directory to write the corpus to (created)")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

func runBenchGen(out string, docs int, seed uint64) error {
	if docs <= 0 {
		return fmt.Errorf("--docs must be positive, got %d", docs)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(out, bench.CorpusFile))
	if err != nil {
		return err
	}
	if err := bench.Generate(f, docs, seed); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

func benchRunCmd(g *globals) *cobra.Command {
	var o bench.Options
	var cpuProfile string
	cmd := &cobra.Command{
		Use:   "run --corpus DIR",
		Short: "Index a corpus through Put and raw Bleve, run the query workloads, print the results",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.Corpus == "" && !o.QueriesOnly {
				return fmt.Errorf("give --corpus DIR (written by bench gen), or --queries-only with --work DIR")
			}
			if o.QueriesOnly && o.WorkDir == "" {
				return fmt.Errorf("--queries-only needs --work DIR of an earlier run")
			}
			cfg, err := g.loadServer(nil)
			if err != nil {
				return err
			}
			o.Log = logger(cfg, cmd.ErrOrStderr()).With("component", "bench")
			return runBench(cmd.Context(), o, cpuProfile, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Corpus, "corpus", "", "directory written by bench gen")
	f.StringVar(&o.WorkDir, "work", "", "directory for the indexes (default: a temporary directory, removed after)")
	f.IntVar(&o.BatchSize, "batch", 256, "documents per Put, like the index stage")
	f.IntVar(&o.Queries, "queries", 300, "queries per workload, at rest and while indexing")
	f.IntVar(&o.Limit, "limit", 0, "index at most this many documents (default: all)")
	f.BoolVar(&o.QueriesOnly, "queries-only", false, "skip indexing: query the index an earlier run left in --work (and add to it while querying)")
	f.Float64Var(&o.BusyRate, "busy-rate", 0, "documents/s written while the busy queries run (default: as fast as Put goes)")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file")
	return cmd
}

func runBench(ctx context.Context, o bench.Options, cpuProfile string, out io.Writer) error {
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	rep, err := bench.Run(ctx, o)
	if err != nil {
		return err
	}
	return rep.Print(out)
}
