package article

import (
	"strings"
	"testing"
)

// TestDekLeftOut leaves out the summary line under a headline, which
// sites mark "dek" or "standfirst", when it sits inside the text's
// container.
func TestDekLeftOut(t *testing.T) {
	text := []string{
		"The city's transit agency will add late-night bus service on six routes starting in March, after a pilot on two routes last year drew more riders than expected.",
		"Buses on the added routes will run every 30 minutes between midnight and 5 a.m., the agency said, at a cost of about $3 million a year.",
	}
	for _, dek := range []string{
		`<p class="article-dek">Six routes will run all night starting in March</p>`,
		`<div class="story-standfirst"><p>Six routes will run all night starting in March</p></div>`,
		`<div class="field field--name-field-subtitle"><em>Six routes will run all night starting in March</em></div>`,
	} {
		page := `<html><body><article><h1>Transit agency adds late-night buses</h1><div class="story-body">` + dek +
			`<p>` + strings.Join(text, `</p><p>`) + `</p></div></article></body></html>`
		a, err := ExtractBytes([]byte(page), nil)
		if err != nil {
			t.Fatalf("ExtractBytes: %v", err)
		}
		if got, want := a.Body, strings.Join(text, "\n\n"); got != want {
			t.Errorf("with %s: body = %q, want %q", dek, got, want)
		}
	}
}
