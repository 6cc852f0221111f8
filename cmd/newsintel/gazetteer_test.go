package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/stretchr/testify/require"
)

// listServer serves the gazetteer fixtures, or body for every path when
// body is not nil, and records the User-Agent of each request.
type listServer struct {
	mu     sync.Mutex
	agents []string
	body   []byte
}

func (s *listServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.agents = append(s.agents, r.UserAgent())
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if s.body != nil {
		w.Write(s.body)
		return
	}
	http.ServeFile(w, r, filepath.Join("testdata", "gazetteer", filepath.Base(r.URL.Path)))
}

func TestGazetteerUpdate(t *testing.T) {
	ls := &listServer{}
	srv := httptest.NewServer(ls)
	defer srv.Close()
	cfg := testConfig(t.TempDir())
	cfg.Fetch.UserAgent = "newsintel-test ops@example.org"
	dir := gazetteerDir(cfg)
	lists := gazetteerLists(srv.URL+"/company_tickers.json", srv.URL+"/agencies.json")

	var out bytes.Buffer
	err := updateGazetteer(t.Context(), newFetcher(cfg), dir, lists, &out)
	require.NoError(t, err, out.String())
	for _, f := range []string{entities.SECTickersFile, entities.FRAgenciesFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	for _, ua := range ls.agents {
		if ua != cfg.Fetch.UserAgent {
			t.Errorf("User-Agent = %q, want %q", ua, cfg.Fetch.UserAgent)
		}
	}
	g, err := entities.Load(dir)
	require.NoError(t, err)
	ms := g.Tag("The Industry and Security Bureau said Nvidia would need a license.")
	found := map[newsintel.EntityType]bool{}
	for _, m := range ms {
		found[m.Type] = true
	}
	if !found[newsintel.EntityAgency] || !found[newsintel.EntityCompany] {
		t.Errorf("mentions after update = %+v, want an agency and a company", ms)
	}
	if !strings.Contains(out.String(), "SEC company tickers: 12 entities") {
		t.Errorf("output = %q, want the SEC list counted", out.String())
	}
}

// TestGazetteerUpdateKeepsOldFile checks that a malformed or empty download
// does not replace a good list and is reported.
func TestGazetteerUpdateKeepsOldFile(t *testing.T) {
	for name, body := range map[string]string{
		"html error page": "<html><body>Request rate exceeded</body></html>",
		"empty object":    "{}",
		"truncated":       `{"0":{"cik_str":320193,"ticker":"AAPL","ti`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(&listServer{body: []byte(body)})
			defer srv.Close()
			cfg := testConfig(t.TempDir())
			dir := gazetteerDir(cfg)
			require.NoError(t, os.MkdirAll(dir, 0o755))
			old := []byte(`{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."}}`)
			path := filepath.Join(dir, entities.SECTickersFile)
			require.NoError(t, os.WriteFile(path, old, 0o644))

			lists := gazetteerLists(srv.URL+"/company_tickers.json", srv.URL+"/agencies.json")
			var out bytes.Buffer
			err := updateGazetteer(t.Context(), newFetcher(cfg), dir, lists, &out)
			if err == nil {
				t.Fatalf("updateGazetteer = nil, want an error; output %q", out.String())
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, old) {
				t.Errorf("%s = %q after a bad download, want the old %q", path, got, old)
			}
			if _, err := os.Stat(filepath.Join(dir, entities.FRAgenciesFile)); err == nil {
				t.Errorf("%s written from a bad download", entities.FRAgenciesFile)
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
			if len(leftovers) != 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
}

func TestGazetteerUpdateForbiddenSaysUserAgent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Your request has been identified as part of a network of automated tools", http.StatusForbidden)
	}))
	defer srv.Close()
	cfg := testConfig(t.TempDir())
	lists := gazetteerLists(srv.URL+"/company_tickers.json", srv.URL+"/agencies.json")
	var out bytes.Buffer
	err := updateGazetteer(t.Context(), newFetcher(cfg), gazetteerDir(cfg), lists, &out)
	if err == nil || !strings.Contains(err.Error(), "fetch.user_agent") {
		t.Errorf("err = %v, want a hint about fetch.user_agent", err)
	}
}
