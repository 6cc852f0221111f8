package extract

import (
	"bytes"
	"context"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/filing"
	"github.com/newsintel/newsintel/extract/pdf"
)

// special reads the documents that are not web pages: PDFs (by content
// type or content) and EDGAR filings (by kind, or a full-submission .txt by
// content). ok is false for everything else, which takes the article path.
// A body that is not a PDF is valid UTF-8 by now (extract made it so).
func (x *Extractor) special(ctx context.Context, raw newsintel.Raw) (doc *newsintel.Document, ok bool, err error) {
	switch {
	case isPDF(raw):
		doc, err = x.fromPDF(ctx, raw)
	case raw.Filing != nil || filing.IsFullSubmission(raw.Body):
		doc, err = x.fromFiling(raw) // from EDGAR, or a full submission read from a file
	default:
		// A filing's primary document read from a file or a page; a page of
		// a source marked "filing" that is not one (a press release) takes
		// the article path and keeps its kind.
		found, ok := filing.Detect(raw.Body)
		if !ok {
			return nil, false, nil
		}
		raw.Filing = mergeFiling(raw.Filing, found)
		doc, err = x.fromFiling(raw)
	}
	if err != nil {
		return nil, true, err
	}
	x.Enrich(doc)
	return doc, true, nil
}

func isPDF(raw newsintel.Raw) bool {
	return strings.Contains(strings.ToLower(raw.ContentType), "pdf") ||
		bytes.HasPrefix(bytes.TrimLeft(raw.Body[:min(len(raw.Body), 64)], "\x00\t\r\n "), []byte("%PDF-"))
}

// base is the Document of raw before its body is read.
func base(raw newsintel.Raw) *newsintel.Document {
	doc := &newsintel.Document{
		ID: raw.ID, Kind: raw.Kind, Source: raw.Source, URL: firstNonEmpty(raw.FinalURL, raw.URL), Publisher: raw.Publisher,
		Fetched: raw.Fetched, Revision: max(raw.Revision, 1), Extractor: newsintel.ExtractorVersion,
		Filing: raw.Filing, Notice: raw.Notice,
	}
	if doc.Kind == "" {
		doc.Kind = newsintel.KindArticle
	}
	doc.CanonicalURL = canonicalFor("", doc.URL)
	if it := raw.Item; it != nil {
		doc.Title, doc.Published, doc.Authors, doc.Categories = it.Title, it.Published, it.Authors, it.Categories
		doc.Summary = textOf(it.Summary)
		doc.Publisher = firstNonEmpty(doc.Publisher, it.FeedTitle)
	}
	if n := raw.Notice; n != nil && doc.Summary == "" {
		doc.Summary = n.Abstract
	}
	return doc
}

// fromPDF reads a PDF: one section per page. Encrypted, scanned and
// corrupt PDFs are EINVALID: retrying would not help.
func (x *Extractor) fromPDF(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
	res, err := pdf.Read(ctx, raw.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, newsintel.Errorf(newsintel.EINVALID, "extract %s: %v", raw.ID, err)
	}
	doc := base(raw)
	doc.Body, doc.Sections = res.Body, res.Sections
	if doc.Title == "" {
		doc.Title = firstLine(res.Body, 160)
	}
	if f := doc.Filing; f != nil || doc.Kind == newsintel.KindFiling {
		form := ""
		if f != nil {
			form = f.Form
			if doc.Published.IsZero() {
				doc.Published = f.Filed
			}
		}
		// An annual report as a PDF: its Items beside its pages, on the same body.
		doc.Sections = append(doc.Sections, filing.Items(doc.Body, form)...)
	}
	return doc, nil
}

