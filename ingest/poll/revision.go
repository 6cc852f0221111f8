package poll

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest"
)

// maxHistory is how many revisions a document's record lists.
const maxHistory = 100

// Revisions numbers the versions of documents: a document fetched for the
// first time is revision 1; fetched again with a changed body it becomes
// the next revision; fetched again unchanged it is not published again.
// Records live in a Store (the "seen" bucket) under the document ID. It is
// safe for concurrent use; two fetches of one document at the same moment
// may get the same number, which the pipeline's de-duplication by ID and
// revision absorbs.
type Revisions struct {
	Store Store
}

// RevisionRecord is what Revisions keeps per document.
type RevisionRecord struct {
	Revision int             `json:"revision"` // the latest
	Hash     string          `json:"hash"`     // of the latest body's visible text
	History  []RevisionEntry `json:"history"`  // oldest first, at most 100
}

// RevisionEntry is one published revision of a document.
type RevisionEntry struct {
	Revision int       `json:"revision"`
	Hash     string    `json:"hash"`
	Fetched  time.Time `json:"fetched"`
}

// Stamp sets raw.Revision and reports whether raw is new or changed and so
// should be published; call Record once it is. It returns the store's error.
func (r *Revisions) Stamp(ctx context.Context, raw *newsintel.Raw) (changed bool, err error) {
	var rec RevisionRecord
	found, err := r.Store.Load(ctx, raw.ID, &rec)
	if err != nil {
		return false, fmt.Errorf("revisions %s: %w", raw.ID, err)
	}
	if !found || rec.Revision == 0 {
		raw.Revision = 1
		return true, nil
	}
	if rec.Hash == BodyHash(raw.Body) {
		raw.Revision = rec.Revision
		return false, nil
	}
	raw.Revision = rec.Revision + 1
	return true, nil
}

// Record notes that raw (stamped by Stamp) was published. It returns the
// store's error.
func (r *Revisions) Record(ctx context.Context, raw *newsintel.Raw) error {
	var rec RevisionRecord
	if _, err := r.Store.Load(ctx, raw.ID, &rec); err != nil {
		return fmt.Errorf("revisions %s: %w", raw.ID, err)
	}
	if raw.Revision < rec.Revision {
		return nil // a later revision was recorded meanwhile
	}
	hash := BodyHash(raw.Body)
	rec.Revision, rec.Hash = raw.Revision, hash
	if n := len(rec.History); n == 0 || rec.History[n-1].Revision != raw.Revision {
		rec.History = append(rec.History, RevisionEntry{Revision: raw.Revision, Hash: hash, Fetched: raw.Fetched})
	}
	if len(rec.History) > maxHistory {
		rec.History = rec.History[len(rec.History)-maxHistory:]
	}
	if err := r.Store.Save(ctx, raw.ID, rec); err != nil {
		return fmt.Errorf("revisions %s: %w", raw.ID, err)
	}
	return nil
}

// History returns the revisions recorded for document id, oldest first
// (nil when none). It returns the store's error.
func (r *Revisions) History(ctx context.Context, id string) ([]RevisionEntry, error) {
	var rec RevisionRecord
	if _, err := r.Store.Load(ctx, id, &rec); err != nil {
		return nil, fmt.Errorf("revisions %s: %w", id, err)
	}
	return rec.History, nil
}

// BodyHash returns the hash that decides whether a page changed: the
// SHA-256 of its visible text (script, style, comments and markup left
// out, whitespace collapsed), so that a new ad slot or a rotated token in
// a script does not make a revision. Non-HTML bodies are hashed as text.
func BodyHash(body []byte) string {
	h := sha256.New()
	if !looksHTML(body) {
		h.Write(bytes.Join(bytes.Fields(body), []byte{' '}))
		return hex.EncodeToString(h.Sum(nil)[:16])
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return hex.EncodeToString(h.Sum(nil)[:16])
		case html.StartTagToken:
			if hidden(z) {
				skip++
			}
		case html.EndTagToken:
			if hidden(z) && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				for _, f := range bytes.Fields(z.Text()) {
					h.Write(f)
					h.Write([]byte{' '})
				}
			}
		}
	}
}

// hidden reports whether the current tag holds no visible text.
func hidden(z *html.Tokenizer) bool {
	name, _ := z.TagName()
	switch string(name) {
	case "script", "style", "noscript", "template", "iframe", "svg":
		return true
	}
	return false
}

func looksHTML(body []byte) bool {
	head := strings.ToLower(string(body[:min(len(body), 512)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") ||
		strings.Contains(head, "<body") || strings.Contains(head, "<div") || strings.Contains(head, "<p>")
}

// Revisioned is a publisher that numbers what it publishes: a document
// seen for the first time goes on as revision 1, one whose body changed as
// the next revision, and one fetched again unchanged is not published
// again. The crawler publishes through it, so that a revisited article
// edited after publication becomes a revision, not a silent overwrite.
type Revisioned struct {
	Pub       ingest.Publisher
	Revisions *Revisions
}

// PublishRaw stamps raw's revision and publishes it when it is new or
// changed, then records it. It returns the store's or the publisher's
// error; a document whose publish failed is not recorded, so it goes on
// the next time it is fetched.
func (p Revisioned) PublishRaw(ctx context.Context, raw newsintel.Raw) error {
	changed, err := p.Revisions.Stamp(ctx, &raw)
	if err != nil || !changed {
		return err
	}
	if err := p.Pub.PublishRaw(ctx, raw); err != nil {
		return err
	}
	return p.Revisions.Record(ctx, &raw)
}
