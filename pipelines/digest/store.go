package digest

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines"
)

// Store keeps topics in the KV bucket "topics" (key: topic ID) and
// subscriptions in "subscriptions" (key: topic ID, '.', subscription ID).
// Every change is a compare-and-set on the entry's revision, so two
// processes updating one entry never lose each other's write. It is safe
// for concurrent use.
type Store struct {
	topics jetstream.KeyValue
	subs   jetstream.KeyValue
	now    func() time.Time
}

// casRetries bounds the read-modify-write loops of the store.
const casRetries = 10

// NewStore opens the store on the buckets EnsureTopology created. It
// returns the bucket's error when one does not exist.
func NewStore(ctx context.Context, bus *pipelines.Bus) (*Store, error) {
	topics, err := bus.KV(ctx, pipelines.BucketTopics)
	if err != nil {
		return nil, err
	}
	subs, err := bus.KV(ctx, pipelines.BucketSubscriptions)
	if err != nil {
		return nil, err
	}
	return &Store{topics: topics, subs: subs, now: func() time.Time { return time.Now().UTC() }}, nil
}

// CreateTopic checks t (see ValidateTopic), gives it a new ID and its
// creation time and stores it. It returns the stored topic, or an
// EINVALID *newsintel.Error saying what is wrong with t.
func (s *Store) CreateTopic(ctx context.Context, t newsintel.Topic) (newsintel.Topic, error) {
	t, err := ValidateTopic(t)
	if err != nil {
		return t, err
	}
	t.ID = newID()
	t.FeedToken = randomHex(16)
	t.Created = s.now()
	t.Updated = t.Created
	data, err := json.Marshal(t)
	if err != nil {
		return t, fmt.Errorf("topics: %w", err)
	}
	if _, err := s.topics.Create(ctx, t.ID, data); err != nil {
		return t, fmt.Errorf("topics create %s: %w", t.ID, err)
	}
	return t, nil
}

// Topic returns the topic id, or an ENOTFOUND *newsintel.Error.
func (s *Store) Topic(ctx context.Context, id string) (newsintel.Topic, error) {
	t, _, err := s.topic(ctx, id)
	return t, err
}

func (s *Store) topic(ctx context.Context, id string) (newsintel.Topic, uint64, error) {
	var t newsintel.Topic
	if !newsintel.ValidID(id) {
		return t, 0, newsintel.Errorf(newsintel.ENOTFOUND, "no topic %q", clip(id))
	}
	e, err := s.topics.Get(ctx, id)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return t, 0, newsintel.Errorf(newsintel.ENOTFOUND, "no topic %q", id)
	}
	if err != nil {
		return t, 0, fmt.Errorf("topics get %s: %w", id, err)
	}
	if err := json.Unmarshal(e.Value(), &t); err != nil {
		return t, 0, fmt.Errorf("topics %s: %w", id, err)
	}
	return t, e.Revision(), nil
}

// FindTopic returns the topic whose ID is ref or, failing that, the one
// topic named ref (case does not matter). It returns an ENOTFOUND
// *newsintel.Error when none is, and an EINVALID one naming the IDs when
// several topics have that name.
func (s *Store) FindTopic(ctx context.Context, ref string) (newsintel.Topic, error) {
	if t, err := s.Topic(ctx, ref); newsintel.ErrorCode(err) != newsintel.ENOTFOUND {
		return t, err
	}
	all, err := s.Topics(ctx)
	if err != nil {
		return newsintel.Topic{}, err
	}
	return PickTopic(all, ref)
}

