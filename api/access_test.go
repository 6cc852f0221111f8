package api

import (
	"bytes"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	readSecret  = "read-secret-0123456789"
	adminSecret = "admin-secret-0123456789"
)

func keyedAccess(openRead bool) Access {
	return Access{
		OpenRead: openRead,
		Keys: []Key{
			{Name: "reader", Hash: HashKey(readSecret), Scopes: []string{ScopeRead}},
			{Name: "ops", Hash: HashKey(adminSecret), Scopes: []string{ScopeAdmin}},
		},
	}
}

func TestAccessByScope(t *testing.T) {
	reg := &fakeRegistry{}
	closed := startAPI(t, Options{Access: keyedAccess(false), Sources: reg})
	open := startAPI(t, Options{Access: keyedAccess(true), Sources: reg})
	bearer := func(k string) map[string]string { return map[string]string{"Authorization": "Bearer " + k} }
	cases := []struct {
		name   string
		srv    string
		method string
		path   string
		hdr    map[string]string
		want   int
	}{
		{"closed read without key", closed.URL, "GET", "/api/v1/search", nil, 401},
		{"closed read with read key", closed.URL, "GET", "/api/v1/search", bearer(readSecret), 200},
		{"closed read with X-API-Key", closed.URL, "GET", "/api/v1/search", map[string]string{"X-API-Key": readSecret}, 200},
		{"closed read with admin key", closed.URL, "GET", "/api/v1/search", bearer(adminSecret), 200},
		{"unknown key", open.URL, "GET", "/api/v1/search", bearer("guess"), 401},
		{"basic auth is not a key", open.URL, "GET", "/api/v1/search", map[string]string{"Authorization": "Basic " + readSecret}, 401},
		{"open read without key", open.URL, "GET", "/api/v1/search", nil, 200},
		{"open write without key", open.URL, "DELETE", "/api/v1/sources/bbc", nil, 401},
		{"write with read key", open.URL, "DELETE", "/api/v1/sources/bbc", bearer(readSecret), 403},
		{"write with admin key", open.URL, "DELETE", "/api/v1/sources/bbc", bearer(adminSecret), 204},
		{"pprof without key", open.URL, "GET", "/debug/pprof/", nil, 401},
		{"pprof with read key", open.URL, "GET", "/debug/pprof/", bearer(readSecret), 403},
		{"pprof with admin key", open.URL, "GET", "/debug/pprof/cmdline", bearer(adminSecret), 200},
		{"probes need nothing", closed.URL, "GET", "/healthz", nil, 200},
		{"openapi needs nothing", closed.URL, "GET", "/api/v1/openapi.json", nil, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := call(t, c.method, c.srv+c.path, c.hdr, nil)
			require.Equal(t, c.want, resp.StatusCode, "%s %s: body %v", c.method, c.path, body)
			if c.want >= 400 {
				require.NotEmpty(t, errMessage(body), "JSON error of %s %s", c.method, c.path)
			}
			if c.want == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
		})
	}
}

func TestHashKeyIsSHA256Hex(t *testing.T) {
	got := HashKey("abc")
	want := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got != want {
		t.Errorf("HashKey(abc) = %s, want %s", got, want)
	}
}

