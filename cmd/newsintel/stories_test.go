package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// relayDoc is a second outlet's article repeating claimsDoc's story,
// citing WireWatch, a day later.
func relayDoc() newsintel.Document {
	three := 3
	body := "The Commerce Department is reviewing Alibaba's cloud business over national security concerns, WireWatch reported, citing three people."
	return newsintel.Document{ID: "storiescli2", Kind: newsintel.KindArticle, Source: "test", Publisher: "MarketPulse",
		URL: "https://marketpulse.example/alibaba", Title: "Alibaba shares slide on report of US cloud review", Body: body, Revision: 1,
		Published: time.Date(2021, 6, 15, 9, 0, 0, 0, time.UTC),
		Mentions:  []newsintel.Mention{{EntityID: "company:alibaba", Name: "Alibaba", Type: newsintel.EntityCompany, Text: "Alibaba", Start: 37, End: 44}},
		Claims: []newsintel.Claim{{Text: "The Commerce Department is reviewing Alibaba's cloud business over national security concerns",
			Cue: "reported", Entities: []string{"company:alibaba"},
			Source: newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "three people", Via: "WireWatch"}}}}
}

// runStoriesCmd runs `newsintel stories args...` against base.
func runStoriesCmd(t *testing.T, base string, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	cmd := rootCmd()
	cmd.SetOut(&out)
	if len(args) > 0 && args[0] == "show" {
		args = append([]string{"show", "--server", base}, args[1:]...)
	} else {
		args = append([]string{"--server", base}, args...)
	}
	cmd.SetArgs(append([]string{"stories"}, args...))
	require.NoError(t, cmd.ExecuteContext(t.Context()), "stories %v", args)
	return out.String()
}

func TestStoriesCommand(t *testing.T) {
	base := claimsServer(t, claimsDoc(), relayDoc())

	table := runStoriesCmd(t, base, "--entity", "Alibaba")
	for _, want := range []string{"1 stories", "WireWatch", "three people briefed on the matter", "2021-06-14 09:00"} {
		if !strings.Contains(table, want) {
			t.Errorf("stories table = %q, want it to contain %q", table, want)
		}
	}

	var list struct {
		Stories []struct {
			ID string `json:"id"`
		} `json:"stories"`
	}
	require.NoError(t, json.Unmarshal([]byte(runStoriesCmd(t, base, "--entity", "Alibaba", "--json")), &list))
	require.Len(t, list.Stories, 1)
	id := list.Stories[0].ID

	shown := runStoriesCmd(t, base, "show", id)
	for _, want := range []string{id, "own_sources", "via WireWatch", "MarketPulse", "2 reports in 2 outlets"} {
		if !strings.Contains(shown, want) {
			t.Errorf("stories show = %q, want it to contain %q", shown, want)
		}
	}

	rows, err := csv.NewReader(strings.NewReader(runStoriesCmd(t, base, "show", id, "--csv"))).ReadAll()
	require.NoError(t, err)
	if len(rows) != 3 || rows[0][0] != "story_id" || rows[1][8] != "own_sources" || rows[2][8] != "via" {
		t.Errorf("stories show --csv = %v, want a header and the two reports (own_sources, via)", rows)
	}
}

func TestStoriesCommandErrors(t *testing.T) {
	base := claimsServer(t)
	for _, args := range [][]string{
		{"stories", "--server", base, "--json", "--csv"},
		{"stories", "--server", base, "--since", "yesterday"},
		{"stories", "show", "--server", base, "not-a-story"},
	} {
		cmd := rootCmd()
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		cmd.SetArgs(args)
		if err := cmd.ExecuteContext(t.Context()); err == nil {
			t.Errorf("%v succeeded, want an error", args)
		}
	}
}
