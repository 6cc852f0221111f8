package article

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseLDShapes reads the shapes JSON-LD comes in: one object, a
// list, an @graph, a list of graphs, the site named by a WebSite, broken
// scripts beside good ones, and a live blog whose updates are not read.
func TestParseLDShapes(t *testing.T) {
	var updates []string
	for i := range 300 {
		updates = append(updates, fmt.Sprintf(`{"@type":"BlogPosting","headline":"Update %d","author":{"name":"Someone Else"}}`, i))
	}
	tests := []struct {
		name                                 string
		scripts                              []string
		headline, authors, published, siteNm string
	}{
		{"object", []string{`{"@type":"NewsArticle","headline":"H1","author":{"@type":"Person","name":"Ana Ribeiro"},"datePublished":"2024-01-02T03:04:05Z"}`}, "H1", "Ana Ribeiro", "2024-01-02T03:04:05Z", ""},
		{"list", []string{`[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"H2","author":["A One",{"name":"B Two"}]}]`}, "H2", "A One; B Two", "", "Site"},
		{"graph", []string{`{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Org"},{"@type":"BlogPosting","name":"H3","creator":"C Three","dateCreated":"2024-05-06"}]}`}, "H3", "C Three", "2024-05-06", "Org"},
		{"list of graphs", []string{`[{"@graph":[{"@type":"Article","headline":"H4"}]}]`}, "H4", "", "", ""},
		{"broken then good", []string{`{"@type":"NewsArticle","headline":`, `{"@type":"NewsArticle","headline":"H5"}`}, "H5", "", "", ""},
		{"first article wins", []string{`{"@type":"NewsArticle","headline":"H6"}`, `{"@type":"NewsArticle","headline":"Other"}`}, "H6", "", "", ""},
		{"live blog", []string{`{"@type":"LiveBlogPosting","headline":"H7","author":{"name":"Live Desk"},"liveBlogUpdate":[` + strings.Join(updates, ",") + `]}`}, "H7", "Live Desk", "", ""},
		{"not json", []string{`<!-- nothing -->`}, "", "", "", ""},
	}
	for _, tt := range tests {
		a := parseLD(tt.scripts)
		got := []string{a.headline, strings.Join(a.authors, "; "), a.published, a.siteNm}
		want := []string{tt.headline, tt.authors, tt.published, tt.siteNm}
		for i, field := range []string{"headline", "authors", "published", "site"} {
			if got[i] != want[i] {
				t.Errorf("%s: %s = %q, want %q", tt.name, field, got[i], want[i])
			}
		}
	}
}
