package digest

import (
	"cmp"
	"context"
	"log/slog"
	"time"

	"github.com/newsintel/newsintel"
)

// Sender delivers one digest (or alert) to one subscription for one
// period. It must be idempotent per (topic, subscription, period): a
// digest already sent is not sent again, so a scheduler that restarts
// between sending and recording can safely ask again. The returned
// Delivery's State says whether it was sent (newsintel.DeliverySent) or
// will be retried. pipelines/deliver.Deliverer implements it.
type Sender interface {
	Deliver(ctx context.Context, t newsintel.Topic, s newsintel.Subscription, dg *newsintel.Digest, period string) (newsintel.Delivery, error)
}

// Recorder is a Sender that can say what became of a delivery it was
// handed (pipelines/deliver.Deliverer can): found is false when it knows
// none.
type Recorder interface {
	Recorded(ctx context.Context, topicID, subID, period string) (d newsintel.Delivery, found bool, err error)
}

// Defaults of a Scheduler.
const (
	DefaultTick   = time.Minute
	DefaultSettle = 2 * time.Minute
)

// Scheduler hands each subscription the digest of every period that has
// ended since its last one. It is safe to run in several processes at
// once only in the sense that nothing is sent twice (the Sender is
// idempotent and LastSent moves by compare-and-set); run it in one.
type Scheduler struct {
	Store   *Store
	Builder *Builder
	Sender  Sender
	Log     *slog.Logger
	Now     func() time.Time // time.Now when nil
	Tick    time.Duration    // how often due digests are looked for; DefaultTick when 0
	// Settle is how long after a period ends its digest is built, so that
	// documents fetched just before the end have been extracted and
	// indexed; DefaultSettle when 0.
	Settle time.Duration
}

