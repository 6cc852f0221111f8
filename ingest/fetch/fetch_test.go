package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func testClient(o Options) *Client {
	o.AllowPrivate = true
	if o.PerHostRate == 0 {
		o.PerHostRate = 1000
	}
	return New(o)
}

func TestBlockedAddresses(t *testing.T) {
	blocked := []string{"127.0.0.1", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "192.168.1.1",
		"169.254.169.254", "100.64.0.1", "fd00::1", "fe80::1", "224.0.0.1", "::ffff:127.0.0.1",
		"64:ff9b::7f00:1", "2002:7f00:1::", "255.255.255.255", "0.1.2.3"}
	for _, s := range blocked {
		if !Blocked(netip.MustParseAddr(s)) {
			t.Errorf("Blocked(%s) = false, want true", s)
		}
	}
	for _, s := range []string{"93.184.216.34", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808"} {
		if Blocked(netip.MustParseAddr(s)) {
			t.Errorf("Blocked(%s) = true, want false", s)
		}
	}
}

func TestGuardRefusesLoopbackAndRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("secret"))
	}))
	defer srv.Close()
	c := New(Options{Retries: 0})
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	for _, u := range []string{srv.URL, "http://localhost" + port + "/", "http://[::1]" + port + "/",
		"http://2130706433" + port + "/", "http://0x7f.1" + port + "/", "http://[::ffff:127.0.0.1]" + port + "/",
		"http://0.0.0.0" + port + "/"} {
		_, err := c.Get(t.Context(), Request{URL: u})
		if err == nil {
			t.Errorf("Get(%s) succeeded, want refusal", u)
			continue
		}
		// Names that do not resolve fail at lookup; every one that reaches a dial must be refused by the guard.
		if !errors.Is(err, ErrBlocked) && !strings.Contains(err.Error(), "no such host") {
			t.Errorf("Get(%s) = %v, want ErrBlocked", u, err)
		}
	}
	if _, err := c.Get(t.Context(), Request{URL: srv.URL}); !errors.Is(err, ErrBlocked) {
		t.Errorf("loopback: got %v, want ErrBlocked", err)
	}
}

func TestSchemes(t *testing.T) {
	c := testClient(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/", "gopher://x/"} {
		if _, err := c.Get(t.Context(), Request{URL: u}); !errors.Is(err, ErrScheme) {
			t.Errorf("Get(%s) = %v, want ErrScheme", u, err)
		}
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", 302) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", 302) })
	var n atomic.Int32
	mux.HandleFunc("/chain", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/chain?n="+string(rune('a'+n.Add(1))), 302)
	})
	mux.HandleFunc("/final", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/once", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/final", 301) })
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "file:///etc/passwd", 302) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(Options{MaxRedirects: 5})

	resp, err := c.Get(t.Context(), Request{URL: srv.URL + "/once"})
	require.NoError(t, err)
	if resp.FinalURL != srv.URL+"/final" || string(resp.Body) != "ok" {
		t.Errorf("redirect: final %q body %q", resp.FinalURL, resp.Body)
	}
	if _, err := c.Get(t.Context(), Request{URL: srv.URL + "/loop-a"}); !errors.Is(err, ErrRedirectLoop) {
		t.Errorf("loop: got %v, want ErrRedirectLoop", err)
	}
	if _, err := c.Get(t.Context(), Request{URL: srv.URL + "/chain"}); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("chain: got %v, want ErrTooManyRedirects", err)
	}
	if _, err := c.Get(t.Context(), Request{URL: srv.URL + "/to-file"}); !errors.Is(err, ErrScheme) {
		t.Errorf("to file: got %v, want ErrScheme", err)
	}
}

