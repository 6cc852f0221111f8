package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/index"
)

// BenchmarkAPI measures whole requests through the handler (routing,
// access, rate limit, metrics, JSON) on the demo index, against the
// index's own Search, to show what the HTTP layer adds.
func BenchmarkAPI(b *testing.B) {
	ix := demotest.Index(b)
	s := New(Options{Index: ix, Access: Access{OpenRead: true}})
	for _, c := range []struct{ name, path string }{
		{"match", "/api/v1/search?q=cloud+security"},
		{"phrase_filters_facets", "/api/v1/search?q=%22export+controls%22&kind=article&since=2019-01-01&facets=kind,source,company,agency,source_type"},
		{"autocomplete", "/api/v1/entities?q=alib"},
		{"openapi", "/api/v1/openapi.json"},
		{"stories", "/api/v1/stories?entity=Alibaba"},
	} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, c.path, nil)
			for b.Loop() {
				w := httptest.NewRecorder()
				s.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: status %d: %s", c.path, w.Code, w.Body)
				}
			}
		})
	}
	b.Run("index_only_match", func(b *testing.B) {
		for b.Loop() {
			if _, err := ix.Search(b.Context(), index.Request{Query: "cloud security", Highlight: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
