package index

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// claimDocs returns the document ID of each claim of r, sorted: claim IDs
// are fingerprints, so tests name claims by their documents.
func claimDocs(r *ClaimResult) []string {
	out := make([]string, 0, len(r.Claims))
	for _, c := range r.Claims {
		out = append(out, c.DocumentID)
	}
	slices.Sort(out)
	return out
}

func claimIDs(r *ClaimResult) []string {
	out := make([]string, 0, len(r.Claims))
	for _, c := range r.Claims {
		out = append(out, c.ID)
	}
	return out
}

func TestSearchClaimsFilters(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		name string
		req  ClaimRequest
		want []string
	}{
		{"anonymous, newest first", ClaimRequest{SourceType: []string{"anonymous"}},
			[]string{idBoeing, idBoeing, idAlibaba, idHuawei}},
		{"publisher", ClaimRequest{Publisher: []string{"Reuters"}, Sort: SortDate},
			[]string{idAmazon, idAmazon, idAmazon, idAlibaba, idAlibaba, idAlibaba, idAlibaba}},
		{"since", ClaimRequest{SourceType: []string{"ANONYMOUS"}, Since: time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)},
			[]string{idBoeing, idBoeing}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.SearchClaims(t.Context(), tc.req)
			require.NoError(t, err)
			// Claims of one document share its date; compare the
			// documents they come from.
			got := claimDocs(res)
			if !slices.Equal(got, sortedCopy(tc.want)) || int(res.Total) != len(tc.want) {
				t.Errorf("SearchClaims(%+v) = %v (total %d), want %v", tc.req, got, res.Total, tc.want)
			}
		})
	}
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func TestSearchClaimsNewestFirstAndFacets(t *testing.T) {
	ix := loaded(t)
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{Size: 100,
		Facets: ClaimFacetNames(), DateHistogram: HistogramMonth})
	require.NoError(t, err)
	if res.Total != 15 {
		t.Errorf("total claims = %d, want 15 (the fixtures' claims)", res.Total)
	}
	for i := 1; i < len(res.Claims); i++ {
		if res.Claims[i].Published.After(res.Claims[i-1].Published) {
			t.Errorf("claim %d (%s, %v) is newer than claim %d (%v); want newest first",
				i, res.Claims[i].ID, res.Claims[i].Published, i-1, res.Claims[i-1].Published)
		}
	}
	st := res.Facets[ClaimFacetSourceType]
	if len(st) == 0 || st[0].Term != "anonymous" || st[0].Count != 4 {
		t.Errorf("source_type facet = %+v, want anonymous first with 4", st)
	}
	if len(res.Histogram) == 0 {
		t.Errorf("histogram is empty, want monthly buckets")
	}
}

func TestSearchClaimsText(t *testing.T) {
	ix := loaded(t)
	docs := loadDocs(t)
	c := docByID(t, docs, idAlibaba).Claims[0]
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{Query: c.Text, Sort: SortRelevance})
	require.NoError(t, err)
	if len(res.Claims) == 0 || res.Claims[0].DocumentID != idAlibaba || res.Claims[0].Text != c.Text {
		t.Fatalf("SearchClaims(its own text) = %v, want the first claim of %s first", claimIDs(res), idAlibaba)
	}
	h := res.Claims[0]
	if h.Text != c.Text || h.Publisher != "Reuters" || h.Source.Type != c.Source.Type || h.URL == "" {
		t.Errorf("claim hit = %+v, want text %q from Reuters with source %s and the URL", h, c.Text, c.Source.Type)
	}
	res, err = ix.SearchClaims(t.Context(), ClaimRequest{Query: `"no such phrase anywhere"`})
	require.NoError(t, err)
	if res.Total != 0 {
		t.Errorf("phrase nobody wrote matched %v, want none", claimIDs(res))
	}
}

