package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
)

// The demo corpus's seed article, with anonymous sources.
const seedID = "80a0bf766624ef800105976c6e822a1a"

func TestPagesRender(t *testing.T) {
	srv := startUI(t, Options{Sources: sourcesList(nil)})
	filing := ""
	for _, d := range demotest.Docs(t) {
		if d.Kind == newsintel.KindFiling {
			filing = d.ID
		}
	}
	require.NotEmpty(t, filing, "the demo corpus has a filing")
	cases := []struct {
		name, path string
		status     int
		want       []string
	}{
		{"home", "/", 200, []string{`name="q"`, "Only with anonymous sources", `class="badge kind-article"`, "<svg"}},
		{"search", "/search?q=alibaba+cloud&kind=article", 200, []string{"<mark>", "Alibaba", "Filters:", `href="/search?q=alibaba&#43;cloud"`}},
		{"search page 2", "/search?size=5&from=5", 200, []string{"6–10 of", `rel="prev"`, `rel="next"`, `class="more"`}},
		{"more facet terms", "/search?facet_size=40", 200, []string{"entity=person%3Adonald-trump", "entity=company%3Agartner"}},
		{"bad search", "/search?q=%2A", 400, []string{`class="error"`}},
		{"unknown parameter", "/search?colour=red", 400, []string{"unknown parameter"}},
		{"document", "/documents/" + seedID, 200, []string{`class="claim st-anonymous first"`, "anon 1", "three people briefed on the matter",
			`href="/entities/company:alibaba"`, "Similar documents", "Sourcing", `class="ext" href="https://`}},
		{"filing", "/documents/" + filing, 200, []string{"Sections", `class="toc"`, `href="#sec-`, "20-F"}},
		{"missing document", "/documents/nope", 404, []string{"404"}},
		{"bad document ID", "/documents/a%20b", 400, []string{"not a document ID"}},
		{"entity", "/entities/company:alibaba", 200, []string{"Alibaba", "Mentions over time", "<rect class=\"bar st-total\"", "st-anonymous", "Latest filings"}},
		{"unknown entity", "/entities/company:no-such-thing", 404, []string{"no document mentions"}},
		{"claims", "/claims?source_type=anonymous", 200, []string{"Sourcing claims", `class="badge st-anonymous"`, "<svg", "CSV"}},
		{"claims by entity", "/claims?entity=company:alibaba", 200, []string{"of", "claims"}},
		{"sources need an admin key", "/sources", 401, []string{`action="/login"`, `type="password"`}},
		{"stories", "/stories", 200, []string{"reports by", `href="/stories/`, "anonymous sources", "Own anonymous sources"}},
		{"stories of an entity", "/stories?entity=company:alibaba&since=2021-06-01", 200, []string{`href="/stories/`}},
		{"bad stories date", "/stories?since=yesterday", 400, []string{"not a date"}},
		{"single reports", "/stories?min_reports=1&q=cloud", 200, []string{`href="/stories/`, `value="1" selected`}},
		{"missing story", "/stories/" + seedID + ".00000000", 404, []string{"404"}},
		{"no page", "/nothing-here", 404, []string{"there is no page"}},
		{"stylesheet", "/assets/style.css", 200, []string{".chart-svg", ".claim.st-anonymous"}},
		{"script", "/assets/app.js", 200, []string{"DOMContentLoaded"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := getPage(t, srv.URL+c.path)
			if resp.StatusCode != c.status {
				t.Errorf("GET %s: status %d, want %d", c.path, resp.StatusCode, c.status)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: page lacks %q", c.path, w)
				}
			}
			checkHeaders(t, c.path, resp)
		})
	}
}

func TestStoryPage(t *testing.T) {
	srv := startUI(t, Options{})
	_, list := getPage(t, srv.URL+"/stories?entity=company:alibaba")
	i := strings.Index(list, `href="/stories/`)
	require.GreaterOrEqual(t, i, 0, "the stories page links a story")
	path := list[i+len(`href="`):]
	path = path[:strings.IndexByte(path, '"')]
	resp, body := getPage(t, srv.URL+path)
	require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s", path)
	for _, w := range []string{"First report", "Every report, oldest first", "Confirmed by", "Denied by", "Outlets", "<svg", `class="badge st-anonymous"`} {
		if !strings.Contains(body, w) {
			t.Errorf("GET %s: page lacks %q", path, w)
		}
	}
	checkHeaders(t, path, resp)
}

