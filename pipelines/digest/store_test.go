package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

var t0 = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func alibabaTopic() newsintel.Topic {
	return newsintel.Topic{
		Name:     "Alibaba cloud",
		Query:    newsintel.TopicQuery{Q: "cloud", Filters: map[string][]string{"company": {"Alibaba Group"}}},
		Schedule: newsintel.Schedule{Every: "daily", At: "7:30", TimeZone: "America/New_York"},
		Options:  newsintel.TopicOptions{MaxItems: 10, IncludeClaims: true},
	}
}

func TestStoreTopics(t *testing.T) {
	s, _ := newTestStore(t, t0)
	ctx := t.Context()
	created, err := s.CreateTopic(ctx, alibabaTopic())
	require.NoError(t, err)
	require.True(t, newsintel.ValidID(created.ID), "topic ID %q", created.ID)
	if created.Schedule.At != "07:30" || !created.Created.Equal(t0) {
		t.Errorf("created topic at %q, created %s; want 07:30 and %s", created.Schedule.At, created.Created, t0)
	}
	got, err := s.Topic(ctx, created.ID)
	require.NoError(t, err)
	if got.Name != "Alibaba cloud" || got.Query.Filters["company"][0] != "Alibaba Group" {
		t.Errorf("read back %+v, want the created topic", got)
	}

	upd := alibabaTopic()
	upd.Name = "Alibaba and regulators"
	s.now = func() time.Time { return t0.Add(time.Hour) }
	updated, err := s.UpdateTopic(ctx, created.ID, upd)
	require.NoError(t, err)
	if updated.Name != upd.Name || !updated.Created.Equal(t0) || !updated.Updated.Equal(t0.Add(time.Hour)) {
		t.Errorf("updated %+v: want the new name, the old creation time and a new update time", updated)
	}

	second, err := s.CreateTopic(ctx, newsintel.Topic{Name: "Notices", Schedule: newsintel.Schedule{Every: "hourly"}})
	require.NoError(t, err)
	list, err := s.Topics(ctx)
	require.NoError(t, err)
	if len(list) != 2 || list[0].ID != created.ID || list[1].ID != second.ID {
		t.Errorf("Topics = %+v, want the two topics oldest first", list)
	}

	if got, err := s.FindTopic(ctx, "alibaba AND REGULATORS"); err != nil || got.ID != created.ID {
		t.Errorf("FindTopic by name = %s, %v; want %s", got.ID, err, created.ID)
	}
	if got, err := s.FindTopic(ctx, second.ID); err != nil || got.ID != second.ID {
		t.Errorf("FindTopic by ID = %s, %v; want %s", got.ID, err, second.ID)
	}
	_, err = s.CreateTopic(ctx, newsintel.Topic{Name: "Notices", Schedule: newsintel.Schedule{Every: "hourly"}})
	require.NoError(t, err)
	if _, err := s.FindTopic(ctx, "notices"); newsintel.ErrorCode(err) != newsintel.EINVALID || !strings.Contains(newsintel.ErrorMessage(err), second.ID) {
		t.Errorf("FindTopic of a name two topics share: %v, want invalid naming their IDs", err)
	}
	if _, err := s.FindTopic(ctx, "nothing like it"); newsintel.ErrorCode(err) != newsintel.ENOTFOUND {
		t.Errorf("FindTopic of an unknown name: %v, want not_found", err)
	}
	require.NoError(t, s.DeleteTopic(ctx, created.ID))
	_, err = s.Topic(ctx, created.ID)
	if got := newsintel.ErrorCode(err); got != newsintel.ENOTFOUND {
		t.Errorf("topic after delete: code %q, want not_found", got)
	}
	if err := s.DeleteTopic(ctx, created.ID); newsintel.ErrorCode(err) != newsintel.ENOTFOUND {
		t.Errorf("deleting twice: %v, want not_found", err)
	}
}

func TestValidateTopicErrors(t *testing.T) {
	base := alibabaTopic
	cases := []struct {
		name   string
		change func(*newsintel.Topic)
		want   string
	}{
		{"no name", func(t *newsintel.Topic) { t.Name = " " }, "name is missing"},
		{"unbalanced quote", func(t *newsintel.Topic) { t.Query.Q = `"export controls` }, "quote"},
		{"regular expression", func(t *newsintel.Topic) { t.Query.Q = "/alib.*/" }, "regular expressions"},
		{"leading wildcard", func(t *newsintel.Topic) { t.Query.Q = "*baba" }, "wildcard"},
		{"unknown field", func(t *newsintel.Topic) { t.Query.Q = "colour:red" }, "colour"},
		{"too long with the window", func(t *newsintel.Topic) { t.Query.Q = strings.Repeat("a", 990) }, "characters"},
		{"unknown filter", func(t *newsintel.Topic) { t.Query.Filters = map[string][]string{"colour": {"red"}} }, `unknown filter "colour"`},
		{"unknown kind", func(t *newsintel.Topic) { t.Query.Filters = map[string][]string{"kind": {"tweet"}} }, `filter kind: "tweet" is unknown`},
		{"unknown source type", func(t *newsintel.Topic) { t.Query.Filters = map[string][]string{"source_type": {"rumour"}} }, `"rumour" is unknown`},
		{"bad boolean", func(t *newsintel.Topic) { t.Query.Filters = map[string][]string{"has_anonymous": {"maybe"}} }, "use true or false"},
		{"bad date", func(t *newsintel.Topic) { t.Query.Filters = map[string][]string{"since": {"last week"}} }, "is not a date"},
		{"bad schedule", func(t *newsintel.Topic) { t.Schedule.At = "25:00" }, "hour 25 is out of range"},
		{"too many items", func(t *newsintel.Topic) { t.Options.MaxItems = 500 }, "options.max_items 500 is out of range"},
		{"anonymous without claims", func(t *newsintel.Topic) { t.Options.IncludeClaims = false; t.Options.AnonymousOnly = true }, "anonymous_only needs"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tp := base()
			c.change(&tp)
			_, err := ValidateTopic(tp)
			if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
				t.Fatalf("ValidateTopic code %q (%v), want invalid", got, err)
			}
			if got := newsintel.ErrorMessage(err); !strings.Contains(got, c.want) {
				t.Errorf("ValidateTopic says %q, want it to contain %q", got, c.want)
			}
		})
	}
}