// TestSearchClaimsPhrase checks that quoted phrases match claim text and
// source descriptions where the words stand in order, and nowhere else.
func TestSearchClaimsPhrase(t *testing.T) {
	ix := loaded(t)
	docs := loadDocs(t)
	var want []string // claims whose description holds "people familiar"
	for _, d := range docs {
		for _, c := range d.Claims {
			if strings.Contains(strings.ToLower(c.Source.Description), "people familiar") {
				want = append(want, d.ID)
			}
		}
	}
	require.NotEmpty(t, want, "fixture claims have a description with \"people familiar\"")
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{Query: `"people familiar"`})
	require.NoError(t, err)
	var got []string
	for _, h := range res.Claims {
		got = append(got, h.DocumentID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("\"people familiar\" matched claims of %v, want %v", got, want)
	}
	res, err = ix.SearchClaims(t.Context(), ClaimRequest{Query: `"familiar people"`})
	require.NoError(t, err)
	if res.Total != 0 {
		t.Errorf("\"familiar people\" (words out of order) matched %v, want none", claimIDs(res))
	}
	res, err = ix.SearchClaims(t.Context(), ClaimRequest{Query: `"fall on ratepayers"`})
	require.NoError(t, err)
	if len(res.Claims) != 1 || !strings.Contains(res.Claims[0].Text, "fall on ratepayers") {
		t.Errorf("\"fall on ratepayers\" matched %v, want the one claim with it", claimIDs(res))
	}
}

func TestPutKeepsClaimsOfOldRevisionAsRemoved(t *testing.T) {
	ix := loaded(t)
	d := docByID(t, loadDocs(t), idAlibaba)
	before, err := ix.SearchClaims(t.Context(), ClaimRequest{Publisher: []string{"Reuters"}, Size: 100})
	require.NoError(t, err)
	ids := map[string]string{} // text → ID in revision 1
	for _, c := range before.Claims {
		ids[c.Text] = c.ID
	}
	d.Revision++
	d.Fetched = time.Date(2024, 3, 13, 9, 30, 0, 0, time.UTC)
	gone := d.Claims[0]
	d.Claims = d.Claims[1:] // the anonymous claim is removed in the new revision
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{Publisher: []string{"Reuters"}, SourceType: []string{"anonymous"}})
	require.NoError(t, err)
	if res.Total != 0 {
		t.Errorf("current anonymous Reuters claims after the revision = %v, want none", claimIDs(res))
	}
	res, err = ix.SearchClaims(t.Context(), ClaimRequest{Size: 100})
	require.NoError(t, err)
	var left []string
	for _, c := range res.Claims {
		if c.DocumentID == idAlibaba {
			left = append(left, c.ID)
			if c.ID != ids[c.Text] {
				t.Errorf("claim %q has ID %s after an earlier claim was removed, want %s (unchanged)", c.Text, c.ID, ids[c.Text])
			}
		}
	}
	if len(left) != 3 {
		t.Errorf("current claims of the new revision = %v, want 3", left)
	}
	res, err = ix.SearchClaims(t.Context(), ClaimRequest{Status: []string{ClaimRemoved}})
	require.NoError(t, err)
	if res.Total != 1 || res.Claims[0].Source.Type != newsintel.SourceAnonymous || res.Claims[0].RemovedRevision != d.Revision ||
		!res.Claims[0].RemovedAt.Equal(d.Fetched) || res.Claims[0].Status != ClaimRemoved {
		t.Errorf("removed claims = %+v, want the anonymous one, removed in revision %d at %v", res.Claims, d.Revision, d.Fetched)
	}
	// No longer in the document, a removed claim keeps what it said itself.
	if res.Total == 1 && (res.Claims[0].Text != gone.Text || res.Claims[0].Source.Description != gone.Source.Description) {
		t.Errorf("removed claim says %q on the word of %q, want %q on the word of %q", res.Claims[0].Text,
			res.Claims[0].Source.Description, gone.Text, gone.Source.Description)
	}
}

func TestClaimsStayOutOfDocumentSearch(t *testing.T) {
	ix := loaded(t)
	n, err := ix.Count()
	require.NoError(t, err)
	if n != 8 {
		t.Errorf("Count() = %d, want 8 documents (claims not counted)", n)
	}
	tests := []struct {
		name string
		req  Request
		want uint64
	}{
		{"match all", Request{}, 8},
		{"only a must-not clause", Request{Query: "-zzzunknownword"}, 8},
		{"facets over everything", Request{Facets: []string{fieldKind}}, 8},
		{"anonymous filter", Request{SourceType: []string{"anonymous"}}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.Search(t.Context(), tc.req)
			require.NoError(t, err)
			if res.Total != tc.want {
				t.Errorf("Search(%+v).Total = %d, want %d", tc.req, res.Total, tc.want)
			}
			for _, h := range res.Hits {
				if h.Kind == "" {
					t.Errorf("hit %s has no kind: a claim leaked into document search", h.ID)
				}
			}
		})
	}
}

