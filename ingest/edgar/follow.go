package edgar

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// FollowDays is how far back Follow reads a company's filings when its
// source URL gives no since= date: following is for what is new; history
// is for backfill.
const FollowDays = 90

// submissionsPathRe matches the path of a submissions JSON URL.
var submissionsPathRe = regexp.MustCompile(`/submissions/CIK(\d{10})\.json$`)

// Follow reads a configured EDGAR source once and returns the filings it
// lists that seen does not know, fetched, as raw filings from source. The
// source URL is either the latest-filings Atom feed of a form type
// (…/cgi-bin/browse-edgar?action=getcurrent&type=20-F&output=atom) or a
// company's submissions JSON (…/submissions/CIK0001577552.json), whose
// recent filings are filtered by the URL's "forms" query parameter when it
// has one ("?forms=10-K,20-F") and taken from its "since" date
// ("&since=2021-01-01"), else from FollowDays ago. A filing that fails to fetch is skipped and
// its error returned in errs; err is for the source itself.
func (c *Client) Follow(ctx context.Context, sourceURL, source string, seen func(id string) bool) (raws []newsintel.Raw, errs []error, err error) {
	filings, err := c.listed(ctx, sourceURL)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range filings {
		if seen != nil && seen(newsintel.FilingID(f.Accession)) {
			continue
		}
		raw, err := c.Fetch(ctx, f, source)
		if err != nil {
			if ctx.Err() != nil {
				return raws, errs, ctx.Err()
			}
			errs = append(errs, err)
			continue
		}
		raws = append(raws, raw)
	}
	return raws, errs, nil
}

// listed returns the filings a source URL lists.
func (c *Client) listed(ctx context.Context, sourceURL string) ([]Filing, error) {
	u, err := url.Parse(sourceURL)
	if err != nil {
		return nil, fmt.Errorf("edgar source %q: %w", sourceURL, err)
	}
	if m := submissionsPathRe.FindStringSubmatch(u.Path); m != nil {
		q := Query{Since: time.Now().UTC().AddDate(0, 0, -FollowDays)}
		if f := u.Query().Get("forms"); f != "" {
			q.Forms = strings.Split(f, ",")
		}
		if s := u.Query().Get("since"); s != "" {
			if q.Since, err = time.Parse("2006-01-02", s); err != nil {
				return nil, fmt.Errorf("edgar source %q: since=%q: use YYYY-MM-DD", sourceURL, s)
			}
		}
		return c.Filings(ctx, m[1], q)
	}
	if strings.HasSuffix(u.Path, "/cgi-bin/browse-edgar") {
		resp, err := c.get(ctx, sourceURL)
		if err != nil {
			return nil, err
		}
		return parseLatest(resp.Body)
	}
	return nil, fmt.Errorf("edgar source %q: not a latest-filings Atom feed (cgi-bin/browse-edgar) or a submissions JSON URL", sourceURL)
}

// IsSourceURL reports whether u is an EDGAR source Follow reads: a
// latest-filings Atom feed or a submissions JSON URL.
func IsSourceURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (submissionsPathRe.MatchString(p.Path) || strings.HasSuffix(p.Path, "/cgi-bin/browse-edgar") && p.Query().Get("action") == "getcurrent")
}
