package poll

import (
	"strings"
	"testing"
)

func FuzzHashesAndAlternates(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><rss/>`))
	f.Add([]byte("<html><script>x</script><p>Hello  world</p></html>"))
	f.Add([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/f"></head></html>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		if BodyHash(in) != BodyHash(append([]byte(nil), in...)) {
			t.Fatal("BodyHash: got different hashes for equal bodies")
		}
		if alts := alternateFeeds(in, "https://example.org/"); len(alts) > maxAlternates {
			t.Fatalf("alternateFeeds: got %d links, want at most %d", len(alts), maxAlternates)
		}
	})
}

func TestAlternateFeeds(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Example News</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss/top.xml">
<LINK REL="Alternate" TYPE="application/atom+xml" HREF="https://feeds.example.org/atom">
<link rel="alternate" hreflang="de" href="/de/">
</head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body></html>`
	got := alternateFeeds([]byte(page), "https://www.example.org/news/")
	want := []string{"https://www.example.org/rss/top.xml", "https://feeds.example.org/atom"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("alternateFeeds: got %q, want %q", got, want)
	}
	if got := alternateFeeds([]byte("<html><body>no head</body></html>"), ""); len(got) != 0 {
		t.Errorf("alternateFeeds(page without feeds): got %q, want none", got)
	}
}
