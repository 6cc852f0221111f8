package demo

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// seedPath is the article the project was designed from, in ../shared
// beside the repository; tests that need it skip when it is absent.
const seedPath = "../../shared/seeds/alibaba-cloud-review.txt"

// seedPage is the corpus file that renders the seed text as a web page.
const seedPage = "articles/whitepapers-alibaba-cloud-review.html"

func manifestByPath(t *testing.T) (map[string]Entry, map[string]Entry) {
	t.Helper()
	entries, err := Manifest()
	require.NoError(t, err)
	byPath := make(map[string]Entry, len(entries))
	byURL := make(map[string]Entry, len(entries))
	for _, e := range entries {
		byPath[e.Path], byURL[e.URL] = e, e
	}
	return byPath, byURL
}

func entriesOf(t *testing.T, ct string) []Entry {
	t.Helper()
	entries, err := Manifest()
	require.NoError(t, err)
	var out []Entry
	for _, e := range entries {
		if e.ContentType == ct {
			out = append(out, e)
		}
	}
	return out
}

func TestCorpusCoverage(t *testing.T) {
	entries, err := Manifest()
	require.NoError(t, err)
	count := map[string]int{}
	for _, e := range entries {
		count[e.ContentType]++
		if !e.IsFeed() {
			count[e.Kind]++
		}
	}
	want := map[string]int{"article": 16, "filing": 1, "notice": 2, ContentRSS: 2, ContentAtom: 1, ContentJSONFeed: 1, ContentFederalRegister: 1, ContentText: 1}
	for k, n := range want {
		if count[k] < n {
			t.Errorf("%s: got %d entries, want at least %d", k, count[k], n)
		}
	}
}

func TestFeedsParseAndResolve(t *testing.T) {
	_, byURL := manifestByPath(t)
	wantType := map[string]string{ContentRSS: "rss", ContentAtom: "atom", ContentJSONFeed: "json"}
	for ct, ft := range wantType {
		for _, e := range entriesOf(t, ct) {
			b, err := Open(e)
			require.NoError(t, err)
			f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
			require.NoError(t, err, "%s: parse feed", e.Path)
			if f.FeedType != ft {
				t.Errorf("%s: got feed type %q, want %q", e.Path, f.FeedType, ft)
			}
			if f.Title == "" || len(f.Items) < 2 {
				t.Errorf("%s: got title %q and %d items, want a title and at least 2 items", e.Path, f.Title, len(f.Items))
			}
			for _, it := range f.Items {
				checkItem(t, e.Path, it, byURL)
			}
		}
	}
}

// checkItem checks that a feed item carries the fields a feed reader shows
// and that its link resolves to a page of the corpus.
func checkItem(t *testing.T, feed string, it *gofeed.Item, byURL map[string]Entry) {
	t.Helper()
	name := feed + ": " + it.Title
	if it.Title == "" || it.GUID == "" || it.PublishedParsed == nil || len(it.Authors) == 0 || len(it.Categories) == 0 || it.Description == "" {
		t.Errorf("%s: got title %q guid %q published %v authors %d categories %d summary %d bytes, want all set",
			name, it.Title, it.GUID, it.PublishedParsed, len(it.Authors), len(it.Categories), len(it.Description))
	}
	target, ok := byURL[it.Link]
	if !ok {
		t.Errorf("%s: link %q got no manifest entry, want one", name, it.Link)
		return
	}
	if target.IsFeed() || target.Kind != "article" {
		t.Errorf("%s: link resolves to %s (%s %s), want an article page", name, target.Path, target.Kind, target.ContentType)
	}
	b, err := Open(target)
	require.NoError(t, err)
	p := parsePage(t, target.Path, b)
	if pub, ok := p.published(); !ok || !pub.Equal(*it.PublishedParsed) {
		t.Errorf("%s: page published %v, feed says %v; want the same instant", name, pub, *it.PublishedParsed)
	}
}

func TestHTMLPages(t *testing.T) {
	for _, e := range entriesOf(t, ContentHTML) {
		b, err := Open(e)
		require.NoError(t, err)
		if !utf8.Valid(b) {
			t.Errorf("%s: got invalid UTF-8, want UTF-8", e.Path)
		}
		p := parsePage(t, e.Path, b)
		if e.Kind == "filing" {
			checkFiling(t, e, p)
			continue
		}
		if p.article() == nil && p.meta["og:title"] == "" {
			t.Errorf("%s: got neither JSON-LD article nor og:title, want one", e.Path)
		}
		if _, ok := p.published(); !ok {
			t.Errorf("%s: got no parseable publication time, want datePublished or article:published_time", e.Path)
		}
		for _, u := range []string{p.canonical, p.meta["og:url"]} {
			if u != "" && u != e.URL {
				t.Errorf("%s: page says its URL is %q, manifest says %q; want the same", e.Path, u, e.URL)
			}
		}
		if n := len(strings.Fields(p.text)); n < 300 {
			t.Errorf("%s: got %d words of text, want at least 300", e.Path, n)
		}
	}
}

