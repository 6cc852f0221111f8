package pdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the PDFs of testdata")

// fixturePages is the text of testdata/notice-3-pages.pdf, a PDF other
// packages' tests read.
var fixturePages = [][]string{
	{"DEPARTMENT OF COMMERCE", "Bureau of Industry and Security", "", "Addition of Entities to the Entity List"},
	{"SUMMARY: The Bureau of Industry and Security amends the Export Administration", "Regulations by adding seven entities to the Entity List."},
	{"DATES: This rule is effective April 9, 2021."},
}

// annualReportPages is the text of testdata/10k-2-pages.pdf.
var annualReportPages = [][]string{
	{"NORTHWIND TRADERS CORP", "FORM 10-K", "", "Item 1. Business", "", "Northwind distributes specialty foods in the Pacific Northwest."},
	{"Item 1A. Risk Factors", "", "A sustained rise in the price of diesel fuel would reduce our margins."},
}

func TestFixtureIsCurrent(t *testing.T) {
	checkFixture(t, "notice-3-pages.pdf", fixturePages)
	checkFixture(t, "10k-2-pages.pdf", annualReportPages)
}

func checkFixture(t *testing.T, name string, pages [][]string) {
	path := filepath.Join("testdata", name)
	want := buildPDF(pages, "")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./extract/pdf -run Fixture -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what buildPDF makes (%d bytes, want %d); run with -update", path, len(got), len(want))
	}
}
