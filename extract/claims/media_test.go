package claims

import (
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
)

// TestMediaOutletNouns: a station, channel, magazine, tabloid, site,
// newsroom, podcast or newsletter speaks as an organisation, as the
// subject of a reporting verb, after "according to" and in a closing tag.
func TestMediaOutletNouns(t *testing.T) {
	checkClasses(t, []classCase{
		{"The station said the fire had been put out by midnight.", "the fire had been put out by midnight", "organization", "said"},
		{"The local radio station reported that two roads were closed.", "two roads were closed", "organization", "reported"},
		{"A TV station in Ohio reported that the mayor had resigned.", "the mayor had resigned", "organization", "reported"},
		{"According to the channel, the talks collapsed on Friday.", "the talks collapsed on Friday", "organization", "according to"},
		{"The state-run channel said the strike had killed 12 people.", "the strike had killed 12 people", "organization", "said"},
		{"The tabloid claimed the couple had split in June.", "the couple had split in June", "organization", "claimed"},
		{"The minister had been warned twice, the magazine reported.", "The minister had been warned twice", "organization", "reported"},
		{"According to the magazine, sales fell by a third.", "sales fell by a third", "organization", "according to"},
		{"The site, which tracks flights, said the plane had landed safely.", "the plane had landed safely", "organization", "said"},
		{"The newsroom said the story had been corrected.", "the story had been corrected", "organization", "said"},
		{"The podcast reported that the band would tour again.", "the band would tour again", "organization", "reported"},
		{"The newsletter said the fund had lost money in March.", "the fund had lost money in March", "organization", "said"},
		{"The broadsheet reported that the deal was worth £2bn.", "the deal was worth £2bn", "organization", "reported"},
		{"The broadcaster reported that the vote had been delayed.", "the vote had been delayed", "organization", "reported"},
		{"The paper's editor said the story was accurate.", "the story was accurate", "person", "said"},
	})
	// false friends: the same nouns as things, not speakers
	checkClasses(t, []classCase{
		{"The station was closed on Sunday after the flood.", "", "", ""},
		{"A petrol station said to be the busiest in town closed.", "", "", ""},
		{"The paper trail led investigators to Cyprus.", "", "", ""},
		{"The channel said to be used by smugglers was closed.", "", "", ""},
		{"The site said to hold the waste was sealed last year.", "", "", ""},
		{"The magazine rack was empty by noon.", "", "", ""},
	})
}

// TestMediaNounPointsBack: "the tabloid" after a named paper is that paper,
// an organisation even when the content is about a person.
func TestMediaNounPointsBack(t *testing.T) {
	body := "The Sun said the singer had split from her partner. The tabloid said she was devastated."
	i := strings.Index(body, "Sun")
	ms := []newsintel.Mention{{EntityID: "company:the-sun", Type: newsintel.EntityCompany, Text: "Sun", Start: i, End: i + 3}}
	for _, in := range [][]newsintel.Mention{nil, ms} {
		got := Extract(body, in)
		c, ok := findClaim(got, "she was devastated")
		if !ok {
			t.Errorf("mentions %d: got claims %+v, want one containing %q", len(in), got, "she was devastated")
			continue
		}
		if c.Source.Type != newsintel.SourceOrganization || c.Source.Name != "Sun" {
			t.Errorf("mentions %d: got %s %q, want organization %q", len(in), c.Source.Type, c.Source.Name, "Sun")
		}
	}
}
