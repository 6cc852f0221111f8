package api

import (
	"context"
	"net/http"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// SimilarIndex is what "more like this" needs of the index; Options.Index
// provides it when it has the method (the real index does).
type SimilarIndex interface {
	Similar(ctx context.Context, id string, size int) ([]index.Hit, error)
}

// similarResponse is the JSON of /api/v1/documents/{id}/similar.
type similarResponse struct {
	ID   string      `json:"id"`
	Hits []searchHit `json:"hits"`
}

func (s *Server) similar(w http.ResponseWriter, r *http.Request) {
	si, ok := s.index.(SimilarIndex)
	if !ok {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server's index cannot find similar documents"))
		return
	}
	id, err := docID(r)
	if err == nil {
		err = knownParams(r.URL.Query(), []param{sizeParam})
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	size, err := intParam(r.URL.Query(), "size", index.DefaultSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hits, err := si.Similar(r.Context(), id, size)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, similarResponse{ID: id, Hits: toSearchHits(hits)})
}
