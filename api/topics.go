package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// maxTopicBody bounds the JSON body of a topic or subscription.
const maxTopicBody = 64 << 10

// TopicStore keeps topics and their subscriptions (see digest.Store).
// Implementations return EINVALID errors saying what is wrong with a
// topic or subscription, and ENOTFOUND for unknown IDs.
type TopicStore interface {
	Topics(ctx context.Context) ([]newsintel.Topic, error)
	Topic(ctx context.Context, id string) (newsintel.Topic, error)
	CreateTopic(ctx context.Context, t newsintel.Topic) (newsintel.Topic, error)
	UpdateTopic(ctx context.Context, id string, t newsintel.Topic) (newsintel.Topic, error)
	DeleteTopic(ctx context.Context, id string) error
	AddSubscription(ctx context.Context, topicID string, s newsintel.Subscription) (newsintel.Subscription, error)
	Subscriptions(ctx context.Context, topicID string) ([]newsintel.Subscription, error)
	DeleteSubscription(ctx context.Context, topicID, subID string) error
}

// DigestBuilder builds the digest of a topic for the documents fetched in
// [since, until) (see digest.Builder).
type DigestBuilder interface {
	Build(ctx context.Context, t newsintel.Topic, since, until time.Time) (*newsintel.Digest, error)
}

// topicInput is the JSON body of POST and PUT /api/v1/topics. A topic as
// GET returns it is accepted, so it can be edited and sent back: its ID
// and times are ignored.
type topicInput struct {
	ID       string                 `json:"id"`
	Created  string                 `json:"created"`
	Updated  string                 `json:"updated"`
	Name     string                 `json:"name"`
	Query    newsintel.TopicQuery   `json:"query"`
	Schedule newsintel.Schedule     `json:"schedule"`
	Options  newsintel.TopicOptions `json:"options"`
}

// subscriptionInput is the JSON body of POST .../subscriptions.
type subscriptionInput struct {
	Channel string `json:"channel"`
	Email   string `json:"email"`
	URL     string `json:"url"`
	Secret  string `json:"secret"`
}

// subscriptionView is a subscription as the API shows it: never its
// webhook secret or its unsubscribe token.
type subscriptionView struct {
	ID        string    `json:"id"`
	TopicID   string    `json:"topic_id"`
	Channel   string    `json:"channel"`
	Email     string    `json:"email,omitempty"`
	URL       string    `json:"url,omitempty"`
	HasSecret bool      `json:"has_secret,omitempty"`
	Active    bool      `json:"active"`
	LastSent  time.Time `json:"last_sent,omitzero"`
	Created   time.Time `json:"created,omitzero"`
}

func viewOf(s newsintel.Subscription) subscriptionView {
	return subscriptionView{ID: s.ID, TopicID: s.TopicID, Channel: s.Channel, Email: s.Email, URL: s.URL,
		HasSecret: s.Secret != "", Active: s.Active, LastSent: s.LastSent, Created: s.Created}
}

// topicStore returns the store, or answers 503 when the server has none.
func (s *Server) topicStore(w http.ResponseWriter, r *http.Request) (TopicStore, bool) {
	if s.opts.Topics == nil {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server keeps no topics (it is not connected to the topics bucket)"))
		return nil, false
	}
	return s.opts.Topics, true
}

func (s *Server) topicList(w http.ResponseWriter, r *http.Request) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	list, err := st.Topics(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if list == nil {
		list = []newsintel.Topic{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"topics": list})
}

func (s *Server) topicGet(w http.ResponseWriter, r *http.Request) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	t, err := st.Topic(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

func (s *Server) topicCreate(w http.ResponseWriter, r *http.Request) {
	s.topicWrite(w, r, http.StatusCreated, func(ctx context.Context, st TopicStore, t newsintel.Topic) (newsintel.Topic, error) {
		return st.CreateTopic(ctx, t)
	})
}

func (s *Server) topicUpdate(w http.ResponseWriter, r *http.Request) {
	s.topicWrite(w, r, http.StatusOK, func(ctx context.Context, st TopicStore, t newsintel.Topic) (newsintel.Topic, error) {
		return st.UpdateTopic(ctx, r.PathValue("id"), t)
	})
}

// topicWrite decodes a topic from the body, stores it with save and
// answers with the stored topic.
func (s *Server) topicWrite(w http.ResponseWriter, r *http.Request, status int, save func(context.Context, TopicStore, newsintel.Topic) (newsintel.Topic, error)) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	var in topicInput
	if err := decodeBody(r, &in, `{"name":"Alibaba cloud","query":{"q":"cloud","filters":{"company":["Alibaba Group"]}},"schedule":{"every":"daily","at":"07:30","timezone":"Europe/London"}}`); err != nil {
		s.fail(w, r, err)
		return
	}
	t, err := save(r.Context(), st, newsintel.Topic{Name: in.Name, Query: in.Query, Schedule: in.Schedule, Options: in.Options})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, status, t)
}

