package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/stretchr/testify/require"
)

func TestMetrics(t *testing.T) {
	ix := demotest.Index(t)
	extract := new(pipelines.Counters)
	extract.Processed.Add(7)
	extract.Dead.Add(2)
	reg := NewMetrics()
	reg.Register(MapCollector("newsintel_feed_events_total", "Feed poller events.", "event",
		func() map[string]int64 { return map[string]int64{"polls": 5, "not_modified": 2} }))
	reg.Register(func(context.Context) []Family {
		return []Family{{Name: "newsintel_fetch_results_total", Help: "Fetches by status.", Type: "counter",
			Samples: []Sample{{Labels: [][2]string{{"status", "200"}}, Value: 3}}}}
	})
	srv := startAPI(t, Options{
		Index: ix, Metrics: reg,
		Stages:   map[string]*pipelines.Counters{"extract": extract},
		Lag:      func(context.Context) (map[string]uint64, error) { return map[string]uint64{"extract": 4}, nil },
		DocCount: ix.Count,
		DiskSize: func() (int64, error) { return 12345, nil },
	})
	get(t, srv.URL+"/api/v1/search?q=alibaba")
	get(t, srv.URL+"/api/v1/search?size=1000000")
	resp, body := get(t, srv.URL+"/metrics")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	text, _ := body["_raw"].(string)
	docs, err := ix.Count()
	require.NoError(t, err)
	for _, want := range []string{
		`newsintel_stage_processed_total{stage="extract"} 7`,
		`newsintel_stage_dead_letters_total{stage="extract"} 2`,
		`newsintel_stage_pending_messages{stage="extract"} 4`,
		"newsintel_index_documents " + strconv.FormatUint(docs, 10),
		"newsintel_index_disk_bytes 12345",
		`newsintel_fetch_results_total{status="200"} 3`,
		`newsintel_feed_events_total{event="not_modified"} 2`,
		`newsintel_http_requests_total{route="GET /api/v1/search",status="200"} 1`,
		`newsintel_http_requests_total{route="GET /api/v1/search",status="400"} 1`,
		`newsintel_http_request_duration_seconds_count{route="GET /api/v1/search"} 2`,
		`# TYPE newsintel_http_request_duration_seconds histogram`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if _, err := strconv.ParseFloat(line[i+1:], 64); i <= 0 || err != nil {
			t.Errorf("malformed sample line %q", line)
		}
	}
}
