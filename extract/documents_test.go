package extract

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/filing"
	"github.com/stretchr/testify/require"
)

func TestExtractFilingSplitsItems(t *testing.T) {
	body, err := os.ReadFile("filing/testdata/baba-20210331x20f.htm")
	require.NoError(t, err)
	raw := newsintel.Raw{ID: newsintel.FilingID("0001104659-21-092345"), Kind: newsintel.KindFiling, Source: "edgar",
		URL: "https://www.sec.gov/Archives/edgar/data/1577552/000110465921092345/baba-20210331x20f.htm", ContentType: "text/html", Body: body,
		Filing: &newsintel.Filing{Form: "20-F", CIK: "1577552", Company: "Alibaba Group Holding Ltd", Accession: "0001104659-21-092345",
			Filed: time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)},
		Publisher: "Alibaba Group Holding Ltd", Item: &newsintel.FeedItem{Title: "20-F Alibaba Group Holding Ltd for the period ending 2021-03-31"}}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	if doc.ID != raw.ID || doc.Kind != newsintel.KindFiling || doc.Title != raw.Item.Title || doc.Published.IsZero() || doc.Filing.Form != "20-F" {
		t.Errorf("doc = %s %s %q published %v filing %+v", doc.ID, doc.Kind, doc.Title, doc.Published, doc.Filing)
	}
	var risk *newsintel.Section
	for i, s := range doc.Sections {
		if s.Title == "Risk Factors" {
			risk = &doc.Sections[i]
		}
	}
	require.NotNil(t, risk, "sections %+v", doc.Sections)
	if !strings.Contains(doc.Body[risk.Start:risk.End], "barred from continuing to do business with us") {
		t.Errorf("Risk Factors = %q", doc.Body[risk.Start:risk.End])
	}
	if len(doc.Mentions) == 0 {
		t.Errorf("no mentions tagged in the filing")
	}
}

func TestExtractFullSubmissionFromAFile(t *testing.T) {
	body, err := os.ReadFile("filing/testdata/0000950123-09-011234.txt")
	require.NoError(t, err)
	raw := newsintel.Raw{ID: newsintel.ArticleID("file:///tmp/x.txt"), Kind: newsintel.KindArticle, Source: "manual", URL: "file:///tmp/x.txt", Body: body}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	if doc.ID != "sec-0000950123-09-011234" || doc.Kind != newsintel.KindFiling || doc.Filing.Company != "NORTHWIND TRADERS CORP" ||
		doc.Title != "10-K NORTHWIND TRADERS CORP for the period ending 2008-12-31" || len(doc.Sections) != 4 || doc.Published.Format("2006-01-02") != "2009-02-27" {
		t.Errorf("doc = %s %s %q sections %d published %v filing %+v", doc.ID, doc.Kind, doc.Title, len(doc.Sections), doc.Published, doc.Filing)
	}
}

func TestExtractFilingWithoutItemsIsWholeWithWarning(t *testing.T) {
	raw := newsintel.Raw{ID: "sec-0000000000-24-000001", Kind: newsintel.KindFiling, ContentType: "text/html", Filing: &newsintel.Filing{Form: "6-K"},
		Body: []byte("<html><body><p>EXHIBIT 99.1</p><p>Acme Widgets, Inc. today reported fourth-quarter sales of $310 million.</p></body></html>")}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	if len(doc.Sections) != 0 || !slices.Contains(doc.Warnings, filing.WarnNoItems) || !strings.Contains(doc.Body, "$310 million") {
		t.Errorf("sections %v warnings %v body %q, want the whole body and a warning", doc.Sections, doc.Warnings, doc.Body)
	}
}

func TestPressReleaseOfAFilingSourceTakesTheArticlePath(t *testing.T) {
	page := `<html><head><title>SEC Charges Adviser | SEC.gov</title></head><body><nav><a href="/">Home</a><a href="/news">Newsroom</a></nav>
<article><h1>SEC Charges Investment Adviser with Fraud</h1><p>Washington D.C., March 3, 2024 — The Securities and Exchange Commission today charged an investment adviser with defrauding clients of $4 million, according to a complaint filed in federal court.</p>
<p>The complaint alleges that the adviser misappropriated client funds over three years and concealed the losses with false account statements sent to clients every quarter.</p></article>
<footer>Related materials</footer></body></html>`
	raw := newsintel.Raw{ID: "x1", Kind: newsintel.KindFiling, URL: "https://www.sec.gov/news/press-release/2024-30", ContentType: "text/html", Body: []byte(page)}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	if doc.Kind != newsintel.KindFiling || doc.Filing != nil || strings.Contains(doc.Body, "Newsroom") || !strings.Contains(doc.Body, "misappropriated client funds") {
		t.Errorf("press release = %s filing %+v body %q, want the article's text under the source's kind", doc.Kind, doc.Filing, doc.Body)
	}
}

