package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// dateAnchors are the instants the dates of datedDocs cluster around:
// the ends of a year, of months and of days, where a range is split
// into months, days, hours and keys.
var dateAnchors = []time.Time{
	time.Date(2023, 12, 31, 23, 30, 0, 0, time.UTC),
	time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2024, 1, 31, 23, 59, 59, 999999999, time.UTC),
	time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC),
	time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2024, 3, 15, 7, 45, 0, 0, time.UTC),
}

// datedDocs returns n synthetic documents whose published, fetched and
// filed dates lie near dateAnchors, some exactly on them, some sharing
// one date, some in another zone, some undated and two too early or
// late to index.
func datedDocs(n int, rng *rand.Rand) []newsintel.Document {
	docs := synthDocs(n, 23)
	near := func() time.Time {
		a := dateAnchors[rng.IntN(len(dateAnchors))]
		switch rng.IntN(4) {
		case 0:
			return a
		case 1:
			return a.Add(time.Duration(rng.IntN(7200)-3600) * time.Second) // whole seconds, like most feeds
		}
		return a.Add(time.Duration(rng.Int64N(int64(48*time.Hour))) - 24*time.Hour)
	}
	for i := range docs {
		d := &docs[i]
		d.Published, d.Fetched, d.Filing = near(), near(), nil
		if i%3 == 0 {
			d.Filing = &newsintel.Filing{Form: "8-K", CIK: "0001318605", Filed: near()}
		}
		if i%7 == 0 {
			d.Published = d.Published.In(time.FixedZone("IST", 5*3600+1800))
		}
	}
	docs[1].Published = time.Time{}                               // undated
	docs[3].Published = time.Time{}                               // dated by its filing (see publishedOf)
	docs[5].Published = docs[4].Published                         // the same date
	docs[6].Fetched = time.Date(1650, 1, 1, 0, 0, 0, 0, time.UTC) // too early to index
	docs[9].Filing.Filed = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)
	docs[10].Published = time.Date(2400, 6, 1, 0, 0, 0, 0, time.UTC) // too late to index
	return docs
}

// dateOf returns the date of d a dateFields indexes, by query field name.
func dateOf(field string, d *newsintel.Document) time.Time {
	switch field {
	case fieldPublished:
		return publishedOf(d)
	case fieldFetched:
		return d.Fetched
	}
	if d.Filing == nil {
		return time.Time{}
	}
	return d.Filing.Filed
}

// randomRange returns a range of the kind i%6 picks: bounds that are
// dates of docs (equal to the nanosecond), within one hour, across a
// month's end, across the year's end, open on one side, or weeks long.
func randomRange(i int, rng *rand.Rand, dates []time.Time) (since, until time.Time) {
	some := func() time.Time {
		t := dates[rng.IntN(len(dates))]
		return t.Add(time.Duration(rng.IntN(3)-1) * time.Duration(rng.IntN(2))) // t, or 1ns either side
	}
	jitter := func(t time.Time, d time.Duration) time.Time { return t.Add(time.Duration(rng.Int64N(int64(2*d))) - d) }
	switch i % 6 {
	case 0:
		since, until = some(), some()
	case 1:
		h := some().Truncate(time.Hour)
		since, until = h.Add(time.Duration(rng.Int64N(int64(time.Hour)))), h.Add(time.Duration(rng.Int64N(int64(time.Hour))))
	case 2:
		m := time.Date(2024, time.Month(1+rng.IntN(3)), 1, 0, 0, 0, 0, time.UTC)
		since, until = jitter(m, 36*time.Hour), jitter(m, 36*time.Hour)
	case 3:
		y := dateAnchors[1]
		since, until = jitter(y, 3*time.Hour), jitter(y, 30*time.Hour)
	case 4:
		if since = some(); rng.IntN(2) == 0 {
			since, until = time.Time{}, since
		}
	default:
		since, until = jitter(dateAnchors[0], 20*24*time.Hour), jitter(dateAnchors[4], 20*24*time.Hour)
	}
	if since.After(until) && !until.IsZero() {
		since, until = until, since
	}
	if rng.IntN(5) == 0 {
		since = since.In(time.FixedZone("EST", -5*3600)) // the same instant, written in another zone
	}
	return since, until
}

// datedIDs returns the IDs of the documents of docs whose date in field
// lies from since to until (a zero bound is open).
func datedIDs(docs []newsintel.Document, field string, since, until time.Time) []string {
	var out []string
	for i := range docs {
		t := dateOf(field, &docs[i])
		if indexableTime(t) && (since.IsZero() || !t.Before(since)) && (until.IsZero() || !t.After(until)) {
			out = append(out, docs[i].ID)
		}
	}
	slices.Sort(out)
	return out
}

// searchIDs returns the sorted IDs of the documents q matches.
func searchIDs(t *testing.T, ix *Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{documentsOnly(), q}), 1000, 0, false)
	res, err := ix.bleve.SearchInContext(t.Context(), req)
	require.NoError(t, err)
	ids := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestDateRangesMatchDates checks, for published, fetched and filed, that
