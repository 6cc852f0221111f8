package deliver

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
)

// Webhook headers.
const (
	// HeaderSignature carries "t=<unix seconds>,v1=<hex HMAC-SHA256>": the
	// HMAC, keyed with the subscription's secret, of the decimal timestamp,
	// a full stop and the raw body. Verify checks it.
	HeaderSignature = "X-Newsintel-Signature"
	// HeaderIdempotencyKey is the delivery ID, the same on every retry of
	// one delivery: a receiver that has seen it may drop the repeat.
	HeaderIdempotencyKey = "Idempotency-Key"
	// HeaderDelivery and HeaderEvent repeat the payload's delivery_id and
	// type for receivers that route on headers.
	HeaderDelivery = "X-Newsintel-Delivery"
	HeaderEvent    = "X-Newsintel-Event"
)

// Payload types.
const (
	TypeDigest = "digest" // a period's digest
	TypeAlert  = "alert"  // one newly indexed document (period "alert:<document id>")
)

// Payload is the JSON body of a webhook POST. It is stable: fields may be
// added, none is removed or changes meaning. Its bytes are the same on
// every retry of a delivery (only the signature's timestamp changes).
type Payload struct {
	Type       string            `json:"type"`        // TypeDigest or TypeAlert
	DeliveryID string            `json:"delivery_id"` // also in the Idempotency-Key header
	Topic      PayloadTopic      `json:"topic"`
	Period     string            `json:"period"` // "<since RFC 3339>/<until RFC 3339>" or "alert:<document id>"
	Digest     *newsintel.Digest `json:"digest"` // documents, claims, filings, notices and spikes
}

// PayloadTopic names the topic a payload is for.
type PayloadTopic struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// payloadType returns the type of a delivery's period.
func payloadType(period string) string {
	if strings.HasPrefix(period, "alert:") {
		return TypeAlert
	}
	return TypeDigest
}

// webhookBody returns the JSON body of a delivery.
func webhookBody(e Entry, p payload) ([]byte, error) {
	return json.Marshal(Payload{
		Type: payloadType(e.Period), DeliveryID: e.ID, Period: e.Period,
		Topic: PayloadTopic{ID: p.Topic.ID, Name: p.Topic.Name}, Digest: p.Digest,
	})
}

// Sign returns the HeaderSignature value of body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte(ts))
	h.Write([]byte{'.'})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// Errors of Verify.
var (
	ErrSignature = errors.New("webhook signature does not match")
	ErrStale     = errors.New("webhook signature timestamp outside the tolerance")
)

// Verify checks a HeaderSignature value against the raw body a receiver
// got: the HMAC must match (compared in constant time) and its timestamp
// lie within tolerance of now, which stops replays of an old request. A
// receiver should also drop a HeaderIdempotencyKey it has seen. Verify
// returns ErrSignature for a malformed header or a wrong HMAC and ErrStale
// for an old or future timestamp (both wrapped).
//
//	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
//	err := deliver.Verify(secret, r.Header.Get(deliver.HeaderSignature), body, time.Now(), 5*time.Minute)
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts string
	var sigs []string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return fmt.Errorf("%w: header %q is not t=<unix seconds>,v1=<hex>", ErrSignature, header)
	}
	want := []byte(mac(secret, ts, body))
	ok := false
	for _, s := range sigs {
		ok = hmac.Equal([]byte(s), want) || ok
	}
	if !ok {
		return ErrSignature
	}
	if age := now.Sub(time.Unix(sec, 0)); age > tolerance || age < -tolerance {
		return fmt.Errorf("%w: signed %v ago", ErrStale, age.Round(time.Second))
	}
	return nil
}

// sendWebhook posts a delivery's payload to the subscription's URL.
func (d *Deliverer) sendWebhook(ctx context.Context, e Entry, s newsintel.Subscription, p payload) outcome {
	body, err := webhookBody(e, p)
	if err != nil {
		return outcome{err: fmt.Errorf("webhook payload: %w", err), permanent: true}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL, bytes.NewReader(body))
	if err != nil {
		return outcome{err: fmt.Errorf("webhook %s: %w", redactURL(s.URL), err), permanent: true}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", d.opts.UserAgent)
	req.Header.Set(HeaderSignature, Sign(s.Secret, d.opts.Now(), body))
	req.Header.Set(HeaderIdempotencyKey, e.ID)
	req.Header.Set(HeaderDelivery, e.ID)
	req.Header.Set(HeaderEvent, payloadType(e.Period))
	resp, err := d.http.Do(req)
	if err != nil {
		return webhookError(s.URL, err)
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20)) // lets the connection be reused
	return webhookStatus(resp, strings.TrimSpace(string(snippet)))
}

// webhookError classifies a failed POST: a refused address is for the
// operator to allow, so it is not retried; timeouts and connection
// failures are.
func webhookError(rawURL string, err error) outcome {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the URL is named once, redacted
	}
	if errors.Is(err, fetch.ErrBlocked) {
		return outcome{err: fmt.Errorf("webhook %s: the address is loopback, private or reserved, and digest.webhook.allow_private is false: %w",
			redactURL(rawURL), err), permanent: true}
	}
	return outcome{err: fmt.Errorf("webhook %s: %w", redactURL(rawURL), err)}
}

// webhookStatus classifies a response: 2xx is delivered; 408, 429 and 5xx
// are retried (honouring Retry-After); any other status is not.
func webhookStatus(resp *http.Response, snippet string) outcome {
	code := resp.StatusCode
	if code >= 200 && code < 300 {
		return outcome{status: code}
	}
	err := fmt.Errorf("webhook answered HTTP %d %s", code, http.StatusText(code))
	if snippet != "" {
		err = fmt.Errorf("%w: %s", err, oneLine(snippet, 200))
	}
	switch {
	case code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500:
		return outcome{status: code, err: err, retryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	case code >= 300 && code < 400:
		err = fmt.Errorf("%w (to %s): redirects are not followed; update the subscription's URL", err, redactURL(resp.Header.Get("Location")))
	}
	return outcome{status: code, err: err, permanent: true}
}

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

// redactURL shows where a URL points, its scheme and host, and hides the
// rest: webhook URLs carry their tokens in the user info, the query or the
// path itself (https://hooks.slack.com/services/T…/B…/<token>), and what
// this returns goes to logs and to the ledger.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	out := u.Host
	if u.Scheme != "" {
		out = u.Scheme + "://" + out
	}
	if (u.Path != "" && u.Path != "/") || u.Opaque != "" || u.RawQuery != "" {
		out += "/…"
	}
	return out
}

// oneLine collapses whitespace and cuts s to n bytes at a rune boundary.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
