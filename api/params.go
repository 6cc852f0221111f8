package api

import (
	"strings"

	"github.com/newsintel/newsintel/index"
)

// param is one documented parameter of a route.
type param struct {
	Name     string
	In       string // "query" (default) or "path"
	Required bool
	Type     string // string, integer, boolean
	Doc      string
	Enum     []string
	Example  string
}

func pathID(doc string) param {
	return param{Name: "id", In: "path", Required: true, Type: "string", Doc: doc}
}

var sizeParam = param{Name: "size", Type: "integer", Doc: "how many to return, 1 to 100 (default 10)"}

// searchQueryDoc documents the query-string syntax.
const searchQueryDoc = `Query string. Words match title and body (stemmed; title weighs more);
"a phrase" matches in order; +word must match; -word must not; field:value
searches one field (title, body, kind, source, publisher, language, form, section,
entity, company, agency, person, place, source_type, published:>=2024-01-01);
prefix* (at least 2 letters) and fuzzy~ or fuzzy~2 terms; (groups) with AND, OR, NOT.
Regular expressions, leading wildcards and a lone * are refused. At most 1000
characters and 64 terms. Examples: alibaba cloud, "export controls" +huawei,
company:alibaba-group -source:reuters, semicond*, tarrif~1.`

// searchParams lists the query parameters /api/v1/search accepts.
func searchParams() []param {
	filter := func(name, doc string) param {
		return param{Name: name, Type: "string", Doc: doc + "; several values separated by commas or repeated match any"}
	}
	return []param{
		{Name: "q", Type: "string", Doc: searchQueryDoc, Example: `"export controls" +huawei`},
		sizeParam,
		{Name: "from", Type: "integer", Doc: "hits to skip; from + size at most 10000 (use search_after beyond)"},
		{Name: "search_after", Type: "string", Doc: "cursor: the next value of the previous page, for paging past 10000 hits (from must be 0)"},
		{Name: "sort", Type: "string", Enum: []string{index.SortRelevance, index.SortDate, index.SortDateDesc},
			Doc: "relevance (default with a query), date (oldest first) or -date (newest first, default without a query)"},
		{Name: "facets", Type: "string", Doc: "comma-separated facets to count: " + strings.Join(index.FacetNames(), ", ")},
		{Name: "facet_size", Type: "integer", Doc: "terms per facet, 1 to 100 (default 10)"},
		{Name: "histogram", Type: "string", Enum: []string{index.HistogramDay, index.HistogramWeek, index.HistogramMonth}, Doc: "date histogram of published dates"},
		{Name: "highlight", Type: "boolean", Doc: "return highlighted fragments per field (default true)"},
		filter("kind", "article, filing or notice"),
		filter("source", "source name as configured"),
		filter("publisher", "publisher name"),
		filter("language", "ISO 639-1 code such as en"),
		filter("form", "filing form such as 10-K or 20-F"),
		filter("section", "section of a filing or notice"),
		filter("entity", "entity ID (company:alibaba-group) or name, any type"),
		filter("company", "company ID or name"),
		filter("agency", "agency ID or name"),
		filter("government", "government ID or name"),
		filter("person", "person ID or name"),
		filter("place", "place ID or name"),
		filter("source_type", "claim source type: anonymous, person, organization, document, declined, no_response, unattributed"),
		{Name: "has_anonymous", Type: "boolean", Doc: "only documents with (true) or without (false) a claim resting on anonymous sources"},
		{Name: "since", Type: "string", Doc: "published on or after: 2021-06-14, 2021-06 or RFC 3339", Example: "2024-01-01"},
		{Name: "until", Type: "string", Doc: "published on or before (a bare date covers the whole day)", Example: "2024-12-31"},
	}
}

var entityListParams = []param{
	{Name: "q", Type: "string", Required: true, Doc: "start of a name, alias or ticker", Example: "alib"},
	{Name: "type", Type: "string", Enum: []string{"company", "agency", "government", "person", "place"}, Doc: "only entities of this type"},
	sizeParam,
}

var entityParams = []param{
	{Name: "id", In: "path", Required: true, Type: "string", Doc: "entity ID: type, colon, slug of the name", Example: "company:alibaba-group"},
	{Name: "since", Type: "string", Doc: "count mentions published on or after this date"},
	{Name: "until", Type: "string", Doc: "count mentions published on or before this date"},
	{Name: "interval", Type: "string", Enum: []string{index.HistogramDay, index.HistogramWeek, index.HistogramMonth}, Doc: "timeline buckets (default month)"},
	{Name: "latest", Type: "integer", Doc: "newest documents per kind, 1 to 100 (default 10)"},
}
