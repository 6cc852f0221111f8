package article

import (
	"strings"
	"testing"
)

// TestPaywallContentKept checks that text inside Google's documented
// paywall markup (<div class="paywall">) is article text, while the
// subscription prompt beside it is not.
func TestPaywallContentKept(t *testing.T) {
	page := `<html><head><title>Agency widens review</title></head><body>
<article><h1>Agency widens review</h1><div class="article-body">
<p>The agency said on Monday that it had widened its review of cloud providers to include three more companies, according to a notice.</p>
<p>Officials said the review would take several months and that no decision had been made about any company.</p>
<div class="paywall">
<p>Lawyers for two of the companies said they had not been told of the review and would cooperate with the agency.</p>
<p>The review began last spring after lawmakers from both parties urged the department to act faster.</p>
</div></div>
<div class="paywall-prompt"><p>Subscribe now to keep reading unlimited articles.</p></div>
</article></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	for _, want := range []string{"Lawyers for two of the companies", "The review began last spring"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body = %q, want it to hold %q", a.Body, want)
		}
	}
	if strings.Contains(a.Body, "Subscribe now") {
		t.Errorf("body = %q, want no subscription prompt", a.Body)
	}
}
