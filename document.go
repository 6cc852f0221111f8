package newsintel

import "time"

// Document is one ingested and enriched document: a news article, a filing
// or a notice. It is the message on the DOCS stream and the unit of the
// index. Every tag carries its evidence as byte offsets into Body.
type Document struct {
	ID           string    `json:"id"`
	Kind         Kind      `json:"kind"`
	Source       string    `json:"source"`                  // the configured source that brought it in
	Publisher    string    `json:"publisher,omitempty"`     // site or organisation that published it
	URL          string    `json:"url,omitempty"`           // the URL it was fetched from
	CanonicalURL string    `json:"canonical_url,omitempty"` // normalised canonical URL (the ID derives from it)
	Title        string    `json:"title"`
	Authors      []string  `json:"authors,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	Modified     time.Time `json:"modified,omitzero"`
	Fetched      time.Time `json:"fetched,omitzero"`
	Language     string    `json:"language,omitempty"` // ISO 639-1 code, "" when unknown
	Section      string    `json:"section,omitempty"`
	Categories   []string  `json:"categories,omitempty"`
	Body         string    `json:"body"` // clean text; paragraphs separated by "\n\n"
	Summary      string    `json:"summary,omitempty"`
	WordCount    int       `json:"word_count,omitempty"`

	Mentions []Mention        `json:"mentions,omitempty"`
	Claims   []Claim          `json:"claims,omitempty"`
	Profile  *SourcingProfile `json:"sourcing_profile,omitempty"`

	// Near-duplicate detection: BodyHash is the hash of the normalised body
	// (exact duplicates), SimHash the 64-bit simhash of its shingles (light
	// rewrites), Cluster the ID of the near-duplicate group (the ID of the
	// group's earliest document).
	BodyHash string `json:"body_hash,omitempty"`
	SimHash  uint64 `json:"simhash,omitempty"`
	Cluster  string `json:"cluster,omitempty"`

	Sections []Section `json:"sections,omitempty"` // filings: Items; PDFs: pages
	Filing   *Filing   `json:"filing,omitempty"`
	Notice   *Notice   `json:"notice,omitempty"`

	Revision  int      `json:"revision"`            // 1 for the first version seen, +1 for each changed body
	Extractor string   `json:"extractor,omitempty"` // ExtractorVersion that made it
	Warnings  []string `json:"warnings,omitempty"`  // non-fatal problems met while extracting
}

// Section is a titled span of a document's body: an Item of an annual report
// or a page of a PDF.
type Section struct {
	Title string `json:"title"`
	Key   string `json:"key,omitempty"`  // "1A", "3.D", or "p12" for a PDF page
	Page  int    `json:"page,omitempty"` // PDF page number, from 1
	Start int    `json:"start"`          // byte offset into Body
	End   int    `json:"end"`
}

// Filing holds the fields of an SEC EDGAR filing.
type Filing struct {
	Form           string    `json:"form"`
	CIK            string    `json:"cik"`
	Company        string    `json:"company"`
	Tickers        []string  `json:"tickers,omitempty"`
	Accession      string    `json:"accession"`
	Filed          time.Time `json:"filed,omitzero"`
	PeriodOfReport string    `json:"period_of_report,omitempty"`
	FiscalYear     int       `json:"fiscal_year,omitempty"`
	IndexURL       string    `json:"index_url,omitempty"`
	PrimaryURL     string    `json:"primary_url,omitempty"`
}

// Notice holds the fields of a Federal Register document or agency release.
type Notice struct {
	DocumentNumber  string      `json:"document_number,omitempty"`
	Type            string      `json:"type,omitempty"` // Rule, Proposed Rule, Notice, Presidential Document, Press Release
	Agencies        []AgencyRef `json:"agencies,omitempty"`
	Abstract        string      `json:"abstract,omitempty"`
	EffectiveOn     string      `json:"effective_on,omitempty"`
	CommentsCloseOn string      `json:"comments_close_on,omitempty"`
	DocketIDs       []string    `json:"docket_ids,omitempty"`
	CFRReferences   []string    `json:"cfr_references,omitempty"`
	RINs            []string    `json:"rins,omitempty"`
	Significant     bool        `json:"significant,omitempty"`
	HTMLURL         string      `json:"html_url,omitempty"`
	PDFURL          string      `json:"pdf_url,omitempty"`
}

// AgencyRef names an agency as the Federal Register does.
type AgencyRef struct {
	Name string `json:"name"`
	Slug string `json:"slug,omitempty"`
}

// Mention is one occurrence of an entity in a document's body.
type Mention struct {
	EntityID   string     `json:"entity_id"`
	Name       string     `json:"name"` // canonical name of the entity
	Type       EntityType `json:"type"`
	Text       string     `json:"text"`  // the words as they stand in the body
	Start      int        `json:"start"` // byte offsets into Body
	End        int        `json:"end"`
	Confidence float64    `json:"confidence,omitempty"`
}
