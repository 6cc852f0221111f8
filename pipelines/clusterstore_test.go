package pipelines

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/cluster"
	"github.com/stretchr/testify/require"
)

func TestClusterStoreRevisions(t *testing.T) {
	_, b := newTestBus(t)
	s, err := b.ClusterStore(t.Context())
	require.NoError(t, err)
	v, rev, err := s.Get(t.Context(), "band.01.abc")
	require.NoError(t, err)
	if v != nil || rev != 0 {
		t.Fatalf("Get of a missing key = %q rev %d, want nil rev 0", v, rev)
	}
	require.NoError(t, s.Put(t.Context(), "band.01.abc", []byte("one"), 0))
	if err := s.Put(t.Context(), "band.01.abc", []byte("two"), 0); !errors.Is(err, cluster.ErrConflict) {
		t.Errorf("Create over an existing key: err = %v, want cluster.ErrConflict", err)
	}
	v, rev, err = s.Get(t.Context(), "band.01.abc")
	require.NoError(t, err)
	require.Equal(t, "one", string(v))
	require.NoError(t, s.Put(t.Context(), "band.01.abc", []byte("two"), rev))
	if err := s.Put(t.Context(), "band.01.abc", []byte("three"), rev); !errors.Is(err, cluster.ErrConflict) {
		t.Errorf("Update at a stale revision: err = %v, want cluster.ErrConflict", err)
	}
}

// TestClusterStoreWorkersConverge runs two assigners, as two extract
// workers would, on copies of one wire story at once over the JetStream
// bucket: every copy must land in one cluster, and an unrelated story in
// another.
func TestClusterStoreWorkersConverge(t *testing.T) {
	_, b := newTestBus(t)
	s, err := b.ClusterStore(t.Context())
	require.NoError(t, err)
	workers := []*cluster.Assigner{cluster.New(s), cluster.New(s)}
	body := strings.Repeat("The Commerce Department is reviewing the cloud business of a Chinese company to decide whether it poses a risk to national security, three people briefed on the matter said. ", 3) +
		"The review is focused on how the company stores the data of American clients and whether Beijing could gain access to it."
	docs := make([]newsintel.Document, 6)
	var wg sync.WaitGroup
	for i := range docs {
		wg.Go(func() {
			docs[i] = newsintel.Document{ID: fmt.Sprintf("copy-%d", i), Body: body + fmt.Sprintf(" Site boilerplate number %d.", i)}
			if _, err := workers[i%2].Assign(t.Context(), &docs[i]); err != nil {
				t.Errorf("Assign copy-%d: %v", i, err)
			}
		})
	}
	wg.Wait()
	for i := range docs {
		if docs[i].Cluster != docs[0].Cluster || docs[i].Cluster == "" {
			t.Errorf("copy-%d in cluster %q, copy-0 in %q", i, docs[i].Cluster, docs[0].Cluster)
		}
	}
	other := newsintel.Document{ID: "other", Body: "Oil prices rose more than 3% on Monday after a drone attack damaged a processing facility in eastern Saudi Arabia, raising concerns about supply."}
	_, err = workers[0].Assign(t.Context(), &other)
	require.NoError(t, err)
	if other.Cluster != "other" {
		t.Errorf("unrelated story in cluster %q, want its own", other.Cluster)
	}
}
