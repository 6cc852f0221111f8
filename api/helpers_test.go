package api

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/stretchr/testify/require"
)

// startAPI serves New(o) on an httptest server; o.Index defaults to a
// fresh demo index, and reading is open when o has no keys.
func startAPI(t testing.TB, o Options) *httptest.Server {
	t.Helper()
	if o.Index == nil {
		o.Index = demotest.Index(t)
	}
	if len(o.Access.Keys) == 0 {
		o.Access.OpenRead = true
	}
	if o.Gazetteer == nil {
		o.Gazetteer = entities.Builtin()
	}
	srv := httptest.NewServer(New(o))
	t.Cleanup(srv.Close)
	return srv
}

// call makes a request and decodes a JSON answer into a map (nil for
// other content).
func call(t testing.TB, method, u string, hdr map[string]string, body io.Reader) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, body)
	require.NoError(t, err)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var out map[string]any
	if json.Valid(data) && len(data) > 0 && data[0] == '{' {
		require.NoError(t, json.Unmarshal(data, &out))
	} else {
		out = map[string]any{"_raw": string(data)}
	}
	return resp, out
}

func get(t testing.TB, u string) (*http.Response, map[string]any) {
	t.Helper()
	return call(t, http.MethodGet, u, nil, nil)
}

// errMessage returns the message of a JSON error answer.
func errMessage(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	m, _ := e["message"].(string)
	return m
}
