package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
)

func TestWriteText(t *testing.T) {
	three := 3
	dg := &newsintel.Digest{TopicName: "Alibaba cloud", Since: since, Until: until, Total: 4,
		Documents: []newsintel.DigestEntry{{ID: "wire1", Title: "US reviews Alibaba cloud business", Publisher: "Reuters",
			Published: since.Add(time.Hour), URL: "https://reuters.example.com/wire1", Summary: "The Commerce Department is reviewing Alibaba's cloud business.",
			AlsoBy: []string{"Yahoo Finance", "MarketScreener"}}},
		Claims: []newsintel.DigestClaim{{DocumentID: "wire1", Title: "US reviews Alibaba cloud business", Publisher: "Reuters",
			Claim: newsintel.Claim{Text: "the review began in October", Source: newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "three people familiar with the matter"}}}},
		Spikes: []newsintel.EntitySpike{{EntityID: "agency:us-department-of-commerce", Name: "U.S. Department of Commerce", Type: "agency", Count: 6, Baseline: 0.3, Ratio: 4.6}},
	}
	var b strings.Builder
	if err := WriteText(&b, dg); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"Alibaba cloud: digest for 29 Nov 2026 07:30 to 30 Nov 2026 07:30 UTC",
		"4 matching documents; 1 shown",
		"  1. US reviews Alibaba cloud business",
		"Reuters · 29 Nov 2026 08:30 · https://reuters.example.com/wire1",
		"Also reported by 2 outlets: Yahoo Finance, MarketScreener.",
		`• "the review began in October"`,
		"Source: three people familiar with the matter (anonymous)",
		"In: US reviews Alibaba cloud business (Reuters)",
		"U.S. Department of Commerce (agency): 6 documents, against 0.3 per period before",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text digest lacks %q; got:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if len(line) > textWidth+20 {
			t.Errorf("line of %d bytes, want wrapped near %d: %q", len(line), textWidth, line)
		}
	}
	b.Reset()
	if err := WriteText(&b, &newsintel.Digest{TopicName: "quiet", Since: since, Until: until}); err != nil || !strings.Contains(b.String(), "Nothing new") {
		t.Errorf("empty digest text %q (%v), want it to say nothing is new", b.String(), err)
	}
}
