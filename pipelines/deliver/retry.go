package deliver

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsintel/newsintel"
)

// Run retries due deliveries (RetryDue) every Options.ScanInterval until
// ctx is done, then returns nil. It is safe to run in several processes
// at once: each delivery is claimed by one of them.
func (d *Deliverer) Run(ctx context.Context) error {
	tick := time.NewTicker(d.opts.ScanInterval)
	defer tick.Stop()
	for {
		if n, err := d.RetryDue(ctx); err != nil && ctx.Err() == nil {
			d.log.Warn("retry scan failed", slog.String(attrError, err.Error()))
		} else if n > 0 {
			d.log.Info("retried deliveries", slog.Int(attrCount, n))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// RetryDue tries, oldest first, every delivery that is due: failed ones
// past their next attempt, and pending ones whose sender stopped (the
// state a process that died mid-send leaves). It tidies the marks of
// deliveries that are settled. It waits for its sends and returns how
// many it tried, and the first error reading the ledger.
func (d *Deliverer) RetryDue(ctx context.Context) (int, error) {
	marks, err := d.ledger.dueMarks(ctx)
	if err != nil {
		return 0, err
	}
	ids := make([]string, 0, len(marks))
	now := d.opts.Now()
	for id, m := range marks {
		if !m.At.After(now) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(marks[a].At.Compare(marks[b].At), cmp.Compare(a, b)) })
	var wg sync.WaitGroup
	var tried atomic.Int64
	var firstErr error
	var mu sync.Mutex
	for _, id := range ids {
		if err := d.acquire(ctx); err != nil {
			break
		}
		wg.Go(func() {
			defer d.release()
			ok, err := d.retry(ctx, id, marks[id])
			if ok {
				tried.Add(1)
			}
			if err != nil {
				mu.Lock()
				firstErr = cmp.Or(firstErr, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return int(tried.Load()), firstErr
}

// retry looks at one marked delivery and tries it when it is due; it
// reports whether it tried.
func (d *Deliverer) retry(ctx context.Context, id string, m dueMark) (bool, error) {
	e, rev, found, err := d.ledger.get(ctx, m.TopicID, id)
	switch {
	case err != nil:
		return false, err
	case !found || e.State == newsintel.DeliverySent || e.State == newsintel.DeliveryGaveUp:
		// Settled, or never created (its Deliver failed and said so).
		return false, d.ledger.settle(ctx, id)
	case !d.due(e, d.opts.Now()):
		return false, d.ledger.markDue(ctx, e.TopicID, id, d.nextLook(e))
	}
	var p payload
	if found, _, err := d.ledger.load(ctx, payloadKey(id), &p); err != nil || !found {
		return false, cmp.Or(err, fmt.Errorf("deliveries %s: the payload is missing", payloadKey(id)))
	}
	s, err := d.opts.Subscriptions.Subscription(ctx, e.TopicID, e.SubscriptionID)
	gone := newsintel.ErrorCode(err) == newsintel.ENOTFOUND || (err == nil && !s.Active)
	if err != nil && !gone {
		return false, fmt.Errorf("deliver %s: subscription %s: %w", id, e.SubscriptionID, err)
	}
	e, rev, mine, err := d.claim(ctx, e, rev)
	if err != nil || !mine {
		return false, err
	}
	if gone {
		e.Attempts = append(e.Attempts, newsintel.Attempt{At: d.opts.Now().UTC(), Error: errGone.Error()})
		_, err = d.record(ctx, e, rev, outcome{err: errGone, permanent: true})
		return false, err
	}
	_, err = d.attempt(ctx, e, rev, s, p)
	return true, err
}

// nextLook returns when a delivery that is not due yet should be looked at
// again.
func (d *Deliverer) nextLook(e Entry) time.Time {
	if e.State == newsintel.DeliveryFailed {
		return e.NextAttempt
	}
	return e.Updated.Add(d.lease())
}
