package newsintel

import (
	"net/http"
	"time"
)

// Raw is a fetched document before extraction: the message on the RAW
// stream. Body holds the bytes as fetched (decoded to UTF-8 where the
// fetcher knew the charset); when they exceed the message size limit Body is
// empty and BodyRef names the object in the "bodies" object store.
type Raw struct {
	ID          string      `json:"id"` // stable document ID (see ArticleID, FilingID, NoticeID)
	Kind        Kind        `json:"kind"`
	Source      string      `json:"source"`
	URL         string      `json:"url,omitempty"`
	FinalURL    string      `json:"final_url,omitempty"` // after redirects
	Status      int         `json:"status,omitempty"`
	Header      http.Header `json:"header,omitempty"`
	ContentType string      `json:"content_type,omitempty"`
	Fetched     time.Time   `json:"fetched,omitzero"`
	Body        []byte      `json:"body,omitempty"`
	BodyRef     string      `json:"body_ref,omitempty"`

	// Item carries what a feed said about the item, when the document came
	// from a feed; extraction falls back to it where the page says nothing.
	Item *FeedItem `json:"item,omitempty"`
	// Filing and Notice carry the structured fields known at fetch time
	// (from EDGAR's and the Federal Register's JSON APIs).
	Filing *Filing `json:"filing,omitempty"`
	Notice *Notice `json:"notice,omitempty"`
	// Publisher overrides the publisher name found in the page.
	Publisher string `json:"publisher,omitempty"`
	// Revision numbers the versions of a document whose body changed
	// between fetches (1 for the first); 0 means ingest did not track it
	// and extraction takes 1.
	Revision int `json:"revision,omitempty"`
}

// FeedItem is the metadata a feed gave for one item.
type FeedItem struct {
	Feed       string      `json:"feed"` // URL of the feed
	FeedTitle  string      `json:"feed_title,omitempty"`
	GUID       string      `json:"guid,omitempty"`
	Title      string      `json:"title,omitempty"`
	Link       string      `json:"link,omitempty"`
	Authors    []string    `json:"authors,omitempty"`
	Categories []string    `json:"categories,omitempty"`
	Published  time.Time   `json:"published,omitzero"`
	Updated    time.Time   `json:"updated,omitzero"`
	Summary    string      `json:"summary,omitempty"`
	Content    string      `json:"content,omitempty"`
	Enclosures []Enclosure `json:"enclosures,omitempty"`
}

// Enclosure is a file attached to a feed item.
type Enclosure struct {
	URL    string `json:"url"`
	Type   string `json:"type,omitempty"`
	Length int64  `json:"length,omitempty"`
}
