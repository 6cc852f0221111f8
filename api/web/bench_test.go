package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/extract/entities"
)

// BenchmarkPages renders the main pages from a real index of the demo
// corpus, through the UI handler alone (no network): what a page costs on
// top of the index queries it makes.
func BenchmarkPages(b *testing.B) {
	h := New(Options{Index: demotest.Index(b), Gazetteer: entities.Builtin(), Access: keyedAccess(true)})
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

// BenchmarkBodyParagraphs cuts a long filing-sized body (about 100 000
// words, 5 000 mentions, 200 claims) into the document page's runs.
func BenchmarkBodyParagraphs(b *testing.B) {
	var body strings.Builder
	var ms []newsintel.Mention
	var cs []newsintel.Claim
	for i := 0; body.Len() < 600_000; i++ {
		start := body.Len()
		body.WriteString("Acme Holdings said its cloud revenue grew, according to people familiar with the matter. ")
		ms = append(ms, newsintel.Mention{EntityID: "company:acme-holdings", Name: "Acme Holdings", Type: newsintel.EntityCompany, Start: start, End: start + 13})
		if i%25 == 0 {
			cs = append(cs, newsintel.Claim{Start: start, End: body.Len() - 1, Source: newsintel.Source{Type: newsintel.SourceAnonymous}})
		}
		if i%6 == 5 {
			body.WriteString("\n\n")
		}
	}
	d := &newsintel.Document{Body: body.String(), Mentions: ms, Claims: cs}
	claims := claimViews(cs)
	b.ReportAllocs()
	for b.Loop() {
		if ps := bodyParagraphs(d, claims); len(ps) == 0 {
			b.Fatal("no paragraphs")
		}
	}
}
