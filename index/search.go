package index

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
)

// Limits on search requests.
const (
	DefaultSize = 10
	MaxSize     = 100
	MaxWindow   = 10000 // From + Size
)

// Sort orders of a Request.
const (
	SortRelevance  = "relevance" // best match first; equal scores by ID
	SortDate       = "date"      // oldest first
	SortDateDesc   = "-date"     // newest first
	highlightStyle = "html"      // <mark> around hits, text HTML-escaped
)

// Request is a search. Values within one filter are alternatives (any may
// match); different filters must all match. Entity filters take entity IDs
// ("company:alibaba-group") or canonical names ("Alibaba Group").
type Request struct {
	Query string // query string (see ParseQuery); empty matches everything
	Size  int    // hits to return, 1 to 100; 0 means 10
	From  int    // hits to skip; From+Size at most 10 000
	Sort  string // relevance, date or -date; empty: relevance for a query, else -date

	// SearchAfter pages past MaxWindow: the Sort values of the last hit of
	// the previous page (Hit.Sort). From must then be 0; there is no depth
	// limit.
	SearchAfter []string

	Kind, Source, Publisher, Language, Form, Section []string

	Entity, Company, Agency, Government, Person, Place []string

	SourceType   []string // claim source types (anonymous, person, …)
	HasAnonymous *bool    // some claim rests on an anonymous source (or none does)
	Since, Until time.Time

	Facets        []string // facet names (see FacetNames)
	FacetSize     int      // terms per facet, 1 to 100; 0 means 10
	DateHistogram string   // day, week, month, or "" for none
	Highlight     bool     // fill Hit.Fragments
}

// Result is what a search found.
type Result struct {
	Total     uint64                  `json:"total"`
	TookMS    float64                 `json:"took_ms"`
	Hits      []Hit                   `json:"hits"`
	Facets    map[string][]FacetCount `json:"facets,omitempty"`
	Histogram []DateBucket            `json:"histogram,omitempty"`
}

// Hit is one matching document.
type Hit struct {
	ID        string              `json:"id"`
	Title     string              `json:"title"`
	URL       string              `json:"url,omitempty"`
	Kind      string              `json:"kind"`
	Source    string              `json:"source"`
	Publisher string              `json:"publisher,omitempty"`
	Published time.Time           `json:"published,omitzero"`
	Score     float64             `json:"score"`
	Snippet   string              `json:"snippet"` // HTML: escaped text, <mark> around matches
	Fragments map[string][]string `json:"fragments,omitempty"`
	Sort      []string            `json:"sort,omitempty"`    // opaque cursor: pass as Request.SearchAfter for the next page
	Warning   string              `json:"warning,omitempty"` // why the hit shows less than it should (its stored document cannot be read)
}

// Search runs r within Options.QueryTimeout. It returns an EINVALID error
// for a bad request or query string, ETOOMANY when MaxConcurrentSearches
// searches are already running, and EUNAVAILABLE when the search timed
// out. It is safe for concurrent use.
func (ix *Index) Search(ctx context.Context, r Request) (*Result, error) {
	req, err := ix.buildRequest(&r)
	if err != nil {
		return nil, err
	}
	ctx, done, err := ix.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	// Highlighting makes Bleve read the term positions of every matching
	// document; asking for it only for the page of hits is much cheaper.
	hl := req.Highlight
	req.Highlight = nil
	q := req.Query
	req.Query = flattenOr(q)
	counted := splitFacets(req, &r)
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err == nil && scoreOnly(&r) {
		res, err = ix.settleTies(ctx, req, &r, res)
	}
	if err == nil && counted != nil {
		if err = counted.err; err == nil {
			if res.Facets == nil {
				res.Facets = search.FacetResults{}
			}
			maps.Copy(res.Facets, counted.results)
		}
	}
	if err == nil && hl != nil {
		err = ix.highlight(ctx, q, hl.Fields, res.Hits)
	}
	if err != nil {
		return nil, searchErr(ctx, err)
	}
	return ix.result(ctx, &r, res)
}

