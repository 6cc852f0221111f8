package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/index"
)

// claimsPageSize is how many claims the claims page lists at once.
const claimsPageSize = 25

// claimsFacetTerms is how many outlets the claims page lists.
const claimsFacetTerms = 25

// claimsData is the data of the claims page.
type claimsData struct {
	Q, Entity, SourceType, Since, Until, Sort string
	Publishers                                []facetTerm
	Types                                     []facetTerm
	Error                                     string
	Searched                                  bool
	Total                                     uint64
	From, To                                  int
	Claims                                    []claimRow
	Chart                                     chart
	Pager                                     pager
	CSV                                       string
	CSVRows                                   int // rows the CSV link exports when fewer than Total (its bound)
	Hidden                                    []field
}

// claimRow is one claim of the list.
type claimRow struct {
	index.ClaimHit
	Who   string
	Links []entityLink // the entities the claim mentions, at most maxClaimLinks
}

const maxClaimLinks = 4

func newClaimRow(c index.ClaimHit) claimRow {
	row := claimRow{ClaimHit: c, Who: c.Source.Who()}
	for i, id := range c.Entities {
		if i == maxClaimLinks {
			break
		}
		name := id
		if i < len(c.EntityNames) && c.EntityNames[i] != "" {
			name = c.EntityNames[i]
		}
		row.Links = append(row.Links, entityLink{ID: id, Name: name, Type: newsintel.EntityType(entityTypeOf(id))})
	}
	return row
}

func (h *Handler) claimsPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := claimsData{Q: q.Get("q"), Entity: q.Get("entity"), SourceType: q.Get("source_type"),
		Since: q.Get("since"), Until: q.Get("until"), Sort: q.Get("sort")}
	req, err := api.ParseClaims(q)
	if err == nil {
		err = h.runClaims(r, q, req, &d)
	}
	status := http.StatusOK
	if err != nil {
		status = h.errorStatus(err)
		d.Error = newsintel.ErrorMessage(err)
	}
	h.render(w, r, "claims", status, page{Title: "Claims", Nav: "claims", Data: d})
}

func (h *Handler) runClaims(r *http.Request, q url.Values, req index.ClaimRequest, d *claimsData) error {
	if q.Get("size") == "" {
		req.Size = claimsPageSize
	}
	req.Facets = []string{index.ClaimFacetPublisher, index.ClaimFacetSourceType}
	if q.Get("facet_size") == "" {
		req.FacetSize = claimsFacetTerms
	}
	res, err := h.opts.Index.SearchClaims(r.Context(), req)
	if err != nil {
		return err
	}
	d.Searched, d.Total = true, res.Total
	d.From, d.To = req.From+1, req.From+len(res.Claims)
	for _, c := range res.Claims {
		d.Claims = append(d.Claims, newClaimRow(c))
	}
	for _, c := range res.Facets[index.ClaimFacetPublisher] {
		d.Publishers = append(d.Publishers, facetTerm{Label: c.Term, Count: c.Count,
			Active: contains(q["publisher"], c.Term), Href: claimsURL(toggle(q, "publisher", c.Term))})
	}
	for _, c := range res.Facets[index.ClaimFacetSourceType] {
		d.Types = append(d.Types, facetTerm{Label: c.Term, Count: c.Count,
			Active: contains(q["source_type"], c.Term), Href: claimsURL(toggle(q, "source_type", c.Term))})
	}
	d.Hidden = claimsHidden(q)
	interval := index.HistogramMonth
	ss, err := h.claimSeries(r.Context(), req, interval)
	if err != nil {
		return err
	}
	d.Chart = barChart("Claims per month by source type", "claims", interval, ss)
	d.Pager = newPager("/claims", q, req.From, req.Size, res.Total)
	csv := clone(q)
	csv.Del("from")
	csv.Set("format", "csv")
	csv.Set("size", strconv.Itoa(api.MaxCSVClaims)) // the whole bounded export, not the page
	d.CSV = "/api/v1/claims?" + csv.Encode()
	if d.Total > api.MaxCSVClaims {
		d.CSVRows = api.MaxCSVClaims
	}
	return nil
}

// claimsHidden lists what the claims form keeps as hidden fields: the
// filters it has no field for, and the values past the first of the two
// it shows one of (entity, source type), so that applying the form (a new
// query, another sort) does not drop them.
func claimsHidden(q url.Values) []field {
	var out []field
	for _, name := range []string{"publisher", "affiliation", "status", "include_removed", "size"} {
		for _, v := range q[name] {
			out = append(out, field{Name: name, Value: v})
		}
	}
	for _, name := range []string{"entity", "source_type"} {
		for i, v := range q[name] {
			if i > 0 {
				out = append(out, field{Name: name, Value: v})
			}
		}
	}
	return out
}

func claimsURL(q url.Values) string {
	if len(q) == 0 {
		return "/claims"
	}
	return "/claims?" + q.Encode()
}
