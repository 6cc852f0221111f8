package article

import (
	"strings"
	"testing"
)

// TestLiveBlogEntryHeadlines keeps the headline of every live-blog entry
// whose <header> also holds its time and author, and leaves out the
// article's own header.
func TestLiveBlogEntryHeadlines(t *testing.T) {
	entry := func(clock, head, text string) string {
		return `<article class="update"><header><span class="update-time">` + clock + `</span><span class="update-author">Sam Ortiz</span><h2>` + head + `</h2></header><p>` + text + `</p></article>`
	}
	page := `<html><body><main><article class="live"><header class="live-header"><h1>Marathon day: live updates</h1><p>By Sam Ortiz</p></header><div class="live-feed">` +
		entry("8:02 a.m.", "Elite women start", "The elite women's field started under cool, cloudy skies, with the defending champion near the front of a pack of about twenty runners.") +
		entry("9:15 a.m.", "Wheelchair race finishes", "The men's wheelchair race finished in a sprint along the river, the closest finish in the race's history, according to the organizers.") +
		entry("10:40 a.m.", "Course record falls", "The winner of the men's race broke the course record by eleven seconds despite a headwind over the last three miles of the course.") +
		`</div></article></main></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	for _, want := range []string{"Elite women start", "Wheelchair race finishes", "Course record falls", "broke the course record"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body = %q, want it to hold %q", a.Body, want)
		}
	}
	for _, bad := range []string{"8:02", "Marathon day", "Sam Ortiz"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("body = %q, want no %q", a.Body, bad)
		}
	}
}
