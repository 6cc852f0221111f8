package index

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Dates are indexed as keyword terms, not as Bleve date-time fields,
// which index sixteen numeric terms per value (one per precision step).
// A date is indexed in four fields: its month ("2024-05"), day
// ("2024-05-03") and hour ("2024-05-03T14") in UTC, and a key that sorts
// as the date does, to the nanosecond. A range of dates is matched by a
// few term ranges (see rangeParts): the whole months in it, the whole
// weeks (published only) and days at its ends, the whole hours at their
// ends, and the exact keys within the first and last hour. The keys of
// a busy hour may outnumber the clause cap (maxClauses): the union of
// unscored term searchers termRanges makes has no cap. Claim items have
// always been indexed so; documents since MappingVersion
// 2026.12.01-dates.
//
// Measured on 20 000 `bench gen` documents (`newsintel bench run
// --queries 50`, per-field bytes from the zap segments): published,
// fetched and filed took 4.2, 4.2 and 0.4 MB as date-times, 0.069 of the
// text; their terms now take 2.7 MB (published_hour 0.6, fetched_* 1.8,
// filed_* 0.3; published_day, _week, _month and _key were indexed
// before), and the index went 247.9 → 242.4 MiB, 2.04 → 1.99 times the
// text. 300 query-string date values, 300 since/until searches (hits,
// facets, day histogram), entity pages and claim searches over 2 500 of
// those documents answered the same before and after, and relevance
// scores under since/until stayed the same. BenchmarkDateFilters (3 000
// documents, p50 on the shared machine, before → after): since/until
// alone 0.8–0.9 → 1.1–1.2 ms (the same CPU in a profile: building the
// term ranges takes less than Bleve's numeric range did, the rest is
// allocation), with facets 2.4 → 2.0–2.1 ms, with words 3.3–4.7 →
// 3.9–4.7 ms, a query string's published range 5.5–6.6 → 4.8–6.2 ms,
// a fetched day 0.71–0.82 → 0.41–0.44 ms. A query string's
// date value no longer adds to the score (it added the idf of whichever
// numeric terms matched) nor weighs in the query norm (see weightless).

// dateUnit is a unit of time whose whole units cover a date range.
type dateUnit struct {
	trunc func(time.Time) time.Time // the start of t's unit
	next  func(time.Time) time.Time // the start of the unit after the one starting at t
	term  func(time.Time) string    // the term of t's unit, which sorts as the unit's start
}

// Units of UTC times.
var (
	monthUnit = dateUnit{func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) },
		func(t time.Time) time.Time { return t.AddDate(0, 1, 0) },
		func(t time.Time) string { return t.Format("2006-01") }}
	weekUnit = dateUnit{weekStart, // ISO weeks, which months do not divide: they cover what is left of a month
		func(t time.Time) time.Time { return t.AddDate(0, 0, 7) },
		func(t time.Time) string { return t.Format(time.DateOnly) }}
	dayUnit = dateUnit{func(t time.Time) time.Time { return t.Truncate(24 * time.Hour) },
		func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
		func(t time.Time) string { return t.Format(time.DateOnly) }}
	hourUnit = dateUnit{func(t time.Time) time.Time { return t.Truncate(time.Hour) },
		func(t time.Time) time.Time { return t.Add(time.Hour) },
		func(t time.Time) string { return t.Format("2006-01-02T15") }}
)

// dateLevel is a unit and the field that holds the term of a date's unit.
type dateLevel struct {
	dateUnit
	field string
}

// dateFields names the fields one date is indexed in.
type dateFields struct {
	levels []dateLevel                      // the coarsest first, each unit within the one before or covering what it leaves
	keys   func(lo, hi time.Time) termRange // the keys of the dates from lo to hi, both included
}

// The dates of documents and claims, each in its month, day and hour
// (see dateTerms); the published date also in its week, which the
// histogram indexes anyway, so that fewer terms cover a range. A
// document's published_key is sortKey, which date sorts read with its
// doc values; fetched and filed are never sorted on and take the shorter
// claimDateKey.
var (
	publishedDates = dateFields{
		levels: []dateLevel{{monthUnit, fieldPublishedMonth}, {weekUnit, fieldPublishedWeek},
			{dayUnit, fieldPublishedDay}, {hourUnit, fieldPublishedHour}},
		keys: func(lo, hi time.Time) termRange {
			return termRange{fieldPublishedKey, sortKey(lo), sortKey(hi), true}
		},
	}
	fetchedDates = dateFields{
		levels: []dateLevel{{monthUnit, fieldFetchedMonth}, {dayUnit, fieldFetchedDay}, {hourUnit, fieldFetchedHour}},
		keys:   exactKeys(fieldFetchedKey),
	}
	filedDates = dateFields{
		levels: []dateLevel{{monthUnit, fieldFiledMonth}, {dayUnit, fieldFiledDay}, {hourUnit, fieldFiledHour}},
		keys:   exactKeys(fieldFiledKey),
	}
	claimDates = dateFields{
		levels: []dateLevel{{monthUnit, fieldClaimMonth}, {dayUnit, fieldClaimDay}, {hourUnit, fieldClaimHour}},
		keys: func(lo, hi time.Time) termRange {
			// Keys are claimDateKey, a space and more: "\xff" sorts after them all.
			return termRange{fieldClaimPublishedKey, claimDateKey(lo), claimDateKey(hi) + "\xff", false}
		},
	}
)

