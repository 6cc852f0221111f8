// Package filing reads SEC EDGAR filings: the primary document of a filing
// (HTML with inline XBRL, or the full-submission .txt that bundles every
// document of a filing behind an SGML header) becomes clean text, free of
// hidden XBRL facts, page numbers and tables of contents, split into the
// Items of the form (10-K, 20-F, 10-Q, 8-K, 40-F, ...) as newsintel.Sections
// with their titles and byte offsets.
//
// Everything here is pure and safe for concurrent use.
package filing

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// ErrEmpty is returned when a filing holds no text at all.
var ErrEmpty = errors.New("filing: no text found")

// WarnNoItems is the warning recorded when no Item headings were found: the
// filing is kept whole as one body.
const WarnNoItems = "filing: no Item headings recognised; indexed whole"

// Result is a read filing.
type Result struct {
	Title    string              // the form and company, when known ("20-F Alibaba Group Holding Ltd")
	Body     string              // clean text, paragraphs separated by "\n\n"
	Sections []newsintel.Section // Items (and 20-F sub-items such as 3.D), by start offset
	Header   *newsintel.Filing   // fields of a full-submission header; nil for a bare document
	Warnings []string
}

// Read reads a filing's bytes: a full-submission .txt or a primary
// document in HTML or plain text. form ("10-K", "20-F", ...) selects the
// item titles; when empty the full-submission header's type is used. It
// returns ErrEmpty when there is no text; a filing without recognisable
// Items is returned whole with WarnNoItems.
func Read(data []byte, form string) (*Result, error) {
	res := &Result{}
	if IsFullSubmission(data) {
		sub, err := ParseSubmission(data)
		if err != nil {
			return nil, err
		}
		res.Header = sub.Header
		if form == "" {
			form = sub.Header.Form
		}
		data = sub.Primary
	}
	paras := paragraphs(data)
	paras = dropNoise(paras)
	paras = dropTOC(paras)
	body, starts := join(paras)
	if strings.TrimSpace(body) == "" {
		return nil, ErrEmpty
	}
	res.Body = body
	res.Sections = split(paras, starts, len(body), form)
	if len(res.Sections) == 0 {
		res.Warnings = append(res.Warnings, WarnNoItems)
	}
	res.Title = strings.TrimSpace(form)
	if res.Header != nil && res.Header.Company != "" {
		res.Title = strings.TrimSpace(res.Title + " " + res.Header.Company)
	}
	return res, nil
}

// IsFullSubmission reports whether data is an EDGAR full-submission text
// file (it opens with <SEC-DOCUMENT> or <SEC-HEADER>).
func IsFullSubmission(data []byte) bool {
	head := bytes.TrimSpace(data[:min(len(data), 1024)])
	return bytes.HasPrefix(head, []byte("<SEC-DOCUMENT>")) || bytes.HasPrefix(head, []byte("<SEC-HEADER>")) ||
		bytes.HasPrefix(head, []byte("<IMS-DOCUMENT>"))
}

// FiscalYear returns the fiscal year of a period of report
// ("2021-03-31" → 2021), or 0.
func FiscalYear(period string) int {
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, period); err == nil {
			return t.Year()
		}
	}
	return 0
}

// join joins paragraphs with blank lines and returns each one's offset.
func join(paras []string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(paras))
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		starts[i] = b.Len()
		b.WriteString(p)
	}
	return b.String(), starts
}

// Items splits clean text whose paragraphs are separated by "\n\n" (a
// PDF's text, say) into the Items of form, with offsets into body. The
// body is not changed, so page sections of the same body stay valid.
func Items(body, form string) []newsintel.Section {
	paras := strings.Split(body, "\n\n")
	starts := make([]int, len(paras))
	off := 0
	for i, p := range paras {
		starts[i] = off
		off += len(p) + 2
	}
	return split(paras, starts, len(body), form)
}
