package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsintel/newsintel/extract/entities"
)

// BenchmarkPages renders the main pages from a real index of the demo
// corpus, through the UI handler alone (no network): what a page costs on
// top of the index queries it makes.
func BenchmarkPages(b *testing.B) {
	h := New(Options{Index: testIndex(b), Gazetteer: entities.Builtin(), Access: keyedAccess(true)})
	for _, p := range []struct{ name, path string }{
		{"search", "/search?q=alibaba+cloud"},
		{"search_all", "/search"},
		{"document", "/documents/" + seedID},
		{"entity", "/entities/company:alibaba"},
		{"claims", "/claims?source_type=anonymous"},
		{"stories", "/stories"},
	} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, p.path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", p.path, w.Code)
				}
			}
		})
	}
}
