package index

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/newsintel/newsintel"
)

// Facet limits.
const (
	DefaultFacetSize = 10
	MaxFacetSize     = 100
	// maxBuckets bounds the terms a date histogram collects and the gaps
	// it fills with zero counts.
	maxBuckets = 5000
)

// Date histogram intervals.
const (
	HistogramDay   = "day"
	HistogramWeek  = "week"
	HistogramMonth = "month"
)

// FacetNames lists the facets a Request may ask for.
func FacetNames() []string {
	return []string{fieldKind, fieldSource, fieldPublisher, fieldLanguage, fieldForm, fieldSection,
		fieldAuthor, fieldEntity, fieldCompany, fieldAgency, fieldGovernment, fieldPerson, fieldPlace,
		fieldSourceType}
}

// FacetCount is how many matching documents have one value of a facet.
// Entity facets count entity IDs ("company:alibaba-group") and give the
// entity's canonical name in Name ("Alibaba Group").
type FacetCount struct {
	Term  string `json:"term"`
	Name  string `json:"name,omitempty"`
	Count int    `json:"count"`
}

// DateBucket is how many matching documents were published in the day,
// week (from Monday) or month starting at Start (UTC).
type DateBucket struct {
	Start time.Time `json:"start"`
	Count int       `json:"count"`
}

func validateFacets(r *Request) error {
	names := FacetNames()
	for _, f := range r.Facets {
		if !slices.Contains(names, f) {
			return invalid("facet %q is unknown; use one of %s", f, strings.Join(names, ", "))
		}
	}
	switch r.DateHistogram {
	case "", HistogramDay, HistogramWeek, HistogramMonth:
		return nil
	}
	return invalid("date histogram %q is unknown; use day, week or month", r.DateHistogram)
}

func histogramField(interval string) string {
	switch interval {
	case HistogramDay:
		return fieldPublishedDay
	case HistogramWeek:
		return fieldPublishedWeek
	case HistogramMonth:
		return fieldPublishedMonth
	}
	return ""
}

// addFacets asks Bleve for the requested facets; the histogram is a term
// facet on the day, week or month key indexed with each document.
func addFacets(req *bleve.SearchRequest, r *Request) {
	for _, f := range r.Facets {
		req.AddFacet(f, bleve.NewFacetRequest(f, r.FacetSize))
	}
	if f := histogramField(r.DateHistogram); f != "" {
		req.AddFacet(f, bleve.NewFacetRequest(f, maxBuckets))
	}
}

// facetResults converts Bleve's facets into term counts (entity facets
// with names from names) and the histogram.
func facetResults(r *Request, fr search.FacetResults, names *nameCache) (map[string][]FacetCount, []DateBucket) {
	var facets map[string][]FacetCount
	for _, name := range r.Facets {
		res, ok := fr[name]
		if !ok {
			continue
		}
		if facets == nil {
			facets = make(map[string][]FacetCount, len(r.Facets))
		}
		counts := termCounts(res, func(t string) (string, bool) { return t, true })
		if name == fieldEntity || entityTypeOf(name) != "" {
			names.fill(counts)
		}
		facets[name] = counts
	}
	return facets, histogram(r.DateHistogram, fr[histogramField(r.DateHistogram)])
}

// termCounts converts the terms of a term facet, renamed or dropped by
// keep, into counts in the facet's order; never nil.
func termCounts(res *search.FacetResult, keep func(term string) (string, bool)) []FacetCount {
	counts := []FacetCount{}
	if res == nil || res.Terms == nil {
		return counts
	}
	for _, t := range res.Terms.Terms() {
		if name, ok := keep(t.Term); ok {
			counts = append(counts, FacetCount{Term: name, Count: t.Count})
		}
	}
	return counts
}

// histogram turns the date-key term facet into buckets in date order,
// with empty buckets between the first and last filled in as zero.
func histogram(interval string, res *search.FacetResult) []DateBucket {
	if res == nil || res.Terms == nil {
		return nil
	}
	layout := time.DateOnly
	if interval == HistogramMonth {
		layout = "2006-01"
	}
	var out []DateBucket
	for _, t := range res.Terms.Terms() {
		start, err := time.Parse(layout, t.Term)
		if err != nil {
			continue
		}
		out = append(out, DateBucket{Start: start, Count: t.Count})
	}
	slices.SortFunc(out, func(a, b DateBucket) int { return a.Start.Compare(b.Start) })
	return fillGaps(interval, out)
}