func TestSubscriptions(t *testing.T) {
	s, _ := newTestStore(t, t0)
	ctx := t.Context()
	tp, err := s.CreateTopic(ctx, alibabaTopic())
	require.NoError(t, err)
	mail, err := s.AddSubscription(ctx, tp.ID, newsintel.Subscription{Email: "analyst@example.com"})
	require.NoError(t, err)
	hook, err := s.AddSubscription(ctx, tp.ID, newsintel.Subscription{Channel: "webhook", URL: "https://hooks.example.com/n", Secret: "0123456789abcdef0123"})
	require.NoError(t, err)
	if mail.Channel != newsintel.ChannelEmail || !mail.Active || mail.Token == "" || mail.TopicID != tp.ID {
		t.Errorf("e-mail subscription %+v: want channel email, active, a token and the topic", mail)
	}
	if _, err := s.AddSubscription(ctx, tp.ID, newsintel.Subscription{Email: "analyst@example.com"}); newsintel.ErrorCode(err) != newsintel.ECONFLICT {
		t.Errorf("subscribing the same address twice: %v, want conflict", err)
	}
	if mail.Token == hook.Token {
		t.Errorf("two subscriptions share the token %q", mail.Token)
	}
	for _, bad := range []newsintel.Subscription{
		{Channel: "email", Email: "not an address"},
		{Channel: "webhook", URL: "ftp://example.com/x", Secret: "0123456789abcdef"},
		{Channel: "webhook", URL: "https://example.com/x", Secret: "short"},
		{Channel: "pigeon"},
	} {
		if _, err := s.AddSubscription(ctx, tp.ID, bad); newsintel.ErrorCode(err) != newsintel.EINVALID {
			t.Errorf("AddSubscription(%+v) = %v, want invalid", bad, err)
		}
	}
	if _, err := s.AddSubscription(ctx, "nosuchtopic", newsintel.Subscription{Channel: "feed"}); newsintel.ErrorCode(err) != newsintel.ENOTFOUND {
		t.Errorf("subscribing to an unknown topic: %v, want not_found", err)
	}

	later := t0.Add(24 * time.Hour)
	require.NoError(t, s.MarkSent(ctx, mail, later))
	require.NoError(t, s.MarkSent(ctx, mail, t0)) // never moves back
	subs, err := s.Subscriptions(ctx, tp.ID)
	require.NoError(t, err)
	require.Len(t, subs, 2)
	if got := byID(subs, mail.ID); !got.LastSent.Equal(later) {
		t.Errorf("LastSent %s after marking %s then %s, want %s", got.LastSent, later, t0, later)
	}

	require.NoError(t, s.Unsubscribe(ctx, mail.Token))
	require.NoError(t, s.Unsubscribe(ctx, mail.Token), "unsubscribing twice")
	forged := mail.TopicID + tokenSep + mail.ID + tokenSep + strings.Repeat("0", 64)
	if err := s.Unsubscribe(ctx, forged); newsintel.ErrorCode(err) != newsintel.ENOTFOUND {
		t.Errorf("a forged token: %v, want not_found", err)
	}
	subs, err = s.Subscriptions(ctx, tp.ID)
	require.NoError(t, err)
	if m, h := byID(subs, mail.ID), byID(subs, hook.ID); m.Active || !h.Active {
		t.Errorf("after unsubscribing the e-mail: active %v and %v, want false and true", m.Active, h.Active)
	}

	require.NoError(t, s.DeleteSubscription(ctx, tp.ID, hook.ID))
	require.NoError(t, s.DeleteTopic(ctx, tp.ID))
	subs, err = s.Subscriptions(ctx, tp.ID)
	require.NoError(t, err)
	if len(subs) != 0 {
		t.Errorf("subscriptions of a deleted topic: %+v, want none", subs)
	}
}

func byID(subs []newsintel.Subscription, id string) newsintel.Subscription {
	for _, s := range subs {
		if s.ID == id {
			return s
		}
	}
	return newsintel.Subscription{}
}