// checkHeaders asserts the security headers every UI page carries.
func checkHeaders(t *testing.T, path string, resp *http.Response) {
	t.Helper()
	csp := resp.Header.Get("Content-Security-Policy")
	for _, w := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, w) {
			t.Errorf("GET %s: Content-Security-Policy %q lacks %q", path, csp, w)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("GET %s: Content-Security-Policy %q allows inline code", path, csp)
	}
	if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("GET %s: X-Content-Type-Options = %q, want nosniff", path, got)
	}
	if got := resp.Header.Get("Referrer-Policy"); got == "" {
		t.Errorf("GET %s: no Referrer-Policy", path)
	}
}

// hostile is a document whose every text field carries markup.
func hostile() newsintel.Document {
	body := `Officials said <img src=x onerror=alert(2)> was a risk, according to two people familiar with the matter. Acme <b>Corp</b> declined to comment.`
	claimEnd := strings.Index(body, ". Acme") + 1
	two := 2
	return newsintel.Document{
		ID: "hostile1", Kind: newsintel.KindArticle, Source: "evil", Publisher: `Evil <i>Times</i>`,
		URL: "https://evil.example/a", Title: `<script>alert(1)</script> cloud review`, Body: body,
		Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Revision: 1, Language: "en",
		Claims: []newsintel.Claim{{Text: `<img src=x onerror=alert(2)> was a risk`, Start: 0, End: claimEnd,
			TextStart: 18, TextEnd: 57, Source: newsintel.Source{Type: newsintel.SourceAnonymous, Count: &two,
				Description: `two people <script>alert(3)</script>`}}},
		Profile: &newsintel.SourcingProfile{Claims: 1, ByType: map[newsintel.SourceType]int{newsintel.SourceAnonymous: 1}, AnonymousShare: 1},
	}
}

func TestCrawledTextIsEscaped(t *testing.T) {
	srv := startUI(t, Options{Index: demotest.Index(t, hostile())})
	for _, path := range []string{"/search?q=cloud+review", "/search?q=onerror", "/documents/hostile1", "/claims?q=risk", "/search?publisher=" + url.QueryEscape("Evil <i>Times</i>")} {
		resp, body := getPage(t, srv.URL+path)
		require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s", path)
		for _, bad := range []string{"<script>alert", "<img src=x", "<i>Times", "<b>Corp"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: page holds raw %q from a crawled text", path, bad)
			}
		}
		if !strings.Contains(body, "&lt;") {
			t.Errorf("GET %s: page shows no escaped markup; want the hostile text shown as text", path)
		}
		checkHeaders(t, path, resp)
	}
}

