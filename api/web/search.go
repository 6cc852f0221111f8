package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/index"
)

// The search page's defaults: the API's parameters, with more hits per
// page and the facets and histogram the sidebar and chart show.
const (
	searchPageSize = 20
	facetTerms     = 8
	moreFacetTerms = 40
	maxPageLinks   = 7
)

// searchFacets are the facets of the sidebar, in order, with headings;
// each facet's name is also its filter parameter.
var searchFacets = []struct{ Name, Heading string }{
	{"kind", "Kind"}, {"source_type", "Source type"}, {"entity", "Entity"}, {"publisher", "Publisher"},
	{"language", "Language"}, {"form", "Form"},
}

// searchData is the data of the search page.
type searchData struct {
	Q, Sort, Since, Until string
	Error                 string
	Searched              bool
	Total                 uint64
	TookMS                float64
	From, To              int
	Hits                  []index.Hit
	Facets                []facetView
	Active                []filterChip
	Hidden                []field // filters kept by the form
	Anonymous             *filterChip
	Chart                 chart
	Pager                 pager
	SaveHref              string // the topics page with this search in its form
}

type facetView struct {
	Heading string
	Terms   []facetTerm
	More    string // link showing more terms of every facet, when this one may have more
}

type facetTerm struct {
	Label  string
	Count  int
	Active bool
	Href   string
}

// filterChip is an active filter with the link that removes it.
type filterChip struct {
	Label  string
	Href   string
	Count  int
	Active bool
}

type field struct{ Name, Value string }

func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := searchData{Q: q.Get("q"), Sort: q.Get("sort"), Since: q.Get("since"), Until: q.Get("until")}
	req, err := api.ParseSearch(q)
	if err == nil {
		err = h.runSearch(r, q, &req, &d)
	}
	status := http.StatusOK
	if err != nil {
		status = h.errorStatus(err)
		d.Error = newsintel.ErrorMessage(err)
	}
	title := "Search"
	if d.Q != "" {
		title = clip(d.Q, 60) + " – Search"
	}
	h.render(w, r, "search", status, page{Title: title, Nav: "search", Data: d})
}

// runSearch asks the index and fills d with the hits, facets, chart and
// links of the page.
func (h *Handler) runSearch(r *http.Request, q url.Values, req *index.Request, d *searchData) error {
	if q.Get("size") == "" {
		req.Size = searchPageSize
	}
	for _, f := range searchFacets {
		req.Facets = append(req.Facets, f.Name)
	}
	if q.Get("facet_size") == "" {
		req.FacetSize = facetTerms
	}
	if req.DateHistogram == "" {
		req.DateHistogram = index.HistogramMonth
	}
	res, err := h.opts.Index.Search(r.Context(), *req)
	if err != nil {
		return err
	}
	d.Searched, d.Total, d.TookMS, d.Hits = true, res.Total, res.TookMS, res.Hits
	d.From, d.To = req.From+1, req.From+len(res.Hits)
	d.Facets = facetViews(q, res.Facets)
	d.Active, d.Hidden = activeFilters(q)
	d.Anonymous = anonymousToggle(q, res.Facets["source_type"])
	d.Chart = barChart("Matching documents per "+req.DateHistogram, "documents", req.DateHistogram,
		[]series{{Name: "documents", Class: "st-total", Counts: res.Histogram}})
	d.Pager = newPager("/search", q, req.From, req.Size, res.Total)
	// A topic's digest takes what is fetched in each period; an upper
	// bound on publication, kept from a search of the past, would leave
	// every one of them empty.
	save := clone(q)
	for _, k := range []string{"from", "size", "sort", "search_after", "facets", "facet_size", "histogram", "highlight", "until"} {
		save.Del(k)
	}
	d.SaveHref = "/topics?" + save.Encode()
	return nil
}

// facetViews turns facet counts into sidebar links that add or remove
// their value from the filter of the same name.
func facetViews(q url.Values, facets map[string][]index.FacetCount) []facetView {
	var out []facetView
	for _, f := range searchFacets {
		counts := facets[f.Name]
		if len(counts) == 0 {
			continue
		}
		v := facetView{Heading: f.Heading}
		for _, c := range counts {
			active := slices.Contains(q[f.Name], c.Term)
			v.Terms = append(v.Terms, facetTerm{Label: termLabel(f.Name, c), Count: c.Count, Active: active,
				Href: searchURL(toggle(q, f.Name, c.Term))})
		}
		if len(counts) == facetTerms && q.Get("facet_size") == "" {
			more := clone(q)
			more.Set("facet_size", strconv.Itoa(moreFacetTerms))
			v.More = searchURL(more)
		}
		out = append(out, v)
	}
	return out
}

