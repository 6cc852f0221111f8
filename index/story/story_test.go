package story

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
)

// reviewStory finds the labelled story in list by its first report.
func reviewStory(t *testing.T, c *corpus, list *List, l labels) *Story {
	t.Helper()
	st := c.storyOf(list, l.FirstReport)
	require.NotNil(t, st, "no story holds the first report %s", l.FirstReport)
	return st
}

func TestGroupingMatchesLabels(t *testing.T) {
	c, l := load(t), answers(t)
	f := New(c.ix, Options{})
	for _, tc := range []struct {
		name string
		req  Request
	}{
		{"every claim", Request{Size: MaxSize, MinReports: 1}},
		{"entity Alibaba", Request{Entity: []string{"Alibaba"}, Size: MaxSize, MinReports: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, err := f.Find(t.Context(), tc.req)
			require.NoError(t, err)
			// Scored over the labelled documents the view reaches: a
			// filter on Alibaba does not reach the TikTok story, nor an
			// article whose claims never name Alibaba or its units.
			gold := map[string]string{}
			for p, s := range l.Stories {
				if c.storyOf(list, p) != nil {
					gold[p] = s
				}
			}
			if len(gold) < 8 {
				t.Errorf("the view reaches %d labelled documents, want at least 8", len(gold))
			}
			p, r, detail := c.pairScores(list, gold)
			t.Logf("grouping over %d labelled documents: pairwise precision %.2f, recall %.2f", len(gold), p, r)
			if p < 1 || r < 1 {
				t.Errorf("precision %.2f, recall %.2f, want 1 and 1:\n%s", p, r, detail)
			}
		})
	}
}

func TestStoryReportsAndFirstReport(t *testing.T) {
	c, l := load(t), answers(t)
	list, err := New(c.ix, Options{}).Find(t.Context(), Request{Entity: []string{"company:alibaba"}})
	require.NoError(t, err)
	st := reviewStory(t, c, list, l)
	if got := c.paths[st.First.DocumentID]; got != l.FirstReport {
		t.Errorf("first report %s, want %s", got, l.FirstReport)
	}
	if st.First.Attribution != OwnSources || st.First.SourceCount == nil || *st.First.SourceCount != 3 || !st.Anonymous {
		t.Errorf("first report attributed %s to %v sources (anonymous story %v), want own_sources, 3, true",
			st.First.Attribution, st.First.SourceCount, st.Anonymous)
	}
	if list.Stories[0].ID != st.ID {
		t.Errorf("most reported story is %q, want the review %q", list.Stories[0].Headline, st.Headline)
	}
	got := map[string]string{}
	for _, r := range st.Reports {
		got[c.paths[r.DocumentID]] = r.Attribution
	}
	for path, want := range l.Attributions {
		if !slices.Contains(strings.Split(want, "|"), got[path]) {
			t.Errorf("%s: attribution %q, want %q", path, got[path], want)
		}
	}
	if len(got) != len(l.Attributions) {
		t.Errorf("story has %d reports, want %d: %v", len(got), len(l.Attributions), got)
	}
	if st.Counts.Outlets != 8 || st.Counts.Reports != 8 || st.Counts.ByAttribution[Via] != 3 {
		t.Errorf("counts %+v, want 8 outlets, 8 reports, 3 via", st.Counts)
	}
	if days := st.End.Sub(st.Start).Hours() / 24; days > 10 || days < 9 {
		t.Errorf("story spans %.1f days, want 9 to 10", days)
	}
}

func TestUnrelatedStoriesStayApart(t *testing.T) {
	c, l := load(t), answers(t)
	list, err := New(c.ix, Options{}).Find(t.Context(), Request{Size: MaxSize})
	require.NoError(t, err)
	review := reviewStory(t, c, list, l)
	for path, label := range l.Stories {
		st := c.storyOf(list, path)
		if label != l.Story && st != nil && st.ID == review.ID {
			t.Errorf("%s (%s) is in the review story", path, label)
		}
	}
	cuts := c.storyOf(list, "articles/pacificbiz-alibaba-cloud-price-cuts.html")
	require.NotNil(t, cuts, "the price-cut story is not listed")
	if len(cuts.Links) != 0 || cuts.Anonymous {
		t.Errorf("on-record price-cut story: anonymous %v with %d links, want false and none", cuts.Anonymous, len(cuts.Links))
	}
}

