package api

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/stretchr/testify/require"
)

// fakeRegistry is an in-memory SourceRegistry.
type fakeRegistry struct {
	mu      sync.Mutex
	sources []newsintel.SourceStatus
}

func (f *fakeRegistry) List(context.Context) ([]newsintel.SourceStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]newsintel.SourceStatus(nil), f.sources...), nil
}

func (f *fakeRegistry) Add(_ context.Context, s config.Source) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if s.Type != "feed" {
		return newsintel.Errorf(newsintel.EINVALID, "type %q is not supported", s.Type)
	}
	f.sources = append(f.sources, newsintel.SourceStatus{Name: s.Name, Type: s.Type, URL: s.URL, Interval: s.Interval.String(), Origin: "runtime"})
	return nil
}

func (f *fakeRegistry) Remove(_ context.Context, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, s := range f.sources {
		if s.Name == name {
			f.sources = append(f.sources[:i], f.sources[i+1:]...)
			return nil
		}
	}
	if name == "bbc" { // the access test removes it without adding it first
		return nil
	}
	return newsintel.Errorf(newsintel.ENOTFOUND, "no source %q", name)
}

func TestSourcesRoutes(t *testing.T) {
	reg := &fakeRegistry{}
	srv := startAPI(t, Options{Access: keyedAccess(true), Sources: reg})
	admin := map[string]string{"Authorization": "Bearer " + adminSecret, "Content-Type": "application/json"}

	resp, body := call(t, "POST", srv.URL+"/api/v1/sources", admin,
		strings.NewReader(`{"name":"npr","type":"feed","url":"https://feeds.npr.org/1001/rss.xml","interval":"15m"}`))
	require.Equal(t, http.StatusCreated, resp.StatusCode, "add: %v", body)

	resp, body = get(t, srv.URL+"/api/v1/sources")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	list, _ := body["sources"].([]any)
	require.Len(t, list, 1, "sources after one add: %v", body)
	if got := list[0].(map[string]any)["interval"]; got != "15m0s" {
		t.Errorf("interval %v, want 15m0s", got)
	}

	resp, body = get(t, srv.URL+"/api/v1/sources.opml")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	raw, _ := body["_raw"].(string)
	if !strings.Contains(raw, `xmlUrl="https://feeds.npr.org/1001/rss.xml"`) || !strings.Contains(resp.Header.Get("Content-Type"), "opml") {
		t.Errorf("OPML export %q (%s) lacks the feed", raw, resp.Header.Get("Content-Type"))
	}

	bad := []struct{ name, body, want string }{
		{"not JSON", `name=npr`, "not a source"},
		{"empty", ``, "empty"},
		{"unknown field", `{"name":"x","url":"https://a.example/","colour":"red"}`, "colour"},
		{"no url", `{"name":"x","type":"feed"}`, "url"},
		{"bad interval", `{"name":"x","type":"feed","url":"https://a.example/","interval":"often"}`, "interval"},
		{"refused by the registry", `{"name":"x","type":"gopher","url":"https://a.example/"}`, "gopher"},
	}
	for _, c := range bad {
		resp, body := call(t, "POST", srv.URL+"/api/v1/sources", admin, strings.NewReader(c.body))
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s: %v", c.name, body)
		if !strings.Contains(errMessage(body), c.want) {
			t.Errorf("%s: message %q does not mention %q", c.name, errMessage(body), c.want)
		}
	}

	resp, _ = call(t, "DELETE", srv.URL+"/api/v1/sources/npr", admin, nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	resp, body = call(t, "DELETE", srv.URL+"/api/v1/sources/npr", admin, nil)
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "second delete: %v", body)
}

func TestSourcesWithoutRegistryAre503(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, body := get(t, srv.URL+"/api/v1/sources")
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "body %v", body)
}
