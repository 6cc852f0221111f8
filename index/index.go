// Package index keeps the searchable Bleve index of newsintel documents: the
// mapping (English analysis on title and body, exact keyword fields for
// filters and facets), the batch writer that upserts Documents by ID and
// revision, and the search that the API and digests run (query string
// validation, filters, sorting, facets with entity names, a date
// histogram, highlights and search_after cursors), plus entity pages
// (EntityStats), entity completion (SuggestEntities) and more-like-this
// (Similar).
//
// It is the only package that imports Bleve. An Index is safe for
// concurrent use.
//
// # One index, not one per month
//
// ARCHITECTURE.md planned one Bleve index per month behind an alias. It
// was measured and not built: the same 10 000 synthetic documents (36
// months) indexed once and as 36 month indexes behind a bleve.IndexAlias,
// the same searches through this package, 40 each, twice, on the shared
// 2-core machine (p50, single index → months):
//
//	(a) two-word match                  3.7–4.1 ms → 12.8–14.9 ms
//	(b) phrase, 2 filters, 5 facets     5.7–6.2 ms → 16.8–18.6 ms
//	(b) with since = the last 3 months  6.1 ms     → 23.5–26.3 ms
//	(c) entity page                     5.6–6.8 ms → 27.5–29.7 ms
//
// Every search fans out to every month and merges their hits and facets,
// and each month is a few more segments to open terms in; Bleve scores
// each index with its own term statistics, so relevance would also differ
// by month. A router that skipped months outside since/until would help
// only date-bounded searches, which the three workloads of issue #7 are
// not; the same text in more, smaller indexes is not smaller; and a
// rebuild (new MappingVersion) rereads all of DOCS either way. Upserts
// whose published date moved, Get and search_after across months would
// each have cost a look-up in every month.
//
// # Each thing stored once
//
// Issue #7 bounds the index on disk at 1.5 times the text it holds
// (titles and bodies). What is indexed takes most of it; what is stored
// is one copy of each thing, compressed:
//
//   - a document: its title (a Bleve stored field); meta, the Document
//     JSON without title, body and tags, as one zstd value with a
//     dictionary (packMeta); body_words, the body coded with the index's
//     lexicon (see Word-coded bodies below); and packed, the claims and
//     the other tags in one zstd frame (pack), where claim and mention
//     texts that are the body at their offsets are left out and mentions
//     are stored in columns (storedMentions). The snippet of a hit with
//     nothing highlighted in its body is the start of the stored body
//     (storedLead), decoded for the hits of one page only;
//   - a claim item: what a claim of the newest revision says is read from
//     its document's claims, at its Position, for each page of hits
//     (withDocs, one search and one decompression per distinct document);
//     claim_stored keeps its history, and a removed claim, no longer in
//     the document, its text and source;
//   - a revision log only for documents seen in more than one revision,
//     without the claims of the newest one (the document holds them);
//   - short claim keys: a 20-byte date sort key, no field naming the
//     claim's document (its items are found by the prefix of their IDs),
//     no week term, and no week or month doc values (histograms fold the
//     days); what claim sorts and facets read (date key, place in the
//     document, publisher, source type, affiliation, status) is one field
//     with doc values, claim_keys (see claimKeys), as Bleve spends some 5
//     bytes on each item's entry in each doc-valued field; no status key
//     for current claims, which most are; and an article's claim items
//     keyed by 29 bytes instead of their 42-byte claim IDs (itemKey).
//
// Measured on the shared 2-core machine, before → after this layout:
// BenchmarkIndexSize 19 600 → 14 134 bytes/doc (2 000 synthetic
// documents), and after a second revision of each 21 000–31 000
// (unmerged, it varies) → 15 850; `newsintel bench run` on 20 000
// `bench gen` documents 3.10 → 2.55 times the text, Put ratio and query
// p50s unchanged. BenchmarkReadStored (p50): a page of 100 claims of 33
// documents 6.8 → 7.4 ms (each document's claims are decompressed), of
// 5 documents 20.6 → 20.3 ms; Get 0.100 → 0.097 ms.
//
// # Token sequences instead of term vectors
//
// The positions of body, claim text and claim descriptions were the
// largest part left (zap v17 writes each occurrence's field, position,
// start, end and array-position count as uncompressed uvarints, about 6
// bytes). Those fields are indexed without term vectors; a token
// sequence of 2 bytes a token (seq.go) serves their phrases and body
// highlights, and the title, short, keeps its term vectors. On 20 000
// `bench gen` documents: 2.55 → 2.04 times the text (raw Bleve with the
// same mapping, which writes no sequences, 1.79), with the same hits for
// the 50 phrase queries of workload (b) (5 132 documents, compared one by
// one); on 100 000, 2.30 → 1.83 (raw Bleve 1.58), Put ratio 1.03 → 1.06,
// and lower latencies while indexing, as each batch has less to write
// and merge: (a) p99 29.4–33.5 → 24.4–27.0 ms. The phrase check reads
// each candidate's stored fields (one snappy block a document), about a
// fifth of workload (b)'s time; a body fragment is chosen from the
// sequence's positions and only the text from the checkpoint before it
// is segmented.
//
// The body's own sequence is no longer stored: its word-coded text is
// one (see Word-coded bodies).
//
// # Word-coded bodies
//
// A body is stored as the numbers of its words in a lexicon the index
// grows (lexicon.go): numbered in the order the index first meets them,
// each word a 16-bit unit (an escape and a uvarint past 32 766 words)
// with a flag bit for the usual single space after it, and numbered gaps
// for the rest.
// zstd, one document at a time, has to spell out every word the first
// time a document uses it; the coded body needs no compression on top
// (zstd would take another 9% off, and cost a decompression per phrase
// candidate). The lexicon is an append-only file beside the index
// (lexicon_file.go; not Bleve's internal store, which scorch copies into
// every snapshot it persists), synced before the batch that first uses
// its new words, so no document on disk refers to a word that is not
// there; an index whose lexicon lost words is corrupt, and a body whose
// checksum fails is a damaged value like any other. Figures longer than
// four bytes, words longer than 32 and gaps longer than 8 are written
// out, not numbered, and the lexicon stops numbering at 2^20 entries.
//
// The words are the tokens of Bleve's unicode tokenizer, and the lexicon
// knows the term fieldAnalyzer's filters (possessive, lower case, stop
// words, stemming) make of each, as they act on one token at a time. So
// the coded body is also the body's token sequence: the k-th word is at
// position k. TestLexiconSeqIsTheAnalyzers and FuzzLexiconRoundTrip check
// that what is read from it is, byte for byte, what the analyzer's tokens
// make: the sequence of seq.go, the tokens Bleve indexes the body with
// (lexicon.analysis, made in Bleve's analysis workers, so known words are
// not segmented or stemmed again; Put segments the batch's bodies on
// every CPU before it), the text, tokens and checkpoints highlighting
// reads (lexicon.positions, one pass) and the tokens a phrase check reads
// (lexiconFilter.tokens: a bit per lexicon entry tells the phrase's
// words, and a check that needs no positions stops at the first
// occurrence; 1.5 µs for the seed article).
//
// On 100 000 `bench gen` documents: body_words is about 0.36 of the text
// where the zstd body in packed took 0.47 and the body sequence 0.19, and
// with the dates, claim keys and body lengths below the index went 1.83 →
// 1.35 times the text; Put went from 1.07 times slower than raw Bleve to
// 0.90. Words coded as uvarints instead of 16-bit units made it 1.31
// times, but a phrase check branching on each word's length cost
// workload (b) p99 91–97 ms where the code before measured 74–81 ms in
// alternated runs; with units, 72.6–80.0 against 70.3–76.8.
//
// What was left at 100 000 documents before the lexicon (per-field sums
// over the zap segments, as a share of the text): the compressed body,
// claims and tags (packed) 0.62, the body's postings (for each term of
// each document a frequency and the field's length as its norm, and a
// bitmap entry) 0.38 (with its length in tokens, see below), the body's
// sequence 0.19, claim text postings 0.09, Bleve's _id of documents and
// claim items 0.09, meta 0.05, the date fields published and fetched (16
// terms each) 0.06 (since indexed as month, day, hour and key terms: see
// dates.go), the claim items' keys (date, day, order, publisher, source
// type, status, …) about 0.14 together, every other field at most 0.02.
//
// # The body's length in units
//
// Each posting of a scored field keeps the field's length in the
// document, which TF-IDF reads back as the norm 1/sqrt(length): two
// bytes for every body of 128 to 16 383 tokens, in each of its postings.
// The body reports its length in units of 8 tokens instead, one byte up
// to 1 019 tokens (96% of `bench gen` articles, a third of its filings),
// and every query clause that scores the body multiplies its score by
// 1/sqrt(8) (bodyScaled), so scores, the balance of title and body and
// rankings are those of the length in tokens, up to its rounding to a
// unit (bodylength.go has why 8). On 20 000 `bench gen` documents the
// body's postings went 62.1 → 56.7 MB and the index 2.04 → 2.00 times
// the text; the top 10 hits of the 64 two-word queries of workload (a)
// stayed the same for 62, and in the other two hits whose scores differ
// by under 0.02% swapped (scores moved by at most 0.07%).
//
// # Claim keys in one field, short item keys, no second lead
//
// Measured on 20 000 `bench gen` documents (20 512 indexed, 184 000
// claim items; per-field sums over the zap segments, MB): the six
// doc-valued claim fields (date key 4.00, order 1.75, publisher 1.83,
// source type 1.67, affiliation 1.21, status 1.15; 11.60 together) →
// claim_keys 7.99, and 8.92 had the date key and place been one term
// (a dictionary entry for every claim); claim item IDs stored 8.10 →
// 5.89, their dictionary 4.08 → 4.17; meta 6.62 → 3.89 without the lead;
// stored description sequences 0.46 → 0.32 with none for blank
// descriptions. `bench run`: 247.9 → 239.2 MiB, 2.04 → 1.97 times the
// text, query p50s and p99s unchanged (quiet machine, --queries-only on
// both indexes, twice). A claim's day in claim_keys as well, for the
// histograms, instead of claim_day's doc values saved 0.02 MB: not
// kept. BenchmarkSearchClaimsSorted and the claim cases of
// BenchmarkReadStored (best of 3, interleaved, ms): newest 22.1 → 20.7,
// oldest-page-20 23.7 → 23.4, text-newest 7.9 → 7.4, since-until 13.2 →
// 14.1, a page of 100 newest 24.7 → 20.9, by relevance 8.0 → 7.0. A
// claim search by relevance scores its hits by a constant factor
// different from before (Bleve's query norm counted the status filter,
// now a must-not), in the same order.
//
// # Searching and highlighting a page
//
// A query of plain words is a disjunction, per word, of a title term and
// a scaled body term. Its main search is one flat searcher over the
// terms (flatten.go) that scores each document as Bleve's nested
// disjunction searchers would, bit for bit: at 100 000 documents, where
// two common words match most of them, their levels were half the time of
// the search. Searches that explain or read term vectors (the highlight
// search) keep Bleve's searchers.
//
// Highlighting a page searches the query again among its hits for the
// terms each matched. In the body, the words of those terms are found by
// reading each word's 16-bit mark (lexicon.matching), and only the part
// of the body the best fragment is cut from is decoded (lexicon.spans);
// the page's hits already hold their coded bodies.
//
// # Facets from postings
//
// Bleve counts a term facet from the doc values of every hit, in snappy
// blocks of 1 024 documents; claim items take most document numbers, so
// hits rarely share a block. Facets on fields with few terms (kind,
// source, publisher, language, form, section, source type; see
// facets_postings.go) are counted by the search itself: its top searcher
// records the hits, and when Bleve closes it, on the same snapshot, each
// segment counts a field from its terms' postings (one roaring-bitmap
// intersection a term) when it has more hits than terms, else from its
// hits' doc values. Counts and order are Bleve's (tested against it). At
// 100 000 documents, (b) p99 in three alternated runs: at rest
// 86.2/78.3/76.3 → 79.7/69.0/76.2 ms, while indexing 101.8/97.2/77.7 →
// 88.2/71.3/74.2 ms. Counting every field from postings alone made the
// median (b) 3–6 ms slower: iterating a field's terms in every segment
// costs more than a few hundred hits' doc values.
//
// # Phrase checks on two cores, entity doc values a document each
//
// A phrase's candidates (the documents holding all its words that the
// filters let through) are each checked in their stored, word-coded body,
// which is most of a phrase search: "chip exports" with company Amazon
// has 6 509 candidates and 2 497 hits at 100 000 `bench gen` documents.
// The phrase searcher reads candidates ahead in batches (8, doubling to
// 256; back to 8 after a skip) and checks each batch on its own goroutine
// and a helper; a helper that has not started when the batch is done is
// not waited for, so on busy cores a search runs as on one. The check
// itself passes most words on one bit test of their 16-bit unit.
//
// Entity facets (company, agency, …) are counted from each hit's doc
// values, which Bleve keeps in snappy blocks of 1 024 documents; with
// claim items taking most document numbers, hits rarely share one. The
// entity, company and agency fields keep theirs a document each,
// uncompressed (see unchunkedDocValues): the index grew 1.35 → 1.38
// times the text; each costs 8 bytes of heap per document number while
// its segment is open. With all six entity fields and author so, it was
// 1.41.
//
// At 100 000 documents, three `--queries-only` runs alternated with the
// code before, p99 at rest and while indexing 50 docs/s: (b) 43.5–51.0
// and 44.4–47.7 ms [68.8–69.8 and 66.9–68.2]; (c) 31.2–33.0 and
// 31.6–37.4 ms [46.3–48.7 and 41.2–52.7], its p50 9.0–9.3 ms [19.6–20.1]
// (entity pages count co-mentions from the entity field). With a busy
// loop on one of the two cores, (b) 57.6–59.5 ms [67.8–69.4]. Profiled
// alone, the slowest (b) query went p50 55–63 → 40 ms: the phrase check
// was half its time (a third scanning words, a sixth reading stored
// documents), entity facets' doc values a sixth.
//
// # Bodies read from the DOCS stream: measured, not built
//
// DOCS holds every Document, so the index need not keep a second copy of
// the bodies: it could store the stream sequence of each and read the
// bodies Get and highlighting need by direct get. It was built on a
// branch (docsbody: Options.Bodies, PutFrom, a JetStream body source, the
// bench publishing its corpus to an embedded DOCS stream) and measured,
// with term vectors still in place: at 20 000 `bench gen` documents the
// index went 2.55 → 2.20 times the text (DOCS, S2-compressed, 0.93
// beside it either way), at 100 000 2.30 → 1.95; but a search with
// snippets went from p50 4–5 ms to 126–129 ms, and (a) at 100 000 to
// p50 136 ms. A random direct get costs 12–20 ms: JetStream loads the
// whole 8 MiB message block (and decompresses it) to read one message,
// keeps it only briefly, and the block size cannot be set from the
// stream configuration. Without compression a cold read still took about
// 10 ms and DOCS grew to 2.47 times the text. Every page of hits reads
// up to its size in bodies, so the latency targets of issue #7 would be
// missed by far to save about 0.35 of the text.
//
// # Phrases from bigrams: measured, not built
//
// Phrases could be matched without positions: title, body and claim text
// indexed with frequencies and norms only, beside a field of their
// adjacent-word pairs (postings only, a stop word kept as a gap), a
// phrase the conjunction of its words and pairs, and highlights found by
// analysing the stored text. It was built on a branch and measured
// against this layout: zap spends a dictionary entry and a postings list
// on every distinct pair, 20 to 40 bytes, and most pairs of a text are
// rare, so the pairs cost several times the positions they replace:
// `bench run` on 20 000 `bench gen` documents 311.1 → 652.6 MiB (2.56 →
// 5.37 times the text), on 3 000 47.2 → 98.0 MiB; pairs hashed to 22 or
// 18 bits 89.8 and 65.7 MiB where positions took 57.0. Highlighting by
// analysing the text made the two-word match slower (p50 2.0 → 5.0 ms at
// 3 000 documents), and phrases of 3 and 4 words gained and lost 0.04%
// and 0.6% of their hits against positions. Only BenchmarkIndexSize,
// whose documents repeat a few dozen sentences, got smaller.
package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/searcher"
	"github.com/newsintel/newsintel"
)

