// Package bench generates a synthetic corpus of newsintel Documents shaped
// like news (bench gen) and measures the index on it against raw Bleve in
// one run (bench run): indexing throughput, query latency at rest and
// while indexing, and index size on disk.
package bench
