package api

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines/digest"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
	"github.com/stretchr/testify/require"
)

// TestLoginCookieOpensJSONAPI: with reading closed, the web UI's login
// cookie opens the JSON API's GET routes with its key's scopes, as a
// header would, and a write only from this site (the cross-origin check
// of the UI's forms).
func TestLoginCookieOpensJSONAPI(t *testing.T) {
	closed := startAPI(t, Options{Access: keyedAccess(false), Sources: &fakeRegistry{}})
	cookie := func(k string, more ...string) map[string]string {
		h := map[string]string{"Cookie": KeyCookie + "=" + k}
		for i := 0; i+1 < len(more); i += 2 {
			h[more[i]] = more[i+1]
		}
		return h
	}
	cases := []struct {
		name, method, path string
		hdr                map[string]string
		want               int
	}{
		{"no cookie", "GET", "/api/v1/claims?format=csv", nil, 401},
		{"read cookie, claims CSV", "GET", "/api/v1/claims?format=csv", cookie(readSecret), 200},
		{"read cookie, autocomplete", "GET", "/api/v1/entities?q=Alib", cookie(readSecret), 200},
		{"unknown cookie", "GET", "/api/v1/search", cookie("stale-key-0123456789"), 401},
		{"read cookie, admin route", "GET", "/debug/pprof/cmdline", cookie(readSecret), 403},
		{"admin cookie, admin route", "GET", "/debug/pprof/cmdline", cookie(adminSecret), 200},
		{"header wins over cookie", "GET", "/debug/pprof/cmdline", cookie(adminSecret, "Authorization", "Bearer "+readSecret), 403},
		{"admin cookie, cross-site write", "DELETE", "/api/v1/sources/bbc", cookie(adminSecret, "Sec-Fetch-Site", "cross-site"), 401},
		{"admin cookie, write from another origin", "DELETE", "/api/v1/sources/bbc", cookie(adminSecret, "Origin", "https://evil.example"), 401},
		{"admin cookie, same-origin write", "DELETE", "/api/v1/sources/bbc", cookie(adminSecret, "Sec-Fetch-Site", "same-origin"), 204},
		{"read cookie, same-origin write", "DELETE", "/api/v1/sources/bbc", cookie(readSecret, "Sec-Fetch-Site", "same-origin"), 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := call(t, c.method, closed.URL+c.path, c.hdr, nil)
			require.Equal(t, c.want, resp.StatusCode, "%s %s: body %v", c.method, c.path, body)
		})
	}
}

// manyClaimsIndex is an index on disk of docs documents with perDoc
// claims each, every claim about Alibaba from anonymous sources.
func manyClaimsIndex(t *testing.T, docs, perDoc int) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	day := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	var batch []newsintel.Document
	for i := range docs {
		u := fmt.Sprintf("https://news.example/alibaba-%d", i)
		d := newsintel.Document{ID: newsintel.ArticleID(u), Kind: newsintel.KindArticle, Source: "example", Publisher: "Example News",
			URL: u, Title: fmt.Sprintf("Alibaba review, part %d", i), Published: day.Add(time.Duration(i) * time.Hour),
			Fetched: day.Add(time.Duration(i) * time.Hour), Language: "en", Revision: 1}
		var body strings.Builder
		for j := range perDoc {
			text := fmt.Sprintf("Alibaba faces review number %d of its cloud unit %d", j, i)
			start := body.Len()
			body.WriteString(text + ", people familiar with the matter said. ")
			d.Claims = append(d.Claims, newsintel.Claim{Text: text, Cue: "said", Start: start, End: body.Len() - 1,
				TextStart: start, TextEnd: start + len(text), Entities: []string{"company:alibaba"},
				Source: newsintel.Source{Type: newsintel.SourceAnonymous, Description: "people familiar with the matter", Plural: true}})
		}
		d.Body = body.String()
		batch = append(batch, d)
	}
	require.NoError(t, ix.Put(t.Context(), batch))
	return ix
}

