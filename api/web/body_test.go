package web

import (
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
)

// runsOf flattens paragraphs to "text|claim|entity" per run, paragraphs
// separated by "¶".
func runsOf(ps []paragraph) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("¶")
		}
		if p.Anchor != "" {
			b.WriteString("#" + p.Anchor + " ")
		}
		for _, r := range p.Runs {
			b.WriteString("[" + r.Text)
			if r.Claim != nil {
				b.WriteString("|c" + string(rune('0'+r.Claim.N)))
			}
			if r.Entity != "" {
				b.WriteString("|" + r.Entity)
			}
			b.WriteString("]")
		}
	}
	return b.String()
}

func TestBodyParagraphs(t *testing.T) {
	body := "Acme is reviewed, sources said.\n\nAcme declined to comment."
	acme2 := strings.LastIndex(body, "Acme")
	d := &newsintel.Document{Body: body,
		Mentions: []newsintel.Mention{
			{EntityID: "company:acme", Name: "Acme", Type: newsintel.EntityCompany, Start: 0, End: 4},
			{EntityID: "company:acme", Name: "Acme", Type: newsintel.EntityCompany, Start: acme2, End: acme2 + 4},
			{EntityID: "company:ghost", Type: newsintel.EntityCompany, Start: 500, End: 504}, // beyond the body
		},
		Claims: []newsintel.Claim{
			{Start: acme2, End: len(body), Source: newsintel.Source{Type: newsintel.SourceDeclined}},
			{Start: 0, End: strings.Index(body, "\n"), Source: newsintel.Source{Type: newsintel.SourceAnonymous, Description: "sources"}},
		},
	}
	claims := claimViews(d.Claims)
	got := runsOf(bodyParagraphs(d, claims))
	want := "[Acme|c1|company:acme][ is reviewed, sources said.|c1]¶[Acme|c2|company:acme][ declined to comment.|c2]"
	if got != want {
		t.Errorf("runs =\n%s\nwant\n%s", got, want)
	}
	if claims[0].Claim.Source.Type != newsintel.SourceAnonymous || claims[0].Title != "Anonymous: sources" {
		t.Errorf("first claim in body order = %+v, want the anonymous one titled with its source", claims[0])
	}
}

func TestBodyParagraphsSkipsBadSpans(t *testing.T) {
	body := "Zoë said it."
	d := &newsintel.Document{Body: body,
		Mentions: []newsintel.Mention{{EntityID: "person:zoe", Type: newsintel.EntityPerson, Start: 0, End: 3}}, // inside "ë"
		Claims:   []newsintel.Claim{{Start: 5, End: 2}},                                                         // backwards
		Sections: []newsintel.Section{{Title: "All", Key: "1A", Start: 0, End: len(body)}},
	}
	got := runsOf(bodyParagraphs(d, claimViews(d.Claims)))
	if want := "#sec-1a [Zoë said it.]"; got != want {
		t.Errorf("runs = %q, want %q", got, want)
	}
}

func TestSourceLine(t *testing.T) {
	three := 3
	cases := []struct {
		src  newsintel.Source
		want string
	}{
		{newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "people familiar with the matter"}, "Anonymous: people familiar with the matter (3 sources)"},
		{newsintel.Source{Type: newsintel.SourcePerson, Name: "Jane Roe", Description: "spokeswoman", Affiliation: "Commerce Department"}, "Named person: Jane Roe, spokeswoman, Commerce Department"},
		{newsintel.Source{Type: newsintel.SourceAnonymous, Plural: true, Description: "officials", Via: "WireWatch"}, "Anonymous: officials (several sources), via WireWatch"},
		{newsintel.Source{Type: newsintel.SourceUnattributed}, "Unattributed"},
	}
	for _, c := range cases {
		if got := sourceLine(c.src); got != c.want {
			t.Errorf("sourceLine(%+v) = %q, want %q", c.src, got, c.want)
		}
	}
}
