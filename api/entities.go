package api

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// EntityIndex is what the entity page needs of the index; Options.Index
// provides it when it has the method (the real index does).
type EntityIndex interface {
	EntityStats(ctx context.Context, id string, r index.EntityRequest) (*index.EntityStats, error)
}

// maxEntityPrefix bounds the autocomplete prefix.
const maxEntityPrefix = 100

// entitySuggestion is one autocomplete answer.
type entitySuggestion struct {
	ID          string               `json:"id"`
	Name        string               `json:"name"`
	Type        newsintel.EntityType `json:"type"`
	Aliases     []string             `json:"aliases,omitempty"`
	Identifiers map[string]string    `json:"identifiers,omitempty"`
	Mentions    int                  `json:"mentions,omitempty"` // indexed documents, when the index was asked
}

// entityPage is the JSON of /api/v1/entities/{id}.
type entityPage struct {
	Entity             newsintel.Entity       `json:"entity"`
	Mentions           uint64                 `json:"mentions"`
	Timeline           []index.DateBucket     `json:"timeline"`
	CoMentioned        []index.FacetCount     `json:"co_mentioned"`
	Latest             map[string][]searchHit `json:"latest"`
	ClaimsBySourceType []index.FacetCount     `json:"claims_by_source_type"`
}

func (s *Server) entityList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := knownParams(q, entityListParams); err != nil {
		s.fail(w, r, err)
		return
	}
	prefix := strings.TrimSpace(q.Get("q"))
	typ := newsintel.EntityType(strings.ToLower(q.Get("type")))
	size, err := intParam(q, "size", 10)
	switch {
	case err != nil:
	case prefix == "":
		err = newsintel.Errorf(newsintel.EINVALID, "q is empty; give the start of a name, such as q=alib")
	case len(prefix) > maxEntityPrefix:
		err = newsintel.Errorf(newsintel.EINVALID, "q is %d bytes; give at most %d", len(prefix), maxEntityPrefix)
	case typ != "" && !typ.Valid():
		err = newsintel.Errorf(newsintel.EINVALID, "type=%q is unknown; use company, agency, government, person or place", clipText(string(typ), 40))
	case size < 1 || size > index.MaxSize:
		err = newsintel.Errorf(newsintel.EINVALID, "size=%d is out of range; ask for 1 to %d", size, index.MaxSize)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := s.gazetteerSuggestions(prefix, typ, size)
	out = s.indexSuggestions(r.Context(), prefix, typ, size, out)
	writeJSON(w, http.StatusOK, map[string]any{"entities": out})
}

func (s *Server) gazetteerSuggestions(prefix string, typ newsintel.EntityType, size int) []entitySuggestion {
	out := []entitySuggestion{}
	if s.opts.Gazetteer == nil {
		return out
	}
	for _, e := range s.opts.Gazetteer.Search(prefix, typ, size) {
		out = append(out, entitySuggestion{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases, Identifiers: e.Identifiers})
	}
	return out
}

// indexSuggestions adds entities the index knows whose ID starts with the
// prefix's slug (those found by rules, not in the gazetteer), most
// mentioned first, until there are size. It is one facet search; any
// failure (a prefix too short or too common) leaves the gazetteer's answer
// as it is.
func (s *Server) indexSuggestions(ctx context.Context, prefix string, typ newsintel.EntityType, size int, out []entitySuggestion) []entitySuggestion {
	slug := newsintel.Slug(prefix)
	if len(out) >= size || len([]rune(slug)) < 2 || !plainSlug(slug) {
		return out
	}
	types := newsintel.EntityTypes()
	if typ != "" {
		types = []newsintel.EntityType{typ}
	}
	var clauses, starts []string
	for _, t := range types {
		clauses = append(clauses, "entity:"+string(t)+":"+slug+"*")
		starts = append(starts, string(t)+":"+slug)
	}
	res, err := s.index.Search(ctx, index.Request{
		Query: strings.Join(clauses, " OR "), Size: 1, Facets: []string{"entity"}, FacetSize: index.MaxFacetSize,
	})
	if err != nil {
		return out
	}
	for _, f := range res.Facets["entity"] {
		if len(out) >= size {
			break
		}
		match := slices.ContainsFunc(starts, func(p string) bool { return strings.HasPrefix(f.Term, p) })
		if !match || slices.ContainsFunc(out, func(e entitySuggestion) bool { return e.ID == f.Term }) {
			continue
		}
		t, _, _ := strings.Cut(f.Term, ":")
		out = append(out, entitySuggestion{ID: f.Term, Name: firstNonEmpty(f.Name, f.Term), Type: newsintel.EntityType(t), Mentions: f.Count})
	}
	return out
}

// plainSlug reports whether a slug is letters, digits and dashes only, so
// it can go into a query string as it is.
func plainSlug(p string) bool {
	for _, c := range p {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-' {
			return false
		}
	}
	return true
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) {
	ei, ok := s.index.(EntityIndex)
	if !ok {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server's index cannot answer entity pages"))
		return
	}
	id := r.PathValue("id")
	req, err := parseEntityRequest(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ent, known := s.lookupEntity(id)
	st, err := ei.EntityStats(r.Context(), id, req)
	if err != nil && !(known && newsintel.ErrorCode(err) == newsintel.ENOTFOUND) {
		s.fail(w, r, err)
		return
	}
	page := entityPage{Entity: ent, Latest: map[string][]searchHit{}, Timeline: []index.DateBucket{},
		CoMentioned: []index.FacetCount{}, ClaimsBySourceType: []index.FacetCount{}}
	if st != nil {
		fillEntityPage(&page, st)
	}
	writeJSON(w, http.StatusOK, page)
}

// lookupEntity returns the gazetteer's entity for id, or a bare one built
// from the ID, and whether the gazetteer knew it.
func (s *Server) lookupEntity(id string) (newsintel.Entity, bool) {
	if s.opts.Gazetteer != nil {
		if e, ok := s.opts.Gazetteer.Entity(id); ok {
			return e, true
		}
	}
	t, _, _ := strings.Cut(id, ":")
	return newsintel.Entity{ID: id, Type: newsintel.EntityType(t)}, false
}

func fillEntityPage(p *entityPage, st *index.EntityStats) {
	if p.Entity.Name == "" {
		p.Entity.Name = st.Name
	}
	p.Mentions = st.Mentions
	p.Timeline = orEmpty(st.Timeline, p.Timeline)
	p.CoMentioned = orEmpty(st.CoMentioned, p.CoMentioned)
	p.ClaimsBySourceType = orEmpty(st.ClaimsBySourceType, p.ClaimsBySourceType)
	for kind, hits := range st.Latest {
		p.Latest[kind] = toSearchHits(hits)
	}
}

// orEmpty returns list, or empty when list is nil, so JSON has [] not null.
func orEmpty[T any](list, empty []T) []T {
	if list == nil {
		return empty
	}
	return list
}

func parseEntityRequest(q url.Values) (index.EntityRequest, error) {
	var req index.EntityRequest
	if err := knownParams(q, entityParams[1:]); err != nil {
		return req, err
	}
	var err error
	if req.Since, req.Until, err = dateRange(q); err != nil {
		return req, err
	}
	req.Interval = q.Get("interval")
	req.Latest, err = intParam(q, "latest", 0)
	return req, err
}
