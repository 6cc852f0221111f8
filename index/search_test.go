package index

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestSearchEmptyQueryNewestFirst(t *testing.T) {
	ix := loaded(t)
	res, err := ix.Search(t.Context(), Request{})
	require.NoError(t, err)
	// The 10-K has no published date but was filed on 2024-01-29; the
	// blog post has no date at all and comes last.
	want := []string{idRule, idBoeing, idPFAS, idAlibaba, idHuawei, idTesla, idAmazon, idUndated}
	if got := hitIDs(res); !slices.Equal(got, want) {
		t.Errorf("empty query order = %v, want %v", got, want)
	}
	if res.Total != 8 {
		t.Errorf("Total = %d, want 8", res.Total)
	}
	h := res.Hits[0]
	if h.Title != "PFAS National Primary Drinking Water Regulation" || h.Kind != "notice" ||
		h.Publisher != "Federal Register" || !h.Published.Equal(time.Date(2024, 4, 26, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("first hit = %+v, want the Federal Register rule of 2024-04-26", h)
	}
	if !strings.HasPrefix(h.Snippet, "The Environmental Protection Agency is promulgating") || !strings.HasSuffix(h.Snippet, "…") {
		t.Errorf("snippet without a query = %q, want the start of the body ending in …", h.Snippet)
	}
}

func TestSearchSortOrders(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		sort  string
		first string
	}{
		{SortDate, idAmazon},
		{SortDateDesc, idRule},
	}
	for _, tt := range tests {
		res, err := ix.Search(t.Context(), Request{Query: "regulators OR rule", Sort: tt.sort})
		require.NoError(t, err, tt.sort)
		if len(res.Hits) == 0 || res.Hits[0].ID != tt.first {
			t.Errorf("sort %q: hits %v, want %s first", tt.sort, hitIDs(res), tt.first)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	ix := loaded(t)
	yes, no := true, false
	tests := []struct {
		name string
		req  Request
		want []string // in newest-first order
	}{
		{"kind", Request{Kind: []string{"filing", "Notice"}}, []string{idRule, idTesla}},
		{"source", Request{Source: []string{"reuters-tech", "reuters-legal"}}, []string{idAlibaba, idAmazon}},
		{"publisher", Request{Publisher: []string{"Associated Press"}}, []string{idPFAS}},
		{"language", Request{Language: []string{"DE"}}, []string{idHuawei}},
		{"form", Request{Form: []string{"10-k"}}, []string{idTesla}},
		{"section of an article", Request{Section: []string{"Climate"}}, []string{idPFAS}},
		{"section of a filing", Request{Section: []string{"Item 1A. Risk Factors"}}, []string{idTesla}},
		{"entity by ID", Request{Entity: []string{"company:boeing"}}, []string{idBoeing}},
		{"entity by name", Request{Entity: []string{"Lina Khan"}}, []string{idAmazon}},
		{"company by name", Request{Company: []string{"Alibaba Cloud"}}, []string{idAlibaba}},
		{"agency from notice metadata", Request{Agency: []string{"Environmental Protection Agency"}}, []string{idRule, idPFAS}},
		{"agency by ID", Request{Agency: []string{"agency:securities-and-exchange-commission"}}, []string{idTesla}},
		{"government", Request{Government: []string{"Biden administration"}}, []string{idAlibaba}},
		{"person", Request{Person: []string{"Michael Regan"}}, []string{idPFAS}},
		{"place", Request{Place: []string{"Brussels", "China"}}, []string{idAlibaba, idUndated}},
		{"source type", Request{SourceType: []string{"no_response"}}, []string{idBoeing, idAlibaba}},
		{"has anonymous", Request{HasAnonymous: &yes}, []string{idBoeing, idAlibaba, idHuawei}},
		{"has no anonymous", Request{HasAnonymous: &no, Kind: []string{"article"}}, []string{idPFAS, idAmazon, idUndated}},
		{"since", Request{Since: time.Date(2024, 3, 14, 9, 0, 0, 0, time.UTC)}, []string{idRule, idBoeing, idPFAS}},
		{"until inclusive", Request{Until: time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC)}, []string{idTesla, idAmazon}},
		{"filters combine", Request{Kind: []string{"article"}, Agency: []string{"Environmental Protection Agency"}}, []string{idPFAS}},
		{"filter with query", Request{Query: "comment", HasAnonymous: &yes, Sort: SortDateDesc}, []string{idBoeing, idAlibaba}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(t.Context(), tt.req)
			require.NoError(t, err)
			if got := hitIDs(res); !slices.Equal(got, tt.want) {
				t.Errorf("hits = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSearchQueries(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		query string
		first string   // expected best hit ("" for none)
		all   []string // expected set of hits, when the test pins it
	}{
		{query: "alibaba", first: idAlibaba, all: []string{idAlibaba}},
		{query: "regulations", first: idRule},                                // stems to "regul"
		{query: `"forever chemicals"`, first: idPFAS, all: []string{idPFAS}}, // phrase
		{query: `"chemicals forever"`, all: []string{}},                      // word order matters in a phrase
		{query: "drinking water", first: idRule},                             // title words outrank body words
		{query: "+water -promulgating", all: []string{idPFAS}},               // must and must-not
		{query: "water AND NOT promulgating", all: []string{idPFAS}},         // operators
		{query: "kind:notice", all: []string{idRule}},                        // keyword field
		{query: "company:Amazon", all: []string{idAmazon}},                   // entity name → ID
		{query: `agency:"Federal Aviation Administration"`, all: []string{idBoeing}},
		{query: "regulat*", first: idRule},    // prefix on stemmed terms
		{query: "alibba~1", first: idAlibaba}, // fuzzy
		{query: "title:boeing", all: []string{idBoeing}},
		{query: "+published:>=2024-03-14 +water", all: []string{idPFAS, idRule}}, // date range
		{query: "published:2024-03-12", all: []string{idAlibaba}},                // one day
		{query: "+(amazon OR boeing) +regulators", all: []string{idBoeing, idAmazon}},
		{query: "source_type:declined", all: []string{idAlibaba, idHuawei}},
		{query: "has_anonymous:true AND kind:article AND cloud", all: []string{idAlibaba}},
		{query: "-alibaba -water -regulators", all: []string{idHuawei, idTesla}}, // only must-not
		{query: "the", all: []string{}},                                          // stop words only
		{query: "what did the EPA administrator say?", first: idPFAS},            // trailing ? is punctuation
		{query: "COVID-19", all: []string{}},
		{query: "737 MAX", first: idBoeing},
		{query: "AT&T OR ratepayers", first: idPFAS},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(t.Context(), Request{Query: tt.query})
			require.NoError(t, err)
			for _, h := range res.Hits {
				if math.IsNaN(h.Score) || math.IsInf(h.Score, 0) {
					t.Errorf("hit %s has score %v, want a number (JSON cannot carry it)", h.ID, h.Score)
				}
			}
			got := hitIDs(res)
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("hits = %v, want %s first", got, tt.first)
			}
			if tt.all != nil {
				slices.Sort(got)
				want := slices.Sorted(slices.Values(tt.all))
				if !slices.Equal(got, want) {
					t.Errorf("hits = %v, want %v", got, want)
				}
			}
		})
	}
}

func TestSearchHighlight(t *testing.T) {
	ix := loaded(t)
	res, err := ix.Search(t.Context(), Request{Query: "ratepayers chemicals", Highlight: true})
	require.NoError(t, err)
	require.NotEmpty(t, res.Hits)
	h := res.Hits[0]
	if h.ID != idPFAS {
		t.Fatalf("first hit = %s, want %s", h.ID, idPFAS)
	}
	if !strings.Contains(h.Snippet, "<mark>ratepayers</mark>") && !strings.Contains(h.Snippet, "<mark>chemicals</mark>") {
		t.Errorf("snippet = %q, want a <mark>ed query word", h.Snippet)
	}
	if strings.Contains(h.Snippet, " & ") {
		t.Errorf("snippet = %q, want & escaped as &amp;", h.Snippet)
	}
	if len(h.Fragments["title"]) == 0 || !strings.Contains(h.Fragments["title"][0], "<mark>chemicals</mark>") {
		t.Errorf("title fragments = %q, want <mark>chemicals</mark>", h.Fragments["title"])
	}
	res, err = ix.Search(t.Context(), Request{Query: "ratepayers"})
	require.NoError(t, err)
	if len(res.Hits) != 1 || res.Hits[0].Fragments != nil || !strings.Contains(res.Hits[0].Snippet, "<mark>") {
		t.Errorf("without Highlight: hits %+v, want a <mark>ed snippet and no fragments", res.Hits)
	}
}

func TestSearchFacets(t *testing.T) {
	ix := loaded(t)
	res, err := ix.Search(t.Context(), Request{
		Facets:        []string{"kind", "source_type", "agency", "publisher"},
		DateHistogram: HistogramMonth,
	})
	require.NoError(t, err)
	tests := []struct {
		facet string
		want  []FacetCount
	}{
		{"kind", []FacetCount{{Term: "article", Count: 6}, {Term: "filing", Count: 1}, {Term: "notice", Count: 1}}},
		{"publisher", []FacetCount{{Term: "Reuters", Count: 2}, {Term: "Associated Press", Count: 1}, {Term: "BBC News", Count: 1},
			{Term: "Federal Register", Count: 1}, {Term: "Tesla, Inc.", Count: 1}, {Term: "tagesschau.de", Count: 1}}},
		{"agency", []FacetCount{{Term: "agency:environmental-protection-agency", Count: 2}, {Term: "agency:european-commission", Count: 1},
			{Term: "agency:federal-aviation-administration", Count: 1}, {Term: "agency:federal-trade-commission", Count: 1},
			{Term: "agency:securities-and-exchange-commission", Count: 1}, {Term: "agency:us-department-of-commerce", Count: 1},
			{Term: "agency:us-department-of-justice", Count: 1}}},
		{"source_type", []FacetCount{{Term: "anonymous", Count: 3}, {Term: "declined", Count: 2}, {Term: "no_response", Count: 2}, {Term: "organization", Count: 3}, {Term: "person", Count: 3}, {Term: "unattributed", Count: 1}}},
	}
	for _, tt := range tests {
		got := slices.Clone(res.Facets[tt.facet])
		for i := range got {
			got[i].Name = "" // checked below
		}
		slices.SortFunc(got, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Term, b.Term)
		})
		want := slices.Clone(tt.want)
		slices.SortFunc(want, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Term, b.Term)
		})
		if !slices.Equal(got, want) {
			t.Errorf("facet %s = %v, want %v", tt.facet, got, want)
		}
	}
	for _, fc := range res.Facets["agency"] {
		if fc.Term == "agency:environmental-protection-agency" && fc.Name != "Environmental Protection Agency" {
			t.Errorf("agency facet %s has name %q, want %q", fc.Term, fc.Name, "Environmental Protection Agency")
		}
		if fc.Name == "" {
			t.Errorf("agency facet %s has no name", fc.Term)
		}
	}
	for _, fc := range res.Facets["publisher"] {
		if fc.Name != "" {
			t.Errorf("publisher facet %s has name %q, want none (only entity facets have names)", fc.Term, fc.Name)
		}
	}
	wantHist := []DateBucket{
		{time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC), 1}, {time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC), 0}, {time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 1}, {time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 3}, {time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), 1},
	}
	if !slices.Equal(res.Histogram, wantHist) {
		t.Errorf("month histogram = %v, want %v", res.Histogram, wantHist)
	}
}

