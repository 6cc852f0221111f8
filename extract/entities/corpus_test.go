package entities

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel/extract/article"
)

// corpusDir is the offline demo corpus: real-shaped HTML pages of news
// outlets, a press release and a 20-F excerpt.
const corpusDir = "../../demo/corpus"

// corpusMentions tags the body of every HTML page of the demo corpus, as
// extract/article finds it, and returns "type:Text=Name" per page.
func corpusMentions(t *testing.T) map[string][]string {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.htm*"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no demo corpus")
	}
	out := map[string][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		a, err := article.ExtractBytes(data, nil)
		require.NoError(t, err, f)
		for _, m := range Builtin().Tag(a.Body) {
			if strings.ContainsAny(m.Text, "\n\r") {
				t.Errorf("%s: got mention %q spanning a line break, want none", f, m.Text)
			}
			out[filepath.Base(f)] = append(out[filepath.Base(f)], string(m.Type)+":"+m.Text+"="+m.Name)
		}
	}
	return out
}

// TestDemoCorpusWrongMentions holds the tagger to the mistakes real pages
// showed: spans over paragraph breaks, document names read as people,
// Korea's long names, and sentence-initial nouns glued onto names.
func TestDemoCorpusWrongMentions(t *testing.T) {
	bad := []struct{ prefix, why string }{
		{"person:Order=", "Executive Order is a document"},
		{"place:Republic of Korea=", "part of Democratic People's Republic of Korea"},
		{"place:Democratic People’s Republic of Korea=South Korea", "that is North Korea"},
		{"company:Rival ", "Rival is not part of the name"},
		{"agency:Information and Communications Technology and Services=", "a regulation's subject"},
		{"agency:Board of the Hong Kong Stock Exchange=", "a board of an exchange"},
	}
	for file, ms := range corpusMentions(t) {
		for _, m := range ms {
			for _, b := range bad {
				if strings.HasPrefix(m, b.prefix) {
					t.Errorf("%s: got %q, want no such mention (%s)", file, m, b.why)
				}
			}
		}
	}
}

// TestDemoCorpusRightMentions checks mentions each page must yield.
func TestDemoCorpusRightMentions(t *testing.T) {
	want := map[string][]string{
		"commerce-press-release-cloud-ict-rule.html": {
			"agency:Office of Public Affairs=Office of Public Affairs", "place:WASHINGTON=Washington",
			"agency:U.S. Department of Commerce=Commerce Department",
			"agency:Office of Intelligence and Security=Office of Intelligence and Security",
			"person:Elaine Porter=Elaine Porter", "place:People’s Republic of China=China",
			"place:Democratic People’s Republic of Korea=North Korea", "place:Russian Federation=Russia",
			"place:Islamic Republic of Iran=Iran", "person:Nicolás Maduro=Nicolás Maduro",
		},
		"wirewatch-nvidia-china-chip-exports.html": {
			"company:Advanced Micro Devices Inc=AMD", "company:Nvidia Corp=Nvidia",
			"agency:Bureau of Industry and Security=Bureau of Industry and Security",
			"agency:China's Ministry of Commerce=Ministry of Commerce (China)", "person:Helen Quach=Helen Quach",
		},
		"alibaba-20f-fy2021-excerpt.htm": {
			"company:Alibaba Group Holding Limited=Alibaba", "company:Hong Kong Stock Exchange=Hong Kong Stock Exchange",
			"place:Cayman Islands=Cayman Islands", "agency:Department of Commerce=Commerce Department",
			"agency:Public Company Accounting Oversight Board=Public Company Accounting Oversight Board",
			"place:People’s Republic of China=China",
		},
		"wirewatch-treasury-sanctions-chip-network.html": {
			"agency:Office of Foreign Assets Control=Office of Foreign Assets Control",
			"agency:Russian Embassy=Russian Embassy in Washington", "company:Sinotek Trading Ltd=Sinotek Trading",
			"person:Daniel Okafor=Daniel Okafor",
		},
		"marketpulse-sec-kestrel-cloud-settlement.html": {
			"company:Kestrel Cloud Solutions Inc=Kestrel Cloud Solutions", "person:Marcus Hale=Marcus Hale",
		},
		"capitalcourier-ftc-meta-trial.html": {
			"person:James E. Boasberg=James E. Boasberg", "person:Zuckerberg=Mark Zuckerberg",
		},
	}
	got := corpusMentions(t)
	for file, ms := range want {
		for _, m := range ms {
			if !slices.Contains(got[file], m) {
				t.Errorf("%s: got %q, want it to include %q", file, got[file], m)
			}
		}
	}
}
