package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
	"github.com/newsintel/newsintel/pipelines/digest"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
)

// TestDeliveriesOfRealLedger delivers to three webhooks (one taking it,
// one gone, one down) through the real deliverer and ledger on embedded
// JetStream, then reads the topic's deliveries and /metrics from the API:
// the list is newest first, an unknown topic is a 404, and /metrics
// counts the attempts by channel and outcome with a histogram of send
// times.
func TestDeliveriesOfRealLedger(t *testing.T) {
	bus := pipelinestest.Bus(t)
	store, err := digest.NewStore(t.Context(), bus)
	require.NoError(t, err)
	d, err := deliver.New(t.Context(), bus, deliver.Options{Subscriptions: store, AllowPrivate: true})
	require.NoError(t, err)
	topic, err := store.CreateTopic(t.Context(), newsintel.Topic{Name: "Alibaba cloud", Query: newsintel.TopicQuery{Q: "Alibaba"}, Schedule: newsintel.Schedule{Every: "daily", At: "07:30"}})
	require.NoError(t, err)
	statuses := []int{http.StatusOK, http.StatusGone, http.StatusServiceUnavailable}
	for i, status := range statuses {
		hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(status) }))
		t.Cleanup(hook.Close)
		sub, err := store.AddSubscription(t.Context(), topic.ID, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: hook.URL + "/" + string(rune('a'+i)), Secret: "0123456789abcdef0123"})
		require.NoError(t, err)
		dg := &newsintel.Digest{TopicID: topic.ID, TopicName: topic.Name, Since: time.Now().Add(-time.Hour), Until: time.Now()}
		_, err = d.Deliver(t.Context(), topic, sub, dg, "alert:doc"+string(rune('a'+i)))
		require.NoError(t, err)
	}
	srv := startAPI(t, Options{Access: keyedAccess(true), Topics: store, Deliveries: d})
	admin := map[string]string{"Authorization": "Bearer " + adminSecret}

	resp, body := call(t, "GET", srv.URL+"/api/v1/topics/"+topic.ID+"/deliveries?size=2", admin, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", body)
	list, _ := body["deliveries"].([]any)
	require.Len(t, list, 2, "%v", body)
	if first := list[0].(map[string]any); first["period"] != "alert:docc" || first["state"] != newsintel.DeliveryFailed {
		t.Errorf("newest delivery = %v, want the failed alert:docc", first)
	}
	if body["total"] != float64(3) || body["next_from"] != float64(2) {
		t.Errorf("total %v next_from %v, want 3 and 2", body["total"], body["next_from"])
	}
	resp, body = call(t, "GET", srv.URL+"/api/v1/topics/0123456789abcdef/deliveries", admin, nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("deliveries of an unknown topic: HTTP %d %v, want 404", resp.StatusCode, body)
	}

	resp, body = get(t, srv.URL+"/metrics")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	text := body["_raw"].(string)
	for _, want := range []string{
		`newsintel_delivery_attempts_total{channel="webhook",state="sent"} 1`,
		`newsintel_delivery_attempts_total{channel="webhook",state="gave_up"} 1`,
		`newsintel_delivery_attempts_total{channel="webhook",state="failed"} 1`,
		"# TYPE newsintel_delivery_duration_seconds histogram",
		`newsintel_delivery_duration_seconds_bucket{channel="webhook",le="+Inf"} 3`,
		`newsintel_delivery_duration_seconds_count{channel="webhook"} 3`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %q; got:\n%s", want, text)
		}
	}
}
