// Package config loads newsintel's configuration: defaults for the embedded
// single-process setup, a YAML file, and environment overrides
// (NEWSINTEL_ + the key path upper-cased, dots as underscores). Validate
// names the offending key, and the file line when the value came from YAML.
//
// Configuration is a plain value passed to every component; nothing here
// reads globals or the process environment by itself.
package config

import (
	"path/filepath"
	"time"
)

// Config is the whole configuration of a newsintel process.
type Config struct {
	DataDir string   `yaml:"data_dir"` // where the embedded NATS store and the index live
	Log     Log      `yaml:"log"`
	NATS    NATS     `yaml:"nats"`
	Streams Streams  `yaml:"streams"`
	HTTP    HTTP     `yaml:"http"`
	API     API      `yaml:"api"`
	Fetch   Fetch    `yaml:"fetch"`
	Extract Stage    `yaml:"extract"`
	Index   Index    `yaml:"index"`
	Poll    Poll     `yaml:"poll"`
	Crawl   Crawl    `yaml:"crawl"`
	Digest  Digest   `yaml:"digest"`
	Runtime Runtime  `yaml:"runtime"`
	Sources []Source `yaml:"sources"`

	lines map[string]int // key path → YAML line, for error messages
	file  string
}

// Runtime configures the Go runtime of a server process (serve, bench
// run; short commands keep Go's defaults). GOGC and GOMEMLIMIT, when set
// in the environment, win over it.
type Runtime struct {
	// GCPercent is the garbage collector's GOGC: how far the heap grows,
	// in percent of what a collection left live, before the next one.
	// Searches and indexing allocate fast from a small live heap, so with
	// Go's 100 a server collects several times a second, and a search that
	// meets a collection during a batch of indexing waits for it. -1 turns
	// the percentage off: collections then start only near MemoryLimit,
	// which must then be set. Applied only under a memory limit.
	GCPercent int `yaml:"gc_percent"`
	// MemoryLimit is the soft limit of the process's Go memory
	// (GOMEMLIMIT): near it the collector runs as often as it must,
	// whatever GCPercent says. 0 is half the memory the process may use
	// (the lowest limit of its cgroups, else the machine's); where neither
	// can be read, no limit is set and GCPercent is not applied.
	MemoryLimit Size `yaml:"memory_limit"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
}

// NATS configures the message bus: an embedded server (URL empty) or an
// external cluster.
type NATS struct {
	URL          string `yaml:"url"`           // nats://host:4222 of an external server; empty embeds one
	Listen       string `yaml:"listen"`        // where the embedded server listens
	StoreDir     string `yaml:"store_dir"`     // embedded JetStream store; default <data_dir>/nats
	MaxMemory    Size   `yaml:"max_memory"`    // embedded JetStream memory limit
	MaxStore     Size   `yaml:"max_store"`     // embedded JetStream disk limit
	SyncInterval string `yaml:"sync_interval"` // "2m" (survives kill -9, not power loss) or "always"
	Replicas     int    `yaml:"replicas"`      // stream replicas on a cluster
}

// Streams configures retention of the streams.
type Streams struct {
	RawMaxAge       Duration `yaml:"raw_max_age"`
	RawMaxBytes     Size     `yaml:"raw_max_bytes"`
	DocsMaxAge      Duration `yaml:"docs_max_age"` // 0 keeps documents forever: DOCS is the source of truth for every index
	DocsMaxBytes    Size     `yaml:"docs_max_bytes"`
	DuplicateWindow Duration `yaml:"duplicate_window"`
	// Age limits of the key-value buckets that gain a key per item, counted
	// from a key's last update; 0 keeps keys forever.
	ItemsMaxAge    Duration `yaml:"items_max_age"`    // feed item keys: an item older is new again (published again only if its text changed)
	CrawlMaxAge    Duration `yaml:"crawl_max_age"`    // crawl visited set and frontier: a URL not visited that long is new again
	ClustersMaxAge Duration `yaml:"clusters_max_age"` // near-duplicate clusters: one not joined that long is closed
}

// HTTP configures the API server.
type HTTP struct {
	Listen string `yaml:"listen"`
}

// API configures access to the HTTP API.
type API struct {
	OpenRead    bool     `yaml:"open_read"`    // read routes need no key; writing always needs an admin key
	Keys        []APIKey `yaml:"keys"`         // file-only
	CORSOrigins []string `yaml:"cors_origins"` // browser origins allowed to call the API; "*" for any
	KeyRate     float64  `yaml:"key_rate"`     // requests per second per API key; 0 is unlimited
	KeyBurst    int      `yaml:"key_burst"`
	IPRate      float64  `yaml:"ip_rate"` // requests per second per client address without a key; 0 is unlimited
	IPBurst     int      `yaml:"ip_burst"`
}

// APIKey is an API key known by the SHA-256 of its secret (`newsintel keys
// hash` prints it).
type APIKey struct {
	Name   string   `yaml:"name"`
	Hash   string   `yaml:"hash"`   // hex SHA-256 of the key
	Scopes []string `yaml:"scopes"` // read, admin
}

// Fetch configures the HTTP client every source fetches with.
type Fetch struct {
	UserAgent            string   `yaml:"user_agent"` // with a contact address: the SEC refuses requests without one
	AllowPrivateNetworks bool     `yaml:"allow_private_networks"`
	Timeout              Duration `yaml:"timeout"`
	MaxBodySize          Size     `yaml:"max_body_size"`
	MaxRedirects         int      `yaml:"max_redirects"`
	PerHostRate          float64  `yaml:"per_host_rate"` // requests per second to one host
	PerHostConcurrency   int      `yaml:"per_host_concurrency"`
	Concurrency          int      `yaml:"concurrency"` // across all hosts
}

// Stage configures a pipeline stage's consumer.
type Stage struct {
	Concurrency int      `yaml:"concurrency"`
	AckWait     Duration `yaml:"ack_wait"`
	MaxDeliver  int      `yaml:"max_deliver"`
}

// Index configures the search index and its stage.
type Index struct {
	Dir                   string   `yaml:"dir"`     // default <data_dir>/index
	Replica               string   `yaml:"replica"` // durable consumer name of this index replica
	BatchSize             int      `yaml:"batch_size"`
	BatchWait             Duration `yaml:"batch_wait"`
	AckWait               Duration `yaml:"ack_wait"`
	MaxDeliver            int      `yaml:"max_deliver"`
	QueryTimeout          Duration `yaml:"query_timeout"`
	MaxConcurrentSearches int      `yaml:"max_concurrent_searches"`
}

// Poll configures the feed poller of the ingest stage.
type Poll struct {
	Workers         int      `yaml:"workers"`          // feeds polled at once
	DefaultInterval Duration `yaml:"default_interval"` // for sources that set no interval
	MaxInterval     Duration `yaml:"max_interval"`     // back-off cap of a failing feed
	Timeout         Duration `yaml:"timeout"`          // longest one poll may take, item pages included
	MaxNewItems     int      `yaml:"max_new_items"`    // new items taken from one poll; the rest wait for the next
}

// Crawl configures the crawler: sources of type crawl (url is the seed)
// and newsintel crawl (whose flags override these).
type Crawl struct {
	MaxDepth       int      `yaml:"max_depth"`       // links followed from a seed or sitemap entry
	Delay          Duration `yaml:"delay"`           // between requests to one host; a longer robots.txt Crawl-delay wins
	Parallelism    int      `yaml:"parallelism"`     // requests in flight per host
	Workers        int      `yaml:"workers"`         // requests in flight in all
	Revisit        Duration `yaml:"revisit"`         // pages that are not articles are fetched again after this
	ArticleRevisit Duration `yaml:"article_revisit"` // articles are fetched again after this; 0: never
	SitemapMaxAge  Duration `yaml:"sitemap_max_age"` // sitemap entries dated older are skipped; 0: none skipped
	MaxPages       int      `yaml:"max_pages"`       // pages fetched per crawl cycle; 0: no limit
}

// Source is one configured source of documents.
type Source struct {
	Name     string   `yaml:"name"`     // short name: letters, digits, '-' and '_'
	Type     string   `yaml:"type"`     // feed, crawl, edgar, fedreg
	Kind     string   `yaml:"kind"`     // article (default), filing or notice
	URL      string   `yaml:"url"`      // feed URL, crawl seed, or API endpoint
	Interval Duration `yaml:"interval"` // how often to poll
}

// Default returns the configuration of the embedded single-process setup:
// everything under ./data, NATS on 127.0.0.1:4222, the API on
// 127.0.0.1:8080.
func Default() Config {
	return Config{
		DataDir: "./data",
		Log:     Log{Level: "info", Format: "text"},
		NATS: NATS{
			Listen:       "127.0.0.1:4222",
			MaxMemory:    256 << 20,
			MaxStore:     10 << 30,
			SyncInterval: "2m",
			Replicas:     1,
		},
		Streams: Streams{
			RawMaxAge:       Duration(30 * 24 * time.Hour),
			RawMaxBytes:     4 << 30,
			DuplicateWindow: Duration(2 * time.Minute),
			ItemsMaxAge:     Duration(90 * 24 * time.Hour),
			CrawlMaxAge:     Duration(90 * 24 * time.Hour),
			ClustersMaxAge:  Duration(90 * 24 * time.Hour),
		},
		HTTP: HTTP{Listen: "127.0.0.1:8080"},
		API:  API{OpenRead: true, KeyRate: 50, KeyBurst: 100, IPRate: 10, IPBurst: 40},
		Fetch: Fetch{
			UserAgent:          "newsintel/0.1 (+https://github.com/newsintel/newsintel; set fetch.user_agent to your contact)",
			Timeout:            Duration(30 * time.Second),
			MaxBodySize:        16 << 20,
			MaxRedirects:       10,
			PerHostRate:        1,
			PerHostConcurrency: 2,
			Concurrency:        16,
		},
		Extract: Stage{Concurrency: 2, AckWait: Duration(30 * time.Second), MaxDeliver: 5},
		Poll: Poll{
			Workers:         16,
			DefaultInterval: Duration(15 * time.Minute),
			MaxInterval:     Duration(24 * time.Hour),
			Timeout:         Duration(10 * time.Minute),
			MaxNewItems:     100,
		},
		Crawl: Crawl{
			MaxDepth:      2,
			Delay:         Duration(time.Second),
			Parallelism:   2,
			Workers:       8,
			Revisit:       Duration(time.Hour),
			SitemapMaxAge: Duration(30 * 24 * time.Hour),
		},
		Digest:  defaultDigest(),
		Runtime: Runtime{GCPercent: 1000},
		Index: Index{
			Replica:               "index",
			BatchSize:             256,
			BatchWait:             Duration(500 * time.Millisecond),
			AckWait:               Duration(60 * time.Second),
			MaxDeliver:            5,
			QueryTimeout:          Duration(5 * time.Second),
			MaxConcurrentSearches: 8,
		},
	}
}

// NATSStoreDir returns where the embedded JetStream store lives.
func (c *Config) NATSStoreDir() string {
	if c.NATS.StoreDir != "" {
		return c.NATS.StoreDir
	}
	return filepath.Join(c.DataDir, "nats")
}

// IndexDir returns where the Bleve index lives.
func (c *Config) IndexDir() string {
	if c.Index.Dir != "" {
		return c.Index.Dir
	}
	return filepath.Join(c.DataDir, "index")
}

// Embedded reports whether this process runs its own NATS server.
func (c *Config) Embedded() bool { return c.NATS.URL == "" }
