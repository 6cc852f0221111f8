package index

import (
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSnippetIsLeadOfStoredBody checks that a hit with nothing
// highlighted in its body shows the start of its body (see lead), read
// from the stored body, in searches without a query, with a query that
// matches titles only, on entity pages and among similar documents, and
// that the meta field no longer holds a copy of it.
func TestSnippetIsLeadOfStoredBody(t *testing.T) {
	ix := loaded(t)
	docs := loadDocs(t)
	want := map[string]string{}
	for _, d := range docs {
		want[d.ID] = html.EscapeString(lead(d.Body, leadChars))
		x, err := toIndexed(&d, ix.lex)
		require.NoError(t, err)
		meta, err := unpackMeta(x.Meta)
		require.NoError(t, err)
		if start := strings.Join(strings.Fields(d.Body), " ")[:40]; strings.Contains(string(meta), start) {
			t.Errorf("meta of %s holds the start of its body %q, want the body stored once", d.ID, start)
		}
	}
	var hits []Hit
	for _, r := range []Request{{}, {Query: "title:drinking", Highlight: true}, {Query: "title:alibaba"}} {
		res, err := ix.Search(t.Context(), r)
		require.NoError(t, err)
		require.NotEmpty(t, res.Hits, "hits of %+v", r)
		hits = append(hits, res.Hits...)
	}
	st, err := ix.EntityStats(t.Context(), "company:alibaba-group", EntityRequest{})
	require.NoError(t, err)
	for _, hs := range st.Latest {
		hits = append(hits, hs...)
	}
	sim, err := ix.Similar(t.Context(), idAlibaba, 10)
	require.NoError(t, err)
	hits = append(hits, sim...)
	require.Greater(t, len(hits), 12, "hits to check")
	for _, h := range hits {
		if h.Snippet != want[h.ID] || h.Warning != "" {
			t.Errorf("hit %s: snippet %q, warning %q; want %q", h.ID, h.Snippet, h.Warning, want[h.ID])
		}
	}
}
