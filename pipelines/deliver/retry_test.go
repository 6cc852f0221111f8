package deliver_test

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
	"github.com/newsintel/newsintel/pipelines/digest"
)

const hookSecret = "0123456789abcdef-webhook-secret"

// waitFor polls cond every 10 ms, failing the test after 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// only returns the one delivery the topic has.
func only(t *testing.T, d *deliver.Deliverer, topicID string) deliver.Entry {
	t.Helper()
	list, total, err := d.Deliveries(t.Context(), topicID, 0, 10)
	require.NoError(t, err)
	require.Equal(t, 1, total, "deliveries: %+v", list)
	return list[0]
}

// TestSMTPDownIsRetriedOthersDelivered sends while nothing listens on the
// SMTP port: the e-mail fails and is recorded, the webhook of the same
// topic goes out, and once the server is up the retry scan delivers the
// e-mail.
func TestSMTPDownIsRetriedOthersDelivered(t *testing.T) {
	f := newFixture(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close()) // nothing listens there now
	_, pool := testCert(t)
	h := startHook(t, nil)
	d := f.deliverer(t, deliver.Options{SMTP: smtpOptions(t, addr, pool), AllowPrivate: true, RetryBase: time.Minute, RetryMax: time.Hour})
	mailSub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	hookSub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
	dg := testDigest(f)
	period := digest.PeriodName(dg.Since, dg.Until)

	em, err := d.Deliver(t.Context(), f.topic, mailSub, dg, period)
	require.NoError(t, err)
	require.Equal(t, newsintel.DeliveryFailed, em.State)
	require.Len(t, em.Attempts, 1)
	if a := em.Attempts[0]; !strings.Contains(a.Error, "connect") || a.At.IsZero() {
		t.Errorf("attempt %+v, want a connect error with its time", a)
	}
	if !em.NextAttempt.After(f.clock.Now()) || em.NextAttempt.After(f.clock.Now().Add(time.Minute)) {
		t.Errorf("next attempt %v, want within a minute after %v", em.NextAttempt, f.clock.Now())
	}
	wh, err := d.Deliver(t.Context(), f.topic, hookSub, dg, period)
	require.NoError(t, err)
	if wh.State != newsintel.DeliverySent || len(h.Requests()) != 1 {
		t.Fatalf("webhook beside the failing e-mail: state %s, %d requests; want sent, 1", wh.State, len(h.Requests()))
	}
	n, err := d.RetryDue(t.Context())
	require.NoError(t, err)
	require.Equal(t, 0, n, "retried before the e-mail was due")

	l, err = net.Listen("tcp", addr)
	require.NoError(t, err)
	ms := startMailServer(t, l)
	f.clock.Advance(2 * time.Minute)
	n, err = d.RetryDue(t.Context())
	require.NoError(t, err)
	require.Equal(t, 1, n, "retried")
	if len(ms.Mails()) != 1 || len(h.Requests()) != 1 {
		t.Errorf("after the retry: %d mails, %d webhook requests; want 1 and 1", len(ms.Mails()), len(h.Requests()))
	}
	list, _, err := d.Deliveries(t.Context(), f.topic.ID, 0, 10)
	require.NoError(t, err)
	for _, e := range list {
		if e.State != newsintel.DeliverySent {
			t.Errorf("delivery %s (%s) is %s, want sent", e.ID, e.Channel, e.State)
		}
		if e.Channel == newsintel.ChannelEmail && (len(e.Attempts) != 2 || e.Attempts[1].Status != 250) {
			t.Errorf("e-mail attempts %+v, want a failure then 250", e.Attempts)
		}
	}
	if n, _ := d.RetryDue(t.Context()); n != 0 || len(ms.Mails()) != 1 {
		t.Errorf("a scan after everything was sent tried %d and left %d mails; want 0 and 1", n, len(ms.Mails()))
	}
}

