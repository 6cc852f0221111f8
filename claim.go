package newsintel

import (
	"strconv"
	"strings"
)

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

// Who says who the source of a claim is, for people reading a page, an
// e-mail or a terminal (one wording wherever a source is shown), without its type: "Gina Raimondo,
// Commerce Department", "people familiar with the matter (3 sources)",
// "officials (several sources), via WireWatch". A description that counts
// its sources itself ("three people briefed on the matter") is not counted
// again. It is "" when the source names no one (an unattributed claim).
func (s Source) Who() string {
	desc := strings.TrimSpace(s.Description)
	if (strings.EqualFold(desc, "sources") || strings.EqualFold(desc, "source")) && s.count() != "" {
		desc = "" // the count says it: "3 sources", not "sources (3 sources)"
	}
	who := desc
	if s.Name != "" {
		who = s.Name
		if desc != "" && !strings.EqualFold(desc, s.Name) {
			who += ", " + desc
		}
	}
	if s.Affiliation != "" && !strings.Contains(strings.ToLower(who), strings.ToLower(s.Affiliation)) {
		who = strings.TrimPrefix(who+", "+s.Affiliation, ", ")
	}
	if n := s.count(); n != "" && (s.Name != "" || !countsItself(desc)) {
		if who == "" {
			who = n
		} else {
			who += " (" + n + ")"
		}
	}
	if s.Via != "" {
		who = strings.TrimPrefix(who+", via "+s.Via, ", ")
	}
	return strings.Join(strings.Fields(who), " ")
}

// count says how many sources s stands for when it is more than one:
// "3 sources", "several sources"; else "".
func (s Source) count() string {
	switch {
	case s.Count != nil && *s.Count > 1:
		return strconv.Itoa(*s.Count) + " sources"
	case s.Plural:
		return "several sources"
	}
	return ""
}

// countWords start a description that says how many sources it stands for.
var countWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "several": true, "multiple": true, "many": true, "some": true, "both": true,
	"a": true, "an": true, "one": true, "two-dozen": true, "dozens": true, "numerous": true, "various": true,
}

// countsItself reports whether desc starts by saying how many it stands
// for: a number or a word such as "three" or "several".
func countsItself(desc string) bool {
	first, _, _ := strings.Cut(strings.ToLower(desc), " ")
	return countWords[first] || (first != "" && first[0] >= '0' && first[0] <= '9')
}
