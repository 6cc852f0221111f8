package deliver

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
)

// maxEnlistTries bounds the rounds of enlist when other senders of the
// same topic keep taking the next number first.
const maxEnlistTries = 50

// enlist gives delivery id the topic's next number by creating its order
// key, so the API lists it, then raises the topic's count to that number.
// The order key is the claim: a number is taken only once its key is
// written, so no crash or failed write leaves a number without a key (a
// gap), and a crash before the count is raised leaves the count behind
// the keys, which page reads past. The count last seen is tried first,
// so a process that numbers a topic's deliveries alone reads nothing.
func (l *ledger) enlist(ctx context.Context, topicID, id string) error {
	c, found := l.cachedCount(topicID)
	for range maxEnlistTries {
		if !found {
			n, rev, _, err := l.count(ctx, topicID)
			if err != nil {
				return err
			}
			c, found = topicCount{n: max(n, c.n), rev: rev}, true
		}
		n := c.n + 1
		_, err := l.kv.Create(ctx, orderKey(topicID, n), []byte(id))
		if errors.Is(err, jetstream.ErrKeyExists) {
			c.n, found = n, false // another sender took n: read the count again, walk on from the higher
			continue
		}
		if err != nil {
			return fmt.Errorf("deliveries create %s: %w", orderKey(topicID, n), err)
		}
		l.raiseCount(ctx, topicID, n, c.rev)
		return nil
	}
	return fmt.Errorf("deliveries count %s: %d senders in a row took the next number first", topicID, maxEnlistTries)
}

// raiseCount raises a topic's count to n unless it is there already,
// starting from the count's revision rev (0: it has none). It is best
// effort: the order key n is written, and page reads past a count that
// is behind, so a failure costs a read per page until a later delivery
// raises the count.
func (l *ledger) raiseCount(ctx context.Context, topicID string, n, rev uint64) {
	val := []byte(strconv.FormatUint(n, 10))
	for range maxEnlistTries {
		var err error
		var next uint64
		if rev == 0 {
			next, err = l.kv.Create(ctx, countKey(topicID), val)
		} else {
			next, err = l.kv.Update(ctx, countKey(topicID), val, rev)
		}
		if err == nil {
			l.cacheCount(topicID, topicCount{n: n, rev: next})
			return
		}
		if !errors.Is(err, jetstream.ErrKeyRevisionMismatch) && !errors.Is(err, jetstream.ErrKeyExists) {
			return
		}
		cur, curRev, found, err := l.count(ctx, topicID)
		if err != nil {
			return
		}
		if found && cur >= n {
			l.cacheCount(topicID, topicCount{n: cur, rev: curRev})
			return // a sender with a later number raised it past n
		}
		rev = curRev
	}
}

func (l *ledger) cachedCount(topicID string) (topicCount, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.counts[topicID]
	return c, ok
}

func (l *ledger) cacheCount(topicID string, c topicCount) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.counts == nil {
		l.counts = map[string]topicCount{}
	}
	l.counts[topicID] = c
}

// orderedMark is the key that says every entry of the ledger has its
// order key: written by numberAll once it has numbered a ledger written
// before order keys existed.
const orderedMark = "v.ordered"

// numberAll numbers the entries of every topic that has entries but no
// count yet (a ledger written before order keys existed), oldest first,
// once per bucket; New calls it before any send. Two processes starting
// at once write the same numbers; a topic whose count another process has
// already made is left to it.
func (l *ledger) numberAll(ctx context.Context) error {
	if _, err := l.kv.Get(ctx, orderedMark); err == nil {
		return nil
	} else if !errors.Is(err, jetstream.ErrKeyNotFound) && !errors.Is(err, jetstream.ErrKeyDeleted) {
		return fmt.Errorf("deliveries get %s: %w", orderedMark, err)
	}
	byTopic := map[string][]Entry{}
	err := l.scan(ctx, "d.>", func(key string, value []byte) error {
		var e Entry
		if err := json.Unmarshal(value, &e); err != nil {
			return fmt.Errorf("deliveries %s: %w", key, err)
		}
		byTopic[e.TopicID] = append(byTopic[e.TopicID], e)
		return nil
	})
	if err != nil {
		return err
	}
	for topicID, entries := range byTopic {
		if err := l.numberTopic(ctx, topicID, entries); err != nil {
			return err
		}
	}
	if _, err := l.kv.Put(ctx, orderedMark, []byte("1")); err != nil {
		return fmt.Errorf("deliveries put %s: %w", orderedMark, err)
	}
	return nil
}

// numberTopic writes order keys 1… for entries, oldest first, then the
// topic's count, unless the topic has a count or a first order key
// already (enlist writes the key before the count).
func (l *ledger) numberTopic(ctx context.Context, topicID string, entries []Entry) error {
	if _, _, found, err := l.count(ctx, topicID); err != nil || found {
		return err
	}
	if _, found, err := l.orderID(ctx, topicID, 1); err != nil || found {
		return err
	}
	slices.SortFunc(entries, func(a, b Entry) int { return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID)) })
	for i, e := range entries {
		if err := l.putOrder(ctx, topicID, uint64(i+1), e.ID); err != nil {
			return err
		}
	}
	_, err := l.kv.Create(ctx, countKey(topicID), []byte(strconv.Itoa(len(entries))))
	if err != nil && !errors.Is(err, jetstream.ErrKeyExists) {
		return fmt.Errorf("deliveries count %s: %w", topicID, err)
	}
	return nil
}

