package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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
// indexed document holds already; they are read back from it only when
// another revision arrives. A document seen in one revision only (most
// documents never change) has no stored log at all: the log of its one
// revision is made from the document when it is needed (see
// completeLogs).
//
// A log holds at most maxLoggedRevisions revisions. The first one stays,
// as the baseline claims are added in; a full log forgets the oldest
// revision that changed no claim (the same claims as the one before it),
// else the oldest after the first. Whatever a forgotten revision did is
// then credited to the next one kept, and items of claims the kept log no
// longer makes are deleted.
const (
	docTypeRevisions   = "revisions"
	revisionLogSuffix  = "#revisions"
	fieldRevisionLog   = "revision_log" // stored only: the revisionLog as JSON, zstd-compressed
	maxLoggedRevisions = 100
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
	r := loggedRevision{Revision: max(d.Revision, 1), Fetched: d.Fetched.UTC(),
		Claims: logClaims(d.Claims, mentionNames(d))}
	r.Count, r.Hash = len(r.Claims), claimsHash(r.Claims)
	return r
}

// logClaims converts claims into their log entries, naming the entities
// they mention with names.
func logClaims(claims []newsintel.Claim, names map[string]string) []loggedClaim {
	out := make([]loggedClaim, len(claims))
	for i := range claims {
		c := &claims[i]
		lc := loggedClaim{Text: c.Text, Cue: c.Cue, Hedge: c.Hedge, Quote: c.Quote, Source: c.Source,
			Entities: distinct(c.Entities)}
		for _, id := range lc.Entities {
			lc.EntityNames = append(lc.EntityNames, names[id])
		}
		out[i] = lc
	}
	return out
}

// claimsHash is the Hash of a revision with claims cs.
func claimsHash(cs []loggedClaim) string {
	b, _ := json.Marshal(cs) // plain data: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
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
		doc := loggedDocOf(d)
		changed = changed || !equalJSON(doc, l.Doc)
		l.Doc = doc
	}
	for len(l.Revisions) > maxLoggedRevisions {
		k := l.forgettable()
		l.Revisions = slices.Delete(l.Revisions, k, k+1)
	}
	return changed
}

// forgettable is the index of the revision a full log forgets: the
// oldest one with the same claims as the one before it, else the second
// (the first is the baseline). The newest is never forgotten.
func (l *revisionLog) forgettable() int {
	for i := 1; i < len(l.Revisions)-1; i++ {
		if l.Revisions[i].Hash == l.Revisions[i-1].Hash {
			return i
		}
	}
	return 1
}

// valid reports whether l can be replayed: revisions in increasing order,
// each but the newest with the claims it counts.
func (l *revisionLog) valid() bool {
	for i, r := range l.Revisions {
		if i > 0 && r.Revision <= l.Revisions[i-1].Revision || i < len(l.Revisions)-1 && len(r.Claims) != r.Count {
			return false
		}
	}
	return len(l.Revisions) > 0
}

// loggedDocOf is what the log keeps of d.
func loggedDocOf(d *newsintel.Document) loggedDoc {
	return loggedDoc{Title: d.Title, Kind: string(d.Kind), Publisher: d.Publisher, URL: d.URL, Published: publishedOf(d)}
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

// newest is the newest revision of l, nil when l is nil or has none.
func (l *revisionLog) newest() *loggedRevision {
	if l == nil || len(l.Revisions) == 0 {
		return nil
	}
	return &l.Revisions[len(l.Revisions)-1]
}

// stored is l as it is stored: without the claims of its newest
// revision, nor those of a revision with the same claims as the one
// before it (a live blog polled without a change), which decodeLog puts
// back.
func (l *revisionLog) stored() *revisionLog {
	s := &revisionLog{Doc: l.Doc, Revisions: slices.Clone(l.Revisions)}
	for i := len(s.Revisions) - 1; i > 0; i-- {
		if s.Revisions[i].Hash == s.Revisions[i-1].Hash {
			s.Revisions[i].Claims = nil
		}
	}
	if r := s.newest(); r != nil {
		r.Claims = nil
	}
	return s
}

// decodeLog decodes a stored revision log, giving a revision stored
// without claims those of the one before it when it has the same hash;
// the newest keeps none otherwise (see completeLogs). It returns an error
// for a log that cannot be replayed.
func decodeLog(s string) (*revisionLog, error) {
	var l revisionLog
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		return nil, err
	}
	for i := 1; i < len(l.Revisions); i++ {
		if r := &l.Revisions[i]; r.Claims == nil && r.Hash == l.Revisions[i-1].Hash {
			r.Claims = l.Revisions[i-1].Claims
		}
	}
	if !l.valid() {
		return nil, fmt.Errorf("revisions out of order or without their claims")
	}
	return &l, nil
}

// decodeStoredLog decompresses and decodes the revision_log value s.
func decodeStoredLog(s string) (*revisionLog, error) {
	raw, err := zDecoder().DecodeAll([]byte(s), nil)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return decodeLog(string(raw))
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
// have one, and those of docIDs whose log cannot be read (logged as a
// warning: one document's history must not stop a batch).
func (ix *Index) revisionLogs(ctx context.Context, docIDs []string) (map[string]*revisionLog, []string, error) {
	out := make(map[string]*revisionLog, len(docIDs))
	var broken []string
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
			return nil, nil, fmt.Errorf("index: look up revision logs: %w", err)
		}
		for _, h := range res.Hits {
			id := h.ID[:len(h.ID)-len(revisionLogSuffix)]
			s, _ := h.Fields[fieldRevisionLog].(string)
			l, err := decodeStoredLog(s)
			if err != nil {
				ix.log.Warn("revision log cannot be read; the document's claim history starts again from its indexed revision",
					"doc_id", id, "err", err)
				broken = append(broken, id)
				continue
			}
			out[id] = l
		}
	}
	return out, broken, nil
}

