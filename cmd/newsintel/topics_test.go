package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// runCLI runs the newsintel command line with args and returns its
// output and error.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := rootCmd()
	cmd.SetOut(&out)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(t.Context())
	return out.String(), err
}

// TestTopicsCommands adds, lists, previews and removes a topic of a
// running server with the demo corpus through the CLI.
func TestTopicsCommands(t *testing.T) {
	cfg := testConfig(t.TempDir())
	const secret = "test-admin-key"
	cfg.API.OpenRead = true
	cfg.API.Keys = []config.APIKey{{Name: "ops", Hash: api.HashKey(secret), Scopes: []string{"admin"}}}
	require.NoError(t, cfg.Validate())
	r := startServe(t, cfg, serveOptions{demo: true})
	base := "http://" + r.info.HTTPAddr
	waitAtLeast(t, r.info.HTTPAddr, "alibaba", 5)
	server := []string{"--nats", r.info.NATSURL}

	_, err := runCLI(t, append([]string{"topics", "add", "--name", "bad", "--query", `"export controls`}, server...)...)
	if err == nil || !strings.Contains(err.Error(), "quote") {
		t.Errorf("topics add with an unbalanced quote: %v, want the index's reason", err)
	}
	_, err = runCLI(t, append([]string{"topics", "add", "--name", "bad", "--at", "25:00"}, server...)...)
	if err == nil || !strings.Contains(err.Error(), "hour 25 is out of range") {
		t.Errorf("topics add --at 25:00: %v, want the hour named", err)
	}

	out, err := runCLI(t, append([]string{"topics", "add", "--name", "Alibaba cloud", "--filter", "company=Alibaba",
		"--every", "daily", "--at", "7:30", "--tz", "America/New_York", "--anonymous-only", "cloud"}, server...)...)
	require.NoError(t, err)
	id := regexp.MustCompile(`added topic ([0-9a-f]+)`).FindStringSubmatch(out)
	require.Len(t, id, 2, "output %q", out)

	out, err = runCLI(t, "topics", "list", "--nats", r.info.NATSURL)
	require.NoError(t, err)
	if !strings.Contains(out, id[1]) || !strings.Contains(out, "daily at 07:30 America/New_York") || !strings.Contains(out, "cloud company=Alibaba") {
		t.Errorf("topics list:\n%s\nwant the topic with its schedule", out)
	}

	since := time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	until := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	out, err = runCLI(t, "digest", "run", "alibaba CLOUD", "--dry-run", "--since", since, "--until", until, "--server", base)
	require.NoError(t, err)
	for _, want := range []string{"Alibaba cloud: digest for", "TOP STORIES", "  1. "} {
		if !strings.Contains(out, want) {
			t.Errorf("digest run --dry-run lacks %q:\n%s", want, out)
		}
	}
	if _, err := runCLI(t, "digest", "run", id[1], "--server", base); err == nil || !strings.Contains(err.Error(), "--dry-run") {
		t.Errorf("digest run without --dry-run: %v, want it to say only --dry-run is supported", err)
	}

	out, err = runCLI(t, append([]string{"topics", "subscribe", id[1], "--email", "analyst@example.com"}, server...)...)
	require.NoError(t, err)
	require.Contains(t, out, "(email) added")
	out, err = runCLI(t, "topics", "preview", id[1], "--server", base, "--json")
	require.NoError(t, err)
	require.Contains(t, out, `"topic_name": "Alibaba cloud"`, "preview --json")
	out, err = runCLI(t, append([]string{"topics", "rm", "Alibaba cloud"}, server...)...)
	require.NoError(t, err)
	require.Contains(t, out, "removed topic "+id[1])
	out, err = runCLI(t, "topics", "list", "--nats", r.info.NATSURL)
	require.NoError(t, err)
	if strings.Contains(out, id[1]) {
		t.Errorf("topics list after rm still shows %s:\n%s", id[1], out)
	}
}

// waitAtLeast polls the search API until q has at least n hits.
func waitAtLeast(t *testing.T, addr, q string, n uint64) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var res apiSearch
		getJSON(t, "http://"+addr+"/api/v1/search?q="+q, &res)
		if res.Total >= n {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("search %q did not reach %d hits", q, n)
}

// freshSite serves testdata/site as site does, its articles dated an
// hour ago instead of March 2024: news, not a backfill (which would alert
// nobody).
func freshSite(t *testing.T) *httptest.Server {
	t.Helper()
	old := site(t)
	hourAgo := time.Now().Add(-time.Hour)
	isoDate := regexp.MustCompile(`2024-03-0\dT\d\d:\d\d:\d\d-05:00`)
	rssDate := regexp.MustCompile(`\w{3}, 0\d Mar 2024 \d\d:\d\d:\d\d -0500`)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(old.URL + r.URL.RequestURI())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		text := strings.ReplaceAll(string(body), old.URL, srv.URL)
		text = isoDate.ReplaceAllString(text, hourAgo.Format(time.RFC3339))
		text = rssDate.ReplaceAllString(text, hourAgo.Format(time.RFC1123Z))
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		_, _ = io.WriteString(w, text)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestServeDeliversAlerts runs the whole pipeline with the digest stage:
// a topic asking for alerts, subscribed by a webhook (a real HTTP server
// in the test), gets the matching article ingested afterwards as a
// signed alert, once; the article that does not match sends nothing.
func TestServeDeliversAlerts(t *testing.T) {
	const secret = "alert-secret-0123456789"
	type hit struct {
		body []byte
		sig  string
	}
	hits := make(chan hit, 10)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hits <- hit{body: body, sig: r.Header.Get(deliver.HeaderSignature)}
	}))
	t.Cleanup(hook.Close)
	srv := freshSite(t)
	cfg := testConfig(t.TempDir())
	cfg.Digest.Webhook.AllowPrivate = true // the test's webhook listens on loopback
	r := startServe(t, cfg, serveOptions{})
	nats := []string{"--nats", r.info.NATSURL}

	out, err := runCLI(t, append([]string{"topics", "add", "--name", "Dredging", "--query", "dredging", "--alerts"}, nats...)...)
	require.NoError(t, err)
	id := regexp.MustCompile(`added topic ([0-9a-f]+)`).FindStringSubmatch(out)
	require.Len(t, id, 2, "output %q", out)
	_, err = runCLI(t, append([]string{"topics", "subscribe", id[1], "--webhook", hook.URL + "/alerts", "--secret", secret}, nats...)...)
	require.NoError(t, err)

	require.NoError(t, runIngest(t.Context(), cfg, r.info.NATSURL, ingestTarget{source: "harbor", kind: newsintel.KindArticle},
		[]string{srv.URL + "/feed.xml"}, io.Discard, slog.New(slog.DiscardHandler)))
	var got hit
	select {
	case got = <-hits:
	case <-time.After(90 * time.Second): // generous: the whole pipeline runs, on a loaded machine
		t.Fatal("no alert reached the webhook within 90s")
	}
	require.NoError(t, deliver.Verify(secret, got.sig, got.body, time.Now(), 5*time.Minute), "signature %q", got.sig)
	if !strings.Contains(string(got.body), "port-dredging") || !strings.Contains(string(got.body), `"alert:`) {
		t.Errorf("alert body %s, want the dredging article as an alert", got.body)
	}
	select {
	case extra := <-hits:
		t.Errorf("a second delivery %s, want only the dredging article's alert", extra.body)
	case <-time.After(2 * time.Second):
	}
}
