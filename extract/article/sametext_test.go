package article

import "testing"

func TestSameTextMatchesFoldText(t *testing.T) {
	for _, c := range [][2]string{{"Hello, World!", "hello world"}, {"Été à Paris", "ete a paris"}, {"", ""}, {"“Quoted” Title", "quoted title"}, {"abc", "abcd"}, {"ÉTÉ", "été"}, {"!!!", "..."}} {
		if got, want := sameText(c[0], c[1]), foldText(c[0]) == foldText(c[1]) && foldText(c[0]) != ""; got != want {
			t.Errorf("sameText(%q, %q) = %v, want %v", c[0], c[1], got, want)
		}
	}
}
