package web

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// FuzzSnippetParts: any snippet yields bounded, non-empty runs of valid
// text, and drawn through the template no markup but <mark> survives.
func FuzzSnippetParts(f *testing.F) {
	for _, s := range []string{"a <mark>b</mark> c", "&lt;script&gt;", "<mark><mark>x</mark>", "</mark>", "<b>x</b>&amp;", "\xff<mark>\xfe"} {
		f.Add(s)
	}
	tmpl := pages["search"]
	f.Fuzz(func(t *testing.T, s string) {
		parts := snippetParts(s)
		if len(parts) > maxSnippetParts {
			t.Fatalf("%d parts, more than %d", len(parts), maxSnippetParts)
		}
		for _, p := range parts {
			if p.Text == "" {
				t.Fatalf("empty part in %q", s)
			}
		}
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, "hit", index.Hit{Kind: "article", ID: "x", Title: "t", Snippet: s}); err != nil {
			t.Fatal(err)
		}
		out := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(buf.String())
		if i := strings.Index(out, "<p class=\"snippet\">"); i >= 0 {
			snip := out[i+len("<p class=\"snippet\">"):]
			snip = snip[:strings.Index(snip, "</p>")]
			if strings.ContainsAny(snip, "<>") {
				t.Fatalf("snippet %q drew markup: %q", s, snip)
			}
			if utf8.ValidString(s) && !utf8.ValidString(snip) {
				t.Fatalf("valid snippet %q drew invalid UTF-8", s)
			}
		}
	})
}

// FuzzBodyParagraphs: mentions, claims and sections with any offsets
// never panic, and the runs never hold more text than the body.
func FuzzBodyParagraphs(f *testing.F) {
	f.Add("Acme said it.\n\nZoë denied it.", []byte{0, 4, 0, 13, 15, 19})
	f.Add("", []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, body string, offsets []byte) {
		d := &newsintel.Document{Body: body}
		for i := 0; i+4 <= len(offsets); i += 4 {
			s, e := int(binary.BigEndian.Uint16(offsets[i:])), int(binary.BigEndian.Uint16(offsets[i+2:]))
			switch i / 4 % 3 {
			case 0:
				d.Mentions = append(d.Mentions, newsintel.Mention{EntityID: "company:acme", Type: newsintel.EntityCompany, Start: s, End: e})
			case 1:
				d.Claims = append(d.Claims, newsintel.Claim{Start: s, End: e, Source: newsintel.Source{Type: newsintel.SourceAnonymous}})
			default:
				d.Sections = append(d.Sections, newsintel.Section{Key: "1", Start: s, End: e})
			}
		}
		total := 0
		for _, p := range bodyParagraphs(d, claimViews(d.Claims)) {
			for _, r := range p.Runs {
				total += len(r.Text)
			}
		}
		if total > len(body) {
			t.Fatalf("runs hold %d bytes of a %d-byte body", total, len(body))
		}
	})
}
