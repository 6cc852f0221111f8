package digest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
)

// subKey is the KV key of a subscription: its topic's ID, '.', its ID, so
// a topic's subscriptions are listed with the filter "<topic>.*".
func subKey(topicID, subID string) string { return topicID + "." + subID }

// AddSubscription checks sub (see ValidateSubscription) and stores it
// for topic topicID with a new ID, a random unsubscribe token, Active
// set and no LastSent. It returns the stored subscription, an EINVALID
// *newsintel.Error saying what is wrong with sub, or ENOTFOUND for an
// unknown topic.
func (s *Store) AddSubscription(ctx context.Context, topicID string, sub newsintel.Subscription) (newsintel.Subscription, error) {
	if _, _, err := s.topic(ctx, topicID); err != nil {
		return sub, err
	}
	sub, err := ValidateSubscription(sub)
	if err != nil {
		return sub, err
	}
	if err := s.refuseDuplicate(ctx, topicID, sub); err != nil {
		return sub, err
	}
	sub.ID, sub.TopicID, sub.Active, sub.LastSent, sub.Created = newID(), topicID, true, time.Time{}, s.now()
	sub.Token = newToken(topicID, sub.ID)
	data, err := json.Marshal(sub)
	if err != nil {
		return sub, fmt.Errorf("subscriptions: %w", err)
	}
	if _, err := s.subs.Create(ctx, subKey(topicID, sub.ID), data); err != nil {
		return sub, fmt.Errorf("subscriptions create %s: %w", sub.ID, err)
	}
	return sub, nil
}

// refuseDuplicate returns an ECONFLICT *newsintel.Error when topic
// topicID already has an active subscription to the same address or URL:
// the subscriber would get every digest twice.
func (s *Store) refuseDuplicate(ctx context.Context, topicID string, sub newsintel.Subscription) error {
	if sub.Channel == newsintel.ChannelFeed {
		return nil
	}
	subs, err := s.Subscriptions(ctx, topicID)
	if err != nil {
		return err
	}
	for _, o := range subs {
		if o.Active && o.Channel == sub.Channel && strings.EqualFold(o.Email, sub.Email) && o.URL == sub.URL {
			return newsintel.Errorf(newsintel.ECONFLICT, "topic %s already sends to %s (subscription %s)", topicID, cmp.Or(sub.Email, sub.URL), o.ID)
		}
	}
	return nil
}

