package article

import (
	"net/url"
	"testing"

	"github.com/newsintel/newsintel/extract/internal/fullsize"
)

// TestEvalBodyFullSize measures the body extractor over the full-size
// pages (real-size publisher pages, 100–700 KB each, see package
// fullsize), as TestEvalBody does over the small evaluation pages: mean
// token F1 at least 0.95, no page below 0.80, and title, authors and
// published time read right.
func TestEvalBodyFullSize(t *testing.T) {
	pages, err := fullsize.Pages()
	if err != nil {
		t.Fatal(err)
	}
	var sumP, sumR, sumF float64
	var metaOK int
	for _, pg := range pages {
		u, _ := url.Parse(pg.URL)
		a, err := ExtractBytes(pg.HTML, u)
		if err != nil {
			t.Errorf("%s: ExtractBytes: %v", pg.Name, err)
			continue
		}
		p, r, f := tokenPRF(a.Body, pg.Expected)
		sumP, sumR, sumF = sumP+p, sumR+r, sumF+f
		t.Logf("%-28s P=%.3f R=%.3f F1=%.3f words=%d", pg.Name, p, r, f, a.WordCount)
		if f < 0.80 {
			t.Errorf("%s: F1 = %.3f, want >= 0.80\n--- got:\n%s\n--- want:\n%s", pg.Name, f, a.Body, pg.Expected)
		}
		ok := check(t, pg.Name, "title", a.Title, pg.Title) + checkAuthors(t, pg.Name, a.Authors, pg.Authors) + checkDate(t, pg.Name, a.Published, pg.Published.Format("2006-01-02T15:04:05Z07:00"))
		if ok == 3 {
			metaOK++
		}
	}
	n := float64(len(pages))
	t.Logf("MEAN over %d full-size pages: P=%.3f R=%.3f F1=%.3f; title, authors and published right on %d", len(pages), sumP/n, sumR/n, sumF/n, metaOK)
	if sumF/n < 0.95 {
		t.Errorf("mean F1 = %.3f, want >= 0.95", sumF/n)
	}
	if float64(metaOK) < 0.9*n {
		t.Errorf("metadata right on %d of %d pages, want at least 90%%", metaOK, len(pages))
	}
}

func checkAuthors(t *testing.T, page string, got, want []string) int {
	if len(got) != len(want) {
		t.Logf("%s: authors = %q, want %q", page, got, want)
		return 0
	}
	for i := range got {
		if got[i] != want[i] {
			t.Logf("%s: authors = %q, want %q", page, got, want)
			return 0
		}
	}
	return 1
}
