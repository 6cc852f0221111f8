package edgar

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
)

// folder returns the URL of a filing's folder in the archives.
func (c *Client) folder(f Filing) string {
	return c.o.ArchivesURL + "/Archives/edgar/data/" + f.Company.CIK + "/" + strings.ReplaceAll(f.Accession, "-", "") + "/"
}

// IndexURL returns the URL of the filing's index page.
func (c *Client) IndexURL(f Filing) string { return c.folder(f) + f.Accession + "-index.htm" }

// PrimaryURL returns the URL of the filing's primary document, or of the
// full-submission .txt when EDGAR names no primary document.
func (c *Client) PrimaryURL(f Filing) string {
	if f.PrimaryDocument == "" {
		return c.folder(f) + f.Accession + ".txt"
	}
	return c.folder(f) + f.PrimaryDocument
}

// folderIndex is the JSON listing of a filing's folder (index.json).
type folderIndex struct {
	Directory struct {
		Item []struct {
			Name string `json:"name"`
			Type string `json:"type"`
			Size string `json:"size"`
		} `json:"item"`
	} `json:"directory"`
}

var (
	// exhibitRe matches exhibit file names: "ex21.htm", "d96698dex991.htm", "a2238840zex-8_1.htm".
	exhibitRe = regexp.MustCompile(`ex[-_]?\d`)
	// viewerPageRe matches the XBRL viewer's pages: "R1.htm", "R12.htm".
	viewerPageRe = regexp.MustCompile(`^r\d+\.html?$`)
)

// primaryFromIndex finds the primary document of a filing that the
// submissions API did not name: the largest HTML document of its folder
// that is not an index, an exhibit or an XBRL viewer page.
func (c *Client) primaryFromIndex(ctx context.Context, f Filing) string {
	var idx folderIndex
	if err := c.getJSON(ctx, c.folder(f)+"index.json", &idx); err != nil {
		c.log.Debug("filing index not read", "accession", f.Accession, "error", err)
		return ""
	}
	best, bestSize := "", -1
	for _, it := range idx.Directory.Item {
		name := strings.ToLower(it.Name)
		ext := path.Ext(name)
		if (ext != ".htm" && ext != ".html") || strings.Contains(name, "index") || viewerPageRe.MatchString(name) || exhibitRe.MatchString(name) {
			continue
		}
		var size int
		fmt.Sscan(it.Size, &size)
		if size > bestSize {
			best, bestSize = it.Name, size
		}
	}
	return best
}

// Fetch fetches f's primary document (the full-submission .txt when there
// is none, or when the primary document is gone) and returns it as a raw
// filing from source, with its EDGAR fields.
func (c *Client) Fetch(ctx context.Context, f Filing, source string) (newsintel.Raw, error) {
	if f.PrimaryDocument == "" {
		f.PrimaryDocument = c.primaryFromIndex(ctx, f)
	}
	u := c.PrimaryURL(f)
	resp, err := c.get(ctx, u)
	var se *fetch.StatusError
	if err != nil && f.PrimaryDocument != "" && errors.As(err, &se) && se.Code == 404 {
		f.PrimaryDocument = ""
		u = c.PrimaryURL(f)
		resp, err = c.get(ctx, u)
	}
	if err != nil {
		return newsintel.Raw{}, fmt.Errorf("edgar %s %s: %w", f.Form, f.Accession, err)
	}
	if f.PrimaryDocument == "" {
		resp.Body = trimSubmission(resp.Body, f.Form)
	}
	return c.raw(f, u, resp, source), nil
}

func (c *Client) raw(f Filing, u string, resp *fetch.Response, source string) newsintel.Raw {
	fl := c.Fields(f)
	fl.PrimaryURL = u
	title := strings.TrimSpace(f.Form + " " + f.Company.Name)
	if f.ReportDate != "" {
		title += " for the period ending " + f.ReportDate
	}
	return newsintel.Raw{
		ID: newsintel.FilingID(f.Accession), Kind: newsintel.KindFiling, Source: source, URL: u, FinalURL: resp.FinalURL,
		Status: resp.Status, Header: resp.Header, ContentType: resp.ContentType, Fetched: resp.Fetched, Body: resp.Body,
		Filing: fl, Publisher: f.Company.Name,
		Item: &newsintel.FeedItem{Title: title, Link: c.IndexURL(f), Published: fl.Filed},
	}
}

// Fields returns the newsintel filing fields of f.
func (c *Client) Fields(f Filing) *newsintel.Filing {
	filed, _ := time.Parse("2006-01-02", f.FilingDate)
	return &newsintel.Filing{
		Form: f.Form, CIK: f.Company.CIK, Company: f.Company.Name, Tickers: f.Company.Tickers, Accession: f.Accession,
		Filed: filed, PeriodOfReport: f.ReportDate, FiscalYear: fiscalYear(f.ReportDate),
		IndexURL: c.IndexURL(f), PrimaryURL: c.PrimaryURL(f),
	}
}

// fiscalYear is the year of the period of report ("2021-03-31" → 2021).
func fiscalYear(period string) int {
	if t, err := time.Parse("2006-01-02", period); err == nil {
		return t.Year()
	}
	return 0
}

// trimSubmission keeps of a full-submission .txt its header and the
// document of the filing's form (the first document when none has that
// type): exhibits, XBRL files and uuencoded graphics can make the whole
// file a hundred megabytes.
func trimSubmission(body []byte, form string) []byte {
	docs := bytes.Split(body, []byte("<DOCUMENT>"))
	if len(docs) < 3 {
		return body
	}
	keep := docs[1]
	for _, d := range docs[1:] {
		typ, _, _ := bytes.Cut(bytes.TrimPrefix(bytes.TrimLeft(d, "\r\n"), []byte("<TYPE>")), []byte("\n"))
		if strings.EqualFold(strings.TrimSpace(string(typ)), form) {
			keep = d
			break
		}
	}
	if end := bytes.Index(keep, []byte("</DOCUMENT>")); end >= 0 {
		keep = keep[:end+len("</DOCUMENT>")]
	}
	out := append(append(append([]byte{}, docs[0]...), "<DOCUMENT>"...), keep...)
	return append(out, "\n</SEC-DOCUMENT>\n"...)
}