// TestClaimsCSVExportsPastOnePage: the CSV link exports every matching
// claim up to MaxCSVClaims, read a page at a time, not the first 100.
func TestClaimsCSVExportsPastOnePage(t *testing.T) {
	const docs, perDoc = 25, 10 // 250 claims: three index pages
	srv := startAPI(t, Options{Index: manyClaimsIndex(t, docs, perDoc)})
	resp, body := get(t, srv.URL+"/api/v1/claims?entity=company:alibaba&format=csv&size="+strconv.Itoa(MaxCSVClaims))
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	rows, err := csv.NewReader(strings.NewReader(body["_raw"].(string))).ReadAll()
	require.NoError(t, err, "CSV does not parse back")
	if got, want := len(rows)-1, docs*perDoc; got != want {
		t.Fatalf("CSV rows = %d, want %d (every claim)", got, want)
	}
	if got := resp.Header.Get("X-Total-Count"); got != strconv.Itoa(docs*perDoc) {
		t.Errorf("X-Total-Count = %q, want %d", got, docs*perDoc)
	}
	text := slices.Index(claimCSVHeader, "text")
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		if seen[r[text]] {
			t.Errorf("claim %q exported twice", r[text])
		}
		seen[r[text]] = true
	}

	resp, body = get(t, srv.URL+"/api/v1/claims?format=csv&size=120&from=200")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	rows, err = csv.NewReader(strings.NewReader(body["_raw"].(string))).ReadAll()
	require.NoError(t, err)
	if got := len(rows) - 1; got != 50 {
		t.Errorf("CSV rows from 200 = %d, want the last 50", got)
	}

	for _, q := range []string{"format=csv&size=10001", "format=csv&from=9950&size=100", "size=500"} {
		resp, body = get(t, srv.URL+"/api/v1/claims?"+q)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(errMessage(body), "size") {
			t.Errorf("GET /api/v1/claims?%s = %d %q, want 400 naming size", q, resp.StatusCode, errMessage(body))
		}
	}
}

// TestCookieAnswersStayPrivate: an answer the login cookie opened must not
// reach another user or another site's script. A topic feed, which
// caches may keep, is private to the browser when the cookie asked for
// it (a shared cache would otherwise hand a closed feed to anyone asking
// its URL), and no answer lets a cross-origin script read what the
// cookie opened (no Access-Control-Allow-Credentials).
func TestCookieAnswersStayPrivate(t *testing.T) {
	store, err := digest.NewStore(t.Context(), pipelinestest.Bus(t))
	require.NoError(t, err)
	ix := demotest.Index(t)
	acc := keyedAccess(false)
	acc.CORSOrigins = []string{"https://evil.example"} // even an origin CORS lets in reads nothing the cookie opened
	base := startAPI(t, Options{Index: ix, Access: acc, Topics: store, Digests: &digest.Builder{Index: ix}}).URL + "/api/v1/topics"
	resp, body := postJSON(t, base, admin, `{"name":"Cloud","query":{"q":"cloud"},"schedule":{"every":"daily"}}`)
	require.Equal(t, http.StatusCreated, resp.StatusCode, "create: %v", body)
	id, _ := body["id"].(string)
	token, _ := body["feed_token"].(string)
	withCookie := map[string]string{"Cookie": KeyCookie + "=" + readSecret, "Origin": "https://evil.example"}
	for _, feed := range []string{"feed.atom", "feed.json"} {
		resp, _ := call(t, http.MethodGet, base+"/"+id+"/"+feed, withCookie, nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s with the cookie", feed)
		if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "private") {
			t.Errorf("GET %s with the cookie: Cache-Control %q, want private", feed, cc)
		}
		if got := resp.Header.Get("Access-Control-Allow-Credentials"); got != "" {
			t.Errorf("GET %s with the cookie from another origin: Access-Control-Allow-Credentials %q, want none", feed, got)
		}
		resp, _ = call(t, http.MethodGet, base+"/"+id+"/"+feed+"?token="+token, nil, nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s with the feed token", feed)
		if cc := resp.Header.Get("Cache-Control"); strings.Contains(cc, "private") || !strings.Contains(cc, "max-age") {
			t.Errorf("GET %s with the feed token: Cache-Control %q, want a shared max-age (the token is in the URL)", feed, cc)
		}
	}
}
