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
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
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
				return phraseQuery(f, chunk, 1, damaged)
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
		out = append(out, claimDateQuery(r.Since, r.Until))
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
	req.Fields = []string{fieldTitle, fieldMeta, fieldPacked}
	req.Score = "none"
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, nil, searchErr(ctx, err)
	}
	docs := make(map[string]*newsintel.Document, len(res.Hits))
	claims := make(map[string][]loggedClaim, len(res.Hits))
	for _, dm := range res.Hits {
		d, cs, err := docAndClaims(dm, withClaims)
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
// withClaims names it, its claims at the positions it gives.
func docAndClaims(dm *search.DocumentMatch, withClaims map[string][]int) (*newsintel.Document, []loggedClaim, error) {
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
	cs, err := decodeClaims(packed, positions)
	if err != nil {
		return nil, nil, fmt.Errorf("index: decode stored claims of %s: %w", dm.ID, err)
	}
	return d, cs, nil
}

// A claim's date is filtered on with terms that the histograms and date
// sorts index anyway (claim_month, claim_day, claim_published_key) and
// claim_hour: the whole months of a range, the whole days at its ends,
// the whole hours at their ends, and the exact keys within the first and
// last hour. Each term range stays far below the clause cap, and a claim
// carries four date terms instead of the sixteen of a date field.
type dateLevel struct {
	field string
	trunc func(time.Time) time.Time // the start of t's unit
	next  func(time.Time) time.Time // the start of the unit after the one starting at t
	term  func(time.Time) string    // sorts as the unit's start
}

var claimDateLevels = []dateLevel{
	{fieldClaimMonth,
		func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) },
		func(t time.Time) time.Time { return t.AddDate(0, 1, 0) },
		func(t time.Time) string { return t.Format("2006-01") }},
	{fieldClaimDay,
		func(t time.Time) time.Time { return t.Truncate(24 * time.Hour) },
		func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
		func(t time.Time) string { return t.Format(time.DateOnly) }},
	{fieldClaimHour,
		func(t time.Time) time.Time { return t.Truncate(time.Hour) },
		func(t time.Time) time.Time { return t.Add(time.Hour) },
		hourTerm},
}

// hourTerm is the claim_hour term of t.
func hourTerm(t time.Time) string { return t.UTC().Format("2006-01-02T15") }

// claimDateQuery matches claims dated from since to until, both included;
// a zero bound leaves that end open.
func claimDateQuery(since, until time.Time) query.Query {
	lo, hi := time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2262, 1, 1, 0, 0, 0, -1, time.UTC)
	if !since.IsZero() && since.After(lo) {
		lo = since.UTC()
	}
	if !until.IsZero() && until.Before(hi) {
		hi = until.UTC()
	}
	if hi.Before(lo) {
		return query.NewMatchNoneQuery()
	}
	return termRanges(dateRangeParts(lo, hi, 0))
}

// dateRangeParts covers lo to hi (included) with term ranges: the whole
// units of level, finer levels for the parts before and after them, and
// claim_published_key below the finest level.
func dateRangeParts(lo, hi time.Time, level int) []termRange {
	if level == len(claimDateLevels) {
		// Keys are claimDateKey, a space and more: "\xff" sorts after them all.
		return []termRange{{fieldClaimPublishedKey, claimDateKey(lo), claimDateKey(hi) + "\xff", false}}
	}
	l := claimDateLevels[level]
	first := l.trunc(lo)
	if first.Before(lo) {
		first = l.next(first)
	}
	end := l.trunc(hi.Add(time.Nanosecond)) // after the last whole unit
	if !first.Before(end) {
		return dateRangeParts(lo, hi, level+1)
	}
	parts := []termRange{{l.field, l.term(first), l.term(end), false}}
	if lo.Before(first) {
		parts = append(parts, dateRangeParts(lo, first.Add(-time.Nanosecond), level+1)...)
	}
	if !hi.Before(end) {
		parts = append(parts, dateRangeParts(end, hi, level+1)...)
	}
	return parts
}

// termRange is the terms of field from min (included) to max, included
// when inclusive.
type termRange struct {
	field, min, max string
	inclusive       bool
}

// termRanges is an unscored query for any term of its ranges. Unlike a
// disjunction of term range queries, it makes one disjunction of all
// their terms, which Bleve turns into a single union of posting lists.
type termRanges []termRange

// Searcher implements query.Query.
func (q termRanges) Searcher(ctx context.Context, r bleveindex.IndexReader, _ mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	o.Score, o.Explain, o.IncludeTermVectors = "none", false, false
	var all []search.Searcher
	fail := func(err error) (search.Searcher, error) {
		for _, s := range all {
			_ = s.Close()
		}
		return nil, err
	}
	for _, tr := range q {
		terms, err := tr.terms(r)
		if err != nil {
			return fail(err)
		}
		for _, t := range terms {
			s, err := searcher.NewTermSearcher(ctx, r, t, tr.field, 1, o)
			if err != nil {
				return fail(err)
			}
			all = append(all, s)
		}
	}
	switch len(all) {
	case 0:
		return searcher.NewMatchNoneSearcher(r)
	case 1:
		return all[0], nil
	}
	return searcher.NewDisjunctionSearcher(ctx, r, all, 0, o)
}

// terms lists the indexed terms of tr.
func (tr termRange) terms(r bleveindex.IndexReader) ([]string, error) {
	// The dictionary range ends before its end: a 0 byte after max
	// takes max in.
	d, err := r.FieldDictRange(tr.field, []byte(tr.min), append([]byte(tr.max), 0))
	if err != nil {
		return nil, fmt.Errorf("index: read %s terms: %w", tr.field, err)
	}
	defer d.Close()
	var out []string
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			return nil, fmt.Errorf("index: read %s terms: %w", tr.field, err)
		}
		if e.Term < tr.max || tr.inclusive && e.Term == tr.max {
			out = append(out, e.Term)
		}
	}
	return out, nil
}