func TestConfirmationsAndDenial(t *testing.T) {
	c, l := load(t), answers(t)
	list, err := New(c.ix, Options{}).Find(t.Context(), Request{Entity: []string{"Alibaba"}})
	require.NoError(t, err)
	st := reviewStory(t, c, list, l)
	got := map[string]Link{}
	for _, lk := range st.Links {
		got[c.paths[lk.DocumentID]] = lk
		if len(lk.Why.SharedEntities) == 0 || len(lk.Why.SharedTerms) == 0 || lk.Why.Rule == "" {
			t.Errorf("link to %s does not say why: %+v", c.paths[lk.DocumentID], lk.Why)
		}
		if lk.DelaySeconds <= 0 || lk.Delay == "" || !lk.Published.After(st.First.Published) {
			t.Errorf("link to %s: delay %q (%ds), published %s, want after the first report %s",
				c.paths[lk.DocumentID], lk.Delay, lk.DelaySeconds, lk.Published, st.First.Published)
		}
	}
	for path, want := range l.Links {
		if got[path].Label != want {
			t.Errorf("%s: link %q (%s), want %q", path, got[path].Label, got[path].Passage, want)
		}
	}
	if len(got) != len(l.Links) {
		t.Errorf("%d links, want %d: %v", len(got), len(l.Links), keys(got))
	}
	for _, path := range l.NotDenials {
		if got[path].Label == Denies {
			t.Errorf("%s is not a denial but got one: %q (%s)", path, got[path].Passage, got[path].Why.Cue)
		}
	}
	deny := got["articles/marketsdaily-alibaba-calls-report-false.html"]
	// The article says "Alibaba called the report false" and quotes the
	// company: "The report is inaccurate." Either is the denial.
	if !strings.Contains(deny.Why.Cue, "false") && !strings.Contains(deny.Why.Cue, "inaccurate") {
		t.Errorf("denial cue %q from %s, want the words calling the report false or inaccurate", deny.Why.Cue, deny.Evidence)
	}
	filing := got["filings/alibaba-20f-fy2024-excerpt.htm"]
	if filing.Evidence != EvidenceFiling || !strings.Contains(filing.Section, "Risk Factors") {
		t.Errorf("filing link: evidence %q in section %q, want filing in Risk Factors", filing.Evidence, filing.Section)
	}
	if fr := got["notices/federalregister-2024-08127.json"]; fr.Evidence != EvidenceNotice || fr.DocumentID != "fr-2024-08127" {
		t.Errorf("notice link: evidence %q, document %q, want notice fr-2024-08127", fr.Evidence, fr.DocumentID)
	}
}

func keys(m map[string]Link) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v.Label)
	}
	return out
}

func TestRemovedClaimShowsInReport(t *testing.T) {
	c, l := load(t), answers(t)
	st, err := New(c.ix, Options{}).Find(t.Context(), Request{Entity: []string{"Alibaba"}})
	require.NoError(t, err)
	story := reviewStory(t, c, st, l)
	var found *RemovedClaim
	for _, r := range story.Reports {
		if c.paths[r.DocumentID] != l.Edited.Path {
			continue
		}
		for i := range r.Removed {
			if strings.HasPrefix(r.Removed[i].Text, l.Edited.RemovedClaim) {
				found = &r.Removed[i]
			}
		}
		if r.Text == "" || strings.HasPrefix(r.Text, l.Edited.RemovedClaim) {
			t.Errorf("edited report rests on %q, want a claim still in the article", r.Text)
		}
	}
	require.NotNil(t, found, "the claim revision 2 dropped is not in the edited article's report")
	want := time.Date(2024, 3, 7, 17, 55, 0, 0, time.UTC)
	if found.RemovedIn != l.Edited.Revision || found.AddedIn != 1 || !found.RemovedAt.Equal(want) || found.SourceType != newsintel.SourceAnonymous {
		t.Errorf("removed claim %+v, want added in 1, removed in %d at %s, anonymous", *found, l.Edited.Revision, want)
	}

	// A story named for the dropped claim still resolves: the ID outlives
	// the edit.
	id := storyID(c.ids[l.Edited.Path], found.Text)
	got, err := New(c.ix, Options{}).Get(t.Context(), id)
	require.NoError(t, err, "story %s of the dropped claim", id)
	held := false
	for _, r := range got.Reports {
		held = held || strings.HasPrefix(r.Text, l.Edited.RemovedClaim) && len(r.Removed) == 1
	}
	if !held {
		t.Errorf("story %s of the dropped claim has reports %+v, want the dropped claim marked removed", id, got.Reports)
	}
}

