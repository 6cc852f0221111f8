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
}