// Revisions returns the revisions of document id the index was given, with
// the claims each added, removed, changed and restored; for a document
// whose stored history cannot be read, only its indexed revision (the
// history its next revision starts from). It returns an
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
	var l *revisionLog
	err = ix.consistently(func() error { // the stored log, then the document (see consistent.go)
		l, err = ix.logOf(ctx, id)
		return err
	})
	if err != nil {
		return nil, searchErr(ctx, err)
	}
	if l == nil {
		return nil, newsintel.Errorf(newsintel.ENOTFOUND, "no document with ID %q", id)
	}
	_, revs := l.replay(id)
	return &RevisionHistory{DocumentID: id, Title: l.Doc.Title, Publisher: l.Doc.Publisher, URL: l.Doc.URL,
		Latest: revs[len(revs)-1].Revision, Revisions: revs}, nil
}

// logOf returns the whole revision log of document id (see completeLogs),
// nil when the index holds neither the document nor a log of it.
func (ix *Index) logOf(ctx context.Context, id string) (*revisionLog, error) {
	logs, _, err := ix.revisionLogs(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	broken, err := ix.completeLogs(ctx, logs, []string{id})
	if err != nil {
		return nil, err
	}
	if len(broken) > 0 {
		return nil, fmt.Errorf("index: stored document %s cannot be read", id)
	}
	return logs[id], nil
}

// completeLogs completes the stored logs of ids in logs with their indexed
// documents: a stored log gets the claims of its newest revision, which
// it leaves out, from the document; a document without a stored log (it
// has one revision, see items) or whose log cannot be read gets the log
// of its one revision. A document that is not the revision its log
// names, or whose claims do not hash as the log recorded, still gives
// its claims, with a warning: they are what the index shows. A document
// whose stored value cannot be decoded has its log, if any, removed from
// logs (its history cannot be completed), with a warning; completeLogs
// returns the IDs of those, and the search's error.
func (ix *Index) completeLogs(ctx context.Context, logs map[string]*revisionLog, ids []string) ([]string, error) {
	var broken []string
	for start := 0; start < len(ids); start += claimLookupChunk {
		chunk := ids[start:min(start+claimLookupChunk, len(ids))]
		all := make(map[string][]int, len(chunk))
		for _, id := range chunk {
			all[id] = nil // every claim
		}
		docs, claims, err := ix.docsAndClaims(ctx, chunk, all, func(id string, err error) error {
			ix.log.Warn("stored document cannot be read; its claim history starts again from its next revision",
				"doc_id", id, "err", err)
			broken = append(broken, id)
			delete(logs, id)
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, id := range chunk {
			d, l := docs[id], logs[id]
			switch {
			case l != nil && l.newest().Claims == nil:
				r := l.newest()
				r.Claims = ix.newestClaims(id, r, d, claims[id])
			case l == nil && d != nil:
				logs[id] = docLog(d, claims[id])
			}
		}
	}
	return broken, nil
}

// docLog is the log of one revision, d with its stored claims.
func docLog(d *newsintel.Document, claims []loggedClaim) *revisionLog {
	if claims == nil {
		claims = []loggedClaim{}
	}
	r := loggedRevision{Revision: max(d.Revision, 1), Fetched: d.Fetched.UTC(), Claims: claims,
		Count: len(claims), Hash: claimsHash(claims)}
	return &revisionLog{Doc: loggedDocOf(d), Revisions: []loggedRevision{r}}
}

// newestClaims returns the claims of r, the newest revision of document
// id, from d, the indexed document, and its stored claims, making r count
// and hash them when they are not those the log recorded.
func (ix *Index) newestClaims(id string, r *loggedRevision, d *newsintel.Document, claims []loggedClaim) []loggedClaim {
	if claims == nil {
		claims = []loggedClaim{}
	}
	if d != nil && max(d.Revision, 1) == r.Revision && claimsHash(claims) == r.Hash {
		return claims
	}
	indexed := 0
	if d != nil {
		indexed = d.Revision
	}
	ix.log.Warn("the indexed document differs from its revision log; its claims are used", "doc_id", id,
		"revision", r.Revision, "indexed_revision", indexed, "claims", len(claims), "logged", r.Count)
	r.Count, r.Hash = len(claims), claimsHash(claims)
	return claims
}

// claimItemIDs adds to out the IDs of the claim items of docIDs, removed
// ones too: those whose keys start with claimKeyPrefix (no field names a
// claim's document: Bleve indexes IDs as terms of _id).
func (ix *Index) claimItemIDs(ctx context.Context, docIDs []string, out map[string][]string) error {
	docs := make([]query.Query, len(docIDs))
	for i, id := range docIDs {
		p := query.NewPrefixQuery(claimKeyPrefix(id))
		p.SetField("_id")
		docs[i] = p
	}
	q := query.NewDisjunctionQuery(docs)
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Score = "none"
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: look up claims: %w", err)
		}
		for _, dm := range res.Hits {
			id := claimIDOf(dm.ID)
			if i := strings.LastIndex(id, claimIDSep); i > 0 {
				out[id[:i]] = append(out[id[:i]], id)
			}
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}
