package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
)

// previewPeriods are the periods a topic's digest can be previewed for,
// ending now; the first is the default.
var previewPeriods = []struct {
	Key   string
	Label string
	Span  time.Duration
}{
	{"7d", "last 7 days", 7 * 24 * time.Hour},
	{"1d", "last day", 24 * time.Hour},
	{"30d", "last 30 days", 30 * 24 * time.Hour},
}

// topicsData is the data of the topics page.
type topicsData struct {
	Topics   []topicRow
	Form     topicForm
	Disabled bool // no topic store
}

type topicRow struct {
	Topic      newsintel.Topic
	Describe   string
	SearchHref string
}

// topicData is the data of one topic's page.
type topicData struct {
	Topic         newsintel.Topic
	Describe      string
	SearchHref    string
	Form          topicForm
	Atom, JSON    string
	Period        string
	Periods       []periodLink
	Digest        *newsintel.Digest
	PreviewError  string
	Admin         bool
	Subscriptions []newsintel.Subscription
	SubError      string
}

type periodLink struct {
	Label, Href string
	Current     bool
}

// topicStore returns the store, or shows why there is none.
func (h *Handler) topicStore(w http.ResponseWriter, r *http.Request) (api.TopicStore, bool) {
	if h.opts.Topics == nil {
		h.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server keeps no topics (it is not connected to the topics bucket)"))
		return nil, false
	}
	return h.opts.Topics, true
}

func (h *Handler) isAdmin(r *http.Request) bool {
	return h.keys.Check(keyOf(r), api.ScopeAdmin) == nil
}

func (h *Handler) topicsPage(w http.ResponseWriter, r *http.Request) {
	form := formFromValues(r.URL.Query())
	h.showTopics(w, r, http.StatusOK, form)
}

func (h *Handler) showTopics(w http.ResponseWriter, r *http.Request, status int, form topicForm) {
	st, ok := h.topicStore(w, r)
	if !ok {
		return
	}
	list, err := st.Topics(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := topicsData{Form: form}
	d.Form.Action, d.Form.Submit, d.Form.CanWrite = "/topics", "Save topic", h.isAdmin(r)
	for _, t := range list {
		d.Topics = append(d.Topics, topicRow{Topic: t, Describe: describe(t), SearchHref: searchHref(t)})
	}
	h.render(w, r, "topics", status, page{Title: "Topics", Nav: "topics", Data: d})
}

// topicCreate saves the posted form as a new topic; a topic the store
// refuses is shown again with the reason.
func (h *Handler) topicCreate(w http.ResponseWriter, r *http.Request) {
	st, ok := h.topicStore(w, r)
	if !ok {
		return
	}
	form, err := postedForm(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	t, err := st.CreateTopic(r.Context(), form.topic())
	if err != nil && newsintel.ErrorCode(err) == newsintel.EINVALID {
		form.Error = newsintel.ErrorMessage(err)
		h.showTopics(w, r, http.StatusBadRequest, form)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, topicURL(t.ID), http.StatusSeeOther)
}

// postedForm reads a posted topic form of bounded size.
func postedForm(w http.ResponseWriter, r *http.Request) (topicForm, error) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return topicForm{}, newsintel.Errorf(newsintel.EINVALID, "the form could not be read (%v); send it again", err)
	}
	return formFromValues(r.PostForm), nil
}

func topicURL(id string) string { return "/topics/" + url.PathEscape(id) }

func (h *Handler) topicPage(w http.ResponseWriter, r *http.Request) {
	h.showTopic(w, r, http.StatusOK, nil)
}