func TestSearchClaimsInvalid(t *testing.T) {
	ix := loaded(t)
	for _, r := range []ClaimRequest{
		{Facets: []string{"kind"}}, {SourceType: []string{"rumour"}}, {Size: 101}, {Sort: "newest"},
		{DateHistogram: "year"}, {Status: []string{"deleted"}},
	} {
		_, err := ix.SearchClaims(t.Context(), r)
		if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
			t.Errorf("SearchClaims(%+v) error code = %q, want %q", r, got, newsintel.EINVALID)
		}
	}
}

// TestClaimHitsCarryTheirDocument checks that claim items store only what
// is the claim's own and that hits still show their document's title,
// kind, publisher, URL and date (a filing's filed date when it has no
// published one).
func TestClaimHitsCarryTheirDocument(t *testing.T) {
	ix := loaded(t)
	docs := loadDocs(t)
	alibaba := docByID(t, docs, idAlibaba)
	filing := docByID(t, docs, idTesla)
	filing.Claims = slices.Clone(alibaba.Claims[:1])
	filing.Claims[0].Quote = true
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{filing}))
	filing.Revision, filing.Fetched = 2, filing.Fetched.Add(time.Hour)
	filing.Claims = append(filing.Claims, alibaba.Claims[1])
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{filing}))
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{Size: 100, IncludeRemoved: true})
	require.NoError(t, err)
	seen := map[string]int{}
	for _, h := range res.Claims {
		d := docByID(t, docs, h.DocumentID)
		seen[h.DocumentID]++
		got := []any{h.Title, h.Kind, h.Publisher, h.URL, h.Published.UTC()}
		want := []any{d.Title, string(d.Kind), d.Publisher, d.URL, publishedOf(&d).UTC()}
		require.Equal(t, want, got, "document fields of claim %s, want (first) those of its document", h.ID)
		if h.DocumentID == idTesla {
			c := filing.Claims[h.Position-1]
			got, want := []any{h.Text, h.Quote, h.AddedRevision}, []any{c.Text, c.Quote, h.Position}
			require.Equal(t, want, got, "text, quote and added revision of claim %s", h.ID)
		}
	}
	if seen[idTesla] != 2 || seen[idAlibaba] == 0 || seen[idUndated] == 0 {
		t.Errorf("claims by document %v, want the filing's 2, Alibaba's and the undated one's among them", seen)
	}
	stored := storedClaim(t, ix, res.Claims[0].ID)
	for _, k := range []string{"title", "kind", "publisher", "url", "published", "id", "document_id"} {
		if _, ok := stored[k]; ok {
			t.Errorf("claim_stored of %s holds %q: %v, want only the claim's own fields", res.Claims[0].ID, k, stored)
		}
	}
	for _, k := range []string{"text", "source", "cue", "entities"} {
		if v, ok := stored[k]; ok && res.Claims[0].Position > 0 {
			t.Errorf("claim_stored of current claim %s holds %q: %v, want it read from the document only", res.Claims[0].ID, k, v)
		}
	}
	if res.Claims[0].Text == "" || res.Claims[0].Source.Type == "" {
		t.Errorf("claim %s has text %q and source %+v, want those of its document's claim", res.Claims[0].ID,
			res.Claims[0].Text, res.Claims[0].Source)
	}
}

// storedClaim reads the claim_stored field of claim item id.
func storedClaim(t *testing.T, ix *Index, id string) map[string]any {
	t.Helper()
	doc, err := ix.bleve.Document(itemKey(id))
	require.NoError(t, err)
	require.NotNil(t, doc, "claim item %s", id)
	var out map[string]any
	doc.VisitFields(func(f bleveindex.Field) {
		if tf, ok := f.(bleveindex.TextField); ok && f.Name() == fieldClaimStored {
			require.NoError(t, json.Unmarshal([]byte(tf.Text()), &out))
		}
	})
	require.NotNil(t, out, "claim_stored of %s", id)
	return out
}

