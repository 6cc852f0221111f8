package index

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

var (
	fetched1 = time.Date(2024, 3, 12, 14, 20, 31, 0, time.UTC)
	fetched2 = time.Date(2024, 3, 13, 8, 2, 0, 0, time.UTC)
	fetched3 = time.Date(2024, 3, 14, 17, 45, 0, 0, time.UTC)
)

// alibabaRevisions returns three revisions of the Reuters Alibaba story:
// revision 2 drops the anonymous claim and edits the Commerce Secretary's
// quote, revision 3 brings the anonymous claim back.
func alibabaRevisions(t *testing.T) (r1, r2, r3 newsintel.Document) {
	r1 = docByID(t, loadDocs(t), idAlibaba)
	r1.Fetched = fetched1
	r2 = r1
	r2.Revision, r2.Fetched = 2, fetched2
	r2.Claims = slices.Clone(r1.Claims[1:])
	r2.Claims[0].Text = `the department was "looking very closely" at cloud providers with ties to China`
	r3 = r2
	r3.Revision, r3.Fetched = 3, fetched3
	r3.Claims = append([]newsintel.Claim{r1.Claims[0]}, r2.Claims...)
	return r1, r2, r3
}

// claimsByText returns every claim of document id, removed ones too, by
// text.
func claimsByText(t *testing.T, ix *Index, id string) map[string]ClaimHit {
	t.Helper()
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	require.NoError(t, err)
	out := map[string]ClaimHit{}
	for _, c := range res.Claims {
		if c.DocumentID == id {
			out[c.Text] = c
		}
	}
	return out
}

func TestRevisionDropsAndEditsClaims(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1}))
	first := claimsByText(t, ix, idAlibaba)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r2}))
	got := claimsByText(t, ix, idAlibaba)
	if len(got) != 4 {
		t.Fatalf("claims after revision 2 = %d, want 4 (3 current, 1 removed)", len(got))
	}
	anon := got[r1.Claims[0].Text]
	if anon.Status != ClaimRemoved || anon.RemovedRevision != 2 || !anon.RemovedAt.Equal(fetched2) || anon.AddedRevision != 1 {
		t.Errorf("anonymous claim = status %q removed in %d at %v, added in %d; want removed in 2 at %v, added in 1",
			anon.Status, anon.RemovedRevision, anon.RemovedAt, anon.AddedRevision, fetched2)
	}
	quote := got[r2.Claims[0].Text]
	if quote.Status != ClaimChanged || quote.PreviousText != r1.Claims[1].Text || quote.ChangedRevision != 2 ||
		quote.ID != first[r1.Claims[1].Text].ID {
		t.Errorf("edited quote = %+v, want changed in revision 2 from %q keeping ID %s", quote, r1.Claims[1].Text, first[r1.Claims[1].Text].ID)
	}
	for i, c := range r2.Claims {
		if h := got[c.Text]; h.Position != i+1 {
			t.Errorf("claim %q has position %d, want %d (its place in revision 2)", c.Text, h.Position, i+1)
		}
		if h := got[c.Text]; i > 0 && (h.Status != ClaimCurrent || h.ID != first[c.Text].ID || h.AddedRevision != 1) {
			t.Errorf("untouched claim %q = status %q ID %s added %d, want current, ID %s, added 1", c.Text, h.Status, h.ID, h.AddedRevision, first[c.Text].ID)
		}
	}
	if anon.Position != 0 {
		t.Errorf("removed claim has position %d, want 0", anon.Position)
	}
	h, err := ix.Revisions(t.Context(), idAlibaba)
	require.NoError(t, err)
	if h.Latest != 2 || len(h.Revisions) != 2 || len(h.Revisions[0].Added) != 4 {
		t.Fatalf("history = %+v, want 2 revisions, the first adding 4 claims", h)
	}
	rev2 := h.Revisions[1]
	if len(rev2.Removed) != 1 || len(rev2.Changed) != 1 || len(rev2.Added) != 0 || rev2.Claims != 3 {
		t.Fatalf("revision 2 = %+v, want 1 removed, 1 changed, none added, 3 claims", rev2)
	}
	if want := "claim removed in revision 2, 2024-03-13 08:02 UTC"; rev2.Removed[0].Note != want || rev2.Removed[0].ClaimID != anon.ID {
		t.Errorf("removal = %+v, want note %q on %s", rev2.Removed[0], want, anon.ID)
	}
	if c := rev2.Changed[0]; c.PreviousText != r1.Claims[1].Text || c.Text != r2.Claims[0].Text {
		t.Errorf("change = %+v, want %q → %q", c, r1.Claims[1].Text, r2.Claims[0].Text)
	}
}

// history is everything the index says about the claims of idAlibaba, as
// JSON, to compare two indexes.
func history(t *testing.T, ix *Index) string {
	t.Helper()
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	require.NoError(t, err)
	slices.SortFunc(res.Claims, func(a, b ClaimHit) int { return strings.Compare(a.ID, b.ID) })
	h, err := ix.Revisions(t.Context(), idAlibaba)
	require.NoError(t, err)
	d, err := ix.Get(t.Context(), idAlibaba)
	require.NoError(t, err)
	b, err := json.MarshalIndent(map[string]any{"claims": res.Claims, "history": h, "revision": d.Revision}, "", " ")
	require.NoError(t, err)
	return string(b)
}

