package newsintel_test

import (
	"testing"

	"github.com/newsintel/newsintel"
)

func TestSourceWho(t *testing.T) {
	three, one := 3, 1
	cases := []struct {
		src  newsintel.Source
		want string
	}{
		{newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "people familiar with the matter"}, "people familiar with the matter (3 sources)"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "three people briefed on the matter"}, "three people briefed on the matter"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "3 officials"}, "3 officials"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three}, "3 sources"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Count: &one, Description: "a senior official"}, "a senior official"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Plural: true, Description: "officials", Via: "WireWatch"}, "officials (several sources), via WireWatch"},
		{newsintel.Source{Type: newsintel.SourcePerson, Name: "Gina Raimondo", Affiliation: "Commerce Department"}, "Gina Raimondo, Commerce Department"},
		{newsintel.Source{Type: newsintel.SourcePerson, Name: "Jane Roe", Description: "spokeswoman", Affiliation: "Commerce Department"}, "Jane Roe, spokeswoman, Commerce Department"},
		{newsintel.Source{Type: newsintel.SourceOrganization, Description: "a spokeswoman for the Commerce Department", Affiliation: "Commerce Department"}, "a spokeswoman for the Commerce Department"},
		{newsintel.Source{Type: newsintel.SourceOrganization, Name: "Nvidia", Description: "nvidia"}, "Nvidia"},
		{newsintel.Source{Type: newsintel.SourceDeclined, Affiliation: "Alibaba"}, "Alibaba"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Description: "people  familiar\nwith the talks", Plural: true}, "people familiar with the talks (several sources)"},
		{newsintel.Source{Type: newsintel.SourceUnattributed}, ""},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Plural: true, Description: "sources"}, "several sources"},
	}
	for _, c := range cases {
		if got := c.src.Who(); got != c.want {
			t.Errorf("Who(%+v) = %q, want %q", c.src, got, c.want)
		}
	}
}
