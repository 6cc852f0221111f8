package claims

import "testing"

// TestNumberedNames: a number is part of an organisation's name when it
// follows a capitalised word or carries a capital itself, so the name
// speaks as an organisation; a number after a preposition, a determiner
// or a month is still a count or a date.
func TestNumberedNames(t *testing.T) {
	checkClasses(t, []classCase{
		{"Channel 5 said the documentary would air as planned.", "the documentary would air as planned", "organization", "said"},
		{"Radio 4 said the interview had been recorded before the vote.", "the interview had been recorded", "organization", "said"},
		{"3M said its quarterly profit rose 8% on lower costs.", "its quarterly profit rose 8%", "organization", "said"},
		{"The San Francisco 49ers said the quarterback had undergone surgery.", "the quarterback had undergone surgery", "organization", "said"},
		{"Formula 1 says the sprint format will be reviewed.", "the sprint format will be reviewed", "organization", "says"},
		{"A 7-Eleven spokeswoman said the stores would reopen on Monday.", "the stores would reopen on Monday", "organization", "said"},
		{"The number of branches fell to 14 in March 2024.", "", "", ""},
	})
	for body, want := range map[string]string{
		"Channel 5's director of programmes said the series had been recommissioned.": "Channel 5",
		"Group 4 Securicor said the contract had been terminated early.":              "Group 4 Securicor",
	} {
		got := Extract(body, nil)
		if len(got) != 1 || firstNonEmpty(got[0].Source.Affiliation, got[0].Source.Name) != want {
			t.Errorf("%q: got %+v, want one source named or affiliated %q", body, got, want)
		}
	}
}

// TestOwnedRoles: a definite role with a common noun for its owner ("the
// station's owner", "the podcast's host") is one known person; plural
// roles so owned stay unnamed people.
func TestOwnedRoles(t *testing.T) {
	checkClasses(t, []classCase{
		{"The restaurant's owner said the fine would be appealed.", "the fine would be appealed", "person", "said"},
		{"The show's presenter told listeners the programme would return in the spring.", "the programme would return in the spring", "person", "told"},
		{"The newspaper's editor said the column had been withdrawn.", "the column had been withdrawn", "person", "said"},
		{"The team's coach said the forward would be fit for the final.", "the forward would be fit for the final", "person", "said"},
		{"The factory's owners say orders have dried up.", "orders have dried up", "anonymous", "say"},
		{"A host of economists said the forecast was too rosy.", "the forecast was too rosy", "anonymous", "said"},
	})
}

// TestStaffAt: "staff" speaks as unnamed employees, with the employer
// after "at" as their affiliation; "Chiefs of Staff" is still a name.
func TestStaffAt(t *testing.T) {
	checkClasses(t, []classCase{
		{"Staff at the care home said they had raised concerns months earlier.", "they had raised concerns months earlier", "anonymous", "said"},
		{"Staff at the museum say the collection has never been insured.", "the collection has never been insured", "anonymous", "say"},
		{"The Joint Chiefs of Staff said the exercise would go ahead.", "the exercise would go ahead", "organization", "said"},
		{"Staff were sent home early because of the heat.", "", "", ""},
	})
	got := Extract("Staff at Ofcom said the guidance had been rewritten twice.", nil)
	if len(got) != 1 || got[0].Source.Affiliation != "Ofcom" || !got[0].Source.Plural {
		t.Errorf("got %+v, want one plural anonymous source affiliated with Ofcom", got)
	}
}

// TestDataFigures: "figures" that could be people are data when they
// show, suggest or indicate, and people when they say or warn.
func TestDataFigures(t *testing.T) {
	checkClasses(t, []classCase{
		{"Industry figures indicate house prices fell for a third month.", "house prices fell for a third month", "document", "indicate"},
		{"Business figures showed that exports had recovered.", "exports had recovered", "document", "showed"},
		{"Leading industry figures said the levy would drive firms abroad.", "the levy would drive firms abroad", "anonymous", "said"},
		{"Company filings show the founder sold shares worth $40m.", "the founder sold shares worth $40m", "document", "show"},
	})
}
