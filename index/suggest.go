package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/newsintel/newsintel"
)

// MaxSuggestions bounds SuggestEntities.
const MaxSuggestions = 50

// suggestScan bounds the dictionary terms SuggestEntities reads per type.
const suggestScan = 5000

// EntityMatch is an entity whose ID starts like the typed text.
type EntityMatch struct {
	ID        string               `json:"id"`
	Name      string               `json:"name"`
	Type      newsintel.EntityType `json:"type"`
	Documents uint64               `json:"documents"` // about how many documents mention it
}

// SuggestEntities completes a typed name to the entities whose IDs start
// with its slug ("alib" → company:alibaba-group), of type t or of every
// type when t is "", most mentioned first. Counts come from the term
// dictionary, so deleted documents may count until segments merge. It
// returns EINVALID for an empty text, an unknown type or a bad size. It is
// safe for concurrent use.
func (ix *Index) SuggestEntities(ctx context.Context, text string, t newsintel.EntityType, size int) ([]EntityMatch, error) {
	slug := newsintel.Slug(text)
	switch {
	case slug == "" || len(slug) > 200:
		return nil, invalid("give 1 to 200 letters or digits of a name to complete")
	case t != "" && !t.Valid():
		return nil, invalid("entity type %q is unknown; use company, agency, government, person or place", t)
	case size < 0 || size > MaxSuggestions:
		return nil, invalid("size %d is out of range; ask for 1 to %d entities", size, MaxSuggestions)
	}
	if size == 0 {
		size = DefaultSize
	}
	types := newsintel.EntityTypes()
	if t != "" {
		types = []newsintel.EntityType{t}
	}
	var out []EntityMatch
	for _, et := range types {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ms, err := ix.entityPrefix(string(et) + ":" + slug)
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
	}
	slices.SortFunc(out, func(a, b EntityMatch) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.ID, b.ID))
	})
	out = out[:min(len(out), size)]
	for i := range out {
		out[i].Name = ix.names.name(out[i].ID)
	}
	return out, nil
}

// entityPrefix reads the entity IDs starting with prefix from the term
// dictionary of the entity field.
func (ix *Index) entityPrefix(prefix string) ([]EntityMatch, error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: suggest: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: suggest: %w", err)
	}
	defer r.Close()
	d, err := r.FieldDictPrefix(fieldEntity, []byte(prefix))
	if err != nil {
		return nil, fmt.Errorf("index: suggest: %w", err)
	}
	defer d.Close()
	var out []EntityMatch
	for range suggestScan {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("index: suggest: %w", err)
		}
		if e == nil {
			break
		}
		typ, _, _ := strings.Cut(e.Term, ":")
		out = append(out, EntityMatch{ID: e.Term, Type: newsintel.EntityType(typ), Documents: e.Count})
	}
	return out, nil
}
