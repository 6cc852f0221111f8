package pdf

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func needTool(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if _, err := Read(t.Context(), buildPDF([][]string{{"x"}}, "")); !errors.Is(err, ErrNoTool) {
			t.Errorf("Read without pdftotext = %v, want ErrNoTool", err)
		}
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
}

func TestReadPagesAndOffsets(t *testing.T) {
	needTool(t)
	data := buildPDF([][]string{
		{"ANNUAL REPORT 2023", "", "Acme Widgets, Inc. designs industrial widgets."},
		{"Item 1A. Risk Factors", "Tariffs on steel imports could raise our costs and reduce our mar-", "gins materially."},
		{},
		{"Exhibit 21. Subsidiaries of the registrant."},
	}, "")
	res, err := Read(t.Context(), data)
	require.NoError(t, err)
	if res.Pages != 4 || len(res.Sections) != 3 {
		t.Fatalf("pages %d sections %+v, want 4 pages and 3 with text", res.Pages, res.Sections)
	}
	for i, want := range []struct {
		page int
		text string
	}{{1, "designs industrial widgets"}, {2, "reduce our margins materially"}, {4, "Subsidiaries of the registrant"}} {
		s := res.Sections[i]
		if s.Page != want.page || !strings.Contains(res.Body[s.Start:s.End], want.text) {
			t.Errorf("section %d = page %d %q, want page %d holding %q", i, s.Page, res.Body[s.Start:s.End], want.page, want.text)
		}
	}
	if strings.Contains(res.Body, "\f") {
		t.Errorf("body keeps form feeds: %q", res.Body)
	}
}

func TestReadBadPDFs(t *testing.T) {
	needTool(t)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"scanned", buildPDF([][]string{{}, {}}, ""), ErrNoText},
		{"corrupt", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage"), ErrCorrupt},
		{"not a pdf", []byte("<html>hello</html>"), ErrCorrupt},
		{"truncated", buildPDF([][]string{{"hello"}}, "")[:120], ErrCorrupt},
		{"encrypted", buildPDF([][]string{{"secret"}}, "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <0000000000000000000000000000000000000000000000000000000000000000> /U <0000000000000000000000000000000000000000000000000000000000000000> >> /ID [<01020304050607080910111213141516> <01020304050607080910111213141516>] "), ErrEncrypted},
	} {
		_, err := Read(t.Context(), tc.data)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs("The Depart-\nment of Commerce\nissued a rule.\n\n  Second   para.\n")
	want := []string{"The Department of Commerce issued a rule.", "Second para."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

func TestParagraphsBreakAtShortLines(t *testing.T) {
	page := "Item 1A. Risk Factors\nOur business depends on the price of diesel fuel, which has risen sharply and\nmay rise again, and on our ability to pass that cost on to our customers.\nWe may not be able to do so.\nSecond paragraph starts here and runs on to the full width of the page text\nand ends."
	got := paragraphs(page)
	want := []string{"Item 1A. Risk Factors",
		// A paragraph whose last line runs to the full width cannot be told from its successor.
		"Our business depends on the price of diesel fuel, which has risen sharply and may rise again, and on our ability to pass that cost on to our customers. We may not be able to do so.",
		"Second paragraph starts here and runs on to the full width of the page text and ends."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs =\n%q\nwant\n%q", got, want)
	}
}

func TestAssembleDropsPageNumbers(t *testing.T) {
	res := assemble([]string{"Annual Report\n\nRevenue rose.\n\n- 1 -\n", "Page 2 of 3\n\nCosts fell.\n\nii\n", ""})
	if res.Body != "Annual Report\n\nRevenue rose.\n\nCosts fell." || res.Pages != 2 {
		t.Errorf("body %q pages %d, want the text without page numbers", res.Body, res.Pages)
	}
}
