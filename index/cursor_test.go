package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// pageAll walks every page of r with search_after, through a JSON round
// trip of the cursor as an API client would make it.
func pageAll(t *testing.T, ix *Index, r Request) []string {
	t.Helper()
	var got []string
	for range 100 {
		res, err := ix.Search(t.Context(), r)
		require.NoError(t, err)
		got = append(got, hitIDs(res)...)
		if len(res.Hits) < r.Size {
			return got
		}
		b, err := json.Marshal(res.Hits[len(res.Hits)-1])
		require.NoError(t, err)
		var last Hit
		require.NoError(t, json.Unmarshal(b, &last))
		r.SearchAfter = last.Sort
	}
	t.Fatalf("paging %+v did not end", r)
	return nil
}

func TestSearchAfterPagesEveryHitOnce(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"newest first, undated last", Request{Size: 3},
			[]string{idRule, idBoeing, idPFAS, idAlibaba, idHuawei, idTesla, idAmazon, idUndated}},
		{"oldest first", Request{Size: 2, Sort: SortDate, Kind: []string{"article"}},
			[]string{idAmazon, idHuawei, idAlibaba, idPFAS, idBoeing, idUndated}},
	}
	for _, tt := range tests {
		if got := pageAll(t, ix, tt.req); !slices.Equal(got, tt.want) {
			t.Errorf("%s: pages = %v, want %v", tt.name, got, tt.want)
		}
	}
	// By relevance: the same hits as one big page, in the same order.
	all, err := ix.Search(t.Context(), Request{Query: "cloud OR review OR water OR rule", Size: 100})
	require.NoError(t, err)
	if got := pageAll(t, ix, Request{Query: "cloud OR review OR water OR rule", Size: 2}); !slices.Equal(got, hitIDs(all)) {
		t.Errorf("relevance pages = %v, want %v", got, hitIDs(all))
	}
}

func TestSearchAfterGoesPastTheWindow(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	require.NoError(t, ix.Put(t.Context(), synthDocs(250, 11)))
	// With a small window the cursor still reaches every document.
	got := pageAll(t, ix, Request{Size: 100, Sort: SortDateDesc})
	slices.Sort(got)
	if len(slices.Compact(got)) != 250 {
		t.Errorf("search_after pages held %d distinct documents, want 250", len(slices.Compact(got)))
	}
}

func TestSearchAfterRefusals(t *testing.T) {
	ix := loaded(t)
	first, err := ix.Search(t.Context(), Request{Size: 1})
	require.NoError(t, err)
	cursor := first.Hits[0].Sort
	require.Len(t, cursor, 2, "sort values of a date-sorted hit")
	tests := []struct {
		name string
		req  Request
		says string
	}{
		{"with from", Request{From: 10, SearchAfter: cursor}, "one or the other"},
		{"wrong length", Request{SearchAfter: append(slices.Clone(cursor), "AA")}, "the 2 sort values"},
		{"not a cursor", Request{SearchAfter: []string{"2024-01-01", "%%%"}}, "not a sort value"},
		{"too long", Request{SearchAfter: []string{strings.Repeat("A", 2000), "x"}}, "not a sort value"},
	}
	for _, tt := range tests {
		_, err := ix.Search(t.Context(), tt.req)
		if got := newsintel.ErrorCode(err); got != newsintel.EINVALID || !strings.Contains(newsintel.ErrorMessage(err), tt.says) {
			t.Errorf("%s: error %v (code %q), want %q saying %q", tt.name, err, got, newsintel.EINVALID, tt.says)
		}
	}
}

