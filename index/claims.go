package index

import (
	"context"
	"encoding/json"
	"fmt"
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
// to the documents, with the ID "<document ID>#c<n>" (n from 1 in the
// order of Document.Claims). Its fields all start with "claim_", so no
// query on document fields matches it; doc_type tells the two apart where
// a query starts from every document (see documentsOnly).
const (
	fieldDocType          = "doc_type" // "document" or "claim"
	docTypeDocument       = "document"
	docTypeClaim          = "claim"
	claimIDSep            = "#c"
	fieldClaimDoc         = "claim_doc"         // the document's ID
	fieldClaimText        = "claim_text"        // analysed like body
	fieldClaimDescription = "claim_description" // analysed like body
	fieldClaimPublisher   = "claim_publisher"
	fieldClaimSourceType  = "claim_source_type"
	fieldClaimAffiliation = "claim_affiliation"    // as written, for the facet
	fieldClaimAffilKey    = "claim_affiliation_lc" // lower case, for the filter
	fieldClaimEntity      = "claim_entity"
	fieldClaimEntityName  = "claim_entity_name"
	fieldClaimPublished   = "claim_published"
	fieldClaimDay         = "claim_day"
	fieldClaimWeek        = "claim_week"
	fieldClaimMonth       = "claim_month"
	fieldClaimStored      = "claim_stored" // stored only: the ClaimHit as JSON
)

// addClaimFields adds the claim fields and doc_type to the document
// mapping m.
func addClaimFields(m *mapping.DocumentMapping) {
	m.AddFieldMappingsAt(fieldDocType, keywordField(false))
	// Claim text is searched (with positions, for phrases) but not stored
	// twice: claim_stored holds it for hits.
	for _, f := range []string{fieldClaimText, fieldClaimDescription} {
		tf := textField()
		tf.Store = false
		m.AddFieldMappingsAt(f, tf)
	}
	for _, f := range []string{fieldClaimDoc, fieldClaimAffilKey, fieldClaimEntity, fieldClaimEntityName} {
		m.AddFieldMappingsAt(f, keywordField(false))
	}
	for _, f := range []string{fieldClaimPublisher, fieldClaimSourceType, fieldClaimAffiliation,
		fieldClaimDay, fieldClaimWeek, fieldClaimMonth} {
		m.AddFieldMappingsAt(f, keywordField(true)) // faceted
	}
	dm := bleve.NewDateTimeFieldMapping()
	dm.Store, dm.IncludeInAll, dm.DocValues = false, false, true // sorted on
	m.AddFieldMappingsAt(fieldClaimPublished, dm)
	m.AddFieldMappingsAt(fieldClaimStored, storedField())
}

// documentsOnly matches every document and no claim: it stands for "all"
// in document searches.
func documentsOnly() query.Query { return term(fieldDocType, docTypeDocument) }

// ClaimHit is one indexed claim with what the journalist needs of its
// document.
type ClaimHit struct {
	ID          string           `json:"id"` // "<document ID>#c<n>"
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
}

// indexedClaim is what Bleve indexes for one claim; the json tags are the
// field names of addClaimFields.
type indexedClaim struct {
	DocType     string     `json:"doc_type"`
	Doc         string     `json:"claim_doc"`
	Text        string     `json:"claim_text"`
	Description string     `json:"claim_description"`
	Publisher   []string   `json:"claim_publisher"`
	SourceType  []string   `json:"claim_source_type"`
	Affiliation []string   `json:"claim_affiliation"`
	AffilKey    []string   `json:"claim_affiliation_lc"`
	Entity      []string   `json:"claim_entity"`
	EntityName  []string   `json:"claim_entity_name"`
	Published   *time.Time `json:"claim_published"`
	Day         []string   `json:"claim_day"`
	Week        []string   `json:"claim_week"`
	Month       []string   `json:"claim_month"`
	Stored      string     `json:"claim_stored"`
}

// claimID is the index ID of the n-th claim (from 1) of document docID.
func claimID(docID string, n int) string { return docID + claimIDSep + strconv.Itoa(n) }

// toIndexedClaims converts the claims of d, keyed by claim ID.
func toIndexedClaims(d *newsintel.Document) (map[string]*indexedClaim, error) {
	names := make(map[string]string, len(d.Mentions))
	for _, m := range d.Mentions {
		names[m.EntityID] = m.Name
	}
	pub := publishedOf(d)
	out := make(map[string]*indexedClaim, len(d.Claims))
	for i := range d.Claims {
		c := &d.Claims[i]
		h := ClaimHit{ID: claimID(d.ID, i+1), DocumentID: d.ID, Title: d.Title, Kind: string(d.Kind),
			Publisher: d.Publisher, URL: d.URL, Published: pub, Text: c.Text, Cue: c.Cue, Hedge: c.Hedge,
			Quote: c.Quote, Source: c.Source, Entities: distinct(c.Entities)}
		for _, id := range h.Entities {
			h.EntityNames = append(h.EntityNames, names[id])
		}
		stored, err := json.Marshal(h)
		if err != nil {
			return nil, fmt.Errorf("index: encode claim %s: %w", h.ID, err)
		}
		x := &indexedClaim{DocType: docTypeClaim, Doc: d.ID, Text: c.Text, Description: c.Source.Description,
			Publisher: nonEmpty(d.Publisher), SourceType: nonEmpty(strings.ToLower(string(c.Source.Type))),
			Affiliation: nonEmpty(strings.TrimSpace(c.Source.Affiliation)),
			AffilKey:    nonEmpty(strings.ToLower(strings.TrimSpace(c.Source.Affiliation))),
			Entity:      h.Entities, EntityName: distinct(nonEmptyAll(h.EntityNames)), Stored: string(stored)}
		addClaimPublished(x, pub)
		out[h.ID] = x
	}
	return out, nil
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

func addClaimPublished(x *indexedClaim, t time.Time) {
	if !indexableTime(t) {
		return
	}
	x.Published = timePtr(t)
	u := t.UTC()
	x.Day = []string{u.Format(time.DateOnly)}
	x.Week = []string{weekStart(u).Format(time.DateOnly)}
	x.Month = []string{u.Format("2006-01")}
}

// putClaims adds to b the claims of the documents in written and deletes
// the claims their previous revisions had beyond the new ones (a revision
// can drop a claim).
func (ix *Index) putClaims(ctx context.Context, b *bleve.Batch, written []*newsintel.Document) error {
	if len(written) == 0 {
		return nil
	}
	ids := make([]string, len(written))
	for i, d := range written {
		ids[i] = d.ID
	}
	old := map[string][]string{}
	for start := 0; start < len(ids); start += claimLookupChunk {
		if err := ix.claimIDsOf(ctx, ids[start:min(start+claimLookupChunk, len(ids))], old); err != nil {
			return err
		}
	}
	for _, d := range written {
		claims, err := toIndexedClaims(d)
		if err != nil {
			return err
		}
		for id, x := range claims {
			if err := b.Index(id, x); err != nil {
				return fmt.Errorf("index: add claim %s to batch: %w", id, err)
			}
		}
		for _, id := range old[d.ID] {
			if _, kept := claims[id]; !kept {
				b.Delete(id)
			}
		}
	}
	return nil
}

// claimLookupChunk keeps the document IDs of one claim lookup below
// Bleve's clause limit (maxClauses).
const claimLookupChunk = 500

// claimIDsOf adds to out the IDs of the indexed claims of each of docIDs.
func (ix *Index) claimIDsOf(ctx context.Context, docIDs []string, out map[string][]string) error {
	qs := make([]query.Query, len(docIDs))
	for i, id := range docIDs {
		qs[i] = term(fieldClaimDoc, id)
	}
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(qs), page, from, false)
		req.Score = "none"
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: look up claims: %w", err)
		}
		for _, h := range res.Hits {
			doc, _, _ := strings.Cut(h.ID, claimIDSep)
			out[doc] = append(out[doc], h.ID)
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}

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
