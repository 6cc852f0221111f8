package fedreg

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// Follow reads a configured Federal Register source once: documentsURL is
// a documents API URL with its conditions (…/api/v1/documents.json?
// conditions[agencies][]=commerce-department&order=newest). It returns the
// documents of its first page that seen does not know, with their full
// text, as raw notices from source. A document whose text fails to fetch
// is skipped and its error returned in errs; err is for the source itself.
func (c *Client) Follow(ctx context.Context, documentsURL, source string, seen func(id string) bool) (raws []newsintel.Raw, errs []error, err error) {
	p, err := c.page(ctx, documentsURL)
	if err != nil {
		return nil, nil, err
	}
	for i := range p.Results {
		d := &p.Results[i]
		if d.DocumentNumber == "" || (seen != nil && seen(newsintel.NoticeID(d.DocumentNumber))) {
			continue
		}
		if err := c.Text(ctx, d); err != nil && !errors.Is(err, ErrNoText) {
			if ctx.Err() != nil {
				return raws, errs, ctx.Err()
			}
			errs = append(errs, err)
			continue
		}
		raws = append(raws, d.ToRaw(source, time.Now().UTC()))
	}
	return raws, errs, nil
}

// IsSourceURL reports whether u is a documents API URL Follow reads
// (…/api/v1/documents.json?conditions…).
func IsSourceURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && strings.HasSuffix(p.Path, "/documents.json")
}
