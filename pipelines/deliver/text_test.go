package deliver_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// TestWriteText prints a digest as `digest run --dry-run` does: in the
// topic's time zone, wrapped, with no unsubscribe footer.
func TestWriteText(t *testing.T) {
	since := time.Date(2026, 11, 29, 7, 30, 0, 0, time.UTC)
	three := 3
	topic := newsintel.Topic{ID: "t1", Name: "Alibaba cloud", Schedule: newsintel.Schedule{Every: newsintel.EveryDay, TimeZone: "America/New_York"}}
	dg := &newsintel.Digest{TopicName: "old name", Since: since, Until: since.Add(24 * time.Hour), Total: 4,
		Documents: []newsintel.DigestEntry{{ID: "wire1", Title: "US reviews Alibaba cloud business", Publisher: "Reuters",
			Published: since.Add(time.Hour), URL: "https://reuters.example.com/technology/2026/11/29/us-reviews-alibaba-cloud-business-sources-say-idUSKBN2XYZ",
			Summary: "The Commerce Department is reviewing Alibaba's cloud business in the United States over concerns about how it stores client data, three people familiar with the matter said.",
			AlsoBy:  []string{"Yahoo Finance", "MarketScreener"}}},
		Claims: []newsintel.DigestClaim{{DocumentID: "wire1", Title: "US reviews Alibaba cloud business", Publisher: "Reuters",
			Claim: newsintel.Claim{Text: "the review began in October", Source: newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Description: "three people familiar with the matter"}}},
			{DocumentID: "wire1", Title: "US reviews Alibaba cloud business",
				Claim: newsintel.Claim{Text: "We comply with all laws", Quote: true, Cue: "said", Hedge: "reportedly", Source: newsintel.Source{Type: newsintel.SourcePerson, Name: "Jane Doe", Affiliation: "Alibaba"}}}},
		Spikes: []newsintel.EntitySpike{{EntityID: "agency:us-department-of-commerce", Name: "U.S. Department of Commerce", Type: "agency", Count: 6, Baseline: 0.3, Ratio: 4.6}},
	}
	var b strings.Builder
	if err := deliver.WriteText(&b, topic, dg); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"Alibaba cloud: digest for 29 Nov 2026 02:30 – 30 Nov 2026 02:30 EST\n",
		"1 story, 2 claims, 4 matching documents in all\n",
		"\nTOP STORIES\n  1. US reviews Alibaba cloud business\n     Reuters · 29 Nov 2026 03:30 EST\n",
		"     Also reported by 2 outlets: Yahoo Finance, MarketScreener\n",
		"\nNEW CLAIMS\n  • [ANONYMOUS SOURCE: three people familiar with the matter] the review\n    began in October\n",
		"    In: US reviews Alibaba cloud business (Reuters)\n",
		"  • \"We comply with all laws\"\n    Jane Doe, Alibaba, said (reportedly)\n",
		"\nMENTIONED MORE THAN USUAL\n  • U.S. Department of Commerce (agency): 6 documents, against 0.3 usually\n    (×4.6)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text digest lacks %q; got:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if n := utf8.RuneCountInString(line); n > 76 && strings.Contains(strings.TrimSpace(line), " ") {
			t.Errorf("line of %d characters, want wrapped at 76 (only a lone long word may pass): %q", n, line)
		}
	}
	if strings.Contains(got, "Unsubscribe") {
		t.Errorf("text digest has the e-mail's footer:\n%s", got)
	}
}

func TestWriteTextEmpty(t *testing.T) {
	since := time.Date(2026, 11, 29, 7, 30, 0, 0, time.UTC)
	var b strings.Builder
	err := deliver.WriteText(&b, newsintel.Topic{}, &newsintel.Digest{TopicName: "quiet", Since: since, Until: since.Add(time.Hour)})
	if want := "quiet: digest for 29 Nov 2026 07:30 – 29 Nov 2026 08:30 UTC\nNothing new\n"; err != nil || b.String() != want {
		t.Errorf("empty digest text %q (%v), want %q", b.String(), err, want)
	}
}