// TestWebhookSignedAndRetriedUntilGivenUp answers 503 with Retry-After
// every time: each try is recorded, waits at least what the receiver
// asked, carries the same body and Idempotency-Key, and after MaxAttempts
// the delivery is given up.
func TestWebhookSignedAndRetriedUntilGivenUp(t *testing.T) {
	f := newFixture(t)
	h := startHook(t, func(_ int, w http.ResponseWriter) {
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	d := f.deliverer(t, deliver.Options{AllowPrivate: true, MaxAttempts: 3, RetryBase: time.Minute, RetryMax: time.Hour})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
	dg := testDigest(f)
	period := digest.PeriodName(dg.Since, dg.Until)
	got, err := d.Deliver(t.Context(), f.topic, sub, dg, period)
	require.NoError(t, err)
	require.Equal(t, newsintel.DeliveryFailed, got.State)
	if want := f.clock.Now().Add(2 * time.Hour); got.NextAttempt.Before(want) {
		t.Errorf("next attempt %v, want at least %v (Retry-After: 7200)", got.NextAttempt, want)
	}
	for range 2 {
		f.clock.Advance(2*time.Hour + time.Second)
		n, err := d.RetryDue(t.Context())
		require.NoError(t, err)
		require.Equal(t, 1, n)
	}
	e := only(t, d, f.topic.ID)
	if e.State != newsintel.DeliveryGaveUp || len(e.Attempts) != 3 {
		t.Fatalf("after 3 tries: state %s, %d attempts; want gave_up, 3", e.State, len(e.Attempts))
	}
	for _, a := range e.Attempts {
		if a.Status != 503 || !strings.Contains(a.Error, "503") || !strings.Contains(a.Error, "maintenance") {
			t.Errorf("attempt %+v, want status 503 with the answer in the error", a)
		}
	}
	reqs := h.Requests()
	require.Len(t, reqs, 3)
	for i, r := range reqs {
		if string(r.Body) != string(reqs[0].Body) || r.Header.Get(deliver.HeaderIdempotencyKey) != got.ID {
			t.Errorf("request %d: body or Idempotency-Key %q differ from the first (want %s)", i, r.Header.Get(deliver.HeaderIdempotencyKey), got.ID)
		}
	}
	checkPayload(t, reqs[0], f, newClock().Now(), got.ID, period)
	if n, _ := d.RetryDue(t.Context()); n != 0 {
		t.Errorf("a given-up delivery was tried again (%d)", n)
	}
}

// checkPayload verifies a webhook request's signature and fields.
func checkPayload(t *testing.T, r hookRequest, f *fixture, sent time.Time, id, period string) {
	t.Helper()
	sig := r.Header.Get(deliver.HeaderSignature)
	if err := deliver.Verify(hookSecret, sig, r.Body, sent, 5*time.Minute); err != nil {
		t.Errorf("Verify(%q) = %v, want nil", sig, err)
	}
	if err := deliver.Verify("another secret of some length", sig, r.Body, sent, 5*time.Minute); err == nil {
		t.Error("Verify with the wrong secret passed")
	}
	var p deliver.Payload
	require.NoError(t, json.Unmarshal(r.Body, &p))
	if p.Type != deliver.TypeDigest || p.DeliveryID != id || p.Period != period || p.Topic.ID != f.topic.ID || p.Topic.Name != f.topic.Name ||
		p.Digest == nil || len(p.Digest.Documents) != 2 {
		t.Errorf("payload %+v, want a digest of topic %s, delivery %s, period %s with 2 documents", p, f.topic.ID, id, period)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" || r.Header.Get(deliver.HeaderEvent) != deliver.TypeDigest {
		t.Errorf("Content-Type %q, event %q; want application/json and digest", ct, r.Header.Get(deliver.HeaderEvent))
	}
}

// TestWebhookPermanentFailures: a 4xx other than 408/429 and a refused
// loopback address are given up at once, without retries.
func TestWebhookPermanentFailures(t *testing.T) {
	cases := []struct {
		name         string
		allowPrivate bool
		status       int
		wantErr      string
		wantRequests int
	}{
		{"client error", true, http.StatusGone, "HTTP 410", 1},
		{"redirect", true, http.StatusMovedPermanently, "redirects are not followed", 1},
		{"loopback refused", false, 0, "digest.webhook.allow_private", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			h := startHook(t, func(_ int, w http.ResponseWriter) {
				if c.status == http.StatusMovedPermanently {
					w.Header().Set("Location", "https://elsewhere.example/hook?key=secret")
				}
				w.WriteHeader(c.status)
			})
			d := f.deliverer(t, deliver.Options{AllowPrivate: c.allowPrivate})
			sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
			got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
			require.NoError(t, err)
			if got.State != newsintel.DeliveryGaveUp || len(got.Attempts) != 1 || !strings.Contains(got.Attempts[0].Error, c.wantErr) {
				t.Errorf("state %s, attempts %+v; want gave_up after one attempt whose error says %q", got.State, got.Attempts, c.wantErr)
			}
			if got.Attempts[0].Status != c.status || len(h.Requests()) != c.wantRequests {
				t.Errorf("status %d, %d requests; want %d and %d", got.Attempts[0].Status, len(h.Requests()), c.status, c.wantRequests)
			}
			if strings.Contains(got.Attempts[0].Error, "key=secret") {
				t.Errorf("error %q shows a URL's query", got.Attempts[0].Error)
			}
		})
	}
}

// TestSlowWebhookDoesNotBlockOthers holds one webhook's answer while
// another subscription of the topic is delivered.
func TestSlowWebhookDoesNotBlockOthers(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	slow := startHook(t, func(int, http.ResponseWriter) { <-release })
	fast := startHook(t, nil)
	d := f.deliverer(t, deliver.Options{AllowPrivate: true, Concurrency: 2, WebhookTimeout: time.Minute})
	slowSub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: slow.URL, Secret: hookSecret})
	fastSub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: fast.URL, Secret: hookSecret})
	dg := testDigest(f)
	var wg sync.WaitGroup
	var slowGot newsintel.Delivery
	wg.Go(func() { slowGot, _ = d.Deliver(t.Context(), f.topic, slowSub, dg, "p1") })
	waitFor(t, "the slow webhook to be called", func() bool { return len(slow.Requests()) == 1 })
	got, err := d.Deliver(t.Context(), f.topic, fastSub, dg, "p1")
	require.NoError(t, err)
	if got.State != newsintel.DeliverySent {
		t.Errorf("fast webhook while the slow one hangs: %s, want sent", got.State)
	}
	close(release)
	wg.Wait()
	if slowGot.State != newsintel.DeliverySent {
		t.Errorf("slow webhook once answered: %s, want sent", slowGot.State)
	}
}

