package filing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func read(t *testing.T, name, form string) *Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	res, err := Read(data, form)
	require.NoError(t, err, name)
	return res
}

// section returns the section with key, failing the test when absent.
func section(t *testing.T, res *Result, key string) newsintel.Section {
	t.Helper()
	for _, s := range res.Sections {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no section %q in %v", key, keys(res.Sections))
	return newsintel.Section{}
}

func keys(ss []newsintel.Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Key+"="+s.Title)
	}
	return out
}

func TestRead20F(t *testing.T) {
	res := read(t, "baba-20210331x20f.htm", "20-F")
	got := strings.Join(keys(res.Sections), "|")
	want := "1=Identity of Directors, Senior Management and Advisers|2=Offer Statistics and Expected Timetable|3=Key Information|3.A=[Reserved]|3.B=Capitalization and Indebtedness|3.C=Reasons for the Offer and Use of Proceeds|3.D=Risk Factors|4=Information on the Company|4.A=History and Development of the Company|4.B=Business Overview|4A=Unresolved Staff Comments|5=Operating and Financial Review and Prospects|13=Defaults, Dividend Arrearages and Delinquencies|19=Exhibits"
	if got != want {
		t.Errorf("sections = %s\nwant %s", got, want)
	}
	risk := section(t, res, "3.D")
	text := res.Body[risk.Start:risk.End]
	for _, w := range []string{"D. Risk Factors", "barred from continuing to do business with us", "RMB18.2 billion", "network effects of our ecosystem"} {
		if !strings.Contains(text, w) {
			t.Errorf("Risk Factors section lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "HISTORY") || strings.Contains(text, "ITEM 4") {
		t.Errorf("Risk Factors section runs into Item 4:\n%s", text)
	}
	for _, noise := range []string{"0001577552", "duration_2020", "TABLE OF CONTENTS", "\n\n5\n\n", "Page"} {
		if strings.Contains(res.Body, noise) {
			t.Errorf("body keeps noise %q", noise)
		}
	}
	if n := strings.Count(strings.ToLower(res.Body), "offer statistics"); n != 1 {
		t.Errorf("'Offer Statistics' appears %d times (table of contents kept?), want 1", n)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings = %v, want none", res.Warnings)
	}
}

func TestRead10K(t *testing.T) {
	res := read(t, "acme-20231231x10k.htm", "10-K")
	got := strings.Join(keys(res.Sections), "|")
	want := "1=Business|1A=Risk Factors|1B=Unresolved Staff Comments|2=Properties|7=Management's Discussion and Analysis of Financial Condition and Results of Operations"
	if got != want {
		t.Errorf("sections = %s\nwant %s", got, want)
	}
	risk := section(t, res, "1A")
	if text := res.Body[risk.Start:risk.End]; !strings.Contains(text, "Item 7 of this report discusses") || !strings.HasPrefix(text, "Item 1A. Risk Factors") {
		t.Errorf("Risk Factors = %q, want the heading, the tariff risk and the cross-reference line", text)
	}
	if mdna := section(t, res, "7"); !strings.Contains(res.Body[mdna.Start:mdna.End], "$1,204.5 million") {
		t.Errorf("MD&A = %q, want the inline XBRL figure as text", res.Body[mdna.Start:mdna.End])
	}
}

func TestReadFullSubmission(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "0000950123-09-011234.txt"))
	require.NoError(t, err)
	require.True(t, IsFullSubmission(data))
	res, err := Read(data, "")
	require.NoError(t, err)
	h := res.Header
	if h.Accession != "0000950123-09-011234" || h.Form != "10-K" || h.Company != "NORTHWIND TRADERS CORP" || h.CIK != "812345" ||
		h.PeriodOfReport != "2008-12-31" || h.FiscalYear != 2008 || h.Filed.Format("2006-01-02") != "2009-02-27" {
		t.Errorf("header = %+v", h)
	}
	if got, want := strings.Join(keys(res.Sections), "|"), "1=Business|1A=Risk Factors|2=Properties|3=Legal Proceedings"; got != want {
		t.Errorf("sections = %s, want %s", got, want)
	}
	if strings.Contains(res.Body, "Northwind Logistics LLC") {
		t.Errorf("body holds the exhibit, want the primary document only")
	}
	risk := section(t, res, "1A")
	if text := res.Body[risk.Start:risk.End]; !strings.Contains(text, "price of diesel fuel would reduce our margins") {
		t.Errorf("Risk Factors = %q", text)
	}
}

func TestReadNoItems(t *testing.T) {
	res := read(t, "no-items.htm", "8-K")
	if len(res.Sections) != 0 || len(res.Warnings) != 1 || res.Warnings[0] != WarnNoItems {
		t.Errorf("sections %v warnings %v, want none and %q", res.Sections, res.Warnings, WarnNoItems)
	}
	if !strings.Contains(res.Body, "net sales of $310 million") {
		t.Errorf("body = %q, want the whole text", res.Body)
	}
}

