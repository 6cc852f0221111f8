package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
)

// The edit history of a document's claims lives in one more item beside
// the document, "<document ID>#revisions": the claims of every revision
// the index was given (a revision log). The claim items are recomputed
// from it whenever it changes, so the history is a function of the set of
// revisions seen, not of the order they arrived in: a replay changes
// nothing and a late, older revision takes its place in the history.
//
// The stored log leaves out the claims of the newest revision, which the
// claim items hold already (most documents never change, so their log is
// a few bytes); they are read back from the claim items, in order of
// Position, only when another revision arrives.
const (
	docTypeRevisions   = "revisions"
	revisionLogSuffix  = "#revisions"
	fieldRevisionLog   = "revision_log" // stored only: the revisionLog as JSON
	maxLoggedRevisions = 100            // older ones are forgotten
)

// Claim statuses: current (in the newest revision, as first written),
// changed (in the newest revision, edited since it first appeared) and
// removed (dropped by a revision and not brought back).
const (
	ClaimCurrent = "current"
	ClaimChanged = "changed"
	ClaimRemoved = "removed"
)

// ClaimStatuses lists the claim statuses a ClaimRequest may filter by.
func ClaimStatuses() []string { return []string{ClaimCurrent, ClaimChanged, ClaimRemoved} }

// RevisionHistory is the revisions of a document and what each did to its
// claims.
type RevisionHistory struct {
	DocumentID string     `json:"document_id"`
	Title      string     `json:"title,omitempty"`
	Publisher  string     `json:"publisher,omitempty"`
	URL        string     `json:"url,omitempty"`
	Latest     int        `json:"latest_revision"`
	Revisions  []Revision `json:"revisions"` // oldest first
}

// Revision is one revision of a document: its number, when it was
// fetched, how many claims it has, and the claims it added, removed,
// changed and restored (removed earlier, back in this one). Revision 1
// adds every claim it has.
type Revision struct {
	Revision int          `json:"revision"`
	Fetched  time.Time    `json:"fetched,omitzero"`
	Claims   int          `json:"claims"`
	Added    []ClaimEvent `json:"added"`
	Removed  []ClaimEvent `json:"removed"`
	Changed  []ClaimEvent `json:"changed"`
	Restored []ClaimEvent `json:"restored,omitempty"`
}

// ClaimEvent is what one revision did to one claim.
type ClaimEvent struct {
	ClaimID        string            `json:"claim_id"`
	Text           string            `json:"text"`
	PreviousText   string            `json:"previous_text,omitempty"`   // changed: the text before
	Source         newsintel.Source  `json:"source"`                    // removed: the source it had
	PreviousSource *newsintel.Source `json:"previous_source,omitempty"` // changed: the attribution before, when it changed
	Note           string            `json:"note"`                      // "claim removed in revision 3, 2021-06-04 14:02 UTC"
}

// revisionLog is the stored history of a document's claims.
type revisionLog struct {
	Doc       loggedDoc        `json:"doc"`       // of the newest revision
	Revisions []loggedRevision `json:"revisions"` // by number, oldest first
}