// Errors returned by Open.
var (
	// ErrMappingChanged means the index on disk was built with another
	// MappingVersion; the caller removes it and rebuilds from DOCS.
	ErrMappingChanged = errors.New("index: mapping version changed, rebuild the index")
	// ErrCorrupt means the index directory could not be opened; it wraps
	// the cause.
	ErrCorrupt = errors.New("index: corrupt index")
)

// Defaults for zero Options fields.
const (
	DefaultBatchSize             = 500
	DefaultQueryTimeout          = 5 * time.Second
	DefaultMaxConcurrentSearches = 16

	// maxClauses caps how many terms a prefix, fuzzy or wildcard query may
	// expand to.
	maxClauses = 1024
	// versionKey is the key of MappingVersion in Bleve's internal store.
	versionKey = "newsintel.mapping_version"
)

// Options tune an Index. Zero fields take the defaults above.
type Options struct {
	BatchSize             int           // documents per Bleve batch in Put
	QueryTimeout          time.Duration // bound on every search
	MaxConcurrentSearches int           // searches beyond this fail with ETOOMANY
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.MaxConcurrentSearches <= 0 {
		o.MaxConcurrentSearches = DefaultMaxConcurrentSearches
	}
	return o
}

// Index is an open Bleve index of Documents. It is safe for concurrent use.
type Index struct {
	bleve bleve.Index
	opts  Options
	log   *slog.Logger
	dir   string

	writeMu  sync.Mutex    // serialises Put, so revision checks and writes do not interleave
	commitMu sync.RWMutex  // held by batch commits and by the last try of a consistent read (see consistently)
	commits  atomic.Uint64 // batch commits begun and ended (see consistently)
	searches chan struct{} // semaphore of MaxConcurrentSearches
	names    *nameCache    // entity ID → canonical name, for facets
	lex      *lexicon      // the words of stored bodies (see lexicon.go)
	damaged  sync.Map      // "doc ID field" of stored values reported unreadable (see reportDamaged)

	closeOnce sync.Once
	closeErr  error
}