// termLabel is how a facet value reads.
func termLabel(facet string, c index.FacetCount) string {
	switch facet {
	case "kind":
		return kindName(c.Term)
	case "source_type":
		return sourceTypeName(newsintel.SourceType(c.Term))
	}
	if c.Name != "" {
		return c.Name
	}
	return c.Term
}

// filterParams are the parameters the chips and hidden fields carry.
var filterParams = []string{"kind", "source", "publisher", "language", "form", "section", "entity", "company",
	"agency", "government", "person", "place", "source_type", "has_anonymous"}

// activeFilters lists the filters of q as removable chips, and as hidden
// fields for the query form so a new query keeps them.
func activeFilters(q url.Values) (chips []filterChip, hidden []field) {
	for _, name := range filterParams {
		for _, v := range q[name] {
			label := v
			switch name {
			case "kind":
				label = kindName(v)
			case "source_type":
				label = sourceTypeName(newsintel.SourceType(v))
			case "has_anonymous":
				label = "anonymous sources: " + v
			}
			chips = append(chips, filterChip{Label: label, Href: searchURL(toggle(q, name, v)), Active: true})
			hidden = append(hidden, field{Name: name, Value: v})
		}
	}
	return chips, hidden
}

// anonymousToggle is the "only documents resting on anonymous sources"
// switch, with the number of such documents.
func anonymousToggle(q url.Values, types []index.FacetCount) *filterChip {
	n := 0
	for _, c := range types {
		if c.Term == string(newsintel.SourceAnonymous) {
			n = c.Count
		}
	}
	on := q.Get("has_anonymous") == "true"
	if n == 0 && !on {
		return nil
	}
	return &filterChip{Label: "Only with anonymous sources", Count: n, Active: on,
		Href: searchURL(toggle(q, "has_anonymous", "true"))}
}

// toggle returns a copy of q with value v added to name, or removed when
// it is there; paging starts over.
func toggle(q url.Values, name, v string) url.Values {
	out := clone(q)
	out.Del("from")
	out.Del("search_after")
	if vs := out[name]; slices.Contains(vs, v) {
		out[name] = slices.DeleteFunc(slices.Clone(vs), func(s string) bool { return s == v })
		if len(out[name]) == 0 {
			out.Del(name)
		}
		return out
	}
	if name == "has_anonymous" {
		out.Del(name)
	}
	out.Add(name, v)
	return out
}

func clone(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, vs := range q {
		if len(vs) == 1 && vs[0] == "" {
			continue // empty form fields say nothing
		}
		out[k] = slices.Clone(vs)
	}
	return out
}

func searchURL(q url.Values) string {
	if len(q) == 0 {
		return "/search"
	}
	return "/search?" + q.Encode()
}

// pager holds the links between pages of a result list.
type pager struct {
	Prev, Next string
	Pages      []pageLink
}

type pageLink struct {
	N       int
	Href    string
	Current bool
}

// newPager links the pages around from within the index's window.
func newPager(path string, q url.Values, from, size int, total uint64) pager {
	var p pager
	if size <= 0 {
		return p
	}
	last := int(min(total, uint64(index.MaxWindow))) - 1
	if last < 0 {
		return p
	}
	at := func(f int) string {
		c := clone(q)
		c.Del("search_after")
		if f > 0 {
			c.Set("from", strconv.Itoa(f))
		} else {
			c.Del("from")
		}
		if len(c) == 0 {
			return path
		}
		return path + "?" + c.Encode()
	}
	if from > 0 {
		p.Prev = at(max(from-size, 0))
	}
	if from+size <= last && from+2*size <= index.MaxWindow {
		p.Next = at(from + size)
	}
	// A page is linked only when the index answers it: from + size within
	// its window, which a size not dividing the window cuts short.
	cur, pages := from/size, min(last/size+1, index.MaxWindow/size)
	first := max(0, min(cur-maxPageLinks/2, pages-maxPageLinks))
	for i := first; i < pages && i < first+maxPageLinks; i++ {
		p.Pages = append(p.Pages, pageLink{N: i + 1, Href: at(i * size), Current: i == cur})
	}
	if len(p.Pages) == 1 {
		p.Pages = nil
	}
	return p
}