func TestRateLimitPerKeyAndPerIP(t *testing.T) {
	a := keyedAccess(true)
	a.KeyRate = Rate{PerSecond: 0.01, Burst: 3}
	a.IPRate = Rate{PerSecond: 0.01, Burst: 2}
	srv := startAPI(t, Options{Access: a})
	codes := func(hdr map[string]string, n int) []int {
		var out []int
		for range n {
			resp, _ := call(t, "GET", srv.URL+"/api/v1/search?size=1", hdr, nil)
			out = append(out, resp.StatusCode)
			if resp.StatusCode == 429 {
				if ra := resp.Header.Get("Retry-After"); ra == "" || ra == "0" {
					t.Errorf("429 with Retry-After %q, want a positive number of seconds", ra)
				}
			}
		}
		return out
	}
	require.Equal(t, []int{200, 200, 429}, codes(nil, 3), "anonymous requests from one address")
	require.Equal(t, []int{200, 200, 200, 429}, codes(map[string]string{"X-API-Key": readSecret}, 4), "requests with a key")
	require.Equal(t, []int{200}, codes(map[string]string{"X-API-Key": adminSecret}, 1), "another key has its own bucket")
	resp, _ := get(t, srv.URL+"/healthz")
	require.Equal(t, 200, resp.StatusCode, "probes are not limited")

	// Wrong keys spend the address's tokens: guessing is limited too.
	guess := startAPI(t, Options{Access: a})
	require.Equal(t, []int{401, 401, 429}, func() []int {
		var out []int
		for range 3 {
			resp, _ := call(t, "GET", guess.URL+"/api/v1/search", map[string]string{"X-API-Key": "guess"}, nil)
			out = append(out, resp.StatusCode)
		}
		return out
	}(), "requests with wrong keys")
}

func TestLimiterRefillsAndStaysBounded(t *testing.T) {
	l := newLimiter(Rate{}, Rate{PerSecond: 1, Burst: 1})
	now := time.Unix(1_700_000_000, 0)
	l.now = func() time.Time { return now }
	r, _ := http.NewRequest("GET", "/", nil)
	r.RemoteAddr = "192.0.2.1:1234"
	if _, ok := l.allow(nil, r); !ok {
		t.Fatal("first request refused")
	}
	if wait, ok := l.allow(nil, r); ok || wait != 1 {
		t.Errorf("second request: got ok=%v wait=%d, want refused with wait 1", ok, wait)
	}
	now = now.Add(time.Second)
	if _, ok := l.allow(nil, r); !ok {
		t.Error("request after a second refused")
	}
	for i := range maxBuckets + 10 {
		r.RemoteAddr = "[2001:db8::" + strconv.FormatInt(int64(i), 16) + "]:80"
		l.allow(nil, r)
	}
	if n := len(l.buckets); n > maxBuckets {
		t.Errorf("limiter holds %d buckets, want at most %d", n, maxBuckets)
	}
}

func TestCORS(t *testing.T) {
	a := keyedAccess(true)
	a.CORSOrigins = []string{"https://analyst.example"}
	srv := startAPI(t, Options{Access: a})
	pre := map[string]string{"Origin": "https://analyst.example", "Access-Control-Request-Method": "GET"}
	resp, _ := call(t, "OPTIONS", srv.URL+"/api/v1/search", pre, nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "https://analyst.example" {
		t.Errorf("preflight Allow-Origin %q, want the origin", got)
	}
	if got := resp.Header.Get("Access-Control-Allow-Headers"); !strings.Contains(got, "Authorization") {
		t.Errorf("preflight Allow-Headers %q, want Authorization among them", got)
	}
	resp, _ = call(t, "GET", srv.URL+"/api/v1/search", map[string]string{"Origin": "https://evil.example"}, nil)
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("foreign origin got Allow-Origin %q, want none", got)
	}
}

func TestRequestID(t *testing.T) {
	var logs syncBuffer
	srv := startAPI(t, Options{Log: slog.New(slog.NewJSONHandler(&logs, nil))})
	resp, _ := call(t, "GET", srv.URL+"/healthz", map[string]string{"X-Request-ID": "trace-42"}, nil)
	if got := resp.Header.Get("X-Request-ID"); got != "trace-42" {
		t.Errorf("X-Request-ID %q, want the client's trace-42", got)
	}
	resp, _ = call(t, "GET", srv.URL+"/healthz", map[string]string{"X-Request-ID": "<script>"}, nil)
	if got := resp.Header.Get("X-Request-ID"); got == "" || got == "<script>" {
		t.Errorf("X-Request-ID %q, want a fresh ID replacing an unsafe one", got)
	}
	if !strings.Contains(logs.String(), `"request_id":"trace-42"`) {
		t.Errorf("request log %s lacks the request ID trace-42", logs.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
