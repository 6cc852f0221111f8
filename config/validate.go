package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"go.yaml.in/yaml/v3"
)

// Validate checks every key and returns one error listing each problem, each
// naming its key and, when the value came from the file, the file and line.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", c.where(key), fmt.Sprintf(format, args...)))
	}
	if strings.TrimSpace(c.DataDir) == "" {
		bad("data_dir", "must not be empty")
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level) {
		bad("log.level", "%q is not one of debug, info, warn, error", c.Log.Level)
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		bad("log.format", "%q is not text or json", c.Log.Format)
	}
	c.validateNATS(bad)
	if err := checkHostPort(c.HTTP.Listen); err != nil {
		bad("http.listen", "%v", err)
	}
	c.validateAPI(bad)
	c.validateFetch(bad)
	c.validateStages(bad)
	c.validatePoll(bad)
	c.validateCrawl(bad)
	c.validateDigest(bad)
	c.validateSources(bad)
	switch g := c.Runtime.GCPercent; {
	case g == -1 && c.Runtime.MemoryLimit == 0:
		bad("runtime.gc_percent", "-1 turns the collector off below runtime.memory_limit, so set runtime.memory_limit too")
	case g != -1 && (g < 10 || g > 100000):
		bad("runtime.gc_percent", "%d is not between 10 and 100000, or -1 for off", g)
	}
	if l := c.Runtime.MemoryLimit; l != 0 && l < 64<<20 {
		bad("runtime.memory_limit", "%v is below 64MiB; 0 is half the memory available", l)
	}
	if len(errs) > 0 {
		return fmt.Errorf("invalid configuration:\n%w", errors.Join(errs...))
	}
	return nil
}

type badFunc func(key, format string, args ...any)

func (c *Config) validateNATS(bad badFunc) {
	n := c.NATS
	if n.URL != "" {
		for _, one := range strings.Split(n.URL, ",") {
			u, err := url.Parse(strings.TrimSpace(one))
			if err != nil || (u.Scheme != "nats" && u.Scheme != "tls" && u.Scheme != "ws" && u.Scheme != "wss") || u.Host == "" {
				bad("nats.url", "%q is not a NATS URL such as nats://127.0.0.1:4222 (several may be joined by commas)", redactURL(one))
			}
		}
	} else if err := checkHostPort(n.Listen); err != nil {
		bad("nats.listen", "%v", err)
	}
	if n.SyncInterval != "always" {
		var d Duration
		if err := d.parse(n.SyncInterval); err != nil || d <= 0 {
			bad("nats.sync_interval", "%q is not \"always\" or a positive duration such as 2m", n.SyncInterval)
		}
	}
	if n.MaxMemory < 1<<20 {
		bad("nats.max_memory", "%s is below 1MiB", n.MaxMemory)
	}
	if n.MaxStore < 16<<20 {
		bad("nats.max_store", "%s is below 16MiB", n.MaxStore)
	}
	if n.Replicas < 1 || n.Replicas > 5 {
		bad("nats.replicas", "%d is not between 1 and 5", n.Replicas)
	}
	if c.Streams.DuplicateWindow <= 0 {
		bad("streams.duplicate_window", "must be positive")
	}
	for _, a := range []struct {
		key string
		age Duration
	}{
		{"streams.items_max_age", c.Streams.ItemsMaxAge}, {"streams.crawl_max_age", c.Streams.CrawlMaxAge}, {"streams.clusters_max_age", c.Streams.ClustersMaxAge},
	} {
		if a.age != 0 && a.age < Duration(time.Hour) {
			bad(a.key, "%s is below 1h (0 keeps keys forever)", a.age)
		}
	}
}

func (c *Config) validateFetch(bad badFunc) {
	f := c.Fetch
	if strings.TrimSpace(f.UserAgent) == "" {
		bad("fetch.user_agent", "must not be empty (the SEC refuses requests without a User-Agent naming a contact)")
	}
	if f.Timeout <= 0 {
		bad("fetch.timeout", "must be positive")
	}
	if f.MaxBodySize < 1<<10 {
		bad("fetch.max_body_size", "%s is below 1KiB", f.MaxBodySize)
	}
	if f.MaxRedirects < 0 || f.MaxRedirects > 20 {
		bad("fetch.max_redirects", "%d is not between 0 and 20", f.MaxRedirects)
	}
	if f.PerHostRate <= 0 {
		bad("fetch.per_host_rate", "must be positive")
	}
	if f.PerHostConcurrency < 1 {
		bad("fetch.per_host_concurrency", "must be at least 1")
	}
	if f.Concurrency < 1 {
		bad("fetch.concurrency", "must be at least 1")
	}
}

func (c *Config) validateStages(bad badFunc) {
	if c.Extract.Concurrency < 1 || c.Extract.Concurrency > 256 {
		bad("extract.concurrency", "%d is not between 1 and 256", c.Extract.Concurrency)
	}
	if c.Extract.AckWait < Duration(1e9) {
		bad("extract.ack_wait", "must be at least 1s")
	}
	if c.Extract.MaxDeliver < 1 {
		bad("extract.max_deliver", "must be at least 1")
	}
	ix := c.Index
	if !newsintel.ValidID(ix.Replica) {
		bad("index.replica", "%q must be letters, digits, '-' or '_'", ix.Replica)
	}
	if ix.BatchSize < 1 || ix.BatchSize > 10000 {
		bad("index.batch_size", "%d is not between 1 and 10000", ix.BatchSize)
	}
	if ix.BatchWait <= 0 {
		bad("index.batch_wait", "must be positive")
	}
	if ix.AckWait < Duration(1e9) {
		bad("index.ack_wait", "must be at least 1s")
	}
	if ix.MaxDeliver < 1 {
		bad("index.max_deliver", "must be at least 1")
	}
	if ix.QueryTimeout <= 0 {
		bad("index.query_timeout", "must be positive")
	}
	if ix.MaxConcurrentSearches < 1 {
		bad("index.max_concurrent_searches", "must be at least 1")
	}
}

