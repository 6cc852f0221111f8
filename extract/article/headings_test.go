package article

import (
	"strings"
	"testing"
)

// TestSubheadingsAndRoleLines checks two patterns of real platforms: a
// subheading whose class says "header" (every Substack subheading) stays
// in the body, and a writer's role printed under the byline ("Business
// reporter") does not.
func TestSubheadingsAndRoleLines(t *testing.T) {
	para := "<p>" + strings.Repeat("Officials said on Tuesday that the review would take months, according to the agency. ", 3) + "</p>"
	page := `<html><body><article><div class="byline">By Fiona Galloway</div><div class="role">Business reporter</div><div class="body markup">` + para +
		`<h2 class="header-anchor-post">The labor market is the swing factor<div class="header-anchor-parent"><button aria-label="Link">#</button></div></h2>` + para + para + `</div></article></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "The labor market is the swing factor") {
		t.Errorf("body lost the subheading:\n%s", a.Body)
	}
	if strings.Contains(a.Body, "Business reporter") {
		t.Errorf("body kept the role line:\n%s", a.Body)
	}
	for _, tt := range []struct {
		p    string
		want bool
	}{
		{"Business reporter", true}, {"Chief political correspondent", true}, {"Senior Editor", true},
		{"The editor resigned on Friday after the board met.", false}, {"He was a reporter", false}, {"", false},
	} {
		if got := roleLine(tt.p); got != tt.want {
			t.Errorf("roleLine(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
