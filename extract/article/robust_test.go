package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

func TestExtractBytesBadInput(t *testing.T) {
	deep := strings.Repeat("<div>", 10000) + "<p>" + strings.Repeat("Deep text that a reader could see, with commas, here. ", 20) + "</p>" + strings.Repeat("</div>", 10000)
	big := "<html><body><article>" + strings.Repeat("<p>"+strings.Repeat("A long paragraph of news text, repeated to fill the page. ", 10)+"</p>", 30000) + "</article></body></html>"
	tests := []struct {
		name    string
		input   []byte
		wantErr error
		warn    string
		code    string // when set, any error with this code is right
	}{
		{"empty", nil, ErrEmpty, "", ""},
		{"blank", []byte(" \n\t "), ErrEmpty, "", ""},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), ErrNotHTML, "", ""},
		{"only scripts", []byte("<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>"), nil, WarnNoText, ""},
		// html.Parse refuses more than 512 open elements: a clear error.
		{"deep nesting", []byte(deep), nil, "", newsintel.EINVALID},
		{"invalid utf-8", []byte("<html><body><p>Caf\xe9 au lait \xff\xfe is served at the ministry, officials said on Tuesday, adding that more was coming.</p></body></html>"), nil, "", ""},
		{"16 MiB page", []byte(big), nil, WarnTruncated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := ExtractBytes(tt.input, nil)
			if tt.code != "" {
				if got := newsintel.ErrorCode(err); got != tt.code {
					t.Fatalf("ExtractBytes error code = %q (%v), want %q", got, err, tt.code)
				}
			} else if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ExtractBytes error = %v, want %v", err, tt.wantErr)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("ExtractBytes took %v, want well under 20s", d)
			}
			if !utf8.ValidString(a.Body) {
				t.Errorf("body is not valid UTF-8: %q", a.Body)
			}
			if tt.warn != "" && !hasString(a.Warnings, tt.warn) {
				t.Errorf("warnings = %q, want %q among them", a.Warnings, tt.warn)
			}
		})
	}
}

func hasString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestExtractNilTree(t *testing.T) {
	if _, err := Extract(nil, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Extract(nil) error = %v, want %v", err, ErrEmpty)
	}
}

// FuzzExtractBytes checks that any input extracts without panicking, to a
// body of valid UTF-8 no longer than the input.
func FuzzExtractBytes(f *testing.F) {
	for _, pg := range loadEval(f)[:5] {
		f.Add(pg.html)
	}
	f.Add([]byte("<p>By Jane Doe and John Roe, Reuters</p><time datetime='2021-06-04T10:00:00-04:00'>June 4</time>"))
	f.Add([]byte("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","author":[{"name":"A B"}]}]}</script>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ExtractBytes(data, nil)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Body) {
			t.Fatalf("body is not valid UTF-8: %q", a.Body)
		}
		if len(a.Body) > len(data) && !hasString(a.Warnings, WarnLDBody) {
			t.Fatalf("body has %d bytes, more than the %d of the input", len(a.Body), len(data))
		}
	})
}

// FuzzFromText checks FromText the same way; a single line break may
// become a paragraph break, so the body may grow by one byte per line.
func FuzzFromText(f *testing.F) {
	f.Add("Headline here\nBy Jane Doe\nJune 4, 2021\n\nFirst paragraph of the story, with text.\nAlso Read: Something else")
	f.Fuzz(func(t *testing.T, text string) {
		a := FromText(text)
		if !utf8.ValidString(a.Body) || len(a.Body) > len(text)+strings.Count(text, "\n")+strings.Count(text, "\r") {
			t.Fatalf("FromText body %q invalid or longer than input %q", a.Body, text)
		}
	})
}

func TestBodyPreservesStructure(t *testing.T) {
	page := `<html><body><nav><a href="/">Home</a></nav><article><h1>Title of the story here</h1>
<p>First paragraph with <a href="/x">a link</a> and <b>bold</b>text, commas, and more words to make it long enough.</p>
<h2>A subheading</h2>
<p>Second&nbsp;paragraph &amp; entities, with a line<br>break in it, and enough words to count as text.</p>
<ul><li>An item of the list that is part of the article, with words.</li><li>Another item of the list, also part of it.</li></ul>
<p>Also Read: Something unrelated</p>
</article><footer>Copyright</footer></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "First paragraph with a link and boldtext, commas, and more words to make it long enough.\n\n" +
		"A subheading\n\n" +
		"Second paragraph & entities, with a line\nbreak in it, and enough words to count as text.\n\n" +
		"An item of the list that is part of the article, with words.\n\n" +
		"Another item of the list, also part of it."
	if a.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", a.Body, want)
	}
	if a.Title != "Title of the story here" {
		t.Errorf("title = %q, want %q", a.Title, "Title of the story here")
	}
}

func BenchmarkFromText(b *testing.B) {
	pages := loadEval(b)
	var buf bytes.Buffer
	for _, pg := range pages {
		buf.WriteString(pg.expected)
	}
	text := buf.String()
	b.ReportAllocs()
	for b.Loop() {
		FromText(text)
	}
}
