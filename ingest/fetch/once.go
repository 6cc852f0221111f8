package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// once makes one request, holding the host's politeness slot for its
// duration.
func (c *Client) once(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	release, err := c.hosts.acquire(ctx, u.Hostname())
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer release()

	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	for k, vs := range req.Header {
		hreq.Header[k] = vs
	}
	hreq.Header.Set("User-Agent", c.opts.UserAgent)
	hreq.Header.Set("Accept-Encoding", "gzip, deflate")
	if req.Accept != "" {
		hreq.Header.Set("Accept", req.Accept)
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := c.http.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL: u.String(), FinalURL: resp.Request.URL.String(), Status: resp.StatusCode,
		Header: resp.Header, Fetched: time.Now().UTC(),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		return nil, &StatusError{URL: u.Redacted(), Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	}
	body, err := c.readBody(resp)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	out.ContentType, out.Body, out.Charset = toUTF8(resp.Header.Get("Content-Type"), body)
	return out, nil
}

// readBody reads the decoded body, refusing more than MaxBodySize bytes
// after decoding so that a compression bomb stops at the limit.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	limit := c.opts.MaxBodySize
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d > %d", ErrTooLarge, resp.ContentLength, limit)
	}
	var r io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// "deflate" is meant to be zlib-wrapped, but servers send raw
		// deflate too: peek at the header to tell.
		br := newPeekReader(resp.Body)
		if br.zlibHeader() {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("deflate body: %w", err)
			}
			defer zr.Close()
			r = zr
		} else {
			r = flate.NewReader(br)
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

// backoff returns the wait before retry attempt+1: 500ms doubling, capped
// at 30s, with full jitter over its upper half.
func backoff(attempt int) time.Duration {
	d := 500 * time.Millisecond << min(attempt, 6)
	d = min(d, 30*time.Second)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// parseMediaType returns the lower-cased media type and its charset parameter.
func parseMediaType(contentType string) (string, string) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		return strings.TrimSpace(mt), ""
	}
	return mt, params["charset"]
}
