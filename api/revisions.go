package api

import (
	"context"
	"net/http"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// RevisionIndex is what /api/v1/documents/{id}/revisions needs of the
// index; an Options.Index without it answers 503.
type RevisionIndex interface {
	Revisions(ctx context.Context, id string) (*index.RevisionHistory, error)
}

// revisions answers the revisions of a document with the claims each
// added, removed, changed and restored.
func (s *Server) revisions(w http.ResponseWriter, r *http.Request) {
	ri, ok := s.index.(RevisionIndex)
	if !ok {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server's index keeps no revision history"))
		return
	}
	id, err := docID(r)
	if err == nil {
		err = knownParams(r.URL.Query(), nil)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := ri.Revisions(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h)
}

// revisionHistorySchema is the OpenAPI schema of
// /api/v1/documents/{id}/revisions.
func revisionHistorySchema() obj {
	str := obj{"type": "string"}
	date := obj{"type": "string", "format": "date-time"}
	event := obj{"type": "object", "required": []string{"claim_id", "text", "source", "note"}, "properties": obj{
		"claim_id":        obj{"type": "string", "description": "ID of the claim in /api/v1/claims (include_removed=true finds removed ones)"},
		"text":            obj{"type": "string", "description": "the claim's text in this revision (removed: its last text)"},
		"previous_text":   obj{"type": "string", "description": "changed: the text before this revision, when the text changed"},
		"source":          claimSourceSchema(),
		"previous_source": claimSourceSchema(),
		"note":            obj{"type": "string", "description": `"claim removed in revision 3, 2021-06-04 14:02 UTC"`},
	}}
	events := func(doc string) obj { return obj{"type": "array", "items": event, "description": doc} }
	revision := obj{"type": "object", "required": []string{"revision", "claims", "added", "removed", "changed"}, "properties": obj{
		"revision": obj{"type": "integer", "description": "1 for the first version fetched, +1 for each changed body"},
		"fetched":  date,
		"claims":   obj{"type": "integer", "description": "claims the revision has"},
		"added":    events("claims first seen in this revision (revision 1 adds all it has)"),
		"removed":  events("claims of the previous revision this one dropped"),
		"changed":  events("claims this revision edited: same source, edited words, or same words, edited attribution"),
		"restored": events("claims removed earlier that this revision has again"),
	}}
	return obj{"type": "object", "required": []string{"document_id", "latest_revision", "revisions"}, "properties": obj{
		"document_id": str, "title": str, "publisher": str, "url": str,
		"latest_revision": obj{"type": "integer"},
		"revisions":       obj{"type": "array", "items": revision, "description": "oldest first"},
	}}
}
