package index

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestItemKeysRoundTrip checks that an article's claim ID has a key of 29
// bytes (and its copy suffix) that gives the ID back and starts with its
// document's claimKeyPrefix, and that every other ID is its own key.
func TestItemKeysRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ids := []string{
		"00000000000000000000000000000000#c00000000", "ffffffffffffffffffffffffffffffff#cffffffff-12",
		"a1b2c3d4e5f60718293a4b5c6d7e8f90#c2a2f6870-2",
	}
	for range 500 {
		doc := fmt.Sprintf("%016x%016x", rng.Uint64(), rng.Uint64())
		ids = append(ids, fmt.Sprintf("%s#c%08x", doc, rng.Uint32()), fmt.Sprintf("%s#c%08x-%d", doc, rng.Uint32(), 2+rng.IntN(30)))
	}
	for _, id := range ids {
		key := itemKey(id)
		suffix := id[strings.Index(id, claimIDSep)+len(claimIDSep)+claimHashLen:]
		if len(key) != 29+len(suffix) || claimIDOf(key) != id || !strings.HasPrefix(key, claimKeyPrefix(id[:32])) {
			t.Errorf("itemKey(%q) = %q, back %q; want 29 bytes and the suffix, the ID back, prefix %q",
				id, key, claimIDOf(key), claimKeyPrefix(id[:32]))
		}
	}
	for _, id := range []string{
		"sec-0001628280-24-002390#c1a2b3c4d", "fr-2024-07773#c1a2b3c4d-2", "A1B2C3D4E5F60718293A4B5C6D7E8F90#c2a2f6870",
		"a1b2c3d4e5f60718293a4b5c6d7e8f90#c2A2F6870", "a1b2c3d4e5f60718293a4b5c6d7e8f90#c2a2f68", "a1b2c3d4e5f60718293a4b5c6d7e8f90#c2a2f6870x",
		"a1b2c3d4e5f60718293a4b5c6d7e8f90", "a1b2c3d4e5f60718293a4b5c6d7e8f90#revisions", "synth-000001#c00000001",
	} {
		if key := itemKey(id); key != id || claimIDOf(key) != id {
			t.Errorf("itemKey(%q) = %q, claimIDOf = %q; want the ID itself both ways", id, key, claimIDOf(key))
		}
	}
}

// claimIDPattern is what a claim ID looks like to the API.
var claimIDPattern = regexp.MustCompile(`^([A-Za-z0-9_-]+)#c[0-9a-f]{8}(-[0-9]+)?$`)

// TestClaimIDsAsBefore checks that claim hits and revision events show
// claim IDs, not item keys, that articles' claims are stored under their
// short keys, and that a later revision deletes the items of the claims it
// re-keys or drops.
func TestClaimIDsAsBefore(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	r1, r2, r3 := alibabaRevisions(t)
	require.NoError(t, ix.Put(t.Context(), append(loadDocs(t), r2, r3)))
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{IncludeRemoved: true, Size: 100})
	require.NoError(t, err)
	require.NotEmpty(t, res.Claims)
	short := 0
	for _, c := range res.Claims {
		if m := claimIDPattern.FindStringSubmatch(c.ID); m == nil || m[1] != c.DocumentID {
			t.Errorf("claim ID %q of document %q, want <document ID>#c<8 hex digits>", c.ID, c.DocumentID)
		}
		if key := itemKey(c.ID); key != c.ID {
			short++
			doc, err := ix.bleve.Document(key)
			require.NoError(t, err)
			if doc == nil {
				t.Errorf("claim %s: no item under key %q", c.ID, key)
			}
		}
	}
	if short == 0 {
		t.Errorf("no claim of an article has a short key among %v", claimIDs(res))
	}
	h, err := ix.Revisions(t.Context(), r1.ID)
	require.NoError(t, err)
	for _, rev := range h.Revisions {
		for _, e := range slices.Concat(rev.Added, rev.Removed, rev.Changed, rev.Restored) {
			if !slices.Contains(claimIDs(res), e.ClaimID) {
				t.Errorf("revision %d names claim %q, want one of the claim hits %v", rev.Revision, e.ClaimID, claimIDs(res))
			}
		}
	}
	requireItemsMatchLog(t, ix, r1.ID)
}

// TestClaimRelevanceTiesByClaimID checks that claims of equal relevance
// come in the order of their claim IDs, articles' (short keys) and
// others' (IDs as keys) mixed.
func TestClaimRelevanceTiesByClaimID(t *testing.T) {
	base := docByID(t, loadDocs(t), idAlibaba)
	var docs []newsintel.Document
	for _, id := range []string{"ff0718293a4b5c6d7e8f90a1b2c3d4e5", "fr-2024-00001", "0a0718293a4b5c6d7e8f90a1b2c3d4e5",
		"sec-0000000001-24-000001", "9f0718293a4b5c6d7e8f90a1b2c3d4e5", "Zed-1", "_x"} {
		d := base
		d.ID, d.URL = id, base.URL+"?"+id
		d.Claims = base.Claims[:1] // the same claim in each: the same score
		docs = append(docs, d)
	}
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), docs))
	words := strings.Fields(base.Claims[0].Text)
	res, err := ix.SearchClaims(t.Context(), ClaimRequest{Query: words[len(words)-1], Sort: SortRelevance, Size: 100})
	require.NoError(t, err)
	got := claimIDs(res)
	want := slices.Sorted(slices.Values(got))
	if len(got) != len(docs) || !slices.Equal(got, want) {
		t.Errorf("claims of equal score in order %v, want %d in claim ID order %v", got, len(docs), want)
	}
	for _, c := range res.Claims {
		if c.Score != res.Claims[0].Score {
			t.Fatalf("claim %s scores %v, %s %v; want equal scores", c.ID, c.Score, res.Claims[0].ID, res.Claims[0].Score)
		}
	}
}
