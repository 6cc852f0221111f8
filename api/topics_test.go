package api

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/pipelines/digest"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
)

// startTopicsAPI serves the API over the demo index with a topic store on
// an embedded JetStream server and a digest builder; reading is open,
// writing needs adminSecret.
func startTopicsAPI(t *testing.T) string {
	t.Helper()
	return startTopicsAPIWith(t, true)
}

// startTopicsAPIWith is startTopicsAPI with reading open or needing a key.
func startTopicsAPIWith(t *testing.T, openRead bool) string {
	t.Helper()
	store, err := digest.NewStore(t.Context(), pipelinestest.Bus(t))
	require.NoError(t, err)
	ix := demotest.Index(t)
	return startAPI(t, Options{Index: ix, Access: keyedAccess(openRead), Topics: store, Digests: &digest.Builder{Index: ix}}).URL
}

// TestTopicFeedToken checks that, with reading closed, a topic's feeds
// open with its feed token (what a feed reader can keep in a URL) and with
// nothing else: no token, a wrong one, another topic's; and that the
// token survives an update of the topic.
func TestTopicFeedToken(t *testing.T) {
	base := startTopicsAPIWith(t, false) + "/api/v1/topics"
	newTopic := func(name string) (id, token string) {
		resp, body := postJSON(t, base, admin, `{"name":"`+name+`","query":{"q":"cloud"},"schedule":{"every":"daily"}}`)
		require.Equal(t, http.StatusCreated, resp.StatusCode, "create: %v", body)
		id, _ = body["id"].(string)
		token, _ = body["feed_token"].(string)
		require.Len(t, token, 32, "feed token of %v", body)
		return id, token
	}
	a, tokenA := newTopic("Alibaba cloud")
	_, tokenB := newTopic("Other")
	resp, body := call(t, http.MethodPut, base+"/"+a, admin, strings.NewReader(`{"name":"Alibaba cloud, renamed","query":{"q":"cloud"},"schedule":{"every":"daily"}}`))
	require.Equal(t, http.StatusOK, resp.StatusCode, "update: %v", body)
	if body["feed_token"] != tokenA {
		t.Errorf("feed token after update %v, want it kept (%s)", body["feed_token"], tokenA)
	}
	for _, feed := range []string{"feed.atom", "feed.json"} {
		u := base + "/" + a + "/" + feed
		for _, c := range []struct {
			query string
			want  int
		}{{"", http.StatusUnauthorized}, {"?token=wrong", http.StatusUnauthorized}, {"?token=" + tokenB, http.StatusUnauthorized}, {"?token=" + tokenA, http.StatusOK}} {
			resp, err := http.Get(u + c.query)
			require.NoError(t, err)
			resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("GET %s%s: HTTP %d, want %d", feed, c.query, resp.StatusCode, c.want)
			}
		}
	}
	if resp, _ := get(t, base+"/"+a+"?token="+tokenA); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the topic itself with the feed token: HTTP %d, want 401 (the token opens only the feeds)", resp.StatusCode)
	}
}

var admin = map[string]string{"Authorization": "Bearer " + adminSecret, "Content-Type": "application/json"}

func postJSON(t *testing.T, u string, hdr map[string]string, body string) (*http.Response, map[string]any) {
	t.Helper()
	return call(t, http.MethodPost, u, hdr, strings.NewReader(body))
}

