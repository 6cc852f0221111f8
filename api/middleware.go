package api

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"

	"github.com/newsintel/newsintel"
)

const (
	headerRequestID = "X-Request-ID"
	// MaxURLBytes bounds the request target (path and query). Longer URLs
	// are refused before any parsing; query strings themselves are capped
	// far lower by the index.
	MaxURLBytes = 8 << 10
	// maxRequestIDBytes bounds a client's X-Request-ID; longer or odd ones
	// are replaced.
	maxRequestIDBytes = 64
)

// ServeHTTP implements http.Handler: it tags the request with an ID, refuses
// over-long URLs, answers CORS preflights, routes, and logs the outcome.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := requestID(r.Header.Get(headerRequestID))
	w.Header().Set(headerRequestID, id)
	rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	switch {
	case len(r.RequestURI) > MaxURLBytes:
		s.fail(rw, r, newsintel.Errorf(newsintel.EINVALID,
			"the URL is %d bytes; keep it under %d (queries are limited to 1000 characters)", len(r.RequestURI), MaxURLBytes))
	case s.access.preflight(rw, r):
	default:
		s.access.cors(rw, r)
		s.mux.ServeHTTP(rw, r)
	}
	level := s.log.Info
	if rw.status >= 500 {
		level = s.log.Warn
	}
	path := r.URL.Path
	if len(path) > 200 {
		path = path[:200] + "…"
	}
	level("http request", attrRequestID, id, attrMethod, r.Method, attrPath, path, attrRoute, r.Pattern,
		attrStatus, rw.status, attrBytes, rw.bytes, attrMS, float64(time.Since(start).Microseconds())/1000,
		attrKey, rw.key, attrRemote, r.RemoteAddr)
}

// guard wraps a route's handler with its access check, rate limit and
// latency metric.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() { s.metrics.observe(rt.pattern(), statusOfWriter(w), time.Since(start)) }()
		if rt.Scope == scopeNone {
			rt.Handler(w, r)
			return
		}
		key, err := s.access.authorize(r, rt.Scope)
		if sw, ok := w.(*statusWriter); ok && key != nil {
			sw.key = key.Name
		}
		if err != nil && newsintel.ErrorCode(err) == newsintel.EUNAUTHORIZED {
			// A wrong key costs the address a token, so guessing is slow.
			key = nil
			if rt.Token != nil && rt.Token(r) {
				err = nil
			}
		} else if err != nil {
			s.fail(w, r, err)
			return
		}
		if wait, ok := s.limits.allow(key, r); !ok {
			w.Header().Set("Retry-After", fmt.Sprint(wait))
			s.fail(w, r, newsintel.Errorf(newsintel.ETOOMANY, "rate limit reached; retry in %d s", wait))
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		rt.Handler(w, r)
	})
}

// requestID returns the client's ID when it is short and plain, else a
// new random one.
func requestID(in string) string {
	if in != "" && len(in) <= maxRequestIDBytes && plainID(in) {
		return in
	}
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read does not fail
	return hex.EncodeToString(b[:])
}

func plainID(s string) bool {
	for _, c := range []byte(s) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
		if !ok {
			return false
		}
	}
	return true
}

// statusWriter remembers the status, size and API key name of a response
// for the access log and metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
	key    string
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Flush lets streaming handlers (pprof traces) flush.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func statusOfWriter(w http.ResponseWriter) int {
	if sw, ok := w.(*statusWriter); ok {
		return sw.status
	}
	return 0
}