// the term ranges a date range becomes (whole months, days, hours, and
// keys at the ends) find exactly the documents whose date lies in it,
// computed here from the dates, over many random ranges: bounds equal to
// a document's date to the nanosecond or one off, ranges within an hour,
// across a month's or the year's end, open on one side, in another zone.
// Undated documents and dates too early or late to index match none.
func TestDateRangesMatchDates(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	docs := datedDocs(90, rng)
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), docs))
	for _, field := range []string{fieldPublished, fieldFetched, fieldFiled} {
		t.Run(field, func(t *testing.T) {
			var dates []time.Time
			for i := range docs {
				if d := dateOf(field, &docs[i]); indexableTime(d) {
					dates = append(dates, d)
				}
			}
			for i := range 240 {
				since, until := randomRange(i, rng, dates)
				got := searchIDs(t, ix, queryDates[field].rangeQuery(since, until))
				if want := datedIDs(docs, field, since, until); !slices.Equal(got, want) {
					t.Errorf("%s from %s to %s: got %d documents %v, want %d %v", field,
						since.Format(time.RFC3339Nano), until.Format(time.RFC3339Nano), len(got), got, len(want), want)
				}
			}
		})
	}
}

// TestDateQueryStrings checks the date values of query strings on each
// date field against the dates: >, >=, <, <= and a single day or
// second, with days, date-times to the nanosecond and zones.
func TestDateQueryStrings(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	docs := datedDocs(90, rng)
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), docs))
	day := 24 * time.Hour
	for _, field := range []string{fieldPublished, fieldFetched, fieldFiled} {
		for i := range 60 {
			at := dateOf(field, &docs[rng.IntN(len(docs))])
			if !indexableTime(at) {
				continue
			}
			var v string
			var since, until time.Time // both included
			isDay := i%3 == 0
			if isDay {
				at = at.UTC().Truncate(day)
				v = at.Format(time.DateOnly)
			} else {
				at = at.In(time.FixedZone("", (rng.IntN(5)-2)*3600))
				v = at.Format(time.RFC3339Nano)
			}
			op := []string{">", ">=", "<", "<=", ""}[i%5]
			switch {
			case op == ">" && isDay:
				since = at.Add(day)
			case op == ">" || op == ">=": // > on a date-time takes it in, as Bleve's date ranges did
				since = at
			case op == "<" || op == "<=" && !isDay: // <= on a date-time leaves it out, as they did
				until = at.Add(-1)
			case op == "<=":
				until = at.Add(day - 1)
			case isDay:
				since, until = at, at.Add(day-1)
			default:
				since, until = at, at.Add(time.Second-1)
			}
			q := fmt.Sprintf("%s:%s%s", field, op, v)
			res, err := ix.Search(t.Context(), Request{Query: q, Size: MaxSize})
			require.NoError(t, err, q)
			got := hitIDs(res)
			slices.Sort(got)
			if want := datedIDs(docs, field, since, until); !slices.Equal(got, want) {
				t.Errorf("%s: got %d documents %v, want %d %v", q, len(got), got, len(want), want)
			}
		}
	}
}

// TestDateValuesWeighNothing checks that date values in a query string
// leave the scores of its other clauses as they are (a digest's time
// window relies on it): the hits of the query without them that have
// such a date, in the same order, with the same scores.
func TestDateValuesWeighNothing(t *testing.T) {
	ix := loaded(t)
	plain, err := ix.Search(t.Context(), Request{Query: "water regulators"})
	require.NoError(t, err)
	require.NotEmpty(t, plain.Hits)
	for _, q := range []string{
		"+(water regulators) +published:>=2000-01-01", // not the undated fixture
		"+(water regulators) +fetched:>=2000-01-01T00:00:00Z +fetched:<2100-01-01T00:00:00Z",
		"+(water regulators) -filed:1999-01-01",
	} {
		res, err := ix.Search(t.Context(), Request{Query: q})
		require.NoError(t, err, q)
		var want []Hit
		for _, h := range plain.Hits {
			if h.ID != idUndated || !strings.Contains(q, "published") {
				want = append(want, h)
			}
		}
		if len(res.Hits) != len(want) {
			t.Errorf("%s: got %d hits, want %d", q, len(res.Hits), len(want))
			continue
		}
		for i, h := range res.Hits {
			if w := want[i]; h.ID != w.ID || h.Score != w.Score {
				t.Errorf("%s: hit %d is %s scoring %v, want %s scoring %v", q, i, h.ID, h.Score, w.ID, w.Score)
			}
		}
	}
}

// TestDenseHourDates checks ranges whose ends fall within an hour holding
// more dates than the clause cap (maxClauses): a crawl fetches that many
// in an hour, and their keys are one term each.
func TestDenseHourDates(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	base := time.Date(2024, 5, 3, 14, 0, 0, 0, time.UTC)
	n := 2*maxClauses + 100
	docs := make([]newsintel.Document, n)
	for i := range docs {
		docs[i] = newsintel.Document{ID: fmt.Sprintf("dense-%05d", i), Kind: newsintel.KindArticle, Title: "Dense",
			Body: "A short body.", Published: base.Add(time.Duration(i) * time.Second),
			Fetched: base.Add(time.Duration(i) * time.Millisecond), Revision: 1}
	}
	require.NoError(t, ix.Put(t.Context(), docs))
	tests := []struct {
		req  Request
		want int
	}{
		{Request{Query: "fetched:>=2024-05-03T14:00:00.1Z"}, n - 100},
		{Request{Query: "fetched:<2024-05-03T14:00:02Z"}, 2000},
		{Request{Query: "+body +published:<2024-05-03T14:30:00Z"}, 1800},
		{Request{Since: base.Add(90 * time.Second), Until: base.Add(30 * time.Minute)}, 30*60 - 90 + 1},
	}
	for _, tt := range tests {
		res, err := ix.Search(t.Context(), tt.req)
		require.NoError(t, err, "%+v", tt.req)
		if res.Total != uint64(tt.want) {
			t.Errorf("%q since %v until %v: got %d documents, want %d", tt.req.Query, tt.req.Since, tt.req.Until, res.Total, tt.want)
		}
	}
}
