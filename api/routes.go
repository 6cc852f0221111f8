package api

import (
	"net/http"
	"net/http/pprof"
)

// Scopes an API key may carry. A key with ScopeAdmin may also read.
const (
	ScopeRead  = "read"
	ScopeAdmin = "admin"
	scopeNone  = "" // open to everyone, unlimited: health probes
)

// route is one registered endpoint. The one table of routes (Server.table)
// feeds both the mux and the OpenAPI description, so neither can drift.
type route struct {
	Method   string
	Path     string // ServeMux path pattern, {name} wildcards; a trailing "/" matches a subtree
	Scope    string // ScopeRead, ScopeAdmin or scopeNone
	Summary  string
	Params   []param // query and path parameters
	Body     string  // schema name of the request body, if any
	Response string  // schema name of the 200 response; "" for non-JSON
	Produces string  // content type when not JSON
	Status   int     // success status when not 200
	Handler  http.HandlerFunc
	// Token, when set, is the route's own credential beside API keys: a
	// request it accepts passes without a key (a topic feed's ?token=,
	// for feed readers that cannot send a header).
	Token func(*http.Request) bool
}

// pattern is the ServeMux pattern of r.
func (r route) pattern() string { return r.Method + " " + r.Path }

// table lists every route the Server serves.
func (s *Server) table() []route {
	return []route{
		{Method: "GET", Path: "/healthz", Scope: scopeNone, Summary: "Liveness probe", Response: "Status", Handler: s.healthz},
		{Method: "GET", Path: "/readyz", Scope: scopeNone, Summary: "Readiness probe: 503 until every stage is up", Response: "Status", Handler: s.readyz},
		{Method: "GET", Path: "/metrics", Scope: ScopeRead, Summary: "Prometheus metrics (text exposition format)", Produces: "text/plain; version=0.0.4", Handler: s.metricsHandler},
		{Method: "GET", Path: "/api/v1/openapi.json", Scope: scopeNone, Summary: "This OpenAPI 3.1 description", Response: "OpenAPI", Handler: s.openapi},
		{Method: "GET", Path: "/api/v1/search", Scope: ScopeRead, Summary: "Full-text search with filters, facets, highlights and cursor paging", Params: searchParams(), Response: "SearchResult", Handler: s.search},
		{Method: "GET", Path: "/api/v1/claims", Scope: ScopeRead, Summary: "Search sourcing claims on their own, with facets and a date histogram; format=csv exports them", Params: claimParams(), Response: "ClaimResult", Handler: s.claims},
		{Method: "GET", Path: "/api/v1/stories", Scope: ScopeRead, Summary: "Stories: claims asserting the same thing across outlets and days, with first report, every report's attribution, counts and confirming or denying evidence; format=csv exports them", Params: storyParams(), Response: "StoryList", Handler: s.stories},
		{Method: "GET", Path: "/api/v1/stories/{id}", Scope: ScopeRead, Summary: "One story by ID, with its reports and links; format=csv exports it", Params: []param{pathID("story ID"), formatParam}, Response: "Story", Handler: s.storyByID},
		{Method: "GET", Path: "/api/v1/documents/{id}", Scope: ScopeRead, Summary: "One document with its body, mentions and claims", Params: []param{pathID("document ID")}, Response: "Document", Handler: s.document},
		{Method: "GET", Path: "/api/v1/documents/{id}/revisions", Scope: ScopeRead, Summary: "Revisions of a document (number, fetch time) and the claims each added, removed, changed or restored", Params: []param{pathID("document ID")}, Response: "RevisionHistory", Handler: s.revisions},
		{Method: "GET", Path: "/api/v1/documents/{id}/similar", Scope: ScopeRead, Summary: "Documents like this one", Params: []param{pathID("document ID"), sizeParam}, Response: "SimilarResult", Handler: s.similar},
		{Method: "GET", Path: "/api/v1/entities", Scope: ScopeRead, Summary: "Entity autocomplete by name and alias", Params: entityListParams, Response: "EntityList", Handler: s.entityList},
		{Method: "GET", Path: "/api/v1/entities/{id}", Scope: ScopeRead, Summary: "An entity: names, identifiers, mentions over time, co-mentions, latest documents, claims by source type", Params: entityParams, Response: "EntityPage", Handler: s.entity},
		{Method: "GET", Path: "/api/v1/sources", Scope: ScopeRead, Summary: "Configured and added sources with their health", Response: "SourceList", Handler: s.sourceList},
		{Method: "GET", Path: "/api/v1/sources.opml", Scope: ScopeRead, Summary: "Sources as OPML 2.0", Produces: "text/x-opml; charset=utf-8", Handler: s.sourcesOPML},
		{Method: "POST", Path: "/api/v1/sources", Scope: ScopeAdmin, Summary: "Add a source (a taken name is a 409)", Body: "SourceInput", Response: "Status", Status: http.StatusCreated, Handler: s.sourceAdd},
		{Method: "DELETE", Path: "/api/v1/sources/{name}", Scope: ScopeAdmin, Summary: "Remove a source added at run time", Params: []param{{Name: "name", In: "path", Required: true, Type: "string", Doc: "source name"}}, Status: http.StatusNoContent, Handler: s.sourceRemove},
		{Method: "GET", Path: "/api/v1/topics", Scope: ScopeRead, Summary: "Saved topics: query, filters, schedule and digest options", Response: "TopicList", Handler: s.topicList},
		{Method: "POST", Path: "/api/v1/topics", Scope: ScopeAdmin, Summary: "Save a topic; a query the index refuses or a bad schedule is a 400 saying why", Body: "TopicInput", Response: "Topic", Status: http.StatusCreated, Handler: s.topicCreate},
		{Method: "GET", Path: "/api/v1/topics/{id}", Scope: ScopeRead, Summary: "One topic", Params: []param{pathID("topic ID")}, Response: "Topic", Handler: s.topicGet},
		{Method: "PUT", Path: "/api/v1/topics/{id}", Scope: ScopeAdmin, Summary: "Replace a topic's name, query, schedule and options", Params: []param{pathID("topic ID")}, Body: "TopicInput", Response: "Topic", Handler: s.topicUpdate},
		{Method: "DELETE", Path: "/api/v1/topics/{id}", Scope: ScopeAdmin, Summary: "Delete a topic and its subscriptions", Params: []param{pathID("topic ID")}, Status: http.StatusNoContent, Handler: s.topicDelete},
		{Method: "GET", Path: "/api/v1/topics/{id}/subscriptions", Scope: ScopeAdmin, Summary: "A topic's subscriptions (addresses and URLs, never secrets or tokens)", Params: []param{pathID("topic ID")}, Response: "SubscriptionList", Handler: s.subscriptionList},
		{Method: "POST", Path: "/api/v1/topics/{id}/subscriptions", Scope: ScopeAdmin, Summary: "Subscribe an e-mail address, a webhook (URL and secret) or a feed reader to a topic", Params: []param{pathID("topic ID")}, Body: "SubscriptionInput", Response: "Subscription", Status: http.StatusCreated, Handler: s.subscriptionAdd},
		{Method: "DELETE", Path: "/api/v1/topics/{id}/subscriptions/{sid}", Scope: ScopeAdmin, Summary: "Remove a subscription", Params: subscriptionParams(), Status: http.StatusNoContent, Handler: s.subscriptionDelete},
		{Method: "GET", Path: "/api/v1/topics/{id}/digest", Scope: ScopeRead, Summary: "A topic's digest for a period (default: the last complete one), as it would be delivered", Params: digestParams(), Response: "Digest", Handler: s.topicDigest},
		{Method: "GET", Path: "/api/v1/topics/{id}/feed.atom", Scope: ScopeRead, Summary: "A topic's recent entries as an Atom 1.0 feed", Params: []param{pathID("topic ID"), feedTokenParam}, Produces: "application/atom+xml", Handler: s.topicAtom, Token: s.feedToken},
		{Method: "GET", Path: "/api/v1/topics/{id}/feed.json", Scope: ScopeRead, Summary: "A topic's recent entries as a JSON Feed 1.1", Params: []param{pathID("topic ID"), feedTokenParam}, Produces: "application/feed+json", Handler: s.topicJSONFeed, Token: s.feedToken},
		{Method: "GET", Path: "/api/v1/topics/{id}/deliveries", Scope: ScopeAdmin, Summary: "Deliveries of a topic's digests and alerts (e-mail, webhook), newest first, with every attempt; shows addresses, so admin only", Params: deliveryParams(), Response: "DeliveryList", Handler: s.deliveries},
		{Method: "GET", Path: "/unsubscribe", Scope: scopeNone, Summary: "Unsubscribe link of a digest e-mail: a page asking to confirm (nothing changes on GET)", Params: []param{tokenParam}, Produces: "text/html", Handler: s.unsubscribeConfirm},
		{Method: "POST", Path: "/unsubscribe", Scope: scopeNone, Summary: "Unsubscribe (the confirm form, and RFC 8058 one-click with body List-Unsubscribe=One-Click)", Params: []param{tokenParam}, Produces: "text/html", Handler: s.unsubscribe},
		{Method: "GET", Path: "/debug/pprof/", Scope: ScopeAdmin, Summary: "Go runtime profiles (index page; /debug/pprof/{profile} for one)", Produces: "text/html", Handler: pprof.Index},
		{Method: "GET", Path: "/debug/pprof/cmdline", Scope: ScopeAdmin, Summary: "Command line of the running process", Produces: "text/plain", Handler: pprof.Cmdline},
		{Method: "GET", Path: "/debug/pprof/profile", Scope: ScopeAdmin, Summary: "CPU profile (seconds=30)", Produces: "application/octet-stream", Handler: pprof.Profile},
		{Method: "GET", Path: "/debug/pprof/symbol", Scope: ScopeAdmin, Summary: "Symbol lookup", Produces: "text/plain", Handler: pprof.Symbol},
		{Method: "GET", Path: "/debug/pprof/trace", Scope: ScopeAdmin, Summary: "Execution trace (seconds=1)", Produces: "application/octet-stream", Handler: pprof.Trace},
	}
}

// apiFallback is the pattern that catches every /api/ path no route has.
const apiFallback = "/api/"

// routes registers the table, and a JSON 404 for every other /api/ path.
func (s *Server) routes() {
	for _, rt := range s.table() {
		s.mux.Handle(rt.pattern(), s.guard(rt))
	}
	s.mux.HandleFunc(apiFallback, func(w http.ResponseWriter, r *http.Request) {
		s.notFound(w, r)
	})
	if s.opts.UI != nil {
		s.mux.Handle(uiPattern, s.ui(s.opts.UI))
	}
}