// Run looks for due digests at once and then every Tick until ctx is
// done. It returns nil when ctx is cancelled; a failing topic or
// subscription is logged and retried at the next tick, never stopping
// the others.
func (s *Scheduler) Run(ctx context.Context) error {
	t := time.NewTicker(cmp.Or(s.Tick, DefaultTick))
	defer t.Stop()
	for {
		s.RunOnce(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// RunOnce delivers every digest due now, topic by topic, and returns how
// many were delivered.
func (s *Scheduler) RunOnce(ctx context.Context) int {
	topics, err := s.Store.Topics(ctx)
	if err != nil {
		s.log().Warn("digest: listing topics failed", slog.String(attrError, err.Error()))
		return 0
	}
	now := s.now().Add(-cmp.Or(s.Settle, DefaultSettle))
	sent := 0
	for _, t := range topics {
		if ctx.Err() != nil {
			break
		}
		sent += s.runTopic(ctx, t, now)
	}
	return sent
}

// runTopic delivers the due digests of topic t's subscriptions; those
// due for the same period share one digest.
func (s *Scheduler) runTopic(ctx context.Context, t newsintel.Topic, now time.Time) int {
	log := s.log().With(slog.String(attrTopic, t.ID))
	end, err := LastDue(t.Schedule, now)
	if err != nil {
		log.Warn("digest: bad schedule", slog.String(attrError, err.Error()))
		return 0
	}
	subs, err := s.Store.Subscriptions(ctx, t.ID)
	if err != nil {
		log.Warn("digest: listing subscriptions failed", slog.String(attrError, err.Error()))
		return 0
	}
	built := map[[2]time.Time]*newsintel.Digest{} // by period
	sent := 0
	for _, sub := range subs {
		since, until, due := duePeriod(t.Schedule, sub, end)
		if !due {
			continue
		}
		if s.handedOver(ctx, log, t, sub, since, until) {
			continue
		}
		period := [2]time.Time{since, until}
		dg, ok := built[period]
		if !ok {
			if dg, err = s.Builder.Build(ctx, t, since, until); err != nil {
				log.Warn("digest: build failed", slog.String(attrError, err.Error()))
				return sent
			}
			built[period] = dg
		}
		if s.deliver(ctx, log, t, sub, dg) {
			sent++
		}
	}
	return sent
}

// handedOver reports whether the period [since, until) of sub was already
// handed to the Sender, which recorded it: a delivery sent or given up
// since (its retries ran in the Sender) is recorded on sub now, and one
// still failed or pending is left to the Sender's retries. Either way the
// digest is not built again each tick. Without a Recorder, or when the
// Sender knows nothing of the period, it reports false.
func (s *Scheduler) handedOver(ctx context.Context, log *slog.Logger, t newsintel.Topic, sub newsintel.Subscription, since, until time.Time) bool {
	rec, ok := s.Sender.(Recorder)
	if !ok || !sub.PendingUntil.Equal(until) {
		return false
	}
	period := PeriodName(since, until)
	d, found, err := rec.Recorded(ctx, t.ID, sub.ID, period)
	if err != nil || !found {
		return false
	}
	switch d.State {
	case newsintel.DeliverySent, newsintel.DeliveryGaveUp:
		if err := s.Store.MarkSent(ctx, sub, until); err != nil {
			log.Warn("digest: recording the delivery failed", slog.String(attrSubscription, sub.ID), slog.String(attrError, err.Error()))
		}
	}
	return true
}

// duePeriod returns the period [since, until) sub is due for, and whether
// one is due: active subscriptions by e-mail or webhook whose last digest
// ended before end, the latest boundary. Missed periods are caught up in
// one digest ending at end, except a period already handed to delivery
// and not sent (PendingUntil), which is asked for again unchanged. A
// subscription that has had none starts at the boundary before it was
// created.
func duePeriod(sch newsintel.Schedule, sub newsintel.Subscription, end time.Time) (since, until time.Time, due bool) {
	if !sub.Active || sub.Channel == newsintel.ChannelFeed {
		return time.Time{}, time.Time{}, false
	}
	since = sub.LastSent
	if since.IsZero() {
		var err error
		if since, err = LastDue(sch, sub.Created); err != nil {
			return time.Time{}, time.Time{}, false
		}
	}
	until = end
	if sub.PendingUntil.After(since) {
		until = sub.PendingUntil
	}
	return since, until, until.After(since)
}

// deliver hands dg to the Sender and records LastSent once it reports
// the digest sent. An empty digest is not sent, only recorded. It
// reports whether a digest went out.
func (s *Scheduler) deliver(ctx context.Context, log *slog.Logger, t newsintel.Topic, sub newsintel.Subscription, dg *newsintel.Digest) bool {
	log = log.With(slog.String(attrSubscription, sub.ID))
	if dg.Empty() {
		if err := s.Store.MarkSent(ctx, sub, dg.Until); err != nil {
			log.Warn("digest: recording an empty period failed", slog.String(attrError, err.Error()))
		}
		return false
	}
	period := PeriodName(dg.Since, dg.Until)
	log = log.With(slog.String(attrPeriod, period))
	if err := s.Store.MarkPending(ctx, sub, dg.Until); err != nil {
		log.Warn("digest: recording the pending period failed; retrying at the next tick", slog.String(attrError, err.Error()))
		return false
	}
	d, err := s.Sender.Deliver(ctx, t, sub, dg, period)
	if err != nil {
		log.Warn("digest: delivery failed; retrying at the next tick", slog.String(attrError, err.Error()))
		return false
	}
	switch d.State {
	case newsintel.DeliverySent:
	case newsintel.DeliveryGaveUp:
		// Every attempt failed and is on record in the deliveries; the
		// subscription moves on to the next period rather than asking
		// for this one for ever.
		log.Warn("digest: delivery given up; moving to the next period", slog.String(attrState, d.State))
		if err := s.Store.MarkSent(ctx, sub, dg.Until); err != nil {
			log.Warn("digest: recording the given-up period failed", slog.String(attrError, err.Error()))
		}
		return false
	default:
		log.Info("digest: not delivered yet", slog.String(attrState, d.State))
		return false
	}
	if err := s.Store.MarkSent(ctx, sub, dg.Until); err != nil {
		// The Sender remembers the period as sent, so asking again at
		// the next tick sends nothing twice.
		log.Warn("digest: recording the delivery failed", slog.String(attrError, err.Error()))
	}
	log.Info("digest delivered", slog.Uint64(attrMatched, dg.Total), slog.Int(attrEntries, len(dg.Documents)+len(dg.Filings)+len(dg.Notices)))
	return true
}

// PeriodName names the period [since, until) as Delivery.Period does:
// "2026-11-30T07:30:00Z/2026-12-01T07:30:00Z".
func PeriodName(since, until time.Time) string {
	return since.UTC().Format(time.RFC3339) + "/" + until.UTC().Format(time.RFC3339)
}

func (s *Scheduler) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Scheduler) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.New(slog.DiscardHandler)
}
