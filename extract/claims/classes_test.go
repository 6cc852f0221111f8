package claims

import (
	"testing"
)

// classCase is one sentence of a construction class: the claim text it
// must yield (empty for none), with its source type and cue.
type classCase struct {
	body, text, typ, cue string
}

// checkClasses runs Extract over each case alone and compares the claim
// whose text holds want.text (or, for none, that there is no claim).
func checkClasses(t *testing.T, cases []classCase) {
	t.Helper()
	for _, c := range cases {
		got := Extract(c.body, nil)
		if c.text == "" {
			if len(got) != 0 {
				t.Errorf("%q: got %d claims (first %q, %s), want none", c.body, len(got), got[0].Text, got[0].Source.Type)
			}
			continue
		}
		cl, ok := findClaim(got, c.text)
		if !ok {
			t.Errorf("%q: got claims %+v, want one containing %q", c.body, got, c.text)
			continue
		}
		if string(cl.Source.Type) != c.typ || c.cue != "" && cl.Cue != c.cue {
			t.Errorf("%q: got %s cue %q, want %s cue %q", c.body, cl.Source.Type, cl.Cue, c.typ, c.cue)
		}
	}
}

// TestQuantityOpensContent: content may open with "at least", "about 200",
// which read like prepositions.
func TestQuantityOpensContent(t *testing.T) {
	checkClasses(t, []classCase{
		{"Residents said at least 12 homes had been destroyed.", "at least 12 homes had been destroyed", "anonymous", "said"},
		{"The ministry said about 3,000 people were still without power.", "about 3,000 people were still without power", "organization", "said"},
		{"Organisers said around half of the tickets had been sold.", "around half of the tickets had been sold", "anonymous", "said"},
		{"The mayor told reporters about a plan to rebuild the bridge.", "", "", ""},
	})
}

// TestDocumentDemands: a document's calls, urgings and recommendations are
// its content; a person's or organisation's appeal is not, unless "that"
// reports a proposition.
func TestDocumentDemands(t *testing.T) {
	checkClasses(t, []classCase{
		{"The white paper calls for a ban on new coal plants by 2030.", "a ban on new coal plants by 2030", "document", "calls for"},
		{"An internal audit urged the hospital to hire more night staff.", "the hospital to hire more night staff", "document", "urged"},
		{"The inquiry's report recommends that the agency be split in two.", "the agency be split in two", "document", "recommends"},
		{"The petition calls on the council to reopen the library.", "the council to reopen the library", "document", "calls on"},
		{"The regulator recommended that the fee be cut by a fifth.", "the fee be cut by a fifth", "organization", "recommended"},
		{"The senator called for calm after the verdict.", "", "", ""},
		{"Organisers urged fans to arrive early.", "", "", ""},
		{"The council urged residents to conserve water.", "", "", ""},
	})
}

// TestPutIt: "as one analyst put it" attributes the rest of the sentence.
func TestPutIt(t *testing.T) {
	checkClasses(t, []classCase{
		{"As one fund manager put it, the rally has run out of road.", "the rally has run out of road", "anonymous", "put it"},
		{"The merger was, as a senior banker put it, \"a marriage of convenience.\"", "a marriage of convenience", "anonymous", "put it"},
		{"The club is in crisis, as one former director put it.", "The club is in crisis", "anonymous", "put it"},
	})
}

// TestSaidIdioms: "said his piece" and "said her goodbyes" report nothing.
func TestSaidIdioms(t *testing.T) {
	checkClasses(t, []classCase{
		{"The chairman said his piece and left the meeting early.", "", "", ""},
		{"She said her goodbyes at the airport on Sunday.", "", "", ""},
		{"The families said their prayers outside the mine.", "", "", ""},
		{"He said his name was Tom and that he lived nearby.", "his name was Tom", "person", "said"},
		{"She said her husband had been missing since Friday.", "her husband had been missing since Friday", "person", "said"},
	})
}
