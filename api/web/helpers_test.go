package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/stretchr/testify/require"
)

// startUI serves the API with the UI mounted, as newsintel serve does; o's
// Index defaults to a demo index and reading is open when o has no keys.
func startUI(t testing.TB, o Options) *httptest.Server {
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
	ix, _ := o.Index.(api.Searcher)
	srv := httptest.NewServer(api.New(api.Options{Index: ix, Gazetteer: o.Gazetteer, Sources: o.Sources, Access: o.Access,
		Topics: o.Topics, Digests: o.Digests, UI: New(o)}))
	t.Cleanup(srv.Close)
	return srv
}

// fetch makes a request without following redirects and returns the
// response and its body.
func fetch(t testing.TB, method, u string, hdr map[string]string, body io.Reader) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, body)
	require.NoError(t, err)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(data)
}

func getPage(t testing.TB, u string) (*http.Response, string) {
	t.Helper()
	return fetch(t, http.MethodGet, u, nil, nil)
}