func TestArticleDatesSpreadOverYears(t *testing.T) {
	years := map[int]bool{}
	for _, e := range entriesOf(t, ContentHTML) {
		b, err := Open(e)
		require.NoError(t, err)
		if pub, ok := parsePage(t, e.Path, b).published(); ok {
			years[pub.Year()] = true
		}
	}
	for y := 2021; y <= 2026; y++ {
		if !years[y] {
			t.Errorf("got no page published in %d, want pages in every year 2021-2026 (got %v)", y, years)
		}
	}
}

func TestSeedPage(t *testing.T) {
	byPath, _ := manifestByPath(t)
	e, ok := byPath[seedPage]
	require.True(t, ok, "manifest lists %s", seedPage)
	b, err := Open(e)
	require.NoError(t, err)
	p := parsePage(t, e.Path, b)
	a := p.article()
	require.NotNil(t, a, "seed page has a JSON-LD article")
	publisher, _ := a["publisher"].(map[string]any)
	if a["@type"] != "NewsArticle" || a["datePublished"] != "2021-06-14T10:30:00Z" || publisher["name"] != "Whitepapers.online" || a["author"] == nil || a["headline"] == "" {
		t.Errorf("seed JSON-LD: got type %v date %v publisher %v author %v, want NewsArticle 2021-06-14T10:30:00Z Whitepapers.online and an author",
			a["@type"], a["datePublished"], publisher["name"], a["author"])
	}
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed text not available: %v", err)
	}
	for _, line := range strings.Split(string(seed), "\n") {
		if line = collapse(line); line != "" && !strings.Contains(p.text, line) {
			t.Errorf("seed page: got no text %q, want every line of the seed", line)
		}
	}
}

func TestSyndicatedCopyIsNearDuplicate(t *testing.T) {
	byPath, _ := manifestByPath(t)
	read := func(path string) []string {
		b, err := Open(byPath[path])
		require.NoError(t, err)
		return parsePage(t, path, b).paragraphs()
	}
	wire := read("articles/wirewatch-alibaba-cloud-review-exclusive.html")
	copied := map[string]bool{}
	for _, p := range read("articles/asiatechdispatch-alibaba-cloud-review-wire.html") {
		copied[normQuotes(p)] = true
	}
	same, body := 0, 0
	for _, p := range wire {
		if strings.Count(p, " ") < 15 {
			continue // page furniture, not body
		}
		body++
		if copied[normQuotes(p)] {
			same++
		}
	}
	if share := float64(same) / float64(body); share < 0.5 || share == 1 {
		t.Errorf("syndicated copy: got %d of %d wire paragraphs unchanged (%.2f), want a light edit (at least half, not all)", same, body, share)
	}
}

// normQuotes folds typographic quotes and ellipses to ASCII, as a
// republisher's CMS changes them.
func normQuotes(s string) string {
	return strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2026", "...", "\u2013", "-").Replace(s)
}

// checkFiling checks an EDGAR inline-XBRL annual report excerpt.
func checkFiling(t *testing.T, e Entry, p page) {
	t.Helper()
	facts := map[string]string{}
	for n := range p.doc.Descendants() {
		if n.Type == html.ElementNode && (n.Data == "ix:nonnumeric" || n.Data == "ix:nonfraction") {
			facts[attr(n, "name")] = collapse(textOf(n))
		}
	}
	if facts["dei:DocumentType"] != "20-F" || facts["dei:EntityCentralIndexKey"] == "" || facts["us-gaap:Revenues"] == "" {
		t.Errorf("%s: got inline XBRL facts %v, want dei:DocumentType 20-F, a CIK and revenues", e.Path, facts)
	}
	cik := strings.TrimLeft(facts["dei:EntityCentralIndexKey"], "0")
	if !strings.HasPrefix(e.URL, "https://www.sec.gov/Archives/edgar/data/"+cik+"/") {
		t.Errorf("%s: got URL %s, want EDGAR's Archives path for CIK %s", e.Path, e.URL, cik)
	}
	for _, s := range []string{"ITEM 3. KEY INFORMATION", "D. Risk Factors", "ITEM 4. INFORMATION ON THE COMPANY", "ITEM 5. OPERATING AND FINANCIAL REVIEW AND PROSPECTS", "TABLE OF CONTENTS", "may be barred from continuing to do business with us"} {
		if !strings.Contains(p.text, s) {
			t.Errorf("%s: got no %q in the text, want it", e.Path, s)
		}
	}
}

