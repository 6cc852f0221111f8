package index

import (
	"context"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
)

// ReadClaims returns the newest claims r matches, at most max (and at most
// MaxWindow), in the order SearchClaims gives them by -date, with the
// number that matched. It is what a caller grouping many claims (the
// stories) reads instead of paging through SearchClaims: a sorted search
// costs as much as all the claims it sorts, so when more than max match
// it first finds the newest days that hold max of them (see newestSince)
// and sorts only those, in one search. r.Size, From, Sort, Facets and
// DateHistogram are ignored. Errors are those of SearchClaims.
func (ix *Index) ReadClaims(ctx context.Context, r ClaimRequest, max int) ([]ClaimHit, uint64, error) {
	if max <= 0 {
		return nil, 0, invalid("max=%d: read 1 or more claims", max)
	}
	max = min(max, MaxWindow)
	r.Size, r.From, r.Sort, r.Facets, r.DateHistogram = min(max, MaxSize), 0, SortDateDesc, nil, ""
	if err := validateClaimRequest(&r); err != nil {
		return nil, 0, err
	}
	ctx, done, err := ix.begin(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer done()
	total, _, err := ix.countClaims(ctx, r)
	if err != nil || total == 0 {
		return nil, total, err
	}
	if total > uint64(max) {
		since, ok, err := ix.newestSince(ctx, r, max)
		if err != nil {
			return nil, 0, err
		}
		if ok && since.After(r.Since) {
			r.Since = since
		}
	}
	r.Size = int(min(total, uint64(max)))
	_, out, err := ix.claimPage(ctx, ix.claimSearchRequest(&r))
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// newestSince returns the start of the oldest of the newest days that hold
// max of the claims r matches; false when it cannot tell. Counting by day
// reads a date of every claim counted, so it first counts, reading no
// dates, the claims of the newest month the index has claims in, then of
// the newest 2, 4, 8… months, until they hold max, and counts by day only
// those.
func (ix *Index) newestSince(ctx context.Context, r ClaimRequest, max int) (time.Time, bool, error) {
	months, err := ix.claimMonths()
	if err != nil {
		return time.Time{}, false, err
	}
	span := r
	for k := 1; k < 2*len(months); k *= 2 {
		m := months[len(months)-min(k, len(months))]
		if !m.After(r.Since) {
			span.Since = r.Since // the months reach back to the request's own start
			break
		}
		span.Since = m
		n, _, err := ix.countClaims(ctx, span)
		if err != nil {
			return time.Time{}, false, err
		}
		if n >= uint64(max) {
			break
		}
	}
	span.DateHistogram = HistogramDay
	n, days, err := ix.countClaims(ctx, span)
	if err != nil {
		return time.Time{}, false, err
	}
	since, ok := newestDays(days, n, max)
	return since, ok, nil
}

// claimMonths returns the start of every month claims are dated in,
// oldest first.
func (ix *Index) claimMonths() ([]time.Time, error) {
	d, err := ix.bleve.FieldDict(fieldClaimMonth)
	if err != nil {
		return nil, fmt.Errorf("index: read %s terms: %w", fieldClaimMonth, err)
	}
	defer d.Close()
	var out []time.Time
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			return nil, fmt.Errorf("index: read %s terms: %w", fieldClaimMonth, err)
		}
		if t, err := time.Parse("2006-01", e.Term); err == nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// countClaims counts the claims r matches, and by r.DateHistogram when it
// is set, without sorting or reading them.
func (ix *Index) countClaims(ctx context.Context, r ClaimRequest) (uint64, []DateBucket, error) {
	req := ix.claimSearchRequest(&r)
	req.Size, req.Fields = 0, nil
	req.Sort = search.SortOrder{&search.SortScore{Desc: true}} // scores are off: no sort values read
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return 0, nil, searchErr(ctx, err)
	}
	return res.Total, histogram(r.DateHistogram, res.Facets[claimHistogramField(r.DateHistogram)]), nil
}

// newestDays returns the start of the oldest day among the newest days of
// the histogram that together hold at least max claims; false when the
// histogram does not account for every claim (too many days) or all of
// them fit.
func newestDays(h []DateBucket, total uint64, max int) (time.Time, bool) {
	var sum uint64
	for _, b := range h {
		sum += uint64(b.Count)
	}
	if sum != total || total <= uint64(max) {
		return time.Time{}, false
	}
	days := append([]DateBucket(nil), h...)
	sort.Slice(days, func(i, j int) bool { return days[i].Start.After(days[j].Start) })
	var n uint64
	for _, b := range days {
		if n += uint64(b.Count); n >= uint64(max) {
			return b.Start, true
		}
	}
	return time.Time{}, false
}

// Generation returns a number that grows with every write the index has
// made visible since it was opened (every Bleve batch a Put writes), and
// true; results computed from the index can be cached under it, since two
// calls return the same number only when no write became visible between
// them. It returns false when the index cannot tell.
func (ix *Index) Generation() (uint64, bool) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return 0, false
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return 0, false
	}
	// Scorch counts a batch once it is introduced: searchable.
	st, ok := s.Stats().(*scorch.Stats)
	if !ok {
		return 0, false
	}
	return atomic.LoadUint64(&st.TotBatches), true
}
