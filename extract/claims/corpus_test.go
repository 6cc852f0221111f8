package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/article"
	"github.com/newsintel/newsintel/extract/entities"
)

// demoClaims runs Extract, with the built-in gazetteer's mentions, over the
// bodies of the demo corpus articles (news pages written by another person
// than the rules' author), keyed by file name.
func demoClaims(t *testing.T) (map[string][]newsintel.Claim, map[string]string) {
	files, err := filepath.Glob("../../demo/corpus/articles/*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	gaz := entities.Builtin()
	claims, bodies := map[string][]newsintel.Claim{}, map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var a article.Article
		if strings.HasSuffix(f, ".html") {
			a, err = article.ExtractBytes(data, nil)
			require.NoError(t, err, f)
		} else {
			a = article.FromText(string(data))
		}
		name := filepath.Base(f)
		bodies[name] = a.Body
		claims[name] = Extract(a.Body, gaz.Tag(a.Body))
	}
	return claims, bodies
}

// TestDemoCorpusSources checks that the sources found in the demo corpus
// are sane: names are not cut out of words or glued to a descriptive noun,
// descriptions do not end inside a proper name, statements of an
// organisation are the organisation's, and a reporting verb with only a
// noun-phrase object ("warned investors of the risk") yields no claim.
func TestDemoCorpusSources(t *testing.T) {
	all, bodies := demoClaims(t)
	for name, cs := range all {
		body := bodies[name]
		for _, c := range cs {
			checkSane(t, name, body, c)
		}
	}
	for _, tt := range []struct {
		file, text string
		typ        newsintel.SourceType
		name, desc string
	}{
		{"wirewatch-nvidia-china-chip-exports.html", "told it to stop exporting", newsintel.SourceOrganization, "Nvidia Corp", "Chip designer"},
		{"wirewatch-nvidia-china-chip-exports.html", "license requirements for its top AI chip", newsintel.SourceOrganization, "Advanced Micro Devices Inc", "Rival"},
		{"wirewatch-nvidia-china-chip-exports.html", "we are taking a comprehensive approach", newsintel.SourceOrganization, "", ""},
		{"wirewatch-nvidia-china-chip-exports.html", "Chinese organizations will struggle", newsintel.SourceAnonymous, "", "analysts"},
		{"wirewatch-nvidia-china-chip-exports.html", "no domestic substitute", newsintel.SourcePerson, "Helen Quach", ""},
	} {
		c, ok := findClaim(all[tt.file], tt.text)
		if !ok {
			t.Errorf("%s: no claim contains %q", tt.file, tt.text)
			continue
		}
		if c.Source.Type != tt.typ || tt.name != "" && c.Source.Name != tt.name || tt.desc != "" && c.Source.Description != tt.desc {
			t.Errorf("%s: claim %q: source = %+v, want type %s name %q description %q", tt.file, tt.text, c.Source, tt.typ, tt.name, tt.desc)
		}
	}
	c, _ := findClaim(all["wirewatch-nvidia-china-chip-exports.html"], "no domestic substitute")
	if c.Source.Affiliation != "Larkspur Research" {
		t.Errorf("Helen Quach: affiliation = %q, want %q", c.Source.Affiliation, "Larkspur Research")
	}
	c, _ = findClaim(all["wirewatch-nvidia-china-chip-exports.html"], "Chinese organizations will struggle")
	if !c.Source.Plural || c.Source.Count != nil || c.Source.Role != "analyst" {
		t.Errorf("analysts: source = %+v, want plural, no count, role analyst", c.Source)
	}
	c, _ = findClaim(all["wirewatch-nvidia-china-chip-exports.html"], "imposed a new license requirement")
	if want := "a filing with the Securities and Exchange Commission"; c.Source.Description != want {
		t.Errorf("Nvidia filing: description = %q, want %q", c.Source.Description, want)
	}
}

// checkSane fails on a source that shows a general weakness: a name or
// affiliation shorter than three letters that is no acronym, one that
// starts with a descriptive common noun, a description or name that stops
// inside a capitalised name, and content that is only a noun-phrase object.
func checkSane(t *testing.T, file, body string, c newsintel.Claim) {
	t.Helper()
	sentence := body[c.Start:c.End]
	for _, s := range []string{c.Source.Name, c.Source.Affiliation, c.Source.Description} {
		if s == "" {
			continue
		}
		if letters(s) < 3 && strings.ToUpper(s) != s {
			t.Errorf("%s: source %+v: %q is too short for a name", file, c.Source, s)
		}
		if i := strings.Index(sentence, s); i >= 0 && stopsInsideName(sentence, i+len(s)) {
			t.Errorf("%s: source %+v: %q stops inside a name in %q", file, c.Source, s, sentence)
		}
	}
	for _, s := range []string{c.Source.Name, c.Source.Affiliation} {
		first, _, _ := strings.Cut(s, " ")
		if kind, _ := headOf(strings.ToLower(first)); kind != headNone && kind != headOrg || descriptors[strings.ToLower(first)] {
			t.Errorf("%s: source %+v: name %q starts with the common word %q", file, c.Source, s, first)
		}
	}
	if !c.Quote && c.Cue != "" && c.Cue != "according to" {
		first, _, _ := strings.Cut(c.Text, " ")
		switch strings.ToLower(first) {
		case "of", "about", "to", "for", "with", "on", "at", "reporters", "investors":
			t.Errorf("%s: claim text %q is not a clause (source %+v)", file, c.Text, c.Source)
		}
	}
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// stopsInsideName reports whether text at i continues a capitalised name:
// a capitalised word just before i, then "and", "of" or "&" and another
// capitalised word ("the Securities| and Exchange Commission").
func stopsInsideName(text string, i int) bool {
	if i == 0 || i >= len(text) || !unicode.IsLetter(rune(text[i-1])) {
		return false
	}
	j := strings.LastIndexByte(text[:i], ' ')
	if !unicode.IsUpper(rune(text[j+1])) {
		return false
	}
	rest := strings.Fields(text[i:])
	if len(rest) < 2 {
		return false
	}
	switch rest[0] {
	case "and", "of", "&", "for":
		return unicode.IsUpper(rune(rest[1][0]))
	}
	return false
}
