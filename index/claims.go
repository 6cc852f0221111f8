package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/newsintel/newsintel"
)

// Each claim of a document is indexed as a Bleve document of its own, next
// to the documents, with the ID "<document ID>#c" and a fingerprint of the
// claim as first seen (see claimIDFor), which Bleve holds as a shorter key
// for an article's claims (see itemKey); its place in Document.Claims is
// ClaimHit.Position. Its fields all start with "claim_", so no
// query on document fields matches it; doc_type tells the two apart where
// a query starts from every document (see documentsOnly).
const (
	fieldDocType           = "doc_type" // "document" or "claim"
	docTypeDocument        = "document"
	docTypeClaim           = "claim"
	claimIDSep             = "#c"
	fieldClaimText         = "claim_text"        // analysed like body
	fieldClaimDescription  = "claim_description" // analysed like body
	fieldClaimTextSeq      = "claim_text_seq"    // stored only: token sequences of the two (see seq.go)
	fieldClaimDescSeq      = "claim_description_seq"
	fieldClaimKeys         = "claim_keys"           // what claim sorts and facets read, in one field with doc values (see claimKeys)
	fieldClaimAffilKey     = "claim_affiliation_lc" // lower case, for the filter
	fieldClaimEntity       = "claim_entity"
	fieldClaimEntityName   = "claim_entity_name"
	fieldClaimPublishedKey = fieldClaimKeys // the date sort keys are the claim_keys that start with a date (see claimDateKey)
	fieldClaimDay          = "claim_day"    // "2024-05-03": the histograms count it (see claimHistogram) and date filters read it
	fieldClaimMonth        = "claim_month"  // "2024-05", to filter on dates
	fieldClaimHour         = "claim_hour"   // "2024-05-03T14", to filter on dates (see dates.go)
	fieldClaimStored       = "claim_stored" // stored only: the ClaimHit as JSON, without its document's fields (see withDocs)
)

// addClaimFields adds the claim fields and doc_type to the document
// mapping m.
func addClaimFields(m *mapping.DocumentMapping) {
	m.AddFieldMappingsAt(fieldDocType, keywordField(false))
	// Claim text is searched but not stored twice: the document's packed
	// value holds it for hits. Phrases read its token sequence (see
	// seq.go), not term vectors.
	for _, f := range []string{fieldClaimText, fieldClaimDescription} {
		tf := textField()
		tf.Store, tf.IncludeTermVectors = false, false
		m.AddFieldMappingsAt(f, tf)
		m.AddFieldMappingsAt(seqFields[f], storedField())
	}
	for _, f := range []string{fieldClaimAffilKey, fieldClaimEntity, fieldClaimEntityName, fieldClaimHour, fieldClaimMonth} {
		m.AddFieldMappingsAt(f, keywordField(false))
	}
	for _, f := range []string{fieldClaimKeys, fieldClaimDay} {
		m.AddFieldMappingsAt(f, keywordField(true)) // faceted or sorted on
	}
	// No date field: date sorts read the date key of claim_keys,
	// and since and until read it with claim_month, claim_day and
	// claim_hour (see dates.go), not the 16 terms a date indexes.
	m.AddFieldMappingsAt(fieldClaimStored, storedField())
	m.AddFieldMappingsAt(fieldRevisionLog, storedField())
}

// documentsOnly matches every document and no claim: it stands for "all"
// in document searches.
func documentsOnly() query.Query { return term(fieldDocType, docTypeDocument) }

// ClaimHit is one indexed claim with what the journalist needs of its
// document.
type ClaimHit struct {
	ID          string           `json:"id"` // "<document ID>#c" and a fingerprint of the claim as first seen
	DocumentID  string           `json:"document_id"`
	Title       string           `json:"title,omitempty"`
	Kind        string           `json:"kind,omitempty"`
	Publisher   string           `json:"publisher,omitempty"`
	URL         string           `json:"url,omitempty"`
	Published   time.Time        `json:"published,omitzero"`
	Text        string           `json:"text"`
	Cue         string           `json:"cue,omitempty"`
	Hedge       string           `json:"hedge,omitempty"`
	Quote       bool             `json:"quote"`
	Source      newsintel.Source `json:"source"`
	Entities    []string         `json:"entities,omitempty"`
	EntityNames []string         `json:"entity_names,omitempty"`
	Score       float64          `json:"score,omitempty"`

	// Position is the claim's place (from 1) in Document.Claims of the
	// newest revision; 0 for a removed claim.
	Position int `json:"position,omitempty"`

	// The claim's edit history across revisions of its document.
	Status          string            `json:"status,omitempty"`           // current, changed or removed; always set in results
	AddedRevision   int               `json:"added_revision"`             // the revision it first appeared in
	AddedAt         time.Time         `json:"added_at,omitzero"`          // when that revision was fetched; absent for revision 1 (the document's own fetch)
	ChangedRevision int               `json:"changed_revision,omitempty"` // the revision that last edited it
	ChangedAt       time.Time         `json:"changed_at,omitzero"`
	PreviousText    string            `json:"previous_text,omitempty"`    // the text before that edit
	PreviousSource  *newsintel.Source `json:"previous_source,omitempty"`  // the attribution before that edit, when it changed
	RemovedRevision int               `json:"removed_revision,omitempty"` // the revision that dropped it
	RemovedAt       time.Time         `json:"removed_at,omitzero"`        // when that revision was fetched

	Warning string `json:"warning,omitempty"` // why the hit shows less than it should (its document's stored value cannot be read)
}