// TestSenderDiedMidSend stops a sender's connection while its webhook is
// in flight, so the outcome is never recorded: the delivery stays
// pending, is left alone while its sender could still be at work, then
// sent again by another process with the same Idempotency-Key.
func TestSenderDiedMidSend(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	h := startHook(t, func(n int, _ http.ResponseWriter) {
		if n == 1 {
			<-release
		}
	})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
	dg := testDigest(f)
	o := deliver.Options{AllowPrivate: true, WebhookTimeout: 10 * time.Second}
	bus1 := connect(t, f.srv)
	o1 := o
	o1.Now, o1.Log, o1.Subscriptions = f.clock.Now, testLogger(), f.store
	d1, err := deliver.New(t.Context(), bus1, o1)
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { _, err := d1.Deliver(t.Context(), f.topic, sub, dg, "p1"); done <- err }()
	waitFor(t, "the first request", func() bool { return len(h.Requests()) == 1 })
	bus1.Close() // the process dies: its outcome is never written
	close(release)
	require.Error(t, <-done, "recording on a closed connection")

	d2 := f.deliverer(t, o)
	if e := only(t, d2, f.topic.ID); e.State != newsintel.DeliveryPending {
		t.Fatalf("state after the crash %s, want pending", e.State)
	}
	got, err := d2.Deliver(t.Context(), f.topic, sub, dg, "p1")
	require.NoError(t, err)
	if n, _ := d2.RetryDue(t.Context()); n != 0 || got.State != newsintel.DeliveryPending || len(h.Requests()) != 1 {
		t.Fatalf("within the lease: retried %d, state %s, %d requests; want 0, pending, 1", n, got.State, len(h.Requests()))
	}
	f.clock.Advance(2 * time.Minute)
	n, err := d2.RetryDue(t.Context())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	reqs := h.Requests()
	require.Len(t, reqs, 2)
	if k0, k1 := reqs[0].Header.Get(deliver.HeaderIdempotencyKey), reqs[1].Header.Get(deliver.HeaderIdempotencyKey); k0 != k1 || k0 == "" {
		t.Errorf("Idempotency-Key %q then %q, want the same", k0, k1)
	}
	if e := only(t, d2, f.topic.ID); e.State != newsintel.DeliverySent || len(e.Attempts) != 1 {
		t.Errorf("after the resend: %s with %d attempts, want sent with 1", e.State, len(e.Attempts))
	}
}

