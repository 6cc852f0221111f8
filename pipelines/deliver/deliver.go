// Package deliver sends topic digests and alerts to their subscribers, by
// e-mail over SMTP and by signed webhook, once and without losing any.
//
// Every delivery of one digest (topic, subscription, period) has one ID,
// derived from the three, and one entry in the KV bucket "deliveries". The
// entry is recorded as pending before anything is sent and as sent, failed
// or gave_up after, with every attempt (time, HTTP status or SMTP reply
// code, error, duration). A second Deliver of the same period returns the
// recorded delivery instead of sending again. A failed delivery is retried
// by Run, which scans the ledger for due deliveries, with exponential
// back-off and jitter, until it is sent or MaxAttempts tries were made.
//
// A pending entry older than the send timeout (plus a margin) means the
// process that wrote it died in the middle of sending: the message may or
// may not have left. Such a delivery is sent again rather than skipped
// (at least once), and the repeat carries the same identity so that the
// receiver can drop it: the webhook's Idempotency-Key header and the
// e-mail's Message-ID both derive from the delivery ID.
//
// Webhooks are posted through the fetch package's guarded client, so they
// cannot reach loopback, private or link-local addresses unless the
// operator allows it (digest.webhook.allow_private). Sends are bounded in
// time (per delivery) and in number at once, so one unreachable SMTP
// server or webhook never holds up the others.
package deliver

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/pipelines"
)

// UnsubscribePath is the path of the API's unsubscribe page, under
// Options.BaseURL; the subscription's token goes in the query (?token=).
const UnsubscribePath = "/unsubscribe"

// SMTPOptions is the SMTP server e-mails are submitted to.
type SMTPOptions struct {
	Host              string // empty: e-mail deliveries fail, saying so
	Port              int
	Username          string // AUTH PLAIN when set
	Password          string
	From              string        // RFC 5322 address, with or without a display name
	StartTLS          string        // config.StartTLSRequired (default), StartTLSImplicit or StartTLSNone
	Timeout           time.Duration // one whole submission; default 30s
	UnsubscribeMailto string        // offered in List-Unsubscribe beside the link, when set
	RootCAs           *x509.CertPool
	HeloName          string // name given in EHLO; default the From address's domain
}

// Options configures a Deliverer. Zero fields take the defaults of
// config.Default().Digest.
type Options struct {
	BaseURL        string // public URL of the API, for unsubscribe links
	SMTP           SMTPOptions
	WebhookTimeout time.Duration
	AllowPrivate   bool   // webhooks may reach loopback and private addresses
	UserAgent      string // of webhook requests

	MaxAttempts  int           // tries before a delivery is given up
	RetryBase    time.Duration // wait after the first failure, doubled after each
	RetryMax     time.Duration // longest wait
	Concurrency  int           // sends in flight at once
	ScanInterval time.Duration // how often Run looks for due retries; default 15s

	// Subscriptions finds a subscription again when a delivery is retried
	// (its address, URL or secret may have changed; it may be gone):
	// pipelines/digest's Store. Required.
	Subscriptions SubscriptionLookup

	Now func() time.Time // default time.Now
	Log *slog.Logger
}

// SubscriptionLookup returns subscription subID of topic topicID, or an
// error with the code ENOTFOUND when it no longer exists.
type SubscriptionLookup interface {
	Subscription(ctx context.Context, topicID, subID string) (newsintel.Subscription, error)
}

// OptionsFromConfig returns the options of the digest section of a
// configuration; userAgent is sent with webhooks.
func OptionsFromConfig(c config.Digest, userAgent string) Options {
	return Options{
		BaseURL: c.BaseURL,
		SMTP: SMTPOptions{
			Host: c.SMTP.Host, Port: c.SMTP.Port, Username: c.SMTP.Username, Password: c.SMTP.Password,
			From: c.SMTP.From, StartTLS: c.SMTP.StartTLS, Timeout: c.SMTP.Timeout.D(), UnsubscribeMailto: c.SMTP.UnsubscribeMailto,
		},
		WebhookTimeout: c.Webhook.Timeout.D(), AllowPrivate: c.Webhook.AllowPrivate, UserAgent: userAgent,
		MaxAttempts: c.MaxAttempts, RetryBase: c.RetryBase.D(), RetryMax: c.RetryMax.D(), Concurrency: c.Concurrency,
	}
}

