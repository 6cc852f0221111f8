package index

import (
	"errors"
	"reflect"
	"testing"

	"github.com/newsintel/newsintel"
)

// TestStoredMentionsRoundTrip stores mentions in columns and reads them
// back: out of order, overlapping, with texts that are and are not the
// body at their offsets, offsets past the body, one entity under two
// names, with and without confidences.
func TestStoredMentionsRoundTrip(t *testing.T) {
	body := "Alibaba Group said on Monday that Alibaba and the FTC had met."
	alibaba := newsintel.Mention{EntityID: "company:alibaba-group", Name: "Alibaba Group", Type: newsintel.EntityCompany}
	at := func(m newsintel.Mention, start, end int, text string, conf float64) newsintel.Mention {
		m.Start, m.End, m.Text, m.Confidence = start, end, text, conf
		return m
	}
	ftc := newsintel.Mention{EntityID: "agency:federal-trade-commission", Name: "Federal Trade Commission", Type: newsintel.EntityAgency}
	cases := []struct {
		name string
		ms   []newsintel.Mention
	}{
		{"none", nil},
		{"in order, texts from the body", []newsintel.Mention{at(alibaba, 0, 13, "Alibaba Group", 0.9),
			at(alibaba, 34, 41, "Alibaba", 0.8), at(ftc, 50, 53, "FTC", 1)}},
		{"out of order and overlapping", []newsintel.Mention{at(ftc, 50, 53, "FTC", 0.7),
			at(alibaba, 0, 13, "Alibaba Group", 0.9), at(alibaba, 0, 7, "Alibaba", 0.9)}},
		{"texts that are not the body, offsets past it", []newsintel.Mention{at(alibaba, 0, 13, "ALIBABA GROUP", 0),
			at(ftc, 60, 90, "the Federal Trade Commission", 0), at(ftc, -1, 3, "FTC", 0)}},
		{"one entity under two names", []newsintel.Mention{at(alibaba, 0, 13, "Alibaba Group", 0.5),
			at(newsintel.Mention{EntityID: alibaba.EntityID, Name: "Alibaba", Type: alibaba.Type}, 34, 41, "Alibaba", 0.5)}},
	}
	for _, c := range cases {
		got, err := packMentions(body, c.ms).mentions()
		if err != nil {
			t.Fatalf("%s: mentions() = %v, want no error", c.name, err)
		}
		d := newsintel.Document{Body: body, Mentions: got}
		restoreText(&d)
		if !reflect.DeepEqual(d.Mentions, c.ms) {
			t.Errorf("%s: stored mentions read back as %+v, want %+v", c.name, d.Mentions, c.ms)
		}
	}
}

// TestStoredMentionsMalformed checks that columns that do not fit
// together are an error, not a panic.
func TestStoredMentionsMalformed(t *testing.T) {
	for name, sm := range map[string]*storedMentions{
		"short column":    {Entities: []mentionEntity{{"a", "A", "company"}}, Entity: []int{0, 0}, Start: []int{1}, Len: []int{1, 1}},
		"entity past end": {Entities: []mentionEntity{{"a", "A", "company"}}, Entity: []int{1}, Start: []int{1}, Len: []int{1}},
		"short conf":      {Entities: []mentionEntity{{"a", "A", "company"}}, Entity: []int{0}, Start: []int{1}, Len: []int{1}, Conf: []float64{}},
	} {
		if _, err := sm.mentions(); !errors.Is(err, errStoredMentions) {
			t.Errorf("%s: mentions() = %v, want %v", name, err, errStoredMentions)
		}
	}
}