func TestRevisionHistoryIsOrderFree(t *testing.T) {
	r1, r2, r3 := alibabaRevisions(t)
	inOrder, _ := openTemp(t, Options{})
	for _, d := range []newsintel.Document{r1, r2, r3} {
		require.NoError(t, inOrder.Put(t.Context(), []newsintel.Document{d}))
	}
	want := history(t, inOrder)
	tests := []struct {
		name  string
		puts  [][]newsintel.Document
		check func(t *testing.T, ix *Index)
	}{
		{"replayed", [][]newsintel.Document{{r1}, {r2}, {r3}, {r1}, {r3}, {r2}}, nil},
		{"older revision after newer", [][]newsintel.Document{{r1}, {r3}, {r2}}, nil},
		{"newest first", [][]newsintel.Document{{r3}, {r2}, {r1}}, nil},
		{"one batch", [][]newsintel.Document{{r2, r3, r1}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix, _ := openTemp(t, Options{})
			for _, docs := range tc.puts {
				require.NoError(t, ix.Put(t.Context(), docs))
			}
			if got := history(t, ix); got != want {
				t.Errorf("history after puts %s:\n%s\nwant (in order):\n%s", tc.name, got, want)
			}
		})
	}
	if !strings.Contains(want, `"restored"`) || !strings.Contains(want, `"revision": 3`) {
		t.Errorf("history in order = %s, want revision 3 restoring the anonymous claim", want)
	}
}

func TestClaimStatusFilter(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1, r2}))
	tests := []struct {
		req  ClaimRequest
		want []string
	}{
		{ClaimRequest{}, []string{ClaimChanged, ClaimCurrent, ClaimCurrent}},
		{ClaimRequest{IncludeRemoved: true}, []string{ClaimChanged, ClaimCurrent, ClaimCurrent, ClaimRemoved}},
		{ClaimRequest{Status: []string{"Removed"}}, []string{ClaimRemoved}},
		{ClaimRequest{Status: []string{ClaimChanged, ClaimCurrent}}, []string{ClaimChanged, ClaimCurrent, ClaimCurrent}},
	}
	for _, tc := range tests {
		res, err := ix.SearchClaims(t.Context(), tc.req)
		require.NoError(t, err)
		var got []string
		for _, c := range res.Claims {
			got = append(got, c.Status)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("SearchClaims(status %v, include removed %v) statuses = %v, want %v", tc.req.Status, tc.req.IncludeRemoved, got, tc.want)
		}
	}
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Facets: []string{ClaimFacetStatus}})
	require.NoError(t, err)
	if f := res.Facets[ClaimFacetStatus]; len(f) != 3 {
		t.Errorf("status facet = %+v, want current, changed and removed", f)
	}
}

func TestRevisionsUnknownDocument(t *testing.T) {
	ix := loaded(t)
	for id, code := range map[string]string{"nosuchdocument": newsintel.ENOTFOUND, "bad id!": newsintel.EINVALID} {
		_, err := ix.Revisions(t.Context(), id)
		if got := newsintel.ErrorCode(err); got != code {
			t.Errorf("Revisions(%q) error code = %q (%v), want %q", id, got, err, code)
		}
	}
}

func TestClaimEditMatching(t *testing.T) {
	src := newsintel.Source{Type: newsintel.SourceAnonymous, Description: "two people familiar with the matter"}
	other := newsintel.Source{Type: newsintel.SourceAnonymous, Description: "a senior official"}
	person := newsintel.Source{Type: newsintel.SourcePerson, Name: "Gina Raimondo"}
	base := "Commerce is reviewing Alibaba's cloud business over national security risks"
	tests := []struct {
		name    string
		old     loggedClaim
		new     loggedClaim
		matched bool
	}{
		{"one word edited", loggedClaim{Text: base, Source: src},
			loggedClaim{Text: "Commerce is examining Alibaba's cloud business over national security risks", Source: src}, true},
		{"different claim, same sources", loggedClaim{Text: base, Source: src},
			loggedClaim{Text: "The company plans to list its logistics arm in Hong Kong next year", Source: src}, false},
		{"same words, other source type", loggedClaim{Text: base, Source: src}, loggedClaim{Text: base, Source: person}, false},
		{"attribution edited", loggedClaim{Text: base, Source: src}, loggedClaim{Text: base, Source: other}, true},
		{"attribution and words edited", loggedClaim{Text: base, Source: src},
			loggedClaim{Text: "Commerce is reviewing Alibaba's cloud unit", Source: other}, false},
	}
	for _, tc := range tests {
		got := matchEdits([]*loggedClaim{&tc.old}, []*loggedClaim{&tc.new}, []bool{true}, []bool{true})
		if (got[0] == 0) != tc.matched {
			t.Errorf("%s: matchEdits(%q, %q) = %v, want matched %v", tc.name, tc.old.Text, tc.new.Text, got, tc.matched)
		}
	}
	if normText("He said: \u201cWe\u2019re  fine.\u201d") != normText(`he said: "we're fine."`) {
		t.Errorf("normText differs for typographic quotes, want equal")
	}
}

