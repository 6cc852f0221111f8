package bench

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, Generate(&a, 300, 7))
	require.NoError(t, Generate(&b, 300, 7))
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two corpora with seed 7 differ")
	}
	kinds := map[newsintel.Kind]int{}
	ids := map[string]bool{}
	var claims, anonymous, words int
	for i, line := range strings.Split(strings.TrimSpace(a.String()), "\n") {
		var d newsintel.Document
		require.NoError(t, json.Unmarshal([]byte(line), &d), "line %d", i+1)
		kinds[d.Kind]++
		if !newsintel.ValidID(d.ID) || ids[d.ID] {
			t.Errorf("document %d has ID %q: invalid or repeated", i, d.ID)
		}
		ids[d.ID] = true
		for _, m := range d.Mentions {
			if got := d.Body[m.Start:m.End]; got != m.Name {
				t.Errorf("document %s: mention at %d-%d is %q, want %q", d.ID, m.Start, m.End, got, m.Name)
			}
		}
		for _, c := range d.Claims {
			if got := d.Body[c.TextStart:c.TextEnd]; got != c.Text || c.Start > c.TextStart || c.End < c.TextEnd {
				t.Errorf("document %s: claim text at %d-%d is %q, want %q inside %d-%d", d.ID, c.TextStart, c.TextEnd, got, c.Text, c.Start, c.End)
			}
			claims++
			if c.Source.Type == newsintel.SourceAnonymous {
				anonymous++
			}
		}
		if d.Published.IsZero() || d.Title == "" || d.Source == "" {
			t.Errorf("document %s lacks a date, title or source: %+v", d.ID, d)
		}
		words += d.WordCount
	}
	if kinds[newsintel.KindArticle] < 200 || kinds[newsintel.KindFiling] == 0 || kinds[newsintel.KindNotice] == 0 {
		t.Errorf("kinds = %v, want mostly articles and some filings and notices", kinds)
	}
	if avg := words / 300; avg < 500 || avg > 1500 {
		t.Errorf("average length = %d words, want 500 to 1500", avg)
	}
	if share := float64(anonymous) / float64(claims); share < 0.05 || share > 0.25 {
		t.Errorf("anonymous share of %d claims = %.2f, want 0.05 to 0.25", claims, share)
	}
}
