package index

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// pagedClaims reads up to max claims of r page by page, newest first.
func pagedClaims(t *testing.T, ix *Index, r ClaimRequest, max int) ([]ClaimHit, uint64) {
	t.Helper()
	r.Sort = SortDateDesc
	var out []ClaimHit
	var total uint64
	for r.From = 0; r.From < max; r.From += r.Size {
		r.Size = min(MaxSize, max-r.From)
		res, err := ix.SearchClaims(t.Context(), r)
		require.NoError(t, err)
		out, total = append(out, res.Claims...), res.Total
		if len(res.Claims) < r.Size {
			break
		}
	}
	return out, total
}

func TestReadClaimsReadsWhatPagesRead(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), synthDocs(300, 11)))
	since := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		r    ClaimRequest
		max  int
		fits bool // every claim r matches fits in max: no narrowing to the newest days
	}{
		{"all, far more than max", ClaimRequest{}, 250, false},
		{"all, fewer than max", ClaimRequest{}, 10000, true},
		{"a publisher", ClaimRequest{Publisher: []string{"Reuters"}}, 120, false},
		{"a source type since June", ClaimRequest{SourceType: []string{"anonymous"}, Since: since}, 90, false},
		{"words", ClaimRequest{Query: "familiar"}, 333, false},
		{"a publisher until a year in", ClaimRequest{Publisher: []string{"BBC News"}, Until: since.AddDate(0, 7, 0)}, 40, false},
		{"a month", ClaimRequest{Since: since, Until: since.AddDate(0, 1, 0)}, 30, false},
		{"nothing", ClaimRequest{Query: "zyzzyva"}, 50, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := ix.ReadClaims(t.Context(), tc.r, tc.max)
			require.NoError(t, err)
			want, wantTotal := pagedClaims(t, ix, tc.r, tc.max)
			if fits := total <= uint64(tc.max); fits != tc.fits {
				t.Errorf("%d claims match, max %d: all fit %v, want %v", total, tc.max, fits, tc.fits)
			}
			if total != wantTotal || len(got) != len(want) {
				t.Fatalf("%d claims of %d, want %d of %d", len(got), total, len(want), wantTotal)
			}
			for i := range got {
				got[i].Score, want[i].Score = 0, 0
			}
			require.Equal(t, want, got)
		})
	}
}

func TestReadClaimsRefusesBadRequests(t *testing.T) {
	ix := loaded(t)
	for _, tc := range []struct {
		name string
		r    ClaimRequest
		max  int
	}{
		{"no claims asked for", ClaimRequest{}, 0},
		{"fewer than none asked for", ClaimRequest{}, -5},
		{"until before since", ClaimRequest{Since: time.Now(), Until: time.Now().Add(-time.Hour)}, 10},
		{"unknown status", ClaimRequest{Status: []string{"lost"}}, 10},
	} {
		_, _, err := ix.ReadClaims(t.Context(), tc.r, tc.max)
		if newsintel.ErrorCode(err) != newsintel.EINVALID {
			t.Errorf("%s: error %v, want %s", tc.name, err, newsintel.EINVALID)
		}
	}
}

func TestGenerationGrowsWithEveryPut(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	g0, ok := ix.Generation()
	require.True(t, ok, "a scorch index tells its generation")
	if g, _ := ix.Generation(); g != g0 {
		t.Errorf("generation %d then %d with no write between, want the same", g0, g)
	}
	docs := loadDocs(t)
	require.NoError(t, ix.Put(t.Context(), docs[:1]))
	g1, _ := ix.Generation()
	if g1 <= g0 {
		t.Errorf("generation %d after a Put, want more than %d", g1, g0)
	}
	_, err := ix.Search(t.Context(), Request{Query: "Alibaba"})
	require.NoError(t, err)
	if g, _ := ix.Generation(); g != g1 {
		t.Errorf("generation %d after a search, want %d", g, g1)
	}
	require.NoError(t, ix.Put(t.Context(), docs[:1])) // the same document again still writes
	if g, _ := ix.Generation(); g <= g1 {
		t.Errorf("generation %d after a second Put, want more than %d", g, g1)
	}
}
