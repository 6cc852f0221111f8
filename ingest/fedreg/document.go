// Package fedreg reads documents of the Federal Register API
// (federalregister.gov/api/v1/documents/{number}.json) into newsintel
// notices: the wire struct mirrors the API's JSON field names, and ToRaw
// adapts it into the message the extract stage reads.
package fedreg

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// Document is the Federal Register API's JSON for one document (the fields
// newsintel uses).
type Document struct {
	DocumentNumber      string         `json:"document_number"`
	Type                string         `json:"type"` // Rule, Proposed Rule, Notice, Presidential Document
	Title               string         `json:"title"`
	Abstract            string         `json:"abstract"`
	Action              string         `json:"action"`
	Agencies            []Agency       `json:"agencies"`
	PublicationDate     string         `json:"publication_date"` // YYYY-MM-DD
	EffectiveOn         string         `json:"effective_on"`
	CommentsCloseOn     string         `json:"comments_close_on"`
	DocketIDs           []string       `json:"docket_ids"`
	CFRReferences       []CFRReference `json:"cfr_references"`
	RegulationIDNumbers []string       `json:"regulation_id_numbers"`
	Significant         *bool          `json:"significant"`
	HTMLURL             string         `json:"html_url"`
	PDFURL              string         `json:"pdf_url"`
	RawTextURL          string         `json:"raw_text_url"`
	BodyHTMLURL         string         `json:"body_html_url"`
	FullTextXMLURL      string         `json:"full_text_xml_url"`
	RawText             string         `json:"raw_text"` // not an API field: the text of raw_text_url, when fetched or bundled
}

// Agency is an agency as the Federal Register names it.
type Agency struct {
	RawName  string `json:"raw_name"`
	Name     string `json:"name"`
	ID       int    `json:"id"`
	URL      string `json:"url"`
	JSONURL  string `json:"json_url"`
	ParentID *int   `json:"parent_id"`
	Slug     string `json:"slug"`
}

// CFRReference cites a part of the Code of Federal Regulations.
type CFRReference struct {
	Title   int    `json:"title"`
	Part    int    `json:"part"`
	Chapter string `json:"chapter,omitempty"`
}

// Parse decodes one document's JSON and checks it has a document number.
func Parse(data []byte) (*Document, error) {
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("fedreg: %w", err)
	}
	if strings.TrimSpace(d.DocumentNumber) == "" {
		return nil, fmt.Errorf("fedreg: document has no document_number")
	}
	if !newsintel.ValidID(newsintel.NoticeID(d.DocumentNumber)) {
		return nil, fmt.Errorf("fedreg: document_number %q has characters an ID cannot hold", d.DocumentNumber)
	}
	return &d, nil
}

// ToRaw adapts d into a raw notice from source. Its body is the raw text
// (without the GPO's banner lines) when d has it, else the abstract; the title, date and abstract travel as
// the item metadata extraction falls back to.
func (d *Document) ToRaw(source string, fetched time.Time) newsintel.Raw {
	body := CleanRawText(d.RawText)
	if strings.TrimSpace(body) == "" {
		body = d.Abstract
	}
	published, _ := time.Parse("2006-01-02", d.PublicationDate)
	return newsintel.Raw{
		ID: newsintel.NoticeID(d.DocumentNumber), Kind: newsintel.KindNotice, Source: source,
		URL: d.HTMLURL, FinalURL: d.HTMLURL, Status: 200, ContentType: "text/plain", Fetched: fetched,
		Body: []byte(body), Publisher: "Federal Register",
		Item:   &newsintel.FeedItem{Title: d.Title, Link: d.HTMLURL, Published: published, Summary: d.Abstract},
		Notice: d.Notice(),
	}
}

// Notice returns the notice fields of d.
func (d *Document) Notice() *newsintel.Notice {
	n := &newsintel.Notice{
		DocumentNumber: d.DocumentNumber, Type: d.Type, Abstract: d.Abstract,
		EffectiveOn: d.EffectiveOn, CommentsCloseOn: d.CommentsCloseOn, DocketIDs: d.DocketIDs,
		RINs: d.RegulationIDNumbers, Significant: d.Significant != nil && *d.Significant,
		HTMLURL: d.HTMLURL, PDFURL: d.PDFURL,
	}
	for _, a := range d.Agencies {
		name := a.Name
		if name == "" {
			name = a.RawName
		}
		n.Agencies = append(n.Agencies, newsintel.AgencyRef{Name: name, Slug: a.Slug})
	}
	for _, c := range d.CFRReferences {
		n.CFRReferences = append(n.CFRReferences, fmt.Sprintf("%d CFR %d", c.Title, c.Part))
	}
	return n
}
