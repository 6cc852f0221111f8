package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
	"golang.org/x/sync/errgroup"
)

// Entity page limits.
const (
	DefaultLatest = 10 // documents per kind in EntityStats.Latest
	MaxLatest     = 100
	coMentioned   = 20 // other entities in EntityStats.CoMentioned
)

// EntityRequest asks for the statistics of one entity.
type EntityRequest struct {
	Since, Until time.Time // published range; zero bounds are open
	Interval     string    // timeline buckets: day, week or month; "" means month
	Latest       int       // newest documents per kind, 1 to 100; 0 means 10
}

// EntityStats is what the index knows about one entity: how often and
// when it is mentioned, with whom, where, and by which kinds of sources.
type EntityStats struct {
	ID          string       `json:"id"`
	Name        string       `json:"name,omitempty"` // canonical name as indexed
	Mentions    uint64       `json:"mentions"`       // documents mentioning it
	Timeline    []DateBucket `json:"timeline"`       // documents mentioning it per interval
	CoMentioned []FacetCount `json:"co_mentioned"`   // other entity IDs, most documents first
	// Latest holds the newest documents mentioning it, by kind ("article",
	// "filing", "notice"), newest first.
	Latest map[string][]Hit `json:"latest"`
	// ClaimsBySourceType counts, per source type, the documents holding a
	// claim about the entity (the entity is mentioned in the claim's text)
	// with that type of source.
	ClaimsBySourceType []FacetCount `json:"claims_by_source_type"`
}

// EntityStats returns the statistics of the entity with ID id
// ("company:alibaba-group"). It returns an EINVALID error for a malformed
// ID or request, ENOTFOUND when no indexed document mentions the entity,
// ETOOMANY and EUNAVAILABLE like Search. It is safe for concurrent use.
func (ix *Index) EntityStats(ctx context.Context, id string, r EntityRequest) (*EntityStats, error) {
	if err := validateEntityRequest(id, &r); err != nil {
		return nil, err
	}
	ctx, done, err := ix.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	st := &EntityStats{ID: id, Latest: make(map[string][]Hit, 3)}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return ix.entityFacets(gctx, id, &r, st) })
	latest := make([][]Hit, len(newsintel.Kinds()))
	for i, k := range newsintel.Kinds() {
		g.Go(func() (err error) {
			latest[i], err = ix.entityLatest(gctx, id, k, &r)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for i, k := range newsintel.Kinds() {
		st.Latest[string(k)] = latest[i]
	}
	if st.Mentions == 0 {
		if err := ix.entityMissing(ctx, id, &r); err != nil {
			return nil, err
		}
	}
	st.Name = ix.names.name(id)
	return st, nil
}

func validateEntityRequest(id string, r *EntityRequest) error {
	if !isEntityID(id) || strings.Contains(id, labelSep) || len(id) > 300 {
		return invalid("entity ID %q is not an ID; write the type, a colon and the name's slug, as in company:alibaba-group", id)
	}
	if r.Interval == "" {
		r.Interval = HistogramMonth
	}
	if histogramField(r.Interval) == "" {
		return invalid("interval %q is unknown; use day, week or month", r.Interval)
	}
	if r.Latest == 0 {
		r.Latest = DefaultLatest
	}
	if r.Latest < 0 || r.Latest > MaxLatest {
		return invalid("latest %d is out of range; ask for 1 to %d documents per kind", r.Latest, MaxLatest)
	}
	if !r.Since.IsZero() && !r.Until.IsZero() && r.Until.Before(r.Since) {
		return invalid("until is before since; swap them")
	}
	return nil
}

// begin takes one of the slots that bound concurrent searches and puts the
// query timeout on ctx; done gives both back. It returns an ETOOMANY error
// at once when every slot is taken.
func (ix *Index) begin(ctx context.Context) (qctx context.Context, done func(), err error) {
	select {
	case ix.searches <- struct{}{}:
	default:
		return nil, nil, newsintel.Errorf(newsintel.ETOOMANY, "too many searches at once; retry shortly")
	}
	qctx, cancel := context.WithTimeout(ctx, ix.opts.QueryTimeout)
	return qctx, func() { cancel(); <-ix.searches }, nil
}

// entityQuery matches the documents mentioning id in the published range
// of r, and of kind k unless k is "".
func entityQuery(id string, k newsintel.Kind, r *EntityRequest) query.Query {
	qs := []query.Query{term(fieldEntity, id)}
	if k != "" {
		qs = append(qs, term(fieldKind, string(k)))
	}
	if q := publishedRange(r.Since, r.Until); q != nil {
		qs = append(qs, q)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewConjunctionQuery(qs)
}

// claimSources counts, per source type, the documents in the range of r
// holding a claim about id with that type of source, most first. Each
// count is a search of two or three terms that Bleve answers by
// intersecting their postings, which costs far less than reading every
// matching document's claim sources as a facet would.
func (ix *Index) claimSources(ctx context.Context, id string, r *EntityRequest) ([]FacetCount, error) {
	out := []FacetCount{}
	for _, t := range newsintel.SourceTypes() {
		q := query.NewConjunctionQuery([]query.Query{entityQuery(id, "", r), term(fieldClaimSource, id+labelSep+string(t))})
		req := bleve.NewSearchRequestOptions(q, 0, 0, false)
		req.Score = "none"
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, searchErr(ctx, err)
		}
		if res.Total > 0 {
			out = append(out, FacetCount{Term: string(t), Count: int(res.Total)})
		}
	}
	slices.SortFunc(out, func(a, b FacetCount) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Term, b.Term)) })
	return out, nil
}

// entityLatest returns the newest documents of kind k mentioning id.
func (ix *Index) entityLatest(ctx context.Context, id string, k newsintel.Kind, r *EntityRequest) ([]Hit, error) {
	req := bleve.NewSearchRequestOptions(entityQuery(id, k, r), r.Latest, 0, false)
	req.Score = "none"
	req.Fields = hitFields
	req.SortByCustom(sortFields([]string{"-" + fieldPublishedKey})) // no cursor here, so no need to read every match's ID
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchErr(ctx, err)
	}
	return plainHits(res.Hits, ix.lex, ix.reportDamaged)
}

// entityMissing tells an entity no document mentions (ENOTFOUND) from one
// that is only not mentioned within the range of r (an empty page).
func (ix *Index) entityMissing(ctx context.Context, id string, r *EntityRequest) error {
	if r.Since.IsZero() && r.Until.IsZero() {
		return newsintel.Errorf(newsintel.ENOTFOUND, "no document mentions entity %q", id)
	}
	req := bleve.NewSearchRequestOptions(term(fieldEntity, id), 0, 0, false)
	req.Score = "none"
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return searchErr(ctx, err)
	}
	if res.Total == 0 {
		return newsintel.Errorf(newsintel.ENOTFOUND, "no document mentions entity %q", id)
	}
	return nil
}