func (o *Options) defaults() {
	d := OptionsFromConfig(config.Default().Digest, "")
	setDefault(&o.SMTP.Port, d.SMTP.Port)
	setDefault(&o.SMTP.StartTLS, d.SMTP.StartTLS)
	setDefault(&o.SMTP.Timeout, d.SMTP.Timeout)
	setDefault(&o.WebhookTimeout, d.WebhookTimeout)
	setDefault(&o.UserAgent, "newsintel/0.1 (webhook)")
	setDefault(&o.MaxAttempts, d.MaxAttempts)
	setDefault(&o.RetryBase, d.RetryBase)
	setDefault(&o.RetryMax, max(d.RetryMax, o.RetryBase))
	setDefault(&o.Concurrency, d.Concurrency)
	setDefault(&o.ScanInterval, 15*time.Second)
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

func setDefault[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// Deliverer sends digests and keeps the ledger of deliveries. It is safe
// for concurrent use.
type Deliverer struct {
	opts   Options
	ledger *ledger
	http   *http.Client
	slots  chan struct{} // one per send in flight
	stats  *stats
	log    *slog.Logger
}

// New returns a Deliverer keeping its ledger in bus's bucket "deliveries".
// It returns an error when the bucket does not exist (EnsureTopology
// creates it) or o.Subscriptions is nil.
func New(ctx context.Context, bus *pipelines.Bus, o Options) (*Deliverer, error) {
	if o.Subscriptions == nil {
		return nil, errors.New("deliver: Options.Subscriptions is required")
	}
	o.defaults()
	kv, err := bus.KV(ctx, pipelines.BucketDeliveries)
	if err != nil {
		return nil, err
	}
	l := &ledger{kv: kv}
	if err := l.numberAll(ctx); err != nil {
		return nil, fmt.Errorf("deliver: numbering the ledger: %w", err)
	}
	return &Deliverer{
		opts: o, ledger: l, http: webhookClient(o),
		slots: make(chan struct{}, o.Concurrency), stats: newStats(),
		log: o.Log.With(slog.String(attrComponent, "deliver")),
	}, nil
}

// webhookClient returns the fetch package's guarded client, not following
// redirects: a webhook that moved is the subscriber's to update.
func webhookClient(o Options) *http.Client {
	fc := fetch.New(fetch.Options{UserAgent: o.UserAgent, AllowPrivate: o.AllowPrivate, Timeout: o.WebhookTimeout})
	c := *fc.HTTPClient()
	c.Timeout = o.WebhookTimeout
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// DeliveryID returns the ID of the delivery of one period's digest to one
// subscription: the first 16 bytes of the SHA-256 of the three, in hex.
func DeliveryID(topicID, subscriptionID, period string) string {
	sum := sha256.Sum256([]byte(topicID + "\x00" + subscriptionID + "\x00" + period))
	return hex.EncodeToString(sum[:16])
}

// Deliver sends digest dg of topic t for period to subscription s, once:
// when the ledger already holds this delivery it returns it as recorded
// (sent, gave_up, failed and waiting for its retry, or pending in another
// sender) and sends nothing, except that a failed delivery whose retry is
// due, or a pending one whose sender died, is tried now, with the digest
// recorded at its first try rather than dg.
//
// A failed send is not an error: the Delivery comes back with state failed
// (Run retries it) or gave_up, its attempts saying why. The error is for
// bad input (EINVALID: no period, a feed subscription, a malformed
// address, a webhook without a secret; ECONFLICT: an unsubscribed
// subscription) and for a ledger that cannot be written. Deliver waits
// for a free send slot (Options.Concurrency) or ctx.
func (d *Deliverer) Deliver(ctx context.Context, t newsintel.Topic, s newsintel.Subscription, dg *newsintel.Digest, period string) (newsintel.Delivery, error) {
	if err := checkDelivery(t, s, dg, period); err != nil {
		return newsintel.Delivery{}, err
	}
	if err := d.acquire(ctx); err != nil {
		return newsintel.Delivery{}, err
	}
	defer d.release()
	id := DeliveryID(t.ID, s.ID, period)
	e, rev, found, err := d.ledger.get(ctx, t.ID, id)
	if err != nil {
		return newsintel.Delivery{}, err
	}
	p := payload{Topic: t, Digest: dg}
	mine := false
	if !found {
		e, rev, mine, err = d.begin(ctx, t, s, id, period, p)
	} else {
		e, rev, mine, err = d.claim(ctx, e, rev)
	}
	if err != nil || !mine {
		return e.Delivery, err
	}
	// Every try sends the payload recorded with the first, so that a
	// receiver sees the same bytes under the same Idempotency-Key
	// whatever digest this later call was given.
	var stored payload
	if found, _, err := d.ledger.load(ctx, payloadKey(id), &stored); err != nil {
		return e.Delivery, err // still pending: the retry scan takes it up after the lease
	} else if found {
		p = stored
	}
	e, err = d.attempt(ctx, e, rev, s, p)
	return e.Delivery, err
}

// begin records a new delivery as pending: its payload and due mark first,
// so that a retry finds it whatever happens next, then its number in the
// topic's list, so that an entry is never left out of the list (a crash
// between the two leaves a number without an entry, which the list
// skips). mine is false when another sender created it first; its entry
// is returned as it is.
func (d *Deliverer) begin(ctx context.Context, t newsintel.Topic, s newsintel.Subscription, id, period string, p payload) (e Entry, rev uint64, mine bool, err error) {
	now := d.opts.Now().UTC()
	if err := d.ledger.put(ctx, payloadKey(id), p); err != nil {
		return Entry{}, 0, false, err
	}
	if err := d.ledger.markDue(ctx, t.ID, id, now.Add(d.lease())); err != nil {
		return Entry{}, 0, false, err
	}
	if err := d.ledger.enlist(ctx, t.ID, id); err != nil {
		return Entry{}, 0, false, err
	}
	e = Entry{Delivery: newsintel.Delivery{
		ID: id, TopicID: t.ID, SubscriptionID: s.ID, Channel: s.Channel, Period: period,
		State: newsintel.DeliveryPending, Created: now, Updated: now,
	}, Target: target(s)}
	rev, err = d.ledger.create(ctx, e)
	if errors.Is(err, errRaced) {
		e, rev, _, err = d.ledger.get(ctx, t.ID, id)
		return e, rev, false, err
	}
	return e, rev, err == nil, err
}

// claim makes a recorded delivery that is due again (failed and past its
// next attempt, or pending with a dead sender) this sender's pending try.
// mine is false for any other entry, returned as it is.
func (d *Deliverer) claim(ctx context.Context, e Entry, rev uint64) (_ Entry, _ uint64, mine bool, _ error) {
	now := d.opts.Now().UTC()
	if !d.due(e, now) {
		return e, rev, false, nil
	}
	if e.State == newsintel.DeliveryPending {
		d.log.Warn("delivery left pending by a sender that stopped; sending it again with the same identity",
			slog.String(attrDelivery, e.ID), slog.String(attrTopic, e.TopicID), slog.Time(attrSince, e.Updated))
	}
	claimed := e
	claimed.State, claimed.Updated = newsintel.DeliveryPending, now
	next, err := d.ledger.update(ctx, claimed, rev)
	if errors.Is(err, errRaced) {
		return e, rev, false, nil
	}
	return claimed, next, err == nil, err
}

// due reports whether a delivery should be tried now.
func (d *Deliverer) due(e Entry, now time.Time) bool {
	switch e.State {
	case newsintel.DeliveryFailed:
		return !now.Before(e.NextAttempt)
	case newsintel.DeliveryPending:
		return now.Sub(e.Updated) > d.lease()
	}
	return false
}

// lease is how long a pending entry is taken to be in flight: the longest
// send and a margin. Past it the sender is taken to have died.
func (d *Deliverer) lease() time.Duration {
	return max(d.opts.SMTP.Timeout, d.opts.WebhookTimeout) + time.Minute
}

func (d *Deliverer) acquire(ctx context.Context) error {
	select {
	case d.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("deliver: waiting for a send slot: %w", ctx.Err())
	}
}

func (d *Deliverer) release() { <-d.slots }

// target returns where a subscription's deliveries go.
func target(s newsintel.Subscription) string {
	if s.Channel == newsintel.ChannelEmail {
		return s.Email
	}
	return redactURL(s.URL)
}
