package index

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestSimilar(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := loadDocs(t)
	alibaba := docByID(t, docs, idAlibaba)
	// A follow-up story on the same review, told in other words.
	follow := newsintel.Document{
		ID: "follow-up", Kind: newsintel.KindArticle, Source: "apnews", Revision: 1,
		Title:    "Commerce Department widens review of Alibaba cloud services",
		Body:     "The Commerce Department is widening its national security review of Alibaba's cloud computing business, officials said, examining how the company stores data of U.S. customers and whether Chinese authorities could gain access to it.",
		Mentions: alibaba.Mentions[:2],
	}
	require.NoError(t, ix.Put(t.Context(), append(docs, follow)))

	hits, err := ix.Similar(t.Context(), idAlibaba, 3)
	require.NoError(t, err)
	ids := hitsIDs(hits)
	if len(ids) == 0 || ids[0] != "follow-up" {
		t.Errorf("Similar(%s) = %v, want the follow-up story first", idAlibaba, ids)
	}
	if slices.Contains(ids, idAlibaba) {
		t.Errorf("Similar(%s) = %v, holds the document itself", idAlibaba, ids)
	}
	if len(ids) > 3 {
		t.Errorf("Similar with size 3 returned %d hits", len(ids))
	}
	for _, h := range hits {
		if h.Title == "" || h.Kind == "" || h.Score <= 0 {
			t.Errorf("similar hit %+v lacks a title, kind or score", h)
		}
	}
}

func TestSimilarRefusals(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		id   string
		size int
		code string
	}{
		{"no-such-doc", 5, newsintel.ENOTFOUND},
		{idAlibaba, -1, newsintel.EINVALID},
		{idAlibaba, 1000, newsintel.EINVALID},
	}
	for _, tt := range tests {
		_, err := ix.Similar(t.Context(), tt.id, tt.size)
		if got := newsintel.ErrorCode(err); got != tt.code {
			t.Errorf("Similar(%q, %d): error %v (code %q), want code %q", tt.id, tt.size, err, got, tt.code)
		}
	}
}

func TestSimilarDefaultSize(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := synthDocs(40, 3)
	require.NoError(t, ix.Put(t.Context(), docs))
	hits, err := ix.Similar(t.Context(), docs[0].ID, 0)
	require.NoError(t, err)
	if len(hits) != DefaultSize {
		t.Errorf("Similar with size 0 returned %d hits, want %d", len(hits), DefaultSize)
	}
	for _, h := range hits {
		if h.ID == docs[0].ID {
			t.Errorf("Similar(%s) holds the document itself: %v", docs[0].ID, fmt.Sprint(hitsIDs(hits)))
		}
	}
}
