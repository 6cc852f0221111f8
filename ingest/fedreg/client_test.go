package fedreg

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/stretchr/testify/require"
)

// api serves testdata as www.federalregister.gov does, checking that the
// documents API is asked for the conditions the test expects.
func api(t *testing.T, wantQuery url.Values) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		if r.URL.Path == "/api/v1/documents.json" {
			for k, v := range wantQuery {
				if r.URL.Query().Get("page") != "1" {
					break // later pages are the API's own next_page_url
				}
				if got := r.URL.Query()[k]; strings.Join(got, ",") != strings.Join(v, ",") {
					t.Errorf("query %s = %v, want %v", k, got, v)
				}
			}
			name = "documents-page" + r.URL.Query().Get("page") + ".json"
		}
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(name, ".txt") {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		}
		w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", srv.URL)))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func newClient(base string) *Client {
	return &Client{Fetch: fetch.New(fetch.Options{AllowPrivate: true, PerHostRate: 1000}), BaseURL: base + "/api/v1"}
}

func TestEachFollowsPages(t *testing.T) {
	since := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	srv := api(t, url.Values{"conditions[agencies][]": {"commerce-department"}, "conditions[publication_date][gte]": {"2021-01-01"},
		"conditions[type][]": {"RULE", "NOTICE", "PRORULE"}, "conditions[term]": {"cloud"}, "per_page": {"2"}, "order": {"oldest"},
		"conditions[publication_date][lte]": {"2021-03-31"}})
	c := newClient(srv.URL)
	var got []string
	until := time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC) // one quarter: one query
	err := c.Each(t.Context(), Query{Agencies: []string{"commerce-department"}, Types: []string{"Rule", "notice", "PRORULE"}, Term: "cloud", Since: since, Until: until, PerPage: 2},
		func(d *Document, total int) error {
			if total != 3 {
				t.Errorf("total = %d, want 3", total)
			}
			got = append(got, d.DocumentNumber)
			return nil
		})
	require.NoError(t, err)
	if strings.Join(got, ",") != "2021-01234,2021-05678,2021-11111" {
		t.Errorf("documents = %v, want the three of both pages in order", got)
	}
}

func TestSearchURLRefusesUnknownType(t *testing.T) {
	c := newClient("http://example.invalid")
	if _, err := c.SearchURL(Query{Types: []string{"Memo"}}, 1); err == nil {
		t.Errorf("SearchURL(type Memo) = nil error, want one naming the types")
	}
	u, err := c.SearchURL(Query{Types: []string{"Presidential Document"}}, 3)
	require.NoError(t, err)
	for _, want := range []string{"conditions%5Btype%5D%5B%5D=PRESDOCU", "page=3", "fields%5B%5D=raw_text_url"} {
		if !strings.Contains(u, want) {
			t.Errorf("SearchURL = %s, want %s in it", u, want)
		}
	}
}

func TestTextFromRawTextOrBodyHTML(t *testing.T) {
	srv := api(t, nil)
	c := newClient(srv.URL)
	p, err := c.Search(t.Context(), Query{}, 1)
	require.NoError(t, err)
	require.Len(t, p.Results, 2)
	rule, notice := &p.Results[0], &p.Results[1]
	require.NoError(t, c.Text(t.Context(), rule))
	if !strings.Contains(rule.RawText, "Executive \nOrder 13873") {
		t.Errorf("raw text = %q", rule.RawText)
	}
	require.NoError(t, c.Text(t.Context(), notice))
	if !strings.Contains(notice.RawText, "adding seven entities") || strings.Contains(notice.RawText, "<p>") {
		t.Errorf("body HTML text = %q", notice.RawText)
	}
	raw := notice.ToRaw("fedreg", time.Now())
	if raw.Notice.Agencies[1].Slug != "industry-and-security-bureau" || raw.Notice.Significant || raw.Notice.EffectiveOn != "" {
		t.Errorf("notice = %+v", raw.Notice)
	}
	if err := c.Text(t.Context(), &Document{DocumentNumber: "2021-0"}); err == nil {
		t.Errorf("Text without URLs = nil error, want ErrNoText")
	}
}

func TestFollowSkipsSeen(t *testing.T) {
	srv := api(t, nil)
	c := newClient(srv.URL)
	raws, errs, err := c.Follow(t.Context(), srv.URL+"/api/v1/documents.json?conditions[agencies][]=commerce-department&page=1", "fr",
		func(id string) bool { return id == "fr-2021-01234" })
	require.NoError(t, err)
	if len(raws) != 1 || len(errs) != 0 || raws[0].ID != "fr-2021-05678" || !strings.Contains(string(raws[0].Body), "seven entities") {
		t.Errorf("follow = %d raws %v errors, want only the unseen notice with its text", len(raws), errs)
	}
}

func TestCleanRawText(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "2021-01234.txt"))
	require.NoError(t, err)
	got := CleanRawText(string(data) + "\n[FR Doc. 2021-01234 Filed 1-15-21; 8:45 am]\nBILLING CODE 3510-20-P\n")
	for _, gone := range []string{"Federal Register Volume", "[Rules and Regulations]", "[Pages 4909-4928]", "Government Publishing Office", "FR Doc", "BILLING CODE", "=====", "-----", "``"} {
		if strings.Contains(got, gone) {
			t.Errorf("clean text keeps %q:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"DEPARTMENT OF COMMERCE", "[Docket No. 201214-0341]", "RIN 0605-AA51", "“Securing the Information", "effective March 22, 2021."} {
		if !strings.Contains(got, kept) {
			t.Errorf("clean text lost %q:\n%s", kept, got)
		}
	}
	if strings.Contains(got, "\n\n\n") {
		t.Errorf("clean text keeps runs of blank lines:\n%s", got)
	}
}

func TestEachSplitsSlicesOverTheCap(t *testing.T) {
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gte, lte := r.URL.Query().Get("conditions[publication_date][gte]"), r.URL.Query().Get("conditions[publication_date][lte]")
		asked = append(asked, gte+".."+lte)
		from, _ := time.Parse("2006-01-02", gte)
		to, _ := time.Parse("2006-01-02", lte)
		if to.Sub(from) > 20*24*time.Hour {
			w.Write([]byte(`{"count":10000,"total_pages":10,"results":[]}`)) // the API's cap, not the truth
			return
		}
		w.Write([]byte(`{"count":1,"total_pages":1,"results":[{"document_number":"` + gte + `","type":"Notice"}]}`))
	}))
	defer srv.Close()
	c := newClient(srv.URL)
	var got []string
	err := c.Each(t.Context(), Query{Since: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC)},
		func(d *Document, _ int) error { got = append(got, d.DocumentNumber); return nil })
	require.NoError(t, err)
	if len(got) < 4 || got[0] != "2021-01-01" {
		t.Errorf("documents %v from slices %v, want the quarter split into slices under the cap, from 2021-01-01", got, asked)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Errorf("slices out of order or overlapping: %v", got)
		}
	}
}