// TestHostileQueriesRefusedFast checks that query strings that made Bleve
// itself take seconds are refused before it sees them, in well under 50 ms.
func TestHostileQueriesRefusedFast(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		name  string
		query string
	}{
		{"100 KB query string", strings.Repeat("regulation ", 100<<10/11)},
		{"100 000 nested parentheses", strings.Repeat("(", 100000) + "a" + strings.Repeat(")", 100000)},
		{"100 000 open parentheses", strings.Repeat("(", 100000)},
		{"nested to the length limit", strings.Repeat("(", 499) + "a" + strings.Repeat(")", 499)},
		{"regexp matching everything", "/.*/"},
		{"leading wildcard", "*ing"},
		{"many alternatives", strings.Repeat("a* OR ", 150)},
	}
	for _, tt := range tests {
		start := time.Now()
		_, err := ix.Search(t.Context(), Request{Query: tt.query})
		took := time.Since(start)
		if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
			t.Errorf("%s: code %q (%v), want %q", tt.name, got, err, newsintel.EINVALID)
		}
		if took > 50*time.Millisecond {
			t.Errorf("%s: refused after %v, want under 50ms", tt.name, took)
		}
	}
}

// TestSearchAfterEqualScores pages by relevance through exact duplicates
// (wire copies score the same): every copy exactly once, ties by ID.
func TestSearchAfterEqualScores(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	var docs []newsintel.Document
	for _, id := range []string{"copy-e", "copy-b", "copy-g", "copy-a", "copy-f", "copy-c", "copy-d"} {
		docs = append(docs, newsintel.Document{ID: id, Kind: newsintel.KindArticle, Source: "wire", Revision: 1,
			Title: "Regulators fine bank", Body: "Regulators fined the bank for lapses in its anti-money-laundering controls."})
	}
	docs = append(docs, newsintel.Document{ID: "other", Kind: newsintel.KindArticle, Source: "wire", Revision: 1,
		Title: "Bank results", Body: "The bank reported results; regulators were not mentioned again, regulators said."})
	require.NoError(t, ix.Put(t.Context(), docs))
	want := []string{"copy-a", "copy-b", "copy-c", "copy-d", "copy-e", "copy-f", "copy-g"}
	for _, size := range []int{1, 2, 3, 7} {
		got := slices.DeleteFunc(pageAll(t, ix, Request{Query: "regulators fined bank", Size: size}), func(id string) bool { return id == "other" })
		if !slices.Equal(got, want) {
			t.Errorf("size %d: copies paged as %v, want %v", size, got, want)
		}
	}
}

// TestFromPagesEqualScores pages by from and size through ties that
// start on one page and end on the next: the pages hold each tie in ID
// order, each hit once, however Bleve numbered the documents (here in
// the order Put hands a batch over, which is not by ID).
func TestFromPagesEqualScores(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	var docs, copies []newsintel.Document
	for i := range 15 {
		docs = append(docs, newsintel.Document{ID: fmt.Sprintf("copy-%02d", i), Kind: newsintel.KindArticle, Source: "wire", Revision: 1,
			Title: "Regulators fine bank", Body: "Regulators fined the bank for lapses in its anti-money-laundering controls."})
	}
	copies = slices.Clone(docs)
	for i := range 12 {
		docs = append(docs, newsintel.Document{ID: fmt.Sprintf("other-%02d", i), Kind: newsintel.KindArticle, Source: "wire", Revision: 1,
			Title: "Bank results", Body: strings.Repeat("The bank reported results for the quarter. ", 1+i%4) + "Regulators were not mentioned."})
	}
	require.NoError(t, ix.Put(t.Context(), docs))
	var want []string
	for _, d := range copies {
		want = append(want, d.ID)
	}
	slices.Sort(want)
	for _, size := range []int{4, 10} {
		var got []string
		for from := 0; from < len(docs); from += size {
			res, err := ix.Search(t.Context(), Request{Query: "regulators fined bank", Size: size, From: from})
			require.NoError(t, err)
			got = append(got, hitIDs(res)...)
		}
		require.Len(t, got, len(docs), "size %d: hits on all pages", size)
		require.Equal(t, want, got[:len(want)], "size %d: the tie, first", size)
		others := got[len(want):]
		require.Len(t, others, len(docs)-len(want), "size %d", size)
		require.Len(t, slices.Compact(slices.Sorted(slices.Values(others))), len(others), "size %d: a hit twice in %v", size, others)
	}
}