func TestBodyLimitAndGzipBomb(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("A"), 8<<20)) // 8 MiB of A compresses to ~8 KiB
	zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(bytes.Repeat([]byte("x"), 2<<20)) })
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/small-gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/plain")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("hello"))
		zw.Close()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(Options{MaxBodySize: 1 << 20})
	for _, p := range []string{"/big", "/bomb"} {
		if _, err := c.Get(t.Context(), Request{URL: srv.URL + p}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: got %v, want ErrTooLarge", p, err)
		}
	}
	resp, err := c.Get(t.Context(), Request{URL: srv.URL + "/small-gzip"})
	require.NoError(t, err)
	if string(resp.Body) != "hello" {
		t.Errorf("gzip body = %q, want hello", resp.Body)
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for i := 0; i < 50; i++ {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
	}))
	defer srv.Close()
	c := testClient(Options{Timeout: 300 * time.Millisecond, Retries: 0})
	start := time.Now()
	_, err := c.Get(t.Context(), Request{URL: srv.URL})
	if err == nil {
		t.Fatal("slow server: got nil error, want a timeout")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("slow server took %v, want about the 300ms timeout", d)
	}
}

func TestConditionalGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := testClient(Options{})
	r1, err := c.Get(t.Context(), Request{URL: srv.URL})
	require.NoError(t, err)
	r2, err := c.Get(t.Context(), Request{URL: srv.URL, ETag: r1.Header.Get("ETag")})
	require.NoError(t, err)
	if r1.NotModified || !r2.NotModified || len(r2.Body) != 0 {
		t.Errorf("NotModified = %v then %v (body %q), want false then true", r1.NotModified, r2.NotModified, r2.Body)
	}
}

func TestRetryAfter503(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(503)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := testClient(Options{Retries: 2})
	start := time.Now()
	resp, err := c.Get(t.Context(), Request{URL: srv.URL})
	require.NoError(t, err)
	if string(resp.Body) != "ok" || calls.Load() != 2 || time.Since(start) < 900*time.Millisecond {
		t.Errorf("calls=%d after %v, want 2 calls after the 1s Retry-After", calls.Load(), time.Since(start))
	}
	var se *StatusError
	c0 := testClient(Options{Retries: 0})
	calls.Store(0)
	_, err = c0.Get(t.Context(), Request{URL: srv.URL})
	if !errors.As(err, &se) || se.Code != 503 || se.RetryAfter != time.Second {
		t.Errorf("no retries: got %v, want a StatusError 503 with RetryAfter 1s", err)
	}
	if !Transient(err) {
		t.Errorf("Transient(%v) = false, want true", err)
	}
}

func TestCharsetConversion(t *testing.T) {
	text := "Café “Ökonomie” — naïve"
	cp1252, _ := charmap.Windows1252.NewEncoder().String(text)
	sjisText := "東京株式市場"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(sjisText)
	tests := []struct {
		name, contentType, body, want string
	}{
		{"windows-1252 header", "text/html; charset=windows-1252", "<p>" + cp1252 + "</p>", text},
		{"windows-1252 meta", "text/html", `<html><head><meta charset="windows-1252"></head><body>` + cp1252, text},
		{"iso-8859-1 label", "text/plain; charset=ISO-8859-1", "caf\xe9", "café"},
		{"shift_jis meta", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>` + sjis, sjisText},
		{"shift_jis xml decl", "application/rss+xml", `<?xml version="1.0" encoding="Shift_JIS"?><rss>` + sjis, sjisText},
		{"bogus charset falls back", "text/plain; charset=no-such-charset", "plain ascii", "plain ascii"},
		{"invalid utf-8 replaced", "application/json", "{\"a\":\"\xff\"}", "\uFFFD"},
		{"utf-8 bom", "text/html", "\xEF\xBB\xBF<p>café</p>", "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			resp, err := testClient(Options{}).Get(t.Context(), Request{URL: srv.URL})
			require.NoError(t, err)
			if !strings.Contains(string(resp.Body), tt.want) {
				t.Errorf("body = %q, want it to contain %q (charset %s)", resp.Body, tt.want, resp.Charset)
			}
		})
	}
}
