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

// claimState is one claim followed through the revisions.
type claimState struct {
	id             string
	key            string
	claim          *loggedClaim // as the last revision that had it wrote it
	added          int
	addedAt        time.Time
	changed        int
	changedAt      time.Time
	previousText   string
	previousSource *newsintel.Source
	removed        int
	removedAt      time.Time
	position       int // in the newest revision, from 1; 0 when removed
}

func (s *claimState) status() string {
	switch {
	case s.removed > 0:
		return ClaimRemoved
	case s.changed > 0:
		return ClaimChanged
	}
	return ClaimCurrent
}

// event describes what revision r did to s; verb is "added", "removed",
// "changed" or "restored".
func (s *claimState) event(verb string, r *loggedRevision) ClaimEvent {
	e := ClaimEvent{ClaimID: s.id, Text: s.claim.Text, Source: s.claim.Source,
		Note: fmt.Sprintf("claim %s in revision %d", verb, r.Revision)}
	if !r.Fetched.IsZero() {
		e.Note += r.Fetched.UTC().Format(", 2006-01-02 15:04 MST")
	}
	if verb == "changed" {
		e.PreviousText, e.PreviousSource = s.previousText, s.previousSource
	}
	return e
}

// replay follows the claims of docID through the logged revisions in
// order. It returns every claim ever seen (those of the newest revision in
// its order, then the removed ones) and the revisions with their events.
func (l *revisionLog) replay(docID string) ([]*claimState, []Revision) {
	p := &replayer{docID: docID, taken: map[string]bool{}}
	revs := make([]Revision, 0, len(l.Revisions))
	for i := range l.Revisions {
		revs = append(revs, p.step(&l.Revisions[i]))
	}
	for i, s := range p.live {
		s.position = i + 1
	}
	return append(slices.Clone(p.live), p.gone...), revs
}

// replayer holds the claims between two steps of a replay.
type replayer struct {
	docID string
	taken map[string]bool // claim IDs handed out
	live  []*claimState   // the claims of the previous revision, in its order
	gone  []*claimState   // removed claims
}

// step moves the claims on to revision r: unchanged claims first, then
// edits, then claims back after a removal, then new ones; what is left of
// the previous revision was removed.
func (p *replayer) step(r *loggedRevision) Revision {
	rv := Revision{Revision: r.Revision, Fetched: r.Fetched, Claims: len(r.Claims),
		Added: []ClaimEvent{}, Removed: []ClaimEvent{}, Changed: []ClaimEvent{}}
	next := make([]*claimState, len(r.Claims))
	liveFree, newFree := trues(len(p.live)), trues(len(r.Claims))
	keys := make([]string, len(r.Claims))
	byKey := map[string][]int{}
	for j, s := range p.live {
		byKey[s.key] = append(byKey[s.key], j)
	}
	for i := range r.Claims {
		keys[i] = claimKey(&r.Claims[i])
		if js := byKey[keys[i]]; len(js) > 0 {
			byKey[keys[i]] = js[1:]
			liveFree[js[0]], newFree[i] = false, false
			next[i] = p.live[js[0]]
			next[i].claim = &r.Claims[i]
		}
	}
	p.edits(r, keys, next, liveFree, newFree, &rv)
	p.restore(r, keys, next, newFree, &rv)
	for i := range r.Claims {
		if newFree[i] {
			s := &claimState{id: claimIDFor(p.docID, keys[i], p.taken), key: keys[i], claim: &r.Claims[i],
				added: r.Revision, addedAt: r.Fetched}
			next[i] = s
			rv.Added = append(rv.Added, s.event("added", r))
		}
	}
	for j, s := range p.live {
		if liveFree[j] {
			s.removed, s.removedAt = r.Revision, r.Fetched
			p.gone = append(p.gone, s)
			rv.Removed = append(rv.Removed, s.event("removed", r))
		}
	}
	p.live = next
	return rv
}

// edits pairs the claims left of the previous revision with the new ones
// they were edited into.
func (p *replayer) edits(r *loggedRevision, keys []string, next []*claimState, liveFree, newFree []bool, rv *Revision) {
	olds := make([]*loggedClaim, len(p.live))
	for j, s := range p.live {
		olds[j] = s.claim
	}
	news := make([]*loggedClaim, len(r.Claims))
	for i := range r.Claims {
		news[i] = &r.Claims[i]
	}
	for i, j := range matchEdits(olds, news, liveFree, newFree) {
		if j < 0 {
			continue
		}
		s := p.live[j]
		s.previousText, s.previousSource = "", nil
		if normText(s.claim.Text) != normText(news[i].Text) {
			s.previousText = s.claim.Text
		}
		if attribution(s.claim.Source) != attribution(news[i].Source) {
			prev := s.claim.Source
			s.previousSource = &prev
		}
		s.claim, s.key, s.changed, s.changedAt = news[i], keys[i], r.Revision, r.Fetched
		next[i] = s
		rv.Changed = append(rv.Changed, s.event("changed", r))
	}
}

// restore brings back removed claims that revision r has again, word for
// word.
func (p *replayer) restore(r *loggedRevision, keys []string, next []*claimState, newFree []bool, rv *Revision) {
	for i := range r.Claims {
		if !newFree[i] {
			continue
		}
		for g, s := range p.gone {
			if s.key == keys[i] {
				p.gone = slices.Delete(p.gone, g, g+1)
				s.claim, s.removed, s.removedAt = &r.Claims[i], 0, time.Time{}
				next[i], newFree[i] = s, false
				rv.Restored = append(rv.Restored, s.event("restored", r))
				break
			}
		}
	}
}

func trues(n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = true
	}
	return out
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
// back from their claim items (current and changed, by Position). It
// returns an error when the items and the log disagree on their number.
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
			return fmt.Errorf("index: %s revision %d has %d claim items, its log says %d", id, r.Revision, len(hs), r.Count)
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
