package claims

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/entities"
)

func TestExtractMentionsAndPronouns(t *testing.T) {
	body := "Alibaba Group said on Monday it would appeal.\n\nIt said the ruling ignored the facts. " +
		"Jane Doe, a lawyer for Alibaba, said the fine was excessive. She said Alibaba would pay."
	ms := []newsintel.Mention{
		{EntityID: "company:alibaba", Type: newsintel.EntityCompany, Text: "Alibaba Group", Start: 0, End: 13},
		{EntityID: "company:alibaba", Type: newsintel.EntityCompany, Text: "Alibaba", Start: strings.LastIndex(body, "Alibaba"), End: strings.LastIndex(body, "Alibaba") + 7},
	}
	got := Extract(body, ms)
	tests := []struct {
		text, typ, name string
	}{
		{"it would appeal", "organization", "Alibaba Group"},
		{"the ruling ignored the facts", "organization", "Alibaba Group"},
		{"the fine was excessive", "person", "Jane Doe"},
		{"Alibaba would pay", "person", "Jane Doe"},
	}
	for _, tt := range tests {
		c, ok := findClaim(got, tt.text)
		if !ok {
			t.Errorf("no claim contains %q in %+v", tt.text, got)
			continue
		}
		if string(c.Source.Type) != tt.typ || c.Source.Name != tt.name {
			t.Errorf("claim %q: source = %s %q, want %s %q", tt.text, c.Source.Type, c.Source.Name, tt.typ, tt.name)
		}
	}
	c, _ := findClaim(got, "Alibaba would pay")
	if len(c.Entities) != 1 || c.Entities[0] != "company:alibaba" {
		t.Errorf("claim %q: entities = %v, want [company:alibaba]", c.Text, c.Entities)
	}
}

func TestGroups(t *testing.T) {
	body := "Two people familiar with the matter said the deal was close. One of the people said talks began in May. " +
		"A senior official said the government would not block it. The official said approval could come within weeks."
	got := Extract(body, nil)
	if len(got) != 4 {
		t.Fatalf("got %d claims, want 4: %+v", len(got), got)
	}
	groups := []int{got[0].Group, got[1].Group, got[2].Group, got[3].Group}
	if groups[0] != groups[1] || groups[2] != groups[3] || groups[0] == groups[2] {
		t.Errorf("groups = %v, want [a a b b]", groups)
	}
	if p := Profile(got); p.AnonymousSources != 3 || p.AnonymousShare != 1 {
		t.Errorf("profile = %+v, want 3 anonymous sources, share 1", p)
	}
	if Profile(nil) != nil {
		t.Errorf("Profile(nil) = non-nil, want nil")
	}
}

func TestBadInputBounded(t *testing.T) {
	long := strings.Repeat("officials said sources told reporters that ", 2500) // 10 000+ words, no full stop
	for name, body := range map[string]string{
		"long":     long,
		"unclosed": "“We will appeal, the company said. " + strings.Repeat("More text here. ", 500),
		"mixed":    "“We will appeal,\" she said. \"Nothing” he said.",
		"caps":     "THREE SOURCES SAID THE DEAL WAS OFF. THE COMPANY DECLINED TO COMMENT.",
		"invalid":  "Officials said \xff\xfe the \x80deal was off, according to \xc3 two sources.",
	} {
		begin := time.Now()
		cs := Extract(body, nil)
		if d := time.Since(begin); d > time.Second {
			t.Errorf("%s: Extract took %v, want < 1s", name, d)
		}
		checkOffsets(t, body, cs)
	}
}

