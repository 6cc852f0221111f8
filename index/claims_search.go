package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
)

// Facets of a claim search.
const (
	ClaimFacetSourceType  = "source_type"
	ClaimFacetPublisher   = "publisher"
	ClaimFacetAffiliation = "affiliation"
	ClaimFacetStatus      = "status"
)

// ClaimFacetNames lists the facets a ClaimRequest may ask for.
func ClaimFacetNames() []string {
	return []string{ClaimFacetSourceType, ClaimFacetPublisher, ClaimFacetAffiliation, ClaimFacetStatus}
}

var claimFacetFields = map[string]string{
	ClaimFacetSourceType:  fieldClaimSourceType,
	ClaimFacetPublisher:   fieldClaimPublisher,
	ClaimFacetAffiliation: fieldClaimAffiliation,
	ClaimFacetStatus:      fieldClaimStatus,
}

// ClaimRequest is a search over claims. Values within one filter are
// alternatives; different filters must all match.
type ClaimRequest struct {
	// Query matches claim text and source description: every word must
	// match one of them (stemmed); "quoted phrases" match in order.
	Query string
	Size  int    // claims to return, 1 to 100; 0 means 10
	From  int    // claims to skip; From+Size at most 10 000
	Sort  string // relevance, date or -date; empty: -date (newest first); by date, a document's claims in article order, removed ones last

	Entity      []string // entity IDs or canonical names
	SourceType  []string
	Publisher   []string
	Affiliation []string // case-insensitive, exact
	Since       time.Time
	Until       time.Time

	// Status keeps claims of these statuses (see ClaimStatuses). Without
	// it a search finds the claims of the documents' newest revisions
	// (current and changed), or every claim ever seen with
	// IncludeRemoved.
	Status         []string
	IncludeRemoved bool

	Facets        []string // see ClaimFacetNames
	FacetSize     int      // terms per facet, 1 to 100; 0 means 10
	DateHistogram string   // day, week, month, or ""
}

// ClaimResult is what a claim search found.
type ClaimResult struct {
	Total     uint64                  `json:"total"`
	TookMS    float64                 `json:"took_ms"`
	Claims    []ClaimHit              `json:"claims"`
	Facets    map[string][]FacetCount `json:"facets,omitempty"`
	Histogram []DateBucket            `json:"histogram,omitempty"`
}

// SearchClaims runs r within Options.QueryTimeout, newest claims first
// unless r says otherwise. It returns an EINVALID error for a bad request,
// ETOOMANY when MaxConcurrentSearches searches are already running, and
// EUNAVAILABLE when the search timed out. It is safe for concurrent use.
func (ix *Index) SearchClaims(ctx context.Context, r ClaimRequest) (*ClaimResult, error) {
	if err := validateClaimRequest(&r); err != nil {
		return nil, err
	}
	ctx, done, err := ix.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	req := ix.claimSearchRequest(&r)
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchErr(ctx, err)
	}
	out := &ClaimResult{Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000,
		Claims: make([]ClaimHit, 0, len(res.Hits))}
	for _, dm := range res.Hits {
		h, err := toClaimHit(dm)
		if err != nil {
			return nil, err
		}
		out.Claims = append(out.Claims, h)
	}
	if err := ix.withDocs(ctx, out.Claims); err != nil {
		return nil, err
	}
	for _, name := range r.Facets {
		if out.Facets == nil {
			out.Facets = make(map[string][]FacetCount, len(r.Facets))
		}
		out.Facets[name] = termCounts(res.Facets[name], func(t string) (string, bool) { return t, true })
	}
	out.Histogram = histogram(r.DateHistogram, res.Facets[claimHistogramField(r.DateHistogram)])
	return out, nil
}

func validateClaimRequest(r *ClaimRequest) error {
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.FacetSize == 0 {
		r.FacetSize = DefaultFacetSize
	}
	sr := Request{Size: r.Size, From: r.From, Sort: r.Sort, FacetSize: r.FacetSize, SourceType: r.SourceType,
		Since: r.Since, Until: r.Until, DateHistogram: r.DateHistogram}
	if err := validateRequest(&sr); err != nil {
		return err
	}
	for _, f := range r.Facets {
		if _, ok := claimFacetFields[f]; !ok {
			return invalid("facet %q is unknown; use one of %s", f, strings.Join(ClaimFacetNames(), ", "))
		}
	}
	for _, st := range r.Status {
		if st = strings.ToLower(strings.TrimSpace(st)); st != "" && !slices.Contains(ClaimStatuses(), st) {
			return invalid("status %q is unknown; use one of %s", st, strings.Join(ClaimStatuses(), ", "))
		}
	}
	if len(r.Query) > maxQueryBytes {
		return invalid("the query is %d bytes long; use at most %d", len(r.Query), maxQueryBytes)
	}
	return nil
}

// maxQueryBytes bounds a claim query.
const maxQueryBytes = 1000

func (ix *Index) claimSearchRequest(r *ClaimRequest) *bleve.SearchRequest {
	text := claimTextQuery(r.Query, ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer))
	all := []query.Query{term(fieldDocType, docTypeClaim)}
	if text != nil {
		all = append(all, text)
	}
	all = append(all, claimFilters(r)...)
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(all), r.Size, r.From, false)
	req.Fields = []string{fieldClaimStored}
	switch {
	case r.Sort == SortRelevance && text != nil:
		req.SortBy([]string{"-_score", "_id"})
	case r.Sort == SortDate:
		req.SortByCustom(sortFields([]string{fieldClaimPublishedKey, fieldClaimOrder}))
	default:
		req.SortByCustom(sortFields([]string{"-" + fieldClaimPublishedKey, fieldClaimOrder})) // a document's claims in article order
	}
	if text == nil || r.Sort != SortRelevance {
		req.Score = "none"
	}
	for _, f := range r.Facets {
		req.AddFacet(f, bleve.NewFacetRequest(claimFacetFields[f], r.FacetSize))
	}
	if f := claimHistogramField(r.DateHistogram); f != "" {
		req.AddFacet(f, bleve.NewFacetRequest(f, maxBuckets))
	}
	return req
}

