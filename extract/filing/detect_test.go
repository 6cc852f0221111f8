package filing

import (
	"strings"
	"testing"
)

func TestContainsFold(t *testing.T) {
	tests := []struct {
		name, b, needle string
		want            bool
	}{
		{"lower", "<html><ix:header>", "<ix:header", true},
		{"upper", "<HTML><IX:HEADER>", "<ix:header", true},
		{"mixed", "xx<Ix:HeAdEr", "<ix:header", true},
		{"absent", "<html><ix:head", "<ix:header", false},
		{"letter first, upper only", "abc HEADER", "header", true},
		{"letter first, lower later", "H he hea HEAD header", "header", true},
		{"letter first, absent", strings.Repeat("Hh", 1000), "header", false},
		{"at the end", "....<ix:header", "<ix:header", true},
		{"empty needle", "abc", "", true},
		{"short haystack", "<ix", "<ix:header", false},
	}
	for _, tt := range tests {
		if got := containsFold([]byte(tt.b), tt.needle); got != tt.want {
			t.Errorf("%s: containsFold(%q, %q) = %v, want %v", tt.name, tt.b, tt.needle, got, tt.want)
		}
	}
}
