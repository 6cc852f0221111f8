package article

import (
	"strings"
	"testing"
)

// TestElementorPage reads an article that the Elementor page builder
// splits over text-editor widgets with heading widgets between them; its
// share-buttons widget is furniture.
func TestElementorPage(t *testing.T) {
	widget := func(id, kind, inner string) string {
		return `<div class="elementor-element elementor-element-` + id + ` elementor-widget elementor-widget-` + kind + `" data-id="` + id + `"><div class="elementor-widget-container">` + inner + `</div></div>`
	}
	page := `<html><body class="elementor-default"><div class="elementor elementor-location-single"><div class="e-con-inner">` +
		widget("h1x", "theme-post-title", `<h1 class="elementor-heading-title">Orchard growers brace for a late frost</h1>`) +
		widget("sh1", "share-buttons", `<div class="elementor-share-btn"><span>Share on Facebook</span></div><div class="elementor-share-btn"><span>Share by email</span></div>`) +
		widget("t01", "theme-post-content", `<p>Apple growers in the valley spent Sunday night running wind machines and sprinklers as temperatures fell below freezing for the first time since the trees blossomed.</p><p>Extension agents said a few hours at 28 degrees could kill a tenth of the open blossoms.</p>`) +
		widget("hd1", "heading", `<h2 class="elementor-heading-title">Insurance and prices</h2>`) +
		widget("t02", "text-editor", `<p>Most growers carry crop insurance, but deductibles are high, and a poor harvest would raise prices for fresh apples by late summer, according to the state growers' association.</p><p>The last frost this late, in 2021, cut the harvest by almost a third.</p>`) +
		`</div></div></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	for _, want := range []string{"Apple growers in the valley", "a tenth of the open blossoms", "Insurance and prices", "Most growers carry crop insurance", "cut the harvest by almost a third"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body = %q, want it to hold %q", a.Body, want)
		}
	}
	if strings.Contains(a.Body, "Share") {
		t.Errorf("body = %q, want no share buttons", a.Body)
	}
}
