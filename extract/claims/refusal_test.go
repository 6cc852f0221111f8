package claims

import "testing"

// TestBeDrawnRefusals: "declined to be drawn", "would not be drawn" and the
// other ways of refusing to say more are refusals.
func TestBeDrawnRefusals(t *testing.T) {
	checkClasses(t, []classCase{
		{"A Downing Street spokeswoman declined to be drawn on the timing of the reshuffle.", "declined to be drawn", "declined", ""},
		{"Asked about the transfer, the club's chairman would not be drawn.", "would not be drawn", "declined", ""},
		{"The minister refused to be drawn on whether taxes would rise.", "refused to be drawn", "declined", ""},
		{"Mr Patel wouldn't be drawn on the figures.", "wouldn't be drawn", "declined", ""},
		{"A spokesman for the bank declined to elaborate.", "declined to elaborate", "declined", ""},
		{"Police declined to give further details.", "declined to give further details", "declined", ""},
		{"The Pentagon would not confirm or deny the report.", "would not confirm or deny", "declined", ""},
		{"The company declined to discuss the terms of the settlement.", "declined to discuss", "declined", ""},
		{"The artist was drawn to the coast as a child.", "", "", ""},
	})
}

// TestHeardBack: a reporter who has not heard back reports a non-response
// of the one it asked, named after "from" or "reached out to".
func TestHeardBack(t *testing.T) {
	checkClasses(t, []classCase{
		{"The BBC has not yet heard back from the council.", "has not yet heard back", "no_response", ""},
		{"We had not heard back from the ministry by publication time.", "had not heard back", "no_response", ""},
		{"The Guardian did not hear back from the developer.", "did not hear back", "no_response", ""},
		{"WFAA contacted the landlord on Monday but has not heard back.", "has not heard back", "no_response", ""},
		{"The senator could not be reached for comment.", "could not be reached", "no_response", ""},
		{"The landlord did not return messages on Tuesday.", "did not return messages", "no_response", ""},
		{"Officials at the port authority have yet to comment.", "have yet to comment", "no_response", ""},
		// Told by a speaker, not hearing back is the speaker's own account.
		{"Parents said they had not heard back from the school since the complaint.", "they had not heard back from the school", "anonymous", "said"},
		{"Jane Morrow told the Gazette she has not heard back from her insurer.", "she has not heard back from her insurer", "person", "told"},
		{"The union said it had not heard back from management.", "it had not heard back from management", "organization", "said"},
	})
	for _, c := range []struct{ body, name, desc, affil string }{
		{"Reporters have not heard back from Acme Corp.", "Acme Corp", "", ""},
		{"We had not heard back from the ministry by publication time.", "", "the ministry", ""},
		{"Station 12 reached out to the school district for comment and has not heard back.", "", "the school district", ""},
		{"Repeated requests for comment from Tesla went unanswered.", "", "", "Tesla"},
		{"Calls to the company were not answered on Friday.", "", "", ""},
	} {
		got := Extract(c.body, nil)
		if len(got) != 1 {
			t.Errorf("%q: got %d claims %+v, want 1", c.body, len(got), got)
			continue
		}
		s := got[0].Source
		if s.Name != c.name || s.Description != c.desc || s.Affiliation != c.affil {
			t.Errorf("%q: got source name %q description %q affiliation %q, want %q %q %q",
				c.body, s.Name, s.Description, s.Affiliation, c.name, c.desc, c.affil)
		}
	}
}