func TestExtractNoticeTagsAgencies(t *testing.T) {
	raw := newsintel.Raw{ID: "fr-2021-05678", Kind: newsintel.KindNotice, Source: "fedreg", ContentType: "text/plain",
		Body: []byte("The Bureau of Industry and Security amends the Export Administration Regulations by adding seven entities to the Entity List."),
		Notice: &newsintel.Notice{DocumentNumber: "2021-05678", Type: "Rule", Agencies: []newsintel.AgencyRef{
			{Name: "Commerce Department", Slug: "commerce-department"}, {Name: "Industry and Security Bureau", Slug: "industry-and-security-bureau"}}},
		Item: &newsintel.FeedItem{Title: "Addition of Entities to the Entity List"}}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	ids := map[string]bool{}
	for _, m := range doc.Mentions {
		if m.Type == newsintel.EntityAgency {
			ids[m.EntityID] = true
		}
	}
	// Each agency is its gazetteer entity when the gazetteer knows its name, else the entity named by its slug.
	for _, a := range raw.Notice.Agencies {
		want := "agency:" + a.Slug
		if e, ok := New(nil).Gazetteer().Lookup(a.Name); ok {
			want = e.ID
		}
		if !ids[want] {
			t.Errorf("agency mentions %v, want %s for %s", ids, want, a.Name)
		}
	}
}

func TestExtractPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	body, err := os.ReadFile("pdf/testdata/notice-3-pages.pdf")
	require.NoError(t, err)
	raw := newsintel.Raw{ID: "fr-2021-09999", Kind: newsintel.KindNotice, ContentType: "application/pdf", Body: body}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	if len(doc.Sections) != 3 || doc.Sections[2].Page != 3 || doc.Title == "" {
		t.Errorf("title %q sections %+v, want three pages", doc.Title, doc.Sections)
	}
	raw.Body = append([]byte("%PDF-1.4\n"), "garbage that is no PDF at all"...)
	if _, err := New(nil).Extract(t.Context(), raw); newsintel.ErrorCode(err) != newsintel.EINVALID {
		t.Errorf("corrupt PDF: error %v, want EINVALID", err)
	}
}

func TestExtractDetectsAFilingPageByContent(t *testing.T) {
	body, err := os.ReadFile("filing/testdata/acme-20231231x10k.htm")
	require.NoError(t, err)
	raw := newsintel.Raw{ID: newsintel.ArticleID("file:///data/acme-10k.htm"), Kind: newsintel.KindArticle, URL: "file:///data/acme-10k.htm", Body: body}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	if doc.Kind != newsintel.KindFiling || doc.Filing == nil || doc.Filing.Form != "10-K" || len(doc.Sections) != 5 {
		t.Errorf("doc kind %s filing %+v sections %d, want a 10-K filing with 5 Items", doc.Kind, doc.Filing, len(doc.Sections))
	}
	news := newsintel.Raw{ID: "n1", URL: "https://news.example/a", ContentType: "text/html",
		Body: []byte("<html><body><article><h1>Alibaba warns</h1><p>Alibaba said in its Form 20-F, filed with the Securities and Exchange Commission, that U.S. firms may be barred from doing business with it.</p></article></body></html>")}
	doc, err = New(nil).Extract(t.Context(), news)
	require.NoError(t, err)
	if doc.Kind != newsintel.KindArticle || doc.Filing != nil {
		t.Errorf("news page read as %s %+v, want an article", doc.Kind, doc.Filing)
	}
}

func TestExtractAnnualReportPDFHasPagesAndItems(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	body, err := os.ReadFile("pdf/testdata/10k-2-pages.pdf")
	require.NoError(t, err)
	raw := newsintel.Raw{ID: "sec-0000950123-09-011234", Kind: newsintel.KindFiling, ContentType: "application/pdf", Body: body,
		Filing: &newsintel.Filing{Form: "10-K", Company: "Northwind Traders Corp"}}
	doc, err := New(nil).Extract(t.Context(), raw)
	require.NoError(t, err)
	var pages, items []string
	for _, s := range doc.Sections {
		if s.Page > 0 {
			pages = append(pages, s.Key)
		} else {
			items = append(items, s.Key+"="+s.Title)
		}
	}
	if strings.Join(pages, ",") != "p1,p2" || strings.Join(items, ",") != "1=Business,1A=Risk Factors" {
		t.Errorf("pages %v items %v, want p1,p2 and Items 1 and 1A", pages, items)
	}
}
