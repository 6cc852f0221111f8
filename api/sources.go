package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest/opml"
)

// maxSourceBody bounds the JSON body of POST /api/v1/sources.
const maxSourceBody = 64 << 10

// SourceRegistry is the set of sources the API lists and changes.
// Implementations return EINVALID errors for a bad source or for removing
// a source that comes from the configuration file, ECONFLICT for adding a
// name that is taken, and ENOTFOUND for an unknown name.
type SourceRegistry interface {
	List(ctx context.Context) ([]newsintel.SourceStatus, error)
	Add(ctx context.Context, s config.Source) error
	Remove(ctx context.Context, name string) error
}

// sourceInput is the JSON body of POST /api/v1/sources.
type sourceInput struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Kind     string `json:"kind"`
	URL      string `json:"url"`
	Interval string `json:"interval"`
}

func (s *Server) registry(w http.ResponseWriter, r *http.Request) (SourceRegistry, bool) {
	if s.opts.Sources == nil {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server runs no source registry (it has no ingest stage)"))
		return nil, false
	}
	return s.opts.Sources, true
}

func (s *Server) sourceList(w http.ResponseWriter, r *http.Request) {
	reg, ok := s.registry(w, r)
	if !ok {
		return
	}
	list, err := reg.List(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if list == nil {
		list = []newsintel.SourceStatus{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"sources": list})
}

func (s *Server) sourcesOPML(w http.ResponseWriter, r *http.Request) {
	reg, ok := s.registry(w, r)
	if !ok {
		return
	}
	list, err := reg.List(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/x-opml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="newsintel-sources.opml"`)
	if err := opml.Write(w, "newsintel sources", list); err != nil {
		s.log.Warn("opml export cut short", attrRequestID, w.Header().Get(headerRequestID), attrError, err)
	}
}

func (s *Server) sourceAdd(w http.ResponseWriter, r *http.Request) {
	reg, ok := s.registry(w, r)
	if !ok {
		return
	}
	src, err := decodeSource(r)
	if err == nil {
		err = reg.Add(r.Context(), src)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"status": "added", "name": src.Name})
}

// decodeSource reads and checks the JSON body of a source.
func decodeSource(r *http.Request) (config.Source, error) {
	var in sourceInput
	dec := json.NewDecoder(io.LimitReader(r.Body, maxSourceBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return config.Source{}, newsintel.Errorf(newsintel.EINVALID,
			"the body is not a source: %v; send JSON such as {\"name\":\"bbc\",\"type\":\"feed\",\"url\":\"https://…/rss.xml\",\"interval\":\"15m\"}", jsonErr(err))
	}
	src := config.Source{Name: strings.TrimSpace(in.Name), Type: strings.TrimSpace(in.Type), Kind: strings.TrimSpace(in.Kind), URL: strings.TrimSpace(in.URL)}
	if in.Interval != "" {
		d, err := time.ParseDuration(strings.TrimSpace(in.Interval))
		if err != nil || d <= 0 {
			return src, newsintel.Errorf(newsintel.EINVALID, "interval %q: use a duration such as 15m or 1h", clipText(in.Interval, 40))
		}
		src.Interval = config.Duration(d)
	}
	switch {
	case src.Name == "":
		return src, newsintel.Errorf(newsintel.EINVALID, "name is missing; give the source a short name of letters, digits, - and _")
	case src.URL == "":
		return src, newsintel.Errorf(newsintel.EINVALID, "url is missing; give the feed URL or crawl seed")
	}
	return src, nil
}

func jsonErr(err error) string {
	if errors.Is(err, io.EOF) {
		return "it is empty"
	}
	return err.Error()
}

func (s *Server) sourceRemove(w http.ResponseWriter, r *http.Request) {
	reg, ok := s.registry(w, r)
	if !ok {
		return
	}
	if err := reg.Remove(r.Context(), r.PathValue("name")); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
