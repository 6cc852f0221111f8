// Package api serves newsintel over HTTP: the JSON API under /api/v1,
// health and readiness probes. Every error reaches the client as JSON
// {"error": {"code", "message"}} with a status chosen in one place
// (statusOf).
package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// Searcher is what the API needs of the index.
type Searcher interface {
	Search(ctx context.Context, r index.Request) (*index.Result, error)
	Get(ctx context.Context, id string) (*newsintel.Document, error)
}

// Server holds the API's dependencies. Build it with New; it is safe for
// concurrent use.
type Server struct {
	index Searcher
	ready func(context.Context) error
	log   *slog.Logger
	mux   *http.ServeMux
}

// Options are the API's dependencies.
type Options struct {
	Index Searcher
	Ready func(context.Context) error // nil error when every stage is up; /readyz answers 503 otherwise
	Log   *slog.Logger
}

// New returns a Server with its routes registered.
func New(o Options) *Server {
	s := &Server{index: o.Index, ready: o.Ready, log: o.Log, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.readyz)
	s.mux.HandleFunc("GET /api/v1/search", s.search)
	s.mux.HandleFunc("GET /api/v1/documents/{id}", s.document)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, newsintel.Errorf(newsintel.ENOTFOUND, "no API route %s %s", r.Method, r.URL.Path))
	})
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &statusWriter{ResponseWriter: w, status: 200}
	s.mux.ServeHTTP(rw, r)
	s.log.Debug("http", "method", r.Method, "path", r.URL.Path, "status", rw.status, "ms", time.Since(start).Milliseconds())
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.ready != nil {
		if err := s.ready(r.Context()); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready", "reason": err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !newsintel.ValidID(id) {
		s.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "%q is not a document ID", id))
		return
	}
	doc, err := s.index.Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, doc)
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
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := newsintel.ErrorCode(err)
	status := statusOf(code)
	if status >= 500 && code != newsintel.EUNAVAILABLE {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
	}
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": newsintel.ErrorMessage(err)}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
