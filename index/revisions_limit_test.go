package index

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// allClaims returns every claim item of document id, removed ones too,
// in the order SearchClaims gives them.
func allClaims(t *testing.T, ix *Index, id string) []ClaimHit {
	t.Helper()
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	require.NoError(t, err)
	var out []ClaimHit
	for _, c := range res.Claims {
		if c.DocumentID == id {
			out = append(out, c)
		}
	}
	return out
}

// requireItemsMatchLog checks that the claim items of document id are
// exactly those its revision log makes, once each: no stale item of an
// earlier log is left behind.
func requireItemsMatchLog(t *testing.T, ix *Index, id string) {
	t.Helper()
	l, err := ix.logOf(t.Context(), id)
	require.NoError(t, err)
	require.NotNil(t, l)
	states, _ := l.replay(id)
	var want, got []string
	for _, st := range states {
		want = append(want, st.id)
	}
	for _, c := range allClaims(t, ix, id) {
		got = append(got, c.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("claim items of %s = %v, want %v (those its revision log makes)", id, got, want)
	}
}

// TestRevisionLogPastLimit puts revisions 1 and 2 of the Alibaba story and
// then revisions 3 to limit+2 equal to 2, as a live blog polled for a day
// gives: the claims and their history must stay those of revisions 1 and 2.
func TestRevisionLogPastLimit(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1}))
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r2}))
	last := maxLoggedRevisions + 2
	for n := 3; n <= last; n++ {
		r := r2
		r.Revision, r.Fetched = n, fetched2.Add(time.Duration(n)*15*time.Minute)
		require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r}))
	}
	claims := allClaims(t, ix, idAlibaba)
	byID := map[string]ClaimHit{}
	for _, c := range claims {
		byID[c.ID] = c
	}
	if want := len(r2.Claims) + 1; len(claims) != want || len(byID) != want {
		t.Fatalf("claim items = %d (%d distinct), want %d (revision %d's %d claims and the one removed): %+v",
			len(claims), len(byID), want, last, len(r2.Claims), claims)
	}
	got := claimsByText(t, ix, idAlibaba)
	anon, quote := got[r1.Claims[0].Text], got[r2.Claims[0].Text]
	if anon.Status != ClaimRemoved || anon.RemovedRevision != 2 || anon.AddedRevision != 1 {
		t.Errorf("anonymous claim = status %q removed in %d added in %d, want removed in 2, added in 1",
			anon.Status, anon.RemovedRevision, anon.AddedRevision)
	}
	if quote.Status != ClaimChanged || quote.ChangedRevision != 2 || quote.AddedRevision != 1 || quote.PreviousText != r1.Claims[1].Text {
		t.Errorf("edited quote = %+v, want changed in 2 from %q, added in 1", quote, r1.Claims[1].Text)
	}
	for _, c := range claims {
		if strings.Contains(c.ID[len(idAlibaba):], "-") {
			t.Errorf("claim %s %q has a duplicate's ID suffix, want none (no claim is in the story twice)", c.ID, c.Text)
		}
	}
	h, err := ix.Revisions(t.Context(), idAlibaba)
	require.NoError(t, err)
	if len(h.Revisions) > maxLoggedRevisions || h.Latest != last || h.Revisions[0].Revision != 1 || h.Revisions[1].Revision != 2 {
		t.Fatalf("history has %d revisions, latest %d, starting %d, %d; want at most %d, latest %d, starting 1, 2",
			len(h.Revisions), h.Latest, h.Revisions[0].Revision, h.Revisions[1].Revision, maxLoggedRevisions, last)
	}
	if rev2 := h.Revisions[1]; len(rev2.Removed) != 1 || len(rev2.Changed) != 1 || len(h.Revisions[0].Added) != len(r1.Claims) {
		t.Errorf("revisions 1 and 2 = %+v, %+v; want 1 adding %d claims, 2 removing one and changing one", h.Revisions[0], rev2, len(r1.Claims))
	}
	requireItemsMatchLog(t, ix, idAlibaba)
}

