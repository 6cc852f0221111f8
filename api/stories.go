package api

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index/story"
)

// stories answers GET /api/v1/stories: the stories among the claims
// matching the filters, most reported first.
func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	f, ok := s.storyFinder(w, r)
	if !ok {
		return
	}
	req, asCSV, err := parseStories(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := f.Find(r.Context(), req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if asCSV {
		writeStoriesCSV(w, "stories.csv", list.Stories)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// storyByID answers GET /api/v1/stories/{id}.
func (s *Server) storyByID(w http.ResponseWriter, r *http.Request) {
	f, ok := s.storyFinder(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	if err := knownParams(q, []param{formatParam}); err != nil {
		s.fail(w, r, err)
		return
	}
	asCSV, err := csvFormat(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := f.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if asCSV {
		writeStoriesCSV(w, "story.csv", []story.Story{*st})
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// storyFinder returns the story finder over the server's index, or answers
// 503 when the index cannot search claims.
func (s *Server) storyFinder(w http.ResponseWriter, r *http.Request) (*story.Finder, bool) {
	f := s.finder()
	if f == nil {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server's index cannot search claims, so it has no stories"))
		return nil, false
	}
	return f, true
}

// newStoryFinder makes the server's story finder: one for the server's
// life, since it keeps its answers until the index changes.
func (s *Server) newStoryFinder() *story.Finder {
	ix, ok := s.index.(story.Index)
	if !ok {
		return nil
	}
	return story.New(ix, story.Options{})
}

var formatParam = param{Name: "format", Type: "string", Enum: []string{"json", "csv"},
	Doc: "json (default) or csv: one row per report and per link, with a header row"}

// csvFormat reads format=json|csv.
func csvFormat(q url.Values) (bool, error) {
	switch f := q.Get("format"); f {
	case "", "json":
		return false, nil
	case "csv":
		return true, nil
	default:
		return false, newsintel.Errorf(newsintel.EINVALID, "format=%q: use json or csv", clipText(f, 20))
	}
}

// parseStories turns query parameters into a story.Request and whether
// CSV was asked for.
func parseStories(q url.Values) (req story.Request, asCSV bool, err error) {
	if err := knownParams(q, storyParams()); err != nil {
		return req, false, err
	}
	if asCSV, err = csvFormat(q); err != nil {
		return req, false, err
	}
	req.Query, req.Entity = q.Get("q"), list(q, "entity")
	if req.Size, err = intParam(q, "size", story.DefaultSize); err != nil {
		return req, false, err
	}
	if req.MinReports, err = intParam(q, "min_reports", 2); err != nil {
		return req, false, err
	}
	if req.Since, req.Until, err = dateRange(q); err != nil {
		return req, false, err
	}
	return req, asCSV, nil
}

// storyParams lists the query parameters /api/v1/stories accepts.
func storyParams() []param {
	return []param{
		{Name: "entity", Type: "string", Doc: "entity ID (company:alibaba) or name a claim of the story mentions (its units too: Alibaba takes in Alibaba Cloud); commas separate several, repeat to match any", Example: "Alibaba"},
		{Name: "q", Type: "string", Doc: "words a claim must have in its text or source description (stemmed) for its story to be listed", Example: "cloud review"},
		{Name: "since", Type: "string", Doc: "claims published on or after: 2021-06-14, 2021-06 or RFC 3339", Example: "2024-01-01"},
		{Name: "until", Type: "string", Doc: "claims published on or before (a bare date covers the whole day)", Example: "2024-12-31"},
		{Name: "size", Type: "integer", Doc: "stories to return, 1 to 100 (default 10)"},
		{Name: "min_reports", Type: "integer", Doc: "documents a story needs to be listed (default 2; 1 lists single reports too)"},
		formatParam,
	}
}

// storyCSVHeader is the header row of format=csv on the story routes.
var storyCSVHeader = []string{"story_id", "row", "published", "publisher", "document_id", "kind", "url", "title",
	"attribution_or_label", "via", "source_type", "source_count", "source", "text", "delay", "evidence", "section",
	"shared_entities", "shared_terms", "cue", "why", "removed_claims"}

// writeStoriesCSV writes one row per report and one per link of each story.
func writeStoriesCSV(w http.ResponseWriter, filename string, stories []story.Story) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	w.WriteHeader(http.StatusOK)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	_ = cw.Write(storyCSVHeader)
	for _, st := range stories {
		for _, r := range st.Reports {
			_ = cw.Write(safeRow(reportRow(st.ID, r)))
		}
		for _, l := range st.Links {
			_ = cw.Write(safeRow(linkRow(st.ID, l)))
		}
	}
	cw.Flush()
}

func safeRow(row []string) []string {
	for i := range row {
		row[i] = spreadsheetSafe(row[i])
	}
	return row
}

func reportRow(id string, r story.Report) []string {
	count := ""
	if r.SourceCount != nil {
		count = strconv.Itoa(*r.SourceCount)
	}
	var removed []string
	for _, c := range r.Removed {
		removed = append(removed, "removed in r"+strconv.Itoa(c.RemovedIn)+" "+timeCell(c.RemovedAt)+": "+c.Text)
	}
	src := strings.TrimSpace(strings.Join([]string{r.SourceName, r.SourceDescription}, " "))
	return []string{id, "report", timeCell(r.Published), r.Publisher, r.DocumentID, r.Kind, r.URL, r.Title,
		r.Attribution, r.Via, string(r.SourceType), count, src, r.Text, "", "", "", "", "", "", "", strings.Join(removed, " | ")}
}

func linkRow(id string, l story.Link) []string {
	return []string{id, "link", timeCell(l.Published), l.Publisher, l.DocumentID, l.Kind, l.URL, l.Title,
		l.Label, "", "", "", l.Source, l.Passage, l.Delay, l.Evidence, l.Section,
		strings.Join(l.Why.SharedEntities, " "), strings.Join(l.Why.SharedTerms, " "), l.Why.Cue, l.Why.Rule, ""}
}

func timeCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
