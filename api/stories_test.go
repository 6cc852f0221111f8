package api

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The demo corpus reports the Commerce review of Alibaba's cloud first in
// WireWatch on three anonymous sources (2021-06-14), then in copies and
// in other outlets citing it; CloudBeat carries Alibaba calling it false.
func TestStoriesAlibabaReviewStory(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, body := get(t, srv.URL+"/api/v1/stories?entity=Alibaba&since=2021-06-01&until=2021-07-31")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	if body["truncated"] != false || body["claims_read"].(float64) < 10 {
		t.Errorf("truncated %v after reading %v claims, want false and at least 10", body["truncated"], body["claims_read"])
	}
	stories, _ := body["stories"].([]any)
	require.NotEmpty(t, stories)
	top := stories[0].(map[string]any)
	first := top["first_report"].(map[string]any)
	if first["publisher"] != "WireWatch" || first["attribution"] != "own_sources" || first["source_type"] != "anonymous" {
		t.Errorf("first report %v / %v / %v, want WireWatch, own_sources, anonymous", first["publisher"], first["attribution"], first["source_type"])
	}
	reports, _ := top["reports"].([]any)
	counts := top["counts"].(map[string]any)
	byAttr := counts["by_attribution"].(map[string]any)
	if len(reports) < 6 || counts["outlets"].(float64) < 5 || byAttr["via"] == nil {
		t.Errorf("%d reports, counts %v; want at least 6 reports from 5 outlets, some via another outlet", len(reports), counts)
	}
	var denial map[string]any
	for _, l := range top["links"].([]any) {
		if m := l.(map[string]any); m["label"] == "denies" {
			denial = m
		}
	}
	require.NotNil(t, denial, "no denial among links %v", top["links"])
	why := denial["why"].(map[string]any)
	if denial["publisher"] != "CloudBeat" || !strings.Contains(why["cue"].(string), "false") || len(why["shared_entities"].([]any)) == 0 || denial["delay"] == "" {
		t.Errorf("denial %v (why %v), want CloudBeat calling the report false, with shared entities and a delay", denial["publisher"], why)
	}
}

func TestStoryByIDAndCSV(t *testing.T) {
	srv := startAPI(t, Options{})
	_, list := get(t, srv.URL+"/api/v1/stories?entity=company:alibaba")
	top := list["stories"].([]any)[0].(map[string]any)
	id := top["id"].(string)

	resp, one := get(t, srv.URL+"/api/v1/stories/"+url.PathEscape(id))
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", one)
	if one["id"] != id || len(one["reports"].([]any)) != len(top["reports"].([]any)) || len(one["links"].([]any)) != len(top["links"].([]any)) {
		t.Errorf("story %v has %d reports and %d links, want %s with %d and %d", one["id"], len(one["reports"].([]any)),
			len(one["links"].([]any)), id, len(top["reports"].([]any)), len(top["links"].([]any)))
	}

	resp, raw := get(t, srv.URL+"/api/v1/stories/"+url.PathEscape(id)+"?format=csv")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type %q, want text/csv", ct)
	}
	rows, err := csv.NewReader(strings.NewReader(raw["_raw"].(string))).ReadAll()
	require.NoError(t, err)
	if want := 1 + len(top["reports"].([]any)) + len(top["links"].([]any)); len(rows) != want {
		t.Fatalf("%d CSV rows, want %d (header, a row per report and per link)", len(rows), want)
	}
	if rows[0][0] != "story_id" || rows[1][0] != id || rows[1][1] != "report" || rows[len(rows)-1][1] != "link" {
		t.Errorf("CSV header %v, first row %v, last row %v; want story_id, then reports, then links", rows[0], rows[1][:2], rows[len(rows)-1][:2])
	}

	resp, raw = get(t, srv.URL+"/api/v1/stories?entity=Alibaba&format=csv&size=3")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	rows, err = csv.NewReader(strings.NewReader(raw["_raw"].(string))).ReadAll()
	require.NoError(t, err)
	if len(rows) < 1+len(top["reports"].([]any)) {
		t.Errorf("list CSV has %d rows, want at least the header and the top story's %d reports", len(rows), len(top["reports"].([]any)))
	}
}

func TestStoriesBadInput(t *testing.T) {
	srv := startAPI(t, Options{})
	for _, tc := range []struct {
		path   string
		status int
		says   string
	}{
		{"/api/v1/stories?entty=Alibaba", http.StatusBadRequest, "unknown parameter"},
		{"/api/v1/stories?size=500", http.StatusBadRequest, "size=500"},
		{"/api/v1/stories?format=xml", http.StatusBadRequest, "format"},
		{"/api/v1/stories?since=yesterday", http.StatusBadRequest, "since"},
		{"/api/v1/stories?since=2021-07-01&until=2021-06-01", http.StatusBadRequest, "before"},
		{"/api/v1/stories/not-a-story", http.StatusBadRequest, "not a story ID"},
		{"/api/v1/stories/0123456789abcdef0123456789abcdef.00000000", http.StatusNotFound, "no document"},
		{"/api/v1/stories/0123456789abcdef0123456789abcdef.00000000?size=3", http.StatusBadRequest, "unknown parameter"},
	} {
		resp, body := get(t, srv.URL+tc.path)
		if resp.StatusCode != tc.status || !strings.Contains(errMessage(body), tc.says) {
			t.Errorf("GET %s = %d %q, want %d saying %q", tc.path, resp.StatusCode, errMessage(body), tc.status, tc.says)
		}
	}
}
