package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/edgar"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/stretchr/testify/require"
)

// countingPub publishes through the bus and counts publishes per ID.
type countingPub struct {
	pub   ingest.Publisher
	mu    sync.Mutex
	count map[string]int
}

func (c *countingPub) PublishRaw(ctx context.Context, raw newsintel.Raw) error {
	if err := c.pub.PublishRaw(ctx, raw); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count[raw.ID]++
	return nil
}

// backfillBus connects to a running test server and returns a counting
// publisher and the progress store in its state bucket.
func backfillBus(t *testing.T, natsURL string) (*countingPub, progressStore) {
	t.Helper()
	bus, err := pipelines.Connect(t.Context(), natsURL, "test-backfill", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(bus.Close)
	progress, err := bus.Progress(t.Context())
	require.NoError(t, err)
	return &countingPub{pub: bus, count: map[string]int{}}, progress
}

// secServer serves ingest/edgar/testdata as the SEC's hosts do; before
// serving a path containing interruptAt it calls interrupt once.
func secServer(t *testing.T, interruptAt string, interrupt func()) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(filepath.Join("..", "..", "ingest", "edgar", "testdata")))
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if interruptAt != "" && strings.Contains(r.URL.Path, interruptAt) {
			hit := false
			once.Do(func() { hit = true; interrupt() })
			if hit {
				http.Error(w, "interrupted", http.StatusServiceUnavailable)
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestBackfillEDGARInterruptedResumesWithoutDuplicates(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Fetch.UserAgent = "newsintel-test ops@example.com"
	r := startServe(t, cfg, serveOptions{})
	pub, store := backfillBus(t, r.info.NATSURL)
	log := slog.New(slog.DiscardHandler)

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	// The second of three filings is interrupted while it is fetched, as Ctrl-C would.
	srv := secServer(t, "tm2017832-1_20f.htm", cancel)
	o := edgarBackfill{ciks: []string{"1577552"}, forms: []string{"20-F"}, since: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC),
		rate: 10, dataURL: srv.URL, archives: srv.URL, source: "edgar"}
	var bar strings.Builder
	st, err := runBackfillEDGAR(ctx, cfg, o, pub, store, &bar, log)
	require.ErrorIs(t, err, context.Canceled)
	if st.Total != 3 || st.Published != 1 {
		t.Fatalf("first run: %v, want 1 of 3 published before the interrupt", st)
	}
	st, err = runBackfillEDGAR(t.Context(), cfg, o, pub, store, &bar, log)
	require.NoError(t, err)
	if st.Total != 3 || st.Skipped != 1 || st.Published != 2 || st.Failed != 0 {
		t.Errorf("second run: %v, want 2 published and 1 already done", st)
	}
	want := []string{"sec-0001047469-19-003492", "sec-0001104659-20-071234", "sec-0001104659-21-092345"}
	for _, id := range want {
		if n := pub.count[id]; n != 1 {
			t.Errorf("%s published %d times, want exactly once", id, n)
		}
	}
	if len(pub.count) != 3 {
		t.Errorf("published %v, want only %v", pub.count, want)
	}
	if !strings.Contains(bar.String(), "3/3 100%") || !strings.Contains(bar.String(), "ETA") {
		t.Errorf("progress output %q, want done/total, percentage and ETA", bar.String())
	}

	res := waitTotal(t, r.info.HTTPAddr, 3)
	for _, h := range res.Hits {
		if h.Kind != "filing" {
			t.Errorf("hit %s is a %s, want filing", h.ID, h.Kind)
		}
	}
	// The Risk Factors section is searchable by section: all three 20-Fs have one,
	// and only the 2021 one speaks of being barred.
	var hits apiSearch
	getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/search?q="+url.QueryEscape(`+section:"Risk Factors" +barred`), &hits)
	if hits.Total != 1 || hits.Hits[0].ID != "sec-0001104659-21-092345" {
		t.Errorf(`+section:"Risk Factors" +barred = %+v, want the 2021 20-F`, hits)
	}
	hits = apiSearch{}
	getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/search?q="+url.QueryEscape(`section:"Risk Factors"`), &hits)
	if hits.Total != 3 {
		t.Errorf(`section:"Risk Factors" found %d documents, want 3`, hits.Total)
	}
	var doc newsintel.Document
	getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/documents/sec-0001104659-21-092345", &doc)
	f := doc.Filing
	if f == nil || f.Form != "20-F" || f.CIK != "1577552" || f.Company != "Alibaba Group Holding Ltd" || f.FiscalYear != 2021 ||
		len(f.Tickers) == 0 || f.PeriodOfReport != "2021-03-31" || f.IndexURL == "" || f.PrimaryURL == "" || len(doc.Sections) < 5 {
		t.Errorf("document %s: filing %+v, %d sections", doc.ID, f, len(doc.Sections))
	}
}

// fedregServer serves ingest/fedreg/testdata as www.federalregister.gov does.
func fedregServer(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		if r.URL.Path == "/api/v1/documents.json" {
			if r.URL.Query().Get("page") == "1" && r.URL.Query().Get("conditions[agencies][]") != "commerce-department" {
				http.Error(w, "unexpected query "+r.URL.RawQuery, http.StatusBadRequest)
				return
			}
			name = "documents-page" + r.URL.Query().Get("page") + ".json"
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "ingest", "fedreg", "testdata", name))
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

func TestBackfillFedRegTagsAgenciesBySlug(t *testing.T) {
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	pub, store := backfillBus(t, r.info.NATSURL)
	srv := fedregServer(t)
	o := fedregBackfill{query: fedreg.Query{Agencies: []string{"commerce-department"}, Since: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), PerPage: 2},
		baseURL: srv.URL + "/api/v1", source: "fedreg"}
	st, err := runBackfillFedReg(t.Context(), cfg, o, pub, store, io.Discard, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	if st.Published != 3 {
		t.Fatalf("backfill: %v, want 3 published", st)
	}
	res := waitTotal(t, r.info.HTTPAddr, 3)
	for _, h := range res.Hits {
		if h.Kind != "notice" {
			t.Errorf("hit %s is a %s, want notice", h.ID, h.Kind)
		}
	}
	for q, want := range map[string]uint64{"agency:commerce-department": 3, "agency:industry-and-security-bureau": 1} {
		var hits apiSearch
		getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/search?q="+url.QueryEscape(q), &hits)
		if hits.Total != want {
			t.Errorf("%s found %d notices, want %d", q, hits.Total, want)
		}
	}
	var doc newsintel.Document
	getJSON(t, "http://"+r.info.HTTPAddr+"/api/v1/documents/fr-2021-01234", &doc)
	if doc.Notice == nil || doc.Notice.Type != "Rule" || !doc.Notice.Significant || doc.Notice.EffectiveOn != "2021-03-22" ||
		!strings.Contains(doc.Body, "Executive") || doc.Title == "" {
		t.Errorf("notice document = %q %+v, body %.80q", doc.Title, doc.Notice, doc.Body)
	}
	agencies := 0
	for _, m := range doc.Mentions {
		if m.Type == newsintel.EntityAgency {
			agencies++
		}
	}
	if agencies == 0 {
		t.Errorf("notice has no agency mentions: %+v", doc.Mentions)
	}
	// Run again: everything is already done, nothing is published twice.
	st, err = runBackfillFedReg(t.Context(), cfg, o, pub, store, io.Discard, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	if st.Skipped != 3 || st.Published != 0 {
		t.Errorf("second backfill: %v, want all 3 already done", st)
	}
}

func TestExtractCommandReadsFilingsNoticesAndPDFs(t *testing.T) {
	cfg := testConfig(t.TempDir())
	notice := filepath.Join(t.TempDir(), "notice.json")
	require.NoError(t, os.WriteFile(notice, []byte(`{"document_number":"2021-01234","type":"Rule","title":"Securing the ICT Supply Chain",
"raw_text":"The Department of Commerce issues this interim final rule.","agencies":[{"name":"Commerce Department","slug":"commerce-department"}]}`), 0o644))
	tests := []struct {
		file string
		id   string
		kind newsintel.Kind
		want func(*newsintel.Document) bool
	}{
		{"../../extract/filing/testdata/0000950123-09-011234.txt", "sec-0000950123-09-011234", newsintel.KindFiling,
			func(d *newsintel.Document) bool { return len(d.Sections) == 4 && d.Filing.Form == "10-K" }},
		{"../../extract/filing/testdata/baba-20210331x20f.htm", "", newsintel.KindFiling,
			func(d *newsintel.Document) bool {
				return d.Filing.Form == "20-F" && strings.HasPrefix(d.Title, "20-F Alibaba")
			}},
		{notice, "fr-2021-01234", newsintel.KindNotice,
			func(d *newsintel.Document) bool {
				return len(d.Mentions) > 0 && d.Notice.Agencies[0].Slug == "commerce-department"
			}},
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		tests = append(tests, struct {
			file string
			id   string
			kind newsintel.Kind
			want func(*newsintel.Document) bool
		}{"../../extract/pdf/testdata/notice-3-pages.pdf", "", newsintel.KindArticle,
			func(d *newsintel.Document) bool { return len(d.Sections) == 3 && d.Sections[1].Page == 2 }})
	}
	for _, tc := range tests {
		doc, err := runExtract(t.Context(), cfg, tc.file, "")
		if err != nil {
			t.Errorf("extract %s: %v", tc.file, err)
			continue
		}
		if (tc.id != "" && doc.ID != tc.id) || doc.Kind != tc.kind || !tc.want(doc) {
			t.Errorf("extract %s = %s %s %q (%d sections), want %s %s", tc.file, doc.ID, doc.Kind, doc.Title, len(doc.Sections), tc.id, tc.kind)
		}
	}
}

func TestProgressBarLine(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var out strings.Builder
	p := newProgressBar(&out, "edgar")
	p.now = func() time.Time { return now }
	p.start(10)
	p.step(false) // already done: not counted in the rate
	for range 4 {
		now = now.Add(time.Second)
		p.step(true)
	}
	if got, want := p.line(), "edgar [===============>              ] 5/10  50% 1.0/s ETA 5s "; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
}

func TestReportBackfill(t *testing.T) {
	var out strings.Builder
	err := reportBackfill(&out, backfillStats{Total: 3, Published: 1}, context.Canceled)
	if exit, ok := err.(exitError); !ok || exit.code != 130 || !strings.Contains(out.String(), "run the same command again to resume") {
		t.Errorf("interrupted: %v, %q; want exit 130 and how to resume", err, out.String())
	}
	if err := reportBackfill(&out, backfillStats{Total: 3, Published: 2, Failed: 1}, nil); err == nil {
		t.Errorf("a failed item: nil error, want a non-zero exit")
	}
	if err := reportBackfill(&out, backfillStats{Total: 3, Published: 3}, nil); err != nil {
		t.Errorf("all published: %v, want nil", err)
	}
}

// fixedSources is a sourceLister with a fixed list.
type fixedSources []pipelines.Source

func (f fixedSources) Sources(context.Context) ([]pipelines.Source, error) { return f, nil }

func TestFollowerPublishesEachFilingAndNoticeOnce(t *testing.T) {
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	pub, store := backfillBus(t, r.info.NATSURL)
	sec, fr := secServer(t, "", nil), fedregServer(t)
	client, err := edgar.New(edgar.Options{Fetch: newFetcher(cfg), DataURL: sec.URL, ArchivesURL: sec.URL})
	require.NoError(t, err)
	srcs := fixedSources{
		{Source: config.Source{Name: "baba", Type: "edgar", URL: sec.URL + "/submissions/CIK0001577552.json?forms=20-F&since=2019-01-01"}},
		{Source: config.Source{Name: "commerce", Type: "fedreg", Kind: "notice", URL: fr.URL + "/api/v1/documents.json?conditions[agencies][]=commerce-department&page=1"}},
		{Source: config.Source{Name: "news", Type: "feed", URL: "http://127.0.0.1:1/feed.xml"}},
		{Source: config.Source{Name: "gone", Type: "fedreg", Kind: "notice", URL: "http://127.0.0.1:1/api/v1/documents.json?conditions[term]=x"}},
	}
	health := feedStates(t, r.info.NATSURL)
	f := &follower{sources: srcs, edgar: client, fedreg: &fedreg.Client{Fetch: newFetcher(cfg)}, pub: pub, done: store,
		health: health, interval: time.Hour, log: slog.New(slog.DiscardHandler), next: map[string]time.Time{}}
	require.NoError(t, f.pollDue(t.Context()))
	clear(f.next) // due again at once
	require.NoError(t, f.pollDue(t.Context()))
	// Three 20-Fs and the two notices of the first documents page, each once.
	if len(pub.count) != 5 {
		t.Errorf("published %v, want 3 filings and 2 notices", pub.count)
	}
	for id, n := range pub.count {
		if n != 1 {
			t.Errorf("%s published %d times, want once", id, n)
		}
	}
	waitTotal(t, r.info.HTTPAddr, 5)
	assertFollowHealth(t, health, srcs)
}

// feedStates connects to a running test server and returns its "feeds"
// bucket store, where source health is kept.
func feedStates(t *testing.T, natsURL string) *pipelines.JSONStore {
	t.Helper()
	bus, err := pipelines.Connect(t.Context(), natsURL, "test-health", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(bus.Close)
	st, err := bus.FeedStates(t.Context())
	require.NoError(t, err)
	return st
}

// assertFollowHealth checks what two reads of srcs left as their health:
// the EDGAR source read twice with its three filings counted once, the
// unreachable Federal Register source failing twice in a row.
func assertFollowHealth(t *testing.T, health *pipelines.JSONStore, srcs fixedSources) {
	t.Helper()
	var ok, bad newsintel.SourceStatus
	found, err := health.Load(t.Context(), srcs[0].URL, &ok)
	require.NoError(t, err)
	if !found || ok.LastSuccess.IsZero() || ok.ItemsSeen != 3 || ok.ConsecutiveFailures != 0 || ok.NextPoll.Before(ok.LastPoll) {
		t.Errorf("edgar source health %+v (found %v), want a success with 3 items and a next poll", ok, found)
	}
	found, err = health.Load(t.Context(), srcs[3].URL, &bad)
	require.NoError(t, err)
	if !found || bad.ConsecutiveFailures != 2 || bad.LastError == "" || !bad.LastSuccess.IsZero() {
		t.Errorf("unreachable source health %+v (found %v), want 2 consecutive failures with the error", bad, found)
	}
}

func TestBadPDFStopsNothingElse(t *testing.T) {
	cfg := testConfig(t.TempDir())
	r := startServe(t, cfg, serveOptions{})
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), 0o644))
	data, err := os.ReadFile("../../extract/filing/testdata/0000950123-09-011234.txt")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "northwind.txt"), data, 0o644))
	var out strings.Builder
	require.NoError(t, runIngest(t.Context(), cfg, r.info.NATSURL, ingestTarget{source: "files", kind: newsintel.KindArticle}, []string{dir}, &out, slog.New(slog.DiscardHandler)))
	res := waitTotal(t, r.info.HTTPAddr, 1)
	if res.Hits[0].ID != "sec-0000950123-09-011234" || res.Hits[0].Kind != "filing" {
		t.Errorf("indexed %+v, want the 10-K filing and not the broken PDF", res.Hits)
	}
}
