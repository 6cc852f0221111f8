package deliver_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// TestWebhookURLSecretsStayHidden posts to webhook URLs that carry their
// token in the user info, the path (as Slack's and Discord's do) and the
// query, and fail: neither the recorded delivery nor the log may show any
// of the three.
func TestWebhookURLSecretsStayHidden(t *testing.T) {
	const secrets = "/T0001/B0002/pathsecret?token=querysecret"
	closed := closedPort(t)
	cases := []struct {
		name         string
		url          func(h *hook) string
		allowPrivate bool
		wantState    string
	}{
		{"connection refused", func(*hook) string { return "http://usersecret:pwsecret@" + closed + secrets }, true, newsintel.DeliveryFailed},
		{"private address refused", func(*hook) string { return "http://usersecret:pwsecret@" + closed + secrets }, false, newsintel.DeliveryGaveUp},
		{"redirect", func(h *hook) string { return h.URL + secrets }, true, newsintel.DeliveryGaveUp},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			h := startHook(t, func(_ int, w http.ResponseWriter) {
				w.Header().Set("Location", "https://hooks.example.net/services/T0001/B0002/locsecret")
				w.WriteHeader(http.StatusFound)
			})
			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			d := f.deliverer(t, deliver.Options{AllowPrivate: c.allowPrivate, Log: log})
			sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: c.url(h), Secret: hookSecret})
			got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
			require.NoError(t, err)
			require.Equal(t, c.wantState, got.State, "attempts: %+v", got.Attempts)
			listed, err := json.Marshal(only(t, d, f.topic.ID))
			require.NoError(t, err)
			for _, secret := range []string{"usersecret", "pwsecret", "pathsecret", "querysecret", "locsecret"} {
				if strings.Contains(string(listed), secret) {
					t.Errorf("the listed delivery %s shows %q of the webhook URL", listed, secret)
				}
				if strings.Contains(logs.String(), secret) {
					t.Errorf("the log shows %q of the webhook URL:\n%s", secret, logs.String())
				}
			}
			if e := only(t, d, f.topic.ID); !strings.HasPrefix(e.Target, "http://127.0.0.1:") {
				t.Errorf("target %q, want the webhook's scheme and host", e.Target)
			}
		})
	}
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}
