package fedreg

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
	"golang.org/x/net/html"
)

// DefaultBaseURL is the Federal Register API.
const DefaultBaseURL = "https://www.federalregister.gov/api/v1"

// maxPerPage is the API's largest page.
const maxPerPage = 1000

// Fields are the fields[] asked of the documents API: every field of
// Document that the API serves.
var Fields = []string{
	"document_number", "type", "title", "abstract", "action", "agencies", "publication_date", "effective_on",
	"comments_close_on", "docket_ids", "cfr_references", "regulation_id_numbers", "significant", "html_url",
	"pdf_url", "raw_text_url", "body_html_url", "full_text_xml_url",
}

// typeCodes maps document type names to the API's condition values.
var typeCodes = map[string]string{
	"rule": "RULE", "proposed rule": "PRORULE", "notice": "NOTICE", "presidential document": "PRESDOCU",
}

// Query selects documents of the documents API.
type Query struct {
	Agencies []string  // agency slugs: "commerce-department", "industry-and-security-bureau"
	Types    []string  // Rule, Proposed Rule, Notice, Presidential Document (or RULE, PRORULE, NOTICE, PRESDOCU)
	Term     string    // full-text search terms
	Since    time.Time // published on or after; zero means no bound
	Until    time.Time // published on or before; zero means no bound
	PerPage  int       // default 100, at most 1000
}

// Page is one page of the documents API's answer.
type Page struct {
	Count       int        `json:"count"`
	Description string     `json:"description"`
	TotalPages  int        `json:"total_pages"`
	NextPageURL string     `json:"next_page_url"`
	Results     []Document `json:"results"`
}

// Client reads the Federal Register API through the guarded fetcher. It is
// safe for concurrent use.
type Client struct {
	Fetch   *fetch.Client
	BaseURL string // default DefaultBaseURL
}

// SearchURL returns the documents API URL of page (from 1) of q's answer,
// oldest first.
func (c *Client) SearchURL(q Query, page int) (string, error) {
	v := url.Values{}
	for _, a := range q.Agencies {
		v.Add("conditions[agencies][]", strings.TrimSpace(a))
	}
	for _, t := range q.Types {
		code, ok := typeCodes[strings.ToLower(strings.TrimSpace(t))]
		if !ok && !isCode(t) {
			return "", fmt.Errorf("fedreg: document type %q: use Rule, Proposed Rule, Notice or Presidential Document", t)
		}
		v.Add("conditions[type][]", firstSet(code, strings.ToUpper(strings.TrimSpace(t))))
	}
	if q.Term != "" {
		v.Set("conditions[term]", q.Term)
	}
	if !q.Since.IsZero() {
		v.Set("conditions[publication_date][gte]", q.Since.Format("2006-01-02"))
	}
	if !q.Until.IsZero() {
		v.Set("conditions[publication_date][lte]", q.Until.Format("2006-01-02"))
	}
	for _, f := range Fields {
		v.Add("fields[]", f)
	}
	v.Set("order", "oldest")
	v.Set("per_page", strconv.Itoa(perPage(q.PerPage)))
	v.Set("page", strconv.Itoa(max(page, 1)))
	return c.base() + "/documents.json?" + v.Encode(), nil
}

func isCode(t string) bool {
	for _, c := range typeCodes {
		if strings.EqualFold(c, strings.TrimSpace(t)) {
			return true
		}
	}
	return false
}

func perPage(n int) int {
	if n <= 0 {
		return 100
	}
	return min(n, maxPerPage)
}

// Search fetches one page (from 1) of q's answer.
func (c *Client) Search(ctx context.Context, q Query, page int) (*Page, error) {
	u, err := c.SearchURL(q, page)
	if err != nil {
		return nil, err
	}
	return c.page(ctx, u)
}

func (c *Client) page(ctx context.Context, u string) (*Page, error) {
	resp, err := c.Fetch.Get(ctx, fetch.Request{URL: u, Accept: "application/json"})
	if err != nil {
		return nil, fmt.Errorf("fedreg search: %w", err)
	}
	var p Page
	if err := json.Unmarshal(resp.Body, &p); err != nil {
		return nil, fmt.Errorf("fedreg search %s: %w", u, err)
	}
	return &p, nil
}

// ResultCap is the most results the API returns for one query; its count
// stops there too, so a query that reaches it may have lost documents.
const ResultCap = 10000

// firstDay is the first publication date the API holds.
var firstDay = time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC)