// Subscriptions returns the subscriptions of topic topicID, active or
// not, oldest first.
func (s *Store) Subscriptions(ctx context.Context, topicID string) ([]newsintel.Subscription, error) {
	if !newsintel.ValidID(topicID) {
		return nil, newsintel.Errorf(newsintel.ENOTFOUND, "no topic %q", clip(topicID))
	}
	var out []newsintel.Subscription
	err := scan(ctx, s.subs, topicID+".*", func(data []byte) error {
		var sub newsintel.Subscription
		if err := json.Unmarshal(data, &sub); err != nil {
			return err
		}
		out = append(out, sub)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("subscriptions of %s: %w", topicID, err)
	}
	slices.SortFunc(out, func(a, b newsintel.Subscription) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// DeleteSubscription removes subscription subID of topic topicID. It
// returns an ENOTFOUND *newsintel.Error when there is none.
func (s *Store) DeleteSubscription(ctx context.Context, topicID, subID string) error {
	if _, _, err := s.subscription(ctx, topicID, subID); err != nil {
		return err
	}
	if err := s.subs.Delete(ctx, subKey(topicID, subID)); err != nil {
		return fmt.Errorf("subscriptions delete %s: %w", subID, err)
	}
	return nil
}

// Subscription returns subscription subID of topic topicID, or an
// ENOTFOUND *newsintel.Error.
func (s *Store) Subscription(ctx context.Context, topicID, subID string) (newsintel.Subscription, error) {
	sub, _, err := s.subscription(ctx, topicID, subID)
	return sub, err
}

func (s *Store) subscription(ctx context.Context, topicID, subID string) (newsintel.Subscription, uint64, error) {
	var sub newsintel.Subscription
	if !newsintel.ValidID(topicID) || !newsintel.ValidID(subID) {
		return sub, 0, newsintel.Errorf(newsintel.ENOTFOUND, "no subscription %q of topic %q", clip(subID), clip(topicID))
	}
	e, err := s.subs.Get(ctx, subKey(topicID, subID))
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return sub, 0, newsintel.Errorf(newsintel.ENOTFOUND, "no subscription %q of topic %q", subID, topicID)
	}
	if err != nil {
		return sub, 0, fmt.Errorf("subscriptions get %s: %w", subID, err)
	}
	if err := json.Unmarshal(e.Value(), &sub); err != nil {
		return sub, 0, fmt.Errorf("subscriptions %s: %w", subID, err)
	}
	return sub, e.Revision(), nil
}

// modify applies change to subscription subID of topicID with a
// compare-and-set, re-reading and retrying when another writer got there
// first. change returns false to leave the subscription as it is.
func (s *Store) modify(ctx context.Context, topicID, subID string, change func(*newsintel.Subscription) bool) error {
	for range casRetries {
		sub, rev, err := s.subscription(ctx, topicID, subID)
		if err != nil {
			return err
		}
		if !change(&sub) {
			return nil
		}
		data, err := json.Marshal(sub)
		if err != nil {
			return fmt.Errorf("subscriptions: %w", err)
		}
		_, err = s.subs.Update(ctx, subKey(topicID, subID), data, rev)
		if err == nil {
			return nil
		}
		if !casConflict(err) {
			return fmt.Errorf("subscriptions update %s: %w", subID, err)
		}
	}
	return newsintel.Errorf(newsintel.ECONFLICT, "subscription %s kept changing while it was updated; try again", subID)
}

// MarkSent records that the digest of the period ending at until was
// delivered to sub: LastSent moves forward to until, never back.
func (s *Store) MarkSent(ctx context.Context, sub newsintel.Subscription, until time.Time) error {
	return s.modify(ctx, sub.TopicID, sub.ID, func(cur *newsintel.Subscription) bool {
		if !cur.LastSent.Before(until) {
			return false
		}
		cur.LastSent = until.UTC()
		cur.PendingUntil = time.Time{}
		return true
	})
}

// MarkPending records that the period of sub ending at until has been
// handed to delivery and is not sent yet, so that later ticks ask for the
// same period again rather than a longer one. A period already pending
// or sent is left as it is.
func (s *Store) MarkPending(ctx context.Context, sub newsintel.Subscription, until time.Time) error {
	return s.modify(ctx, sub.TopicID, sub.ID, func(cur *newsintel.Subscription) bool {
		if !cur.PendingUntil.IsZero() || !cur.LastSent.Before(until) {
			return false
		}
		cur.PendingUntil = until.UTC()
		return true
	})
}

// Unsubscribe deactivates the subscription the token of its unsubscribe
// link names. Unsubscribing twice is not an error. It returns an
// ENOTFOUND *newsintel.Error for a token that names no subscription (or
// a wrong one), without saying which.
func (s *Store) Unsubscribe(ctx context.Context, token string) error {
	topicID, subID, ok := tokenOwner(token)
	notFound := newsintel.Errorf(newsintel.ENOTFOUND, "this unsubscribe link is not valid (or the subscription was removed)")
	if !ok {
		return notFound
	}
	err := s.modify(ctx, topicID, subID, func(cur *newsintel.Subscription) bool {
		if !sameToken(cur.Token, token) {
			ok = false
			return false
		}
		if !cur.Active {
			return false
		}
		cur.Active = false
		return true
	})
	if newsintel.ErrorCode(err) == newsintel.ENOTFOUND || (err == nil && !ok) {
		return notFound
	}
	return err
}
