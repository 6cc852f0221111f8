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

// claimFacetKeys gives the prefix of the claim_keys each facet counts.
var claimFacetKeys = map[string]string{
	ClaimFacetSourceType:  keySourceType,
	ClaimFacetPublisher:   keyPublisher,
	ClaimFacetAffiliation: keyAffiliation,
	ClaimFacetStatus:      keyStatus,
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
	res, hits, err := ix.claimPage(ctx, ix.claimSearchRequest(&r))
	if err != nil {
		return nil, err
	}
	out := &ClaimResult{Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000, Claims: hits}
	for _, name := range r.Facets {
		if out.Facets == nil {
			out.Facets = make(map[string][]FacetCount, len(r.Facets))
		}
		if name == ClaimFacetStatus {
			out.Facets[name] = claimStatusFacet(res.Facets[name], r.FacetSize)
			continue
		}
		out.Facets[name] = termCounts(res.Facets[name], func(t string) (string, bool) {
			return strings.TrimPrefix(t, claimFacetKeys[name]), true
		})
	}
	out.Histogram = claimHistogram(r.DateHistogram, res.Facets[claimHistogramField(r.DateHistogram)])
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
		if _, ok := claimFacetKeys[f]; !ok {
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
	text := claimTextQuery(r.Query, ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer), ix.reportDamaged)
	all := []query.Query{term(fieldDocType, docTypeClaim)}
	if text != nil {
		all = append(all, text)
	}
	filters, exclude := claimFilters(r)
	var q query.Query = query.NewConjunctionQuery(append(all, filters...))
	if exclude != nil {
		q = query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{exclude})
	}
	req := bleve.NewSearchRequestOptions(q, r.Size, r.From, false)
	req.Fields = []string{fieldClaimStored}
	switch {
	case r.Sort == SortRelevance && text != nil:
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, &claimIDSort{}})
	default: // by date, a document's claims in article order
		req.SortByCustom(search.SortOrder{&claimDateSort{desc: r.Sort != SortDate}})
	}
	if text == nil || r.Sort != SortRelevance {
		req.Score = "none"
	}
	for _, f := range r.Facets {
		fr := bleve.NewFacetRequest(fieldClaimKeys, r.FacetSize)
		fr.SetPrefixFilter(claimFacetKeys[f])
		req.AddFacet(f, fr)
	}
	if f := claimHistogramField(r.DateHistogram); f != "" {
		size := maxBuckets
		if r.DateHistogram != HistogramDay {
			size = maxFoldedDays // every day, to fold into weeks or months
		}
		req.AddFacet(f, bleve.NewFacetRequest(f, size))
	}
	return req
}

