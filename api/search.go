package api

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// searchParams lists the query parameters /api/v1/search accepts.
var searchParams = []string{
	"q", "size", "from", "sort", "facets", "histogram", "highlight",
	"kind", "source", "publisher", "language", "form", "section",
	"entity", "company", "agency", "person", "place", "source_type", "has_anonymous", "since", "until",
}

// searchResponse is the JSON of /api/v1/search.
type searchResponse struct {
	Total     uint64                        `json:"total"`
	TookMS    float64                       `json:"took_ms"`
	Hits      []searchHit                   `json:"hits"`
	Facets    map[string][]index.FacetCount `json:"facets,omitempty"`
	Histogram []index.DateBucket            `json:"histogram,omitempty"`
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
	out := searchResponse{Total: res.Total, TookMS: res.TookMS, Hits: make([]searchHit, 0, len(res.Hits)),
		Facets: res.Facets, Histogram: res.Histogram}
	for _, h := range res.Hits {
		hit := searchHit{ID: h.ID, Title: h.Title, URL: h.URL, Kind: h.Kind, Source: h.Source, Publisher: h.Publisher,
			Score: h.Score, Snippet: h.Snippet, Fragments: h.Fragments}
		if !h.Published.IsZero() {
			p := h.Published
			hit.Published = &p
		}
		out.Hits = append(out.Hits, hit)
	}
	writeJSON(w, http.StatusOK, out)
}

// parseSearch turns query parameters into an index.Request, refusing
// unknown parameters and malformed values with a message saying what to
// change. Limits on size and depth are the index's to enforce.
func parseSearch(q url.Values) (index.Request, error) {
	var req index.Request
	for k := range q {
		if !slices.Contains(searchParams, k) {
			return req, newsintel.Errorf(newsintel.EINVALID, "unknown parameter %q; accepted: %s", k, strings.Join(searchParams, ", "))
		}
	}
	req.Query = q.Get("q")
	var err error
	if req.Size, err = intParam(q, "size", 10); err != nil {
		return req, err
	}
	if req.From, err = intParam(q, "from", 0); err != nil {
		return req, err
	}
	req.Sort = q.Get("sort")
	req.Kind, req.Source, req.Publisher = list(q, "kind"), list(q, "source"), list(q, "publisher")
	req.Language, req.Form, req.Section = list(q, "language"), list(q, "form"), list(q, "section")
	req.Entity, req.Company, req.Agency = list(q, "entity"), list(q, "company"), list(q, "agency")
	req.Person, req.Place, req.SourceType = list(q, "person"), list(q, "place"), list(q, "source_type")
	req.Facets, req.DateHistogram = list(q, "facets"), q.Get("histogram")
	if v := q.Get("has_anonymous"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return req, newsintel.Errorf(newsintel.EINVALID, "has_anonymous=%q: use true or false", v)
		}
		req.HasAnonymous = &b
	}
	req.Highlight = q.Get("highlight") != "false"
	if req.Since, err = dateParam(q, "since", false); err != nil {
		return req, err
	}
	if req.Until, err = dateParam(q, "until", true); err != nil {
		return req, err
	}
	if !req.Since.IsZero() && !req.Until.IsZero() && req.Until.Before(req.Since) {
		return req, newsintel.Errorf(newsintel.EINVALID, "until (%s) is before since (%s)", q.Get("until"), q.Get("since"))
	}
	return req, nil
}

func intParam(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, newsintel.Errorf(newsintel.EINVALID, "%s=%q: use a whole number of 0 or more", name, v)
	}
	return n, nil
}

// list returns a parameter's values, each split at commas, blanks dropped.
func list(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// dateParam parses YYYY-MM-DD or RFC 3339. A bare date used as an upper
// bound covers the whole day.
func dateParam(q url.Values, name string, endOfDay bool) (time.Time, error) {
	v := q.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, newsintel.Errorf(newsintel.EINVALID, "%s=%q: use a date such as 2021-06-14 or 2021-06-14T10:30:00Z", name, v)
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return t, nil
}
