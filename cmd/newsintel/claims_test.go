package main

import (
	"bytes"
	"encoding/csv"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
)

// claimsServer serves a real index holding docs, by default one article
// with an anonymous and an on-record claim about Alibaba.
func claimsServer(t *testing.T, docs ...newsintel.Document) string {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	if len(docs) == 0 {
		docs = []newsintel.Document{claimsDoc()}
	}
	require.NoError(t, ix.Put(t.Context(), docs))
	srv := httptest.NewServer(api.New(api.Options{Index: ix, Access: api.Access{OpenRead: true}}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// claimsDoc is an article with an anonymous and an on-record claim about
// Alibaba.
func claimsDoc() newsintel.Document {
	three := 3
	body := "The Commerce Department is reviewing Alibaba's cloud business, three people briefed on the matter said. " +
		"\"We have not been contacted,\" an Alibaba spokesperson said."
	doc := newsintel.Document{ID: "claimscli1", Kind: newsintel.KindArticle, Source: "test", Publisher: "WireWatch",
		URL: "https://wirewatch.example/alibaba", Title: "U.S. reviews Alibaba cloud", Body: body, Revision: 1,
		Published: time.Date(2021, 6, 14, 9, 0, 0, 0, time.UTC),
		Mentions:  []newsintel.Mention{{EntityID: "company:alibaba", Name: "Alibaba", Type: newsintel.EntityCompany, Text: "Alibaba", Start: 36, End: 43}},
		Claims: []newsintel.Claim{
			{Text: "The Commerce Department is reviewing Alibaba's cloud business", Cue: "said", Entities: []string{"company:alibaba"},
				Source: newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "three people briefed on the matter"}},
			{Text: "We have not been contacted,", Quote: true, Cue: "said", Entities: []string{"company:alibaba"},
				Source: newsintel.Source{Type: newsintel.SourceOrganization, Description: "an Alibaba spokesperson", Affiliation: "Alibaba"}},
		}}
	return doc
}

// runClaimsCmd runs `newsintel claims --server base args...` and returns
// what it printed.
func runClaimsCmd(t *testing.T, base string, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	cmd := rootCmd()
	cmd.SetOut(&out)
	cmd.SetArgs(append([]string{"claims", "--server", base}, args...))
	require.NoError(t, cmd.ExecuteContext(t.Context()), "claims %v", args)
	return out.String()
}

func TestClaimsCommandRemovedClaims(t *testing.T) {
	r1 := claimsDoc()
	r2 := r1
	r2.Revision, r2.Fetched = 2, time.Date(2021, 6, 15, 14, 2, 0, 0, time.UTC)
	r2.Claims = r1.Claims[1:]
	base := claimsServer(t, r1, r2)
	if table := runClaimsCmd(t, base, "--entity", "Alibaba"); !strings.Contains(table, "1 claims") || strings.Contains(table, "three people") {
		t.Errorf("claims table = %q, want only the on-record claim of revision 2", table)
	}
	table := runClaimsCmd(t, base, "--status", "removed")
	for _, want := range []string{"1 claims", "three people briefed", "removed in r2"} {
		if !strings.Contains(table, want) {
			t.Errorf("claims --status removed = %q, want it to contain %q", table, want)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(runClaimsCmd(t, base, "--include-removed", "--csv"))).ReadAll()
	require.NoError(t, err)
	status, removedAt := slices.Index(rows[0], "status"), slices.Index(rows[0], "removed_at")
	require.Len(t, rows, 3, "CSV %v", rows)
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[status]+" "+r[removedAt])
	}
	slices.Sort(got)
	if want := []string{"current ", "removed 2021-06-15T14:02:00Z"}; !slices.Equal(got, want) {
		t.Errorf("CSV status and removed_at = %q, want %q", got, want)
	}
}

func TestClaimsCommand(t *testing.T) {
	base := claimsServer(t)
	run := func(args ...string) string {
		var out bytes.Buffer
		cmd := rootCmd()
		cmd.SetOut(&out)
		cmd.SetArgs(append([]string{"claims", "--server", base}, args...))
		require.NoError(t, cmd.ExecuteContext(t.Context()), "claims %v", args)
		return out.String()
	}
	table := run("--entity", "Alibaba", "--source-type", "anonymous", "cloud")
	for _, want := range []string{"1 claims", "WireWatch", "anonymous", "three people briefed", "claimscli1"} {
		if !strings.Contains(table, want) {
			t.Errorf("claims table = %q, want it to contain %q", table, want)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(run("--entity", "company:alibaba", "--csv"))).ReadAll()
	require.NoError(t, err)
	if len(rows) != 3 || rows[0][0] != "published" {
		t.Fatalf("CSV = %v, want a header and 2 claims", rows)
	}
	if !strings.Contains(rows[1][5]+rows[2][5], `We have not been contacted,`) {
		t.Errorf("CSV texts = %q, %q, want the quoted statement kept with its comma", rows[1][5], rows[2][5])
	}
	rows, err = csv.NewReader(strings.NewReader(run("--entity", "company:alibaba", "--csv", "--all", "--size", "1"))).ReadAll()
	require.NoError(t, err)
	if len(rows) != 3 || rows[1][2] != "claimscli1" || rows[2][2] != "claimscli1" {
		t.Errorf("CSV of --all with pages of 1 = %v, want a header and both claims", rows)
	}
	var out bytes.Buffer
	cmd := rootCmd()
	cmd.SetOut(&out)
	cmd.SetArgs([]string{"claims", "--server", base, "--source-type", "rumour"})
	err = cmd.ExecuteContext(t.Context())
	if err == nil || !strings.Contains(err.Error(), "source type") {
		t.Errorf("claims --source-type rumour error = %v, want one naming the source type", err)
	}
}
