package digest

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// Limits on topics.
const (
	DefaultMaxItems = 25  // entries per digest when a topic sets none
	MaxItemsCap     = 100 // the most entries a digest may ask for
	maxNameChars    = 200
	minSecretChars  = 16
)

// ValidateTopic checks a topic as given by a user and returns it with its
// schedule in canonical form and blanks trimmed. It returns an EINVALID
// *newsintel.Error naming the field and what to change: a missing name,
// a query the index would refuse (with the index's reason), an unknown
// filter or value, a bad schedule, or options out of range.
func ValidateTopic(t newsintel.Topic) (newsintel.Topic, error) {
	t.Name = strings.TrimSpace(t.Name)
	switch {
	case t.Name == "":
		return t, invalid("name is missing; give the topic a name such as \"Alibaba cloud\"")
	case utf8.RuneCountInString(t.Name) > maxNameChars:
		return t, invalid("name has %d characters; keep it to %d", utf8.RuneCountInString(t.Name), maxNameChars)
	}
	t.Query.Q = strings.TrimSpace(t.Query.Q)
	r, err := Compile(t.Query)
	if err != nil {
		return t, err
	}
	// The digest wraps the query with the period's time window; check
	// that the wrapped query still passes, so the limits bite now.
	if err := index.ParseQuery(windowed(r, time.Unix(0, 0), time.Unix(1, 0)).Query); err != nil {
		return t, newsintel.Errorf(newsintel.EINVALID, "query %q: %s", clip(t.Query.Q), newsintel.ErrorMessage(err))
	}
	if t.Schedule, err = NormalizeSchedule(t.Schedule); err != nil {
		return t, err
	}
	return t, validateOptions(t.Options)
}

func validateOptions(o newsintel.TopicOptions) error {
	switch {
	case o.MaxItems < 0 || o.MaxItems > MaxItemsCap:
		return invalid("options.max_items %d is out of range; use 1 to %d (0 means %d)", o.MaxItems, MaxItemsCap, DefaultMaxItems)
	case o.MinScore < 0:
		return invalid("options.min_score %g is negative; use 0 or more", o.MinScore)
	case o.AnonymousOnly && !o.IncludeClaims:
		return invalid("options.anonymous_only needs options.include_claims; set both to list anonymous-source claims")
	}
	return nil
}

// ValidateSubscription checks a subscription as given by a user and
// returns it with blanks trimmed. It returns an EINVALID
// *newsintel.Error naming the field: an unknown channel, a missing or
// malformed e-mail address or webhook URL, or a webhook secret too short.
func ValidateSubscription(s newsintel.Subscription) (newsintel.Subscription, error) {
	s.Channel = strings.ToLower(strings.TrimSpace(s.Channel))
	s.Email, s.URL = strings.TrimSpace(s.Email), strings.TrimSpace(s.URL)
	channels := []string{newsintel.ChannelEmail, newsintel.ChannelWebhook, newsintel.ChannelFeed}
	if s.Channel == "" {
		s.Channel = inferChannel(s)
	}
	if !slices.Contains(channels, s.Channel) {
		return s, invalid("channel %q is unknown; use email, webhook or feed", clip(s.Channel))
	}
	switch s.Channel {
	case newsintel.ChannelEmail:
		a, err := mail.ParseAddress(s.Email)
		if err != nil || a.Address != s.Email {
			return s, invalid("email %q is not an e-mail address; give one such as analyst@example.com", clip(s.Email))
		}
	case newsintel.ChannelWebhook:
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return s, invalid("url %q is not an http or https URL; give the webhook's absolute URL", clip(s.URL))
		}
		if utf8.RuneCountInString(s.Secret) < minSecretChars {
			return s, invalid("secret is missing or shorter than %d characters; give the webhook a shared secret for its HMAC-SHA256 signatures", minSecretChars)
		}
	}
	if s.Channel != newsintel.ChannelEmail && s.Email != "" {
		return s, invalid("email is set for a %s subscription; remove it or use channel email", s.Channel)
	}
	if s.Channel != newsintel.ChannelWebhook && (s.URL != "" || s.Secret != "") {
		return s, invalid("url and secret are for webhook subscriptions; remove them or use channel webhook")
	}
	return s, nil
}

// inferChannel picks the channel a subscription without one means.
func inferChannel(s newsintel.Subscription) string {
	switch {
	case s.Email != "":
		return newsintel.ChannelEmail
	case s.URL != "":
		return newsintel.ChannelWebhook
	}
	return newsintel.ChannelFeed
}

// sortTopics orders topics oldest first, then by ID.
func sortTopics(ts []newsintel.Topic) {
	slices.SortFunc(ts, func(a, b newsintel.Topic) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
