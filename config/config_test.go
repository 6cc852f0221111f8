package config

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDefaultIsValid(t *testing.T) {
	c := Default()
	require.NoError(t, c.Validate())
	if !c.Embedded() {
		t.Fatal("default config is not embedded")
	}
	if got, want := c.IndexDir(), "data/index"; got != want {
		t.Errorf("IndexDir() = %q, want %q", got, want)
	}
}

func TestLoadYAML(t *testing.T) {
	c, err := Load(strings.NewReader(`
data_dir: /srv/newsintel
fetch:
  timeout: 45s
  max_body_size: 8MiB
  allow_private_networks: true
sources:
  - name: wire
    type: feed
    url: https://example.com/feed.xml
    interval: 15m
`), "test.yaml")
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	if c.Fetch.Timeout.D() != 45*time.Second || c.Fetch.MaxBodySize != 8<<20 || !c.Fetch.AllowPrivateNetworks {
		t.Errorf("fetch = %+v, want timeout 45s, 8MiB, private allowed", c.Fetch)
	}
	if c.NATS.Listen != "127.0.0.1:4222" {
		t.Errorf("nats.listen = %q, want the default kept", c.NATS.Listen)
	}
	if len(c.Sources) != 1 || c.Sources[0].Interval.D() != 15*time.Minute {
		t.Errorf("sources = %+v", c.Sources)
	}
}

func TestLoadErrorsNameKeyAndLine(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"unknown key", "fetch:\n  timeot: 3s\n", []string{"line 2", "timeot"}},
		{"bad duration", "fetch:\n  timeout: soon\n", []string{"not a duration", "soon"}},
		{"bad size", "nats:\n  max_store: lots\n", []string{"not a size"}},
		{"bad level", "log:\n  level: loud\n", []string{"log.level (t.yaml line 2)", "loud"}},
		{"bad source url", "sources:\n  - name: a\n    type: feed\n    url: ftp://x\n", []string{"sources.0.url (t.yaml line 4)"}},
		{"source type missing", "sources:\n  - name: a\n    url: https://x.org/\n", []string{"sources.0.type (t.yaml line 2)"}},
		{"duplicate source", "sources:\n  - {name: a, type: feed, url: 'https://x.org/'}\n  - {name: a, type: feed, url: 'https://y.org/'}\n", []string{"sources.1.name", "used by another"}},
		{"bad nats url", "nats:\n  url: http://x\n", []string{"nats.url (t.yaml line 2)"}},
		{"bucket age too short", "streams:\n  crawl_max_age: 10m\n", []string{"streams.crawl_max_age (t.yaml line 2)", "below 1h"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(strings.NewReader(tt.yaml), "t.yaml")
			if err == nil {
				err = c.Validate()
			}
			require.Error(t, err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error = %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestApplyEnv(t *testing.T) {
	c := Default()
	err := c.ApplyEnv([]string{
		"HOME=/root",
		"NEWSINTEL_FETCH_ALLOW_PRIVATE_NETWORKS=true",
		"NEWSINTEL_NATS_URL=nats://user:secret@10.0.0.1:4222",
		"NEWSINTEL_INDEX_BATCH_SIZE=64",
		"NEWSINTEL_FETCH_TIMEOUT=5s",
		"NEWSINTEL_NATS_MAX_STORE=1GiB",
		"NEWSINTEL_CONFIG=/etc/newsintel.yaml",
	})
	require.NoError(t, err)
	if !c.Fetch.AllowPrivateNetworks || c.Index.BatchSize != 64 || c.Fetch.Timeout.D() != 5*time.Second || c.NATS.MaxStore != 1<<30 {
		t.Errorf("overrides not applied: %+v %+v %+v", c.Fetch, c.Index, c.NATS)
	}
	if c.Embedded() {
		t.Error("Embedded() = true with nats.url set")
	}
	if s := c.String(); strings.Contains(s, "secret") || !strings.Contains(s, "REDACTED") {
		t.Errorf("String() does not redact the NATS password:\n%s", s)
	}
}

func TestApplyEnvErrors(t *testing.T) {
	for _, kv := range []string{"NEWSINTEL_FETCH_TIMOUT=1s", "NEWSINTEL_INDEX_BATCH_SIZE=many", "NEWSINTEL_FETCH_ALLOW_PRIVATE_NETWORKS=maybe"} {
		c := Default()
		err := c.ApplyEnv([]string{kv})
		name, _, _ := strings.Cut(kv, "=")
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("ApplyEnv(%q) = %v, want an error naming %s", kv, err, name)
		}
	}
}

func TestSizeRoundTrip(t *testing.T) {
	for in, want := range map[string]Size{"16MiB": 16 << 20, "1GB": 1e9, "512": 512, "2 KiB": 2048} {
		var s Size
		require.NoError(t, s.parse(in), in)
		if s != want {
			t.Errorf("parse(%q) = %d, want %d", in, s, want)
		}
	}
}
