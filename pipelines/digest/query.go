package digest

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// filterSetters maps each filter name a TopicQuery may use (the names of
// the filters of GET /api/v1/search) to the index.Request field it sets.
var filterSetters = map[string]func(r *index.Request, vals []string) error{
	"kind":        func(r *index.Request, v []string) error { r.Kind = v; return nil },
	"source":      func(r *index.Request, v []string) error { r.Source = v; return nil },
	"publisher":   func(r *index.Request, v []string) error { r.Publisher = v; return nil },
	"language":    func(r *index.Request, v []string) error { r.Language = v; return nil },
	"form":        func(r *index.Request, v []string) error { r.Form = v; return nil },
	"section":     func(r *index.Request, v []string) error { r.Section = v; return nil },
	"entity":      func(r *index.Request, v []string) error { r.Entity = v; return nil },
	"company":     func(r *index.Request, v []string) error { r.Company = v; return nil },
	"agency":      func(r *index.Request, v []string) error { r.Agency = v; return nil },
	"government":  func(r *index.Request, v []string) error { r.Government = v; return nil },
	"person":      func(r *index.Request, v []string) error { r.Person = v; return nil },
	"place":       func(r *index.Request, v []string) error { r.Place = v; return nil },
	"source_type": func(r *index.Request, v []string) error { r.SourceType = v; return nil },
	"has_anonymous": func(r *index.Request, v []string) error {
		if len(v) != 1 {
			return fmt.Errorf("takes one value, true or false; got %d", len(v))
		}
		b, err := strconv.ParseBool(v[0])
		if err != nil {
			return fmt.Errorf("%q: use true or false", v[0])
		}
		r.HasAnonymous = &b
		return nil
	},
	"since": func(r *index.Request, v []string) (err error) { r.Since, err = oneDate(v, false); return err },
	"until": func(r *index.Request, v []string) (err error) { r.Until, err = oneDate(v, true); return err },
}

// FilterNames lists the filter names a TopicQuery accepts, sorted: the
// filters of GET /api/v1/search.
func FilterNames() []string {
	names := make([]string, 0, len(filterSetters))
	for k := range filterSetters {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Compile turns a topic's query into an index.Request (no size, sort or
// time window yet). It returns an EINVALID *newsintel.Error naming the
// unknown filter, the bad value or, through index.ParseQuery, what is
// wrong with the query string.
func Compile(q newsintel.TopicQuery) (index.Request, error) {
	var r index.Request
	if err := index.ParseQuery(q.Q); err != nil {
		return r, fmt.Errorf("query %q: %w", clip(q.Q), err)
	}
	r.Query = q.Q
	for _, name := range sortedKeys(q.Filters) {
		set, ok := filterSetters[name]
		if !ok {
			return r, newsintel.Errorf(newsintel.EINVALID, "unknown filter %q; use one of %s", clip(name), strings.Join(FilterNames(), ", "))
		}
		vals := SplitValues(q.Filters[name])
		if len(vals) == 0 {
			continue
		}
		if err := set(&r, vals); err != nil {
			return r, newsintel.Errorf(newsintel.EINVALID, "filter %s: %v", name, err)
		}
	}
	return r, checkValues(&r)
}

// checkValues refuses kinds and source types the index does not know,
// before any search sees them.
func checkValues(r *index.Request) error {
	for _, k := range r.Kind {
		if !newsintel.Kind(strings.ToLower(k)).Valid() {
			return newsintel.Errorf(newsintel.EINVALID, "filter kind: %q is unknown; use article, filing or notice", clip(k))
		}
	}
	for _, t := range r.SourceType {
		if !newsintel.SourceType(strings.ToLower(t)).Valid() {
			return newsintel.Errorf(newsintel.EINVALID, "filter source_type: %q is unknown; use one of %v", clip(t), newsintel.SourceTypes())
		}
	}
	if !r.Since.IsZero() && !r.Until.IsZero() && r.Until.Before(r.Since) {
		return newsintel.Errorf(newsintel.EINVALID, "filter until is before since; swap them")
	}
	return nil
}

// windowBoost is the boost of the window's clauses: a date range scores
// by the terms of its bounds, which would rank documents by when they were
// fetched, so the window is made to weigh next to nothing beside the
// topic's own query (the index's query syntax has no unscored clause).
const windowBoost = "0.000001"

// windowed returns r restricted to documents fetched in [since, until):
// the topic's query as one required group beside two required ranges on
// the fetched time, so its own clauses keep their meaning.
func windowed(r index.Request, since, until time.Time) index.Request {
	w := fmt.Sprintf("+fetched:>=%s^%s +fetched:<%s^%s", since.UTC().Format(time.RFC3339Nano), windowBoost, until.UTC().Format(time.RFC3339Nano), windowBoost)
	if strings.TrimSpace(r.Query) != "" {
		w = "+(" + r.Query + ") " + w
	}
	r.Query = w
	return r
}

// SplitValues splits each value at commas and trims it, dropping blanks:
// the list syntax of the search API's filters ("kind=article,filing" or
// kind repeated), which topic filters and the web forms share.
func SplitValues(in []string) []string {
	var out []string
	for _, v := range in {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// oneDate parses a single date filter value: YYYY-MM-DD or RFC 3339. A
// bare date used as an upper bound covers the whole day.
func oneDate(v []string, end bool) (time.Time, error) {
	if len(v) != 1 {
		return time.Time{}, fmt.Errorf("takes one date; got %d", len(v))
	}
	if t, err := time.Parse(time.RFC3339, v[0]); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, v[0])
	if err != nil {
		return t, fmt.Errorf("%q is not a date; use 2024-06-14 or 2024-06-14T10:30:00Z", clip(v[0]))
	}
	if end {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t, nil
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// clip shortens user input echoed in an error message.
func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	return strings.ToValidUTF8(s[:80], "") + "…"
}
