package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/pipelines/digest"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
	"github.com/stretchr/testify/require"
)

// topicStore opens the real topic store on an embedded JetStream server
// with a temporary store directory.
func topicStore(t *testing.T) *digest.Store {
	t.Helper()
	st, err := digest.NewStore(t.Context(), pipelinestest.Bus(t))
	require.NoError(t, err)
	return st
}

// post sends a form as a same-origin browser would, with a key cookie.
func post(t *testing.T, base, path, key string, form url.Values) (*http.Response, string) {
	t.Helper()
	return fetch(t, http.MethodPost, base+path, map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"Origin": base, "Sec-Fetch-Site": "same-origin", "Cookie": keyCookie + "=" + key}, strings.NewReader(form.Encode()))
}

func TestTopicsCreatePreviewSubscribeDelete(t *testing.T) {
	ix := demotest.Index(t)
	srv := startUI(t, Options{Index: ix, Access: keyedAccess(true), Topics: topicStore(t), Digests: &digest.Builder{Index: ix}})
	_, admin := login(t, srv.URL, adminSecret, "/topics")
	_, reader := login(t, srv.URL, readSecret, "/topics")
	require.NotEmpty(t, admin)

	resp, body := getPage(t, srv.URL+"/topics?q=cloud&entity=company:alibaba&kind=article")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, body, "No topics yet")
	require.Contains(t, body, `value="company:alibaba"`, "the form is filled from the search it saves")
	require.Contains(t, body, "needs an admin key", "an anonymous reader is told saving needs a key")

	form := url.Values{"name": {"Alibaba <cloud>"}, "q": {"cloud"}, "entity": {"company:alibaba"}, "kind": {"article"},
		"every": {"daily"}, "at": {"07:30"}, "include_claims": {"on"}}
	resp, _ = post(t, srv.URL, "/topics", reader, form)
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "a read key cannot save topics")

	resp, body = post(t, srv.URL, "/topics", admin, url.Values{"name": {"Broken"}, "q": {`"unclosed`}, "every": {"daily"}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "a query the index refuses: %s", body)
	require.Contains(t, body, `class="error"`)
	require.Contains(t, body, `value="Broken"`, "the refused form keeps what was typed")

	resp, _ = post(t, srv.URL, "/topics", admin, form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	topicPath := resp.Header.Get("Location")
	require.True(t, strings.HasPrefix(topicPath, "/topics/"), "created topic at %q", topicPath)

	resp, body = fetch(t, http.MethodGet, srv.URL+topicPath, withKey(admin), nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, w := range []string{"Alibaba &lt;cloud&gt;", "Atom feed", "JSON Feed", "Preview: digest of the last 7 days", "matching document", `class="hit-title"`, "Subscriptions"} {
		require.Contains(t, body, w)
	}

	resp, _ = post(t, srv.URL, topicPath+"/subscriptions", admin, url.Values{"channel": {"email"}, "email": {"desk@example.com"}})
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	_, body = fetch(t, http.MethodGet, srv.URL+topicPath, withKey(admin), nil)
	require.Contains(t, body, "desk@example.com")

	form.Set("name", "Alibaba cloud, weekly")
	form.Set("every", "weekly")
	form.Set("weekday", "monday")
	resp, _ = post(t, srv.URL, topicPath, admin, form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, "edit")
	_, body = getPage(t, srv.URL+"/topics")
	require.Contains(t, body, "Alibaba cloud, weekly")
	require.Contains(t, body, "weekly at 07:30 on monday")

	resp, _ = getPage(t, srv.URL+topicPath+"/feed.atom")
	require.Equal(t, http.StatusTemporaryRedirect, resp.StatusCode)
	resp, body = getPage(t, srv.URL+resp.Header.Get("Location"))
	require.Equal(t, http.StatusOK, resp.StatusCode, "the API serves the topic's Atom feed")
	require.Contains(t, body, "<feed")

	resp, _ = post(t, srv.URL, topicPath+"/delete", admin, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	resp, _ = getPage(t, srv.URL+topicPath)
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "a deleted topic is gone")
}

func TestTopicsWithoutStore(t *testing.T) {
	srv := startUI(t, Options{})
	resp, body := getPage(t, srv.URL+"/topics")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "keeps no topics") {
		t.Errorf("GET /topics without a store: %d %q, want 503 saying there are no topics", resp.StatusCode, clip(body, 200))
	}
}

// TestSaveSearchAsTopicDropsUntil saves a search of a past month as a
// topic: the topic must not keep the search's upper date bound, which
// would leave its every digest empty (a digest takes documents fetched in
// its period; none of them was published before a past until).
func TestSaveSearchAsTopicDropsUntil(t *testing.T) {
	srv := startUI(t, Options{Topics: topicStore(t)})
	resp, body := getPage(t, srv.URL+"/search?q=alibaba&since=2024-01-01&until=2024-03-31")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	m := regexp.MustCompile(`<a href="([^"]*)">Save as topic</a>`).FindStringSubmatch(body)
	require.NotNil(t, m, "the search page links to saving it as a topic")
	save, err := url.Parse(html.UnescapeString(m[1]))
	require.NoError(t, err)
	if q := save.Query(); q.Has("until") || q.Get("since") != "2024-01-01" || q.Get("q") != "alibaba" {
		t.Errorf("Save as topic links to %s, want q and since kept and until dropped", save)
	}
	resp, form := getPage(t, srv.URL+save.String())
	require.Equal(t, http.StatusOK, resp.StatusCode)
	if strings.Contains(form, `name="until"`) || !strings.Contains(form, `name="since" value="2024-01-01"`) {
		t.Errorf("the topic form carries the search's until bound, or lost its since")
	}
}

// TestTopicFormKeepsEverySourceType edits a topic that follows two source
// types (as the API and the search page allow): saving the form must keep
// both, not only the first; and a has_anonymous=false filter, which the
// form's box cannot show, must survive too.
func TestTopicFormKeepsEverySourceType(t *testing.T) {
	topic := newsintel.Topic{Name: "Sourcing", Query: newsintel.TopicQuery{Q: "cloud",
		Filters: map[string][]string{"source_type": {"anonymous", "document"}}}}
	got := formFromTopic(topic).topic().Query.Filters["source_type"]
	if !slices.Equal(got, []string{"anonymous", "document"}) {
		t.Errorf("source types after an edit = %v, want [anonymous document]", got)
	}
	topic.Query.Filters = map[string][]string{"has_anonymous": {"false"}}
	if got := formFromTopic(topic).topic().Query.Filters["has_anonymous"]; !slices.Equal(got, []string{"false"}) {
		t.Errorf("has_anonymous after an edit = %v, want [false] (only documents without anonymous sources)", got)
	}
	srv := startUI(t, Options{Topics: topicStore(t)})
	resp, body := getPage(t, srv.URL+"/topics?q=cloud&source_type=anonymous&source_type=person")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, st := range []string{"anonymous", "person"} {
		if !strings.Contains(body, `name="source_type" value="`+st+`" checked`) {
			t.Errorf("the form saving a search of source types anonymous and person does not check %s", st)
		}
	}
}
