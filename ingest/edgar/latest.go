package edgar

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
)

// atomFeed is the latest-filings Atom feed of browse-edgar.
type atomFeed struct {
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

var (
	// "20-F - Alibaba Group Holding Ltd (0001577552) (Filer)"
	latestTitleRe = regexp.MustCompile(`^(.+?) - (.+) \((\d{1,10})\) \(([^)]*)\)$`)
	accessionRe   = regexp.MustCompile(`\d{10}-\d{2}-\d{6}`)
	filedRe       = regexp.MustCompile(`Filed:\s*(?:</b>)?\s*(\d{4}-\d{2}-\d{2})`)
)

// LatestURL returns the URL of the latest-filings Atom feed for a form type.
func (c *Client) LatestURL(form string, count int) string {
	v := url.Values{"action": {"getcurrent"}, "type": {form}, "owner": {"include"}, "output": {"atom"}}
	if count > 0 {
		v.Set("count", fmt.Sprint(count))
	}
	return c.o.ArchivesURL + "/cgi-bin/browse-edgar?" + v.Encode()
}

// Latest reads the latest filings of a form type from EDGAR's Atom feed.
// The feed does not name primary documents: Fetch finds them in the
// filing's index. Entries of reporting owners and other non-filer roles are
// left out, so each filing appears once.
func (c *Client) Latest(ctx context.Context, form string) ([]Filing, error) {
	resp, err := c.get(ctx, c.LatestURL(form, 100))
	if err != nil {
		return nil, err
	}
	return parseLatest(resp.Body)
}

func parseLatest(data []byte) ([]Filing, error) {
	var feed atomFeed
	dec := xml.NewDecoder(bytes.NewReader(data))
	// The fetcher has already decoded the body to UTF-8, whatever the prolog declares.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&feed); err != nil {
		return nil, fmt.Errorf("edgar latest filings: %w", err)
	}
	var out []Filing
	for _, e := range feed.Entries {
		m := latestTitleRe.FindStringSubmatch(strings.TrimSpace(e.Title))
		acc := accessionRe.FindString(e.ID)
		if m == nil || acc == "" || !strings.EqualFold(m[4], "Filer") {
			continue
		}
		f := Filing{Company: Company{CIK: strings.TrimLeft(m[3], "0"), Name: m[2]}, Accession: acc, Form: m[1]}
		if d := filedRe.FindStringSubmatch(e.Summary); d != nil {
			f.FilingDate = d[1]
		} else if len(e.Updated) >= 10 {
			f.FilingDate = e.Updated[:10]
		}
		out = append(out, f)
	}
	return out, nil
}
