package filing

import (
	"strings"
	"testing"
)

func TestHasIXHeader(t *testing.T) {
	tests := []struct {
		name, b string
		want    bool
	}{
		{"lower", `<html><body><div style="display:none"><ix:header>`, true},
		{"upper case is not XHTML", "<HTML><IX:HEADER>", false},
		{"absent", "<html><ix:head", false},
		{"at the end", strings.Repeat("<p>news</p>", 1000) + "<ix:header", true},
		{"quoted in text", "the tag ix:header is not here", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := hasIXHeader([]byte(tt.b)); got != tt.want {
			t.Errorf("%s: hasIXHeader(%.40q) = %v, want %v", tt.name, tt.b, got, tt.want)
		}
	}
}

// BenchmarkDetectNewsPage measures Detect on a news page that is not a
// filing, the case every article pays for.
func BenchmarkDetectNewsPage(b *testing.B) {
	page := []byte("<html><head><style>.a{color:red}</style></head><body>" + strings.Repeat(`<div class="card"><a href="/x">Headline</a><p>Text of a teaser, with words.</p></div>`, 4000) + "</body></html>")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, ok := Detect(page); ok {
			b.Fatal("a news page detected as a filing")
		}
	}
}
