package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsintel/newsintel/api"
	"github.com/stretchr/testify/require"
)

const (
	readSecret  = "read-secret-0123456789"
	adminSecret = "admin-secret-0123456789"
)

func keyedAccess(openRead bool) api.Access {
	return api.Access{OpenRead: openRead, Keys: []api.Key{
		{Name: "reader", Hash: api.HashKey(readSecret), Scopes: []string{api.ScopeRead}},
		{Name: "admin", Hash: api.HashKey(adminSecret), Scopes: []string{api.ScopeAdmin}},
	}}
}

// login posts the login form as a same-origin browser would and returns
// the key cookie it set ("" when none) and the response.
func login(t *testing.T, base, key, next string) (*http.Response, string) {
	t.Helper()
	form := url.Values{"key": {key}, "next": {next}}
	resp, _ := fetch(t, http.MethodPost, base+"/login", map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Origin": base, "Sec-Fetch-Site": "same-origin"},
		strings.NewReader(form.Encode()))
	for _, c := range resp.Cookies() {
		if c.Name == keyCookie {
			require.True(t, c.HttpOnly, "the key cookie is HttpOnly")
			require.Equal(t, http.SameSiteStrictMode, c.SameSite, "the key cookie is SameSite=Strict")
			return resp, c.Value
		}
	}
	return resp, ""
}

func withKey(key string) map[string]string { return map[string]string{"Cookie": keyCookie + "=" + key} }

func TestSourcesPageNeedsAdminKey(t *testing.T) {
	srv := startUI(t, Options{Access: keyedAccess(true), Sources: sourcesList(nil)})

	resp, body := getPage(t, srv.URL+"/sources")
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "without a key")
	require.Contains(t, body, `action="/login"`)
	require.NotContains(t, body, "harbor-feed")

	resp, key := login(t, srv.URL, "wrong-key", "/sources")
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "a wrong key")
	require.Empty(t, key, "a wrong key sets no cookie")

	resp, key = login(t, srv.URL, readSecret, "/sources")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, "/sources", resp.Header.Get("Location"))
	resp, body = fetch(t, http.MethodGet, srv.URL+"/sources", withKey(key), nil)
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "a read key on the admin page: %s", body)

	_, key = login(t, srv.URL, adminSecret, "/sources")
	resp, body = fetch(t, http.MethodGet, srv.URL+"/sources", withKey(key), nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, w := range []string{"harbor-feed", "wire-feed", "timeout reading feed", "1 failing", "Log out"} {
		require.Contains(t, body, w)
	}
	if strings.Index(body, "harbor-feed") > strings.Index(body, "wire-feed") {
		t.Errorf("the failing source is listed after the healthy one; want failing sources first")
	}
}

func TestReadingNeedsKeyWhenClosed(t *testing.T) {
	srv := startUI(t, Options{Access: keyedAccess(false)})
	resp, body := getPage(t, srv.URL+"/search?q=alibaba")
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	require.Contains(t, body, `value="/search?q=alibaba"`, "the login form returns to the page asked for")

	_, key := login(t, srv.URL, readSecret, "/search?q=alibaba")
	require.NotEmpty(t, key)
	resp, body = fetch(t, http.MethodGet, srv.URL+"/search?q=alibaba", withKey(key), nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, body, "<mark>")

	resp, _ = fetch(t, http.MethodPost, srv.URL+"/logout", map[string]string{"Origin": srv.URL, "Sec-Fetch-Site": "same-origin", "Cookie": keyCookie + "=" + key}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	cleared := false
	for _, c := range resp.Cookies() {
		cleared = cleared || (c.Name == keyCookie && c.MaxAge < 0)
	}
	require.True(t, cleared, "logging out clears the key cookie")
}

func TestFormsRefuseCrossOriginPosts(t *testing.T) {
	srv := startUI(t, Options{Access: keyedAccess(true)})
	form := url.Values{"key": {adminSecret}, "next": {"/sources"}}
	for name, hdr := range map[string]map[string]string{
		"cross-site fetch metadata": {"Sec-Fetch-Site": "cross-site"},
		"foreign origin":            {"Origin": "https://evil.example"},
	} {
		hdr["Content-Type"] = "application/x-www-form-urlencoded"
		resp, _ := fetch(t, http.MethodPost, srv.URL+"/login", hdr, strings.NewReader(form.Encode()))
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: POST /login answered %d, want 403", name, resp.StatusCode)
		}
		for _, c := range resp.Cookies() {
			if c.Name == keyCookie {
				t.Errorf("%s: a cross-origin login set the key cookie", name)
			}
		}
	}
}

func TestLocalPath(t *testing.T) {
	cases := map[string]string{
		"/sources": "/sources", "/search?q=a": "/search?q=a", "": "/", "//evil.example/x": "/",
		`/\evil.example`: "/", "https://evil.example/": "/", "sources": "/", "javascript:alert(1)": "/",
	}
	for in, want := range cases {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKeyCookieSecureBehindTLSProxy logs in through a reverse proxy that
// terminated HTTPS (the usual deployment): the key cookie must be Secure,
// or a single plain-http request to the host sends the key in clear.
func TestKeyCookieSecureBehindTLSProxy(t *testing.T) {
	srv := startUI(t, Options{Access: keyedAccess(false)})
	cases := []struct {
		name       string
		hdr        map[string]string
		wantSecure bool
	}{
		{"plain http", nil, false},
		{"X-Forwarded-Proto", map[string]string{"X-Forwarded-Proto": "https"}, true},
		{"X-Forwarded-Proto list", map[string]string{"X-Forwarded-Proto": "HTTPS, http"}, true},
		{"Forwarded", map[string]string{"Forwarded": `for=192.0.2.60;proto=https;by=203.0.113.43`}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hdr := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Origin": srv.URL, "Sec-Fetch-Site": "same-origin"}
			for k, v := range c.hdr {
				hdr[k] = v
			}
			form := url.Values{"key": {readSecret}, "next": {"/"}}
			for _, path := range []string{"/login", "/logout"} {
				resp, _ := fetch(t, http.MethodPost, srv.URL+path, hdr, strings.NewReader(form.Encode()))
				var got *http.Cookie
				for _, ck := range resp.Cookies() {
					if ck.Name == keyCookie {
						got = ck
					}
				}
				require.NotNil(t, got, "POST %s set no key cookie (HTTP %d)", path, resp.StatusCode)
				if got.Secure != c.wantSecure {
					t.Errorf("POST %s: cookie Secure = %v, want %v", path, got.Secure, c.wantSecure)
				}
			}
		})
	}
}
