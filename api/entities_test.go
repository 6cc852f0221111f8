package api

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/newsintel/newsintel/extract/entities"

	"github.com/stretchr/testify/require"
)

func TestEntityAutocomplete(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, body := get(t, srv.URL+"/api/v1/entities?q=alib&type=company")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	list, _ := body["entities"].([]any)
	require.NotEmpty(t, list, "suggestions for alib")
	first := list[0].(map[string]any)
	if name, _ := first["name"].(string); !strings.HasPrefix(strings.ToLower(name), "alibaba") {
		t.Errorf("first suggestion %v, want an Alibaba company", first)
	}
	for _, e := range list {
		if typ := e.(map[string]any)["type"]; typ != "company" {
			t.Errorf("type=company returned %v", e)
		}
	}

	bad := []struct{ query, want string }{
		{"", "q is empty"},
		{"q=a&type=ship", "type"},
		{"q=a&size=500", "size"},
		{"q=" + strings.Repeat("x", 200), "at most"},
		{"q=a&colour=red", "unknown parameter"},
	}
	for _, c := range bad {
		resp, body := get(t, srv.URL+"/api/v1/entities?"+c.query)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s: %v", c.query, body)
		if !strings.Contains(errMessage(body), c.want) {
			t.Errorf("%s: message %q does not mention %q", c.query, errMessage(body), c.want)
		}
	}
}

func TestEntityPage(t *testing.T) {
	srv := startAPI(t, Options{})
	// Take the most mentioned company of the corpus from a facet, so the
	// test follows the extractor rather than a guess.
	_, res := get(t, srv.URL+"/api/v1/search?facets=company")
	companies, _ := res["facets"].(map[string]any)["company"].([]any)
	require.NotEmpty(t, companies, "company facet")
	id := companies[0].(map[string]any)["term"].(string)

	resp, body := get(t, srv.URL+"/api/v1/entities/"+url.PathEscape(id)+"?interval=month")
	require.Equal(t, http.StatusOK, resp.StatusCode, "entity %s: %v", id, body)
	ent, _ := body["entity"].(map[string]any)
	if ent["id"] != id || ent["name"] == "" || ent["type"] != "company" {
		t.Errorf("entity %v, want id %s with a name and type company", ent, id)
	}
	if m, _ := body["mentions"].(float64); m < 1 {
		t.Errorf("mentions %v, want at least 1", body["mentions"])
	}
	if tl, _ := body["timeline"].([]any); len(tl) == 0 {
		t.Errorf("timeline empty")
	}
	latest, _ := body["latest"].(map[string]any)
	if arts, _ := latest["article"].([]any); len(arts) == 0 {
		t.Errorf("latest articles empty: %v", latest)
	}
	for _, c := range body["co_mentioned"].([]any) {
		if c.(map[string]any)["term"] == id {
			t.Errorf("entity %s listed as co-mentioned with itself", id)
		}
	}

	resp, body = get(t, srv.URL+"/api/v1/entities/company:no-such-firm-xyz")
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "unknown entity: %v", body)
	resp, body = get(t, srv.URL+"/api/v1/entities/nonsense")
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "malformed ID: %v", body)
	resp, body = get(t, srv.URL+"/api/v1/entities/"+url.PathEscape(id)+"?interval=hour")
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "bad interval: %v", body)
}

func TestSimilarDocuments(t *testing.T) {
	srv := startAPI(t, Options{})
	_, res := get(t, srv.URL+"/api/v1/search?q=alibaba+cloud&size=1")
	hits, _ := res["hits"].([]any)
	require.NotEmpty(t, hits)
	id := hits[0].(map[string]any)["id"].(string)

	resp, body := get(t, srv.URL+"/api/v1/documents/"+id+"/similar?size=5")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	sim, _ := body["hits"].([]any)
	require.NotEmpty(t, sim, "documents like %s", id)
	for _, h := range sim {
		if h.(map[string]any)["id"] == id {
			t.Errorf("%s is listed as similar to itself", id)
		}
	}
	resp, _ = get(t, srv.URL+"/api/v1/documents/0000000000000000000000000000dead/similar")
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "unknown document")
	resp, _ = get(t, srv.URL+"/api/v1/documents/"+id+"/similar?size=1000")
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "size=1000")
}

// TestEntityAutocompleteFromIndex finds an entity only the index knows
// (found by rules, absent from the gazetteer) by the start of its name.
func TestEntityAutocompleteFromIndex(t *testing.T) {
	srv := startAPI(t, Options{})
	_, res := get(t, srv.URL+"/api/v1/search?facets=company&facet_size=100")
	gaz := entities.Builtin()
	var id, name string
	for _, f := range res["facets"].(map[string]any)["company"].([]any) {
		m := f.(map[string]any)
		n, _ := m["name"].(string)
		if _, known := gaz.Entity(m["term"].(string)); !known && strings.Contains(n, " ") {
			id, name = m["term"].(string), n
			break
		}
	}
	if id == "" {
		t.Skip("every company of the corpus is in the gazetteer")
	}
	// the first word and the start of the second, as someone typing
	words := strings.Fields(name)
	prefix := words[0] + " " + words[1][:1]
	resp, body := get(t, srv.URL+"/api/v1/entities?type=company&q="+url.QueryEscape(prefix))
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	var ids []string
	for _, e := range body["entities"].([]any) {
		ids = append(ids, e.(map[string]any)["id"].(string))
	}
	if !slices.Contains(ids, id) {
		t.Errorf("q=%q suggests %v, want %s among them", prefix, ids, id)
	}
}

// TestEntityPageForAQuietEntity shows a gazetteer entity no document
// mentions: its names and identifiers, with zero mentions, not a 404.
func TestEntityPageForAQuietEntity(t *testing.T) {
	srv := startAPI(t, Options{})
	_, res := get(t, srv.URL+"/api/v1/search?facets=company&facet_size=100")
	mentioned := map[string]bool{}
	for _, f := range res["facets"].(map[string]any)["company"].([]any) {
		mentioned[f.(map[string]any)["term"].(string)] = true
	}
	var quiet string
	for _, e := range entities.Builtin().Search("s", "company", 50) {
		if !mentioned[e.ID] && len(e.Identifiers) > 0 {
			quiet = e.ID
			break
		}
	}
	require.NotEmpty(t, quiet, "a company with identifiers that the demo corpus does not mention")
	resp, body := get(t, srv.URL+"/api/v1/entities/"+url.PathEscape(quiet))
	require.Equal(t, http.StatusOK, resp.StatusCode, "entity %s: %v", quiet, body)
	ent := body["entity"].(map[string]any)
	if ent["name"] == "" || ent["identifiers"] == nil {
		t.Errorf("entity %v, want its gazetteer name and identifiers", ent)
	}
	if m := body["mentions"].(float64); m != 0 {
		t.Errorf("mentions %v, want 0", m)
	}
	for _, list := range []string{"timeline", "co_mentioned", "claims_by_source_type"} {
		if _, ok := body[list].([]any); !ok {
			t.Errorf("%s is %v, want an empty list", list, body[list])
		}
	}
}
