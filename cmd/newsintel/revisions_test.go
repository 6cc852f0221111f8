package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestRevisionsCommand(t *testing.T) {
	r1 := claimsDoc()
	r1.Fetched = time.Date(2021, 6, 14, 9, 5, 0, 0, time.UTC)
	r2 := r1
	r2.Revision, r2.Fetched = 2, time.Date(2021, 6, 15, 14, 2, 0, 0, time.UTC)
	r2.Claims = r1.Claims[1:]
	base := claimsServer(t, r1, r2)
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		cmd := rootCmd()
		cmd.SetOut(&out)
		cmd.SetArgs(append([]string{"revisions", "--server", base}, args...))
		err := cmd.ExecuteContext(t.Context())
		return out.String(), err
	}
	out, err := run("claimscli1")
	require.NoError(t, err)
	for _, want := range []string{"2 revisions", "revision 1, fetched 2021-06-14 09:05 UTC: 2 claims (2 added",
		"revision 2, fetched 2021-06-15 14:02 UTC: 1 claims (0 added, 1 removed, 0 changed)", "removed  anonymous", "three people briefed"} {
		if !strings.Contains(out, want) {
			t.Errorf("revisions claimscli1 = %q, want it to contain %q", out, want)
		}
	}
	if _, err := run("nosuchdocument"); err == nil || !strings.Contains(err.Error(), "no document") {
		t.Errorf("revisions nosuchdocument error = %v, want one saying there is no such document", err)
	}
}