// TestRevisionLogPastLimitRandom puts more revisions than the log keeps,
// each editing the one before: whatever the log forgets, the claim items
// are those the kept log makes, and revision 1 stays its baseline.
func TestRevisionLogPastLimitRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 99))
	revs := randomRevisions(t, rng, maxLoggedRevisions+8)
	ix, _ := openTemp(t, Options{})
	for start := 0; start < len(revs); start += 3 {
		require.NoError(t, ix.Put(t.Context(), revs[start:min(start+3, len(revs))]))
	}
	requireItemsMatchLog(t, ix, idAlibaba)
	h, err := ix.Revisions(t.Context(), idAlibaba)
	require.NoError(t, err)
	if len(h.Revisions) != maxLoggedRevisions || h.Revisions[0].Revision != 1 || h.Latest != len(revs) {
		t.Errorf("history has %d revisions from %d to %d, want %d from 1 to %d",
			len(h.Revisions), h.Revisions[0].Revision, h.Latest, maxLoggedRevisions, len(revs))
	}
	if live := len(allClaims(t, ix, idAlibaba)) - countRemoved(allClaims(t, ix, idAlibaba)); live != len(revs[len(revs)-1].Claims) {
		t.Errorf("current and changed claim items = %d, want %d (the newest revision's claims)", live, len(revs[len(revs)-1].Claims))
	}
}

func countRemoved(cs []ClaimHit) int {
	n := 0
	for _, c := range cs {
		if c.Status == ClaimRemoved {
			n++
		}
	}
	return n
}

// TestRevisionLogTrimKeepsChanges checks which revision a full log
// forgets: the oldest that changed nothing since the one before it, else
// the oldest after revision 1.
func TestRevisionLogTrimKeepsChanges(t *testing.T) {
	r1, r2, r3 := alibabaRevisions(t)
	var l revisionLog
	l.add(&r1)
	l.add(&r2)
	for n := 3; n <= maxLoggedRevisions; n++ {
		r := r2
		r.Revision = n
		l.add(&r)
	}
	r3.Revision = maxLoggedRevisions + 1
	l.add(&r3)
	if len(l.Revisions) != maxLoggedRevisions || l.Revisions[0].Revision != 1 || l.Revisions[1].Revision != 2 || l.Revisions[2].Revision != 4 {
		t.Fatalf("log after %d revisions holds %d from %d, %d, %d; want %d from 1, 2, 4 (3 repeated 2)",
			r3.Revision, len(l.Revisions), l.Revisions[0].Revision, l.Revisions[1].Revision, l.Revisions[2].Revision, maxLoggedRevisions)
	}
	for n := 0; n < maxLoggedRevisions; n++ {
		r := r1
		r.Revision = r3.Revision + 1 + n
		if n%2 == 1 {
			r = r2
			r.Revision = r3.Revision + 1 + n
		}
		l.add(&r)
	}
	if len(l.Revisions) != maxLoggedRevisions || l.Revisions[0].Revision != 1 {
		t.Errorf("log after alternating revisions holds %d from %d, want %d from 1", len(l.Revisions), l.Revisions[0].Revision, maxLoggedRevisions)
	}
}