// showTopic shows a topic with its edit form (form, when a posted one was
// refused), its feeds, a digest preview and, for admins, its
// subscriptions.
func (h *Handler) showTopic(w http.ResponseWriter, r *http.Request, status int, form *topicForm) {
	st, ok := h.topicStore(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	t, err := st.Topic(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := topicData{Topic: t, Describe: describe(t), SearchHref: searchHref(t), Admin: h.isAdmin(r),
		Atom: feedHref(t, "atom"), JSON: feedHref(t, "json")}
	if form != nil {
		d.Form = *form
	} else {
		d.Form = formFromTopic(t)
	}
	d.Form.Action, d.Form.Submit, d.Form.CanWrite = topicURL(id), "Save changes", d.Admin
	h.preview(r, &d)
	if d.Admin {
		if d.Subscriptions, err = st.Subscriptions(r.Context(), id); err != nil {
			d.SubError = newsintel.ErrorMessage(err)
		}
	}
	h.render(w, r, "topic", status, page{Title: clip(firstOf(t.Name, id), 80), Nav: "topics", Data: d})
}

// preview builds the topic's digest for the chosen period ending now.
func (h *Handler) preview(r *http.Request, d *topicData) {
	chosen := previewPeriods[0]
	for _, p := range previewPeriods {
		if r.URL.Query().Get("period") == p.Key {
			chosen = p
		}
	}
	d.Period = chosen.Label
	for _, p := range previewPeriods {
		d.Periods = append(d.Periods, periodLink{Label: p.Label, Href: topicURL(d.Topic.ID) + "?period=" + p.Key, Current: p.Key == chosen.Key})
	}
	if h.opts.Digests == nil {
		d.PreviewError = "this server builds no digests"
		return
	}
	now := time.Now().UTC()
	dg, err := h.opts.Digests.Build(r.Context(), d.Topic, now.Add(-chosen.Span), now)
	if err != nil {
		d.PreviewError = newsintel.ErrorMessage(err)
		return
	}
	d.Digest = dg
}

func (h *Handler) topicUpdate(w http.ResponseWriter, r *http.Request) {
	st, ok := h.topicStore(w, r)
	if !ok {
		return
	}
	form, err := postedForm(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	id := r.PathValue("id")
	_, err = st.UpdateTopic(r.Context(), id, form.topic())
	if err != nil && newsintel.ErrorCode(err) == newsintel.EINVALID {
		form.Error = newsintel.ErrorMessage(err)
		h.showTopic(w, r, http.StatusBadRequest, &form)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, topicURL(id), http.StatusSeeOther)
}

func (h *Handler) topicDelete(w http.ResponseWriter, r *http.Request) {
	st, ok := h.topicStore(w, r)
	if !ok {
		return
	}
	if err := st.DeleteTopic(r.Context(), r.PathValue("id")); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/topics", http.StatusSeeOther)
}

// subscribe adds an e-mail, webhook or feed subscription to a topic.
func (h *Handler) subscribe(w http.ResponseWriter, r *http.Request) {
	st, ok := h.topicStore(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "the form could not be read; send it again"))
		return
	}
	f := r.PostForm
	sub := newsintel.Subscription{Channel: f.Get("channel"), Email: strings.TrimSpace(f.Get("email")),
		URL: strings.TrimSpace(f.Get("url")), Secret: f.Get("secret")}
	id := r.PathValue("id")
	if _, err := st.AddSubscription(r.Context(), id, sub); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, topicURL(id)+"#subscriptions", http.StatusSeeOther)
}

// topicFeed sends a topic's feed URL on to the API, which serves it.
func (h *Handler) topicFeed(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st, ok := h.topicStore(w, r)
		if !ok {
			return
		}
		t, err := st.Topic(r.Context(), r.PathValue("id"))
		if err != nil {
			h.fail(w, r, err)
			return
		}
		http.Redirect(w, r, feedHref(t, format), http.StatusTemporaryRedirect)
	}
}

// feedHref is the address of t's feed in format (atom or json) with its
// feed token, which a feed reader can keep: it reads the feed without an
// API key when reading needs one.
func feedHref(t newsintel.Topic, format string) string {
	href := "/api/v1/topics/" + url.PathEscape(t.ID) + "/feed." + format
	if t.FeedToken != "" {
		href += "?token=" + url.QueryEscape(t.FeedToken)
	}
	return href
}
