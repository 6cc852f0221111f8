package edgar

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Submissions is the submissions JSON of one company (the fields newsintel
// uses): its names and the filings in parallel arrays.
type Submissions struct {
	CIK           string   `json:"cik"`
	Name          string   `json:"name"`
	Tickers       []string `json:"tickers"`
	Exchanges     []string `json:"exchanges"`
	FiscalYearEnd string   `json:"fiscalYearEnd"`
	Filings       struct {
		Recent FilingArrays `json:"recent"`
		Files  []FilesPage  `json:"files"`
	} `json:"filings"`
}

// FilingArrays is EDGAR's column layout of filings: the i-th element of
// each slice describes the i-th filing. Older pages have this shape at
// their top level.
type FilingArrays struct {
	AccessionNumber       []string `json:"accessionNumber"`
	FilingDate            []string `json:"filingDate"`
	ReportDate            []string `json:"reportDate"`
	AcceptanceDateTime    []string `json:"acceptanceDateTime"`
	Form                  []string `json:"form"`
	PrimaryDocument       []string `json:"primaryDocument"`
	PrimaryDocDescription []string `json:"primaryDocDescription"`
}

// FilesPage names a page of older filings.
type FilesPage struct {
	Name        string `json:"name"`
	FilingCount int    `json:"filingCount"`
	FilingFrom  string `json:"filingFrom"`
	FilingTo    string `json:"filingTo"`
}

// Company is who filed.
type Company struct {
	CIK     string // without leading zeros
	Name    string
	Tickers []string
}

// Filing is one filing of a company as the submissions API lists it.
type Filing struct {
	Company         Company
	Accession       string // dashed: 0001577552-21-000045
	Form            string
	FilingDate      string // YYYY-MM-DD
	ReportDate      string // period of report, YYYY-MM-DD or ""
	PrimaryDocument string // file name in the filing's folder; "" when EDGAR names none
	Description     string
}

// Query selects filings.
type Query struct {
	Forms []string  // form types ("10-K", "20-F"); empty means all; amendments ("20-F/A") match their form
	Since time.Time // filed on or after; zero means no bound
	Until time.Time // filed on or before; zero means no bound
}

// match reports whether a filing of form filed on date is selected.
func (q Query) match(form, date string) bool {
	if len(q.Forms) > 0 && !slices.ContainsFunc(q.Forms, func(f string) bool {
		return strings.EqualFold(f, form) || strings.EqualFold(f+"/A", form)
	}) {
		return false
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return false
	}
	return (q.Since.IsZero() || !d.Before(q.Since)) && (q.Until.IsZero() || !d.After(q.Until))
}

// PadCIK returns the 10-digit zero-padded CIK the submissions API names
// files by. It returns an error for a CIK that is not a number.
func PadCIK(cik string) (string, error) {
	n, err := strconv.ParseUint(strings.TrimSpace(cik), 10, 64)
	if err != nil || n == 0 || n > 9999999999 {
		return "", fmt.Errorf("edgar: CIK %q is not a number of up to 10 digits", cik)
	}
	return fmt.Sprintf("%010d", n), nil
}

// Filings lists the filings of the company cik that q selects, oldest
// first, reading the older pages of the submissions API only when q
// reaches back into them.
func (c *Client) Filings(ctx context.Context, cik string, q Query) ([]Filing, error) {
	padded, err := PadCIK(cik)
	if err != nil {
		return nil, err
	}
	var sub Submissions
	if err := c.getJSON(ctx, c.o.DataURL+"/submissions/CIK"+padded+".json", &sub); err != nil {
		return nil, err
	}
	co := Company{CIK: strings.TrimLeft(padded, "0"), Name: sub.Name, Tickers: sub.Tickers}
	out := sub.Filings.Recent.pick(co, q)
	for _, page := range sub.Filings.Files {
		if !q.Since.IsZero() && page.FilingTo != "" && page.FilingTo < q.Since.Format("2006-01-02") {
			continue // the whole page is older than asked for
		}
		var older FilingArrays
		if err := c.getJSON(ctx, c.o.DataURL+"/submissions/"+page.Name, &older); err != nil {
			return nil, err
		}
		out = append(out, older.pick(co, q)...)
	}
	slices.SortStableFunc(out, func(a, b Filing) int { return strings.Compare(a.FilingDate, b.FilingDate) })
	return slices.CompactFunc(out, func(a, b Filing) bool { return a.Accession == b.Accession }), nil
}

// pick returns the filings of the arrays that q selects.
func (fa FilingArrays) pick(co Company, q Query) []Filing {
	var out []Filing
	for i, acc := range fa.AccessionNumber {
		f := Filing{Company: co, Accession: acc, Form: at(fa.Form, i), FilingDate: at(fa.FilingDate, i),
			ReportDate: at(fa.ReportDate, i), PrimaryDocument: at(fa.PrimaryDocument, i), Description: at(fa.PrimaryDocDescription, i)}
		if q.match(f.Form, f.FilingDate) {
			out = append(out, f)
		}
	}
	return out
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func (c *Client) getJSON(ctx context.Context, u string, v any) error {
	resp, err := c.get(ctx, u)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(resp.Body, v); err != nil {
		return fmt.Errorf("edgar %s: %w", u, err)
	}
	return nil
}

// tickerEntry is one row of the SEC's company_tickers.json.
type tickerEntry struct {
	CIK    int64  `json:"cik_str"`
	Ticker string `json:"ticker"`
	Title  string `json:"title"`
}

// CIKForTicker looks a ticker up in the SEC's company_tickers.json. It
// returns an error when the ticker is not listed.
func (c *Client) CIKForTicker(ctx context.Context, ticker string) (string, error) {
	var rows map[string]tickerEntry
	if err := c.getJSON(ctx, c.o.ArchivesURL+"/files/company_tickers.json", &rows); err != nil {
		return "", err
	}
	for _, r := range rows {
		if strings.EqualFold(r.Ticker, strings.TrimSpace(ticker)) {
			return strconv.FormatInt(r.CIK, 10), nil
		}
	}
	return "", fmt.Errorf("edgar: ticker %q is not in the SEC's company tickers list", ticker)
}
