package api

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSearchBadInputIsRefusedFast(t *testing.T) {
	srv := startAPI(t, Options{})
	cases := []struct {
		name, query, want string
	}{
		{"unbalanced quotes", "q=" + url.QueryEscape(`"export controls`), "quote"},
		{"star alone", "q=*", "*"},
		{"regexp", "q=" + url.QueryEscape("/.*/"), "regular expression"},
		{"leading wildcard", "q=*cloud", "wildcard"},
		{"huge size", "size=1000000", "size"},
		{"negative from", "from=-1", "from"},
		{"deep window", "from=9995&size=10", "10000"},
		{"impossible date", "since=2021-13-45", "since"},
		{"until before since", "since=2024-02-01&until=2024-01-01", "swap"},
		{"unknown filter", "colour=red", "unknown parameter"},
		{"unknown sort", "sort=best", "sort"},
		{"unknown facet", "facets=colour", "facet"},
		{"unknown histogram", "histogram=hour", "day, week"},
		{"bad boolean", "has_anonymous=maybe", "true or false"},
		{"bad source type", "source_type=rumour", "source type"},
		{"bad kind", "kind=blog", "kind"},
		{"cursor from elsewhere", "search_after=%21%21", "search_after"},
		{"cursor with from", "search_after=AA.AA&from=10", "search_after"},
		{"deep nesting", "q=" + url.QueryEscape(strings.Repeat("(", 50)+"a"+strings.Repeat(")", 50)), "nest"},
		{"long query", "q=" + strings.Repeat("word+", 400), "1000"},
		{"query twice", "q=a&q=b", "once"},
		{"not a number", "size=ten", "whole number"},
		{"huge facet size", "facets=kind&facet_size=100000", "facet size"},
		{"100 KB query string", "q=" + strings.Repeat("a", 100<<10), "URL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			resp, body := get(t, srv.URL+"/api/v1/search?"+c.query)
			took := time.Since(start)
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, "status of %s: body %v", c.query[:min(len(c.query), 80)], body)
			msg := errMessage(body)
			if !strings.Contains(strings.ToLower(msg), strings.ToLower(c.want)) {
				t.Errorf("message %q does not mention %q", msg, c.want)
			}
			if took > 3*time.Second {
				t.Errorf("refusal took %v, want under 3s", took)
			}
		})
	}
}

func TestSearchFiltersFacetsAndHighlights(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, body := get(t, srv.URL+"/api/v1/search?q=alibaba&facets=kind,source,company&histogram=month")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	total, _ := body["total"].(float64)
	require.Positive(t, total, "hits for alibaba")
	facets, _ := body["facets"].(map[string]any)
	for _, f := range []string{"kind", "source", "company"} {
		if list, _ := facets[f].([]any); len(list) == 0 {
			t.Errorf("facet %s: got %v, want counts", f, facets[f])
		}
	}
	if h, _ := body["histogram"].([]any); len(h) == 0 {
		t.Errorf("histogram: got none, want monthly buckets")
	}
	hits, _ := body["hits"].([]any)
	first, _ := hits[0].(map[string]any)
	if snip, _ := first["snippet"].(string); !strings.Contains(snip, "<mark>") {
		t.Errorf("snippet %q has no <mark>", snip)
	}

	resp, body = get(t, srv.URL+"/api/v1/search?kind=filing")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	for _, h := range body["hits"].([]any) {
		if k := h.(map[string]any)["kind"]; k != "filing" {
			t.Errorf("kind=filing returned a hit of kind %v", k)
		}
	}
}

func TestSearchCursorPagesThroughEverything(t *testing.T) {
	srv := startAPI(t, Options{})
	_, all := get(t, srv.URL+"/api/v1/search?size=100")
	total := int(all["total"].(float64))
	require.Greater(t, total, 4, "demo documents")
	seen := map[string]bool{}
	cursor := ""
	for page := 0; page < total; page++ {
		u := srv.URL + "/api/v1/search?size=3"
		if cursor != "" {
			u += "&search_after=" + url.QueryEscape(cursor)
		}
		resp, body := get(t, u)
		require.Equal(t, http.StatusOK, resp.StatusCode, "page %d: %v", page, body)
		for _, h := range body["hits"].([]any) {
			id := h.(map[string]any)["id"].(string)
			if seen[id] {
				t.Fatalf("page %d repeats %s", page, id)
			}
			seen[id] = true
		}
		next, _ := body["next"].(string)
		if next == "" {
			break
		}
		cursor = next
	}
	if len(seen) != total {
		t.Errorf("cursor paging saw %d documents, want %d", len(seen), total)
	}
}
