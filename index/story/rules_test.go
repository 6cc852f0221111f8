package story

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
)

func TestDenialCue(t *testing.T) {
	for _, tc := range []struct {
		sentence, want string
	}{
		{"Alibaba called the report false on Wednesday.", "called the report false"},
		{`The company called the reports "completely untrue and malicious."`, `called the reports "completely untrue`},
		{"Alibaba Cloud has called a report that the U.S. government is reviewing its business on national security grounds false.", "called a report that the U.S. government is reviewing its business on national security grounds false"},
		{"A spokesperson for Alibaba denied that the company was under review.", "denied that"},
		{`"The report is inaccurate," the company said.`, "report is inaccurate"},
		{"The ministry said there was no such investigation.", "no such investigation"},
		{"Commerce dismissed the reports as speculation.", "dismissed the reports"},
		{`The company said the report was "false and misleading."`, `report was "false`},
		{"Huawei has repeatedly denied the allegations.", "denied the allegations"},
		{"The ministry rejected the reports as groundless.", "rejected the reports"},
		{"The company did not immediately deny the report.", ""},
		{"A spokesman would neither confirm nor deny the talks.", ""},
		{"The company refused to deny that talks had taken place.", ""},
		{"The license was denied by the Commerce Department last year.", ""},
		{"Alibaba refused to comment on the report.", ""},
		{"Alibaba declined to comment.", ""},
		{"A Commerce Department spokesperson declined to confirm or deny the existence of a review.", ""},
		{"The company did not deny that it had received a letter.", ""},
		{"Officials neither confirmed nor denied the report.", ""},
		{"Alibaba has denied wrongdoing in the past.", ""},
		{"The department denied Alibaba's application for a license.", ""},
		{"The report said the review began in January.", ""},
	} {
		if got := denialCue(tc.sentence); got != tc.want {
			t.Errorf("denialCue(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	body := "Shares fell 4.2 percent in Hong Kong. The U.S. Commerce Department declined to comment.\n\n\"The report is false,\" Ms. Tang said. Mr. J. Smith agreed! Is it? Yes."
	want := []string{
		"Shares fell 4.2 percent in Hong Kong.",
		"The U.S. Commerce Department declined to comment.",
		`"The report is false," Ms. Tang said.`,
		"Mr. J. Smith agreed!",
		"Is it?",
		"Yes.",
	}
	var got []string
	for _, s := range sentences(body) {
		got = append(got, body[s.start:s.end])
	}
	if len(got) != len(want) {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestStoryIDRoundTrip(t *testing.T) {
	id := storyID("6ba2179ca7e055af5fc6231a371280f0", "The review, which has not been previously reported…")
	doc, hash, err := parseStoryID(id)
	if err != nil || doc != "6ba2179ca7e055af5fc6231a371280f0" || len(hash) != 8 {
		t.Errorf("parseStoryID(%q) = %q, %q, %v, want the document ID and 8 hex digits", id, doc, hash, err)
	}
	if again := storyID(doc, "the review , which has NOT been previously reported"); again != id {
		t.Errorf("the same words in another case and spacing give %q, want %q", again, id)
	}
}

func TestAttribution(t *testing.T) {
	outlets := map[string]bool{"halyard": true}
	three := 3
	for _, tc := range []struct {
		name      string
		src       newsintel.Source
		want, via string
	}{
		{"own anonymous sources", newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three}, OwnSources, ""},
		{"citing an outlet", newsintel.Source{Type: newsintel.SourceAnonymous, Via: "Halyard"}, Via, "Halyard"},
		{"an outlet reported", newsintel.Source{Type: newsintel.SourceOrganization, Name: "Halyard"}, Via, "Halyard"},
		{"a wire agency reported", newsintel.Source{Type: newsintel.SourceOrganization, Name: "Reuters"}, Via, "Reuters"},
		{"according to an outlet's report", newsintel.Source{Type: newsintel.SourceDocument, Description: "a Halyard report", Affiliation: "Halyard"}, Via, "Halyard"},
		{"a named official", newsintel.Source{Type: newsintel.SourcePerson, Name: "Gina Raimondo"}, OnRecord, ""},
		{"a company statement", newsintel.Source{Type: newsintel.SourceOrganization, Name: "Alibaba"}, OnRecord, ""},
		{"an annual report", newsintel.Source{Type: newsintel.SourceDocument, Description: "its annual report", Affiliation: "Alibaba"}, OnRecord, ""},
		{"reportedly", newsintel.Source{Type: newsintel.SourceUnattributed}, Unattributed, ""},
	} {
		got, via := attribution(tc.src, outlets)
		if got != tc.want || via != tc.via {
			t.Errorf("%s: attribution = %q via %q, want %q via %q", tc.name, got, via, tc.want, tc.via)
		}
	}
}

func TestSameEntity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"company:alibaba", "company:alibaba-cloud", true},
		{"company:alibaba-cloud", "company:alibaba", true},
		{"company:alibaba", "company:alibaba", true},
		{"company:ali", "company:alibaba", false},
		{"company:alibaba", "agency:alibaba-office", false},
	} {
		if got := sameEntity(tc.a, tc.b); got != tc.want {
			t.Errorf("sameEntity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestHumanDelay(t *testing.T) {
	for d, want := range map[time.Duration]string{
		3 * time.Hour:                  "3h",
		50 * time.Hour:                 "2d2h",
		48 * time.Hour:                 "2d",
		30 * time.Minute:               "0h",
		79*24*time.Hour + 18*time.Hour: "79d18h",
	} {
		if got := humanDelay(d); got != want {
			t.Errorf("humanDelay(%s) = %q, want %q", d, got, want)
		}
	}
}

func TestContentTermsMeetAcrossSynonyms(t *testing.T) {
	a := contentTerms("U.S. regulators are probing Alibaba's cloud unit over security risks", nameWords([]string{"Alibaba"}))
	b := contentTerms("The Commerce Department has opened an investigation into Alibaba's cloud business", nameWords([]string{"Alibaba"}))
	for _, term := range []string{"review", "cloud"} {
		if a[term] == 0 || b[term] == 0 {
			t.Errorf("term %q: %v and %v, want both to have it", term, a, b)
		}
	}
	if a["alibaba"] != 0 || a["the"] != 0 || a["us"] != 0 {
		t.Errorf("content terms %v keep a name, a stop word or a place", a)
	}
}

func TestDatelineLeavesTheLede(t *testing.T) {
	for in, want := range map[string]string{
		"WASHINGTON, March 4 (Halyard) - The U.S. Commerce Department has opened a review": "The U.S. Commerce Department has opened a review",
		"HONG KONG (Wire) – Shares fell":                                                   "Shares fell",
		"The review (first reported) - began":                                              "The review (first reported) - began",
	} {
		if got := dateline.ReplaceAllString(in, ""); got != want {
			t.Errorf("dateline stripped from %q = %q, want %q", in, got, want)
		}
	}
}