// PickTopic returns the one topic of all named ref (case does not
// matter), with the errors of FindTopic.
func PickTopic(all []newsintel.Topic, ref string) (newsintel.Topic, error) {
	var found []newsintel.Topic
	for _, t := range all {
		if strings.EqualFold(strings.TrimSpace(t.Name), strings.TrimSpace(ref)) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return newsintel.Topic{}, newsintel.Errorf(newsintel.ENOTFOUND, "no topic with the ID or name %q; 'newsintel topics list' shows them", clip(ref))
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, t := range found {
		ids[i] = t.ID
	}
	return newsintel.Topic{}, newsintel.Errorf(newsintel.EINVALID, "%d topics are named %q; give one of their IDs: %s", len(found), clip(ref), strings.Join(ids, ", "))
}

// UpdateTopic replaces the name, query, schedule and options of topic id
// with those of t (ID and creation time stay). It returns the stored
// topic, an EINVALID error for a bad t, ENOTFOUND for an unknown id, and
// ECONFLICT when the topic kept changing under it.
func (s *Store) UpdateTopic(ctx context.Context, id string, t newsintel.Topic) (newsintel.Topic, error) {
	t, err := ValidateTopic(t)
	if err != nil {
		return t, err
	}
	for range casRetries {
		old, rev, err := s.topic(ctx, id)
		if err != nil {
			return t, err
		}
		t.ID, t.Created, t.Updated, t.FeedToken = old.ID, old.Created, s.now(), old.FeedToken
		data, err := json.Marshal(t)
		if err != nil {
			return t, fmt.Errorf("topics: %w", err)
		}
		_, err = s.topics.Update(ctx, id, data, rev)
		if err == nil {
			return t, nil
		}
		if !casConflict(err) {
			return t, fmt.Errorf("topics update %s: %w", id, err)
		}
	}
	return t, newsintel.Errorf(newsintel.ECONFLICT, "topic %s kept changing while it was updated; try again", id)
}

// DeleteTopic removes topic id and its subscriptions. It returns an
// ENOTFOUND *newsintel.Error for an unknown id.
func (s *Store) DeleteTopic(ctx context.Context, id string) error {
	if _, _, err := s.topic(ctx, id); err != nil {
		return err
	}
	subs, err := s.Subscriptions(ctx, id)
	if err != nil {
		return err
	}
	for _, sub := range subs {
		if err := s.subs.Delete(ctx, subKey(id, sub.ID)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
			return fmt.Errorf("subscriptions delete %s: %w", sub.ID, err)
		}
	}
	if err := s.topics.Delete(ctx, id); err != nil {
		return fmt.Errorf("topics delete %s: %w", id, err)
	}
	return nil
}

// Topics returns every topic, oldest first.
func (s *Store) Topics(ctx context.Context) ([]newsintel.Topic, error) {
	var out []newsintel.Topic
	err := scan(ctx, s.topics, jetstream.AllKeys, func(data []byte) error {
		var t newsintel.Topic
		if err := json.Unmarshal(data, &t); err != nil {
			return err
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	sortTopics(out)
	return out, nil
}

// scan calls fn with the value of every current key of kv matching
// filter, in one pass (a watch delivers every current value, then nil).
func scan(ctx context.Context, kv jetstream.KeyValue, filter string, fn func([]byte) error) error {
	w, err := kv.Watch(ctx, filter, jetstream.IgnoreDeletes())
	if err != nil {
		return err
	}
	defer w.Stop()
	for {
		var e jetstream.KeyValueEntry
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e = <-w.Updates():
		}
		if e == nil {
			return nil
		}
		if err := fn(e.Value()); err != nil {
			return fmt.Errorf("%s: %w", e.Key(), err)
		}
	}
}

// newID returns 16 random hex digits: a topic or subscription ID.
func newID() string { return randomHex(8) }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}

// tokenSep separates the parts of an unsubscribe token.
const tokenSep = "_"

// newToken returns an unsubscribe token for subscription subID of topic
// topicID: the two IDs (so the subscription is found without a scan) and
// 32 random bytes (so the token cannot be guessed).
func newToken(topicID, subID string) string {
	return topicID + tokenSep + subID + tokenSep + randomHex(32)
}

// tokenOwner returns the topic and subscription IDs a token names.
func tokenOwner(token string) (topicID, subID string, ok bool) {
	parts := strings.Split(token, tokenSep)
	if len(parts) != 3 || !newsintel.ValidID(parts[0]) || !newsintel.ValidID(parts[1]) {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// casConflict reports whether a KV update lost a compare-and-set race.
func casConflict(err error) bool {
	return errors.Is(err, jetstream.ErrKeyRevisionMismatch) || errors.Is(err, jetstream.ErrKeyExists)
}

func sameToken(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
