package newsintel

// SourceType says who stands behind a claim.
type SourceType string

// The source types.
const (
	SourceAnonymous    SourceType = "anonymous"    // unnamed people: "three sources", "a senior official"
	SourcePerson       SourceType = "person"       // a named person
	SourceOrganization SourceType = "organization" // an organisation on the record, incl. an unnamed spokesperson
	SourceDocument     SourceType = "document"     // an annual report, filing, court papers, a letter, a study
	SourceDeclined     SourceType = "declined"     // declined or refused to comment
	SourceNoResponse   SourceType = "no_response"  // did not respond, could not be reached
	SourceUnattributed SourceType = "unattributed" // hedged or reported without any source
)

// Valid reports whether t is one of the known source types.
func (t SourceType) Valid() bool {
	switch t {
	case SourceAnonymous, SourcePerson, SourceOrganization, SourceDocument,
		SourceDeclined, SourceNoResponse, SourceUnattributed:
		return true
	}
	return false
}

// SourceTypes lists every source type, in a stable order.
func SourceTypes() []SourceType {
	return []SourceType{SourceAnonymous, SourcePerson, SourceOrganization, SourceDocument,
		SourceDeclined, SourceNoResponse, SourceUnattributed}
}

// Claim is a piece of information a document attributes to a source (or
// reports hedged, without one).
type Claim struct {
	Text      string   `json:"text"`            // the attributed content, not the attribution
	Quote     bool     `json:"quote,omitempty"` // Text is a direct quotation, kept exactly
	Cue       string   `json:"cue,omitempty"`   // "said", "according to", "told", "stating"
	Hedge     string   `json:"hedge,omitempty"` // "allegedly", "reportedly", "is said to"
	Start     int      `json:"start"`           // byte offsets of the whole attributing sentence(s) in Body
	End       int      `json:"end"`
	TextStart int      `json:"text_start"` // byte offsets of Text in Body
	TextEnd   int      `json:"text_end"`
	Entities  []string `json:"entities,omitempty"` // IDs of the entities mentioned in Text
	Source    Source   `json:"source"`
	Group     int      `json:"group,omitempty"` // anonymous sources in the same group refer to the same people (1-based; 0 = none)
}

// Source describes who a claim is attributed to.
type Source struct {
	Type        SourceType `json:"type"`
	Count       *int       `json:"count,omitempty"`  // "three sources" → 3; nil when not stated
	Plural      bool       `json:"plural,omitempty"` // "several officials": more than one, count unknown
	Description string     `json:"description,omitempty"`
	Name        string     `json:"name,omitempty"`
	Affiliation string     `json:"affiliation,omitempty"`
	Role        string     `json:"role,omitempty"` // spokesperson, official, executive, analyst, lawyer, …
	Via         string     `json:"via,omitempty"`  // outlet relaying the claim: "Reuters reported, citing…"
}

// SourcingProfile summarises how a document sources its claims.
type SourcingProfile struct {
	Claims           int                `json:"claims"`
	ByType           map[SourceType]int `json:"by_type"`
	AnonymousSources int                `json:"anonymous_sources"` // estimated distinct anonymous sources
	AnonymousShare   float64            `json:"anonymous_share"`   // share of claims with an anonymous source
}

// HasAnonymous reports whether any claim of the profile rests on an
// anonymous source.
func (p *SourcingProfile) HasAnonymous() bool {
	return p != nil && p.ByType[SourceAnonymous] > 0
}
