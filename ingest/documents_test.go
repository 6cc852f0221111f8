package ingest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
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

func TestIngestFederalRegisterPageFetchesFullText(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Base(r.URL.Path)
		if name == "documents.json" {
			name = "documents-page2.json"
		}
		data, err := os.ReadFile(filepath.Join("fedreg", "testdata", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", map[bool]string{true: "application/json", false: "text/plain"}[strings.HasSuffix(name, ".json")])
		w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", srv.URL)))
	}))
	defer srv.Close()
	pub := &collect{}
	in := &Ingester{Client: fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1000}), Pub: pub, Source: "fr"}
	st, err := in.URL(t.Context(), srv.URL+"/api/v1/documents.json?conditions[agencies][]=commerce-department")
	require.NoError(t, err)
	if st.Published != 1 || len(pub.raws) != 1 || !strings.Contains(string(pub.raws[0].Body), "infrastructure as a service offered to foreign persons") ||
		strings.Contains(string(pub.raws[0].Body), "Federal Register Volume") {
		t.Errorf("published %d (%d raws), want the notice with its cleaned raw text", st.Published, len(pub.raws))
	}
}