// TestUnreadableRevisionLog puts a batch holding a document whose stored
// revision log cannot be decoded and an unrelated one: both are indexed,
// and the first one's history is rebuilt from its indexed revision.
func TestUnreadableRevisionLog(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, _ := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{r1}))
	require.NoError(t, ix.bleve.Index(idAlibaba+revisionLogSuffix, &indexedLog{DocType: docTypeRevisions, Log: storedLogText(`{"revisions": [`)}))
	if h, err := ix.Revisions(t.Context(), idAlibaba); err != nil || len(h.Revisions) != 1 || len(h.Revisions[0].Added) != len(r1.Claims) {
		t.Errorf("Revisions of an unreadable log = %+v, %v; want its indexed revision 1 adding %d claims", h, err, len(r1.Claims))
	}
	// A log without its document: the history starts with the batch.
	require.NoError(t, ix.bleve.Index(idPFAS+revisionLogSuffix, &indexedLog{DocType: docTypeRevisions, Log: storedLogText(`{"revisions": []}`)}))
	other, pfas := docByID(t, loadDocs(t), idBoeing), docByID(t, loadDocs(t), idPFAS)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{other, r2, pfas}))
	for _, id := range []string{idBoeing, idPFAS} {
		if _, err := ix.Get(t.Context(), id); err != nil {
			t.Errorf("Get(%s) after a batch beside an unreadable log = %v, want the document", id, err)
		}
	}
	if h, err := ix.Revisions(t.Context(), idPFAS); err != nil || len(h.Revisions) != 1 || len(h.Revisions[0].Added) != len(pfas.Claims) {
		t.Errorf("Revisions(%s) = %+v, %v; want revision 1 adding its %d claims", idPFAS, h, err, len(pfas.Claims))
	}
	d, err := ix.Get(t.Context(), idAlibaba)
	require.NoError(t, err)
	if d.Revision != 2 {
		t.Errorf("indexed revision = %d, want 2", d.Revision)
	}
	got := claimsByText(t, ix, idAlibaba)
	if quote := got[r2.Claims[0].Text]; len(got) != len(r1.Claims) || quote.Status != ClaimChanged || quote.PreviousText != r1.Claims[1].Text {
		t.Errorf("claims = %d, edited quote %+v; want %d, the quote changed from %q", len(got), quote, len(r1.Claims), r1.Claims[1].Text)
	}
	h, err := ix.Revisions(t.Context(), idAlibaba)
	require.NoError(t, err)
	if len(h.Revisions) != 2 || h.Revisions[0].Revision != 1 || h.Latest != 2 {
		t.Errorf("history = %+v, want revisions 1 (rebuilt from the indexed document) and 2", h)
	}
	requireItemsMatchLog(t, ix, idAlibaba)
}

// storedLogText is s as the revision_log field stores it, compressed.
func storedLogText(s string) string { return string(zEncoder().EncodeAll([]byte(s), nil)) }

// TestStoredLogLeavesOutRepeatedClaims checks that a revision with the
// same claims as the one before it is stored without them, and decodes to
// the log it was.
func TestStoredLogLeavesOutRepeatedClaims(t *testing.T) {
	r1, r2, _ := alibabaRevisions(t)
	var l revisionLog
	l.add(&r1)
	l.add(&r2)
	for n := 3; n <= 40; n++ {
		r := r2
		r.Revision, r.Fetched = n, fetched2.Add(time.Duration(n)*time.Hour)
		l.add(&r)
	}
	enc, err := json.Marshal(l.stored())
	require.NoError(t, err)
	if got := strings.Count(string(enc), `"claims":`); got != 2 {
		t.Errorf("stored log holds the claims of %d revisions, want 2 (revisions 1 and 2): %s", got, enc)
	}
	back, err := decodeLog(string(enc))
	require.NoError(t, err)
	back.newest().Claims = l.newest().Claims // as completeLogs reads them back
	wantStates, wantRevs := l.replay(idAlibaba)
	gotStates, gotRevs := back.replay(idAlibaba)
	if !equalJSON(gotRevs, wantRevs) || len(gotStates) != len(wantStates) {
		t.Errorf("decoded log replays to %d claims and %+v, want %d and %+v", len(gotStates), gotRevs, len(wantStates), wantRevs)
	}
	if _, err := decodeLog(`{"revisions":[{"n":2,"hash":"a","count":1},{"n":3,"hash":"b","count":1}]}`); err == nil {
		t.Errorf("decodeLog(a revision without its claims) = nil error, want one")
	}
}
