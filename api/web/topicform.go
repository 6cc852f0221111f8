package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// topicForm is the create and edit form of a topic: the search it saves
// (the same query and filter names as the search page), its schedule and
// what its digest holds.
type topicForm struct {
	Action, Submit string
	Name, Q        string
	Kinds          map[string]bool
	Entity         string // entity filter values, comma separated
	Publisher      string
	SourceTypes    map[string]bool // a topic may follow several
	HasAnonymous   bool
	Other          []field // further filters of the saved search, kept as they are
	Every, At      string
	Weekday        string
	TimeZone       string
	Alerts         bool
	MaxItems       int
	IncludeClaims  bool
	AnonymousOnly  bool
	IncludeFilings bool
	IncludeNotices bool
	Error          string
	CanWrite       bool // the user's key may save topics
}

// The filters the form has fields for; others ride along as hidden fields.
var formFilters = []string{"kind", "entity", "publisher", "source_type", "has_anonymous"}

// formFromValues fills a form from the search page's URL parameters or
// the form's own posted fields (the names are the same).
func formFromValues(v url.Values) topicForm {
	f := topicForm{Name: strings.TrimSpace(v.Get("name")), Q: v.Get("q"), Kinds: map[string]bool{},
		Entity: strings.Join(v["entity"], ", "), Publisher: strings.Join(v["publisher"], ", "), SourceTypes: map[string]bool{},
		HasAnonymous: v.Get("has_anonymous") == "true", Every: firstOf(v.Get("every"), newsintel.EveryDay),
		At: v.Get("at"), Weekday: v.Get("weekday"), TimeZone: v.Get("timezone"), Alerts: v.Get("alerts") != "",
		IncludeClaims: v.Get("include_claims") != "", AnonymousOnly: v.Get("anonymous_only") != "",
		IncludeFilings: v.Get("include_filings") != "", IncludeNotices: v.Get("include_notices") != ""}
	for _, k := range digest.SplitValues(v["kind"]) {
		f.Kinds[k] = true
	}
	if h := v.Get("has_anonymous"); h != "" && h != "true" {
		f.Other = append(f.Other, field{Name: "has_anonymous", Value: h}) // "false": only documents without; the box cannot say so
	}
	for _, st := range digest.SplitValues(v["source_type"]) {
		if slices.Contains(newsintel.SourceTypes(), newsintel.SourceType(st)) {
			f.SourceTypes[st] = true
		} else {
			f.Other = append(f.Other, field{Name: "source_type", Value: st}) // kept as it is
		}
	}
	f.MaxItems, _ = strconv.Atoi(v.Get("max_items"))
	for _, name := range filterParams {
		if slices.Contains(formFilters, name) {
			continue
		}
		for _, val := range v[name] {
			f.Other = append(f.Other, field{Name: name, Value: val})
		}
	}
	for _, name := range []string{"since", "until"} {
		if val := v.Get(name); val != "" {
			f.Other = append(f.Other, field{Name: name, Value: val})
		}
	}
	return f
}

// formFromTopic fills the edit form of a saved topic.
func formFromTopic(t newsintel.Topic) topicForm {
	v := url.Values{}
	for name, vals := range t.Query.Filters {
		v[name] = vals
	}
	v.Set("name", t.Name)
	v.Set("q", t.Query.Q)
	f := formFromValues(v)
	f.Every, f.At, f.Weekday, f.TimeZone, f.Alerts = t.Schedule.Every, t.Schedule.At, t.Schedule.Weekday, t.Schedule.TimeZone, t.Schedule.Alerts
	o := t.Options
	f.MaxItems, f.IncludeClaims, f.AnonymousOnly, f.IncludeFilings, f.IncludeNotices = o.MaxItems, o.IncludeClaims, o.AnonymousOnly, o.IncludeFilings, o.IncludeNotices
	return f
}

// topic is the topic the form describes; the store validates it.
func (f topicForm) topic() newsintel.Topic {
	filters := map[string][]string{}
	for k, on := range f.Kinds {
		if on {
			filters["kind"] = append(filters["kind"], k)
		}
	}
	slices.Sort(filters["kind"])
	if vals := digest.SplitValues([]string{f.Entity}); len(vals) > 0 {
		filters["entity"] = vals
	}
	if p := strings.TrimSpace(f.Publisher); p != "" {
		filters["publisher"] = []string{p}
	}
	for _, st := range newsintel.SourceTypes() {
		if f.SourceTypes[string(st)] {
			filters["source_type"] = append(filters["source_type"], string(st))
		}
	}
	if f.HasAnonymous {
		filters["has_anonymous"] = []string{"true"}
	}
	for _, o := range f.Other {
		filters[o.Name] = append(filters[o.Name], o.Value)
	}
	return newsintel.Topic{Name: f.Name, Query: newsintel.TopicQuery{Q: strings.TrimSpace(f.Q), Filters: filters},
		Schedule: newsintel.Schedule{Every: f.Every, At: strings.TrimSpace(f.At), Weekday: f.Weekday, TimeZone: strings.TrimSpace(f.TimeZone), Alerts: f.Alerts},
		Options: newsintel.TopicOptions{MaxItems: f.MaxItems, IncludeClaims: f.IncludeClaims, AnonymousOnly: f.AnonymousOnly,
			IncludeFilings: f.IncludeFilings, IncludeNotices: f.IncludeNotices}}
}

// describe says in words what a topic looks for.
func describe(t newsintel.Topic) string {
	var parts []string
	if t.Query.Q != "" {
		parts = append(parts, "“"+t.Query.Q+"”")
	}
	names := make([]string, 0, len(t.Query.Filters))
	for k := range t.Query.Filters {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		parts = append(parts, k+": "+strings.Join(t.Query.Filters[k], ", "))
	}
	if len(parts) == 0 {
		return "everything"
	}
	return strings.Join(parts, " · ")
}

// searchHref is the search page showing what a topic matches.
func searchHref(t newsintel.Topic) string {
	q := url.Values{}
	if t.Query.Q != "" {
		q.Set("q", t.Query.Q)
	}
	for k, vs := range t.Query.Filters {
		if slices.Contains(filterParams, k) || k == "since" || k == "until" {
			q[k] = vs
		}
	}
	return searchURL(q)
}