var setClauseCap sync.Once

// Open opens the index in dir, or creates it when dir does not exist or is
// empty. It returns ErrMappingChanged when the index was built with another
// MappingVersion, and an error wrapping ErrCorrupt when dir holds something
// Bleve cannot open.
func Open(dir string, o Options, log *slog.Logger) (ix *Index, err error) {
	setClauseCap.Do(func() { searcher.DisjunctionMaxClauseCount = maxClauses })
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	o = o.withDefaults()
	b, created, err := openOrCreate(dir)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(b, created); err != nil {
		_ = b.Close()
		return nil, err
	}
	lex, err := openLexicon(dir, b)
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	log.Info("index opened", "dir", dir, "created", created, "mapping_version", MappingVersion, "lexicon_entries", len(lex.entries)-lexiconReserved)
	return &Index{bleve: b, opts: o, log: log, dir: dir,
		searches: make(chan struct{}, o.MaxConcurrentSearches), names: newNameCache(b), lex: lex}, nil
}

// kvConfig is the scorch configuration: one persister worker, since
// parallel persisters have lost data on reopen.
func kvConfig() map[string]any {
	return map[string]any{
		"scorchPersisterOptions": map[string]any{"numPersisterWorkers": 1},
	}
}

// openOrCreate opens the Bleve index in dir or creates a new one there,
// turning panics and open failures into ErrCorrupt.
func openOrCreate(dir string) (b bleve.Index, created bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, created, err = nil, false, fmt.Errorf("%w: open %s: panic: %v", ErrCorrupt, dir, r)
		}
	}()
	empty, err := isEmptyDir(dir)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if empty {
		b, err = bleve.NewUsing(dir, buildMapping(), scorch.Name, scorch.Name, kvConfig())
		if err != nil {
			return nil, false, fmt.Errorf("index: create %s: %w", dir, err)
		}
		if err := b.SetInternal([]byte(versionKey), []byte(MappingVersion)); err != nil {
			_ = b.Close()
			return nil, false, fmt.Errorf("index: store mapping version: %w", err)
		}
		return b, true, nil
	}
	b, err = bleve.OpenUsing(dir, kvConfig())
	if err != nil {
		return nil, false, fmt.Errorf("%w: open %s: %w", ErrCorrupt, dir, err)
	}
	return b, false, nil
}

