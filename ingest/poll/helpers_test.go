package poll_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
)

func testLogger() *slog.Logger { return pipelinestest.Logger() }

// natsStore is an embedded JetStream server whose store outlives the
// buses connected to it, to test restarts.
type natsStore struct {
	srv *pipelines.Server
}

func startNATS(t testing.TB) *natsStore { return &natsStore{srv: pipelinestest.Server(t)} }

func connect(t testing.TB, srv *pipelines.Server) *pipelines.Bus {
	return pipelinestest.Connect(t, srv)
}

// published collects what a Poller publishes.
type published struct {
	mu   sync.Mutex
	raws []newsintel.Raw
}

func (p *published) PublishRaw(_ context.Context, raw newsintel.Raw) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.raws = append(p.raws, raw)
	return nil
}

func (p *published) list() []newsintel.Raw {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]newsintel.Raw(nil), p.raws...)
}

// newPoller connects a new bus to the store (as a restarted process would)
// and returns a Poller on its buckets publishing to pub.
func (n *natsStore) newPoller(t testing.TB, pub *published, client *fetch.Client) *poll.Poller {
	t.Helper()
	b := connect(t, n.srv)
	states, err := b.FeedStates(t.Context())
	require.NoError(t, err)
	seen, err := b.SeenItems(t.Context())
	require.NoError(t, err)
	revs, err := b.Revisions(t.Context())
	require.NoError(t, err)
	return &poll.Poller{Client: client, Pub: pub, States: states, Seen: seen, Revisions: &poll.Revisions{Store: revs}, Log: testLogger()}
}

func testClient(timeout time.Duration) *fetch.Client {
	return fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 10000, PerHostConcurrency: 64, Concurrency: 256, Timeout: timeout, Retries: -1})
}

// rss renders an RSS 2.0 feed of n items linking to base/a/<i>, each
// updated at updated (zero: no date).
func rss(base string, n int, updated time.Time) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Example Wire: Business</title><link>` + base + `/</link><description>Business news</description>
`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Regulators weigh new rules for cloud providers, part %d</title>
<link>%s/a/%d</link><guid isPermaLink="false">wire-%d</guid>
<description>Officials said on Tuesday that the review would take months.</description>
<category>Business</category>`, i, base, i, i)
		if !updated.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate><atom:updated>%s</atom:updated>", updated.Format(time.RFC1123Z), updated.Format(time.RFC3339))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// page renders an article page with the given paragraph.
func page(title, para string) string {
	return `<!DOCTYPE html><html><head><title>` + title + `</title>
<script>window.token = "` + fmt.Sprint(time.Now().UnixNano()) + `";</script></head>
<body><article><h1>` + title + `</h1><p>` + para + `</p>
<p>The Commerce Department declined to comment, according to two people familiar with the matter.</p></article></body></html>`
}

// newsSite serves a feed at /feed.xml (with an ETag it honours when etags
// is true) and article pages at /a/<n>.
type newsSite struct {
	*httptest.Server
	mu          sync.Mutex
	feed        string
	etag        string
	honourETag  bool
	vary        bool // each response differs (a comment with a counter), as feeds with a fresh lastBuildDate do
	paragraph   string
	feedGets    int
	conditional int // requests that carried If-None-Match
	pageGets    int
}

func startSite(t testing.TB) *newsSite {
	s := &newsSite{honourETag: true, paragraph: "Officials said on Tuesday that the review would take months."}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) set(feed, etag string) {
	s.mu.Lock()
	s.feed, s.etag = feed, etag
	s.mu.Unlock()
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.URL.Path == "/feed.xml" {
		s.feedGets++
		if inm := r.Header.Get("If-None-Match"); inm != "" {
			s.conditional++
			if s.honourETag && inm == s.etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", s.etag)
		fmt.Fprint(w, s.feed)
		if s.vary {
			fmt.Fprintf(w, "<!-- %d -->\n", s.feedGets)
		}
		return
	}
	if strings.HasPrefix(r.URL.Path, "/a/") {
		s.pageGets++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Story "+r.URL.Path, s.paragraph))
		return
	}
	http.NotFound(w, r)
}

func (s *newsSite) counts() (feedGets, conditional, pageGets int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.feedGets, s.conditional, s.pageGets
}
