package feed

import (
	"fmt"
	"strings"
	"testing"
)

func bigFeed(format string, n int) string {
	pad := strings.Repeat("word ", 30000) // 150 KB an item, so a few items pass capFrom
	var b strings.Builder
	switch format {
	case "rss":
		b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>`)
		for i := range n {
			fmt.Fprintf(&b, "<item><guid>g%d</guid><title>Item %d</title><dc:creator>A</dc:creator><description>%s</description></item>", i, i, pad)
		}
		b.WriteString("</channel></rss>")
	case "atom":
		b.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>`)
		for i := range n {
			fmt.Fprintf(&b, "<entry><id>urn:e%d</id><title>Entry %d</title><summary>%s</summary></entry>", i, i, pad)
		}
		b.WriteString("</feed>")
	case "rdf":
		b.WriteString(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>`)
		for i := range n {
			fmt.Fprintf(&b, `<item rdf:about="https://example.org/%d"><title>Item %d</title><link>https://example.org/%d</link><description>%s</description></item>`, i, i, i, pad)
		}
		b.WriteString("</rdf:RDF>")
	}
	return b.String()
}

func TestCapItems(t *testing.T) {
	for _, format := range []string{"rss", "atom", "rdf"} {
		t.Run(format, func(t *testing.T) {
			body, cut := capItems([]byte(bigFeed(format, 12)), 8)
			if !cut {
				t.Fatalf("capItems(%s feed of 12, 8): got no cut, want one", format)
			}
			f, err := Parse(body, "https://example.org/feed")
			if err != nil {
				t.Fatalf("parse of the cut %s feed: got %v, want a feed", format, err)
			}
			if len(f.Items) != 8 || !strings.HasSuffix(f.Items[7].Title, " 7") {
				t.Errorf("cut %s feed: got %d items, want the first 8", format, len(f.Items))
			}
		})
	}
	small := []byte(`<rss version="2.0"><channel><item><guid>a</guid></item><item><guid>b</guid></item></channel></rss>`)
	if out, cut := capItems(small, 1); cut || string(out) != string(small) {
		t.Errorf("capItems(small feed): got cut=%v, want the feed untouched", cut)
	}
	if _, cut := capItems([]byte(bigFeed("rss", 7)), 8); cut {
		t.Errorf("capItems(7 items, max 8): got a cut, want none")
	}
}

func FuzzDeclarationsAndCaps(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><rss/>`))
	f.Add([]byte(`<?xml version='1.0' encoding='bogus-charset'?><feed/>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		out := declareUTF8(in)
		if len(out) > len(in)+5 {
			t.Fatalf("declareUTF8: got %d bytes from %d, want at most 5 more", len(out), len(in))
		}
		if capped, _ := capItems(in, 3); len(capped) > len(in)+64*1024 {
			t.Fatalf("capItems: got %d bytes from %d", len(capped), len(in))
		}
	})
}

func TestParseReadsConvertedFeedsWhateverTheirDeclaration(t *testing.T) {
	for _, decl := range []string{"windows-1252", "ISO-8859-1", "no-such-charset"} {
		// The fetcher has already converted the body to UTF-8.
		body := `<?xml version="1.0" encoding="` + decl + `"?><rss version="2.0"><channel><title>Café</title><item><guid>1</guid><title>Ökonomie “naïve”</title></item></channel></rss>`
		f, err := Parse([]byte(body), "")
		if err != nil {
			t.Errorf("declared %s: %v", decl, err)
			continue
		}
		if f.Title != "Café" || f.Items[0].Title != "Ökonomie “naïve”" {
			t.Errorf("declared %s: title %q item %q, want the UTF-8 text unchanged", decl, f.Title, f.Items[0].Title)
		}
	}
}
