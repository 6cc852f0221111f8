// Package web is newsintel's web UI for analysts and journalists: search
// with facets, documents with their entity mentions and sourcing claims
// marked, entity and claim timelines, saved topics with digest previews
// and feeds, and the health of the sources for operators. Pages are rendered on the server with html/template (so every
// text that came from a crawled page is escaped) and work without
// JavaScript; charts are SVG drawn on the server. CSS and the one small
// script are embedded, and nothing is fetched from elsewhere.
//
// The UI reads through the same index methods and request parsing as the
// JSON API (package api), and the API server mounts it at / through
// api.Options.UI. Every response carries a strict Content-Security-Policy;
// forms are protected against cross-site requests with
// http.CrossOriginProtection; the sources page needs an admin API key,
// given once in a login form and kept in an HttpOnly cookie.
package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/index/story"
)

// Index is what the UI reads: the real *index.Index has every method.
type Index interface {
	Search(ctx context.Context, r index.Request) (*index.Result, error)
	Get(ctx context.Context, id string) (*newsintel.Document, error)
	Similar(ctx context.Context, id string, size int) ([]index.Hit, error)
	EntityStats(ctx context.Context, id string, r index.EntityRequest) (*index.EntityStats, error)
	SearchClaims(ctx context.Context, r index.ClaimRequest) (*index.ClaimResult, error)
}

// Options are the UI's dependencies. Only Index is required.
type Options struct {
	Index     Index
	Gazetteer *entities.Gazetteer // entity names, aliases, identifiers; nil: only what the index knows
	Sources   api.SourceRegistry  // nil: the sources page says there is no registry
	Access    api.Access          // the API's keys and open reading, checked the same way
	Topics    api.TopicStore      // saved topics and subscriptions; nil: the topics pages say there are none
	Digests   api.DigestBuilder   // digest previews; nil: none
	Stories   StoryFinder         // nil: a story.Finder over Index with its default options
	Log       *slog.Logger
}

//go:embed assets
var assetFS embed.FS

// Handler serves the UI. Build it with New; it is safe for concurrent use.
type Handler struct {
	opts    Options
	stories StoryFinder
	log     *slog.Logger
	keys    *api.KeyChecker
	mux     *http.ServeMux
	entry   http.Handler // mux behind the cross-origin check and security headers
}

// New returns the UI's handler with its pages registered.
func New(o Options) *Handler {
	h := &Handler{opts: o, log: o.Log, keys: api.NewKeyChecker(o.Access), mux: http.NewServeMux()}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.stories = o.Stories; h.stories == nil {
		h.stories = story.New(o.Index, story.Options{})
	}
	h.routes()
	h.entry = securityHeaders(http.NewCrossOriginProtection().Handler(h.mux))
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.entry.ServeHTTP(w, r) }

func (h *Handler) routes() {
	assets, _ := fs.Sub(assetFS, "assets") // the directory is embedded, so Sub cannot fail
	h.mux.Handle("GET /assets/", http.StripPrefix("/assets/", cacheAssets(http.FileServerFS(assets))))
	h.mux.HandleFunc("GET /{$}", h.read(h.searchPage))
	h.mux.HandleFunc("GET /search", h.read(h.searchPage))
	h.mux.HandleFunc("GET /documents/{id}", h.read(h.documentPage))
	h.mux.HandleFunc("GET /entities/{id}", h.read(h.entityPage))
	h.mux.HandleFunc("GET /claims", h.read(h.claimsPage))
	h.mux.HandleFunc("GET /stories", h.read(h.storiesPage))
	h.mux.HandleFunc("GET /stories/{id}", h.read(h.storyPage))
	h.mux.HandleFunc("GET /sources", h.admin(h.sourcesPage))
	h.mux.HandleFunc("GET /topics", h.read(h.topicsPage))
	h.mux.HandleFunc("POST /topics", h.admin(h.topicCreate))
	h.mux.HandleFunc("GET /topics/{id}", h.read(h.topicPage))
	h.mux.HandleFunc("POST /topics/{id}", h.admin(h.topicUpdate))
	h.mux.HandleFunc("POST /topics/{id}/delete", h.admin(h.topicDelete))
	h.mux.HandleFunc("POST /topics/{id}/subscriptions", h.admin(h.subscribe))
	h.mux.HandleFunc("GET /topics/{id}/feed.atom", h.read(h.topicFeed("atom")))
	h.mux.HandleFunc("GET /topics/{id}/feed.json", h.read(h.topicFeed("json")))
	h.mux.HandleFunc("GET /login", h.loginPage)
	h.mux.HandleFunc("POST /login", h.login)
	h.mux.HandleFunc("POST /logout", h.logout)
	h.mux.HandleFunc("/", h.notFound)
}

// The Content-Security-Policy of every response: nothing from elsewhere,
// no inline script or style, no framing, forms post only here.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every UI response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// cacheAssets lets browsers keep the CSS and script for an hour.
func cacheAssets(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, newsintel.Errorf(newsintel.ENOTFOUND, "there is no page at %s", clip(r.URL.Path, 100)))
}