func TestSearchWeekHistogram(t *testing.T) {
	ix := loaded(t)
	res, err := ix.Search(t.Context(), Request{Since: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		Until: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), DateHistogram: HistogramWeek})
	require.NoError(t, err)
	// 12 March (Tue) and 14 March (Thu) fall in the week of Monday 11
	// March; 20 March 18:30+01:00 in the week of Monday 18 March.
	want := []DateBucket{{time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC), 2}, {time.Date(2024, 3, 18, 0, 0, 0, 0, time.UTC), 1}}
	if !slices.Equal(res.Histogram, want) {
		t.Errorf("week histogram = %v, want %v", res.Histogram, want)
	}
}

func TestSearchRefusesBadRequests(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		name string
		req  Request
	}{
		{"size too big", Request{Size: 101}},
		{"negative size", Request{Size: -1}},
		{"negative from", Request{From: -5}},
		{"window too deep", Request{From: 9995, Size: 10}},
		{"unknown sort", Request{Sort: "newest"}},
		{"unknown facet", Request{Facets: []string{"colour"}}},
		{"unknown histogram", Request{DateHistogram: "year"}},
		{"unknown kind", Request{Kind: []string{"tweet"}}},
		{"unknown source type", Request{SourceType: []string{"rumour"}}},
		{"until before since", Request{Since: time.Now(), Until: time.Now().Add(-time.Hour)}},
		{"bad query", Request{Query: "*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(t.Context(), tt.req)
			if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
				t.Errorf("code = %q (%v), want %q", got, err, newsintel.EINVALID)
			}
		})
	}
}