func TestRevisionLogLeavesNewestClaimsToDocument(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1, r2}))
	logs, _, err := ix.revisionLogs(t.Context(), []string{idAlibaba})
	require.NoError(t, err)
	l := logs[idAlibaba]
	require.NotNil(t, l)
	if len(l.Revisions) != 2 || len(l.Revisions[0].Claims) != len(r1.Claims) || l.Revisions[1].Claims != nil ||
		l.Revisions[1].Count != len(r2.Claims) {
		t.Errorf("stored log = %+v, want revision 1 with its %d claims and revision 2 with a count of %d and no claims",
			l, len(r1.Claims), len(r2.Claims))
	}
	broken, err := ix.completeLogs(t.Context(), logs, []string{idAlibaba})
	require.NoError(t, err)
	require.Empty(t, broken, "documents that cannot be read")
	if got, want := l.Revisions[1].Claims, logRevision(&r2).Claims; !equalJSON(got, want) {
		t.Errorf("claims of revision 2 read back = %+v, want %+v", got, want)
	}
}

// randomRevisions returns n revisions of the Alibaba story, each made from
// the one before by random edits: claims dropped, reworded, re-attributed,
// duplicated, moved and added.
func randomRevisions(t *testing.T, rng *rand.Rand, n int) []newsintel.Document {
	r := docByID(t, loadDocs(t), idAlibaba)
	r.Fetched = fetched1
	out := []newsintel.Document{r}
	for rev := 2; rev <= n; rev++ {
		r.Revision, r.Fetched = rev, r.Fetched.Add(time.Duration(rng.IntN(48)+1)*time.Hour)
		r.Claims = slices.Clone(r.Claims)
		for range rng.IntN(3) + 1 {
			k := rng.IntN(len(r.Claims))
			switch rng.IntN(6) {
			case 0:
				if len(r.Claims) > 1 {
					r.Claims = slices.Delete(r.Claims, k, k+1)
				}
			case 1:
				r.Claims[k].Text += " on Tuesday"
			case 2:
				r.Claims[k].Source.Description = "a person briefed on the matter"
			case 3:
				r.Claims = append(r.Claims, r.Claims[k])
			case 4:
				c := r.Claims[k]
				r.Claims = append(slices.Delete(r.Claims, k, k+1), c)
			case 5:
				r.Claims = append(r.Claims, newsintel.Claim{Text: fmt.Sprintf("new finding %d of revision %d", k, rev),
					Source: newsintel.Source{Type: newsintel.SourceUnattributed}})
			}
		}
		out = append(out, r)
	}
	return out
}

func TestRevisionHistoryOrderFreeRandom(t *testing.T) {
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 99))
		revs := randomRevisions(t, rng, 5)
		inOrder, _ := openTemp(t, Options{})
		for _, d := range revs {
			require.NoError(t, inOrder.Put(t.Context(), []newsintel.Document{d}))
		}
		want := history(t, inOrder)
		shuffled := slices.Clone(revs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		shuffled = append(shuffled, revs[rng.IntN(len(revs))]) // and one replayed
		ix, _ := openTemp(t, Options{})
		for len(shuffled) > 0 {
			k := min(len(shuffled), rng.IntN(3)+1) // batches of 1 to 3
			require.NoError(t, ix.Put(t.Context(), shuffled[:k]))
			shuffled = shuffled[k:]
		}
		if got := history(t, ix); got != want {
			t.Errorf("seed %d: history after shuffled, batched puts =\n%s\nwant (in order):\n%s", seed, got, want)
		}
	}
}

// TestFirstRevisionHasNoStoredLog checks that a document seen in one
// revision stores no revision log (its document makes it), that its
// history reads as that revision, and that a second revision stores the
// log of both.
func TestFirstRevisionHasNoStoredLog(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1}))
	logs, broken, err := ix.revisionLogs(t.Context(), []string{idAlibaba})
	require.NoError(t, err)
	if len(logs) != 0 || len(broken) != 0 {
		t.Errorf("stored logs after revision 1 = %v (unreadable %v), want none", logs, broken)
	}
	h, err := ix.Revisions(t.Context(), idAlibaba)
	require.NoError(t, err)
	if len(h.Revisions) != 1 || len(h.Revisions[0].Added) != len(r1.Claims) || h.Title != r1.Title {
		t.Errorf("history after revision 1 = %+v, want revision 1 adding its %d claims", h, len(r1.Claims))
	}
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1})) // a replay changes nothing
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r2}))
	logs, _, err = ix.revisionLogs(t.Context(), []string{idAlibaba})
	require.NoError(t, err)
	if l := logs[idAlibaba]; l == nil || len(l.Revisions) != 2 || len(l.Revisions[0].Claims) != len(r1.Claims) {
		t.Errorf("stored log after revision 2 = %+v, want revisions 1 (with its %d claims) and 2", l, len(r1.Claims))
	}
	requireItemsMatchLog(t, ix, idAlibaba)
}
