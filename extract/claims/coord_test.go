package claims

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// TestCoordinatedAndClosingTags checks sentences that carry two
// attributions, a closing tag after a clause with its own reporting verb,
// and sources that stand for the anonymous people just cited.
func TestCoordinatedAndClosingTags(t *testing.T) {
	type want struct {
		text string
		typ  newsintel.SourceType
		desc string
	}
	for _, tt := range []struct {
		body string
		want []want
	}{
		{"Witnesses said the car was travelling at high speed, while police said the driver had been drinking.",
			[]want{{"the car was travelling at high speed", newsintel.SourceAnonymous, "witnesses"},
				{"the driver had been drinking", newsintel.SourceOrganization, "police"}}},
		{"The police chief said officers had acted appropriately but acknowledged that the footage raised questions.",
			[]want{{"officers had acted appropriately", newsintel.SourcePerson, "the police chief"},
				{"the footage raised questions", newsintel.SourcePerson, "the police chief"}}},
		{"The firm said it would cut jobs but did not say how many.",
			[]want{{"it would cut jobs", newsintel.SourceOrganization, "the firm"},
				{"did not say how many", newsintel.SourceDeclined, "the firm"}}},
		{"The regulator has ordered the bank to suspend the program, three people briefed on the decision said.",
			[]want{{"The regulator has ordered the bank to suspend the program", newsintel.SourceAnonymous, "three people briefed on the decision"}}},
		{"Two officials said the vote would be delayed. One of them said the delay could last weeks.",
			[]want{{"the vote would be delayed", newsintel.SourceAnonymous, "two officials"},
				{"the delay could last weeks", newsintel.SourceAnonymous, "one of them"}}},
		{"The rebels' spokesman said they had taken the town, a claim the army denied.",
			[]want{{"they had taken the town", newsintel.SourceOrganization, "the rebels' spokesman"}}},
		{"Company officials said sales had slowed but declined to give figures, and analysts said the slowdown was worse than expected.",
			[]want{{"sales had slowed", newsintel.SourceAnonymous, "Company officials"},
				{"declined to give figures", newsintel.SourceDeclined, "Company officials"},
				{"the slowdown was worse than expected", newsintel.SourceAnonymous, "analysts"}}},
		{"The agency, which said in March that it had found no evidence of fraud, reopened the case on Friday.",
			[]want{{"it had found no evidence of fraud", newsintel.SourceOrganization, "the agency"}}},
		{"The union urged the administration to act so that members would not lose their jobs.", nil},
		{"Do you expect prices to fall this year?", nil},
		{"Netflix added 8.8 million subscribers in the quarter, beating forecasts.", nil},
	} {
		got := Extract(tt.body, nil)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d claims %+v, want %d", tt.body, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			c := got[i]
			if c.Text != w.text || c.Source.Type != w.typ || c.Source.Description != w.desc {
				t.Errorf("%q claim %d: got %q %s %q, want %q %s %q", tt.body, i, c.Text, c.Source.Type, c.Source.Description, w.text, w.typ, w.desc)
			}
		}
	}
}

// TestLabelledFragments runs Extract on every word prefix and suffix of the
// labelled sentences: cut text must yield well-formed claims (a body
// opening with "has declined to comment" once indexed before the text).
func TestLabelledFragments(t *testing.T) {
	files, err := filepath.Glob("testdata/labelled/*.yaml")
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		for _, it := range loadLabelled(t, f) {
			for i := 1; i < len(it.Text); i++ {
				if it.Text[i-1] != ' ' {
					continue
				}
				checkOffsets(t, it.Text[i:], Extract(it.Text[i:], nil))
				checkOffsets(t, it.Text[:i], Extract(it.Text[:i], nil))
				n++
			}
		}
	}
	if n < 5000 {
		t.Errorf("cut %d fragments, want >= 5000", n)
	}
}
