package api

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel/demo/demotest"
)

// TestOpenAPIDescribesEveryRoute checks, both ways, that the served
// description and the registered routes agree: each route is documented
// with its method, and each documented operation is served by the mux.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, doc := get(t, srv.URL+"/api/v1/openapi.json")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "3.1.0", doc["openapi"])
	paths, _ := doc["paths"].(map[string]any)
	require.NotEmpty(t, paths)

	s := New(Options{Index: demotest.Index(t)})
	registered := map[string]bool{}
	for _, rt := range s.table() {
		registered[rt.pattern()] = true
		item, _ := paths[rt.Path].(map[string]any)
		if _, ok := item[strings.ToLower(rt.Method)]; !ok {
			t.Errorf("route %s is not in openapi.json", rt.pattern())
		}
	}
	ids := map[string]string{}
	for path, item := range paths {
		for method, op := range item.(map[string]any) {
			id, _ := op.(map[string]any)["operationId"].(string)
			if other, dup := ids[id]; dup || id == "" {
				t.Errorf("operationId %q of %s %s is empty or also %s's", id, method, path, other)
			}
			ids[id] = method + " " + path
			pattern := strings.ToUpper(method) + " " + path
			if !registered[pattern] {
				t.Errorf("openapi.json documents %s, which is not a route", pattern)
				continue
			}
			// The mux must route it to that very pattern, not to a fallback.
			req, _ := http.NewRequest(strings.ToUpper(method), strings.NewReplacer("{id}", "x1", "{name}", "n1").Replace(path), nil)
			if _, got := s.mux.Handler(req); got != pattern {
				t.Errorf("the mux routes %s to %q, want %q", pattern, got, pattern)
			}
		}
	}
}

func TestOpenAPIDocumentsSearchParameters(t *testing.T) {
	srv := startAPI(t, Options{})
	_, doc := get(t, srv.URL+"/api/v1/openapi.json")
	op := doc["paths"].(map[string]any)["/api/v1/search"].(map[string]any)["get"].(map[string]any)
	var names []string
	for _, p := range op["parameters"].([]any) {
		names = append(names, p.(map[string]any)["name"].(string))
	}
	for _, p := range searchParams() {
		if !slices.Contains(names, p.Name) {
			t.Errorf("search parameter %s is accepted but not documented (documented: %v)", p.Name, names)
		}
	}
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, body := get(t, srv.URL+"/api/v1/nothing")
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "unknown path: %v", body)
	require.Contains(t, errMessage(body), "openapi.json")
	resp, body = call(t, "POST", srv.URL+"/api/v1/search", nil, nil)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "POST to a GET route: %v", body)
	if got := resp.Header.Get("Allow"); got != "GET" {
		t.Errorf("Allow %q, want GET", got)
	}
}
