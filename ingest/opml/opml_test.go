package opml

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

func TestParseNestedOPML1(t *testing.T) {
	f, err := os.Open("testdata/feeds.opml")
	require.NoError(t, err)
	defer f.Close()
	got, err := Parse(f)
	require.NoError(t, err)
	want := []Outline{
		{Title: "BBC News - Business", XMLURL: "https://feeds.bbci.co.uk/news/business/rss.xml", HTMLURL: "https://www.bbc.co.uk/news/business", Folders: []string{"News"}},
		{Title: "NPR Topics: News", XMLURL: "https://feeds.npr.org/1001/rss.xml", HTMLURL: "https://www.npr.org/templates/story/story.php?storyId=1001", Folders: []string{"News"}},
		{Title: "Federal Register: Commerce Department", XMLURL: "https://www.federalregister.gov/api/v1/documents.rss?conditions%5Bagencies%5D%5B%5D=commerce-department", Folders: []string{"News", "Regulators"}},
		{Title: "Süddeutsche Zeitung – Wirtschaft", XMLURL: "https://rss.sueddeutsche.de/rss/Wirtschaft", HTMLURL: "https://www.sueddeutsche.de/wirtschaft", Folders: []string{}},
		{Title: "Café Blög", XMLURL: "https://example.org/feed", Folders: []string{}},
	}
	require.Len(t, got, len(want))
	for i := range want {
		if got[i].Title != want[i].Title || got[i].XMLURL != want[i].XMLURL || got[i].HTMLURL != want[i].HTMLURL ||
			strings.Join(got[i].Folders, "/") != strings.Join(want[i].Folders, "/") {
			t.Errorf("outline %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestRoundTrip(t *testing.T) {
	in := []newsintel.SourceStatus{
		{Name: "bbc-business", Type: "feed", URL: "https://feeds.bbci.co.uk/news/business/rss.xml"},
		{Name: "fr-commerce", Type: "feed", URL: "https://www.federalregister.gov/api/v1/documents.rss?a=1&b=<2>"},
		{Name: "reuters-site", Type: "crawl", URL: "https://www.example.com/"},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "newsintel sources", in))
	require.Contains(t, buf.String(), `<opml version="2.0">`)
	got, err := Parse(&buf)
	require.NoError(t, err)
	require.Len(t, got, len(in))
	for i, s := range in {
		if got[i].XMLURL != s.URL || got[i].Title != s.Name || SourceName(got[i]) != s.Name {
			t.Errorf("source %d: got %+v (name %q), want url %q name %q", i, got[i], SourceName(got[i]), s.URL, s.Name)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	deep := "<opml version=\"2.0\"><body>" + strings.Repeat("<outline text=\"x\">", 200) + strings.Repeat("</outline>", 200) + "</body></opml>"
	cases := []struct {
		name string
		in   string
		want error
	}{
		{"html page", "<!DOCTYPE html><html><body>hi</body></html>", ErrNotOPML},
		{"rss feed", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`, ErrNotOPML},
		{"empty", "", ErrNotOPML},
		{"too deep", deep, ErrTooDeep},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.in))
			if !errors.Is(err, c.want) {
				t.Errorf("Parse(%.40q): got error %v, want %v", c.in, err, c.want)
			}
		})
	}
}

func TestParseTruncated(t *testing.T) {
	_, err := Parse(strings.NewReader(`<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/feed"`))
	if err == nil {
		t.Errorf("Parse(truncated): got no error, want one")
	}
}

func TestSourceName(t *testing.T) {
	cases := []struct{ title, url, want string }{
		{"BBC News - Business", "https://feeds.bbci.co.uk/news/business/rss.xml", "bbc-news-business"},
		{"Süddeutsche Zeitung – Wirtschaft", "https://rss.sueddeutsche.de/rss/Wirtschaft", "s-ddeutsche-zeitung-wirtschaft"},
		{"", "https://www.example.org/feeds/all.atom", "example-org-feeds-all-atom"},
		{"日本経済新聞", "https://www.nikkei.com/rss", "nikkei-com-rss"},
		{strings.Repeat("long title ", 20), "https://a.example/", "long-title-long-title-long-title-long-title-long-title-long"},
	}
	for _, c := range cases {
		o := Outline{Title: c.title, XMLURL: c.url}
		if o.Title == "" {
			o.Title = c.url
		}
		if got := SourceName(o); got != c.want {
			t.Errorf("SourceName(%q, %q): got %q, want %q", c.title, c.url, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	data, _ := os.ReadFile("testdata/feeds.opml")
	f.Add(data)
	f.Add([]byte(`<opml><body><outline xmlUrl="x"/></body></opml>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Parse(bytes.NewReader(in))
		if err == nil && len(out) > MaxOutlines {
			t.Fatalf("Parse: got %d outlines, want at most %d", len(out), MaxOutlines)
		}
		for _, o := range out {
			if o.XMLURL == "" {
				t.Fatalf("Parse: got an outline without xmlUrl: %+v", o)
			}
			if n := SourceName(o); !newsintel.ValidID(n) {
				t.Fatalf("SourceName(%+v): got invalid name %q", o, n)
			}
		}
	})
}
