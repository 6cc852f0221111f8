package edgar

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/stretchr/testify/require"
)

// sec serves testdata as data.sec.gov and www.sec.gov do.
func sec(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	t.Cleanup(srv.Close)
	return srv
}

func client(t *testing.T, base string, o Options) *Client {
	t.Helper()
	o.Fetch = fetch.New(fetch.Options{UserAgent: "newsintel-test ops@example.com", AllowPrivate: true, PerHostRate: 1000, Retries: -1})
	o.DataURL, o.ArchivesURL = base, base
	c, err := New(o)
	require.NoError(t, err)
	return c
}

func TestFilingsSelectsFormsAndDatesAcrossPages(t *testing.T) {
	srv := sec(t)
	c := client(t, srv.URL, Options{})
	since, _ := time.Parse("2006-01-02", "2019-01-01")
	fs, err := c.Filings(t.Context(), "1577552", Query{Forms: []string{"20-F"}, Since: since})
	require.NoError(t, err)
	var got []string
	for _, f := range fs {
		got = append(got, f.Form+" "+f.FilingDate+" "+f.Accession)
	}
	want := []string{"20-F 2019-06-05 0001047469-19-003492", "20-F 2020-07-09 0001104659-20-071234", "20-F 2021-07-27 0001104659-21-092345"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("filings = %v, want %v", got, want)
	}
	if co := fs[0].Company; co.Name != "Alibaba Group Holding Ltd" || co.CIK != "1577552" || co.Tickers[0] != "BABA" {
		t.Errorf("company = %+v", co)
	}
}

func TestFetchPrimaryDocumentAndFields(t *testing.T) {
	srv := sec(t)
	c := client(t, srv.URL, Options{})
	fs, err := c.Filings(t.Context(), "0001577552", Query{Forms: []string{"20-F"}})
	require.NoError(t, err)
	require.Len(t, fs, 3)
	raw, err := c.Fetch(t.Context(), fs[2], "edgar")
	require.NoError(t, err)
	if raw.ID != "sec-0001104659-21-092345" || raw.Kind != newsintel.KindFiling || !strings.Contains(string(raw.Body), "D. Risk Factors") {
		t.Errorf("raw = %s %s, body %d bytes", raw.ID, raw.Kind, len(raw.Body))
	}
	f := raw.Filing
	if f.Form != "20-F" || f.CIK != "1577552" || f.Company != "Alibaba Group Holding Ltd" || f.FiscalYear != 2021 ||
		f.PeriodOfReport != "2021-03-31" || f.Filed.Format("2006-01-02") != "2021-07-27" ||
		f.IndexURL != srv.URL+"/Archives/edgar/data/1577552/000110465921092345/0001104659-21-092345-index.htm" ||
		f.PrimaryURL != srv.URL+"/Archives/edgar/data/1577552/000110465921092345/baba-20210331x20f.htm" {
		t.Errorf("filing = %+v", f)
	}
}

func TestFetchFallsBackToFullSubmission(t *testing.T) {
	srv := sec(t)
	c := client(t, srv.URL, Options{})
	fs, err := c.Filings(t.Context(), "1577552", Query{Forms: []string{"20-F"}})
	require.NoError(t, err)
	// The 2019 filing names no primary document; its index names one that is gone.
	raw, err := c.Fetch(t.Context(), fs[0], "edgar")
	require.NoError(t, err)
	if !strings.HasPrefix(string(raw.Body), "<SEC-DOCUMENT>") || !strings.HasSuffix(raw.Filing.PrimaryURL, "/0001047469-19-003492.txt") {
		t.Errorf("fetched %s (%q...), want the full-submission .txt", raw.Filing.PrimaryURL, raw.Body[:min(len(raw.Body), 20)])
	}
}

func TestLatest(t *testing.T) {
	srv := sec(t)
	c := client(t, srv.URL, Options{})
	fs, err := c.Latest(t.Context(), "20-F")
	require.NoError(t, err)
	if len(fs) != 1 || fs[0].Accession != "0001104659-21-092345" || fs[0].Company.CIK != "1577552" || fs[0].FilingDate != "2021-07-27" || fs[0].Form != "20-F" {
		t.Errorf("latest = %+v, want the one Alibaba 20-F (the reporting owner's entry left out)", fs)
	}
	if u := c.LatestURL("20-F", 40); !strings.Contains(u, "action=getcurrent") || !strings.Contains(u, "output=atom") || !strings.Contains(u, "type=20-F") {
		t.Errorf("LatestURL = %s", u)
	}
}

func TestCIKForTicker(t *testing.T) {
	c := client(t, sec(t).URL, Options{})
	cik, err := c.CIKForTicker(t.Context(), "baba")
	require.NoError(t, err)
	if cik != "1577552" {
		t.Errorf("CIKForTicker(baba) = %s, want 1577552", cik)
	}
	if _, err := c.CIKForTicker(t.Context(), "NOPE"); err == nil {
		t.Errorf("CIKForTicker(NOPE) = nil error, want one")
	}
}

