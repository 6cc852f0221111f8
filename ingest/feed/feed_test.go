package feed

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire World</title><link>https://wire.example/</link><description>news</description>
<item><title>First</title><link>/2021/06/14/first</link><guid isPermaLink="false">wire-1</guid>
<pubDate>Mon, 14 Jun 2021 10:30:00 +0000</pubDate><dc:creator>Ann Lee</dc:creator><category>Tech</category>
<description>Summary one</description><content:encoded><![CDATA[<p>Full one</p>]]></content:encoded>
<enclosure url="/img/1.jpg" type="image/jpeg" length="1234"/></item>
<item><title>Duplicate GUID</title><link>https://wire.example/dup</link><guid>wire-1</guid></item>
<item><title>No date no guid</title><link>https://wire.example/2021/06/15/second</link></item>
<item><title>Only a title</title></item>
<item><description>nothing to identify</description></item>
</channel></rss>`

func TestParseRSS(t *testing.T) {
	f, err := Parse([]byte(rss), "https://wire.example/feed.xml")
	require.NoError(t, err)
	if f.Title != "Wire World" || len(f.Items) != 3 || f.Dropped != 2 {
		t.Fatalf("title %q items %d dropped %d, want Wire World, 3, 2", f.Title, len(f.Items), f.Dropped)
	}
	first := f.Items[0]
	if first.Link != "https://wire.example/2021/06/14/first" {
		t.Errorf("relative link resolved to %q", first.Link)
	}
	if first.GUID != "wire-1" || first.Published.IsZero() || len(first.Authors) != 1 || first.Authors[0] != "Ann Lee" {
		t.Errorf("first item = %+v", first)
	}
	if first.Content != "<p>Full one</p>" || first.Summary != "Summary one" || len(first.Categories) != 1 {
		t.Errorf("content %q summary %q categories %v", first.Content, first.Summary, first.Categories)
	}
	if len(first.Enclosures) != 1 || first.Enclosures[0].URL != "https://wire.example/img/1.jpg" || first.Enclosures[0].Length != 1234 {
		t.Errorf("enclosures = %+v", first.Enclosures)
	}
	if !f.Items[1].Published.IsZero() || ItemKey(f.Items[2]) == "" || !strings.HasPrefix(ItemKey(f.Items[2]), "title:") {
		t.Errorf("missing date or title identity mishandled: %+v", f.Items[1:])
	}
}

func TestParseAtomAndJSONFeed(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title>
<link href="https://agency.example/"/><id>urn:x</id><updated>2021-06-15T00:00:00Z</updated>
<entry><title>Notice</title><id>tag:agency.example,2021:1</id><link href="https://agency.example/n/1"/>
<updated>2021-06-15T09:00:00-04:00</updated><author><name>Press Office</name></author><summary>s</summary></entry></feed>`
	f, err := Parse([]byte(atom), "")
	require.NoError(t, err)
	if len(f.Items) != 1 || f.Items[0].Link != "https://agency.example/n/1" || f.Items[0].Published.IsZero() {
		t.Errorf("atom items = %+v", f.Items)
	}
	jf := `{"version":"https://jsonfeed.org/version/1.1","title":"Blog","items":[{"id":"1","url":"https://blog.example/a","title":"A","content_html":"<p>x</p>","date_published":"2021-06-16T08:00:00Z","authors":[{"name":"B"}]}]}`
	f, err = Parse([]byte(jf), "https://blog.example/feed.json")
	require.NoError(t, err)
	if len(f.Items) != 1 || f.Items[0].GUID != "1" || f.Items[0].Authors[0] != "B" {
		t.Errorf("json feed items = %+v", f.Items)
	}
}

func TestParseBadInput(t *testing.T) {
	deep := strings.Repeat("<a:x xmlns:a='u'>", 1000) + strings.Repeat("</a:x>", 1000)
	tests := []struct {
		name, in string
		want     error
	}{
		{"html", "<!doctype html><html><body>hi</body></html>", nil},
		{"empty", "   ", ErrNotFeed},
		{"plain text", "this is not a feed", ErrNotFeed},
		{"deep nesting", `<rss version="2.0"><channel>` + deep + `</channel></rss>`, ErrTooDeep},
		{"truncated", `<rss version="2.0"><channel><title>x</title><item><title>y`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "")
			if err == nil {
				t.Fatalf("Parse(%.30q) = nil error, want one", tt.in)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Parse(%.30q) = %v, want %v", tt.in, err, tt.want)
			}
		})
	}
}

func TestParseCapsItems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>big</title>`)
	for i := 0; i < MaxItems+500; i++ {
		fmt.Fprintf(&b, "<item><guid>%d</guid><title>t</title></item>", i)
	}
	b.WriteString("</channel></rss>")
	f, err := Parse([]byte(b.String()), "")
	require.NoError(t, err)
	if len(f.Items) != MaxItems || f.Dropped != 500 {
		t.Errorf("items %d dropped %d, want %d and 500", len(f.Items), f.Dropped, MaxItems)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://x.example/feed")
		if err != nil {
			return
		}
		if len(feed.Items) > MaxItems {
			t.Fatalf("%d items, over the cap", len(feed.Items))
		}
		for _, it := range feed.Items {
			if len(it.Content) > MaxFieldBytes || len(it.Title) > MaxTitleBytes {
				t.Fatalf("field over its cap")
			}
		}
	})
}