// searchErr classifies an error from Bleve.
func searchErr(ctx context.Context, err error) error {
	if ce := ctx.Err(); ce != nil {
		return ctxErr(ce)
	}
	if strings.Contains(err.Error(), "TooManyClauses") {
		return newsintel.Errorf(newsintel.EINVALID,
			"a prefix, wildcard or fuzzy term matches too many words; make it longer or less fuzzy")
	}
	return fmt.Errorf("index: search: %w", err)
}

// buildRequest validates r and turns it into a Bleve request.
func (ix *Index) buildRequest(r *Request) (*bleve.SearchRequest, error) {
	if err := validateRequest(r); err != nil {
		return nil, err
	}
	tree, err := parseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	main := documentsOnly() // not the claims indexed beside the documents
	if tree != nil {
		c := compiler{an: ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer), damaged: ix.reportDamaged, lex: ix.lex}
		if main = c.compile(tree); main == nil {
			main = query.NewMatchNoneQuery() // only stop words
		}
	}
	if filter := filterQuery(r); filter != nil {
		main = withFilter(main, tree == nil, filter)
	}
	req := bleve.NewSearchRequestOptions(main, r.Size, r.From, false)
	req.Fields = hitFields
	req.SortByCustom(sortFields(sortOrder(r)))
	if scoreOnly(r) {
		req.SortBy([]string{"-_score"})
		req.Size = r.Size + 1 // to see whether a tie straddles the end of the page
		if r.From > 0 {       // or its start
			req.From, req.Size = r.From-1, req.Size+1
		}
	}
	if len(r.SearchAfter) > 0 {
		after, err := decodeCursor(r.SearchAfter)
		if err != nil {
			return nil, err
		}
		req.SetSearchAfter(after)
	}
	if tree == nil {
		req.Score = "none"
	} else {
		req.Highlight = bleve.NewHighlightWithStyle(highlightStyle)
		req.Highlight.Fields = []string{fieldBody}
		if r.Highlight {
			req.Highlight.Fields = append(req.Highlight.Fields, fieldTitle)
		}
	}
	addFacets(req, r)
	return req, nil
}

// relevanceOrder breaks ties of score by ID, not date: reading the date
// of every matching document made relevance-sorted searches about twice
// as slow, and equal scores are rare outside exact duplicates. Without a
// cursor the search sorts by score alone (see scoreOnly).
var relevanceOrder = []string{"-_score", "_id"}

// scoreOnly reports whether r is sorted by relevance and starts a result
// list (no cursor): then Bleve sorts by score alone, which spares reading
// the ID of every matching document (half the time of a common two-word
// query at 100 000 documents), and settleTies orders ties by ID.
func scoreOnly(r *Request) bool {
	return len(r.SearchAfter) == 0 && slices.Equal(sortOrder(r), relevanceOrder)
}

// settleTies makes a score-only result look sorted by score and ID, as
// pages and cursors assume: when the hit after the page, or the one
// before it, ties with the page's last or first hit, the search is run
// again sorted by score and ID; otherwise every tie of the page is within
// it and is ordered by ID here. Bleve orders ties by document number,
// which merges change: pages cut through a tie by it could repeat a hit
// and miss another.
func (ix *Index) settleTies(ctx context.Context, req *bleve.SearchRequest, r *Request, res *bleve.SearchResult) (*bleve.SearchResult, error) {
	hits := res.Hits
	if r.From > 0 && len(hits) > 0 {
		if len(hits) > 1 && hits[0].Score == hits[1].Score {
			return ix.sortedByID(ctx, req, r)
		}
		hits = hits[1:] // the hit before the page
	}
	if len(hits) > r.Size {
		if hits[r.Size].Score == hits[r.Size-1].Score {
			return ix.sortedByID(ctx, req, r)
		}
		hits = hits[:r.Size]
	}
	res.Hits = hits
	slices.SortStableFunc(res.Hits, func(a, b *search.DocumentMatch) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.ID, b.ID))
	})
	return res, nil
}

// sortedByID runs req again for r's page sorted by score and ID.
func (ix *Index) sortedByID(ctx context.Context, req *bleve.SearchRequest, r *Request) (*bleve.SearchResult, error) {
	req.From, req.Size = r.From, r.Size
	req.SortBy(relevanceOrder)
	return ix.bleve.SearchInContext(ctx, req)
}

