package claims

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/newsintel/newsintel"
)

// seedBody returns the seed article as the extractor sees it: page
// furniture removed, paragraphs separated by blank lines.
func seedBody(t testing.TB) string {
	raw, err := os.ReadFile("testdata/seed/alibaba-cloud-review.txt")
	require.NoError(t, err)
	var paras []string
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "Also Read:") || strings.HasPrefix(line, "Featured image:") ||
			strings.HasPrefix(line, "Subscribe to ") {
			continue
		}
		paras = append(paras, line)
	}
	return strings.Join(paras, "\n\n")
}

type expectedSource struct {
	Type        string `yaml:"type"`
	Count       *int   `yaml:"count"`
	Plural      *bool  `yaml:"plural"`
	Description string `yaml:"description"`
	Name        string `yaml:"name"`
	Affiliation string `yaml:"affiliation"`
	Role        string `yaml:"role"`
	Via         string `yaml:"via"`
}

type expectedClaim struct {
	Cue          string         `yaml:"cue"`
	Hedge        string         `yaml:"hedge"`
	TextContains string         `yaml:"text_contains"`
	Source       expectedSource `yaml:"source"`
}

func TestSeed(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed/alibaba-cloud-review.expected.yaml")
	require.NoError(t, err)
	var want struct {
		Claims []expectedClaim `yaml:"claims"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &want))
	require.Len(t, want.Claims, 10)

	got := Extract(seedBody(t), nil)
	for _, c := range got {
		t.Logf("%-12s cue=%q hedge=%q group=%d src=%+v text=%q", c.Source.Type, c.Cue, c.Hedge, c.Group, c.Source, c.Text)
	}
	for _, w := range want.Claims {
		c, ok := findClaim(got, w.TextContains)
		if !ok {
			t.Errorf("no claim contains %q", w.TextContains)
			continue
		}
		if c.Cue != w.Cue || c.Hedge != w.Hedge {
			t.Errorf("claim %q: cue, hedge = %q, %q, want %q, %q", w.TextContains, c.Cue, c.Hedge, w.Cue, w.Hedge)
		}
		checkSource(t, w.TextContains, c.Source, w.Source, true)
	}
	if len(got) != len(want.Claims) {
		t.Errorf("got %d claims, want %d", len(got), len(want.Claims))
	}

	p := Profile(got)
	wantBy := map[newsintel.SourceType]int{"anonymous": 4, "unattributed": 1, "organization": 1,
		"document": 1, "declined": 2, "no_response": 1}
	for typ, n := range wantBy {
		if p.ByType[typ] != n {
			t.Errorf("profile %s = %d, want %d", typ, p.ByType[typ], n)
		}
	}
	if p.AnonymousSources != 4 {
		t.Errorf("profile anonymous sources = %d, want 4", p.AnonymousSources)
	}
	if p.AnonymousShare != 0.4 {
		t.Errorf("profile anonymous share = %v, want 0.4", p.AnonymousShare)
	}
}

func findClaim(cs []newsintel.Claim, text string) (newsintel.Claim, bool) {
	for _, c := range cs {
		if strings.Contains(c.Text, text) {
			return c, true
		}
	}
	return newsintel.Claim{}, false
}

// checkSource compares the fields the expectation states; with strict, a
// name or affiliation it does not state must be empty.
func checkSource(t *testing.T, label string, got newsintel.Source, want expectedSource, strict bool) {
	t.Helper()
	if string(got.Type) != want.Type {
		t.Errorf("claim %q: type = %q, want %q", label, got.Type, want.Type)
	}
	if want.Count != nil && (got.Count == nil || *got.Count != *want.Count) {
		t.Errorf("claim %q: count = %v, want %d", label, deref(got.Count), *want.Count)
	}
	if want.Plural != nil && got.Plural != *want.Plural {
		t.Errorf("claim %q: plural = %v, want %v", label, got.Plural, *want.Plural)
	}
	for _, f := range []struct{ field, got, want string }{
		{"description", got.Description, want.Description}, {"name", got.Name, want.Name},
		{"affiliation", got.Affiliation, want.Affiliation}, {"role", got.Role, want.Role}, {"via", got.Via, want.Via},
	} {
		if f.want == "" && (!strict || f.field == "description" || f.field == "role") {
			continue
		}
		if !strings.EqualFold(f.got, f.want) {
			t.Errorf("claim %q: %s = %q, want %q", label, f.field, f.got, f.want)
		}
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
