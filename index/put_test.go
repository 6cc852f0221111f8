package index

import (
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestPutGetRoundTrip(t *testing.T) {
	ix := loaded(t)
	for _, want := range loadDocs(t) {
		got, err := ix.Get(t.Context(), want.ID)
		require.NoError(t, err, want.ID)
		require.Equal(t, want, *got, "Get(%s) differs from the document put", want.ID)
	}
	n, err := ix.Count()
	require.NoError(t, err)
	if n != 8 {
		t.Errorf("Count() = %d, want 8", n)
	}
}

func TestGetMissing(t *testing.T) {
	ix := loaded(t)
	_, err := ix.Get(t.Context(), "no-such-id")
	if got := newsintel.ErrorCode(err); got != newsintel.ENOTFOUND {
		t.Errorf("Get(no-such-id) code = %q (%v), want %q", got, err, newsintel.ENOTFOUND)
	}
}

func TestPutUpsertsByID(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	d := docByID(t, loadDocs(t), idPFAS)
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	d.Title = "EPA finalizes limits on forever chemicals"
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))

	n, err := ix.Count()
	require.NoError(t, err)
	if n != 1 {
		t.Errorf("Count() after putting one ID twice = %d, want 1", n)
	}
	got, err := ix.Get(t.Context(), idPFAS)
	require.NoError(t, err)
	if got.Title != d.Title {
		t.Errorf("title after upsert = %q, want %q", got.Title, d.Title)
	}
	res, err := ix.Search(t.Context(), Request{Query: "finalizes"})
	require.NoError(t, err)
	if res.Total != 1 {
		t.Errorf("search for the new title word found %d, want 1", res.Total)
	}
}

func TestPutRevisionOrder(t *testing.T) {
	base := docByID(t, loadDocs(t), idBoeing)
	rev := func(n int, title string) newsintel.Document {
		d := base
		d.Revision, d.Title = n, title
		return d
	}
	tests := []struct {
		name    string
		batches [][]newsintel.Document
		want    string
	}{
		{"newer replaces older", [][]newsintel.Document{{rev(1, "one")}, {rev(2, "two")}}, "two"},
		{"late older does not overwrite", [][]newsintel.Document{{rev(3, "three")}, {rev(2, "two")}}, "three"},
		{"same revision replaces", [][]newsintel.Document{{rev(2, "two")}, {rev(2, "two again")}}, "two again"},
		{"newest within one batch wins", [][]newsintel.Document{{rev(2, "two"), rev(1, "one")}}, "two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, _ := openTemp(t, Options{})
			for _, b := range tt.batches {
				require.NoError(t, ix.Put(t.Context(), b))
			}
			got, err := ix.Get(t.Context(), idBoeing)
			require.NoError(t, err)
			if got.Title != tt.want {
				t.Errorf("title = %q, want %q", got.Title, tt.want)
			}
		})
	}
}

func TestPutRejectsInvalidDocuments(t *testing.T) {
	good := docByID(t, loadDocs(t), idPFAS)
	badID, badKind := good, good
	badID.ID = "has spaces/and slashes"
	badKind.ID, badKind.Kind = "other-id", "tweet"
	for name, d := range map[string]newsintel.Document{"bad id": badID, "bad kind": badKind} {
		t.Run(name, func(t *testing.T) {
			ix, _ := openTemp(t, Options{})
			err := ix.Put(t.Context(), []newsintel.Document{good, d})
			if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
				t.Fatalf("Put code = %q (%v), want %q", got, err, newsintel.EINVALID)
			}
			n, err := ix.Count()
			require.NoError(t, err)
			if n != 0 {
				t.Errorf("Count() after a rejected batch = %d, want 0", n)
			}
		})
	}
}

func TestPutManyBatches(t *testing.T) {
	ix, _ := openTemp(t, Options{BatchSize: 3})
	docs := synthDocs(50, 7)
	require.NoError(t, ix.Put(t.Context(), docs))
	n, err := ix.Count()
	require.NoError(t, err)
	if n != 50 {
		t.Errorf("Count() = %d, want 50", n)
	}
}

func TestPutWhileSearching(t *testing.T) {
	ix, _ := openTemp(t, Options{BatchSize: 20})
	docs := synthDocs(200, 3)
	done := make(chan error, 1)
	go func() { done <- ix.Put(t.Context(), docs) }()
	for range 20 {
		if _, err := ix.Search(t.Context(), Request{Query: "regulators", Facets: []string{"company"}}); err != nil {
			t.Fatalf("search during Put: %v", err)
		}
	}
	require.NoError(t, <-done)
	n, err := ix.Count()
	require.NoError(t, err)
	if n != 200 {
		t.Errorf("Count() = %d, want 200", n)
	}
}