// queryDates are the dates a query string may name, by field name (see
// dateQuery).
var queryDates = map[string]dateFields{
	fieldPublished: publishedDates,
	fieldFetched:   fetchedDates,
	fieldFiled:     filedDates,
}

// exactKeys is the keys of a field holding the claimDateKey of a date.
func exactKeys(field string) func(lo, hi time.Time) termRange {
	return func(lo, hi time.Time) termRange {
		return termRange{field, claimDateKey(lo), claimDateKey(hi), true}
	}
}

// dateTerms returns the month, day and hour terms of t, in UTC, each
// alone in a slice (the fields of indexedDoc and indexedClaim).
func dateTerms(t time.Time) (month, day, hour []string) {
	u := t.UTC()
	return []string{monthUnit.term(u)}, []string{dayUnit.term(u)}, []string{hourUnit.term(u)}
}

// Every date indexableTime admits lies between these: the times whose
// nanoseconds since 1970 fit an int64.
var (
	firstDate = time.Unix(0, math.MinInt64).UTC()
	lastDate  = time.Unix(0, math.MaxInt64).UTC()
)

// rangeQuery matches the items whose date, indexed in f, lies from since
// to until, both included, to the nanosecond; a zero bound leaves that
// end open. It does not score.
func (f dateFields) rangeQuery(since, until time.Time) query.Query {
	lo, hi := firstDate, lastDate
	if !since.IsZero() && since.After(lo) {
		lo = since.UTC()
	}
	if !until.IsZero() && until.Before(hi) {
		hi = until.UTC()
	}
	if hi.Before(lo) {
		return query.NewMatchNoneQuery()
	}
	return termRanges(f.rangeParts(lo, hi, 0))
}

// rangeParts covers lo to hi (included, both UTC) with term ranges: the
// whole units of f.levels[level], finer units for the parts before and
// after them, and keys below the finest unit.
func (f dateFields) rangeParts(lo, hi time.Time, level int) []termRange {
	if level == len(f.levels) {
		return []termRange{f.keys(lo, hi)}
	}
	l := f.levels[level]
	first := l.trunc(lo)
	if first.Before(lo) {
		first = l.next(first)
	}
	end := l.trunc(hi.Add(time.Nanosecond)) // after the last whole unit
	if !first.Before(end) {
		return f.rangeParts(lo, hi, level+1)
	}
	parts := []termRange{{l.field, l.term(first), l.term(end), false}}
	if lo.Before(first) {
		parts = append(parts, f.rangeParts(lo, first.Add(-time.Nanosecond), level+1)...)
	}
	if !hi.Before(end) {
		parts = append(parts, f.rangeParts(end, hi, level+1)...)
	}
	return parts
}

// termRange is the terms of field from min (included) to max, included
// when inclusive.
type termRange struct {
	field, min, max string
	inclusive       bool
}

// weightless matches like q without scoring or weighing in the query
// norm that Bleve divides the scores of the clauses around it by: the
// others score as they would without it. A date value of a query string
// is weightless (see dateQuery), so that a digest's time window
// (fetched:>=… fetched:<…) leaves the topic query's scores as they are.
// Filters (since, until, kind, …) are unscored but keep their weight,
// as the Bleve date range queries dates were filtered with did.
type weightless struct{ q query.Query }

// Searcher implements query.Query.
func (w weightless) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	o.Score, o.Explain, o.IncludeTermVectors = "none", false, false
	s, err := w.q.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	return weightlessSearcher{s}, nil
}

// weightlessSearcher is the searcher of a weightless query.
type weightlessSearcher struct{ search.Searcher }

// Weight implements search.Searcher: none.
func (weightlessSearcher) Weight() float64 { return 0 }

// SetQueryNorm implements search.Searcher: there is nothing to scale.
func (weightlessSearcher) SetQueryNorm(float64) {}

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