// Each calls fn with every document q selects, oldest first, page after
// page. Because the API answers no query with more than ResultCap
// documents, the date range (from 1994 when q.Since is zero, to today when
// q.Until is zero) is read a quarter at a time, and a quarter that reaches
// the cap is halved until it does not; a single day over the cap is an
// error. total is the count of the current slice. Each stops at fn's first
// error and returns it; a document is passed once even when slices overlap.
func (c *Client) Each(ctx context.Context, q Query, fn func(d *Document, total int) error) error {
	since, until := q.Since, q.Until
	if since.IsZero() {
		since = firstDay
	}
	if until.IsZero() {
		until = time.Now().UTC().Truncate(24 * time.Hour)
	}
	seen := map[string]bool{}
	for from := since; !from.After(until); {
		to := from.AddDate(0, 3, -1)
		if to.After(until) {
			to = until
		}
		if err := c.eachSlice(ctx, q, from, to, seen, fn); err != nil {
			return err
		}
		from = to.AddDate(0, 0, 1)
	}
	return nil
}

// eachSlice reads the documents published from from to to, halving the
// slice while its first page reports the cap.
func (c *Client) eachSlice(ctx context.Context, q Query, from, to time.Time, seen map[string]bool, fn func(*Document, int) error) error {
	q.Since, q.Until = from, to
	u, err := c.SearchURL(q, 1)
	if err != nil {
		return err
	}
	p, err := c.page(ctx, u)
	if err != nil {
		return err
	}
	if p.Count >= ResultCap {
		if !to.After(from) {
			return fmt.Errorf("fedreg: %d or more documents on %s alone; narrow the query with agencies, types or terms", ResultCap, from.Format("2006-01-02"))
		}
		mid := from.AddDate(0, 0, int(to.Sub(from).Hours()/24)/2)
		if err := c.eachSlice(ctx, q, from, mid, seen, fn); err != nil {
			return err
		}
		return c.eachSlice(ctx, q, mid.AddDate(0, 0, 1), to, seen, fn)
	}
	for {
		for i := range p.Results {
			d := &p.Results[i]
			if seen[d.DocumentNumber] {
				continue
			}
			seen[d.DocumentNumber] = true
			if err := fn(d, p.Count); err != nil {
				return err
			}
		}
		if len(p.Results) == 0 || p.NextPageURL == "" {
			return nil
		}
		if p, err = c.page(ctx, p.NextPageURL); err != nil {
			return err
		}
	}
}

// ErrNoText is returned by Text when a document has neither a raw text
// nor a body HTML URL.
var ErrNoText = errors.New("fedreg: document has no raw text or body HTML URL")

// Text fetches the full text of d into d.RawText: the raw text when the
// API gives its URL, else the text of the body HTML.
func (c *Client) Text(ctx context.Context, d *Document) error {
	switch {
	case d.RawTextURL != "":
		resp, err := c.Fetch.Get(ctx, fetch.Request{URL: d.RawTextURL, Accept: "text/plain,text/html;q=0.8"})
		if err != nil {
			return fmt.Errorf("fedreg %s raw text: %w", d.DocumentNumber, err)
		}
		d.RawText = rawText(resp.Body, resp.ContentType)
	case d.BodyHTMLURL != "":
		resp, err := c.Fetch.Get(ctx, fetch.Request{URL: d.BodyHTMLURL, Accept: "text/html"})
		if err != nil {
			return fmt.Errorf("fedreg %s body HTML: %w", d.DocumentNumber, err)
		}
		d.RawText = htmlText(resp.Body)
	default:
		return fmt.Errorf("%w: %s", ErrNoText, d.DocumentNumber)
	}
	return nil
}

// rawText returns the text of a raw-text answer; the site wraps it in a
// <pre> of an HTML page for some documents.
func rawText(body []byte, contentType string) string {
	if strings.Contains(contentType, "html") {
		return htmlText(body)
	}
	return strings.TrimSpace(string(body))
}

// htmlText returns the text of an HTML fragment with block elements on
// lines of their own.
func htmlText(b []byte) string {
	z := html.NewTokenizer(strings.NewReader(string(b)))
	var sb strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(sb.String())
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head":
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre":
				sb.WriteString("\n\n")
			}
		}
	}
}

func (c *Client) base() string { return strings.TrimRight(firstSet(c.BaseURL, DefaultBaseURL), "/") }

func firstSet(v, def string) string {
	if v != "" {
		return v
	}
	return def
}