func (s *Server) topicDelete(w http.ResponseWriter, r *http.Request) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	if err := st.DeleteTopic(r.Context(), r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) subscriptionList(w http.ResponseWriter, r *http.Request) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if _, err := st.Topic(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	subs, err := st.Subscriptions(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	views := make([]subscriptionView, 0, len(subs))
	for _, sub := range subs {
		views = append(views, viewOf(sub))
	}
	writeJSON(w, http.StatusOK, map[string]any{"subscriptions": views})
}

func (s *Server) subscriptionAdd(w http.ResponseWriter, r *http.Request) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	var in subscriptionInput
	if err := decodeBody(r, &in, `{"channel":"email","email":"analyst@example.com"} or {"channel":"webhook","url":"https://…","secret":"…"} or {"channel":"feed"}`); err != nil {
		s.fail(w, r, err)
		return
	}
	sub, err := st.AddSubscription(r.Context(), r.PathValue("id"),
		newsintel.Subscription{Channel: in.Channel, Email: in.Email, URL: in.URL, Secret: in.Secret})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, viewOf(sub))
}

func (s *Server) subscriptionDelete(w http.ResponseWriter, r *http.Request) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return
	}
	if err := st.DeleteSubscription(r.Context(), r.PathValue("id"), r.PathValue("sid")); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// topicDigest answers with the digest of a topic for a period: the last
// complete period of its schedule, or since/until when given.
func (s *Server) topicDigest(w http.ResponseWriter, r *http.Request) {
	t, ok := s.topicFor(w, r)
	if !ok {
		return
	}
	since, until, err := digestPeriod(r, t, time.Now())
	if err == nil {
		var dg *newsintel.Digest
		if dg, err = s.opts.Digests.Build(r.Context(), t, since, until); err == nil {
			writeJSON(w, http.StatusOK, dg)
			return
		}
	}
	s.fail(w, r, err)
}

// topicFor returns the {id} topic when the server can build digests.
func (s *Server) topicFor(w http.ResponseWriter, r *http.Request) (newsintel.Topic, bool) {
	st, ok := s.topicStore(w, r)
	if !ok {
		return newsintel.Topic{}, false
	}
	if s.opts.Digests == nil {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server builds no digests (it has no index)"))
		return newsintel.Topic{}, false
	}
	t, err := st.Topic(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return t, false
	}
	return t, true
}

// digestPeriod reads since and until (dates or RFC 3339), defaulting to
// the last period of t's schedule complete at now (since alone runs to
// now).
func digestPeriod(r *http.Request, t newsintel.Topic, now time.Time) (since, until time.Time, err error) {
	q := r.URL.Query()
	if err := knownParams(q, digestParams()); err != nil {
		return since, until, err
	}
	if since, until, err = dateRange(q); err != nil {
		return since, until, err
	}
	switch {
	case until.IsZero() && !since.IsZero():
		until = now // since alone: everything from then on
	case until.IsZero():
		if until, err = digest.LastDue(t.Schedule, now); err != nil {
			return since, until, err
		}
	}
	if since.IsZero() {
		if since, err = digest.PeriodBefore(t.Schedule, until); err != nil {
			return since, until, err
		}
	}
	if !until.After(since) {
		return since, until, newsintel.Errorf(newsintel.EINVALID, "the period from %s to %s is empty; give until after since", since.Format(time.RFC3339), until.Format(time.RFC3339))
	}
	return since, until, nil
}

func digestParams() []param {
	return []param{
		pathID("topic ID"),
		{Name: "since", Type: "string", Doc: "start of the period (documents fetched from then on): 2026-11-30 or RFC 3339; default the start of the last complete period of the topic's schedule"},
		{Name: "until", Type: "string", Doc: "end of the period (a bare date covers the whole day); default the end of the last complete period, or now when since is given"},
	}
}

func subscriptionParams() []param {
	return []param{pathID("topic ID"), {Name: "sid", In: "path", Required: true, Type: "string", Doc: "subscription ID"}}
}

// decodeBody decodes a JSON body of at most maxTopicBody bytes into v,
// refusing unknown fields; example shows what to send instead.
func decodeBody(r *http.Request, v any, example string) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxTopicBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return newsintel.Errorf(newsintel.EINVALID, "the body is not valid: %s; send JSON such as %s", jsonErr(err), example)
	}
	return nil
}