// storedClaimHit is a ClaimHit as claim_stored holds it: without its
// IDs, which the item's ID gives (see toClaimHit), without a false Quote
// or an AddedRevision of 1 (revisions count from 1), and, for a claim of
// the newest revision, without what it says (text, cue, hedge, quote,
// source, entities), which the document's stored claims hold at its
// Position (see withDocs). A removed claim, no longer in the document,
// keeps all of it. What is left of a current claim in its first revision
// is its position, stored bare, in digits. Its fields hide those of
// ClaimHit with the same JSON names.
type storedClaimHit struct {
	ClaimHit
	ID            string            `json:"id,omitempty"`
	DocumentID    string            `json:"document_id,omitempty"`
	Text          string            `json:"text,omitempty"`
	Quote         bool              `json:"quote,omitempty"`
	Source        *newsintel.Source `json:"source,omitempty"`
	AddedRevision int               `json:"added_revision,omitempty"`
}

// indexedClaim is what Bleve indexes for one claim; the json tags are the
// field names of addClaimFields.
type indexedClaim struct {
	DocType     string   `json:"doc_type"`
	Text        string   `json:"claim_text"`
	Description []string `json:"claim_description"` // none when empty: no stored sequence for it either
	Keys        []string `json:"claim_keys"`
	AffilKey    []string `json:"claim_affiliation_lc"`
	Entity      []string `json:"claim_entity"`
	EntityName  []string `json:"claim_entity_name"`
	Day         []string `json:"claim_day"`
	Month       []string `json:"claim_month"`
	Hour        []string `json:"claim_hour"`
	Stored      string   `json:"claim_stored"`
}

// toIndexedClaims converts the claims of d, seen for the first time, into
// the items Put writes beside it, keyed by claim ID (a first revision has
// no stored log, see items).
func toIndexedClaims(d *newsintel.Document) (map[string]any, error) {
	var l revisionLog
	l.add(d)
	return l.items(d.ID)
}

// items returns the items of document docID that the log makes: every
// claim it has seen, keyed by claim ID, and the log itself when it holds
// more than one revision. A log of one revision is the one the indexed
// document makes (see completeLogs), so it is not stored: most documents
// never change.
func (l *revisionLog) items(docID string) (map[string]any, error) {
	states, _ := l.replay(docID)
	out := make(map[string]any, len(states)+1)
	for _, st := range states {
		x, err := l.Doc.claimItem(docID, st)
		if err != nil {
			return nil, err
		}
		out[st.id] = x
	}
	if len(l.Revisions) < 2 {
		return out, nil
	}
	enc, err := json.Marshal(l.stored())
	if err != nil {
		return nil, fmt.Errorf("index: encode revisions of %s: %w", docID, err)
	}
	// Compressed: it holds the claims of every earlier revision.
	out[docID+revisionLogSuffix] = &indexedLog{DocType: docTypeRevisions, Log: string(zEncoder().EncodeAll(enc, nil))}
	return out, nil
}

// claimItem is the indexed claim st of document docID.
func (doc *loggedDoc) claimItem(docID string, st *claimState) (*indexedClaim, error) {
	c := st.claim
	// The document's title, kind, publisher, URL and date are not stored
	// with each claim: withDocs reads them from the document.
	h := ClaimHit{ID: st.id, DocumentID: docID, Text: c.Text, Cue: c.Cue, Hedge: c.Hedge, Quote: c.Quote,
		Source: c.Source, Entities: c.Entities, EntityNames: c.EntityNames,
		Position: st.position, Status: st.status(), AddedRevision: st.added, ChangedRevision: st.changed,
		ChangedAt: st.changedAt, PreviousText: st.previousText, PreviousSource: st.previousSource,
		RemovedRevision: st.removed, RemovedAt: st.removedAt}
	if st.added > 1 {
		h.AddedAt = st.addedAt
	}
	stored, err := json.Marshal(toStored(h))
	if err != nil {
		return nil, fmt.Errorf("index: encode claim %s: %w", h.ID, err)
	}
	// Most claims are current and as first written: all that is left is
	// their position, which claim_stored then holds bare, in digits.
	if p := strconv.Itoa(h.Position); string(stored) == `{"position":`+p+`}` {
		stored = []byte(p)
	}
	x := &indexedClaim{DocType: docTypeClaim, Text: c.Text, Description: unlessBlank(c.Source.Description),
		Keys:     claimKeys(docID, st, doc.Publisher, doc.Published),
		AffilKey: nonEmpty(strings.ToLower(strings.TrimSpace(c.Source.Affiliation))),
		Entity:   c.Entities, EntityName: distinct(nonEmptyAll(c.EntityNames)), Stored: string(stored)}
	addClaimPublished(x, doc.Published)
	return x, nil
}

