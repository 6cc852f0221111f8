package extract

import (
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestTextKeepsHeadlineClaims(t *testing.T) {
	x := New(nil)
	tests := []struct {
		name, text, wantBody string
		wantSource           newsintel.SourceType
	}{
		{"headline alone", "Alibaba cloud faces US probe - sources\n", "Alibaba cloud faces US probe - sources", newsintel.SourceAnonymous},
		{"headline and paragraph", "Alibaba cloud faces US probe - sources\n\nThe Commerce Department is reviewing Alibaba, two officials said.\n",
			"Alibaba cloud faces US probe - sources\n\nThe Commerce Department", newsintel.SourceAnonymous},
		{"one sentence", "According to three people familiar with the matter, the Commerce Department is reviewing Alibaba.",
			"According to three people", newsintel.SourceAnonymous},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(t.Context(), newsintel.Raw{ID: "t1", Kind: newsintel.KindArticle, ContentType: "text/plain", Body: []byte(tt.text)})
			require.NoError(t, err)
			if !strings.HasPrefix(doc.Body, tt.wantBody) {
				t.Errorf("body = %q, want it to start with %q", doc.Body, tt.wantBody)
			}
			if len(doc.Claims) == 0 || doc.Claims[0].Source.Type != tt.wantSource {
				t.Errorf("claims = %+v, want the first from a %s source", doc.Claims, tt.wantSource)
			}
		})
	}
}

func TestExtractRefusesBinary(t *testing.T) {
	_, err := New(nil).Extract(t.Context(), newsintel.Raw{ID: "b1", Kind: newsintel.KindArticle, ContentType: "text/html", Body: []byte("\x00\x01\x02binary\x00")})
	if newsintel.ErrorCode(err) != newsintel.EINVALID {
		t.Errorf("binary body: err = %v, want an EINVALID error", err)
	}
}

func TestRootCanonicalIsIgnored(t *testing.T) {
	page := `<html><head><title>Story</title><link rel="canonical" href="https://news.example/"></head><body><article><h1>Story</h1><p>The port board approved the contract on Tuesday after a long debate about costs and schedules for the dredging work.</p></article></body></html>`
	const u = "https://news.example/2024/03/05/port"
	doc, err := New(nil).Extract(t.Context(), newsintel.Raw{ID: "r1", Kind: newsintel.KindArticle, URL: u, ContentType: "text/html", Body: []byte(page)})
	require.NoError(t, err)
	if doc.ID != newsintel.ArticleID(u) || doc.CanonicalURL != u {
		t.Errorf("ID %s canonical %s, want the fetched URL's (the declared canonical is the site root)", doc.ID, doc.CanonicalURL)
	}
}