func TestTopicsCRUD(t *testing.T) {
	base := startTopicsAPI(t) + "/api/v1/topics"
	resp, body := postJSON(t, base, admin, `{"name":"Alibaba cloud","query":{"q":"cloud","filters":{"company":["Alibaba Group"]}},
		"schedule":{"every":"daily","at":"7:30","timezone":"America/New_York"},"options":{"max_items":10,"include_claims":true}}`)
	require.Equal(t, http.StatusCreated, resp.StatusCode, "create: %v", body)
	id, _ := body["id"].(string)
	require.NotEmpty(t, id)
	if at := body["schedule"].(map[string]any)["at"]; at != "07:30" {
		t.Errorf("stored at %v, want 07:30", at)
	}

	resp, body = get(t, base)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	if list, _ := body["topics"].([]any); len(list) != 1 {
		t.Errorf("list %v, want the one topic", body)
	}
	resp, body = call(t, http.MethodPut, base+"/"+id, admin, strings.NewReader(`{"name":"Alibaba and regulators","query":{"q":"cloud"},"schedule":{"every":"weekly","weekday":"monday"}}`))
	require.Equal(t, http.StatusOK, resp.StatusCode, "update: %v", body)
	resp, body = get(t, base+"/"+id)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	if body["name"] != "Alibaba and regulators" || body["id"] != id {
		t.Errorf("after update %v, want the new name and the same ID", body)
	}
	resp, _ = call(t, http.MethodDelete, base+"/"+id, admin, nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	resp, body = get(t, base+"/"+id)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("after delete: HTTP %d %v, want 404", resp.StatusCode, body)
	}
}

// TestTopicRefusals checks that a topic the index could not run, or with
// a bad schedule, is refused at creation with the reason, and that
// writing needs the admin scope.
func TestTopicRefusals(t *testing.T) {
	base := startTopicsAPI(t) + "/api/v1/topics"
	cases := []struct{ name, body, want string }{
		{"unbalanced quote", `{"name":"x","query":{"q":"\"export controls"},"schedule":{"every":"daily"}}`, "quote"},
		{"unknown field", `{"name":"x","query":{"q":"colour:red"},"schedule":{"every":"daily"}}`, "colour"},
		{"unknown filter", `{"name":"x","query":{"filters":{"colour":["red"]}},"schedule":{"every":"daily"}}`, `unknown filter "colour"`},
		{"hour 25", `{"name":"x","schedule":{"every":"daily","at":"25:00"}}`, `schedule.at "25:00": hour 25 is out of range`},
		{"unknown zone", `{"name":"x","schedule":{"every":"daily","timezone":"Europe/Atlantis"}}`, `schedule.timezone "Europe/Atlantis"`},
		{"unknown every", `{"name":"x","schedule":{"every":"monthly"}}`, `schedule.every "monthly" is unknown`},
		{"weekday", `{"name":"x","schedule":{"every":"weekly","weekday":"someday"}}`, `schedule.weekday "someday"`},
		{"unknown body field", `{"name":"x","schedule":{"every":"daily"},"colour":"red"}`, "colour"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := postJSON(t, base, admin, c.body)
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(errMessage(body), c.want) {
				t.Errorf("POST %s: HTTP %d %q, want 400 containing %q", c.body, resp.StatusCode, errMessage(body), c.want)
			}
		})
	}
	resp, _ := postJSON(t, base, map[string]string{"Authorization": "Bearer " + readSecret}, `{"name":"x","schedule":{"every":"daily"}}`)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("create with a read key: HTTP %d, want 403", resp.StatusCode)
	}
}

func TestSubscriptionsHideSecrets(t *testing.T) {
	base := startTopicsAPI(t) + "/api/v1/topics"
	_, body := postJSON(t, base, admin, `{"name":"Alibaba","query":{"q":"alibaba"},"schedule":{"every":"hourly"}}`)
	subs := base + "/" + body["id"].(string) + "/subscriptions"
	secret := "webhook-secret-0123456789"
	resp, body := postJSON(t, subs, admin, `{"channel":"webhook","url":"https://hooks.example.com/x","secret":"`+secret+`"}`)
	require.Equal(t, http.StatusCreated, resp.StatusCode, "%v", body)
	sid, _ := body["id"].(string)
	resp, body = postJSON(t, subs, admin, `{"email":"not-an-address"}`)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(errMessage(body), "not an e-mail address") {
		t.Errorf("bad e-mail: HTTP %d %q, want 400 naming it", resp.StatusCode, errMessage(body))
	}
	resp, raw := call(t, http.MethodGet, subs, admin, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	data, _ := json.Marshal(raw)
	if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, []byte(`"token"`)) || !bytes.Contains(data, []byte(`"has_secret":true`)) {
		t.Errorf("subscription list %s shows the secret or the token, or hides that there is a secret", data)
	}
	resp, _ = get(t, subs)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("listing subscriptions without a key: HTTP %d, want 401 (they hold addresses)", resp.StatusCode)
	}
	resp, _ = call(t, http.MethodDelete, subs+"/"+sid, admin, nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
}

