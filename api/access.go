package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/newsintel/newsintel"
)

// Access configures who may do what.
type Access struct {
	Keys        []Key    // API keys; a request presenting any other key gets 401
	OpenRead    bool     // read routes need no key (writing always needs an admin key)
	CORSOrigins []string // origins allowed to call from browsers; "*" allows any
	KeyRate     Rate     // per API key
	IPRate      Rate     // per client address, for requests without a key
}

// Key is an API key, known only by the SHA-256 of its secret.
type Key struct {
	Name   string   // shown in logs, never the secret
	Hash   string   // hex SHA-256 of the secret (see HashKey)
	Scopes []string // ScopeRead, ScopeAdmin
}

// HashKey returns the hex SHA-256 of an API key's secret, the form kept in
// the configuration.
func HashKey(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// access checks keys and CORS. It is read-only after construction.
type access struct {
	keys     []Key
	hashes   [][]byte // decoded Key.Hash, same order; nil for a malformed one
	openRead bool
	origins  []string
	csrf     *http.CrossOriginProtection // the check a write carrying the UI's cookie must pass
}

func newAccess(a Access) *access {
	ac := &access{keys: a.Keys, openRead: a.OpenRead, origins: a.CORSOrigins, csrf: http.NewCrossOriginProtection()}
	for _, k := range a.Keys {
		h, err := hex.DecodeString(strings.TrimSpace(k.Hash))
		if err != nil || len(h) != sha256.Size {
			h = nil // config validation reports it; such a key never matches
		}
		ac.hashes = append(ac.hashes, h)
	}
	return ac
}

// KeyCookie is the cookie in which the web UI keeps the API key a user
// gave in its login form (HttpOnly, SameSite=Strict). The JSON API reads
// it too, so that the UI's links to it (CSV exports, autocomplete) work
// for a logged-in user: with the same key, scopes and checks as a header,
// and for a request other than GET, HEAD or OPTIONS only when it passes
// the cross-origin protection the UI's forms have.
const KeyCookie = "newsintel_key"

// maxCookieKeyBytes bounds the key read from KeyCookie.
const maxCookieKeyBytes = 256

// authorize returns the key presented with r (nil for none) and an
// EUNAUTHORIZED or EFORBIDDEN error when it may not use a route of scope.
func (a *access) authorize(r *http.Request, scope string) (*Key, error) {
	secret, presented := credentials(r)
	if !presented {
		secret, presented = a.cookieKey(r)
	}
	if !presented {
		if scope == ScopeRead && a.openRead {
			return nil, nil
		}
		return nil, newsintel.Errorf(newsintel.EUNAUTHORIZED,
			"this route needs an API key with the %q scope: send Authorization: Bearer KEY", scope)
	}
	key := a.match(secret)
	if key == nil {
		return nil, newsintel.Errorf(newsintel.EUNAUTHORIZED, "the API key is not known; check it, or ask for one")
	}
	if !key.allows(scope) {
		return key, newsintel.Errorf(newsintel.EFORBIDDEN, "the API key %q lacks the %q scope this route needs", key.Name, scope)
	}
	return key, nil
}

// match returns the key whose hash is the secret's, comparing against every
// key in constant time so timing reveals neither which nor whether.
func (a *access) match(secret string) *Key {
	sum := sha256.Sum256([]byte(secret))
	found := -1
	for i, h := range a.hashes {
		if h != nil && subtle.ConstantTimeCompare(sum[:], h) == 1 {
			found = i
		}
	}
	if found < 0 {
		return nil
	}
	return &a.keys[found]
}

func (k *Key) allows(scope string) bool {
	return slices.Contains(k.Scopes, scope) || slices.Contains(k.Scopes, ScopeAdmin)
}

// credentials returns the API key sent as a bearer token or X-API-Key.
func credentials(r *http.Request) (string, bool) {
	if v := r.Header.Get("Authorization"); v != "" {
		scheme, token, _ := strings.Cut(v, " ")
		if strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(token), true
		}
		return "", true // some other scheme: presented, never matches
	}
	if v := r.Header.Get("X-API-Key"); v != "" {
		return strings.TrimSpace(v), true
	}
	return "", false
}

// cookieKey returns the API key of the UI's login cookie, when r carries
// one and may use it: a safe method, or a write the browser says comes
// from this site (http.CrossOriginProtection, as the UI's forms). A
// cross-origin write with the cookie is treated as carrying no key.
func (a *access) cookieKey(r *http.Request) (string, bool) {
	c, err := r.Cookie(KeyCookie)
	if err != nil || c.Value == "" || len(c.Value) > maxCookieKeyBytes {
		return "", false
	}
	if a.csrf.Check(r) != nil {
		return "", false
	}
	return c.Value, true
}

// allowedOrigin returns the Access-Control-Allow-Origin value for r, or "".
func (a *access) allowedOrigin(r *http.Request) string {
	origin := r.Header.Get("Origin")
	if origin == "" || len(a.origins) == 0 {
		return ""
	}
	if slices.Contains(a.origins, "*") {
		return "*"
	}
	if slices.Contains(a.origins, origin) {
		return origin
	}
	return ""
}

// cors adds the CORS headers of an allowed origin to a response.
func (a *access) cors(w http.ResponseWriter, r *http.Request) {
	if o := a.allowedOrigin(r); o != "" {
		w.Header().Set("Access-Control-Allow-Origin", o)
		w.Header().Set("Access-Control-Expose-Headers", "X-Request-ID, Retry-After")
		w.Header().Add("Vary", "Origin")
	}
}

// preflight answers a CORS preflight request and reports whether it did.
// Preflights carry no credentials, so they are answered before access
// checks; the real request is checked as usual.
func (a *access) preflight(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	a.cors(w, r)
	if w.Header().Get("Access-Control-Allow-Origin") != "" {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, DELETE")
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Request-ID")
		w.Header().Set("Access-Control-Max-Age", strconv.Itoa(600))
	}
	w.WriteHeader(http.StatusNoContent)
	return true
}
