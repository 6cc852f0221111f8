package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// unsubscribeFunc is an Unsubscriber made of a function.
type unsubscribeFunc func(ctx context.Context, token string) error

func (f unsubscribeFunc) Unsubscribe(ctx context.Context, token string) error { return f(ctx, token) }

// deliveryLogFunc is a DeliveryLog made of a function.
type deliveryLogFunc func(ctx context.Context, topicID string, from, size int) ([]deliver.Entry, int, error)

func (f deliveryLogFunc) Deliveries(ctx context.Context, topicID string, from, size int) ([]deliver.Entry, int, error) {
	return f(ctx, topicID, from, size)
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

func TestUnsubscribePage(t *testing.T) {
	var got []string
	srv := startAPI(t, Options{Unsubscribe: unsubscribeFunc(func(_ context.Context, token string) error {
		got = append(got, token)
		if token != "good" {
			return newsintel.Errorf(newsintel.ENOTFOUND, "this unsubscribe link is not valid")
		}
		return nil
	})})
	cases := []struct {
		name, method, query string
		status              int
		page                string
		calls               []string
	}{
		{"confirm page", "GET", "?token=good", 200, `<form method="post">`, nil},
		{"no token", "GET", "", 400, "carries no valid token", nil},
		{"unsubscribed", "POST", "?token=good", 200, "Unsubscribed", []string{"good"}},
		{"unknown token", "POST", "?token=bad", 404, "not valid", []string{"bad"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got = nil
			req, _ := http.NewRequestWithContext(t.Context(), c.method, srv.URL+"/unsubscribe"+c.query, strings.NewReader("List-Unsubscribe=One-Click"))
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			page := readAll(t, resp)
			if resp.StatusCode != c.status || !strings.Contains(page, c.page) {
				t.Errorf("%s %s: HTTP %d %q, want %d with %q", c.method, c.query, resp.StatusCode, page, c.status, c.page)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" || resp.Header.Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("Content-Type %q, Referrer-Policy %q; want an HTML page that leaks no token", ct, resp.Header.Get("Referrer-Policy"))
			}
			if fmt.Sprint(got) != fmt.Sprint(c.calls) {
				t.Errorf("Unsubscribe calls %v, want %v", got, c.calls)
			}
		})
	}
}

func TestUnsubscribeUnavailable(t *testing.T) {
	srv := startAPI(t, Options{Access: Access{OpenRead: true, Keys: []Key{{Name: "ops", Hash: HashKey("k"), Scopes: []string{ScopeAdmin}}}}})
	resp, err := http.Post(srv.URL+"/unsubscribe?token=x", "text/plain", nil)
	require.NoError(t, err)
	if page := readAll(t, resp); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(page, "not available") {
		t.Errorf("HTTP %d %q, want 503 saying unsubscribing is not available", resp.StatusCode, page)
	}
	resp, body := call(t, "GET", srv.URL+"/api/v1/topics/t1/deliveries", map[string]string{"X-API-Key": "k"}, nil)
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("deliveries without a ledger: HTTP %d %v, want 503", resp.StatusCode, body)
	}
}

func TestDeliveriesPaging(t *testing.T) {
	const key = "admin-secret"
	var asked []string
	log := deliveryLogFunc(func(_ context.Context, topicID string, from, size int) ([]deliver.Entry, int, error) {
		asked = append(asked, fmt.Sprintf("%s %d %d", topicID, from, size))
		var page []deliver.Entry
		for i := from; i < min(from+size, 3); i++ {
			page = append(page, deliver.Entry{Delivery: newsintel.Delivery{ID: fmt.Sprint("d", i), TopicID: topicID, State: newsintel.DeliverySent,
				Created: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, Target: "ana@example.org"})
		}
		return page, 3, nil
	})
	srv := startAPI(t, Options{Deliveries: log, Access: Access{OpenRead: true, Keys: []Key{{Name: "ops", Hash: HashKey(key), Scopes: []string{ScopeAdmin}}}}})
	auth := map[string]string{"Authorization": "Bearer " + key}
	resp, body := call(t, "GET", srv.URL+"/api/v1/topics/t1/deliveries?size=2", auth, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", body)
	if len(body["deliveries"].([]any)) != 2 || body["total"] != float64(3) || body["next_from"] != float64(2) {
		t.Errorf("first page %v, want 2 of 3 and next_from 2", body)
	}
	resp, body = call(t, "GET", srv.URL+"/api/v1/topics/t1/deliveries?from=2&size=2", auth, nil)
	if resp.StatusCode != http.StatusOK || len(body["deliveries"].([]any)) != 1 || body["next_from"] != nil {
		t.Errorf("last page HTTP %d %v, want 1 delivery and no next_from", resp.StatusCode, body)
	}
	if fmt.Sprint(asked) != "[t1 0 2 t1 2 2]" {
		t.Errorf("asked the ledger %v, want [t1 0 2 t1 2 2]", asked)
	}
	for _, q := range []string{"?size=0", "?size=101", "?from=-1", "?size=x"} {
		resp, body := call(t, "GET", srv.URL+"/api/v1/topics/t1/deliveries"+q, auth, nil)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: HTTP %d %v, want 400", q, resp.StatusCode, body)
		}
	}
	if resp, _ := get(t, srv.URL+"/api/v1/topics/t1/deliveries"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without a key: HTTP %d, want 401 (open reading does not cover addresses)", resp.StatusCode)
	}
}