// TestTopicFeeds parses both feeds of a topic over the demo corpus back
// with gofeed and checks what Atom (RFC 4287) and JSON Feed 1.1 require.
func TestTopicFeeds(t *testing.T) {
	base := startTopicsAPI(t) + "/api/v1/topics"
	_, body := postJSON(t, base, admin, `{"name":"Alibaba cloud","query":{"q":"alibaba"},"schedule":{"every":"daily"}}`)
	feedBase := base + "/" + body["id"].(string)

	atomData, ctype := fetch(t, feedBase+"/feed.atom")
	require.True(t, strings.HasPrefix(ctype, "application/atom+xml"), "Content-Type %q", ctype)
	f, err := gofeed.NewParser().ParseString(string(atomData))
	require.NoError(t, err, "%s", atomData)
	if f.FeedType != "atom" || f.Title == "" || f.UpdatedParsed == nil || len(f.Authors) == 0 || f.FeedLink != feedBase+"/feed.atom" {
		t.Errorf("atom feed type %q title %q updated %v authors %v self %q: want atom, a title, a date, an author and the self link", f.FeedType, f.Title, f.UpdatedParsed, f.Authors, f.FeedLink)
	}
	require.NotEmpty(t, f.Items, "the demo corpus has Alibaba articles")
	checkAtomRFC4287(t, atomData)
	atomIDs := map[string]bool{}
	for _, it := range f.Items {
		atomIDs[it.GUID] = true
		if !strings.HasPrefix(it.GUID, "urn:uuid:") || it.UpdatedParsed == nil || it.Link == "" || it.Description == "" {
			t.Errorf("atom entry %q: id %q updated %v link %q summary %q; want a urn:uuid, a date, a link and a summary", it.Title, it.GUID, it.UpdatedParsed, it.Link, it.Description)
		}
	}

	jsonData, ctype := fetch(t, feedBase+"/feed.json")
	require.True(t, strings.HasPrefix(ctype, "application/feed+json"), "Content-Type %q", ctype)
	jf, err := gofeed.NewParser().ParseString(string(jsonData))
	require.NoError(t, err)
	if jf.FeedType != "json" || !strings.HasSuffix(jf.FeedVersion, "1.1") || jf.Title == "" || jf.FeedLink != feedBase+"/feed.json" {
		t.Errorf("json feed type %q version %q title %q feed_url %q", jf.FeedType, jf.FeedVersion, jf.Title, jf.FeedLink)
	}
	require.Len(t, jf.Items, len(f.Items))
	for _, it := range jf.Items {
		if !atomIDs[it.GUID] {
			t.Errorf("json item %q has id %q, which no atom entry has: the same document must have the same ID", it.Title, it.GUID)
		}
		if it.Link == "" || it.Content == "" || it.PublishedParsed == nil || len(it.Authors) == 0 {
			t.Errorf("json item %q: url %q content_text %q date_published %v authors %v", it.Title, it.Link, it.Content, it.PublishedParsed, it.Authors)
		}
	}
	again, _ := fetch(t, feedBase+"/feed.atom")
	if !bytes.Equal(again, atomData) {
		t.Errorf("the atom feed changed between two requests with no new documents: entry IDs and dates must be stable")
	}
}