func TestPadCIK(t *testing.T) {
	for in, want := range map[string]string{"1577552": "0001577552", "0001577552": "0001577552", " 320193 ": "0000320193"} {
		if got, err := PadCIK(in); err != nil || got != want {
			t.Errorf("PadCIK(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "abc", "12345678901", "0"} {
		if _, err := PadCIK(bad); err == nil {
			t.Errorf("PadCIK(%q) = nil error, want one", bad)
		}
	}
}

func TestRefusalBacksOffAndSaysWhy(t *testing.T) {
	for _, code := range []int{http.StatusForbidden, http.StatusTooManyRequests} {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if hits.Add(1) <= 1 {
				w.WriteHeader(code)
				return
			}
			http.FileServer(http.Dir("testdata")).ServeHTTP(w, r)
		}))
		c := client(t, srv.URL, Options{Backoff: 10 * time.Millisecond})
		if _, err := c.Filings(t.Context(), "1577552", Query{Forms: []string{"20-F"}}); err != nil {
			t.Errorf("HTTP %d once: %v, want a retry that succeeds", code, err)
		}
		hits.Store(-100) // refuse from now on
		_, err := c.Filings(t.Context(), "1577552", Query{})
		srv.Close()
		if got := hits.Load(); got != -97 {
			t.Errorf("HTTP %d: %d requests, want 3 (MaxRefusals)", code, got+100)
		}
		if err == nil || !strings.Contains(err.Error(), "User-Agent") && code == 403 || !strings.Contains(err.Error(), "rate") && code == 429 {
			t.Errorf("HTTP %d: error %v, want one that says why", code, err)
		}
	}
}

func TestRateLimit(t *testing.T) {
	srv := sec(t)
	c := client(t, srv.URL, Options{Rate: 20})
	start := time.Now()
	for range 5 {
		_, err := c.CIKForTicker(t.Context(), "BABA")
		require.NoError(t, err)
	}
	if el := time.Since(start); el < 190*time.Millisecond {
		t.Errorf("5 requests at 20/s took %v, want at least 200ms", el)
	}
}

func TestFollowLatestAndSubmissions(t *testing.T) {
	srv := sec(t)
	c := client(t, srv.URL, Options{})
	raws, errs, err := c.Follow(t.Context(), srv.URL+"/submissions/CIK0001577552.json?forms=20-F&since=2019-01-01", "baba", func(id string) bool {
		return id == "sec-0001104659-20-071234" // already published
	})
	require.NoError(t, err)
	if len(raws) != 2 || len(errs) != 0 {
		t.Errorf("follow submissions: %d raws %v errors, want the 2 unseen 20-Fs", len(raws), errs)
	}
	// The Atom feed names no primary document: it is found in the filing's folder index,
	// and this fixture's folder has none, so the filing fails alone.
	raws, errs, err = c.Follow(t.Context(), c.LatestURL("20-F", 40), "latest", nil)
	require.NoError(t, err)
	if len(raws)+len(errs) != 1 {
		t.Errorf("follow latest: %d raws, %d errors; want the one filing either way", len(raws), len(errs))
	}
	if _, _, err := c.Follow(t.Context(), srv.URL+"/something/else", "x", nil); err == nil {
		t.Errorf("Follow(unknown URL) = nil error, want one")
	}
}

func TestIsSourceURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://data.sec.gov/submissions/CIK0001577552.json":                              true,
		"https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=20-F&output=atom": true,
		"https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=1577552&type=20-F": false,
		"https://www.sec.gov/Archives/edgar/data/1577552/000110465921092345/":              false,
		"https://www.federalregister.gov/api/v1/documents.json?conditions[agencies][]=x":   false,
	} {
		if got := IsSourceURL(u); got != want {
			t.Errorf("IsSourceURL(%s) = %v, want %v", u, got, want)
		}
	}
}

func TestTrimSubmissionKeepsHeaderAndPrimary(t *testing.T) {
	in := "<SEC-DOCUMENT>x.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n" +
		"<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nannual report\n</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>EX-21\n<TEXT>\nsubsidiaries\n</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
	got := string(trimSubmission([]byte(in), "10-K"))
	if !strings.Contains(got, "CONFORMED SUBMISSION TYPE") || !strings.Contains(got, "annual report") || strings.Contains(got, "subsidiaries") || strings.Contains(got, "logo.jpg") {
		t.Errorf("trimmed = %q", got)
	}
}

func TestPrimaryFromIndexSkipsExhibitsAndViewerPages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"directory":{"item":[{"name":"R1.htm","size":"900000000"},{"name":"d96698dex991.htm","size":"800000"},
{"name":"0000000000-24-000001-index.htm","size":"9999999"},{"name":"nextera_10k.htm","size":"5000000"},{"name":"logo.jpg","size":"99999999"}]}}`))
	}))
	defer srv.Close()
	c := client(t, srv.URL, Options{})
	got := c.primaryFromIndex(t.Context(), Filing{Company: Company{CIK: "1"}, Accession: "0000000000-24-000001"})
	if got != "nextera_10k.htm" {
		t.Errorf("primaryFromIndex = %q, want nextera_10k.htm", got)
	}
}
