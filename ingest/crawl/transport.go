package crawl

import (
	"bytes"
	"io"
	"net/http"
	"strconv"

	"github.com/newsintel/newsintel/ingest/fetch"
)

// fetchTransport is the http.RoundTripper colly fetches through: every
// request becomes a fetch.Client.Get, so colly's pages get the guarded
// dialler, the size limit applied after decoding, charset conversion to
// UTF-8, per-host politeness and retries. The response it hands back is
// already decoded: no Content-Encoding, the body in UTF-8.
type fetchTransport struct {
	client *fetch.Client
}

// RoundTrip implements http.RoundTripper. Refusals and non-2xx statuses
// come back as the fetch errors (*fetch.StatusError, fetch.ErrBlocked,
// fetch.ErrTooLarge, ...) so callers classify them with errors.Is/As.
func (t fetchTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		req.Body.Close()
	}
	resp, err := t.client.Get(req.Context(), fetch.Request{
		URL:    req.URL.String(),
		Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
	})
	if err != nil {
		return nil, err
	}
	header := resp.Header.Clone()
	header.Del("Content-Encoding")
	header.Del("Content-Length")
	header.Set("Content-Type", resp.ContentType) // no charset: the body is UTF-8 now
	final := req.Clone(req.Context())
	if u, err := req.URL.Parse(resp.FinalURL); err == nil {
		final.URL = u
		final.Host = u.Host
	}
	return &http.Response{
		Status:        strconv.Itoa(resp.Status) + " " + http.StatusText(resp.Status),
		StatusCode:    resp.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(resp.Body)),
		ContentLength: int64(len(resp.Body)),
		Uncompressed:  true, // colly must not gunzip again (it would for a .xml.gz path)
		Request:       final,
	}, nil
}