// frDocument holds the documented fields of a Federal Register API document.
type frDocument struct {
	DocumentNumber      string     `json:"document_number"`
	Type                string     `json:"type"`
	Title               string     `json:"title"`
	Abstract            string     `json:"abstract"`
	Agencies            []frAgency `json:"agencies"`
	PublicationDate     string     `json:"publication_date"`
	EffectiveOn         string     `json:"effective_on"`
	DocketIDs           []string   `json:"docket_ids"`
	CFRReferences       []frCFR    `json:"cfr_references"`
	RegulationIDNumbers []string   `json:"regulation_id_numbers"`
	HTMLURL             string     `json:"html_url"`
	PDFURL              string     `json:"pdf_url"`
	FullTextXMLURL      string     `json:"full_text_xml_url"`
	BodyHTMLURL         string     `json:"body_html_url"`
	RawTextURL          string     `json:"raw_text_url"`
	RawText             string     `json:"raw_text"`
}

type frAgency struct {
	RawName  string `json:"raw_name"`
	Name     string `json:"name"`
	ID       int    `json:"id"`
	URL      string `json:"url"`
	JSONURL  string `json:"json_url"`
	ParentID *int   `json:"parent_id"`
	Slug     string `json:"slug"`
}

type frCFR struct {
	Title int `json:"title"`
	Part  int `json:"part"`
}

func TestFederalRegisterDocument(t *testing.T) {
	notices := entriesOf(t, ContentFederalRegister)
	require.NotEmpty(t, notices)
	for _, e := range notices {
		b, err := Open(e)
		require.NoError(t, err)
		var keys map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &keys), "%s", e.Path)
		for _, k := range []string{"document_number", "type", "title", "abstract", "agencies", "publication_date", "effective_on", "docket_ids", "cfr_references", "regulation_id_numbers", "html_url", "pdf_url", "full_text_xml_url", "body_html_url", "raw_text_url", "raw_text"} {
			if _, ok := keys[k]; !ok {
				t.Errorf("%s: got no field %q, want the Federal Register API's field names", e.Path, k)
			}
		}
		var d frDocument
		require.NoError(t, json.Unmarshal(b, &d), "%s", e.Path)
		checkFRDocument(t, e, d)
	}
}

func checkFRDocument(t *testing.T, e Entry, d frDocument) {
	t.Helper()
	if d.Type != "Rule" && d.Type != "Notice" {
		t.Errorf("%s: got type %q, want Rule or Notice", e.Path, d.Type)
	}
	if _, err := time.Parse(time.DateOnly, d.PublicationDate); err != nil {
		t.Errorf("%s: publication_date %q: %v", e.Path, d.PublicationDate, err)
	}
	if !strings.Contains(e.URL, d.DocumentNumber) || !strings.Contains(d.HTMLURL, d.DocumentNumber) || !strings.Contains(d.RawTextURL, d.DocumentNumber) {
		t.Errorf("%s: got URLs %s, %s, %s, want each to carry document number %s", e.Path, e.URL, d.HTMLURL, d.RawTextURL, d.DocumentNumber)
	}
	for _, a := range d.Agencies {
		if a.RawName == "" || a.Name == "" || a.ID == 0 || a.Slug == "" || a.JSONURL == "" || a.URL == "" {
			t.Errorf("%s: got agency %+v, want raw_name, name, id, url, json_url and slug", e.Path, a)
		}
	}
	if len(d.Agencies) == 0 || len(d.CFRReferences) == 0 || len(d.DocketIDs) == 0 || d.Title == "" || d.Abstract == "" {
		t.Errorf("%s: got %d agencies, %d CFR references, %d dockets, title %q; want all set", e.Path, len(d.Agencies), len(d.CFRReferences), len(d.DocketIDs), d.Title)
	}
	if !strings.Contains(d.RawText, d.DocumentNumber) || !strings.Contains(d.RawText, "Office of Intelligence and Security") {
		t.Errorf("%s: raw_text of %d bytes lacks the document number or the issuing office", e.Path, len(d.RawText))
	}
}

func TestPlainTextDocuments(t *testing.T) {
	docs := entriesOf(t, ContentText)
	require.NotEmpty(t, docs)
	for _, e := range docs {
		b, err := Open(e)
		require.NoError(t, err)
		if !utf8.Valid(b) || bytes.ContainsRune(b, '<') || len(strings.Fields(string(b))) < 200 {
			t.Errorf("%s: got %d bytes (valid UTF-8: %v), want at least 200 words of plain UTF-8 text without markup", e.Path, len(b), utf8.Valid(b))
		}
	}
}
