package api

import (
	"cmp"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// feedTokenParam documents the ?token= of the topic feed routes.
var feedTokenParam = param{Name: "token", Type: "string",
	Doc: "the topic's feed_token: reads the feed without an API key, for feed readers that cannot send one"}

// feedToken reports whether the request's ?token= is the feed token of the
// topic it names, compared in constant time; the route's credential for
// feed readers when reading needs a key.
func (s *Server) feedToken(r *http.Request) bool {
	token := r.URL.Query().Get("token")
	if token == "" || s.opts.Topics == nil {
		return false
	}
	t, err := s.opts.Topics.Topic(r.Context(), r.PathValue("id"))
	return err == nil && t.FeedToken != "" && subtle.ConstantTimeCompare([]byte(token), []byte(t.FeedToken)) == 1
}

// Topic feeds.
const (
	feedItems     = 50                  // entries per feed
	feedWindow    = 7 * 24 * time.Hour  // how far back a feed reaches
	weeklyWindow  = 28 * 24 * time.Hour // … for a weekly topic: its last four digests
	atomType      = "application/atom+xml; charset=utf-8"
	jsonFeedType  = "application/feed+json; charset=utf-8"
	jsonFeedV11   = "https://jsonfeed.org/version/1.1"
	feedAuthor    = "newsintel"
	feedCacheSecs = 300
)

// feedNamespace is the namespace of the name-based (version 5) UUIDs of
// feed and entry IDs: a UUID of its own, so the IDs are stable and valid
// urn:uuid URIs (RFC 4122) without a domain to mint tag: URIs under.
var feedNamespace = [16]byte{0x6e, 0x65, 0x77, 0x73, 0x69, 0x6e, 0x74, 0x65, 0x4c, 0x8a, 0x9d, 0x2e, 0x13, 0x57, 0x9b, 0xdf}

// urnUUID returns the urn:uuid of name: a version 5 UUID in feedNamespace,
// so the same document always has the same entry ID.
func urnUUID(name string) string {
	h := sha1.New()
	h.Write(feedNamespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// feedEntry is one entry of a topic feed, whatever the format.
type feedEntry struct {
	newsintel.DigestEntry
	Updated time.Time
}

// feedOf builds the entries of topic t's feed: the folded entries of its
// digest over the feed window up to now, newest first, at most feedItems.
func (s *Server) feedOf(r *http.Request, t newsintel.Topic, now time.Time) ([]feedEntry, error) {
	window := feedWindow
	if t.Schedule.Every == newsintel.EveryWeek {
		window = weeklyWindow
	}
	wide := t
	wide.Options.MaxItems, wide.Options.IncludeClaims = feedItems, false // feeds list documents only
	dg, err := s.opts.Digests.Build(r.Context(), wide, now.Add(-window), now)
	if err != nil {
		return nil, err
	}
	var out []feedEntry
	for _, sec := range [][]newsintel.DigestEntry{dg.Documents, dg.Filings, dg.Notices} {
		for _, e := range sec {
			out = append(out, feedEntry{DigestEntry: e, Updated: cmp.Or(e.Published, dg.Until)})
		}
	}
	slices.SortStableFunc(out, func(a, b feedEntry) int { return b.Updated.Compare(a.Updated) })
	return out[:min(len(out), feedItems)], nil
}

// feedUpdated is when the feed last changed: its newest entry, else when
// the topic was last updated.
func feedUpdated(t newsintel.Topic, entries []feedEntry) time.Time {
	if len(entries) > 0 {
		return entries[0].Updated.UTC()
	}
	return cmp.Or(t.Updated, t.Created, time.Unix(0, 0)).UTC()
}

// entryText is an entry's summary with the other outlets that carried it.
func entryText(e newsintel.DigestEntry) string {
	text := e.Summary
	if n := len(e.AlsoBy); n > 0 {
		also := fmt.Sprintf("Also reported by %d outlets: %s.", n, strings.Join(e.AlsoBy, ", "))
		if n == 1 {
			also = "Also reported by " + e.AlsoBy[0] + "."
		}
		text = strings.TrimSpace(text + " " + also)
	}
	return cmp.Or(text, e.Title)
}

// selfURL is the absolute URL of the request, as the client reached it.
func selfURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.EscapedPath()
}

// Atom 1.0 (RFC 4287) elements.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Sub     string      `xml:"subtitle,omitempty"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     atomText       `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published,omitempty"`
	Authors   []atomPerson   `xml:"author"`
	Links     []atomLink     `xml:"link"`
	Summary   atomText       `xml:"summary"`
	Content   *atomText      `xml:"content,omitempty"`
	Category  []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func (s *Server) topicAtom(w http.ResponseWriter, r *http.Request) {
	t, ok := s.topicFor(w, r)
	if !ok {
		return
	}
	entries, err := s.feedOf(r, t, time.Now().UTC())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	self := selfURL(r)
	f := atomFeed{ID: urnUUID("newsintel:topic:" + t.ID), Title: "newsintel: " + t.Name,
		Updated: feedUpdated(t, entries).Format(time.RFC3339), Author: atomPerson{Name: feedAuthor},
		Links: []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"},
			{Rel: "alternate", Href: strings.TrimSuffix(self, ".atom") + ".json", Type: "application/feed+json"}},
		Sub: topicDescription(t), Gen: "newsintel"}
	for _, e := range entries {
		f.Entries = append(f.Entries, atomEntryOf(e))
	}
	w.Header().Set("Content-Type", atomType)
	w.Header().Set("Cache-Control", feedCacheControl(r))
	_, _ = w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	_ = enc.Encode(f) // the client went away; nothing to tell it
}

func atomEntryOf(e feedEntry) atomEntry {
	a := atomEntry{ID: urnUUID("newsintel:document:" + e.ID), Title: atomText{Type: "text", Text: cmp.Or(e.Title, e.ID)},
		Updated: e.Updated.UTC().Format(time.RFC3339), Summary: atomText{Type: "text", Text: entryText(e.DigestEntry)},
		Category: []atomCategory{{Term: string(e.Kind)}}}
	if !e.Published.IsZero() {
		a.Published = e.Published.UTC().Format(time.RFC3339)
	}
	if e.Publisher != "" {
		a.Authors = []atomPerson{{Name: e.Publisher}}
	}
	if e.URL != "" {
		a.Links = []atomLink{{Rel: "alternate", Href: e.URL, Type: "text/html"}}
	} else {
		a.Content = &atomText{Type: "text", Text: entryText(e.DigestEntry)} // RFC 4287: content when there is no alternate link
	}
	return a
}

// topicDescription says in words what a topic follows.
func topicDescription(t newsintel.Topic) string {
	parts := []string{}
	if t.Query.Q != "" {
		parts = append(parts, fmt.Sprintf("%q", t.Query.Q))
	}
	for _, k := range sortedFilterNames(t.Query.Filters) {
		parts = append(parts, k+": "+strings.Join(t.Query.Filters[k], ", "))
	}
	if len(parts) == 0 {
		parts = append(parts, "every document")
	}
	return "Documents matching " + strings.Join(parts, "; ") + ", with copies of one story folded together."
}

func sortedFilterNames(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description,omitempty"`
	Authors     []jsonAuthor   `json:"authors"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url,omitempty"`
	Title         string       `json:"title"`
	ContentText   string       `json:"content_text"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

func (s *Server) topicJSONFeed(w http.ResponseWriter, r *http.Request) {
	t, ok := s.topicFor(w, r)
	if !ok {
		return
	}
	entries, err := s.feedOf(r, t, time.Now().UTC())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := jsonFeed{Version: jsonFeedV11, Title: "newsintel: " + t.Name, FeedURL: selfURL(r),
		Description: topicDescription(t), Authors: []jsonAuthor{{Name: feedAuthor}}, Items: []jsonFeedItem{}}
	for _, e := range entries {
		it := jsonFeedItem{ID: urnUUID("newsintel:document:" + e.ID), URL: e.URL, Title: cmp.Or(e.Title, e.ID),
			ContentText: entryText(e.DigestEntry), Summary: e.Summary, DatePublished: e.Updated.UTC().Format(time.RFC3339),
			Tags: []string{string(e.Kind)}}
		if e.Publisher != "" {
			it.Authors = []jsonAuthor{{Name: e.Publisher}}
		}
		f.Items = append(f.Items, it)
	}
	w.Header().Set("Content-Type", jsonFeedType)
	w.Header().Set("Cache-Control", feedCacheControl(r))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(f)
}

// feedCacheControl is the Cache-Control of a feed answering r: kept
// feedCacheSecs by any cache, but only by the browser's own when r carries
// the web UI's login cookie, since the URL alone (no token in it) would
// then let a shared cache hand a feed the cookie opened to anyone.
func feedCacheControl(r *http.Request) string {
	if _, err := r.Cookie(KeyCookie); err == nil {
		return fmt.Sprintf("private, max-age=%d", feedCacheSecs)
	}
	return fmt.Sprintf("max-age=%d", feedCacheSecs)
}