// isEmptyDir reports whether dir is missing or an empty directory.
func isEmptyDir(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", dir, err)
	}
	return len(entries) == 0, nil
}

// checkVersion compares the stored mapping version with MappingVersion.
func checkVersion(b bleve.Index, created bool) error {
	if created {
		return nil
	}
	v, err := b.GetInternal([]byte(versionKey))
	if err != nil {
		return fmt.Errorf("%w: read mapping version: %w", ErrCorrupt, err)
	}
	if string(v) != MappingVersion {
		return fmt.Errorf("%w: index has %q, code has %q", ErrMappingChanged, v, MappingVersion)
	}
	return nil
}

// Remove deletes the index in dir so that Open creates a fresh one. It
// refuses to delete a directory that does not look like a Bleve index.
func Remove(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return fmt.Errorf("index: remove %s: not a Bleve index: %w", dir, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("index: remove %s: %w", dir, err)
	}
	return nil
}

// Count returns the number of documents in the index, not counting the
// claims indexed beside them.
func (ix *Index) Count() (uint64, error) {
	req := bleve.NewSearchRequestOptions(documentsOnly(), 0, 0, false)
	req.Score = "none"
	res, err := ix.bleve.Search(req)
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return res.Total, nil
}

// Close flushes and closes the index; calling it again does nothing. The
// Index must not be used after.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() {
		ix.writeMu.Lock() // let a Put in progress finish
		defer ix.writeMu.Unlock()
		if err := ix.bleve.Close(); err != nil {
			ix.closeErr = fmt.Errorf("index: close: %w", err)
		}
		if err := ix.lex.close(); err != nil && ix.closeErr == nil {
			ix.closeErr = fmt.Errorf("index: close lexicon: %w", err)
		}
	})
	return ix.closeErr
}

// ctxErr turns a context error into a newsintel error the API can map.
func ctxErr(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return newsintel.Errorf(newsintel.EUNAVAILABLE, "the search took too long; narrow the query or add filters")
	}
	return err
}