// fromFiling reads an EDGAR filing: clean text split into its Items, the
// EDGAR fields completed from a full-submission header.
func (x *Extractor) fromFiling(raw newsintel.Raw) (*newsintel.Document, error) {
	if found, ok := filing.Detect(raw.Body); ok {
		raw.Filing = mergeFiling(raw.Filing, found)
	}
	form := ""
	if raw.Filing != nil {
		form = raw.Filing.Form
	}
	res, err := filing.Read(raw.Body, form)
	if err != nil {
		return nil, newsintel.Errorf(newsintel.EINVALID, "extract %s: %v", raw.ID, err)
	}
	doc := base(raw)
	doc.Kind = newsintel.KindFiling
	doc.Body, doc.Sections, doc.Warnings = res.Body, res.Sections, res.Warnings
	doc.Filing = mergeFiling(raw.Filing, res.Header)
	if f := doc.Filing; f != nil {
		if f.Accession != "" && (raw.Filing == nil || raw.Filing.Accession == "") {
			doc.ID = newsintel.FilingID(f.Accession) // a full submission read from a file names its filing
		}
		doc.Publisher = firstNonEmpty(doc.Publisher, f.Company)
		if doc.Published.IsZero() {
			doc.Published = f.Filed
		}
	}
	doc.Title = firstNonEmpty(doc.Title, filingTitle(doc.Filing), res.Title, firstLine(res.Body, 160))
	return doc, nil
}

// filingTitle names a filing as EDGAR lists it: "20-F Alibaba Group
// Holding Ltd for the period ending 2021-03-31"; "" when form or company
// is unknown.
func filingTitle(f *newsintel.Filing) string {
	if f == nil || f.Form == "" || f.Company == "" {
		return ""
	}
	t := f.Form + " " + f.Company
	if f.PeriodOfReport != "" {
		t += " for the period ending " + f.PeriodOfReport
	}
	return t
}

// mergeFiling fills the fields of have that the header knows and have
// lacks; either may be nil.
func mergeFiling(have, header *newsintel.Filing) *newsintel.Filing {
	if header == nil {
		return have
	}
	if have == nil {
		return header
	}
	f := *have
	f.Form = firstNonEmpty(f.Form, header.Form)
	f.CIK = firstNonEmpty(f.CIK, header.CIK)
	f.Company = firstNonEmpty(f.Company, header.Company)
	f.Accession = firstNonEmpty(f.Accession, header.Accession)
	f.PeriodOfReport = firstNonEmpty(f.PeriodOfReport, header.PeriodOfReport)
	if f.Filed.IsZero() {
		f.Filed = header.Filed
	}
	if f.FiscalYear == 0 {
		f.FiscalYear = header.FiscalYear
	}
	if len(f.Tickers) == 0 {
		f.Tickers = header.Tickers
	}
	return &f
}

// tagAgencies adds a mention for each agency a notice names that the text
// tagging did not find: its entity from the gazetteer when it knows the
// agency (by name or Federal Register slug), else one named after it. The
// mention covers the name's first occurrence in the body, or no text.
func tagAgencies(doc *newsintel.Document, x *Extractor) {
	if doc.Notice == nil {
		return
	}
	for _, a := range doc.Notice.Agencies {
		name := strings.TrimSpace(a.Name)
		if name == "" {
			continue
		}
		id, canonical := newsintel.EntityID(newsintel.EntityAgency, name), name
		if e, ok := x.gaz.Lookup(name); ok && e.Type == newsintel.EntityAgency {
			id, canonical = e.ID, e.Name
		}
		if hasMention(doc.Mentions, id) {
			continue
		}
		m := newsintel.Mention{EntityID: id, Name: canonical, Type: newsintel.EntityAgency, Text: name, Confidence: 1}
		if i := strings.Index(strings.ToLower(doc.Body), strings.ToLower(name)); i >= 0 {
			m.Start, m.End, m.Text = i, i+len(name), doc.Body[i:i+len(name)]
		}
		doc.Mentions = append(doc.Mentions, m)
	}
}

func hasMention(ms []newsintel.Mention, id string) bool {
	for _, m := range ms {
		if m.EntityID == id {
			return true
		}
	}
	return false
}

// firstLine returns the first line of s, cut to at most n bytes at a space.
func firstLine(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > n {
		if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
			s = s[:i]
		}
	}
	return s
}
