package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// CorpusFile is the name of the corpus in a corpus directory: one JSON
// Document per line.
const CorpusFile = "docs.jsonl"

// Options configure Run. Zero fields take the defaults in brackets.
type Options struct {
	Corpus    string // directory holding CorpusFile
	WorkDir   string // where the indexes are built [a temporary directory, removed after]
	BatchSize int    // documents per Put, as the index stage batches them [256]
	Queries   int    // queries per workload and condition [300]
	Limit     int    // index at most this many documents of the corpus [all]
	// QueriesOnly skips indexing and runs the query workloads on the index
	// an earlier run left in WorkDir.
	QueriesOnly bool
	// BusyRate paces the documents/s written while the busy queries run
	// [0: as fast as Put goes, the worst case].
	BusyRate float64
	Log      *slog.Logger // progress [discarded]
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 256
	}
	if o.Queries <= 0 {
		o.Queries = 300
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// Report holds what Run measured.
type Report struct {
	Docs          int
	TextBytes     int64   // titles and bodies: the extracted text
	PutRate       float64 // documents/s through Index.Put
	BaselineRate  float64 // documents/s through raw Bleve batches, same mapping
	IndexBytes    int64   // the Index on disk after indexing the corpus
	BaselineBytes int64
	Latencies     []Latency
	BusyPutRate   float64 // documents/s Put managed while the busy queries ran
}

// Latency is the latency of one workload under one condition.
type Latency struct {
	Workload string
	Busy     bool // measured while documents were being indexed
	N        int
	Hits     float64 // mean total hits (documents mentioning, for entity pages)
	P50, P99 time.Duration
	Max      time.Duration
	Errors   int
}

// Run indexes the corpus through index.Put and through raw Bleve batches
// (each batch goes to both, alternating which goes first, so that both
// meet the same machine load), then runs the query workloads on the
// Index, at rest and while documents are being indexed. It returns the
// first error that stops it.
func Run(ctx context.Context, o Options) (*Report, error) {
	o = o.withDefaults()
	work := o.WorkDir
	if work == "" {
		tmp, err := os.MkdirTemp("", "newsintel-bench-")
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	blDir, ixDir := filepath.Join(work, "baseline"), filepath.Join(work, "index")
	if o.QueriesOnly {
		return runQueriesOnly(ctx, o, ixDir)
	}
	bl, err := index.OpenBaseline(blDir)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer bl.Close()
	ix, err := index.Open(ixDir, index.Options{BatchSize: o.BatchSize, MaxConcurrentSearches: 64}, nil)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer ix.Close()
	rep := &Report{}
	o.Log.Info("indexing through Index.Put and raw Bleve batches")
	if err := load(ctx, o, ix, bl, rep); err != nil {
		return nil, err
	}
	if rep.BaselineBytes, err = settledSize(ctx, blDir); err != nil {
		return nil, err
	}
	if err := bl.Close(); err != nil {
		return nil, err
	}
	if rep.IndexBytes, err = settledSize(ctx, ixDir); err != nil {
		return nil, err
	}
	if err := runQueries(ctx, o, ix, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// runQueriesOnly runs the query workloads on the index in dir.
func runQueriesOnly(ctx context.Context, o Options, dir string) (*Report, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("bench: no index of an earlier run: %w", err)
	}
	ix, err := index.Open(dir, index.Options{BatchSize: o.BatchSize, MaxConcurrentSearches: 64}, nil)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer ix.Close()
	n, err := ix.Count()
	if err != nil {
		return nil, err
	}
	rep := &Report{Docs: int(n)}
	if rep.IndexBytes, err = dirSize(dir); err != nil {
		return nil, err
	}
	return rep, runQueries(ctx, o, ix, rep)
}

// load reads the corpus in batches and writes each to ix and bl, timing
// only the writes.
func load(ctx context.Context, o Options, ix *index.Index, bl *index.Baseline, rep *Report) error {
	f, err := os.Open(filepath.Join(o.Corpus, CorpusFile))
	if err != nil {
		return fmt.Errorf("bench: open corpus: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var ours, raw time.Duration
	timed := func(d *time.Duration, put func() error) error {
		start := time.Now()
		err := put()
		*d += time.Since(start)
		return err
	}
	batch := make([]newsintel.Document, 0, o.BatchSize)
	flush := func() error {
		putOurs := func() error { return ix.Put(ctx, batch) }
		putRaw := func() error { return bl.Put(batch) }
		var err error
		if (rep.Docs/o.BatchSize)%2 == 0 {
			err = errors.Join(timed(&ours, putOurs), timed(&raw, putRaw))
		} else {
			err = errors.Join(timed(&raw, putRaw), timed(&ours, putOurs))
		}
		if err != nil {
			return fmt.Errorf("bench: put: %w", err)
		}
		rep.Docs += len(batch)
		if rep.Docs%(o.BatchSize*40) == 0 {
			o.Log.Info("indexed", "docs", rep.Docs, "put_docs_per_s", int(float64(rep.Docs)/ours.Seconds()),
				"raw_docs_per_s", int(float64(rep.Docs)/raw.Seconds()))
		}
		batch = batch[:0]
		return nil
	}
	for sc.Scan() && (o.Limit <= 0 || rep.Docs+len(batch) < o.Limit) {
		var d newsintel.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("bench: corpus line %d: %w", rep.Docs+len(batch)+1, err)
		}
		rep.TextBytes += int64(len(d.Title) + len(d.Body))
		if batch = append(batch, d); len(batch) == o.BatchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("bench: read corpus: %w", err)
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return err
		}
	}
	if rep.Docs == 0 {
		return errors.New("bench: the corpus is empty; run bench gen first")
	}
	rep.PutRate, rep.BaselineRate = float64(rep.Docs)/ours.Seconds(), float64(rep.Docs)/raw.Seconds()
	return nil
}

// settledSize waits for the index in dir to stop changing size for a
// second (Bleve merges segments in the background), for up to a minute,
// and returns it.
func settledSize(ctx context.Context, dir string) (int64, error) {
	last := int64(-1)
	for range 60 {
		n, err := dirSize(dir)
		if err != nil {
			return 0, err
		}
		if n == last {
			return n, nil
		}
		last = n
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return last, nil
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // a segment merged away while walking
			}
			return err
		}
		if d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bench: size of %s: %w", dir, err)
	}
	return n, nil
}