// checkAtomRFC4287 checks the elements RFC 4287 requires: atom:id,
// atom:title and atom:updated on the feed and on every entry, an author
// on the feed (so entries may omit theirs), and atom:content on entries
// without an alternate link.
func checkAtomRFC4287(t *testing.T, data []byte) {
	t.Helper()
	type link struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}
	type entry struct {
		ID, Title, Updated string
		Content            *string `xml:"content"`
		Links              []link  `xml:"link"`
	}
	var feed struct {
		XMLName xml.Name
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Authors []string `xml:"author>name"`
		Links   []link   `xml:"link"`
		Entries []struct {
			entry
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	require.NoError(t, xml.Unmarshal(data, &feed))
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" {
		t.Errorf("root %v, want atom:feed", feed.XMLName)
	}
	if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil || feed.ID == "" || feed.Title == "" || len(feed.Authors) == 0 {
		t.Errorf("feed id %q title %q updated %q authors %v: all are required", feed.ID, feed.Title, feed.Updated, feed.Authors)
	}
	if !slices.ContainsFunc(feed.Links, func(l link) bool { return l.Rel == "self" }) {
		t.Errorf("feed links %v have no rel=self", feed.Links)
	}
	for _, e := range feed.Entries {
		_, err := time.Parse(time.RFC3339, e.Updated)
		alternate := slices.ContainsFunc(e.Links, func(l link) bool { return l.Rel == "alternate" })
		if err != nil || e.ID == "" || e.Title == "" || (!alternate && e.Content == nil) {
			t.Errorf("entry id %q title %q updated %q alternate %v: RFC 4287 needs id, title, updated and content or an alternate link", e.ID, e.Title, e.Updated, alternate)
		}
	}
}

func fetch(t *testing.T, u string) ([]byte, string) {
	t.Helper()
	resp, err := http.Get(u)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", u, data)
	return data, resp.Header.Get("Content-Type")
}

func TestTopicDigestPreview(t *testing.T) {
	base := startTopicsAPI(t) + "/api/v1/topics"
	_, body := postJSON(t, base, admin, `{"name":"Alibaba","query":{"q":"alibaba"},"schedule":{"every":"daily"},"options":{"include_claims":true}}`)
	u := base + "/" + body["id"].(string) + "/digest"
	since := time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	until := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	resp, dg := get(t, u+"?since="+since+"&until="+until)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", dg)
	if total, _ := dg["total"].(float64); total == 0 || dg["documents"] == nil {
		t.Errorf("digest of the last day over the demo corpus: %v, want Alibaba documents", dg)
	}
	resp, dg = get(t, u+"?since="+since)
	if total, _ := dg["total"].(float64); resp.StatusCode != http.StatusOK || total == 0 {
		t.Errorf("since alone: HTTP %d %v, want the documents from then to now", resp.StatusCode, dg)
	}
	resp, dg = get(t, u+"?since=2026-12-02&until=2026-12-01")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("until before since: HTTP %d %v, want 400", resp.StatusCode, dg)
	}
}

// TestTopicFiltersAreSearchFilters keeps the filter names a topic accepts
// the same as the filters of /api/v1/search.
func TestTopicFiltersAreSearchFilters(t *testing.T) {
	var search []string
	for _, p := range searchParams() {
		search = append(search, p.Name)
	}
	for _, name := range digest.FilterNames() {
		if !slices.Contains(search, name) {
			t.Errorf("topic filter %q is not a filter of /api/v1/search (%v)", name, search)
		}
	}
}

func TestTopicRouteAllowsPut(t *testing.T) {
	base := startTopicsAPI(t) + "/api/v1/topics/abc"
	resp, _ := call(t, http.MethodPatch, base, admin, strings.NewReader(`{}`))
	if got := resp.Header.Get("Allow"); resp.StatusCode != http.StatusBadRequest || got != "GET, PUT, DELETE" {
		t.Errorf("PATCH a topic: HTTP %d Allow %q, want 400 and GET, PUT, DELETE", resp.StatusCode, got)
	}
}