func TestShortDuration(t *testing.T) {
	for in, want := range map[string]string{"1h0m0s": "1h", "15m0s": "15m", "1h30m0s": "1h30m", "45s": "45s", "2h0m5s": "2h0m5s", "weekly": "weekly"} {
		if got := shortDuration(in); got != want {
			t.Errorf("shortDuration(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnippetParts(t *testing.T) {
	cases := []struct {
		name, in string
		want     []part
	}{
		{"plain", "a &amp; b", []part{{Text: "a & b"}}},
		{"marked", "x <mark>cloud</mark> y", []part{{Text: "x "}, {Text: "cloud", Marked: true}, {Text: " y"}}},
		{"escaped tag stays text", "&lt;script&gt;<mark>go</mark>", []part{{Text: "<script>"}, {Text: "go", Marked: true}}},
		{"raw tag is text", "<b>bold</b>", []part{{Text: "<b>bold</b>"}}},
		{"unclosed mark", "<mark>open", []part{{Text: "open", Marked: true}}},
		{"empty", "", nil},
	}
	for _, c := range cases {
		got := snippetParts(c.in)
		if len(got) != len(c.want) {
			t.Errorf("%s: snippetParts(%q) = %+v, want %+v", c.name, c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: snippetParts(%q)[%d] = %+v, want %+v", c.name, c.in, i, got[i], c.want[i])
			}
		}
	}
}

// sourcesList is a registry that lists fixed sources (the page only
// reads); extra are added to a healthy and a failing feed.
func sourcesList(extra []newsintel.SourceStatus) api.SourceRegistry {
	now := time.Now().UTC()
	list := append([]newsintel.SourceStatus{
		{Name: "wire-feed", Type: "feed", Kind: newsintel.KindArticle, URL: "https://wire.example/rss", Origin: "config",
			LastSuccess: now.Add(-5 * time.Minute), ItemsSeen: 120, NextPoll: now.Add(10 * time.Minute), Interval: "15m0s"},
		{Name: "harbor-feed", Type: "feed", Kind: newsintel.KindArticle, URL: "https://harbor.example/feed.xml", Origin: "runtime",
			LastError: "timeout reading feed", LastErrorAt: now.Add(-time.Minute), ConsecutiveFailures: 3},
	}, extra...)
	return registryFunc(func(context.Context) ([]newsintel.SourceStatus, error) { return list, nil })
}

// registryFunc is a read-only api.SourceRegistry.
type registryFunc func(context.Context) ([]newsintel.SourceStatus, error)

func (f registryFunc) List(ctx context.Context) ([]newsintel.SourceStatus, error) { return f(ctx) }
func (registryFunc) Add(context.Context, config.Source) error {
	return newsintel.Errorf(newsintel.EINVALID, "read-only")
}
func (registryFunc) Remove(context.Context, string) error {
	return newsintel.Errorf(newsintel.EINVALID, "read-only")
}

func TestDocumentShowsRevisions(t *testing.T) {
	ix := demotest.Index(t)
	v1 := hostile()
	v1.ID, v1.Title = "revised1", "Cloud review widens"
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{v1}))
	v2 := v1
	v2.Revision = 2
	v2.Body = "Acme declined to comment on the review."
	v2.Claims = []newsintel.Claim{{Text: "declined to comment on the review", Start: 0, End: len(v2.Body), TextStart: 5, TextEnd: len(v2.Body) - 1,
		Source: newsintel.Source{Type: newsintel.SourceDeclined, Name: "Acme"}}}
	v2.Profile = &newsintel.SourcingProfile{Claims: 1, ByType: map[newsintel.SourceType]int{newsintel.SourceDeclined: 1}}
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{v2}))

	srv := startUI(t, Options{Index: ix})
	resp, body := getPage(t, srv.URL+"/documents/revised1")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, w := range []string{"Revisions", "Revision 2", `class="removed"`, "was a risk"} {
		if !strings.Contains(body, w) {
			t.Errorf("document page of a revised document lacks %q", w)
		}
	}
	if strings.Contains(body, "<img src=x") {
		t.Errorf("the removed claim's text is not escaped")
	}
}

// TestClaimsFormKeepsFilters applies the claims form of a list of removed
// claims, one affiliation and two entities: the filters the form has no
// field for, and the second entity, must ride along, or a new query or
// sort silently widens the list.
func TestClaimsFormKeepsFilters(t *testing.T) {
	srv := startUI(t, Options{})
	resp, body := getPage(t, srv.URL+"/claims?q=cloud&status=removed&affiliation=Commerce+Department&entity=company:alibaba&entity=gov:us-commerce&include_removed=true")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, f := range []string{
		`<input type="hidden" name="status" value="removed">`,
		`<input type="hidden" name="affiliation" value="Commerce Department">`,
		`<input type="hidden" name="include_removed" value="true">`,
		`<input type="hidden" name="entity" value="gov:us-commerce">`,
	} {
		if !strings.Contains(body, f) {
			t.Errorf("the claims form lacks %s", f)
		}
	}
	if strings.Contains(body, `<input type="hidden" name="entity" value="company:alibaba">`) {
		t.Errorf("the first entity is kept twice: in its field and hidden")
	}
}

// brokenRevisions is the index whose revision history cannot be read.
type brokenRevisions struct{ *index.Index }

func (brokenRevisions) Revisions(context.Context, string) (*index.RevisionHistory, error) {
	return nil, errors.New("index: decode a1#revisions: unexpected end of JSON input")
}

// TestDocumentRevisionFailureLogged: a history the index cannot read
// leaves the page standing, without revisions, and says why in the log.
func TestDocumentRevisionFailureLogged(t *testing.T) {
	var logs bytes.Buffer
	ix := brokenRevisions{demotest.Index(t)}
	srv := startUI(t, Options{Index: ix, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	id := demotest.Docs(t)[0].ID
	resp, body := getPage(t, srv.URL+"/documents/"+id)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	if strings.Contains(body, "<h2>Revisions</h2>") {
		t.Errorf("the page shows a revisions panel it could not read")
	}
	if !strings.Contains(logs.String(), "unexpected end of JSON input") {
		t.Errorf("log %q, want the revision history's error", logs.String())
	}
}
