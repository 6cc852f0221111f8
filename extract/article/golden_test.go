package article

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden compares the whole Article of a few pages with reviewed
// golden files; run with -update to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	for _, name := range []string{"wire-port-strike", "wordpress-cloud-review", "local-school-budget", "blogspot-patent-ruling", "trade-port-congestion"} {
		t.Run(name, func(t *testing.T) {
			pg := evalPage{name: name, html: mustRead(t, filepath.Join("testdata", "eval", name+".html"))}
			a, err := ExtractBytes(pg.html, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := strings.TrimSpace(string(mustRead(t, path)))
			if string(got) != want {
				t.Errorf("%s: article differs from %s (run go test -update and review the diff)\ngot:\n%s\nwant:\n%s", name, path, got, want)
			}
		})
	}
}

func TestFromTextSeed(t *testing.T) {
	a := FromText(string(mustRead(t, filepath.Join("testdata", "text", "alibaba-cloud-review.txt"))))
	for _, furniture := range []string{"Also Read", "Featured image", "Subscribe to", "Facebook"} {
		if strings.Contains(a.Body, furniture) {
			t.Errorf("body holds furniture %q:\n%s", furniture, a.Body)
		}
	}
	for _, kept := range []string{"An Overview of Alibaba Cloud Business\n\nAccording to research company Gartner Inc",
		"The Need For An Investigation", "According to three sources on the topic",
		"indictments of Chinese hackers demonstrate their exploitation of cloud services to get private information."} {
		if !strings.Contains(a.Body, kept) {
			t.Errorf("body lacks %q", kept)
		}
	}
	if got := strings.Count(a.Body, "\n\n") + 1; got != 14 {
		t.Errorf("body has %d paragraphs, want 14", got)
	}
	if a.Language != "en" || !a.IsArticle {
		t.Errorf("language, is_article = %q, %v; want \"en\", true", a.Language, a.IsArticle)
	}
}

func TestFromText(t *testing.T) {
	tests := []struct {
		name, text, title, body string
		authors                 []string
	}{
		{
			name:    "head with byline and date",
			text:    "Home\nNews\nCourt blocks merger of two grocers\nBy Jane Doe and John Roe\nJune 4, 2021\n\nA federal judge blocked the merger on Tuesday, saying it would raise prices for shoppers.\n\nThe companies said they would appeal.\n\nShare this:\nTwitter\nFacebook",
			title:   "Court blocks merger of two grocers",
			authors: []string{"Jane Doe", "John Roe"},
			body:    "A federal judge blocked the merger on Tuesday, saying it would raise prices for shoppers.\n\nThe companies said they would appeal.",
		},
		{
			name: "hard-wrapped paragraphs",
			text: "The agency said on Monday that it would review the contract, which was\nawarded in March after a tender that drew three bids from companies in\nthe region.\n\nOfficials declined to say when the review would end. Photo: Getty Images",
			body: "The agency said on Monday that it would review the contract, which was awarded in March after a tender that drew three bids from companies in the region.",
		},
		{
			name: "line broken mid-sentence",
			text: "The ministry said the plan would cost\nabout $2 billion over five years.\nRead more: Budget talks stall",
			body: "The ministry said the plan would cost about $2 billion over five years.",
		},
		{name: "empty", text: "", body: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := FromText(tt.text)
			if a.Body != tt.body {
				t.Errorf("body:\n%q\nwant:\n%q", a.Body, tt.body)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if strings.Join(a.Authors, "; ") != strings.Join(tt.authors, "; ") {
				t.Errorf("authors = %q, want %q", a.Authors, tt.authors)
			}
		})
	}
}