func sortOrder(r *Request) []string {
	switch r.Sort {
	case SortDate:
		return []string{fieldPublishedKey, "_id"}
	case SortDateDesc:
		return []string{"-" + fieldPublishedKey, "_id"}
	case SortRelevance:
		return relevanceOrder
	}
	if strings.TrimSpace(r.Query) == "" {
		return []string{"-" + fieldPublishedKey, "_id"}
	}
	return relevanceOrder
}

// sortFields turns a sort order into Bleve's, reading published_key as
// the string it is (Bleve would otherwise guess its type from its terms)
// and putting documents without a date last.
func sortFields(order []string) search.SortOrder {
	out := make(search.SortOrder, len(order))
	for i, key := range order {
		desc := strings.HasPrefix(key, "-")
		switch name := strings.TrimPrefix(key, "-"); name {
		case "_score":
			out[i] = &search.SortScore{Desc: desc}
		case "_id":
			out[i] = &search.SortDocID{Desc: desc}
		default:
			out[i] = &search.SortField{Field: name, Desc: desc, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast}
		}
	}
	return out
}

// validateRequest checks sizes and names and fills defaults in r.
func validateRequest(r *Request) error {
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.FacetSize == 0 {
		r.FacetSize = DefaultFacetSize
	}
	switch {
	case r.Size < 0 || r.Size > MaxSize:
		return invalid("size %d is out of range; ask for 1 to %d hits", r.Size, MaxSize)
	case r.From < 0:
		return invalid("from %d is negative; start at 0", r.From)
	case r.From+r.Size > MaxWindow:
		return invalid("from + size is %d; results go only %d deep, so narrow the search instead of paging further",
			r.From+r.Size, MaxWindow)
	case r.FacetSize < 0 || r.FacetSize > MaxFacetSize:
		return invalid("facet size %d is out of range; ask for 1 to %d terms", r.FacetSize, MaxFacetSize)
	case !slices.Contains([]string{"", SortRelevance, SortDate, SortDateDesc}, r.Sort):
		return invalid("sort %q is unknown; use relevance, date (oldest first) or -date (newest first)", r.Sort)
	case !r.Since.IsZero() && !r.Until.IsZero() && r.Until.Before(r.Since):
		return invalid("until is before since; swap them")
	}
	if err := validateSearchAfter(r); err != nil {
		return err
	}
	for _, k := range r.Kind {
		if !newsintel.Kind(strings.ToLower(k)).Valid() {
			return invalid("kind %q is unknown; use article, filing or notice", k)
		}
	}
	for _, t := range r.SourceType {
		if !newsintel.SourceType(strings.ToLower(t)).Valid() {
			return invalid("source type %q is unknown; use one of %s", t, sourceTypeList())
		}
	}
	return validateFacets(r)
}

// validateSearchAfter checks a search_after cursor against the sort order
// it must come from.
func validateSearchAfter(r *Request) error {
	if len(r.SearchAfter) == 0 {
		return nil
	}
	if r.From != 0 {
		return invalid("from is %d with search_after; use one or the other (search_after continues after the last hit)", r.From)
	}
	if want := len(sortOrder(r)); len(r.SearchAfter) != want {
		return invalid("search_after has %d values; pass the %d sort values of the last hit with the same query and sort", len(r.SearchAfter), want)
	}
	return nil
}

// encodeCursor returns the values of dm for the sort order, as a cursor
// safe to pass in JSON and URLs: each is base64url-encoded, since a date's
// sort value is binary. Score and ID come from dm itself, as Bleve gives
// "_score" for the score and a score-only search no ID sort value.
func encodeCursor(order []string, dm *search.DocumentMatch) []string {
	out := make([]string, len(order))
	for i, key := range order {
		var v string
		switch strings.TrimPrefix(key, "-") {
		case "_score":
			v = strconv.FormatFloat(dm.Score, 'g', -1, 64)
		case "_id":
			v = dm.ID
		default:
			if i < len(dm.Sort) {
				v = dm.Sort[i]
			}
		}
		out[i] = base64.RawURLEncoding.EncodeToString([]byte(v))
	}
	return out
}