func TestGetKeepsIDAsDocumentsArrive(t *testing.T) {
	late := "articles/brusselsdigital-eu-watches-us-alibaba-review.html"
	c, l := load(t, late), answers(t)
	f := New(c.ix, Options{})
	list, err := f.Find(t.Context(), Request{Entity: []string{"Alibaba"}})
	require.NoError(t, err)
	before := reviewStory(t, c, list, l)

	for _, e := range manifest(t) {
		if e.Path == late {
			c.add(t, newExtractor(), e)
		}
	}
	got, err := f.Get(t.Context(), before.ID)
	require.NoError(t, err)
	if got.ID != before.ID || len(got.Reports) != len(before.Reports)+1 {
		t.Errorf("after one more report: story %s with %d reports, want %s with %d", got.ID, len(got.Reports), before.ID, len(before.Reports)+1)
	}
	if c.paths[got.Reports[len(got.Reports)-1].DocumentID] != late {
		t.Errorf("last report %s, want the late %s", c.paths[got.Reports[len(got.Reports)-1].DocumentID], late)
	}
	if len(got.Links) != len(l.Links) {
		t.Errorf("Get found %d links, want %d", len(got.Links), len(l.Links))
	}
}

func TestGetErrors(t *testing.T) {
	c := load(t, "articles/brusselsdigital-eu-watches-us-alibaba-review.html")
	f := New(c.ix, Options{})
	for _, tc := range []struct {
		id, code string
	}{
		{"not-a-story", newsintel.EINVALID},
		{"abc.123", newsintel.EINVALID},
		{"0123456789abcdef0123456789abcdef.0000zzzz", newsintel.EINVALID},
		{"0123456789abcdef0123456789abcdef.00000000", newsintel.ENOTFOUND},
		{c.ids["articles/halyard-exclusive-us-reviews-alibaba-cloud.html"] + ".00000000", newsintel.ENOTFOUND},
	} {
		_, err := f.Get(t.Context(), tc.id)
		if newsintel.ErrorCode(err) != tc.code {
			t.Errorf("Get(%q) = %v (%s), want %s", tc.id, err, newsintel.ErrorCode(err), tc.code)
		}
	}
}

func TestBoundedAndTruncated(t *testing.T) {
	c := load(t)
	list, err := New(c.ix, Options{MaxClaims: 7}).Find(t.Context(), Request{MinReports: 1})
	require.NoError(t, err)
	if !list.Truncated || list.ClaimsRead != 7 || list.ClaimsMatched <= 7 {
		t.Errorf("read %d of %d claims, truncated %v, want 7 of more, true", list.ClaimsRead, list.ClaimsMatched, list.Truncated)
	}
	full, err := New(c.ix, Options{}).Find(t.Context(), Request{})
	require.NoError(t, err)
	if full.Truncated || uint64(full.ClaimsRead) != full.ClaimsMatched {
		t.Errorf("read %d of %d claims, truncated %v, want all, false", full.ClaimsRead, full.ClaimsMatched, full.Truncated)
	}
	_, err = New(c.ix, Options{}).Find(t.Context(), Request{Size: MaxSize + 1})
	if newsintel.ErrorCode(err) != newsintel.EINVALID {
		t.Errorf("size %d: error %v, want invalid", MaxSize+1, err)
	}
}

// ensure the index satisfies the interface the finder needs.
var _ Index = (*index.Index)(nil)

// TestDemoCorpusGrouping scores the grouping on the demo corpus, written
// by another author for another purpose and labelled before the run.
func TestDemoCorpusGrouping(t *testing.T) {
	c := loadDemo(t)
	var l struct {
		Stories map[string]string `json:"stories"`
	}
	readJSON(t, "demo-labels.json", &l)
	list, err := New(c.ix, Options{}).Find(t.Context(), Request{Size: MaxSize, MinReports: 1})
	require.NoError(t, err)
	p, r, detail := c.pairScores(list, l.Stories)
	t.Logf("demo corpus, %d labelled documents: pairwise precision %.2f, recall %.2f\n%s", len(l.Stories), p, r, detail)
	if p < 0.9 || r < 0.9 {
		t.Errorf("precision %.2f, recall %.2f, want at least 0.9 each:\n%s", p, r, detail)
	}
}
