package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// cursorSep joins a hit's sort values into one cursor; base64url never
// contains it.
const cursorSep = "."

// searchResponse is the JSON of /api/v1/search.
type searchResponse struct {
	Total     uint64                        `json:"total"`
	TookMS    float64                       `json:"took_ms"`
	Hits      []searchHit                   `json:"hits"`
	Facets    map[string][]index.FacetCount `json:"facets,omitempty"`
	Histogram []index.DateBucket            `json:"histogram,omitempty"`
	// Next is the search_after cursor of the following page; empty on the
	// last page.
	Next string `json:"next,omitempty"`
}

type searchHit struct {
	ID        string              `json:"id"`
	Title     string              `json:"title"`
	URL       string              `json:"url,omitempty"`
	Kind      string              `json:"kind"`
	Source    string              `json:"source"`
	Publisher string              `json:"publisher,omitempty"`
	Published *time.Time          `json:"published,omitempty"`
	Score     float64             `json:"score"`
	Snippet   string              `json:"snippet,omitempty"`
	Fragments map[string][]string `json:"fragments,omitempty"`
	Warning   string              `json:"warning,omitempty"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	req, err := parseSearch(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.index.Search(r.Context(), req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := searchResponse{Total: res.Total, TookMS: res.TookMS, Hits: toSearchHits(res.Hits),
		Facets: res.Facets, Histogram: res.Histogram}
	if n := len(res.Hits); n > 0 && n == req.Size && len(res.Hits[n-1].Sort) > 0 {
		out.Next = strings.Join(res.Hits[n-1].Sort, cursorSep)
	}
	writeJSON(w, http.StatusOK, out)
}

func toSearchHits(hits []index.Hit) []searchHit {
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		hit := searchHit{ID: h.ID, Title: h.Title, URL: h.URL, Kind: h.Kind, Source: h.Source, Publisher: h.Publisher,
			Score: h.Score, Snippet: h.Snippet, Fragments: h.Fragments, Warning: h.Warning}
		if !h.Published.IsZero() {
			p := h.Published
			hit.Published = &p
		}
		out = append(out, hit)
	}
	return out
}

// parseSearch turns query parameters into an index.Request, refusing
// unknown parameters and malformed values with a message saying what to
// change. Limits on size, depth and the query string are the index's to
// enforce.
func parseSearch(q url.Values) (index.Request, error) {
	var req index.Request
	if err := knownParams(q, searchParams()); err != nil {
		return req, err
	}
	req.Query = q.Get("q")
	var err error
	if req.Size, err = intParam(q, "size", index.DefaultSize); err != nil {
		return req, err
	}
	if req.From, err = intParam(q, "from", 0); err != nil {
		return req, err
	}
	if req.FacetSize, err = intParam(q, "facet_size", 0); err != nil {
		return req, err
	}
	req.Sort = q.Get("sort")
	req.Kind, req.Source, req.Publisher = list(q, "kind"), list(q, "source"), list(q, "publisher")
	req.Language, req.Form, req.Section = list(q, "language"), list(q, "form"), list(q, "section")
	req.Entity, req.Company, req.Agency = list(q, "entity"), list(q, "company"), list(q, "agency")
	req.Government, req.Person, req.Place = list(q, "government"), list(q, "person"), list(q, "place")
	req.SourceType = list(q, "source_type")
	req.Facets, req.DateHistogram = list(q, "facets"), q.Get("histogram")
	if c := q.Get("search_after"); c != "" {
		req.SearchAfter = strings.Split(c, cursorSep)
	}
	if req.HasAnonymous, err = boolParam(q, "has_anonymous"); err != nil {
		return req, err
	}
	highlight, err := boolParam(q, "highlight")
	if err != nil {
		return req, err
	}
	req.Highlight = highlight == nil || *highlight
	if req.Since, req.Until, err = dateRange(q); err != nil {
		return req, err
	}
	return req, nil
}

// knownParams refuses a parameter not in accepted, naming those that are,
// and a single-valued one given twice.
func knownParams(q url.Values, accepted []param) error {
	for k, vs := range q {
		if len(vs) > 1 && !multiValued(k) {
			return newsintel.Errorf(newsintel.EINVALID, "%s is given %d times; give it once", clipText(k, 60), len(vs))
		}
		found := false
		for _, p := range accepted {
			found = found || p.Name == k
		}
		if !found {
			names := make([]string, len(accepted))
			for i, p := range accepted {
				names[i] = p.Name
			}
			return newsintel.Errorf(newsintel.EINVALID, "unknown parameter %q; accepted: %s", clipText(k, 60), strings.Join(names, ", "))
		}
	}
	return nil
}

// multiValued reports whether a parameter may repeat (filters and facets).
func multiValued(name string) bool {
	switch name {
	case "q", "size", "from", "search_after", "sort", "facet_size", "histogram", "highlight", "has_anonymous",
		"since", "until", "type", "interval", "latest":
		return false
	}
	return true
}

func intParam(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, newsintel.Errorf(newsintel.EINVALID, "%s=%q: use a whole number of 0 or more", name, clipText(v, 40))
	}
	return n, nil
}

func boolParam(q url.Values, name string) (*bool, error) {
	v := q.Get(name)
	if v == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, newsintel.Errorf(newsintel.EINVALID, "%s=%q: use true or false", name, clipText(v, 40))
	}
	return &b, nil
}

// list returns a parameter's values, each split at commas, blanks dropped.
func list(q url.Values, name string) []string { return digest.SplitValues(q[name]) }

// dateRange parses since and until, refusing an until before since.
func dateRange(q url.Values) (since, until time.Time, err error) {
	if since, err = dateParam(q, "since", false); err != nil {
		return since, until, err
	}
	if until, err = dateParam(q, "until", true); err != nil {
		return since, until, err
	}
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return since, until, newsintel.Errorf(newsintel.EINVALID, "until (%s) is before since (%s); swap them", q.Get("until"), q.Get("since"))
	}
	return since, until, nil
}

// dateParam parses YYYY-MM-DD, YYYY-MM or RFC 3339. A bare date used as an
// upper bound covers the whole day (or month).
func dateParam(q url.Values, name string, end bool) (time.Time, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		if end {
			t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
		}
		return t, nil
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		if end {
			t = t.AddDate(0, 1, 0).Add(-time.Nanosecond)
		}
		return t, nil
	}
	return time.Time{}, newsintel.Errorf(newsintel.EINVALID,
		"%s=%q is not a date; use a date such as 2021-06-14, a month such as 2021-06, or 2021-06-14T10:30:00Z", name, clipText(v, 40))
}

// clipText shortens user input echoed in an error message.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