func (c *Config) validatePoll(bad badFunc) {
	p := c.Poll
	if p.Workers < 1 || p.Workers > 1024 {
		bad("poll.workers", "%d is not between 1 and 1024", p.Workers)
	}
	if p.DefaultInterval < Duration(10e9) {
		bad("poll.default_interval", "%s is below 10s", p.DefaultInterval)
	}
	if p.MaxInterval < p.DefaultInterval {
		bad("poll.max_interval", "%s is below poll.default_interval (%s)", p.MaxInterval, p.DefaultInterval)
	}
	if p.Timeout < Duration(1e9) {
		bad("poll.timeout", "must be at least 1s")
	}
	if p.MaxNewItems < 1 {
		bad("poll.max_new_items", "must be at least 1")
	}
}

func (c *Config) validateCrawl(bad badFunc) {
	k := c.Crawl
	if k.MaxDepth < 0 || k.MaxDepth > 20 {
		bad("crawl.max_depth", "%d is not between 0 and 20", k.MaxDepth)
	}
	if k.Delay < 0 {
		bad("crawl.delay", "must not be negative")
	}
	if k.Parallelism < 1 || k.Parallelism > 64 {
		bad("crawl.parallelism", "%d is not between 1 and 64", k.Parallelism)
	}
	if k.Workers < 1 || k.Workers > 1024 {
		bad("crawl.workers", "%d is not between 1 and 1024", k.Workers)
	}
	if k.Revisit < 0 || k.Revisit > 0 && k.Revisit < Duration(60e9) {
		bad("crawl.revisit", "%s: use 0 (never) or at least 1m", k.Revisit)
	}
	if k.ArticleRevisit < 0 || k.ArticleRevisit > 0 && k.ArticleRevisit < Duration(60e9) {
		bad("crawl.article_revisit", "%s: use 0 (never) or at least 1m", k.ArticleRevisit)
	}
	if k.SitemapMaxAge < 0 {
		bad("crawl.sitemap_max_age", "must not be negative (0 keeps every entry)")
	}
	if k.MaxPages < 0 {
		bad("crawl.max_pages", "must not be negative (0 is no limit)")
	}
}

func (c *Config) validateSources(bad badFunc) {
	seen := map[string]bool{}
	for i, s := range c.Sources {
		key := fmt.Sprintf("sources.%d", i)
		if seen[s.Name] && newsintel.ValidID(s.Name) {
			bad(key+".name", "%q is used by another source", s.Name)
		}
		seen[s.Name] = true
		checkSource(s, func(field, format string, args ...any) { bad(key+"."+field, format, args...) })
	}
}

// ValidateSource checks one source as the sources list of the file is
// checked (for sources added at run time) and returns an EINVALID
// *newsintel.Error naming each bad field, or nil.
func ValidateSource(s Source) error {
	var problems []string
	checkSource(s, func(field, format string, args ...any) {
		problems = append(problems, field+": "+fmt.Sprintf(format, args...))
	})
	if len(problems) > 0 {
		return newsintel.Errorf(newsintel.EINVALID, "source %q: %s", s.Name, strings.Join(problems, "; "))
	}
	return nil
}

// checkSource reports each bad field of s to bad, by its key within the source.
func checkSource(s Source, bad badFunc) {
	if !newsintel.ValidID(s.Name) {
		bad("name", "%q must be 1-128 letters, digits, '-' or '_'", s.Name)
	}
	if !slices.Contains([]string{"feed", "crawl", "edgar", "fedreg"}, s.Type) {
		bad("type", "%q is not one of feed, crawl, edgar, fedreg", s.Type)
	}
	if s.Kind != "" && !newsintel.Kind(s.Kind).Valid() {
		bad("kind", "%q is not one of article, filing, notice", s.Kind)
	}
	if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("url", "%q is not an http or https URL", s.URL)
	}
	if s.Interval < 0 || (s.Interval > 0 && s.Interval < Duration(1e9)*10) {
		bad("interval", "%s is below 10s", s.Interval)
	}
}

// where names a key with the file and line its value came from.
func (c *Config) where(key string) string {
	if line, ok := c.lines[key]; ok {
		return fmt.Sprintf("%s (%s line %d)", key, c.file, line)
	}
	// a missing key inside a list item: name the item's line
	if i := strings.LastIndex(key, "."); i > 0 {
		if line, ok := c.lines[key[:i]]; ok {
			return fmt.Sprintf("%s (%s line %d)", key, c.file, line)
		}
	}
	return key
}

func checkHostPort(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not host:port (e.g. 127.0.0.1:8080)", addr)
	}
	if port == "" {
		return fmt.Errorf("%q has no port", addr)
	}
	return nil
}

// String returns the configuration as YAML with secrets redacted, for
// `newsintel config` and start-up logs.
func (c Config) String() string {
	c.NATS.URL = redactURL(c.NATS.URL)
	if c.Digest.SMTP.Password != "" {
		c.Digest.SMTP.Password = "REDACTED"
	}
	out, err := yaml.Marshal(c)
	if err != nil {
		return "config: " + err.Error()
	}
	return string(out)
}

// redactURL hides the password of a URL's user info; a comma-separated
// list of URLs has each redacted.
func redactURL(s string) string {
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for i, p := range parts {
			parts[i] = redactURL(strings.TrimSpace(p))
		}
		return strings.Join(parts, ",")
	}
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "REDACTED")
	}
	return u.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
