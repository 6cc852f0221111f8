package deliver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// outcome is what one try at sending came to.
type outcome struct {
	status     int   // HTTP status or SMTP reply code; 0 when none came
	err        error // nil when delivered
	permanent  bool  // retrying cannot help
	retryAfter time.Duration
}

// maxRetryAfter caps the wait a receiver's Retry-After may ask for.
const maxRetryAfter = 24 * time.Hour

// attempt sends a claimed (pending) delivery once and records the try:
// sent, failed with its next attempt, or gave_up. The record is written
// even when ctx ends during the send (a shutdown), so the entry does not
// stay pending.
func (d *Deliverer) attempt(ctx context.Context, e Entry, rev uint64, s newsintel.Subscription, p payload) (Entry, error) {
	at, start := d.opts.Now().UTC(), time.Now()
	out := d.send(ctx, e, s, p)
	took := time.Since(start)
	a := newsintel.Attempt{At: at, Status: out.status, Duration: float64(took.Microseconds()) / 1000}
	if out.err != nil {
		a.Error = oneLine(out.err.Error(), 1000)
	}
	e.Attempts = append(e.Attempts, a)
	e, err := d.record(ctx, e, rev, out)
	d.stats.observe(e.Channel, e.State, took)
	return e, err
}

// record settles e after a try with outcome out and writes it.
func (d *Deliverer) record(ctx context.Context, e Entry, rev uint64, out outcome) (Entry, error) {
	now := d.opts.Now().UTC()
	e.Updated, e.NextAttempt = now, time.Time{}
	switch {
	case out.err == nil:
		e.State = newsintel.DeliverySent
	case out.permanent || len(e.Attempts) >= d.opts.MaxAttempts:
		e.State = newsintel.DeliveryGaveUp
	default:
		e.State = newsintel.DeliveryFailed
		e.NextAttempt = now.Add(d.backoff(len(e.Attempts), out.retryAfter))
	}
	d.logOutcome(e, out)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if _, err := d.ledger.update(ctx, e, rev); err != nil {
		return e, fmt.Errorf("deliver %s: recording the attempt: %w", e.ID, err)
	}
	if e.State == newsintel.DeliveryFailed {
		return e, d.ledger.markDue(ctx, e.TopicID, e.ID, e.NextAttempt)
	}
	return e, d.ledger.settle(ctx, e.ID)
}

func (d *Deliverer) logOutcome(e Entry, out outcome) {
	attrs := []any{slog.String(attrDelivery, e.ID), slog.String(attrTopic, e.TopicID), slog.String(attrChannel, e.Channel),
		slog.String(attrState, e.State), slog.Int(attrAttempt, len(e.Attempts)), slog.Int(attrStatus, out.status)}
	if out.err == nil {
		d.log.Info("delivered", attrs...)
		return
	}
	attrs = append(attrs, slog.String(attrError, out.err.Error()))
	if e.State == newsintel.DeliveryFailed {
		attrs = append(attrs, slog.Time(attrNext, e.NextAttempt))
	}
	d.log.Warn("delivery failed", attrs...)
}

// send tries a delivery once on its channel, within the channel's timeout.
func (d *Deliverer) send(ctx context.Context, e Entry, s newsintel.Subscription, p payload) outcome {
	switch s.Channel {
	case newsintel.ChannelEmail:
		ctx, cancel := context.WithTimeout(ctx, d.opts.SMTP.Timeout)
		defer cancel()
		return d.sendEmail(ctx, e, s, p)
	case newsintel.ChannelWebhook:
		ctx, cancel := context.WithTimeout(ctx, d.opts.WebhookTimeout)
		defer cancel()
		return d.sendWebhook(ctx, e, s, p)
	}
	return outcome{err: fmt.Errorf("channel %q is not delivered", s.Channel), permanent: true}
}

// backoff returns the wait before try n+1 after n failed: RetryBase
// doubled n-1 times, capped at RetryMax, drawn at random from its upper
// half (so that senders failing together do not retry together), and at
// least a receiver's Retry-After.
func (d *Deliverer) backoff(n int, retryAfter time.Duration) time.Duration {
	wait := d.opts.RetryMax
	if shift := n - 1; shift < 32 && d.opts.RetryBase<<shift > 0 && d.opts.RetryBase<<shift < wait {
		wait = d.opts.RetryBase << shift
	}
	wait = wait/2 + rand.N(wait/2+1)
	if retryAfter > wait {
		wait = min(retryAfter, maxRetryAfter)
	}
	return wait
}

// checkDelivery refuses input no try could deliver.
func checkDelivery(t newsintel.Topic, s newsintel.Subscription, dg *newsintel.Digest, period string) error {
	switch {
	case t.ID == "":
		return newsintel.Errorf(newsintel.EINVALID, "deliver: the topic has no ID")
	case s.ID == "":
		return newsintel.Errorf(newsintel.EINVALID, "deliver: the subscription has no ID")
	case s.TopicID != "" && s.TopicID != t.ID:
		return newsintel.Errorf(newsintel.EINVALID, "deliver: subscription %s is to topic %s, not %s", s.ID, s.TopicID, t.ID)
	case dg == nil:
		return newsintel.Errorf(newsintel.EINVALID, "deliver: no digest for topic %s", t.ID)
	case strings.TrimSpace(period) == "" || len(period) > 256:
		return newsintel.Errorf(newsintel.EINVALID, "deliver: the period %q must be 1 to 256 bytes", period)
	case !s.Active:
		return newsintel.Errorf(newsintel.ECONFLICT, "deliver: subscription %s is not active (unsubscribed)", s.ID)
	}
	return checkTarget(s)
}

// checkTarget refuses a subscription without a usable address.
func checkTarget(s newsintel.Subscription) error {
	switch s.Channel {
	case newsintel.ChannelEmail:
		if _, err := mail.ParseAddress(s.Email); err != nil {
			return newsintel.Errorf(newsintel.EINVALID, "deliver: subscription %s: %q is not an e-mail address", s.ID, s.Email)
		}
	case newsintel.ChannelWebhook:
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return newsintel.Errorf(newsintel.EINVALID, "deliver: subscription %s: %q is not an http or https URL", s.ID, redactURL(s.URL))
		}
		if s.Secret == "" {
			return newsintel.Errorf(newsintel.EINVALID, "deliver: webhook subscription %s has no secret to sign with", s.ID)
		}
	case newsintel.ChannelFeed:
		return newsintel.Errorf(newsintel.EINVALID, "deliver: subscription %s reads the topic's feed; nothing is sent to it", s.ID)
	default:
		return newsintel.Errorf(newsintel.EINVALID, "deliver: subscription %s has channel %q, not email or webhook", s.ID, s.Channel)
	}
	return nil
}

// errGone is the reason a retry is dropped when its subscription is.
var errGone = errors.New("not sent: the subscription was removed or unsubscribed")
