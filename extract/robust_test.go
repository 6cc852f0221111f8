package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// TestStageBadInput runs the whole stage (body, entities, claims,
// fingerprints) on the bad input of issue #5: each gives a clear EINVALID
// error or a document with valid UTF-8 text, never a panic.
func TestStageBadInput(t *testing.T) {
	deep := strings.Repeat("<div>", 10000) + "<p>" + strings.Repeat("The Commerce Department said on Tuesday it would act, officials said. ", 20) + "</p>" + strings.Repeat("</div>", 10000)
	tests := []struct {
		name, contentType string
		body              string
		wantErr           bool // an EINVALID error; else a document
	}{
		{"empty", "text/html", "", true},
		{"only scripts", "text/html", "<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>", true},
		{"binary with an html type", "text/html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", true},
		{"binary without a type", "", "\x00\x01\x02\x03\x04\x05\x06\x07garbage\x00", true},
		{"10 000 nested divs", "text/html", deep, true},
		{"invalid utf-8", "text/html", "<html><body><p>Caf\xe9 au lait \xff\xfe is served at the Commerce Department, officials said on Tuesday, adding that more was coming.</p></body></html>", false},
		{"invalid utf-8 text", "text/plain", "Officials at the Commerce Department said on Tuesday \xff\xfe that a review was under way.", false},
	}
	x := New(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(t.Context(), newsintel.Raw{ID: "bad", Kind: newsintel.KindArticle, ContentType: tt.contentType, Body: []byte(tt.body)})
			if tt.wantErr {
				if code := newsintel.ErrorCode(err); code != newsintel.EINVALID {
					t.Fatalf("error = %v (code %q), want an EINVALID error", err, code)
				}
				if !strings.Contains(err.Error(), "bad") {
					t.Errorf("error %q does not name the document", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("error = %v, want a document", err)
			}
			if !utf8.ValidString(doc.Body) || doc.Body == "" {
				t.Errorf("body = %q, want valid non-empty UTF-8", doc.Body)
			}
			if len(doc.Mentions) == 0 {
				t.Errorf("mentions = %v, want the Commerce Department found", doc.Mentions)
			}
		})
	}
}
