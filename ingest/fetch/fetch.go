// Package fetch is the one HTTP client every source fetches with: guarded
// against requests to private networks (checked on the address actually
// dialled), bounded in time, size (after decompression) and redirects,
// polite per host, retrying transient failures with capped, jittered
// back-off, and converting text to UTF-8.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Errors callers classify with errors.Is.
var (
	ErrBlocked          = errors.New("fetch: address refused")
	ErrTooLarge         = errors.New("fetch: body over the size limit")
	ErrTooManyRedirects = errors.New("fetch: too many redirects")
	ErrRedirectLoop     = errors.New("fetch: redirect loop")
	ErrScheme           = errors.New("fetch: only http and https URLs are fetched")
)

// StatusError is returned for a response whose status is not 2xx or 304.
type StatusError struct {
	URL        string
	Code       int
	RetryAfter time.Duration // from a 429 or 503's Retry-After, 0 if none
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Transient reports whether err is worth retrying later: a timeout, a
// connection failure, or a 408/425/429/5xx status. A refused address, a body
// over the limit or a redirect problem is not.
func Transient(err error) bool {
	if err == nil || errors.Is(err, ErrBlocked) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrScheme) ||
		errors.Is(err, ErrTooManyRedirects) || errors.Is(err, ErrRedirectLoop) || errors.Is(err, context.Canceled) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code == 408 || se.Code == 425 || se.Code == 429 || se.Code >= 500
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "connection reset")
}

// Options configures a Client.
type Options struct {
	UserAgent          string
	AllowPrivate       bool          // lift the private-network guard (tests, intranet sources)
	Timeout            time.Duration // whole request including the body; default 30s
	ConnectTimeout     time.Duration // default 10s
	MaxBodySize        int64         // after decoding; default 16 MiB
	MaxRedirects       int           // default 10
	PerHostRate        float64       // requests per second per host; default 1
	PerHostConcurrency int           // default 2
	Concurrency        int           // across hosts; default 16
	Retries            int           // retries of transient failures; default 2
	MaxRetryWait       time.Duration // longest wait honoured from Retry-After; default 2m
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.MaxBodySize <= 0 {
		o.MaxBodySize = 16 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.PerHostRate <= 0 {
		o.PerHostRate = 1
	}
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = 2
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 16
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = 2 * time.Minute
	}
	if o.UserAgent == "" {
		o.UserAgent = "newsintel/0.1"
	}
}

// Client fetches URLs. It is safe for concurrent use.
type Client struct {
	opts  Options
	http  *http.Client
	hosts *hostLimits
}

// New returns a Client with o's settings (zero fields take defaults).
func New(o Options) *Client {
	o.defaults()
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = guardControl
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would dial on our behalf and bypass the guard
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: o.Timeout,
		DisableCompression:    true, // we decode ourselves, so the size limit applies after decoding
	}
	c := &Client{opts: o, hosts: newHostLimits(o.PerHostRate, o.PerHostConcurrency, o.Concurrency)}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

// HTTPClient returns the guarded client without politeness or decoding, for
// libraries that need an *http.Client (the crawler, webhooks).
func (c *Client) HTTPClient() *http.Client { return c.http }

// Options returns the client's settings after defaults.
func (c *Client) Options() Options { return c.opts }

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: redirect to %s", ErrScheme, req.URL.Redacted())
	}
	if len(via) >= c.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, c.opts.MaxRedirects)
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: %s", ErrRedirectLoop, req.URL.Redacted())
		}
	}
	return nil
}

// Request is what to fetch.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
	Accept       string
	Header       http.Header // extra headers
}

// Response is a fetched document.
type Response struct {
	URL         string // as requested
	FinalURL    string // after redirects
	Status      int
	Header      http.Header
	ContentType string // media type without parameters
	Charset     string // the charset the body was converted from, "" if not text
	Body        []byte // UTF-8 for text types; empty on 304
	Fetched     time.Time
	NotModified bool // 304: the caller's copy is current
}

// Get fetches req.URL, waiting for the host's turn, retrying transient
// failures. It returns a *StatusError for a non-2xx, non-304 status and
// wraps ErrBlocked, ErrTooLarge, ErrTooManyRedirects, ErrRedirectLoop or
// ErrScheme for the other refusals.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", req.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q", ErrScheme, req.URL)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %q: no host", req.URL)
	}
	var last error
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, u, req)
		if err == nil {
			return resp, nil
		}
		last = err
		if attempt >= c.opts.Retries || !Transient(err) {
			return nil, last
		}
		wait := backoff(attempt)
		var se *StatusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			if se.RetryAfter > c.opts.MaxRetryWait {
				return nil, last // the host asks for a longer pause than a retry should hold a worker
			}
			wait = se.RetryAfter
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("fetch %s: %w (after %v)", u.Redacted(), ctx.Err(), last)
		case <-time.After(wait):
		}
	}
}
