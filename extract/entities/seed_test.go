package entities

import (
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// TestSeedArticle checks the article the project was designed from (with
// its page furniture removed) against the entities it must yield.
func TestSeedArticle(t *testing.T) {
	body, err := os.ReadFile("testdata/alibaba-cloud-review.txt")
	require.NoError(t, err)
	got := map[newsintel.EntityType][]string{}
	for _, m := range Builtin().Tag(string(body)) {
		if !slices.Contains(got[m.Type], m.Name) {
			got[m.Type] = append(got[m.Type], m.Name)
		}
	}
	want := map[newsintel.EntityType][]string{
		newsintel.EntityCompany:    {"Alibaba", "Gartner"},
		newsintel.EntityAgency:     {"Commerce Department", "Office of Intelligence and Security", "Chinese Embassy in Washington"},
		newsintel.EntityGovernment: {"Biden administration", "Trump administration", "Chinese government"},
		newsintel.EntityPerson:     {"Donald Trump"},
		newsintel.EntityPlace:      {"United States", "China", "Beijing", "Washington"},
	}
	for typ, names := range want {
		for _, n := range names {
			if !slices.Contains(got[typ], n) {
				t.Errorf("%s: got %q, want it to include %q", typ, got[typ], n)
			}
		}
	}
	for _, n := range got[newsintel.EntityCompany] {
		if n == "Facebook" {
			t.Errorf("companies: got %q, want no Facebook", got[newsintel.EntityCompany])
		}
	}
	// Every company found is Alibaba, a child of Alibaba, or Gartner.
	alibaba := newsintel.EntityID(newsintel.EntityCompany, "Alibaba")
	for _, n := range got[newsintel.EntityCompany] {
		e, ok := Builtin().Lookup(n)
		if n != "Gartner" && (!ok || e.ID != alibaba && e.Parent != alibaba) {
			t.Errorf("companies: got %q, want only Alibaba (or its children) and Gartner", n)
		}
	}
}
