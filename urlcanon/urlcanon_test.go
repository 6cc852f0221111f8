package urlcanon

import "testing"

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://WWW.Example.com:443/news/a?utm_source=x&b=2&a=1#top", "https://www.example.com/news/a?a=1&b=2"},
		{"http://example.com:80", "http://example.com/"},
		{"http://example.com:8080/x?fbclid=abc", "http://example.com:8080/x"},
		{"https://user:pw@example.com/a?", "https://example.com/a"},
		{"https://[::1]:443/a", "https://[::1]/a"},
		{"https://example.com./a?gclid=1&UTM_MEDIUM=2&id=7", "https://example.com/a?id=7"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCanonicalVariantsAgree(t *testing.T) {
	a, _ := Canonical("https://news.example.com/2021/06/14/story?utm_campaign=rss")
	b, _ := Canonical("https://NEWS.example.com:443/2021/06/14/story#comments")
	c, _ := Canonical("https://news.example.com/2021/06/14/story?fbclid=IwAR0")
	if a != b || b != c {
		t.Errorf("variants differ: %q %q %q", a, b, c)
	}
}

func TestCanonicalRefuses(t *testing.T) {
	for _, in := range []string{"ftp://example.com/a", "/relative/path", "javascript:alert(1)", "https://", "http://%zz"} {
		if got, err := Canonical(in); err == nil {
			t.Errorf("Canonical(%q) = %q, want an error", in, got)
		}
	}
}
