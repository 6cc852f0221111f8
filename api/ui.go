package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/index/story"
)

// uiPattern is the mux pattern the web UI (Options.UI) is served under:
// every path the API's own routes and /api/ do not take.
const uiPattern = "/"

// uiAssets is the path prefix of the UI's static files, which are not
// rate limited (a page load fetches them once, then they are cached).
const uiAssets = "/assets/"

// ui wraps the web UI with the per-address rate limit and the latency
// metric of the API's routes. The UI checks API keys itself (it keeps the
// key in the cookie KeyCookie, which the JSON API also accepts).
func (s *Server) ui(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() { s.metrics.observe(uiPattern, statusOfWriter(w), time.Since(start)) }()
		if !strings.HasPrefix(r.URL.Path, uiAssets) {
			if wait, ok := s.limits.allow(nil, r); !ok {
				w.Header().Set("Retry-After", strconv.Itoa(wait))
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte("Too many requests: wait a few seconds and reload.\n"))
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// ParseSearch reads the query parameters of GET /api/v1/search into an
// index.Request, as the API does, so that the web UI's search URLs are the
// API's. It returns an EINVALID error naming a bad or unknown parameter.
func ParseSearch(q url.Values) (index.Request, error) { return parseSearch(q) }

// ParseClaims reads the query parameters of GET /api/v1/claims (format
// aside) into an index.ClaimRequest, as the API does. It returns an
// EINVALID error naming a bad or unknown parameter.
func ParseClaims(q url.Values) (index.ClaimRequest, error) {
	req, _, err := parseClaims(q)
	return req, err
}

// ParseEntityRequest reads the query parameters of GET
// /api/v1/entities/{id} into an index.EntityRequest. It returns an
// EINVALID error naming a bad or unknown parameter.
func ParseEntityRequest(q url.Values) (index.EntityRequest, error) { return parseEntityRequest(q) }

// ParseStories reads the query parameters of GET /api/v1/stories (format
// aside) into a story.Request, as the API does. It returns an EINVALID
// error naming a bad or unknown parameter.
func ParseStories(q url.Values) (story.Request, error) {
	req, _, err := parseStories(q)
	return req, err
}

// StatusOf returns the HTTP status the API answers err with: the one
// mapping of error codes to statuses, for the web UI's error pages.
func StatusOf(err error) int { return statusOf(newsintel.ErrorCode(err)) }

// KeyChecker checks API keys against Access outside the JSON API (the web
// UI, which keeps the key in a cookie). It is safe for concurrent use.
type KeyChecker struct{ a *access }

// NewKeyChecker returns a KeyChecker for the keys and open reading of a.
func NewKeyChecker(a Access) *KeyChecker { return &KeyChecker{a: newAccess(a)} }

// Check returns nil when secret ("" for none) may use something of scope
// (ScopeRead or ScopeAdmin), an EUNAUTHORIZED error when no key or an
// unknown one was given, and EFORBIDDEN when the key lacks the scope. Keys
// are compared in constant time, as the API does.
func (k *KeyChecker) Check(secret, scope string) error {
	if secret == "" {
		if scope == ScopeRead && k.a.openRead {
			return nil
		}
		return newsintel.Errorf(newsintel.EUNAUTHORIZED, "this page needs an API key with the %q scope", scope)
	}
	key := k.a.match(secret)
	if key == nil {
		return newsintel.Errorf(newsintel.EUNAUTHORIZED, "the API key is not known; check it, or ask for one")
	}
	if !key.allows(scope) {
		return newsintel.Errorf(newsintel.EFORBIDDEN, "the API key %q lacks the %q scope this page needs", key.Name, scope)
	}
	return nil
}

// OpenRead reports whether reading needs no key.
func (k *KeyChecker) OpenRead() bool { return k.a.openRead }
