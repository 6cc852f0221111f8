package poll_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"

	"github.com/newsintel/newsintel/ingest/poll"
)

// fixtureSite serves testdata/feeds/<name> at /feed (with {{BASE}}
// replaced by its URL) and an article page at every other path.
func fixtureSite(t *testing.T, name, contentType string) *httptest.Server {
	data, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
	require.NoError(t, err)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", contentType)
			w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", srv.URL)))
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Page %s</title></head><body><article><p>Full text of %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRealFeedFormats(t *testing.T) {
	store := startNATS(t)
	cases := []struct {
		file, contentType string
		links             []string // item links, relative to the site, in feed order
		authors           string   // authors of the first item, joined
		dated             int      // items with a published date
	}{
		{"bbc-rss2.xml", "application/rss+xml", []string{"/news/articles/c0chip1?at_medium=RSS&at_campaign=rss", "/news/articles/c0port2?at_medium=RSS&at_campaign=rss"}, "", 2},
		{"guardian-atom.xml", "application/atom+xml; charset=utf-8", []string{"/technology/2026/nov/03/cloud-review", "/technology/2026/nov/02/data-centres"}, "Jane Smith, Li Wei", 2},
		{"fedreg-rss1.xml", "application/rdf+xml", []string{"/documents/2026/11/03/2026-24101/export-administration-regulations", "/documents/2026/11/02/2026-24050/meeting-notice"}, "Industry and Security Bureau", 1},
		{"blog-jsonfeed.json", "application/feed+json", []string{"/posts/cloud-review", "/posts/undated"}, "Sam Ortiz", 1},
		{"wire-rss091.xml", "text/xml", []string{"/briefs/cafe-chain", "/briefs/shipping"}, "", 0},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			srv := fixtureSite(t, c.file, c.contentType)
			pub := &published{}
			p := store.newPoller(t, pub, testClient(5*time.Second))
			st, err := p.Poll(t.Context(), poll.Feed{Name: "fixture", URL: srv.URL + "/feed", Interval: time.Minute})
			require.NoError(t, err, "poll of %s", c.file)
			raws := pub.list()
			var links []string
			dated := 0
			for _, r := range raws {
				links = append(links, strings.TrimPrefix(r.Item.Link, srv.URL))
				if !r.Item.Published.IsZero() {
					dated++
				}
				if !strings.Contains(string(r.Body), "Full text of") || r.Item.Feed != srv.URL+"/feed" || r.Revision != 1 {
					t.Errorf("%s item %s: got body %.60q, feed %q, revision %d; want the page's full text, the feed URL, revision 1", c.file, r.Item.Link, r.Body, r.Item.Feed, r.Revision)
				}
			}
			slices.Sort(links)
			want := slices.Sorted(slices.Values(c.links))
			if !slices.Equal(links, want) || st.ItemsSeen != int64(len(c.links)) {
				t.Errorf("%s: got links %q (%d items seen), want %q", c.file, links, st.ItemsSeen, want)
			}
			if dated != c.dated {
				t.Errorf("%s: got %d dated items, want %d", c.file, dated, c.dated)
			}
			if c.authors != "" && !slices.ContainsFunc(raws, func(r newsintel.Raw) bool { return strings.Join(r.Item.Authors, ", ") == c.authors }) {
				t.Errorf("%s: got no item by %q", c.file, c.authors)
			}
		})
	}
}
