package article

import (
	"strings"
	"testing"
)

// TestBylinesOfOtherStories checks that the bylines and dates of the
// stories listed around an article (an aside, a related list, navigation)
// are not taken for the article's own.
func TestBylinesOfOtherStories(t *testing.T) {
	body := "<p>" + strings.Repeat("The agency said on Tuesday that it would review the contracts, officials said. ", 8) + "</p>"
	card := `<li><h3><a href="/x">Another story</a></h3><span class="card__byline">By Dana Whitlock</span><time datetime="2020-01-02T03:04:05Z">2020</time></li>`
	tests := []struct {
		name, page  string
		wantAuthors string
	}{
		{"aside", `<html><body><article>` + body + `</article><aside><ul>` + card + `</ul></aside></body></html>`, ""},
		{"related list", `<html><body><article>` + body + `</article><section class="related-coverage"><ul>` + card + `</ul></section></body></html>`, ""},
		{"most read", `<html><body><article>` + body + `</article><div id="Most_Read"><ul>` + card + `</ul></div></body></html>`, ""},
		{"nav", `<html><body><nav><ul>` + card + `</ul></nav><article>` + body + `</article></body></html>`, ""},
		{"the article's own", `<html><body><article><div class="byline">By Ana Ribeiro</div>` + body + `</article><aside><ul>` + card + `</ul></aside></body></html>`, "Ana Ribeiro"},
	}
	for _, tt := range tests {
		a, err := ExtractBytes([]byte(tt.page), nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := strings.Join(a.Authors, "; "); got != tt.wantAuthors {
			t.Errorf("%s: authors = %q, want %q", tt.name, got, tt.wantAuthors)
		}
		if tt.wantAuthors == "" && !a.Published.IsZero() {
			t.Errorf("%s: published = %v, want none (the only date is another story's)", tt.name, a.Published)
		}
	}
}