func checkOffsets(t *testing.T, body string, cs []newsintel.Claim) {
	t.Helper()
	for _, c := range cs {
		if c.Start < 0 || c.End > len(body) || c.Start > c.End || c.TextStart < c.Start || c.TextEnd > c.End || c.TextStart > c.TextEnd {
			t.Fatalf("claim offsets %d:%d text %d:%d out of order or outside body of %d bytes", c.Start, c.End, c.TextStart, c.TextEnd, len(body))
		}
		if c.Text != body[c.TextStart:c.TextEnd] {
			t.Fatalf("claim Text %q, want body[%d:%d] = %q", c.Text, c.TextStart, c.TextEnd, body[c.TextStart:c.TextEnd])
		}
		if !c.Source.Type.Valid() {
			t.Fatalf("claim source type %q is not valid", c.Source.Type)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("According to three sources, the deal is off. “We will appeal,” said Jane Doe, a lawyer for Alibaba.")
	f.Add("Alibaba refused to make a statement.\n\nIt said, citing two people, that \"it was over")
	f.Add("ALIBABA CLOUD FACES US PROBE - SOURCES\xff")
	f.Fuzz(func(t *testing.T, body string) {
		cs := Extract(body, nil)
		checkOffsets(t, body, cs)
		if utf8.ValidString(body) {
			for _, c := range cs {
				if !utf8.ValidString(c.Text) {
					t.Fatalf("claim Text %q is not valid UTF-8", c.Text)
				}
			}
		}
		Profile(cs)
	})
}

func BenchmarkExtract(b *testing.B) {
	body := seedBody(b)
	for len(strings.Fields(body)) < 1000 {
		body += "\n\n" + seedBody(b)
	}
	body = strings.Join(strings.Fields(body)[:1000], " ")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(body, nil)
	}
}

// BenchmarkExtractMentions is BenchmarkExtract with the gazetteer's
// mentions passed in, as the extract stage runs it.
func BenchmarkExtractMentions(b *testing.B) {
	body := seedBody(b)
	for len(strings.Fields(body)) < 1000 {
		body += "\n\n" + seedBody(b)
	}
	body = strings.Join(strings.Fields(body)[:1000], " ")
	ms := entities.Builtin().Tag(body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(body, ms)
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		name, body string
		count      any
		plural     bool
	}{
		{"number", "Three current and former officials said the plan was dead.", 3, true},
		{"half-dozen", "A half-dozen people familiar with the talks said they had stalled.", 6, true},
		{"at least", "At least four sources said the deal was done.", nil, true},
		{"more than a dozen", "More than a dozen employees said they were not paid.", nil, true},
		{"including", "Two people, including a senior official, said the vote was delayed.", 2, true},
		{"one of", "One of the three people said it was over.", 1, false},
	}
	for _, tt := range tests {
		got := Extract(tt.body, nil)
		if len(got) != 1 {
			t.Errorf("%s: got %d claims, want 1 in %q", tt.name, len(got), tt.body)
			continue
		}
		src := got[0].Source
		if deref(src.Count) != tt.count || src.Plural != tt.plural || src.Type != newsintel.SourceAnonymous {
			t.Errorf("%s: source = %s count %v plural %v, want anonymous count %v plural %v", tt.name, src.Type, deref(src.Count), src.Plural, tt.count, tt.plural)
		}
	}
}

// TestDatelineNotInClaim checks that a wire dateline opening the first
// paragraph is not taken into the claim's text.
func TestDatelineNotInClaim(t *testing.T) {
	for _, body := range []string{
		"WASHINGTON, March 9 (WireWatch) - A U.S. national security review of Alibaba's cloud business has stalled, two people familiar with the matter said on Wednesday.",
		"BEIJING (AP) — A U.S. national security review of Alibaba's cloud business has stalled, two people familiar with the matter said on Wednesday.",
		"NEW YORK, June 14 (Reuters) -- A U.S. national security review of Alibaba's cloud business has stalled, two people familiar with the matter said on Wednesday.",
	} {
		got := Extract(body, nil)
		if len(got) != 1 || !strings.HasPrefix(got[0].Text, "A U.S. national security review") || got[0].Source.Type != newsintel.SourceAnonymous {
			t.Errorf("claims of %q = %+v, want one anonymous claim starting at 'A U.S. national security review'", body, got)
		}
	}
	// Capitals that are not a dateline stay.
	got := Extract("NATO allies are split over the plan, three diplomats said.", nil)
	if len(got) != 1 || !strings.HasPrefix(got[0].Text, "NATO allies") {
		t.Errorf("claims = %+v, want the text to keep 'NATO allies'", got)
	}
}
