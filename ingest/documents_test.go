package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestIngestFilingsNoticesAndPDFsByContent(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(src, name string) {
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	// Names without telling extensions: the content decides.
	copyFile("../extract/filing/testdata/0000950123-09-011234.txt", "northwind.dat")
	copyFile("../extract/pdf/testdata/notice-3-pages.pdf", "notice.bin")
	copyFile("fedreg/testdata/documents-page2.json", "page.json")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "one.json"), []byte(`{"document_number":"2021-01234","type":"Rule","title":"A rule","raw_text":"Text of the rule.","agencies":[{"name":"Commerce Department","slug":"commerce-department"}]}`), 0o644))

	pub := &collect{}
	in := &Ingester{Pub: pub, Source: "files"}
	st, err := in.Path(t.Context(), dir)
	require.NoError(t, err)
	if st.Published != 4 || st.Failed != 0 {
		t.Fatalf("published %d failed %d (%v), want 4 and 0", st.Published, st.Failed, st.Errors)
	}
	byID := map[string]newsintel.Raw{}
	for _, r := range pub.raws {
		byID[r.ID] = r
	}
	if r, ok := byID["sec-0000950123-09-011234"]; !ok || r.Kind != newsintel.KindFiling {
		t.Errorf("full submission published as %+v, want filing sec-0000950123-09-011234", r.ID)
	}
	for _, id := range []string{"fr-2021-01234", "fr-2021-11111"} {
		if r, ok := byID[id]; !ok || r.Kind != newsintel.KindNotice || r.Notice == nil {
			t.Errorf("notice %s not published as a notice (ids %v)", id, slices.Collect(mapsKeys(byID)))
		}
	}
	pdfs := 0
	for _, r := range pub.raws {
		if r.ContentType == "application/pdf" {
			pdfs++
		}
	}
	if pdfs != 1 {
		t.Errorf("%d PDFs published, want 1", pdfs)
	}
}

func mapsKeys(m map[string]newsintel.Raw) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestDetectFilingsAndNotices(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{"<SEC-DOCUMENT>0000950123-09-011234.txt : 20090227\n<SEC-HEADER>", FormatEDGAR},
		{`{"count":1,"results":[{"document_number":"2021-1"}]}`, FormatFedReg},
		{`{"document_number":"2021-1","title":"x"}`, FormatFedReg},
		{`{"name":"not a notice"}`, FormatJSON},
	} {
		if got := Detect([]byte(tc.in), "x", ""); got != tc.want {
			t.Errorf("Detect(%.30q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