// TestClaimDateFilterMatchesDates checks the since/until filter of claims
// (whole months, days and hours, and exact keys at the ends) against the
// dates themselves, over documents some seconds to months apart, some on
// a month's or day's first nanosecond, one undated, for ranges open at
// either end and ranges ending exactly on a document's date.
func TestClaimDateFilterMatchesDates(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := synthDocs(120, 11)
	base := time.Date(2024, 1, 30, 22, 0, 0, 0, time.UTC)
	for i := range docs {
		docs[i].Published = base.Add(time.Duration(i)*9*time.Hour + time.Duration(i*i)*time.Second + time.Duration(i))
		docs[i].Filing = nil
	}
	docs[3].Published = time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	docs[4].Published = time.Date(2024, 2, 2, 0, 0, 0, 0, time.FixedZone("CET", 3600)) // 23:00 UTC the day before
	docs[5].Published = time.Time{}
	require.NoError(t, ix.Put(t.Context(), docs))
	at := func(i int) time.Time { return docs[i].Published }
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	ranges := [][2]time.Time{
		{day(2024, 2, 1), {}}, {{}, day(2024, 2, 1)}, {at(3), at(3)}, {at(4), at(40)},
		{at(10).Add(1), at(90).Add(-1)}, {day(2024, 2, 1), day(2024, 3, 1).Add(-1)},
		{day(2024, 1, 1), day(2024, 6, 1)}, {at(7).Add(-time.Minute), at(7).Add(time.Minute)},
		{at(20).Truncate(time.Hour), at(21)}, {day(2023, 1, 1), day(2023, 2, 1)}, {{}, {}},
		{at(60).In(time.FixedZone("EST", -5*3600)), at(110)},
	}
	for _, rg := range ranges {
		res, err := ix.SearchClaims(t.Context(), ClaimRequest{Since: rg[0], Until: rg[1], Size: 1})
		require.NoError(t, err)
		var want uint64
		for _, d := range docs {
			p := d.Published
			if indexableTime(p) && (rg[0].IsZero() || !p.Before(rg[0])) && (rg[1].IsZero() || !p.After(rg[1])) {
				want += uint64(len(d.Claims))
			}
		}
		if rg[0].IsZero() && rg[1].IsZero() {
			want += uint64(len(docs[5].Claims)) // no filter: the undated document's claims too
		}
		if res.Total != want {
			t.Errorf("claims from %v to %v = %d, want %d", rg[0], rg[1], res.Total, want)
		}
	}
}

// TestClaimHistogramsCountDates checks the claim histograms by day, week
// and month, which count claim_day terms (weeks and months folded from
// days), against the claims' dates, over documents spread across years.
func TestClaimHistogramsCountDates(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := synthDocs(80, 5)
	for i := range docs {
		docs[i].Published = time.Date(2023, 12, 20, 23, 0, 0, 0, time.FixedZone("EST", -5*3600)).Add(time.Duration(i*i) * 7 * time.Hour)
		docs[i].Filing = nil
	}
	require.NoError(t, ix.Put(t.Context(), docs))
	for _, interval := range []string{HistogramDay, HistogramWeek, HistogramMonth} {
		want := map[time.Time]int{}
		for _, d := range docs {
			u := d.Published.UTC()
			start := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
			switch interval {
			case HistogramWeek:
				start = weekStart(u)
			case HistogramMonth:
				start = time.Date(u.Year(), u.Month(), 1, 0, 0, 0, 0, time.UTC)
			}
			want[start] += len(d.Claims)
		}
		res, err := ix.SearchClaims(t.Context(), ClaimRequest{Size: 1, DateHistogram: interval})
		require.NoError(t, err)
		got := map[time.Time]int{}
		for i, b := range res.Histogram {
			if b.Count > 0 {
				got[b.Start] = b.Count
			}
			if i > 0 && !b.Start.After(res.Histogram[i-1].Start) {
				t.Errorf("%s histogram: bucket %v after %v, want ascending", interval, b.Start, res.Histogram[i-1].Start)
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s histogram = %v, want %v", interval, got, want)
		}
	}
}
