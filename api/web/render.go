package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
)

//go:embed templates
var templateFS embed.FS

// pageNames are the templates of whole pages; each is parsed together
// with the layout and the shared partials.
var pageNames = []string{"search", "document", "entity", "claims", "stories", "story", "sources", "topics", "topic", "login", "error"}

// pages holds one parsed template set per page.
var pages = parsePages()

func parsePages() map[string]*template.Template {
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
		"templates/layout.html", "templates/partials.html", "templates/chart.html"))
	out := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t := template.Must(base.Clone())
		out[name] = template.Must(t.ParseFS(templateFS, "templates/"+name+".html"))
	}
	return out
}

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"date":     formatDate,
	"datetime": formatDateTime,
	"ago":      ago,
	"kindName": func(k any) string { return kindName(fmt.Sprint(k)) },
	"typeName": func(t any) string { return sourceTypeName(newsintel.SourceType(fmt.Sprint(t))) },
	"entityType": func(id string) string {
		t, _, _ := strings.Cut(id, ":")
		return t
	},
	"entityURL":   func(id string) string { return "/entities/" + url.PathEscape(id) },
	"docURL":      func(id string) string { return "/documents/" + url.PathEscape(id) },
	"snippet":     snippetParts,
	"sourceTypes": newsintel.SourceTypes,
	"weekdays": func() []string {
		return []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	},
	"percent":          func(f float64) int { return int(f*100 + 0.5) },
	"attribution":      attributionName,
	"attributionClass": attributionClass,
	"delay":            delayText,
	"interval":         shortDuration,
}

// page is what the layout needs of every page.
type page struct {
	Title  string // the <title>, before " · newsintel"
	Nav    string // the active navigation entry
	Authed bool   // a key cookie is set: show "Log out"
	Data   any    // the page's own data
}

// render writes the page template name with data, status 200.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, name string, status int, p page) {
	p.Authed = keyOf(r) != ""
	var buf bytes.Buffer
	if err := pages[name].ExecuteTemplate(&buf, "layout.html", p); err != nil {
		// A template bug: say so plainly rather than send half a page.
		h.log.Error("web page failed", "page", name, "path", r.URL.Path, "error", err)
		http.Error(w, "this page could not be drawn; the error is logged", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorData is the data of the error page.
type errorData struct {
	Status  int
	Heading string
	Message string
	Login   bool // offer the login form
}

// fail shows err as an error page with the status the API would answer.
// Internal errors are logged here, once, and shown without detail.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := api.StatusOf(err)
	if status >= 500 && newsintel.ErrorCode(err) != newsintel.EUNAVAILABLE {
		h.log.Error("web request failed", "path", r.URL.Path, "error", err)
	}
	d := errorData{Status: status, Heading: http.StatusText(status), Message: newsintel.ErrorMessage(err),
		Login: status == http.StatusUnauthorized || status == http.StatusForbidden}
	h.render(w, r, "error", status, page{Title: d.Heading, Data: d})
}

// errorStatus is the status of a page showing err inline; internal
// errors are logged here, once.
func (h *Handler) errorStatus(err error) int {
	status := api.StatusOf(err)
	if status >= 500 && newsintel.ErrorCode(err) != newsintel.EUNAVAILABLE {
		h.log.Error("web request failed", "error", err)
	}
	return status
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2 Jan 2006 15:04 UTC")
}

// ago says how long before now t was, roughly.
func ago(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := time.Since(t)
	switch {
	case d < 0:
		return "in " + roughly(-d)
	case d < time.Minute:
		return "just now"
	}
	return roughly(d) + " ago"
}

func roughly(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "seconds"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute")
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour")
	}
	return plural(int(d/(24*time.Hour)), "day")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

func kindName(k string) string {
	switch newsintel.Kind(k) {
	case newsintel.KindArticle:
		return "Article"
	case newsintel.KindFiling:
		return "Filing"
	case newsintel.KindNotice:
		return "Notice"
	}
	return k
}

// sourceTypeName is how a source type reads to a journalist.
func sourceTypeName(t newsintel.SourceType) string {
	switch t {
	case newsintel.SourceAnonymous:
		return "Anonymous"
	case newsintel.SourcePerson:
		return "Named person"
	case newsintel.SourceOrganization:
		return "Organisation"
	case newsintel.SourceDocument:
		return "Document"
	case newsintel.SourceDeclined:
		return "Declined to comment"
	case newsintel.SourceNoResponse:
		return "No response"
	case newsintel.SourceUnattributed:
		return "Unattributed"
	}
	return string(t)
}

// clip shortens user input echoed on a page.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

func escapeQuery(s string) string { return url.QueryEscape(s) }

// shortDuration drops the zero parts Go prints in durations: "1h0m0s" →
// "1h", "15m0s" → "15m"; anything else is shown as it is.
func shortDuration(s string) string {
	if _, err := time.ParseDuration(s); err != nil {
		return s
	}
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