// decodeCursor reverses encodeCursor, refusing values it did not make.
func decodeCursor(after []string) ([]string, error) {
	out := make([]string, len(after))
	for i, v := range after {
		b, err := base64.RawURLEncoding.DecodeString(v)
		if err != nil || len(v) > 512 {
			return nil, invalid("search_after value %d is not a sort value of a hit; pass the sort values of the last hit unchanged", i+1)
		}
		out[i] = string(b)
	}
	return out, nil
}

func sourceTypeList() string {
	var names []string
	for _, t := range newsintel.SourceTypes() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

// result converts Bleve's answer.
func (ix *Index) result(ctx context.Context, r *Request, res *bleve.SearchResult) (*Result, error) {
	out := &Result{
		Total:  res.Total,
		TookMS: float64(res.Took.Microseconds()) / 1000,
		Hits:   make([]Hit, 0, len(res.Hits)),
	}
	order := sortOrder(r)
	for _, dm := range res.Hits {
		h, err := toHit(dm, r.Highlight, ix.lex, ix.reportDamaged)
		if err != nil {
			// The page loses nothing else: the hit keeps what the index
			// still knows of it.
			ix.reportDamaged(dm.ID, fieldMeta, err)
			title, _ := dm.Fields[fieldTitle].(string)
			h = Hit{ID: dm.ID, Title: title, Score: dm.Score,
				Warning: "the stored document cannot be read; it shows in full again once it is indexed again"}
		}
		h.Sort = encodeCursor(order, dm)
		out.Hits = append(out.Hits, h)
	}
	out.Facets, out.Histogram = facetResults(r, res.Facets, ix.names)
	return out, nil
}

// plainHits converts matches to hits without fragments or sort values
// (for lists that take no cursor); damaged hears of bodies that cannot be
// read.
func plainHits(dms search.DocumentMatchCollection, lex *lexicon, damaged damageReport) ([]Hit, error) {
	hits := make([]Hit, 0, len(dms))
	for _, dm := range dms {
		h, err := toHit(dm, false, lex, damaged)
		if err != nil {
			return nil, err
		}
		h.Sort = nil
		hits = append(hits, h)
	}
	return hits, nil
}

// hitFields are the stored fields a Hit is made of (see toHit).
var hitFields = []string{fieldTitle, fieldMeta, fieldBodyWords}

// toHit builds a Hit from the stored fields of dm (hitFields) and its
// highlighted fragments. Its snippet is the body's best fragment, or
// where nothing in the body is highlighted, its start (see lead): the
// body is decoded with lex for it then only. A body that cannot be read
// leaves the snippet empty, with a warning, and damaged hears of it.
func toHit(dm *search.DocumentMatch, withFragments bool, lex *lexicon, damaged damageReport) (Hit, error) {
	meta, _ := dm.Fields[fieldMeta].(string)
	d, err := storedMeta(meta)
	if err != nil {
		return Hit{}, fmt.Errorf("index: decode hit %s: %w", dm.ID, err)
	}
	title, _ := dm.Fields[fieldTitle].(string)
	h := Hit{
		ID: dm.ID, Title: title, URL: d.URL, Kind: string(d.Kind), Source: d.Source,
		Publisher: d.Publisher, Published: publishedOf(d), Score: dm.Score,
	}
	if frags := dm.Fragments[fieldBody]; len(frags) > 0 && strings.Contains(frags[0], "<mark>") {
		h.Snippet = frags[0]
	} else if l, err := storedLead(dm, lex); err == nil {
		h.Snippet = html.EscapeString(l)
	} else {
		damaged(dm.ID, fieldBodyWords, err)
		h.Warning = "the stored body cannot be read; its snippet shows again once the document is indexed again"
	}
	if withFragments && len(dm.Fragments) > 0 {
		h.Fragments = dm.Fragments
	}
	return h, nil
}

// storedLead is the start of the stored body of dm (see lead), decoded
// with lex.
func storedLead(dm *search.DocumentMatch, lex *lexicon) (string, error) {
	words, _ := dm.Fields[fieldBodyWords].(string)
	body, err := lex.decodePrefix([]byte(words), 8*leadChars+1) // all lead reads
	if err != nil {
		return "", fmt.Errorf("index: decode body of %s: %w", dm.ID, err)
	}
	return lead(body, leadChars), nil
}
