package claims

import (
	"strings"
	"testing"

	"github.com/newsintel/newsintel/extract/entities"
)

// TestPossessorAntecedent: "its", "their", "the company's" and "the
// agency's" in a source's description point to the nearest plausible
// organisation (the subject of their own sentence, then the sentence
// before, then the paragraph), never across to an earlier paragraph's
// organisation, and to no organisation when they point to people.
func TestPossessorAntecedent(t *testing.T) {
	gaz := entities.Builtin()
	for _, c := range []struct{ body, claim, want string }{
		{"Red Bull said on Monday that it would expand its energy drinks range into Asia next year.\n\n" +
			"Harvey Nichols, the luxury department store chain, said sales rose 4%, according to its chief executive, Manju Malhotra.",
			"sales rose 4%", "Harvey Nichols"},
		{"Vodafone was fined £4.6 million by Ofcom on Tuesday. Its spokeswoman said the company had refunded every customer.",
			"the company had refunded every customer", "Vodafone"},
		{"Apple said its services revenue hit a record.\n\nMicrosoft, the software maker, is cutting 6,000 jobs. Its president, Brad Smith, said the cuts would fall mostly on managers.",
			"the cuts would fall mostly on managers", "Microsoft"},
		{"Pfizer said on Monday that the European Medicines Agency had backed its vaccine. The agency's executive director said the data were convincing.",
			"the data were convincing", "European Medicines Agency"},
		{"According to its annual report, Unilever paid its chief executive £5 million last year.",
			"paid its chief executive", "Unilever"},
		{"Three nurses have taken Barclays to an employment tribunal. Their lawyer said the bank had ignored their complaints.",
			"the bank had ignored their complaints", ""},
		{"Amazon said it would open two warehouses in Kent.\n\nThe pair, who live next to the site, have objected. Their solicitor said the couple had not been consulted.",
			"the couple had not been consulted", ""},
		{"In a post on LinkedIn, the startup's chief executive said the company had run out of cash.",
			"the company had run out of cash", ""},
	} {
		var found bool
		for _, cl := range Extract(c.body, gaz.Tag(c.body)) {
			if strings.Contains(cl.Text, c.claim) {
				found = true
				if cl.Source.Affiliation != c.want {
					t.Errorf("%q: affiliation %q (%+v), want %q", c.body, cl.Source.Affiliation, cl.Source, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim holds %q", c.body, c.claim)
		}
	}
}

// TestPublicAgencyNoOutlet: a public body whose name ends in "Agency" is
// no news agency, so "the agency" points back to it.
func TestPublicAgencyNoOutlet(t *testing.T) {
	body := "Thames Water said bills would rise.\n\nThe Environment Agency issued 40 flood warnings on Sunday. The agency said rivers would peak overnight."
	for _, cl := range Extract(body, entities.Builtin().Tag(body)) {
		if strings.Contains(cl.Text, "rivers would peak") {
			if cl.Source.Name != "Environment Agency" {
				t.Errorf("the agency: got %+v, want Environment Agency", cl.Source)
			}
			return
		}
	}
	t.Errorf("%q: no claim holds %q", body, "rivers would peak")
}
