package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/index"
)

// entityData is the data of the entity page.
type entityData struct {
	Entity       newsintel.Entity
	Known        bool // the gazetteer knows it
	Mentions     uint64
	Since, Until string
	Interval     string
	Timeline     chart
	ClaimsChart  chart
	ClaimTypes   []index.FacetCount
	CoMentioned  []index.FacetCount
	Latest       []latestList
	ClaimsHref   string
	SearchHref   string
}

// latestList is the newest documents of one kind.
type latestList struct {
	Heading string
	Hits    []index.Hit
}

func (h *Handler) entityPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	q := r.URL.Query()
	req, err := api.ParseEntityRequest(q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if req.Interval == "" {
		req.Interval = index.HistogramMonth
	}
	d := entityData{Since: q.Get("since"), Until: q.Get("until"), Interval: req.Interval,
		ClaimsHref: "/claims?entity=" + escapeQuery(id), SearchHref: "/search?entity=" + escapeQuery(id)}
	d.Entity, d.Known = h.lookupEntity(id)
	st, err := h.opts.Index.EntityStats(r.Context(), id, req)
	if err != nil && !(d.Known && newsintel.ErrorCode(err) == newsintel.ENOTFOUND) {
		h.fail(w, r, err)
		return
	}
	if st != nil {
		h.fillEntity(r.Context(), &d, st, req)
	}
	name := d.Entity.Name
	if name == "" {
		name = id
	}
	h.render(w, r, "entity", http.StatusOK, page{Title: clip(name, 80), Nav: "entity", Data: d})
}

func (h *Handler) fillEntity(ctx context.Context, d *entityData, st *index.EntityStats, req index.EntityRequest) {
	if d.Entity.Name == "" {
		d.Entity.Name = st.Name
	}
	d.Mentions, d.ClaimTypes, d.CoMentioned = st.Mentions, st.ClaimsBySourceType, st.CoMentioned
	d.Timeline = barChart("Documents mentioning "+firstOf(d.Entity.Name, d.Entity.ID)+" per "+req.Interval, "documents",
		req.Interval, []series{{Name: "documents", Class: "st-total", Counts: st.Timeline}})
	for _, k := range newsintel.Kinds() {
		d.Latest = append(d.Latest, latestList{Heading: "Latest " + strings.ToLower(kindName(string(k))) + "s", Hits: st.Latest[string(k)]})
	}
	ss, err := h.claimSeries(ctx, index.ClaimRequest{Entity: []string{d.Entity.ID}, Since: req.Since, Until: req.Until}, req.Interval)
	if err != nil {
		h.log.Warn("entity claims timeline failed", "entity", d.Entity.ID, "error", err)
	}
	d.ClaimsChart = barChart("Claims about "+firstOf(d.Entity.Name, d.Entity.ID)+" by source type", "claims", req.Interval, ss)
}

// claimSeries counts the claims base matches per interval, one series per
// source type present, in the fixed order of newsintel.SourceTypes.
func (h *Handler) claimSeries(ctx context.Context, base index.ClaimRequest, interval string) ([]series, error) {
	base.Size, base.From, base.Query = 1, 0, strings.TrimSpace(base.Query)
	probe := base
	probe.Facets = []string{index.ClaimFacetSourceType}
	res, err := h.opts.Index.SearchClaims(ctx, probe)
	if err != nil {
		return nil, err
	}
	present := map[string]bool{}
	for _, c := range res.Facets[index.ClaimFacetSourceType] {
		present[c.Term] = c.Count > 0
	}
	var out []series
	for _, t := range newsintel.SourceTypes() {
		if !present[string(t)] || (len(base.SourceType) > 0 && !contains(base.SourceType, string(t))) {
			continue
		}
		one := base
		one.SourceType, one.DateHistogram = []string{string(t)}, interval
		res, err := h.opts.Index.SearchClaims(ctx, one)
		if err != nil {
			return out, err
		}
		out = append(out, series{Name: sourceTypeName(t), Class: "st-" + string(t), Counts: res.Histogram})
	}
	return out, nil
}

// lookupEntity returns the gazetteer's entity for id, or a bare one built
// from the ID, and whether the gazetteer knew it.
func (h *Handler) lookupEntity(id string) (newsintel.Entity, bool) {
	if h.opts.Gazetteer != nil {
		if e, ok := h.opts.Gazetteer.Entity(id); ok {
			return e, true
		}
	}
	return newsintel.Entity{ID: id, Type: newsintel.EntityType(entityTypeOf(id))}, false
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if strings.EqualFold(s, v) {
			return true
		}
	}
	return false
}
