package deliver

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
)

// Entry is one delivery as the ledger keeps and lists it: the Delivery with
// its attempts, and where it goes.
type Entry struct {
	newsintel.Delivery
	Target string `json:"target"` // the e-mail address, or the webhook URL's scheme and host (shown to admins only)
}

// payload is what a retry needs to send a delivery again: the topic and
// the digest as they were when it was first asked for.
type payload struct {
	Topic  newsintel.Topic   `json:"topic"`
	Digest *newsintel.Digest `json:"digest"`
}

// dueMark points the retry scan at a delivery that is not settled yet.
type dueMark struct {
	TopicID string    `json:"topic_id"`
	At      time.Time `json:"at"` // when to look at it again
}

// ledger keeps deliveries in the KV bucket "deliveries" under these keys:
//
//	d.<topic>.<delivery id>  the Entry
//	p.<delivery id>          the payload, read only to send
//	due.<delivery id>        a dueMark while the delivery is pending or failed
//	n.<topic>                how many entries the topic has had (decimal; at most behind, never ahead of, the order keys)
//	o.<topic>.<n>            the delivery ID of the topic's n-th entry (from 1), created once: the claim of number n
//
// A due mark is written before the entry is created and removed only after
// it is settled (sent or gave_up), so a process that dies at any point
// leaves a mark the retry scan finds. The count and order keys let the API
// page a topic's deliveries newest first reading only the page (keys
// expire with the bucket's age limit, the oldest first); the order key is
// written before the entry, so no entry is left unlisted, and a number
// whose entry was never created (a crash, a sender that lost the race to
// create it) is skipped. It is safe for concurrent use.
type ledger struct {
	kv jetstream.KeyValue

	mu     sync.Mutex
	counts map[string]topicCount // the last count this process wrote or read, by topic
}

// topicCount is a topic's count of entries and its revision in the bucket.
type topicCount struct{ n, rev uint64 }

// topicKey returns the key token of a topic ID: the ID itself when it is a
// plain ID, else a hash of it.
func topicKey(topicID string) string {
	if newsintel.ValidID(topicID) {
		return topicID
	}
	sum := sha256.Sum256([]byte(topicID))
	return "h" + hex.EncodeToString(sum[:12])
}

func entryKey(topicID, id string) string { return "d." + topicKey(topicID) + "." + id }
func countKey(topicID string) string     { return "n." + topicKey(topicID) }
func orderKey(topicID string, n uint64) string {
	return "o." + topicKey(topicID) + "." + strconv.FormatUint(n, 10)
}
func payloadKey(id string) string { return "p." + id }
func dueKey(id string) string     { return "due." + id }

// get returns the entry of delivery id and its revision; found is false
// when there is none.
func (l *ledger) get(ctx context.Context, topicID, id string) (e Entry, rev uint64, found bool, err error) {
	found, rev, err = l.load(ctx, entryKey(topicID, id), &e)
	return e, rev, found, err
}

// load decodes the JSON under key into v.
func (l *ledger) load(ctx context.Context, key string, v any) (bool, uint64, error) {
	kve, err := l.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return false, 0, nil
	}
	if err != nil {
		return false, 0, fmt.Errorf("deliveries get %s: %w", key, err)
	}
	if err := json.Unmarshal(kve.Value(), v); err != nil {
		return false, 0, fmt.Errorf("deliveries %s: %w", key, err)
	}
	return true, kve.Revision(), nil
}

// put stores v as JSON under key.
func (l *ledger) put(ctx context.Context, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("deliveries %s: %w", key, err)
	}
	if _, err := l.kv.Put(ctx, key, data); err != nil {
		return fmt.Errorf("deliveries put %s: %w", key, err)
	}
	return nil
}

// errRaced reports that another process or goroutine wrote the entry
// first: it owns this try.
var errRaced = errors.New("deliveries: entry changed by another sender")

// create stores a new entry; errRaced when one exists.
func (l *ledger) create(ctx context.Context, e Entry) (uint64, error) {
	data, err := json.Marshal(e)
	if err != nil {
		return 0, fmt.Errorf("deliveries %s: %w", e.ID, err)
	}
	rev, err := l.kv.Create(ctx, entryKey(e.TopicID, e.ID), data)
	if errors.Is(err, jetstream.ErrKeyExists) {
		return 0, errRaced
	}
	if err != nil {
		return 0, fmt.Errorf("deliveries create %s: %w", e.ID, err)
	}
	return rev, nil
}

// update replaces the entry at revision rev; errRaced when it has moved on.
func (l *ledger) update(ctx context.Context, e Entry, rev uint64) (uint64, error) {
	data, err := json.Marshal(e)
	if err != nil {
		return 0, fmt.Errorf("deliveries %s: %w", e.ID, err)
	}
	next, err := l.kv.Update(ctx, entryKey(e.TopicID, e.ID), data, rev)
	if errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
		return 0, errRaced
	}
	if err != nil {
		return 0, fmt.Errorf("deliveries update %s: %w", e.ID, err)
	}
	return next, nil
}

// markDue (re)writes the due mark of a delivery.
func (l *ledger) markDue(ctx context.Context, topicID, id string, at time.Time) error {
	return l.put(ctx, dueKey(id), dueMark{TopicID: topicID, At: at})
}

// settle removes the due mark of a delivery that is sent or given up.
func (l *ledger) settle(ctx context.Context, id string) error {
	if err := l.kv.Delete(ctx, dueKey(id)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("deliveries delete %s: %w", dueKey(id), err)
	}
	return nil
}

// dueMarks returns every due mark by delivery ID.
func (l *ledger) dueMarks(ctx context.Context) (map[string]dueMark, error) {
	out := map[string]dueMark{}
	err := l.scan(ctx, "due.>", func(key string, value []byte) error {
		var m dueMark
		if err := json.Unmarshal(value, &m); err != nil {
			return fmt.Errorf("deliveries %s: %w", key, err)
		}
		out[key[len("due."):]] = m
		return nil
	})
	return out, err
}

// list returns the entries of a topic, newest first.
func (l *ledger) list(ctx context.Context, topicID string) ([]Entry, error) {
	var out []Entry
	err := l.scan(ctx, "d."+topicKey(topicID)+".>", func(key string, value []byte) error {
		var e Entry
		if err := json.Unmarshal(value, &e); err != nil {
			return fmt.Errorf("deliveries %s: %w", key, err)
		}
		out = append(out, e)
		return nil
	})
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(b.Created.Compare(a.Created), cmp.Compare(a.ID, b.ID))
	})
	return out, err
}

// scan calls fn with every current key and value matching filter, in one
// pass (a watch delivers every current value, then a nil marker).
func (l *ledger) scan(ctx context.Context, filter string, fn func(key string, value []byte) error) error {
	w, err := l.kv.WatchFiltered(ctx, []string{filter}, jetstream.IgnoreDeletes())
	if err != nil {
		return fmt.Errorf("deliveries watch %s: %w", filter, err)
	}
	defer w.Stop()
	for {
		var e jetstream.KeyValueEntry
		select {
		case <-ctx.Done():
			return fmt.Errorf("deliveries watch %s: %w", filter, ctx.Err())
		case e = <-w.Updates():
		}
		if e == nil {
			return nil // every current value delivered
		}
		if err := fn(e.Key(), e.Value()); err != nil {
			return err
		}
	}
}
