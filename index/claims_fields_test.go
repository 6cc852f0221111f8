package index

import (
	"strings"
	"testing"

	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/stretchr/testify/require"
)

// TestBlankDescriptionNotIndexed checks that a claim without a source
// description gets no description field, nor its stored sequence, and
// one with a description both.
func TestBlankDescriptionNotIndexed(t *testing.T) {
	ix := loaded(t)
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	require.NoError(t, err)
	seen := map[bool]int{}
	for _, c := range res.Claims {
		doc, err := ix.bleve.Document(itemKey(c.ID))
		require.NoError(t, err)
		require.NotNil(t, doc, "item of claim %s", c.ID)
		hasSeq := false
		doc.VisitFields(func(f bleveindex.Field) { hasSeq = hasSeq || f.Name() == fieldClaimDescSeq })
		described := strings.TrimSpace(c.Source.Description) != ""
		if hasSeq != described {
			t.Errorf("claim %s with description %q: stored description sequence %v, want %v", c.ID, c.Source.Description, hasSeq, described)
		}
		seen[described]++
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("claims with and without descriptions: %v, want both in the fixture", seen)
	}
}