// toStored is h as claim_stored holds it (see storedClaimHit).
func toStored(h ClaimHit) storedClaimHit {
	sh := storedClaimHit{ClaimHit: h}
	if h.AddedRevision > 1 {
		sh.AddedRevision = h.AddedRevision
	}
	// Most claims are current: claim_stored leaves that status out and
	// toClaimHit puts it back.
	if sh.Status == ClaimCurrent {
		sh.Status = ""
	}
	if h.Position == 0 {
		sh.Text, sh.Quote, sh.Source = h.Text, h.Quote, &h.Source
		return sh
	}
	sh.Cue, sh.Hedge, sh.Entities, sh.EntityNames = "", "", nil, nil
	return sh
}

// unlessBlank is s alone, or nothing when s is white space: a field
// Bleve is given costs a stored sequence and its entry even when it holds
// no word, and most claims have no source description.
func unlessBlank(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

func nonEmptyAll(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// addClaimPublished indexes date t of a claim's document on x: the
// histogram and filter terms.
func addClaimPublished(x *indexedClaim, t time.Time) {
	if !indexableTime(t) {
		return
	}
	x.Month, x.Day, x.Hour = dateTerms(t)
}

// putClaims adds to b the claim items and revision logs of the documents
// of docs (every revision of them, also those older than the indexed
// document: they still belong in its history), and deletes the items of
// claims the new log no longer makes (a late revision re-keyed them, or
// the log forgot the revision they were in). indexed holds the IDs of
// docs the index holds. A document whose log does not change (a replay)
// is left alone; one whose stored log cannot be read starts a new log
// from its indexed revision, and one whose stored document cannot be read
// a new log from the revisions in docs.
func (ix *Index) putClaims(ctx context.Context, b *bleve.Batch, docs []newsintel.Document, indexed map[string]int) error {
	if len(docs) == 0 {
		return nil
	}
	byID := map[string][]*newsintel.Document{}
	var ids []string
	for i := range docs {
		if _, seen := byID[docs[i].ID]; !seen {
			ids = append(ids, docs[i].ID)
		}
		byID[docs[i].ID] = append(byID[docs[i].ID], &docs[i])
	}
	logs, broken, err := ix.revisionLogs(ctx, ids)
	if err != nil {
		return err
	}
	hadLog := map[string]bool{}
	var lookup []string
	for _, id := range ids {
		_, isIndexed := indexed[id]
		hadLog[id] = logs[id] != nil || slices.Contains(broken, id)
		if isIndexed || hadLog[id] {
			lookup = append(lookup, id)
		}
	}
	unreadable, err := ix.completeLogs(ctx, logs, lookup)
	if err != nil {
		return err
	}
	broken = append(broken, unreadable...)
	var known, write []string
	for _, id := range ids {
		switch l := logs[id]; {
		case slices.Contains(broken, id) || l != nil && l.changedBy(byID[id]):
			known = append(known, id)
			write = append(write, id)
		case l == nil:
			write = append(write, id)
		}
	}
	itemIDs := map[string][]string{}
	for start := 0; start < len(known); start += claimLookupChunk {
		if err := ix.claimItemIDs(ctx, known[start:min(start+claimLookupChunk, len(known))], itemIDs); err != nil {
			return err
		}
	}
	for _, id := range write {
		if hadLog[id] {
			itemIDs[id] = append(itemIDs[id], id+revisionLogSuffix)
		}
		if err := putLog(b, ix.bleve.Mapping(), id, logs[id], byID[id], itemIDs[id]); err != nil {
			return err
		}
	}
	return nil
}

// putLog adds revisions to the log l of document id (nil when it has
// none yet, else with the claims of its newest revision filled in),
// writes the items of the new log to b, mapped by m, and deletes those of
// itemIDs, the document's items, that it no longer makes.
func putLog(b *bleve.Batch, m mapping.IndexMapping, id string, l *revisionLog, revisions []*newsintel.Document, itemIDs []string) error {
	if l == nil {
		l = &revisionLog{}
	}
	for _, d := range revisions {
		l.add(d)
	}
	items, err := l.items(id)
	if err != nil {
		return err
	}
	for itemID, x := range items {
		if err := addWithSeqs(b, m, itemKey(itemID), x); err != nil {
			return err
		}
	}
	for _, itemID := range itemIDs {
		if _, kept := items[itemID]; !kept {
			b.Delete(itemKey(itemID))
		}
	}
	return nil
}

// claimLookupChunk keeps the IDs of one revision log lookup to a modest
// query.
const claimLookupChunk = 500

// docCount counts the documents of r, leaving out the claims beside them,
// for term weights.
func docCount(ctx context.Context, r bleveindex.IndexReader) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(docTypeDocument), fieldDocType, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("index: count documents: %w", err)
	}
	defer tfr.Close()
	return tfr.Count(), nil
}
