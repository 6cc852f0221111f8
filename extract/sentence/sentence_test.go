package sentence

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func texts(s string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One fell. Two rose.", []string{"One fell.", "Two rose."}},
		{"titles", "Mr. Smith met Dr. Jones. They spoke.", []string{"Mr. Smith met Dr. Jones.", "They spoke."}},
		{"us mid", "The U.S. Commerce Department said so. It acted.", []string{"The U.S. Commerce Department said so.", "It acted."}},
		{"us end", "It operates in the U.S. The company said more.", []string{"It operates in the U.S.", "The company said more."}},
		{"inc mid", "Gartner Inc. Chief Analyst Bob spoke.", []string{"Gartner Inc. Chief Analyst Bob spoke."}},
		{"inc end", "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
		{"month", "On Jan. 5 it began. Then it ended.", []string{"On Jan. 5 it began.", "Then it ended."}},
		{"number", "It is No. 1 in China. No. The end.", []string{"It is No. 1 in China.", "No.", "The end."}},
		{"initials", "John F. Kennedy spoke. J.R.R. Tolkien wrote.", []string{"John F. Kennedy spoke.", "J.R.R. Tolkien wrote."}},
		{"decimal", "Sales rose 3.5 percent. Costs fell.", []string{"Sales rose 3.5 percent.", "Costs fell."}},
		{"quote closes", `"We will appeal." The company said so.`, []string{`"We will appeal."`, "The company said so."}},
		{"curly quote closes", "“We will appeal.” She left.", []string{"“We will appeal.”", "She left."}},
		{"question in quote", "“Why?” she asked. He left.", []string{"“Why?” she asked.", "He left."}},
		{"ellipsis", "involving our...cloud services. Next one.", []string{"involving our...cloud services.", "Next one."}},
		{"ellipsis lower", "It was... not good. Fine.", []string{"It was... not good.", "Fine."}},
		{"paragraph", "A headline\n\nBody text here. More", []string{"A headline", "Body text here.", "More"}},
		{"paragraph lower", "first part\n\nsecond part", []string{"first part", "second part"}},
		{"headline line", "An Overview of Alibaba Cloud Business\nAccording to research, it grew.", []string{"An Overview of Alibaba Cloud Business", "According to research, it grew."}},
		{"wrapped line", "the long text that goes on and on and on and on and on and on and on and on\ncontinues here.", []string{"the long text that goes on and on and on and on and on and on and on and on\ncontinues here."}},
		{"exclaim", "Wow! Great.", []string{"Wow!", "Great."}},
		{"lowercase after period", "approx. three people came.", []string{"approx. three people came."}},
		{"empty", "  \n\n ", nil},
		{"all caps", "ALIBABA FACES PROBE. SOURCES SAY SO.", []string{"ALIBABA FACES PROBE.", "SOURCES SAY SO."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Split(tt.in))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitLongBounded(t *testing.T) {
	text := strings.Repeat("word ", 10000)
	begin := time.Now()
	spans := Split(text)
	if d := time.Since(begin); d > 200*time.Millisecond {
		t.Errorf("Split of 10 000 words took %v, want < 200ms", d)
	}
	for _, sp := range spans {
		if sp.End-sp.Start > MaxLen {
			t.Fatalf("span length %d, want <= %d", sp.End-sp.Start, MaxLen)
		}
	}
	if len(spans) < 20 {
		t.Errorf("got %d spans, want >= 20", len(spans))
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Mr. Smith said “hi.” He left.\n\nNext U.S. Inc. paragraph")
	f.Add(strings.Repeat("x", 5000))
	f.Add("\xff\xfe. \x80A. b")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %d bytes", sp, prev, len(s))
			}
			if sp.End-sp.Start > MaxLen {
				t.Fatalf("span length %d > %d", sp.End-sp.Start, MaxLen)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[sp.Start:sp.End]) {
				t.Fatalf("span %v cuts a rune", sp)
			}
			prev = sp.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Mr. Smith said the U.S. Commerce Department, according to three sources, would act. ", 80)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}