// TestUnsubscribedBeforeRetry drops a failed delivery whose subscriber
// unsubscribed before its retry.
func TestUnsubscribedBeforeRetry(t *testing.T) {
	f := newFixture(t)
	ms := startMailServer(t, nil)
	ms.setRcptErr(&smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"})
	d := f.deliverer(t, deliver.Options{SMTP: smtpOptions(t, ms.Addr, ms.Pool)})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
	require.NoError(t, err)
	if got.State != newsintel.DeliveryFailed || got.Attempts[0].Status != 451 {
		t.Fatalf("state %s, attempts %+v; want failed with SMTP 451", got.State, got.Attempts)
	}
	require.NoError(t, f.store.Unsubscribe(t.Context(), sub.Token))
	ms.setRcptErr(nil)
	f.clock.Advance(time.Hour)
	n, err := d.RetryDue(t.Context())
	require.NoError(t, err)
	e := only(t, d, f.topic.ID)
	if n != 0 || e.State != newsintel.DeliveryGaveUp || len(ms.Mails()) != 0 || !strings.Contains(e.Attempts[len(e.Attempts)-1].Error, "unsubscribed") {
		t.Errorf("tried %d, state %s, %d mails, attempts %+v; want nothing sent, gave_up saying unsubscribed", n, e.State, len(ms.Mails()), e.Attempts)
	}
}

// TestSMTPRejectionIsPermanent: a 5xx to RCPT TO refuses the address for
// good.
func TestSMTPRejectionIsPermanent(t *testing.T) {
	f := newFixture(t)
	ms := startMailServer(t, nil)
	ms.setRcptErr(&smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"})
	d := f.deliverer(t, deliver.Options{SMTP: smtpOptions(t, ms.Addr, ms.Pool)})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "nobody@example.org"})
	got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
	require.NoError(t, err)
	if got.State != newsintel.DeliveryGaveUp || got.Attempts[0].Status != 550 || !strings.Contains(got.Attempts[0].Error, "no such user") {
		t.Errorf("state %s, attempts %+v; want gave_up with SMTP 550 no such user", got.State, got.Attempts)
	}
}

// TestSMTPWithoutSTARTTLSRefused: a server that offers no STARTTLS gets
// nothing (the password would travel in clear) and the try is retried.
func TestSMTPWithoutSTARTTLSRefused(t *testing.T) {
	f := newFixture(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	plain := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &mailSession{srv: &mailServer{}}, nil }))
	plain.Domain, plain.AllowInsecureAuth = "localhost", true
	go func() { _ = plain.Serve(l) }()
	t.Cleanup(func() { _ = plain.Close() })
	_, pool := testCert(t)
	d := f.deliverer(t, deliver.Options{SMTP: smtpOptions(t, l.Addr().String(), pool)})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
	require.NoError(t, err)
	if got.State != newsintel.DeliveryFailed || !strings.Contains(got.Attempts[0].Error, "STARTTLS") {
		t.Errorf("state %s, attempts %+v; want failed, naming STARTTLS", got.State, got.Attempts)
	}
}

