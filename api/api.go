// Package api serves newsintel over HTTP: the JSON API under /api/v1
// (search, documents, entities, sources, its own OpenAPI description),
// health and readiness probes, Prometheus metrics and, for admin keys,
// pprof. Every error reaches the client as JSON
// {"error": {"code", "message"}} with a status chosen in one place
// (statusOf). Every other path goes to the web UI (Options.UI, package
// api/web) when there is one.
//
// Access is by API key (Authorization: Bearer KEY or X-API-Key: KEY, or
// the web UI's login cookie, KeyCookie) with the scopes read and admin;
// reading may be left open. Every request but
// the probes is rate limited per key, or per client address without one.
package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/index/story"
	"github.com/newsintel/newsintel/pipelines"
)

// Searcher is what the API needs of the index.
type Searcher interface {
	Search(ctx context.Context, r index.Request) (*index.Result, error)
	Get(ctx context.Context, id string) (*newsintel.Document, error)
}

// Server holds the API's dependencies. Build it with New; it is safe for
// concurrent use.
type Server struct {
	opts    Options
	index   Searcher
	log     *slog.Logger
	mux     *http.ServeMux
	access  *access
	limits  *limiter
	metrics *Metrics
	apiDoc  func() []byte
	finder  func() *story.Finder // one story finder, so that its answers are kept; nil when the index has no claims
}

// Options are the API's dependencies. Only Index is required.
type Options struct {
	Index     Searcher
	Gazetteer *entities.Gazetteer         // names, aliases and identifiers of entities; nil: only what the index knows
	Sources   SourceRegistry              // nil: the sources routes answer 503
	Ready     func(context.Context) error // nil error when every stage is up; /readyz answers 503 otherwise
	Log       *slog.Logger

	Deliveries  DeliveryLog  // nil: GET /api/v1/topics/{id}/deliveries answers 503
	Unsubscribe Unsubscriber // nil: the unsubscribe page says it is not available

	Topics  TopicStore    // nil: the topic routes answer 503
	Digests DigestBuilder // nil: digest previews and topic feeds answer 503

	Access Access // API keys, open reading, CORS, rate limits

	Metrics  *Metrics                                             // registry to expose at /metrics; nil makes one
	Stages   map[string]*pipelines.Counters                       // documents per stage, by stage name
	Lag      func(ctx context.Context) (map[string]uint64, error) // pending messages per stage
	DocCount func() (uint64, error)                               // documents in the index
	DiskSize func() (int64, error)                                // bytes the index takes on disk

	UI http.Handler // the web UI, served at / (every path the API does not take); nil: none
}

// New returns a Server with its routes registered.
func New(o Options) *Server {
	s := &Server{opts: o, index: o.Index, log: o.Log, mux: http.NewServeMux(), metrics: o.Metrics}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.metrics == nil {
		s.metrics = NewMetrics()
	}
	s.access = newAccess(o.Access)
	s.limits = newLimiter(o.Access.KeyRate, o.Access.IPRate)
	s.apiDoc = sync.OnceValue(s.encodedAPIDoc)
	s.finder = sync.OnceValue(s.newStoryFinder)
	s.routes()
	return s
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.opts.Ready != nil {
		if err := s.opts.Ready(r.Context()); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready", "reason": err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id, err := docID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	doc, err := s.index.Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// docID returns the {id} path value when it is a well-formed document ID.
func docID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if !newsintel.ValidID(id) {
		return "", newsintel.Errorf(newsintel.EINVALID, "%q is not a document ID", id)
	}
	return id, nil
}

// notFound answers a path no route matches, or a route asked with the
// wrong method (then saying which methods it takes).
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete} {
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host}
		if _, pattern := s.mux.Handler(probe); m != r.Method && pattern != "" && pattern != apiFallback {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		s.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "%s %s is not a route; use %s", r.Method, r.URL.Path, strings.Join(allowed, " or ")))
		return
	}
	s.fail(w, r, newsintel.Errorf(newsintel.ENOTFOUND, "no API route %s %s; see /api/v1/openapi.json", r.Method, r.URL.Path))
}

// statusOf maps an error code to its HTTP status: the one place this is
// decided.
func statusOf(code string) int {
	switch code {
	case newsintel.EINVALID:
		return http.StatusBadRequest
	case newsintel.ENOTFOUND:
		return http.StatusNotFound
	case newsintel.ECONFLICT:
		return http.StatusConflict
	case newsintel.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case newsintel.EFORBIDDEN:
		return http.StatusForbidden
	case newsintel.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case newsintel.ETOOMANY:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// fail writes err as a JSON error; internal errors are logged, once, here.
// A 429 carries Retry-After (1 s unless the caller set it).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := newsintel.ErrorCode(err)
	status := statusOf(code)
	if status >= 500 && code != newsintel.EUNAVAILABLE {
		s.log.Error("request failed", attrMethod, r.Method, attrPath, r.URL.Path, attrRequestID, w.Header().Get(headerRequestID), attrError, err)
	}
	if status == http.StatusTooManyRequests && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", "1")
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsintel"`)
	}
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": newsintel.ErrorMessage(err)}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing to tell it
}
