package article

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
)

// evalPage is one page of testdata/eval with what a person expects.
type evalPage struct {
	name     string
	html     []byte
	expected string
	meta     *evalMeta
}

type evalMeta struct {
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
	Publisher string   `json:"publisher"`
	URL       string   `json:"url"`
}

func loadEval(tb testing.TB) []evalPage {
	tb.Helper()
	return loadPages(tb, "eval")
}

// loadPages reads the pages of testdata/dir.
func loadPages(tb testing.TB, dir string) []evalPage {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.html"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no evaluation pages in testdata/%s: %v", dir, err)
	}
	var pages []evalPage
	for _, f := range files {
		base := strings.TrimSuffix(f, ".html")
		p := evalPage{name: filepath.Base(base)}
		p.html = mustRead(tb, f)
		p.expected = string(mustRead(tb, base+".expected.txt"))
		if data, err := os.ReadFile(base + ".meta.json"); err == nil {
			p.meta = new(evalMeta)
			if err := json.Unmarshal(data, p.meta); err != nil {
				tb.Fatalf("%s.meta.json: %v", base, err)
			}
		}
		pages = append(pages, p)
	}
	return pages
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func (p evalPage) url(tb testing.TB) *url.URL {
	if p.meta == nil || p.meta.URL == "" {
		return nil
	}
	u, err := url.Parse(p.meta.URL)
	if err != nil {
		tb.Fatalf("%s: bad url %q: %v", p.name, p.meta.URL, err)
	}
	return u
}

// tokens splits text into lower-cased word tokens (runs of letters and
// digits), as the public article-extraction benchmarks do.
func tokens(s string) map[string]int {
	bag := map[string]int{}
	for _, t := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		bag[t]++
	}
	return bag
}

// tokenPRF returns token-level precision, recall and F1 of got against
// want, over multisets of tokens.
func tokenPRF(got, want string) (p, r, f float64) {
	g, w := tokens(got), tokens(want)
	common, ng, nw := 0, 0, 0
	for t, n := range g {
		common += min(n, w[t])
		ng += n
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 && nw == 0 {
		return 1, 1, 1
	}
	if ng == 0 || nw == 0 || common == 0 {
		return 0, 0, 0
	}
	p, r = float64(common)/float64(ng), float64(common)/float64(nw)
	return p, r, 2 * p * r / (p + r)
}

func TestTokenPRF(t *testing.T) {
	p, r, f := tokenPRF("the cat sat", "the cat sat on the mat")
	if p != 1 || r != 0.5 || f < 0.66 || f > 0.67 {
		t.Errorf("tokenPRF = %v %v %v, want 1 0.5 0.667", p, r, f)
	}
}

// TestEvalBody measures the body extractor over the evaluation set: the
// mean token F1 must reach 0.95 and no page may fall below 0.80.
func TestEvalBody(t *testing.T) {
	scoreBody(t, loadEval(t), 0.95, 0.80)
}

// TestEvalMeta measures title, author, date and publisher accuracy over
// the pages that have a .meta.json.
func TestEvalMeta(t *testing.T) {
	scoreMeta(t, loadEval(t), 0.9)
}

// scoreBody logs the token F1 of every page and their mean, and fails when
// the mean is below minMean or a page below minPage.
func scoreBody(t *testing.T, pages []evalPage, minMean, minPage float64) {
	var sumP, sumR, sumF float64
	for _, pg := range pages {
		a, err := ExtractBytes(pg.html, pg.url(t))
		if err != nil {
			t.Errorf("%s: ExtractBytes: %v", pg.name, err)
			continue
		}
		p, r, f := tokenPRF(a.Body, pg.expected)
		sumP, sumR, sumF = sumP+p, sumR+r, sumF+f
		t.Logf("%-32s P=%.3f R=%.3f F1=%.3f words=%d", pg.name, p, r, f, a.WordCount)
		if f < minPage {
			t.Errorf("%s: F1 = %.3f, want >= %.2f\n--- got:\n%s\n--- want:\n%s", pg.name, f, minPage, a.Body, pg.expected)
		}
	}
	n := float64(len(pages))
	t.Logf("MEAN over %d pages: P=%.3f R=%.3f F1=%.3f", len(pages), sumP/n, sumR/n, sumF/n)
	if sumF/n < minMean {
		t.Errorf("mean F1 = %.3f, want >= %.2f", sumF/n, minMean)
	}
}

// scoreMeta counts exact title, author, publisher and date matches over
// the pages with a .meta.json and fails when a field is right on fewer
// than minRate of them.
func scoreMeta(t *testing.T, pages []evalPage, minRate float64) {
	var total, title, authors, published, publisher int
	for _, pg := range pages {
		if pg.meta == nil {
			continue
		}
		total++
		a, err := ExtractBytes(pg.html, pg.url(t))
		if err != nil {
			t.Errorf("%s: ExtractBytes: %v", pg.name, err)
			continue
		}
		title += check(t, pg.name, "title", a.Title, pg.meta.Title)
		authors += check(t, pg.name, "authors", strings.Join(a.Authors, "; "), strings.Join(pg.meta.Authors, "; "))
		publisher += check(t, pg.name, "publisher", a.Publisher, pg.meta.Publisher)
		published += checkDate(t, pg.name, a.Published, pg.meta.Published)
	}
	t.Logf("metadata over %d pages: title %d, authors %d, published %d, publisher %d", total, title, authors, published, publisher)
	for field, n := range map[string]int{"title": title, "authors": authors, "published": published, "publisher": publisher} {
		if float64(n) < minRate*float64(total) {
			t.Errorf("%s right on %d of %d pages, want at least %.0f%%", field, n, total, 100*minRate)
		}
	}
}

func check(t *testing.T, page, field, got, want string) int {
	if got != want {
		t.Logf("%s: %s = %q, want %q", page, field, got, want)
		return 0
	}
	return 1
}

// checkDate accepts the same instant, or the same day when the page only
// gives a day (got is midnight UTC).
func checkDate(t *testing.T, page string, got time.Time, want string) int {
	w, err := time.Parse(time.RFC3339, want)
	if err != nil {
		t.Fatalf("%s: bad published %q in meta.json", page, want)
	}
	dayOnly := got.Hour() == 0 && got.Minute() == 0 && got.Location() == time.UTC
	if got.Equal(w) || dayOnly && got.Format("2006-01-02") == w.Format("2006-01-02") {
		return 1
	}
	t.Logf("%s: published = %v, want %v", page, got, w)
	return 0
}

// BenchmarkParse measures html.Parse alone over the evaluation pages, the
// baseline that extraction is compared with.
func BenchmarkParse(b *testing.B) {
	pages := loadEval(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			if _, err := html.Parse(bytes.NewReader(pg.html)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages))/1e6, "ms/page")
}

// BenchmarkExtract measures parse plus Extract over the evaluation pages.
func BenchmarkExtract(b *testing.B) {
	pages := loadEval(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			if _, err := ExtractBytes(pg.html, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages))/1e6, "ms/page")
}

// BenchmarkExtractOnly measures Extract on trees parsed beforehand.
func BenchmarkExtractOnly(b *testing.B) {
	pages := loadEval(b)
	docs := make([]*html.Node, len(pages))
	for i, pg := range pages {
		docs[i], _ = html.Parse(bytes.NewReader(pg.html))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Extract(d, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages))/1e6, "ms/page")
}