// claimTextQuery matches every word and "quoted phrase" of q in claim text
// or source description; nil for a query without words. Words the analyzer turns
// to nothing (stop words) are left out, as they would match nothing.
func claimTextQuery(q string, an analysis.Analyzer, damaged damageReport) query.Query {
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
				return phraseQuery(f, chunk, 1, damaged, nil)
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

// claimFilters builds one unscored clause per filter of r, and the
// clause claims must not match (see claimStatusFilter), nil for none.
func claimFilters(r *ClaimRequest) ([]query.Query, query.Query) {
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
	add(fieldClaimKeys, r.SourceType, func(v string) []string { return []string{keySourceType + strings.ToLower(v)} })
	add(fieldClaimKeys, r.Publisher, func(v string) []string { return []string{keyPublisher + v} })
	add(fieldClaimAffilKey, r.Affiliation, lower)
	keep, exclude := claimStatusFilter(r)
	if keep != nil {
		out = append(out, keep)
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
		out = append(out, claimDates.rangeQuery(r.Since, r.Until))
	}
	return out, exclude
}

// claimHistogramField is the field a claim histogram by interval counts:
// claim_day for each interval, as claims keep no week or month doc values
// (see claimHistogram); "" for no histogram.
func claimHistogramField(interval string) string {
	if interval == "" {
		return ""
	}
	return fieldClaimDay
}

// maxFoldedDays bounds the days a claim histogram by week or month folds:
// some 180 years.
const maxFoldedDays = 1 << 16

// claimHistogram is the histogram of claims by interval from res, the
// facet of claim_day: days, or days folded into their weeks or months.
func claimHistogram(interval string, res *search.FacetResult) []DateBucket {
	if interval == HistogramDay || res == nil || res.Terms == nil {
		return histogram(interval, res)
	}
	counts := map[time.Time]int{}
	for _, t := range res.Terms.Terms() {
		day, err := time.Parse(time.DateOnly, t.Term)
		if err != nil {
			continue
		}
		start := weekStart(day)
		if interval == HistogramMonth {
			start = time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		counts[start] += t.Count
	}
	out := make([]DateBucket, 0, len(counts))
	for start, n := range counts {
		out = append(out, DateBucket{Start: start, Count: n})
	}
	slices.SortFunc(out, func(a, b DateBucket) int { return a.Start.Compare(b.Start) })
	return fillGaps(interval, out)
}

// claimPage runs req, a search of claim items, and returns its result
// and hits, with what withDocs fills in, read consistently (see
// consistently).
func (ix *Index) claimPage(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, []ClaimHit, error) {
	var res *bleve.SearchResult
	var hits []ClaimHit
	err := ix.consistently(func() error {
		var err error
		if res, err = ix.bleve.SearchInContext(ctx, req); err != nil {
			return searchErr(ctx, err)
		}
		hits = make([]ClaimHit, 0, len(res.Hits))
		for _, dm := range res.Hits {
			h, err := toClaimHit(dm)
			if err != nil {
				return err
			}
			hits = append(hits, h)
		}
		return ix.withDocs(ctx, hits)
	})
	if err != nil {
		return nil, nil, err
	}
	return res, hits, nil
}

// toClaimHit decodes the claim item dm, putting back what claim_stored
// leaves out (see storedClaimHit) but its document's fields and, for a
// claim of the newest revision, what it says (see withDocs).
func toClaimHit(dm *search.DocumentMatch) (ClaimHit, error) {
	var sh storedClaimHit
	s, _ := dm.Fields[fieldClaimStored].(string)
	if p, err := strconv.Atoi(s); err == nil {
		sh.Position = p // a current claim as first written (see claimItem)
	} else if err := json.Unmarshal([]byte(s), &sh); err != nil {
		return ClaimHit{}, fmt.Errorf("index: decode claim %s: %w", claimIDOf(dm.ID), err)
	}
	h := sh.ClaimHit
	h.ID, h.Text, h.Quote, h.AddedRevision = claimIDOf(dm.ID), sh.Text, sh.Quote, max(sh.AddedRevision, 1)
	if sh.Source != nil {
		h.Source = *sh.Source
	}
	if i := strings.LastIndex(h.ID, claimIDSep); i > 0 {
		h.DocumentID = h.ID[:i]
	}
	h.Score = dm.Score
	if h.Status == "" {
		h.Status = ClaimCurrent // left out of claim_stored
	}
	return h, nil
}

// withDocs fills in the title, kind, publisher, URL and date of each
// claim of hits from its document, which claim items do not store, and
// what a claim of the document's newest revision says from the
// document's stored claims, at its Position: one search for the page's
// distinct documents, decoding only their meta and, where needed, their
// claims. A claim whose document is not indexed keeps them empty; one
// whose document cannot be read too, with a warning.
func (ix *Index) withDocs(ctx context.Context, hits []ClaimHit) error {
	var ids []string
	seen := map[string]bool{}
	live := map[string][]int{} // positions of the claims of the newest revisions
	for _, h := range hits {
		if !seen[h.DocumentID] {
			seen[h.DocumentID] = true
			ids = append(ids, h.DocumentID)
		}
		if h.Position > 0 {
			live[h.DocumentID] = append(live[h.DocumentID], h.Position)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	damaged := map[string]bool{}
	docs, claims, err := ix.docsAndClaims(ctx, ids, live, func(id string, err error) error {
		// The page loses nothing else: that document's claims keep what
		// their items hold.
		ix.reportDamaged(id, fieldPacked, err)
		damaged[id] = true
		return nil
	})
	if err != nil {
		return err
	}
	for i := range hits {
		h := &hits[i]
		if damaged[h.DocumentID] {
			h.Warning = "the stored document cannot be read; its claims show in full again once it is indexed again"
		}
		if d := docs[h.DocumentID]; d != nil {
			h.Title, h.Kind, h.Publisher, h.URL, h.Published = d.Title, string(d.Kind), d.Publisher, d.URL, publishedOf(d)
		}
		cs, ok := claims[h.DocumentID]
		switch {
		case h.Position > 0 && h.Position <= len(cs):
			c := &cs[h.Position-1]
			h.Text, h.Cue, h.Hedge, h.Quote, h.Source = c.Text, c.Cue, c.Hedge, c.Quote, c.Source
			h.Entities, h.EntityNames = c.Entities, c.EntityNames
		case h.Position > 0 && ok:
			ix.log.Warn("claim item points past its document's claims", "claim_id", h.ID, "position", h.Position,
				"claims", len(cs))
		}
	}
	return nil
}

// docsAndClaims reads the documents ids, without their body and tags,
// and the stored claims of those withClaims names, at the positions it
// gives (every claim for a nil list; see decodeClaims), in one search.
// A document that cannot be decoded is left out when broken, given its
// ID and an error naming it, returns nil; else docsAndClaims returns that
// error. It returns the search's error.
func (ix *Index) docsAndClaims(ctx context.Context, ids []string, withClaims map[string][]int,
	broken func(id string, err error) error) (map[string]*newsintel.Document, map[string][]loggedClaim, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldTitle, fieldMeta, fieldPacked, fieldBodyWords}
	req.Score = "none"
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, nil, searchErr(ctx, err)
	}
	docs := make(map[string]*newsintel.Document, len(res.Hits))
	claims := make(map[string][]loggedClaim, len(res.Hits))
	for _, dm := range res.Hits {
		d, cs, err := docAndClaims(ix.lex, dm, withClaims)
		if err != nil {
			if err := broken(dm.ID, err); err != nil {
				return nil, nil, err
			}
			continue
		}
		docs[dm.ID] = d
		if _, ok := withClaims[dm.ID]; ok {
			claims[dm.ID] = cs
		}
	}
	return docs, claims, nil
}

// docAndClaims decodes the document dm of docsAndClaims and, when
// withClaims names it, its claims at the positions it gives (their texts
// from the body, decoded with lex).
func docAndClaims(lex *lexicon, dm *search.DocumentMatch, withClaims map[string][]int) (*newsintel.Document, []loggedClaim, error) {
	meta, _ := dm.Fields[fieldMeta].(string)
	d, err := storedMeta(meta)
	if err != nil {
		return nil, nil, fmt.Errorf("index: decode stored document %s: %w", dm.ID, err)
	}
	d.Title, _ = dm.Fields[fieldTitle].(string)
	positions, ok := withClaims[dm.ID]
	if !ok {
		return d, nil, nil
	}
	packed, _ := dm.Fields[fieldPacked].(string)
	words, _ := dm.Fields[fieldBodyWords].(string)
	cs, err := decodeClaims(lex, words, packed, positions)
	if err != nil {
		return nil, nil, fmt.Errorf("index: decode stored claims of %s: %w", dm.ID, err)
	}
	return d, cs, nil
}
