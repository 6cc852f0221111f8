package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
)

// keyCookie holds the API key a user gave in the login form. It is
// HttpOnly (scripts cannot read it) and SameSite=Strict (other sites'
// pages do not send it); the JSON API reads it too (api.KeyCookie), so
// the UI's CSV and autocomplete links work for a logged-in user.
const keyCookie = api.KeyCookie

// maxKeyBytes bounds a key given in the login form.
const maxKeyBytes = 256

// keyOf returns the API key kept in the request's cookie, or "".
func keyOf(r *http.Request) string {
	c, err := r.Cookie(keyCookie)
	if err != nil || len(c.Value) > maxKeyBytes {
		return ""
	}
	return c.Value
}

// read lets a request through when reading is open or its key may read;
// otherwise it shows the login form.
func (h *Handler) read(next http.HandlerFunc) http.HandlerFunc {
	return h.guard(api.ScopeRead, next)
}

// admin lets a request through when its key has the admin scope.
func (h *Handler) admin(next http.HandlerFunc) http.HandlerFunc {
	return h.guard(api.ScopeAdmin, next)
}

func (h *Handler) guard(scope string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h.keys.Check(keyOf(r), scope)
		switch newsintel.ErrorCode(err) {
		case "":
			next(w, r)
		case newsintel.EUNAUTHORIZED:
			h.showLogin(w, r, http.StatusUnauthorized, r.URL.RequestURI(), newsintel.ErrorMessage(err))
		default:
			h.fail(w, r, err)
		}
	}
}

// loginData is the data of the login page.
type loginData struct {
	Next    string
	Message string
}

func (h *Handler) loginPage(w http.ResponseWriter, r *http.Request) {
	h.showLogin(w, r, http.StatusOK, localPath(r.URL.Query().Get("next")), "")
}

func (h *Handler) showLogin(w http.ResponseWriter, r *http.Request, status int, next, msg string) {
	h.render(w, r, "login", status, page{Title: "Log in", Data: loginData{Next: next, Message: msg}})
}

// login checks the key given in the form and keeps it in a cookie. A key
// that may not even read is refused with the login form again.
func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "the login form could not be read; send it again"))
		return
	}
	key, next := strings.TrimSpace(r.PostForm.Get("key")), localPath(r.PostForm.Get("next"))
	if key == "" || len(key) > maxKeyBytes {
		h.showLogin(w, r, http.StatusBadRequest, next, "Give an API key (newsintel keys new makes one).")
		return
	}
	if err := h.keys.Check(key, api.ScopeRead); err != nil {
		h.showLogin(w, r, http.StatusUnauthorized, next, newsintel.ErrorMessage(err))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: keyCookie, Value: key, Path: "/", HttpOnly: true,
		Secure: overHTTPS(r), SameSite: http.SameSiteStrictMode, MaxAge: int((30 * 24 * time.Hour).Seconds())})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: keyCookie, Value: "", Path: "/", HttpOnly: true,
		Secure: overHTTPS(r), SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// overHTTPS reports whether the browser reached us over HTTPS: directly,
// or through a reverse proxy that ended TLS and says so (X-Forwarded-Proto
// or Forwarded). The key cookie is then Secure, so no plain-http request
// to the host carries it. Trusting the headers is safe here: a client that
// lies only makes its own cookie stricter.
func overHTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	first, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	if strings.EqualFold(strings.TrimSpace(first), "https") {
		return true
	}
	fwd, _, _ := strings.Cut(r.Header.Get("Forwarded"), ",")
	for part := range strings.SplitSeq(fwd, ";") {
		if k, v, _ := strings.Cut(strings.TrimSpace(part), "="); strings.EqualFold(k, "proto") && strings.EqualFold(strings.Trim(v, `"`), "https") {
			return true
		}
	}
	return false
}

// localPath returns p when it is a path on this site, else "/": a login
// must not send the user to another site ("//evil.example", "/\evil").
func localPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") ||
		strings.Contains(p, `\`) || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return p
}
