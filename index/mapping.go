package index

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion names the index mapping. Bump it whenever buildMapping or
// toIndexed changes what is indexed or stored: Open then returns
// ErrMappingChanged for indexes built with an older version, and the caller
// rebuilds them from the DOCS stream.
const MappingVersion = "2026.11.6"

// Names of the indexed fields. They are also the field names a query
// string may use (see ParseQuery), except the stored-only ones.
const (
	fieldTitle          = "title"
	fieldBody           = "body"
	fieldKind           = "kind"
	fieldSource         = "source"
	fieldPublisher      = "publisher"
	fieldLanguage       = "language"
	fieldForm           = "form"
	fieldSection        = "section"
	fieldAuthor         = "author"
	fieldCluster        = "cluster"
	fieldTicker         = "ticker"
	fieldCIK            = "cik"
	fieldEntity         = "entity"       // every entity ID
	fieldEntityName     = "entity_name"  // every entity canonical name
	fieldEntityLabel    = "entity_label" // "ID|canonical name", to show names for facet IDs
	fieldClaimSource    = "claim_source" // "entity ID|source type" of each claim about an entity
	fieldCompany        = "company"      // entity IDs by type
	fieldAgency         = "agency"
	fieldGovernment     = "government"
	fieldPerson         = "person"
	fieldPlace          = "place"
	fieldSourceType     = "source_type"
	fieldHasAnonymous   = "has_anonymous"
	fieldPublished      = "published"
	fieldFetched        = "fetched"
	fieldFiled          = "filed"
	fieldPublishedDay   = "published_day"   // "2024-05-03", for the day histogram
	fieldPublishedWeek  = "published_week"  // Monday of the ISO week, "2024-04-29"
	fieldPublishedMonth = "published_month" // "2024-05"
	fieldMeta           = "meta"            // stored only: the Document as JSON without body, title and tags
	fieldTags           = "tags"            // stored only: mentions, claims, sections, profile, warnings as JSON
	fieldLead           = "lead"            // stored only: the start of the body, the snippet when nothing is highlighted
)

// fieldAnalyzer analyses title and body: unicode words, English
// possessives and stop words removed, lower case, Porter stemming.
const fieldAnalyzer = en.AnalyzerName

// keywordFields are indexed as exact terms for filters; those that are
// also faceted get doc values (see facetedFields).
var keywordFields = []string{
	fieldKind, fieldSource, fieldPublisher, fieldLanguage, fieldForm, fieldSection,
	fieldAuthor, fieldCluster, fieldTicker, fieldCIK, fieldEntity, fieldEntityName, fieldEntityLabel,
	fieldCompany, fieldAgency, fieldGovernment, fieldPerson, fieldPlace, fieldSourceType,
	fieldPublishedDay, fieldPublishedWeek, fieldPublishedMonth, fieldClaimSource,
}

// facetedFields are the keyword fields facets read, so the only ones that
// need doc values: the Request facets, the histogram keys and the claim
// sources of entity pages.
func facetedFields() []string {
	return append(FacetNames(), fieldPublishedDay, fieldPublishedWeek, fieldPublishedMonth, fieldClaimSource)
}

// dateFields are indexed as date-times.
var dateFields = []string{fieldPublished, fieldFetched, fieldFiled}

// buildMapping returns the index mapping: English analysis with stemming
// for title and body (stored, with term vectors for highlights), exact
// keyword fields, dates, one boolean, and two stored-only JSON fields. No
// field goes into the composite _all field; free text is searched on title
// and body explicitly.
func buildMapping() *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, textField())
	doc.AddFieldMappingsAt(fieldBody, textField())
	faceted := facetedFields()
	for _, f := range keywordFields {
		doc.AddFieldMappingsAt(f, keywordField(slices.Contains(faceted, f)))
	}
	for _, f := range dateFields {
		dm := bleve.NewDateTimeFieldMapping()
		dm.Store, dm.IncludeInAll = false, false
		dm.DocValues = f == fieldPublished // only published is sorted on
		doc.AddFieldMappingsAt(f, dm)
	}
	bm := bleve.NewBooleanFieldMapping()
	bm.Store, bm.IncludeInAll, bm.DocValues = false, false, false
	doc.AddFieldMappingsAt(fieldHasAnonymous, bm)
	doc.AddFieldMappingsAt(fieldMeta, storedField())
	doc.AddFieldMappingsAt(fieldTags, storedField())
	doc.AddFieldMappingsAt(fieldLead, storedField())
	addClaimFields(doc)

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = fieldAnalyzer
	im.IndexDynamic, im.StoreDynamic, im.DocValuesDynamic = false, false, false
	return im
}

func textField() *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:               "text",
		Analyzer:           fieldAnalyzer,
		Store:              true,
		Index:              true,
		IncludeTermVectors: true,
	}
}

func keywordField(docValues bool) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:      "text",
		Analyzer:  keyword.Name,
		Index:     true,
		DocValues: docValues,
	}
}

func storedField() *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:     "text",
		Analyzer: keyword.Name,
		Store:    true,
	}
}
