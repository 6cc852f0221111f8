// Package edgar follows companies on SEC EDGAR: their filings through the
// submissions JSON API (data.sec.gov/submissions/CIK##########.json, its
// recent filings and older pages), the filing index, the latest-filings
// Atom feed of a form type, and the primary documents, which it hands on as
// newsintel.Raw filings carrying their EDGAR fields.
//
// The SEC's fair-access policy is obeyed: every request goes through one
// rate limiter (at most 10 requests per second, configurable lower) and the
// guarded fetcher's declared User-Agent; a 403 or 429 backs off, logs why
// and, when it persists, returns an error that says why.
package edgar

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
	"golang.org/x/time/rate"
)

// The SEC's hosts; Options override them for tests and mirrors.
const (
	DefaultDataURL     = "https://data.sec.gov"
	DefaultArchivesURL = "https://www.sec.gov"
	// MaxRate is the SEC's ceiling on requests per second from one user.
	MaxRate = 10
)

// ErrRefused is wrapped by errors for requests the SEC kept refusing with
// 403 or 429 after backing off.
var ErrRefused = errors.New("edgar: SEC refused the request")

// Options configures a Client.
type Options struct {
	Fetch       *fetch.Client // the guarded fetcher; its User-Agent must name you and a contact e-mail
	DataURL     string        // default DefaultDataURL
	ArchivesURL string        // default DefaultArchivesURL
	Rate        float64       // requests per second across both hosts; default and maximum MaxRate
	Backoff     time.Duration // first pause after a 403 or 429; doubled each time; default 10s
	MaxRefusals int           // 403/429 answers to one request before giving up; default 3
	Log         *slog.Logger
}

// Client reads EDGAR. It is safe for concurrent use.
type Client struct {
	o       Options
	limiter *rate.Limiter
	log     *slog.Logger
}

// New returns a Client. It returns an error when o.Fetch is nil.
func New(o Options) (*Client, error) {
	if o.Fetch == nil {
		return nil, errors.New("edgar: no fetch client")
	}
	o.DataURL = strings.TrimRight(firstSet(o.DataURL, DefaultDataURL), "/")
	o.ArchivesURL = strings.TrimRight(firstSet(o.ArchivesURL, DefaultArchivesURL), "/")
	if o.Rate <= 0 || o.Rate > MaxRate {
		o.Rate = MaxRate
	}
	if o.Backoff <= 0 {
		o.Backoff = 10 * time.Second
	}
	if o.MaxRefusals <= 0 {
		o.MaxRefusals = 3
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "edgar")
	if ua := o.Fetch.Options().UserAgent; !strings.Contains(ua, "@") {
		log.Warn("the SEC asks for a User-Agent with a contact e-mail; set fetch.user_agent", "user_agent", ua)
	}
	return &Client{o: o, limiter: rate.NewLimiter(rate.Limit(o.Rate), 1), log: log}, nil
}

// get fetches u within the SEC's rate, backing off on 403 and 429.
func (c *Client) get(ctx context.Context, u string) (*fetch.Response, error) {
	wait := c.o.Backoff
	for refusals := 1; ; refusals++ {
		if err := c.limiter.Wait(ctx); err != nil {
			return nil, fmt.Errorf("edgar %s: %w", u, err)
		}
		resp, err := c.o.Fetch.Get(ctx, fetch.Request{URL: u})
		var se *fetch.StatusError
		if err == nil || !errors.As(err, &se) || (se.Code != http.StatusForbidden && se.Code != http.StatusTooManyRequests) {
			return resp, err
		}
		why := refusalReason(se.Code)
		if refusals >= c.o.MaxRefusals {
			return nil, fmt.Errorf("%w: %s answered HTTP %d %d times: %s", ErrRefused, u, se.Code, refusals, why)
		}
		if se.RetryAfter > wait {
			wait = se.RetryAfter
		}
		c.log.Warn("SEC refused a request; backing off", "url", u, "status", se.Code, "wait", wait, "why", why)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("edgar %s: %w", u, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func refusalReason(code int) string {
	if code == http.StatusForbidden {
		return "the SEC refuses requests without a declared User-Agent naming you and a contact e-mail (set fetch.user_agent), or from a host over its limits"
	}
	return "over the SEC's fair-access rate of 10 requests per second; lower the rate"
}

func firstSet(v, def string) string {
	if strings.TrimSpace(v) != "" {
		return v
	}
	return def
}
