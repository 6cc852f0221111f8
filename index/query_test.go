package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

func TestParseQueryRefusals(t *testing.T) {
	deep := strings.Repeat("(", 11) + "a" + strings.Repeat(")", 11)
	tests := []struct {
		name  string
		query string
		says  string // part of the message that tells what to change
	}{
		{"regexp", "/alibab.*/", "regular expressions"},
		{"regexp in a field", "title:/boe?ing/", "regular expressions"},
		{"leading star", "*cloud", "starts with a wildcard"},
		{"leading question mark", "?loud", "starts with a wildcard"},
		{"star alone", "*", "leave the query empty"},
		{"star alone in a field", "title:*", "leave the query empty"},
		{"one-letter prefix", "a*", "too short a prefix"},
		{"unclosed quote", `"national security`, "unbalanced quotes"},
		{"stray quote", `alibaba" cloud`, "unbalanced quotes"},
		{"unclosed parenthesis", "(amazon OR boeing", "add a )"},
		{"extra parenthesis", "amazon)", "remove the )"},
		{"empty parentheses", "amazon ()", "empty parentheses"},
		{"too long", strings.Repeat("word ", 201), "at most 1000"},
		{"too deep", deep, "more than 10 levels"},
		{"too many terms", strings.Repeat("x ", 65), "more than 64 terms"},
		{"unknown field", "colour:red", `unknown field "colour"`},
		{"url-like", "https://example.com", `unknown field "https"`},
		{"fuzziness 3", "alibaba~3", "0, 1 or 2"},
		{"phrase proximity", `"cloud review"~4`, "proximity"},
		{"bad boost", "cloud^x", "boost"},
		{"missing value", "kind:", "give a value after kind:"},
		{"bad date", "published:>yesterday", "not a date"},
		{"bool field", "has_anonymous:maybe", "true or false"},
		{"wildcard and fuzzy", "clo*~1", "wildcard and ~"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ParseQuery(tt.query)
			if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
				t.Fatalf("ParseQuery(%q) code = %q (%v), want %q", tt.query, got, err, newsintel.EINVALID)
			}
			if msg := newsintel.ErrorMessage(err); !strings.Contains(msg, tt.says) {
				t.Errorf("ParseQuery(%q) message = %q, want it to contain %q", tt.query, msg, tt.says)
			}
		})
	}
}

func TestParseQueryAccepts(t *testing.T) {
	for _, q := range []string{
		"",
		"   ",
		"alibaba cloud",
		`"national security" +alibaba -huawei`,
		"title:boeing body:inspections^2",
		`publisher:"Associated Press" kind:article`,
		"regul* alibba~ alibba~2 wom?n",
		"(amazon OR boeing) AND NOT (tesla || huawei)",
		"published:>=2024-01-01 published:<2024-12-31T23:59:59Z filed:2024-01-29",
		"company:company:alibaba-group entity:\"Lina Khan\"",
		`U.S. COVID-19 AT&T 10-K "it's" what?`,
		`escaped\:colon \*literal \"quote`,
		strings.Repeat("(", 10) + "a" + strings.Repeat(")", 10),
		strings.Repeat("x ", 64),
	} {
		if err := ParseQuery(q); err != nil {
			t.Errorf("ParseQuery(%q) = %v, want nil", q, err)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"alibaba cloud", `"a b" +c -d`, "title:x*", "((a OR b) AND c)", `\"`, "published:>2024-01-01", "a~2^3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		tree, err := parseQuery(q)
		if err != nil {
			if code := newsintel.ErrorCode(err); code != newsintel.EINVALID {
				t.Fatalf("parseQuery(%q) code = %q, want %q", q, code, newsintel.EINVALID)
			}
			if !utf8.ValidString(newsintel.ErrorMessage(err)) {
				t.Fatalf("parseQuery(%q) message is not valid UTF-8", q)
			}
			return
		}
		if d := depth(tree); d > maxQueryDepth+1 {
			t.Fatalf("parseQuery(%q) accepted nesting depth %d, want at most %d", q, d, maxQueryDepth+1)
		}
	})
}

func depth(n *node) int {
	if n == nil {
		return 0
	}
	d := 0
	for _, c := range n.children {
		d = max(d, depth(c))
	}
	return d + 1
}
