package web

import (
	"encoding/csv"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// csvLink finds the href of a page's CSV link.
var csvLink = regexp.MustCompile(`<a href="([^"]+)">CSV</a>`)

// TestUILinksToJSONAPIWithLogin: with reading closed, a logged-in user
// follows the claims and stories pages' CSV links and the autocomplete
// URL of the UI's script, which go to the JSON API, with nothing but the
// login cookie; the claims CSV holds every claim of the filter, not a
// page of them.
func TestUILinksToJSONAPIWithLogin(t *testing.T) {
	srv := startUI(t, Options{Access: keyedAccess(false)})
	_, key := login(t, srv.URL, readSecret, "/claims")
	require.NotEmpty(t, key, "login set no cookie")

	for _, page := range []string{"/claims?entity=company:alibaba", "/stories?entity=Alibaba"} {
		resp, body := fetch(t, http.MethodGet, srv.URL+page, withKey(key), nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", page, body)
		m := csvLink.FindStringSubmatch(body)
		require.NotNil(t, m, "%s has no CSV link", page)
		link := html.UnescapeString(m[1])
		require.True(t, strings.HasPrefix(link, "/api/v1/"), "%s CSV link %q is not the JSON API's", page, link)

		resp, _ = fetch(t, http.MethodGet, srv.URL+link, nil, nil)
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "%s without the cookie", link)
		resp, data := fetch(t, http.MethodGet, srv.URL+link, withKey(key), nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s with the login cookie: %s", link, data)
		rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
		require.NoError(t, err, "%s: CSV does not parse", link)
		require.Greater(t, len(rows), 1, "%s: no rows under the header", link)
		if strings.HasPrefix(link, "/api/v1/claims") {
			require.Equal(t, strconv.Itoa(len(rows)-1), resp.Header.Get("X-Total-Count"), "%s: rows exported, want every matching claim", link)
		}
	}

	resp, body := fetch(t, http.MethodGet, srv.URL+"/api/v1/entities?size=8&q=Alib", withKey(key), nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "autocomplete with the login cookie: %s", body)
	require.Contains(t, body, "Alibaba")
}
