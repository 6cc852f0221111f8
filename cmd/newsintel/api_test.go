package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/stretchr/testify/require"
)

// TestServeAPIAccessLimitsAndMetrics runs the real server with a closed
// API and checks keys, URL limits, metrics and the search CLI against it.
func TestServeAPIAccessLimitsAndMetrics(t *testing.T) {
	cfg := testConfig(t.TempDir())
	const secret = "test-admin-key"
	cfg.API.OpenRead = false
	cfg.API.Keys = []config.APIKey{{Name: "ops", Hash: api.HashKey(secret), Scopes: []string{"admin"}}}
	require.NoError(t, cfg.Validate())
	r := startServe(t, cfg, serveOptions{demo: true})
	base := "http://" + r.info.HTTPAddr

	resp := apiCall(t, "GET", base+"/api/v1/search", "")
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "search without a key on a closed API")

	var total float64
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) && total < 5 {
		var body map[string]any
		resp := apiCall(t, "GET", base+"/api/v1/search?q=alibaba", secret)
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		total, _ = body["total"].(float64)
		time.Sleep(200 * time.Millisecond)
	}
	require.GreaterOrEqual(t, total, 5.0, "demo documents about Alibaba")

	resp = apiCall(t, "GET", base+"/api/v1/search?q="+strings.Repeat("a", 100<<10), secret)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "100 KB query string")
	require.Contains(t, resp.Header.Get("Content-Type"), "json")
	require.Equal(t, http.StatusRequestHeaderFieldsTooLarge, hugeURLStatus(t, r.info.HTTPAddr), "1 MB URL")

	resp = apiCall(t, "GET", base+"/metrics", secret)
	text, _ := io.ReadAll(resp.Body)
	for _, want := range []string{`newsintel_stage_processed_total{stage="extract"}`, `newsintel_stage_pending_messages{stage="index"}`,
		"newsintel_index_documents ", "newsintel_index_disk_bytes ", `route="GET /api/v1/search"`} {
		require.Contains(t, string(text), want, "metrics")
	}

	req, err := http.NewRequestWithContext(t.Context(), "POST", base+"/api/v1/sources",
		strings.NewReader(`{"name":"npr-news","type":"feed","url":"https://feeds.npr.org/1001/rss.xml","interval":"30m"}`))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+secret)
	added, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	added.Body.Close()
	require.Equal(t, http.StatusCreated, added.StatusCode, "POST /api/v1/sources")
	opmlText, _ := io.ReadAll(apiCall(t, "GET", base+"/api/v1/sources.opml", secret).Body)
	require.Contains(t, string(opmlText), "https://feeds.npr.org/1001/rss.xml", "OPML export")
	require.Equal(t, http.StatusNoContent, apiCall(t, "DELETE", base+"/api/v1/sources/npr-news", secret).StatusCode, "DELETE source")
	listText, _ := io.ReadAll(apiCall(t, "GET", base+"/api/v1/sources", secret).Body)
	require.NotContains(t, string(listText), "npr-news", "sources after DELETE")

	var out bytes.Buffer
	cmd := rootCmd()
	cmd.SetOut(&out)
	cmd.SetArgs([]string{"search", "--server", base, "--api-key", secret, "--facets", "kind,company", "--size", "2", "alibaba"})
	require.NoError(t, cmd.ExecuteContext(t.Context()))
	for _, want := range []string{"PUBLISHED", "kind:", "company:", "next page: --cursor"} {
		require.Contains(t, out.String(), want, "search CLI output")
	}
}

func apiCall(t *testing.T, method, u, key string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, nil)
	require.NoError(t, err)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// hugeURLStatus sends a request line of 1 MB by hand and returns the
// status the server answers with before reading it all.
func hugeURLStatus(t *testing.T, addr string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	go func() {
		_, _ = io.WriteString(conn, "GET /api/v1/search?q="+strings.Repeat("a", 1<<20)+" HTTP/1.1\r\nHost: x\r\n\r\n")
	}()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	return resp.StatusCode
}