func TestSearchPaging(t *testing.T) {
	ix := loaded(t)
	var got []string
	for from := 0; from < 8; from += 3 {
		res, err := ix.Search(t.Context(), Request{Size: 3, From: from})
		require.NoError(t, err)
		got = append(got, hitIDs(res)...)
	}
	want := []string{idRule, idBoeing, idPFAS, idAlibaba, idHuawei, idTesla, idAmazon, idUndated}
	if !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
}

func TestSearchTooManyAtOnce(t *testing.T) {
	ix, _ := openTemp(t, Options{MaxConcurrentSearches: 1})
	ix.searches <- struct{}{} // a search in flight
	_, err := ix.Search(t.Context(), Request{Query: "water"})
	if got := newsintel.ErrorCode(err); got != newsintel.ETOOMANY {
		t.Errorf("code = %q (%v), want %q", got, err, newsintel.ETOOMANY)
	}
	<-ix.searches
	_, err = ix.Search(t.Context(), Request{Query: "water"})
	require.NoError(t, err, "search after the slot freed")
}

func TestSearchTimeout(t *testing.T) {
	ix, _ := openTemp(t, Options{QueryTimeout: time.Nanosecond})
	require.NoError(t, ix.Put(t.Context(), loadDocs(t)))
	_, err := ix.Search(t.Context(), Request{Query: "water"})
	if got := newsintel.ErrorCode(err); got != newsintel.EUNAVAILABLE {
		t.Errorf("code = %q (%v), want %q", got, err, newsintel.EUNAVAILABLE)
	}
}
