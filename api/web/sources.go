package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/newsintel/newsintel"
)

// sourcesData is the data of the sources page.
type sourcesData struct {
	Sources  []newsintel.SourceStatus
	Failing  int
	Error    string
	Registry bool
}

func (h *Handler) sourcesPage(w http.ResponseWriter, r *http.Request) {
	d := sourcesData{Registry: h.opts.Sources != nil}
	if d.Registry {
		list, err := h.opts.Sources.List(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		// Failing sources first, then by name: what an operator must fix.
		slices.SortStableFunc(list, func(a, b newsintel.SourceStatus) int {
			if (a.ConsecutiveFailures > 0) != (b.ConsecutiveFailures > 0) {
				if a.ConsecutiveFailures > 0 {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Name, b.Name)
		})
		for _, s := range list {
			if s.ConsecutiveFailures > 0 {
				d.Failing++
			}
		}
		d.Sources = list
	}
	h.render(w, r, "sources", http.StatusOK, page{Title: "Sources", Nav: "sources", Data: d})
}
