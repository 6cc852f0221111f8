package filing

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// golden is what a reviewer checks of a read filing: each section's key,
// title and opening words, and the whole clean body.
type golden struct {
	Sections []goldenSection `json:"sections"`
	Warnings []string        `json:"warnings,omitempty"`
	Body     []string        `json:"body"` // paragraphs
}

type goldenSection struct {
	Key, Title, Opens string
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct{ file, form string }{
		{"baba-20210331x20f.htm", "20-F"}, {"acme-20231231x10k.htm", "10-K"}, {"0000950123-09-011234.txt", ""}, {"no-items.htm", "6-K"},
	} {
		res := read(t, tc.file, tc.form)
		g := golden{Warnings: res.Warnings, Body: strings.Split(res.Body, "\n\n")}
		for _, s := range res.Sections {
			opens := res.Body[s.Start:s.End]
			if len(opens) > 60 {
				opens = strings.ToValidUTF8(opens[:60], "")
			}
			g.Sections = append(g.Sections, goldenSection{Key: s.Key, Title: s.Title, Opens: opens})
		}
		got, err := json.MarshalIndent(g, "", "  ")
		require.NoError(t, err)
		path := filepath.Join("testdata", "golden", strings.TrimSuffix(tc.file, filepath.Ext(tc.file))+".json")
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, append(got, '\n'), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./extract/filing -run Golden -update")
		if string(got)+"\n" != string(want) {
			t.Errorf("%s: output differs from %s (review, then -update):\n%s", tc.file, path, got)
		}
	}
}
