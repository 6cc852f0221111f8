package pipelines

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

func TestPublishRawDuplicateWithinWindow(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	r := testRaw(1)
	require.NoError(t, b.PublishRaw(ctx, r))
	require.NoError(t, b.PublishRaw(ctx, r), "republish")
	if got := streamMsgs(t, b, StreamRaw); got != 1 {
		t.Errorf("same raw published twice: got %d messages, want 1", got)
	}
	r.Body = append(r.Body, " changed"...)
	require.NoError(t, b.PublishRaw(ctx, r), "publish changed body")
	if got := streamMsgs(t, b, StreamRaw); got != 2 {
		t.Errorf("after a changed body: got %d messages, want 2", got)
	}
	m := getMsg(t, b, StreamRaw, 1)
	if want := "raw.article.example-news"; m.Subject != want {
		t.Errorf("raw subject: got %q, want %q", m.Subject, want)
	}
}

func TestPublishDocDuplicate(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	d := testDoc(1)
	require.NoError(t, b.PublishDoc(ctx, d))
	require.NoError(t, b.PublishDoc(ctx, d), "republish")
	if got := streamMsgs(t, b, StreamDocs); got != 1 {
		t.Errorf("same doc published twice: got %d messages, want 1", got)
	}
	d.Revision = 2
	require.NoError(t, b.PublishDoc(ctx, d), "publish revision 2")
	if got := streamMsgs(t, b, StreamDocs); got != 2 {
		t.Errorf("after revision 2: got %d messages, want 2", got)
	}
	if got := getMsg(t, b, StreamDocs, 1).Subject; got != "docs.article" {
		t.Errorf("doc subject: got %q, want docs.article", got)
	}
}

func TestPublishRejectsBadInput(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	tests := []struct {
		name string
		err  error
	}{
		{"raw bad id", b.PublishRaw(ctx, newsintel.Raw{ID: "a.b", Kind: newsintel.KindArticle})},
		{"raw bad kind", b.PublishRaw(ctx, newsintel.Raw{ID: "abc", Kind: "video"})},
		{"doc bad id", b.PublishDoc(ctx, &newsintel.Document{ID: "", Kind: newsintel.KindFiling})},
		{"doc nil", b.PublishDoc(ctx, nil)},
	}
	for _, tt := range tests {
		if got := newsintel.ErrorCode(tt.err); got != newsintel.EINVALID {
			t.Errorf("%s: got code %q (%v), want %q", tt.name, got, tt.err, newsintel.EINVALID)
		}
	}
}

func TestLargeBodyRoundTripsThroughObjectStore(t *testing.T) {
	_, b := newTestBus(t)
	ctx := t.Context()
	r := testRaw(2)
	r.Kind, r.ID, r.Source = newsintel.KindFiling, newsintel.FilingID("0001577552-21-000045"), "SEC EDGAR"
	r.Body = bytes.Repeat([]byte("Item 1A. Risk Factors. Our business is subject to risks. "), 60_000) // ~3.4 MB
	require.NoError(t, b.PublishRaw(ctx, r))

	m := getMsg(t, b, StreamRaw, 1)
	if len(m.Data) > 64<<10 {
		t.Errorf("raw message with an offloaded body: got %d bytes, want under 64 KiB", len(m.Data))
	}
	var got newsintel.Raw
	require.NoError(t, json.Unmarshal(m.Data, &got))
	if got.BodyRef == "" || len(got.Body) != 0 {
		t.Fatalf("message: got body_ref %q and %d body bytes, want a ref and no body", got.BodyRef, len(got.Body))
	}
	require.NoError(t, b.LoadBody(ctx, &got))
	if !bytes.Equal(got.Body, r.Body) || got.BodyRef != "" {
		t.Errorf("LoadBody: got %d bytes, ref %q; want %d bytes, no ref", len(got.Body), got.BodyRef, len(r.Body))
	}
	if len(r.Body) == 0 || r.BodyRef != "" {
		t.Errorf("PublishRaw modified its argument: body %d bytes, ref %q", len(r.Body), r.BodyRef)
	}

	missing := newsintel.Raw{ID: "x", BodyRef: "x.0000"}
	if err := b.LoadBody(ctx, &missing); !IsPermanent(err) {
		t.Errorf("LoadBody of a missing object: got %v, want a permanent error", err)
	}
}

func TestSubjectToken(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Reuters", "reuters"},
		{"Example News", "example-news"},
		{"sec.gov/edgar", "sec-gov-edgar"},
		{"a.*>b", "a-b"},
		{"  ", "unknown"},
		{"Le Monde (français)", "le-monde-fran-ais"},
		{"feeds_bbc-world", "feeds_bbc-world"},
	}
	for _, tt := range tests {
		if got := subjectToken(tt.in); got != tt.want {
			t.Errorf("subjectToken(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