// loggedDoc is what claim items show of their document.
type loggedDoc struct {
	Title     string    `json:"title,omitempty"`
	Kind      string    `json:"kind,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

type loggedRevision struct {
	Revision int           `json:"n"`
	Fetched  time.Time     `json:"fetched,omitzero"`
	Hash     string        `json:"hash"`             // of Claims, to tell a replay from a re-extraction
	Count    int           `json:"count"`            // len(Claims)
	Claims   []loggedClaim `json:"claims,omitempty"` // left out of the newest revision when stored
}

// loggedClaim is one claim of one revision, without its offsets.
type loggedClaim struct {
	Text        string           `json:"text"`
	Cue         string           `json:"cue,omitempty"`
	Hedge       string           `json:"hedge,omitempty"`
	Quote       bool             `json:"quote,omitempty"`
	Source      newsintel.Source `json:"source"`
	Entities    []string         `json:"entities,omitempty"`
	EntityNames []string         `json:"entity_names,omitempty"`
}

// logRevision converts d into its log entry; a document without a
// revision number counts as revision 1.
func logRevision(d *newsintel.Document) loggedRevision {
	names := make(map[string]string, len(d.Mentions))
	for _, m := range d.Mentions {
		names[m.EntityID] = m.Name
	}
	r := loggedRevision{Revision: max(d.Revision, 1), Fetched: d.Fetched.UTC(),
		Claims: make([]loggedClaim, len(d.Claims))}
	for i := range d.Claims {
		c := &d.Claims[i]
		lc := loggedClaim{Text: c.Text, Cue: c.Cue, Hedge: c.Hedge, Quote: c.Quote, Source: c.Source,
			Entities: distinct(c.Entities)}
		for _, id := range lc.Entities {
			lc.EntityNames = append(lc.EntityNames, names[id])
		}
		r.Claims[i] = lc
	}
	r.Count = len(r.Claims)
	b, _ := json.Marshal(r.Claims) // plain data: cannot fail
	sum := sha256.Sum256(b)
	r.Hash = hex.EncodeToString(sum[:8])
	return r
}

// add puts revision d into the log: a new revision takes its place by
// number, a known one replaces what the log had (a re-extraction), and the
// newest revision's document fields are kept. It reports whether the log
// changed.
func (l *revisionLog) add(d *newsintel.Document) bool {
	r := logRevision(d)
	i, found := slices.BinarySearchFunc(l.Revisions, r.Revision, func(e loggedRevision, n int) int { return e.Revision - n })
	changed := true
	switch {
	case found && l.Revisions[i].Hash == r.Hash && l.Revisions[i].Fetched.Equal(r.Fetched):
		changed = false
	case found:
		l.Revisions[i] = r
	default:
		l.Revisions = slices.Insert(l.Revisions, i, r)
	}
	if r.Revision == l.Revisions[len(l.Revisions)-1].Revision {
		doc := loggedDoc{Title: d.Title, Kind: string(d.Kind), Publisher: d.Publisher, URL: d.URL, Published: publishedOf(d)}
		changed = changed || !equalJSON(doc, l.Doc)
		l.Doc = doc
	}
	if n := len(l.Revisions); n > maxLoggedRevisions {
		l.Revisions = slices.Delete(l.Revisions, 0, n-maxLoggedRevisions)
	}
	return changed
}

// changedBy reports whether adding revisions would change l; l is left
// as it was.
func (l *revisionLog) changedBy(revisions []*newsintel.Document) bool {
	c := &revisionLog{Doc: l.Doc, Revisions: slices.Clone(l.Revisions)}
	changed := false
	for _, d := range revisions {
		changed = c.add(d) || changed
	}
	return changed
}

// newest is the newest revision of l, nil when l has none.
func (l *revisionLog) newest() *loggedRevision {
	if len(l.Revisions) == 0 {
		return nil
	}
	return &l.Revisions[len(l.Revisions)-1]
}

// stored is l as it is stored: without the claims of its newest revision.
func (l *revisionLog) stored() *revisionLog {
	s := &revisionLog{Doc: l.Doc, Revisions: slices.Clone(l.Revisions)}
	if r := s.newest(); r != nil {
		r.Claims = nil
	}
	return s
}

func equalJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// indexedLog is the revisions item as Bleve indexes it.
type indexedLog struct {
	DocType string `json:"doc_type"`
	Log     string `json:"revision_log"`
}

// revisionLogs returns the stored revision logs of those of docIDs that
// have one.
func (ix *Index) revisionLogs(ctx context.Context, docIDs []string) (map[string]*revisionLog, error) {
	out := make(map[string]*revisionLog, len(docIDs))
	for start := 0; start < len(docIDs); start += claimLookupChunk {
		chunk := docIDs[start:min(start+claimLookupChunk, len(docIDs))]
		ids := make([]string, len(chunk))
		for i, id := range chunk {
			ids[i] = id + revisionLogSuffix
		}
		req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
		req.Fields = []string{fieldRevisionLog}
		req.Score = "none"
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: look up revision logs: %w", err)
		}
		for _, h := range res.Hits {
			var l revisionLog
			s, _ := h.Fields[fieldRevisionLog].(string)
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				return nil, fmt.Errorf("index: decode %s: %w", h.ID, err)
			}
			out[h.ID[:len(h.ID)-len(revisionLogSuffix)]] = &l
		}
	}
	return out, nil
}

// Revisions returns the revisions of document id the index was given, with
// the claims each added, removed, changed and restored. It returns an
// EINVALID error for a malformed ID, ENOTFOUND when the index holds no
// document id, and ETOOMANY or EUNAVAILABLE as SearchClaims does. It is
// safe for concurrent use.
func (ix *Index) Revisions(ctx context.Context, id string) (*RevisionHistory, error) {
	if !newsintel.ValidID(id) {
		return nil, newsintel.Errorf(newsintel.EINVALID, "%q is not a document ID", id)
	}
	ctx, done, err := ix.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	logs, err := ix.revisionLogs(ctx, []string{id})
	if err != nil {
		return nil, searchErr(ctx, err)
	}
	l := logs[id]
	if l == nil || len(l.Revisions) == 0 {
		return nil, newsintel.Errorf(newsintel.ENOTFOUND, "no document with ID %q", id)
	}
	if err := ix.fillNewest(ctx, logs, []string{id}); err != nil {
		return nil, searchErr(ctx, err)
	}
	_, revs := l.replay(id)
	return &RevisionHistory{DocumentID: id, Title: l.Doc.Title, Publisher: l.Doc.Publisher, URL: l.Doc.URL,
		Latest: revs[len(revs)-1].Revision, Revisions: revs}, nil
}

// fillNewest reads the claims of the newest revision of the logs of ids
// back from their claim items (current and changed, by Position). When
// the items and the log disagree on their number it logs a warning and
// goes on with the items: a document's history should not stop its
// newer revisions from being indexed. It returns the search's error.
func (ix *Index) fillNewest(ctx context.Context, logs map[string]*revisionLog, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	hits := map[string][]ClaimHit{}
	for start := 0; start < len(ids); start += claimLookupChunk {
		if err := ix.liveClaims(ctx, ids[start:min(start+claimLookupChunk, len(ids))], hits); err != nil {
			return err
		}
	}
	for _, id := range ids {
		r := logs[id].newest()
		hs := hits[id]
		if len(hs) != r.Count {
			ix.log.Warn("claim items and revision log disagree", "doc_id", id, "revision", r.Revision,
				"claim_items", len(hs), "logged", r.Count)
			r.Count = len(hs)
		}
		slices.SortFunc(hs, func(a, b ClaimHit) int { return a.Position - b.Position })
		r.Claims = make([]loggedClaim, len(hs))
		for i, h := range hs {
			r.Claims[i] = loggedClaim{Text: h.Text, Cue: h.Cue, Hedge: h.Hedge, Quote: h.Quote, Source: h.Source,
				Entities: h.Entities, EntityNames: h.EntityNames}
		}
	}
	return nil
}

// liveClaims adds to out the current and changed claims of docIDs.
func (ix *Index) liveClaims(ctx context.Context, docIDs []string, out map[string][]ClaimHit) error {
	docs := make([]query.Query, len(docIDs))
	for i, id := range docIDs {
		docs[i] = term(fieldClaimDoc, id)
	}
	q := query.NewConjunctionQuery([]query.Query{query.NewDisjunctionQuery(docs),
		query.NewDisjunctionQuery([]query.Query{term(fieldClaimStatus, ClaimCurrent), term(fieldClaimStatus, ClaimChanged)})})
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = []string{fieldClaimStored}
		req.Score = "none"
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: look up claims: %w", err)
		}
		for _, dm := range res.Hits {
			h, err := toClaimHit(dm)
			if err != nil {
				return err
			}
			out[h.DocumentID] = append(out[h.DocumentID], h)
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}
