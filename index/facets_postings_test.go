package index

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestPostingFacetsAreBleves checks that facets counted from postings
// equal Bleve's, counted from doc values, term for term and in order:
// over several segments, with replaced documents (deleted in their old
// segments), with and
// without a query, filters, sizes that cut ties, and a cursor.
func TestPostingFacetsAreBleves(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := synthDocs(900, 5)
	for i := range docs {
		if i%7 == 0 {
			docs[i].Language = "de"
		}
		if i%11 == 0 {
			docs[i].Section = ""
		}
	}
	for i := 0; i < len(docs); i += 300 {
		require.NoError(t, ix.Put(t.Context(), docs[i:i+300]))
	}
	// Replace some documents: their old versions are deleted in their
	// segments.
	changed := make([]newsintel.Document, 0, 60)
	for i := 0; i < 600; i += 10 {
		d := docs[i]
		d.Publisher, d.Revision = "Replaced Wire", 2
		changed = append(changed, d)
	}
	require.NoError(t, ix.Put(t.Context(), changed))
	// One document with a rare word, put with two others of other
	// publishers and sources: wherever it ends up, its segment has more
	// terms in those fields than hits, so they are counted from doc values.
	rare := synthDocs(3, 99)
	for i := range rare {
		rare[i].ID = fmt.Sprintf("rare-%d", i)
		rare[i].Publisher = fmt.Sprintf("Rare Press %d", i)
		rare[i].Source = fmt.Sprintf("rare-source-%d", i)
	}
	rare[0].Title += " Zanzibar"
	require.NoError(t, ix.Put(t.Context(), rare))
	all := FacetNames()
	counted := 0
	for _, r := range []Request{
		{Facets: all},
		{Query: "antitrust regulators", Facets: all},
		{Query: `"cloud computing"`, Kind: []string{"article"}, Company: []string{"Tesla"}, Facets: all, FacetSize: 2},
		{Query: "shares", Facets: []string{"source", "publisher", "source_type"}, FacetSize: 1},
		{Query: "nothingmatcheshere", Facets: all},
		{Query: "investigation", Language: []string{"de"}, Facets: all, FacetSize: 3},
		{Query: "settlement", Sort: SortDateDesc, Facets: all},
		{Query: "zanzibar", Facets: all},
		{Query: "zanzibar OR investigation", Facets: all, FacetSize: 4},
		// No query, by relevance: Bleve would stop after the page were
		// there no facet left for it to count.
		{Sort: SortRelevance, Facets: []string{"source", "publisher"}},
	} {
		req, err := ix.buildRequest(&r)
		require.NoError(t, err)
		req.Highlight = nil
		res, err := ix.bleve.SearchInContext(t.Context(), req)
		require.NoError(t, err)
		want, _ := facetResults(&r, res.Facets, ix.names)
		got, err := ix.Search(t.Context(), r)
		require.NoError(t, err)
		name := fmt.Sprintf("%q size %d", r.Query, r.FacetSize)
		require.Equal(t, res.Total, got.Total, name)
		for _, f := range r.Facets {
			require.Equal(t, want[f], got.Facets[f], "%s: facet %s", name, f)
			if postingFacets[f] && len(want[f]) > 0 {
				counted++
			}
		}
	}
	require.Greater(t, counted, 15, "too few facets counted from postings for the test to show much")
}

// TestEntityFacetsCountDocuments checks entity facets against the
// documents' own mentions, over several segments and over those segments
// merged into one, with replaced documents, with and without a filter;
// and that the merged segment still keeps the doc values of
// unchunkedDocValues a document each.
func TestEntityFacetsCountDocuments(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := synthDocs(600, 8)
	for i := 0; i < len(docs); i += 150 {
		require.NoError(t, ix.Put(t.Context(), docs[i:i+150]))
	}
	for i := 0; i < len(docs); i += 9 { // replaced: no mentions left
		docs[i].Revision, docs[i].Mentions = 2, nil
		require.NoError(t, ix.Put(t.Context(), docs[i:i+1]))
	}
	checkEntityFacets(t, ix, docs)
	adv, err := ix.bleve.Advanced()
	require.NoError(t, err)
	sc := adv.(*scorch.Scorch)
	require.NoError(t, sc.ForceMerge(t.Context(), &mergeplan.SingleSegmentMergePlanOptions))
	checkEntityFacets(t, ix, docs)
	r, err := sc.Reader()
	require.NoError(t, err)
	defer r.Close()
	segs := r.(*scorch.IndexSnapshot).Segments()
	require.Len(t, segs, 1, "segments after a forced merge")
	// zap keeps a segment's field options unexported; read them.
	opts := reflect.ValueOf(segs[0].Segment()).Elem().FieldByName("fieldsOptions")
	require.True(t, opts.IsValid(), "zap's segment has no fieldsOptions any more: find another way to read them")
	for _, f := range append(FacetNames(), fieldPublishedDay) {
		o := opts.MapIndex(reflect.ValueOf(f))
		if !o.IsValid() {
			continue // no document has the field
		}
		unchunked := index.FieldIndexingOptions(o.Uint())&(index.SkipDVChunking|index.SkipDVCompression) == index.SkipDVChunking|index.SkipDVCompression
		require.Equal(t, unchunkedDocValues[f], unchunked, "field %s: doc values a document each", f)
	}
}

// checkEntityFacets checks the entity facets of ix, whose documents are
// docs, against their mentions.
func checkEntityFacets(t *testing.T, ix *Index, docs []newsintel.Document) {
	t.Helper()
	fields := []string{fieldEntity, fieldCompany, fieldAgency, fieldGovernment, fieldPerson, fieldPlace}
	for _, kind := range []string{"", "article"} {
		want := map[string]map[string]int{}
		for _, f := range fields {
			want[f] = map[string]int{}
		}
		for _, d := range docs {
			if kind != "" && string(d.Kind) != kind {
				continue
			}
			seen := map[string]bool{}
			for _, m := range d.Mentions {
				if !seen[m.EntityID] {
					seen[m.EntityID] = true
					want[fieldEntity][m.EntityID]++
					want[entityField(m.Type)][m.EntityID]++
				}
			}
		}
		r := Request{Facets: fields, FacetSize: MaxFacetSize}
		if kind != "" {
			r.Kind = []string{kind}
		}
		res, err := ix.Search(t.Context(), r)
		require.NoError(t, err)
		for _, f := range fields {
			got := map[string]int{}
			for _, c := range res.Facets[f] {
				got[c.Term] = c.Count
			}
			require.Equal(t, want[f], got, "kind %q: facet %s", kind, f)
		}
	}
}