// TestDeliverRefusesBadInput: input no try could deliver is an error and
// leaves nothing in the ledger.
func TestDeliverRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	d := f.deliverer(t, deliver.Options{})
	good := newsintel.Subscription{ID: "s1", TopicID: f.topic.ID, Channel: newsintel.ChannelWebhook, URL: "https://hooks.example.org/x", Secret: hookSecret, Active: true}
	cases := []struct {
		name   string
		edit   func(*newsintel.Subscription, *string)
		code   string
		reason string
	}{
		{"feed subscription", func(s *newsintel.Subscription, _ *string) { s.Channel = newsintel.ChannelFeed }, newsintel.EINVALID, "feed"},
		{"unsubscribed", func(s *newsintel.Subscription, _ *string) { s.Active = false }, newsintel.ECONFLICT, "not active"},
		{"webhook without secret", func(s *newsintel.Subscription, _ *string) { s.Secret = "" }, newsintel.EINVALID, "secret"},
		{"ftp webhook", func(s *newsintel.Subscription, _ *string) { s.URL = "ftp://x.org/" }, newsintel.EINVALID, "http or https"},
		{"bad e-mail", func(s *newsintel.Subscription, _ *string) { s.Channel, s.Email = newsintel.ChannelEmail, "ana" }, newsintel.EINVALID, "e-mail address"},
		{"no period", func(_ *newsintel.Subscription, p *string) { *p = " " }, newsintel.EINVALID, "period"},
		{"other topic", func(s *newsintel.Subscription, _ *string) { s.TopicID = "t2" }, newsintel.EINVALID, "topic"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, period := good, "p1"
			c.edit(&s, &period)
			_, err := d.Deliver(t.Context(), f.topic, s, testDigest(f), period)
			if newsintel.ErrorCode(err) != c.code || !strings.Contains(newsintel.ErrorMessage(err), c.reason) {
				t.Errorf("got %v, want a %s error about %s", err, c.code, c.reason)
			}
		})
	}
	if _, total, err := d.Deliveries(t.Context(), f.topic.ID, 0, 10); err != nil || total != 0 {
		t.Errorf("ledger holds %d deliveries (%v), want none", total, err)
	}
}

// TestSMTPServerThatNeverAnswers: a server that accepts and stays silent
// costs one delivery its timeout, recorded as a failure to retry.
func TestSMTPServerThatNeverAnswers(t *testing.T) {
	f := newFixture(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = l.Close() })
	var held []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c) // never greets
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			_ = c.Close()
		}
	})
	_, pool := testCert(t)
	o := smtpOptions(t, l.Addr().String(), pool)
	o.Timeout = 300 * time.Millisecond
	d := f.deliverer(t, deliver.Options{SMTP: o})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
	require.NoError(t, err)
	if got.State != newsintel.DeliveryFailed || !strings.Contains(got.Attempts[0].Error, "deadline exceeded") {
		t.Errorf("state %s, attempts %+v; want failed on the deadline", got.State, got.Attempts)
	}
}

// TestDeliverAgainSendsTheRecordedDigest asks for a failed delivery
// again, once its retry is due, with a digest that has changed since (a
// late document): the retry must send the bytes of the first try, which
// the receiver may have half-processed under the same Idempotency-Key.
func TestDeliverAgainSendsTheRecordedDigest(t *testing.T) {
	f := newFixture(t)
	h := startHook(t, func(n int, w http.ResponseWriter) {
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	d := f.deliverer(t, deliver.Options{AllowPrivate: true, RetryBase: time.Minute, RetryMax: time.Hour})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
	first := testDigest(f)
	got, err := d.Deliver(t.Context(), f.topic, sub, first, "p1")
	require.NoError(t, err)
	require.Equal(t, newsintel.DeliveryFailed, got.State, "attempts: %+v", got.Attempts)
	f.clock.Advance(2 * time.Hour)
	later := testDigest(f)
	later.Documents[0].Title = "A late headline"
	got, err = d.Deliver(t.Context(), f.topic, sub, later, "p1")
	require.NoError(t, err)
	require.Equal(t, newsintel.DeliverySent, got.State, "attempts: %+v", got.Attempts)
	reqs := h.Requests()
	require.Len(t, reqs, 2)
	if !bytes.Equal(reqs[1].Body, reqs[0].Body) {
		t.Errorf("the retry posted\n%s\nwant the first try's body\n%s", reqs[1].Body, reqs[0].Body)
	}
}
