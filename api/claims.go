package api

import (
	"cmp"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// ClaimSearcher is what /api/v1/claims needs of the index; an Options.Index
// without it answers 503.
type ClaimSearcher interface {
	SearchClaims(ctx context.Context, r index.ClaimRequest) (*index.ClaimResult, error)
}

// claimCSVHeader is the header row of format=csv.
var claimCSVHeader = []string{"published", "publisher", "document_id", "url", "title", "text", "quote", "cue", "hedge",
	"source_type", "source_count", "source_description", "source_name", "source_affiliation", "source_via", "entities",
	"status", "added_revision", "changed_revision", "previous_text", "removed_revision", "removed_at"}

func (s *Server) claims(w http.ResponseWriter, r *http.Request) {
	cs, ok := s.index.(ClaimSearcher)
	if !ok {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server's index cannot search claims"))
		return
	}
	req, asCSV, err := parseClaims(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if asCSV {
		s.exportClaims(w, r, cs, req)
		return
	}
	res, err := cs.SearchClaims(r.Context(), req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// MaxCSVClaims bounds a CSV export of claims: with format=csv, size may
// be up to this many rows (the index's paging window), read from the
// index a page of index.MaxSize at a time and written as they come.
const MaxCSVClaims = index.MaxWindow

// exportClaims writes the claims req asks for as CSV: req.Size of them
// from req.From on (at most MaxCSVClaims, and From+Size within the
// index's window), page by page. X-Total-Count says how many match in
// all. An error on the first page is answered as JSON; one on a later
// page (the rows so far are sent) ends the CSV early and is logged.
func (s *Server) exportClaims(w http.ResponseWriter, r *http.Request, cs ClaimSearcher, req index.ClaimRequest) {
	want := cmp.Or(req.Size, index.DefaultSize)
	if want > MaxCSVClaims || req.From+want > index.MaxWindow {
		s.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "a CSV export takes size up to %d and from + size up to %d; got size %d, from %d",
			MaxCSVClaims, index.MaxWindow, want, req.From))
		return
	}
	req.Size = min(want, index.MaxSize)
	req.Facets, req.DateHistogram = nil, "" // a CSV has no place for them
	res, err := cs.SearchClaims(r.Context(), req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("X-Total-Count", strconv.FormatUint(res.Total, 10))
	cw := startClaimsCSV(w)
	defer cw.Flush()
	for got := 0; ; {
		for _, c := range res.Claims {
			_ = cw.Write(claimRow(c))
		}
		got += len(res.Claims)
		req.From += len(res.Claims)
		if got >= want || len(res.Claims) < req.Size || uint64(req.From) >= res.Total {
			return
		}
		cw.Flush()
		req.Size = min(want-got, index.MaxSize)
		if res, err = cs.SearchClaims(r.Context(), req); err != nil {
			s.log.Warn("claims export cut short", attrPath, r.URL.Path, attrRequestID, w.Header().Get(headerRequestID), attrError, err)
			return
		}
	}
}

// parseClaims turns query parameters into an index.ClaimRequest and
// whether CSV was asked for, refusing unknown parameters and malformed
// values with a message saying what to change.
func parseClaims(q url.Values) (req index.ClaimRequest, asCSV bool, err error) {
	if err := knownParams(q, claimParams()); err != nil {
		return req, false, err
	}
	switch f := q.Get("format"); f {
	case "", "json":
	case "csv":
		asCSV = true
	default:
		return req, false, newsintel.Errorf(newsintel.EINVALID, "format=%q: use json or csv", clipText(f, 20))
	}
	req.Query, req.Sort = q.Get("q"), q.Get("sort")
	if req.Size, err = intParam(q, "size", index.DefaultSize); err != nil {
		return req, false, err
	}
	if req.From, err = intParam(q, "from", 0); err != nil {
		return req, false, err
	}
	if req.FacetSize, err = intParam(q, "facet_size", 0); err != nil {
		return req, false, err
	}
	req.Entity, req.SourceType = list(q, "entity"), list(q, "source_type")
	req.Publisher, req.Affiliation = q["publisher"], q["affiliation"] // names may hold commas
	req.Facets, req.DateHistogram = list(q, "facets"), q.Get("histogram")
	req.Status = list(q, "status")
	if all, err := boolParam(q, "include_removed"); err != nil {
		return req, false, err
	} else if all != nil {
		req.IncludeRemoved = *all
	}
	if req.Since, req.Until, err = dateRange(q); err != nil {
		return req, false, err
	}
	return req, asCSV, nil
}

// claimParams lists the query parameters /api/v1/claims accepts.
func claimParams() []param {
	filter := func(name, doc string) param {
		return param{Name: name, Type: "string", Doc: doc + "; repeat the parameter to match any of several"}
	}
	return []param{
		{Name: "q", Type: "string", Doc: `words that must all appear in the claim's text or its source's description (stemmed); "a phrase" in order`, Example: "cloud review"},
		sizeParam,
		{Name: "from", Type: "integer", Doc: "claims to skip; from + size at most 10000"},
		{Name: "sort", Type: "string", Enum: []string{index.SortDateDesc, index.SortDate, index.SortRelevance},
			Doc: "-date (newest first, default), date (oldest first) or relevance"},
		{Name: "format", Type: "string", Enum: []string{"json", "csv"}, Doc: "json (default) or csv: one row per claim with a header row, RFC 4180 quoting; a CSV export takes size up to 10000 (from + size at most 10000) and says how many match in X-Total-Count"},
		{Name: "facets", Type: "string", Doc: "comma-separated facets to count: " + strings.Join(index.ClaimFacetNames(), ", ")},
		{Name: "facet_size", Type: "integer", Doc: "terms per facet, 1 to 100 (default 10)"},
		{Name: "histogram", Type: "string", Enum: []string{index.HistogramDay, index.HistogramWeek, index.HistogramMonth}, Doc: "date histogram of the claims' published dates"},
		filter("entity", "entity ID (company:alibaba-group) or name the claim mentions; commas separate several"),
		filter("source_type", "anonymous, person, organization, document, declined, no_response or unattributed; commas separate several"),
		filter("publisher", "publisher name, exactly"),
		filter("affiliation", "the source's affiliation, any case (\"Commerce Department\")"),
		filter("status", "current (as first published), changed (edited by a later revision of the article) or removed (dropped by a later revision); commas separate several; default current and changed"),
		{Name: "include_removed", Type: "boolean", Doc: "also claims a later revision of their article removed (default false); status overrides it"},
		{Name: "since", Type: "string", Doc: "published on or after: 2021-06-14, 2021-06 or RFC 3339", Example: "2024-01-01"},
		{Name: "until", Type: "string", Doc: "published on or before (a bare date covers the whole day)", Example: "2024-12-31"},
	}
}

// startClaimsCSV answers 200 with CSV headers and writes the header row;
// the caller writes the rows and flushes.
func startClaimsCSV(w http.ResponseWriter) *csv.Writer {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="claims.csv"`)
	w.WriteHeader(http.StatusOK)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	_ = cw.Write(claimCSVHeader)
	return cw
}

// claimRow is one CSV row in the order of claimCSVHeader.
func claimRow(c index.ClaimHit) []string {
	published, count, removedAt := "", "", ""
	if !c.Published.IsZero() {
		published = c.Published.UTC().Format(time.RFC3339)
	}
	if !c.RemovedAt.IsZero() {
		removedAt = c.RemovedAt.UTC().Format(time.RFC3339)
	}
	if c.Source.Count != nil {
		count = strconv.Itoa(*c.Source.Count)
	}
	row := []string{published, c.Publisher, c.DocumentID, c.URL, c.Title, c.Text, strconv.FormatBool(c.Quote),
		c.Cue, c.Hedge, string(c.Source.Type), count, c.Source.Description, c.Source.Name,
		c.Source.Affiliation, c.Source.Via, strings.Join(c.Entities, " "),
		c.Status, revisionCell(c.AddedRevision), revisionCell(c.ChangedRevision), c.PreviousText,
		revisionCell(c.RemovedRevision), removedAt}
	for i := range row {
		row[i] = spreadsheetSafe(row[i])
	}
	return row
}

// spreadsheetSafe keeps a crawled text from running as a formula when the
// CSV is opened in a spreadsheet: a cell starting with =, +, -, @, tab or
// carriage return gets a leading apostrophe (OWASP's advice on CSV
// injection). Claim text comes from pages anyone can write.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// revisionCell is a revision number, or an empty cell for none.
func revisionCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