func TestReadEmpty(t *testing.T) {
	for _, in := range []string{"", "<html><body> </body></html>", "<SEC-DOCUMENT>x\n<SEC-HEADER>\n</SEC-HEADER>\n"} {
		if _, err := Read([]byte(in), "10-K"); err == nil {
			t.Errorf("Read(%q) = nil error, want one", in)
		}
	}
}

func TestShortItemsAreNotATableOfContents(t *testing.T) {
	in := "<html><body><p>Item 1B. Unresolved Staff Comments</p><p>None.</p><p>Item 2. Properties</p><p>None.</p>" +
		"<p>Item 3. Legal Proceedings</p><p>None.</p><p>Item 4. Mine Safety Disclosures</p><p>Not applicable.</p></body></html>"
	res, err := Read([]byte(in), "10-K")
	require.NoError(t, err)
	if got := len(res.Sections); got != 4 {
		t.Errorf("%d sections %v, want 4", got, keys(res.Sections))
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"baba-20210331x20f.htm", "acme-20231231x10k.htm", "0000950123-09-011234.txt"} {
		data, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(data, "10-K")
	}
	f.Add([]byte("ITEM 1. A\nITEM 1. B\nITEM 1. C\nITEM 1. D"), "20-F")
	f.Fuzz(func(t *testing.T, data []byte, form string) {
		res, err := Read(data, form)
		if err != nil {
			return
		}
		for _, s := range res.Sections {
			if s.Start < 0 || s.End > len(res.Body) || s.Start > s.End {
				t.Fatalf("section %+v out of body of %d bytes", s, len(res.Body))
			}
		}
		if utf8.Valid(data) && !utf8.ValidString(res.Body) {
			t.Fatalf("body is not valid UTF-8")
		}
	})
}

func TestDetect(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "baba-20210331x20f.htm"))
	require.NoError(t, err)
	f, ok := Detect(data)
	if !ok || f.Form != "20-F" || f.Company != "Alibaba Group Holding Limited" || f.PeriodOfReport != "2021-03-31" || f.FiscalYear != 2021 || len(f.Tickers) != 1 || f.Tickers[0] != "BABA" {
		t.Errorf("Detect(20-F) = %+v, %v", f, ok)
	}
	cover := []byte("<html><body><p>UNITED STATES</p><p>SECURITIES AND EXCHANGE COMMISSION</p><p>Washington, D.C. 20549</p><p>FORM&nbsp;10-K</p></body></html>")
	if f, ok := Detect(cover); !ok || f.Form != "10-K" {
		t.Errorf("Detect(cover page) = %+v, %v; want 10-K", f, ok)
	}
	news := []byte("<html><body><p>Alibaba said in its Form 20-F filed with the Securities and Exchange Commission that U.S. firms may be barred.</p></body></html>")
	if f, ok := Detect(news); ok {
		t.Errorf("Detect(news page) = %+v, want not a filing", f)
	}
}