// claimTextQuery matches every word and "quoted phrase" of q in claim text
// or source description; nil for a query without words. Words the analyzer turns
// to nothing (stop words) are left out, as they would match nothing.
func claimTextQuery(q string, an analysis.Analyzer) query.Query {
	var parts []query.Query
	either := func(mk func(field string) query.Query) query.Query {
		return query.NewDisjunctionQuery([]query.Query{mk(fieldClaimText), mk(fieldClaimDescription)})
	}
	for i, chunk := range strings.Split(q, `"`) {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" {
			continue
		}
		if i%2 == 1 && len(an.Analyze([]byte(chunk))) > 0 { // inside quotes
			parts = append(parts, either(func(f string) query.Query {
				p := query.NewMatchPhraseQuery(chunk)
				p.SetField(f)
				return p
			}))
			continue
		}
		for _, w := range strings.Fields(chunk) {
			if len(an.Analyze([]byte(w))) == 0 {
				continue
			}
			parts = append(parts, either(func(f string) query.Query {
				m := query.NewMatchQuery(w)
				m.SetField(f)
				return m
			}))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return query.NewConjunctionQuery(parts)
}

// claimFilters builds one unscored clause per filter of r.
func claimFilters(r *ClaimRequest) []query.Query {
	var out []query.Query
	add := func(field string, vals []string, norm func(string) []string) {
		var alts []query.Query
		for _, v := range vals {
			if v = strings.TrimSpace(v); v != "" {
				for _, nv := range norm(v) {
					alts = append(alts, term(field, nv))
				}
			}
		}
		if len(alts) > 0 {
			out = append(out, unscored{query.NewDisjunctionQuery(alts)})
		}
	}
	add(fieldClaimSourceType, r.SourceType, lower)
	add(fieldClaimPublisher, r.Publisher, func(v string) []string { return []string{v} })
	add(fieldClaimAffilKey, r.Affiliation, lower)
	switch {
	case len(distinct(r.Status)) > 0:
		add(fieldClaimStatus, r.Status, lower)
	case !r.IncludeRemoved:
		add(fieldClaimStatus, []string{ClaimCurrent, ClaimChanged}, lower)
	}
	var ents []query.Query
	for _, v := range r.Entity {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		for _, id := range entityIDs("", v) {
			ents = append(ents, term(fieldClaimEntity, id))
		}
		if !isEntityID(v) {
			ents = append(ents, term(fieldClaimEntityName, v))
		}
	}
	if len(ents) > 0 {
		out = append(out, unscored{query.NewDisjunctionQuery(ents)})
	}
	if !r.Since.IsZero() || !r.Until.IsZero() {
		incl := true
		q := query.NewDateRangeInclusiveQuery(r.Since, r.Until, &incl, &incl)
		q.SetField(fieldClaimPublished)
		out = append(out, q)
	}
	return out
}

func claimHistogramField(interval string) string {
	switch interval {
	case HistogramDay:
		return fieldClaimDay
	case HistogramWeek:
		return fieldClaimWeek
	case HistogramMonth:
		return fieldClaimMonth
	}
	return ""
}

func toClaimHit(dm *search.DocumentMatch) (ClaimHit, error) {
	var h ClaimHit
	s, _ := dm.Fields[fieldClaimStored].(string)
	if err := json.Unmarshal([]byte(s), &h); err != nil {
		return h, fmt.Errorf("index: decode claim %s: %w", dm.ID, err)
	}
	h.Score = dm.Score
	if h.Status == "" {
		h.Status = ClaimCurrent // left out of claim_stored
	}
	return h, nil
}

// withDocs fills in the title, kind, publisher, URL and date of each
// claim of hits from its document, which claim items do not store: one
// search for the page's distinct documents, reading only their title and
// meta. A claim whose document is not indexed keeps them empty.
func (ix *Index) withDocs(ctx context.Context, hits []ClaimHit) error {
	var ids []string
	for _, h := range hits {
		if !slices.Contains(ids, h.DocumentID) {
			ids = append(ids, h.DocumentID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldTitle, fieldMeta}
	req.Score = "none"
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return searchErr(ctx, err)
	}
	docs := make(map[string]*newsintel.Document, len(res.Hits))
	for _, dm := range res.Hits {
		meta, _ := dm.Fields[fieldMeta].(string)
		var d newsintel.Document
		if err := json.Unmarshal([]byte(meta), &d); err != nil {
			return fmt.Errorf("index: decode stored document %s: %w", dm.ID, err)
		}
		d.Title, _ = dm.Fields[fieldTitle].(string)
		docs[dm.ID] = &d
	}
	for i := range hits {
		if d := docs[hits[i].DocumentID]; d != nil {
			h := &hits[i]
			h.Title, h.Kind, h.Publisher, h.URL, h.Published = d.Title, string(d.Kind), d.Publisher, d.URL, publishedOf(d)
		}
	}
	return nil
}
