package filing

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// Submission is an EDGAR full-submission .txt: its SGML header and the
// text of its primary document.
type Submission struct {
	Header    *newsintel.Filing
	Primary   []byte // the <TEXT> of the first document whose type is the form (else the first)
	Documents int    // number of <DOCUMENT>s
}

var headerFieldRe = regexp.MustCompile(`(?m)^\s*([A-Z][A-Z \-]+):\s*(.*?)\s*$`)

// ParseSubmission reads a full-submission .txt. It returns an error when
// the file has no <DOCUMENT> with a <TEXT>.
func ParseSubmission(data []byte) (*Submission, error) {
	head := data
	if i := bytes.Index(data, []byte("</SEC-HEADER>")); i >= 0 {
		head = data[:i]
	} else if i := bytes.Index(data, []byte("<DOCUMENT>")); i >= 0 {
		head = data[:i]
	}
	sub := &Submission{Header: parseHeader(head)}
	docs := bytes.Split(data, []byte("<DOCUMENT>"))[1:]
	sub.Documents = len(docs)
	for _, d := range docs {
		text := between(d, "<TEXT>", "</TEXT>")
		if text == nil {
			continue
		}
		typ := strings.TrimSpace(string(between(d, "<TYPE>", "\n")))
		if typ == sub.Header.Form {
			sub.Primary = text
			break
		}
		if sub.Primary == nil {
			sub.Primary = text // no document of the form's type: the first one
		}
	}
	if sub.Primary == nil {
		return nil, fmt.Errorf("filing: full submission has no document text")
	}
	sub.Primary = bytes.TrimSpace(stripWrapper(sub.Primary))
	return sub, nil
}

// stripWrapper removes the <XBRL> or <PDF> wrapper EDGAR puts around some
// documents' text.
func stripWrapper(b []byte) []byte {
	t := bytes.TrimSpace(b)
	if bytes.HasPrefix(t, []byte("<XBRL>")) {
		t = bytes.TrimSuffix(bytes.TrimPrefix(t, []byte("<XBRL>")), []byte("</XBRL>"))
	}
	return t
}

// between returns the bytes of b after open and before the next close
// (or the end), nil when open is absent.
func between(b []byte, open, close string) []byte {
	i := bytes.Index(b, []byte(open))
	if i < 0 {
		return nil
	}
	rest := b[i+len(open):]
	if j := bytes.Index(rest, []byte(close)); j >= 0 {
		return rest[:j]
	}
	return rest
}

// parseHeader reads the fields of an SGML header (the filer's first
// company data wins).
func parseHeader(head []byte) *newsintel.Filing {
	f := &newsintel.Filing{}
	for _, m := range headerFieldRe.FindAllSubmatch(head, -1) {
		key, val := strings.TrimSpace(string(m[1])), strings.TrimSpace(string(m[2]))
		switch key {
		case "ACCESSION NUMBER":
			f.Accession = val
		case "CONFORMED SUBMISSION TYPE":
			f.Form = val
		case "CONFORMED PERIOD OF REPORT":
			f.PeriodOfReport = isoDate(val)
		case "FILED AS OF DATE":
			f.Filed, _ = time.Parse("20060102", val)
		case "COMPANY CONFORMED NAME":
			f.Company = firstSet(f.Company, val)
		case "CENTRAL INDEX KEY":
			f.CIK = firstSet(f.CIK, strings.TrimLeft(val, "0"))
		}
	}
	f.FiscalYear = FiscalYear(f.PeriodOfReport)
	return f
}

func firstSet(have, v string) string {
	if have != "" {
		return have
	}
	return v
}

func isoDate(yyyymmdd string) string {
	if t, err := time.Parse("20060102", yyyymmdd); err == nil {
		return t.Format("2006-01-02")
	}
	return yyyymmdd
}
