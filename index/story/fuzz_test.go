package story

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSentences checks that any body splits into ordered, non-empty,
// trimmed spans inside it, and that the cues read any sentence without
// panicking.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Alibaba called the report false. \"The report is inaccurate,\" Ms. Tang said.\n\nU.S. officials declined to comment!",
		"", ".", "a.B", "”.” ", "WASHINGTON, March 4 (Halyard) - x", "\xff\xfe. A",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		prev := 0
		for _, s := range sentences(body) {
			if s.start < prev || s.end <= s.start || s.end > len(body) {
				t.Fatalf("span %v after %d out of order or outside %d bytes", s, prev, len(body))
			}
			text := body[s.start:s.end]
			if strings.TrimSpace(text) != text {
				t.Fatalf("span %q is not trimmed", text)
			}
			if cue := denialCue(text); len(cue) > len(text) {
				t.Fatalf("cue %q longer than its sentence %q", cue, text)
			}
			prev = s.end
		}
		if got := dateline.ReplaceAllString(body, ""); utf8.ValidString(body) && !utf8.ValidString(got) {
			t.Fatalf("dateline stripping made %q invalid UTF-8: %q", body, got)
		}
	})
}

// FuzzParseStoryID checks that a story ID from a URL either parses into a
// valid document ID and hash or is refused, never panics.
func FuzzParseStoryID(f *testing.F) {
	for _, s := range []string{"80a0bf766624ef800105976c6e822a1a.e0844696", "a.b", "", ".", "sec-0001.00000000", "x.0000000g"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		doc, hash, err := parseStoryID(id)
		if err != nil {
			return
		}
		if doc+"."+hash != id || len(hash) != 8 {
			t.Fatalf("parseStoryID(%q) = %q, %q", id, doc, hash)
		}
	})
}
