package index

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion names the index mapping. Bump it whenever buildMapping,
// toIndexed, the token sequence format (seq.go) or the unit of the body's
// length (bodyLengthUnit) changes what is indexed or stored: Open then
// returns
// ErrMappingChanged for indexes built with an older version, and the caller
// rebuilds them from the DOCS stream.
const MappingVersion = "2026.12.01l"

// Names of the indexed fields, and of the three dates, which are indexed
// in month, day, hour and key fields (see dates.go). A query string may
// use those queryFields lists.
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
	fieldPublished      = "published"       // the date a query string names, indexed as publishedDates (see dates.go)
	fieldFetched        = "fetched"         // indexed as fetchedDates
	fieldFiled          = "filed"           // indexed as filedDates
	fieldPublishedDay   = "published_day"   // "2024-05-03", for the day histogram and date filters
	fieldPublishedWeek  = "published_week"  // Monday of the ISO week, "2024-04-29"
	fieldPublishedMonth = "published_month" // "2024-05"
	fieldPublishedHour  = "published_hour"  // "2024-05-03T14", for date filters
	fieldPublishedKey   = "published_key"   // sorts like published (see sortKey); what date sorts read
	fieldFetchedMonth   = "fetched_month"   // fetched's month; its terms are for date filters only
	fieldFetchedDay     = "fetched_day"     // fetched's day
	fieldFetchedHour    = "fetched_hour"    // fetched's hour
	fieldFetchedKey     = "fetched_key"     // claimDateKey of fetched
	fieldFiledMonth     = "filed_month"     // filed's month; its terms are for date filters only
	fieldFiledDay       = "filed_day"       // filed's day
	fieldFiledHour      = "filed_hour"      // filed's hour
	fieldFiledKey       = "filed_key"       // claimDateKey of filed
	fieldMeta           = "meta"            // stored only: the Document as JSON without body, title and tags, zstd-compressed (see packMeta)
	fieldPacked         = "packed"          // stored only: the tags (claims, mentions, …) zstd-compressed (see pack)
	fieldBodyWords      = "body_words"      // stored only: the body, word-coded (see lexicon.go); also its token sequence
)

// fieldAnalyzer analyses title and body: unicode words, English
// possessives and stop words removed, lower case, Porter stemming. They
// are indexed with positionsAnalyzer, which makes the same tokens without
// byte offsets; queries and highlighting analyse with this one.
const fieldAnalyzer = en.AnalyzerName

// keywordFields are indexed as exact terms for filters; those that are
// also faceted get doc values (see facetedFields).
var keywordFields = []string{
	fieldKind, fieldSource, fieldPublisher, fieldLanguage, fieldForm, fieldSection,
	fieldAuthor, fieldCluster, fieldTicker, fieldCIK, fieldEntity, fieldEntityName, fieldEntityLabel,
	fieldCompany, fieldAgency, fieldGovernment, fieldPerson, fieldPlace, fieldSourceType,
	fieldPublishedDay, fieldPublishedWeek, fieldPublishedMonth, fieldClaimSource, fieldPublishedKey,
	fieldPublishedHour, fieldFetchedMonth, fieldFetchedDay, fieldFetchedHour, fieldFetchedKey,
	fieldFiledMonth, fieldFiledDay, fieldFiledHour, fieldFiledKey,
}

// facetedFields are the keyword fields facets and sorts read, so the only
// ones that need doc values: the Request facets, the histogram keys and
// the date sort key. (Entity pages count claim sources with searches.)
func facetedFields() []string {
	return append(FacetNames(), fieldPublishedDay, fieldPublishedWeek, fieldPublishedMonth, fieldPublishedKey)
}

// buildMapping returns the index mapping: English analysis with stemming
// for title and body (positions for phrases: term vectors for the title,
// a token sequence for the body; the title stored, the body stored
// compressed in packed), exact keyword fields (dates among them, as
// month, day, hour and key terms: see dates.go), one boolean, and
// stored-only fields. No field goes into the composite _all field;
// free text is searched on title and body explicitly.
func buildMapping() *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, textField())
	body := textField()
	body.Store = false // body_words holds it, word-coded (see lexicon.go)
	// No term vectors: the word-coded body in body_words is also its token
	// sequence (see lexicon.go), which serves phrases and highlighting.
	body.IncludeTermVectors = false
	doc.AddFieldMappingsAt(fieldBody, body)
	faceted := facetedFields()
	for _, f := range keywordFields {
		km := keywordField(slices.Contains(faceted, f))
		// A field a query string may name is scored like text.
		km.SkipFreqNorm = !slices.Contains(queryFields, f)
		doc.AddFieldMappingsAt(f, km)
	}
	bm := bleve.NewBooleanFieldMapping()
	bm.Store, bm.IncludeInAll, bm.DocValues = false, false, false
	doc.AddFieldMappingsAt(fieldHasAnonymous, bm)
	doc.AddFieldMappingsAt(fieldMeta, storedField())
	doc.AddFieldMappingsAt(fieldPacked, storedField())
	doc.AddFieldMappingsAt(fieldBodyWords, storedField())
	addClaimFields(doc)
	// doc_type is scored where a query has only must-not clauses (it is
	// their "all documents", see compiler.group): without norms its weight
	// would be 0 and every score NaN.
	doc.Properties[fieldDocType].Fields[0].SkipFreqNorm = false

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = fieldAnalyzer
	im.IndexDynamic, im.StoreDynamic, im.DocValuesDynamic = false, false, false
	return im
}

// textField is an analysed, stored field with positions (term vectors
// without offsets, see positionsAnalyzer) for phrases.
func textField() *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:               "text",
		Analyzer:           positionsAnalyzer,
		Store:              true,
		Index:              true,
		IncludeTermVectors: true,
	}
}

// keywordField is an exact-term field, with doc values when it is
// faceted or sorted on. It keeps no term frequencies or norms, so it
// cannot add to a score: right for fields only filters and facets read,
// and it saves about five bytes per item and term.
func keywordField(docValues bool) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:         "text",
		Analyzer:     keyword.Name,
		Index:        true,
		DocValues:    docValues,
		SkipFreqNorm: true,
	}
}

func storedField() *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:     "text",
		Analyzer: keyword.Name,
		Store:    true,
	}
}