func TestHeadingVariants(t *testing.T) {
	tests := []struct {
		name, form, in, want string
	}{
		{"part and item on one line", "10-K",
			"<p>PART I — ITEM 1. BUSINESS</p><p>We make widgets.</p><p>ITEM 1A. RISK FACTORS</p><p>Steel may cost more.</p>",
			"1=Business|1A=Risk Factors"},
		{"lettered item headings", "20-F",
			"<p>Item 3. Key Information</p><p>Intro.</p><p>Item 3.D. Risk Factors</p><p>Tariffs may rise.</p><p>Item 4. Information on the Company</p><p>We sell.</p>",
			"3=Key Information|3.D=Risk Factors|4=Information on the Company"},
		{"10-Q parts", "10-Q",
			"<p>PART I. FINANCIAL INFORMATION</p><p>Item 1. Financial Statements</p><p>Balance sheet.</p><p>Item 2. Management's Discussion</p><p>Sales rose.</p>" +
				"<p>PART II. OTHER INFORMATION</p><p>Item 1. Legal Proceedings</p><p>None.</p><p>Item 1A. Risk Factors</p><p>No changes.</p>",
			"I-1=Financial Statements|I-2=Management's Discussion and Analysis of Financial Condition and Results of Operations|II-1=Legal Proceedings|II-1A=Risk Factors"},
		{"8-K", "8-K",
			"<p>Item 2.02 Results of Operations and Financial Condition.</p><p>On May 1 the company announced results.</p><p>Item 9.01 Financial Statements and Exhibits.</p><p>(d) Exhibits.</p>",
			"2.02=Results of Operations and Financial Condition|9.01=Financial Statements and Exhibits"},
		{"combined items", "10-K",
			"<p>Items 1 and 2. Business and Properties</p><p>We own mines in Nevada.</p><p>Item 3. Legal Proceedings</p><p>None.</p>",
			"1=Business|3=Legal Proceedings"},
		{"unknown form keeps the heading's words", "N-CSR",
			"<p>ITEM 2. CODE OF ETHICS</p><p>The registrant has adopted a code of ethics.</p>",
			"2=Code of Ethics"},
	}
	for _, tc := range tests {
		res, err := Read([]byte("<html><body>"+tc.in+"</body></html>"), tc.form)
		require.NoError(t, err, tc.name)
		if got := strings.Join(keys(res.Sections), "|"); got != tc.want {
			t.Errorf("%s: sections = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestRunningHeadsDropped(t *testing.T) {
	in := "<html><body><p>Item 1. Business</p><p>We make widgets.</p><p>Acme Widgets, Inc. | 2023 Form 10-K | 17</p><p>We sell them too.</p></body></html>"
	res, err := Read([]byte(in), "10-K")
	require.NoError(t, err)
	if strings.Contains(res.Body, "| 17") {
		t.Errorf("body keeps the running head: %q", res.Body)
	}
}

func TestItemsKeepsTheBody(t *testing.T) {
	body := "ANNUAL REPORT\n\nItem 1. Business\n\nWe make widgets.\n\nItem 1A. Risk Factors\n\nSteel may cost more."
	got := Items(body, "10-K")
	if len(got) != 2 || body[got[1].Start:got[1].End] != "Item 1A. Risk Factors\n\nSteel may cost more." || body[got[0].Start:got[0].End] != "Item 1. Business\n\nWe make widgets." {
		t.Errorf("Items = %+v", got)
	}
}

func TestContinuedHeadingsDoNotMoveTheStart(t *testing.T) {
	long := strings.Repeat("Steel tariffs could raise our costs. ", 40)
	in := "<html><body><p>Item 1A. Risk Factors</p><p>" + long + "</p><p>Item 1A. Risk Factors (continued)</p><p>" + long + long +
		"</p><p>Item 1B. Unresolved Staff Comments</p><p>None.</p></body></html>"
	res, err := Read([]byte(in), "10-K")
	require.NoError(t, err)
	risk := section(t, res, "1A")
	if !strings.HasPrefix(res.Body[risk.Start:], "Item 1A. Risk Factors\n") || !strings.Contains(res.Body[risk.Start:risk.End], "(continued)") {
		t.Errorf("Risk Factors starts at %q, want the first heading and to run through the continued page", res.Body[risk.Start:min(len(res.Body), risk.Start+40)])
	}
}

func TestTableCellsWithDivsReadAsRows(t *testing.T) {
	row := func(item, title, page string) string {
		return `<tr><td><div><span><a href="#x">` + item + `</a></span></div></td><td><div><span><a href="#x">` + title +
			`</a></span></div></td><td><div style="text-align:right"><span>` + page + `</span></div></td></tr>`
	}
	in := "<html><body><table>" + row("Item 1.", "Business", "1") + row("Item 1A.", "Risk Factors", "5") + row("Item 2.", "Properties", "17") +
		"</table><div><span>Item 1. Business</span></div><div><span>We make widgets in Ohio and sell them worldwide.</span></div>" +
		"<div><span>Item 1A. Risk Factors</span></div><div><span>Steel may cost more next year.</span></div>" +
		"<div><span>Item 2. Properties</span></div><div><span>We own a plant.</span></div>" +
		"<table><tr><td><div>Net sales</div></td><td><div>$</div></td><td><div>1,204.5</div></td></tr></table>" +
		"<table><tr><td>" + strings.Repeat("<div>A whole old filing laid out in one cell, paragraph after paragraph.</div>", 10) + "</td></tr></table></body></html>"
	res, err := Read([]byte(in), "10-K")
	require.NoError(t, err)
	if got := strings.Join(keys(res.Sections), "|"); got != "1=Business|1A=Risk Factors|2=Properties" {
		t.Errorf("sections = %s", got)
	}
	if !strings.Contains(res.Body, "Net sales $ 1,204.5") {
		t.Errorf("table row not read as one line:\n%s", res.Body)
	}
	if strings.Count(res.Body, "\n\nA whole old filing") != 10 {
		t.Errorf("a long cell's paragraphs were joined:\n%s", res.Body)
	}
	if strings.Count(res.Body, "Business") != 1 {
		t.Errorf("table of contents kept:\n%s", res.Body)
	}
}

func TestBoldHeadingInsideAParagraph(t *testing.T) {
	in := `<html><body><p><b>Item 1. Business</b> We make widgets in Ohio and sell them around the world to manufacturers of every size.</p>` +
		`<p><span style="font-weight: bold">ITEM 1A. RISK FACTORS</span> Our costs depend on the price of steel, which tariffs may raise.</p>` +
		`<p>We sell to <b>Item 2</b> customers.</p></body></html>`
	res, err := Read([]byte(in), "10-K")
	require.NoError(t, err)
	if got := strings.Join(keys(res.Sections), "|"); got != "1=Business|1A=Risk Factors" {
		t.Errorf("sections = %s, want Items 1 and 1A", got)
	}
	risk := section(t, res, "1A")
	if text := res.Body[risk.Start:risk.End]; !strings.HasPrefix(text, "ITEM 1A. RISK FACTORS\n\nOur costs depend") {
		t.Errorf("Risk Factors = %q", text)
	}
}