func fillGaps(interval string, in []DateBucket) []DateBucket {
	if len(in) < 2 {
		return in
	}
	next := func(t time.Time) time.Time {
		switch interval {
		case HistogramWeek:
			return t.AddDate(0, 0, 7)
		case HistogramMonth:
			return t.AddDate(0, 1, 0)
		}
		return t.AddDate(0, 0, 1)
	}
	out := make([]DateBucket, 0, len(in))
	for i, b := range in {
		if i > 0 {
			for t := next(in[i-1].Start); t.Before(b.Start) && len(out) < maxBuckets; t = next(t) {
				out = append(out, DateBucket{Start: t})
			}
		}
		out = append(out, b)
	}
	return out
}

// filterQuery builds the non-scoring filter of r, or nil when r has none.
func filterQuery(r *Request) query.Query {
	var all []query.Query
	add := func(field string, vals []string, norm func(string) []string) {
		var alts []query.Query
		for _, v := range vals {
			if strings.TrimSpace(v) == "" {
				continue
			}
			for _, nv := range norm(strings.TrimSpace(v)) {
				t := query.NewTermQuery(nv)
				t.SetField(field)
				alts = append(alts, t)
			}
		}
		if len(alts) > 0 {
			all = append(all, query.NewDisjunctionQuery(alts))
		}
	}
	same := func(v string) []string { return []string{v} }
	add(fieldKind, r.Kind, lower)
	add(fieldSource, r.Source, same)
	add(fieldPublisher, r.Publisher, same)
	add(fieldLanguage, r.Language, lower)
	add(fieldForm, r.Form, func(v string) []string { return []string{strings.ToUpper(v)} })
	add(fieldSection, r.Section, same)
	add(fieldSourceType, r.SourceType, lower)
	all = append(all, entityFilters(r)...)
	if r.HasAnonymous != nil {
		b := query.NewBoolFieldQuery(*r.HasAnonymous)
		b.SetField(fieldHasAnonymous)
		all = append(all, b)
	}
	if q := publishedRange(r.Since, r.Until); q != nil {
		all = append(all, q)
	}
	if len(all) == 0 {
		return nil
	}
	return query.NewConjunctionQuery(all)
}

func lower(v string) []string { return []string{strings.ToLower(v)} }

// entityFilters builds one filter per entity field of r. A name given to
// Entity matches the entity's ID under any type or its canonical name.
func entityFilters(r *Request) []query.Query {
	var out []query.Query
	fields := []struct {
		vals []string
		t    newsintel.EntityType
	}{
		{r.Entity, ""}, {r.Company, newsintel.EntityCompany}, {r.Agency, newsintel.EntityAgency},
		{r.Government, newsintel.EntityGovernment}, {r.Person, newsintel.EntityPerson},
		{r.Place, newsintel.EntityPlace},
	}
	for _, f := range fields {
		var alts []query.Query
		for _, v := range f.vals {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			for _, id := range entityIDs(f.t, v) {
				alts = append(alts, term(entityField(f.t), id))
			}
			if f.t == "" && !isEntityID(v) {
				alts = append(alts, term(fieldEntityName, v))
			}
		}
		if len(alts) > 0 {
			out = append(out, query.NewDisjunctionQuery(alts))
		}
	}
	return out
}

// entityField is the field holding IDs of entities of type t; every ID
// for "".
func entityField(t newsintel.EntityType) string {
	if t == "" {
		return fieldEntity
	}
	return string(t) // the per-type fields are named for the types
}

func term(field, v string) query.Query {
	t := query.NewTermQuery(v)
	t.SetField(field)
	return t
}

// publishedRange matches documents published from since to until, both
// inclusive; a zero bound is open. It is nil when both are.
func publishedRange(since, until time.Time) query.Query {
	if since.IsZero() && until.IsZero() {
		return nil
	}
	return publishedDates.rangeQuery(since, until)
}

// withFilter restricts main to the documents matching filter. Bleve's own
// Boolean filter runs main over every document and then checks the filter;
// a conjunction instead lets the rarest clause lead, so a phrase's
// positions are read only for documents that pass the filters. The filter
// does not score. Phrases within main are restricted to the filter too
// (see pushFilter). An empty query (matchAll) is replaced by the filter.
func withFilter(main query.Query, matchAll bool, filter query.Query) query.Query {
	if matchAll {
		return filter
	}
	return query.NewConjunctionQuery([]query.Query{pushFilter(main, filter), unscored{filter}})
}

// unscored is a query that matches like q but adds nothing to the score.
type unscored struct{ q query.Query }

// Searcher implements query.Query.
func (u unscored) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	o.Score, o.Explain, o.IncludeTermVectors = "none", false, false
	return u.q.Searcher(ctx, i, m, o)
}
