package article

import "testing"

// The held-out pages of testdata/holdout-web were written before the
// extraction rules were read (see testdata/holdoutsrc/README.md); fixes are
// made for classes of pages, never for one of these pages.

// TestHoldoutBody measures the body extractor over the held-out pages.
func TestHoldoutBody(t *testing.T) {
	scoreBody(t, loadPages(t, "holdout-web"), 0, 0)
}

// TestHoldoutMeta measures the metadata over the held-out pages.
func TestHoldoutMeta(t *testing.T) {
	scoreMeta(t, loadPages(t, "holdout-web"), 0)
}