func (l *ledger) putOrder(ctx context.Context, topicID string, n uint64, id string) error {
	if _, err := l.kv.Put(ctx, orderKey(topicID, n), []byte(id)); err != nil {
		return fmt.Errorf("deliveries put %s: %w", orderKey(topicID, n), err)
	}
	return nil
}

// count returns how many entries topic topicID has had, and the revision
// of that count; found is false for a topic with no count yet.
func (l *ledger) count(ctx context.Context, topicID string) (n, rev uint64, found bool, err error) {
	kve, err := l.kv.Get(ctx, countKey(topicID))
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return 0, 0, false, nil
	}
	if err != nil {
		return 0, 0, false, fmt.Errorf("deliveries get %s: %w", countKey(topicID), err)
	}
	n, err = strconv.ParseUint(string(kve.Value()), 10, 64)
	if err != nil {
		return 0, 0, false, fmt.Errorf("deliveries %s: %w", countKey(topicID), err)
	}
	return n, kve.Revision(), true, nil
}

// orderID returns the delivery ID of a topic's n-th entry; found is false
// when its order key has expired (or is still being written).
func (l *ledger) orderID(ctx context.Context, topicID string, n uint64) (string, bool, error) {
	kve, err := l.kv.Get(ctx, orderKey(topicID, n))
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("deliveries get %s: %w", orderKey(topicID, n), err)
	}
	return string(kve.Value()), true, nil
}

// gapSpan bounds the run of missing order keys oldestKept takes for a
// gap rather than for the expired oldest ones: numbers that a ledger
// written before the order key became the claim may have skipped (its
// count was raised first, and a failed write or a crash left the key
// unwritten).
const gapSpan = 8

// newest returns the number of a topic's newest order key, reading past
// count n the keys a crash or a failed write left the count behind.
func (l *ledger) newest(ctx context.Context, topicID string, n uint64) (uint64, error) {
	for {
		_, found, err := l.orderID(ctx, topicID, n+1)
		if err != nil || !found {
			return n, err
		}
		n++
	}
}

// oldestKept returns the number of the oldest entry of a topic with
// newest number n whose order key has not expired (n+1 when none has).
// Keys expire oldest first, so it is found by bisection, a few reads, not
// n, on "a key at m or one of the gapSpan-1 before it is kept": false
// below the oldest kept key and true from it on, whatever gaps shorter
// than gapSpan lie above it.
func (l *ledger) oldestKept(ctx context.Context, topicID string, n uint64) (uint64, error) {
	lo, hi := uint64(1), n+1 // the answer is in [lo, hi]; hi is a kept key or n+1
	for lo < hi {
		mid := lo + (hi-lo)/2
		kept, found, err := l.keptAtOrBefore(ctx, topicID, mid, max(lo, mid-min(mid, gapSpan-1)))
		if err != nil {
			return 0, err
		}
		if found {
			hi = kept // the oldest is at or before this kept key
		} else {
			lo = mid + 1
		}
	}
	return hi, nil
}

// keptAtOrBefore returns the last number in [from, m] whose order key is
// kept; found is false when none is.
func (l *ledger) keptAtOrBefore(ctx context.Context, topicID string, m, from uint64) (uint64, bool, error) {
	for k := m; k >= from && k > 0; k-- {
		_, found, err := l.orderID(ctx, topicID, k)
		if err != nil || found {
			return k, found, err
		}
	}
	return 0, false, nil
}

// page returns size entries of a topic, newest first, from the from-th
// on, and how many the topic has kept. It reads the count, a few order
// keys to find the newest and the oldest kept, and two keys per entry of
// the page.
func (l *ledger) page(ctx context.Context, topicID string, from, size int) (page []Entry, total int, err error) {
	n, _, _, err := l.count(ctx, topicID)
	if err != nil {
		return nil, 0, err
	}
	if n, err = l.newest(ctx, topicID, n); err != nil || n == 0 {
		return nil, 0, err
	}
	oldest, err := l.oldestKept(ctx, topicID, n)
	if err != nil {
		return nil, 0, err
	}
	total = int(n - oldest + 1)
	seen := map[string]bool{}
	for i := int(n) - max(from, 0); i >= int(oldest) && len(page) < size; i-- {
		id, ok, err := l.orderID(ctx, topicID, uint64(i))
		if err != nil {
			return nil, 0, err
		}
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		e, _, ok, err := l.get(ctx, topicID, id)
		if err != nil {
			return nil, 0, err
		}
		if ok {
			page = append(page, e)
		}
	}
	return page, total, nil
}

// Deliveries returns the deliveries of topic topicID, newest first: size
// of them from the from-th on, and how many there are in all. A page
// reads about 2×size keys of the ledger, however many it holds. It
// returns the bucket's error when they cannot be read.
func (d *Deliverer) Deliveries(ctx context.Context, topicID string, from, size int) ([]Entry, int, error) {
	return d.ledger.page(ctx, topicID, from, max(size, 0))
}

// Recorded returns the delivery of one period's digest to subscription
// subID of topic topicID as the ledger holds it; found is false when it
// holds none (it was never asked for, or has expired). The scheduler asks
// before building a digest again for a period it already handed over. It
// returns the bucket's error when the entry cannot be read.
func (d *Deliverer) Recorded(ctx context.Context, topicID, subID, period string) (newsintel.Delivery, bool, error) {
	e, _, found, err := d.ledger.get(ctx, topicID, DeliveryID(topicID, subID, period))
	return e.Delivery, found, err
}
