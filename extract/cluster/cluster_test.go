package cluster

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func storyDoc(t *testing.T, name string) newsintel.Document {
	t.Helper()
	for _, s := range loadStories(t) {
		if s.doc.ID == name {
			return s.doc
		}
	}
	t.Fatalf("no story %s", name)
	return newsintel.Document{}
}

func assign(t *testing.T, a *Assigner, doc newsintel.Document) (newsintel.Document, Info) {
	t.Helper()
	info, err := a.Assign(t.Context(), &doc)
	require.NoError(t, err)
	return doc, info
}

func TestExactDuplicateAndReplay(t *testing.T) {
	a := New(NewMemStore())
	orig, _ := assign(t, a, storyDoc(t, "c04-a"))
	if orig.Cluster != "c04-a" {
		t.Fatalf("first document's cluster = %q, want its own ID", orig.Cluster)
	}
	dup := storyDoc(t, "c04-a")
	dup.ID, dup.Title = "copy-on-another-site", "A different headline"
	dup, _ = assign(t, a, dup)
	if dup.Cluster != "c04-a" {
		t.Errorf("exact copy's cluster = %q, want c04-a", dup.Cluster)
	}
	again, _ := assign(t, a, storyDoc(t, "c04-a"))
	if again.Cluster != "c04-a" {
		t.Errorf("replayed document's cluster = %q, want c04-a", again.Cluster)
	}
}

// TestFirstIsEarliest checks that a cluster keeps its ID when an earlier
// copy arrives late (a backfill), and records that copy as its first.
func TestFirstIsEarliest(t *testing.T) {
	a := New(NewMemStore())
	late, info := assign(t, a, storyDoc(t, "c10-b"))
	if info.FirstID != "c10-b" {
		t.Fatalf("first = %q, want c10-b", info.FirstID)
	}
	early, info := assign(t, a, storyDoc(t, "c10-a")) // published 2 hours before c10-b
	if early.Cluster != late.Cluster {
		t.Fatalf("early copy in cluster %q, want %q", early.Cluster, late.Cluster)
	}
	if info.FirstID != "c10-a" || !info.FirstPublished.Equal(early.Published) {
		t.Errorf("first = %s at %v, want c10-a at %v", info.FirstID, info.FirstPublished, early.Published)
	}
	got, err := a.Info(t.Context(), late.Cluster)
	require.NoError(t, err)
	if got.Cluster != "c10-b" || got.FirstID != "c10-a" {
		t.Errorf("Info = %+v, want cluster c10-b with first c10-a", got)
	}
}

func TestEmptyBodyIsOwnCluster(t *testing.T) {
	a := New(NewMemStore())
	for _, id := range []string{"empty-1", "empty-2"} {
		doc, _ := assign(t, a, newsintel.Document{ID: id, Title: "Photo gallery"})
		if doc.Cluster != id {
			t.Errorf("%s: cluster = %q, want its own ID", id, doc.Cluster)
		}
	}
}

// TestConcurrentCopiesConverge runs two workers, over one store that
// yields between calls so that they interleave, on two copies of one story
// at the same moment: they must end in one cluster, whichever wins.
func TestConcurrentCopiesConverge(t *testing.T) {
	pairs := [][2]string{{"c08-a", "c08-a"}, {"c08-a", "c08-b"}, {"c08-c", "c08-e"}, {"c08-b", "c08-d"}}
	docs := map[string]newsintel.Document{}
	for _, s := range loadStories(t) {
		docs[s.doc.ID] = s.doc
	}
	for round := range 100 {
		store := &slowStore{MemStore: NewMemStore()}
		workers := []*Assigner{New(store), New(store)}
		pair := pairs[round%len(pairs)]
		var wg sync.WaitGroup
		var clusters [2]string
		for i := range 2 {
			wg.Go(func() {
				doc := docs[pair[i]]
				doc.ID = fmt.Sprintf("r%d-copy-%d", round, i)
				if _, err := workers[i].Assign(context.Background(), &doc); err != nil {
					t.Errorf("Assign %s: %v", doc.ID, err)
				}
				clusters[i] = doc.Cluster
			})
		}
		wg.Wait()
		if clusters[0] != clusters[1] || clusters[0] == "" {
			t.Fatalf("round %d (%v): clusters %q and %q, want one", round, pair, clusters[0], clusters[1])
		}
	}
}

// slowStore yields in every call so that racing writers interleave.
type slowStore struct{ *MemStore }

func (s *slowStore) Get(ctx context.Context, key string) ([]byte, uint64, error) {
	runtime.Gosched()
	return s.MemStore.Get(ctx, key)
}

func (s *slowStore) Put(ctx context.Context, key string, v []byte, rev uint64) error {
	runtime.Gosched()
	return s.MemStore.Put(ctx, key, v, rev)
}

// failStore fails every call, as a store whose server went away.
type failStore struct{}

func (failStore) Get(context.Context, string) ([]byte, uint64, error) {
	return nil, 0, errors.New("connection closed")
}
func (failStore) Put(context.Context, string, []byte, uint64) error {
	return errors.New("connection closed")
}

func TestStoreErrorIsReturned(t *testing.T) {
	doc := storyDoc(t, "c01-a")
	if _, err := New(failStore{}).Assign(t.Context(), &doc); err == nil {
		t.Error("Assign over a failing store = nil error, want the store's error")
	}
}

func TestMemStoreConflict(t *testing.T) {
	s := NewMemStore()
	require.NoError(t, s.Put(t.Context(), "k", []byte("1"), 0))
	if err := s.Put(t.Context(), "k", []byte("2"), 0); !errors.Is(err, ErrConflict) {
		t.Errorf("create over an existing key: err = %v, want ErrConflict", err)
	}
	_, rev, _ := s.Get(t.Context(), "k")
	require.NoError(t, s.Put(t.Context(), "k", []byte("2"), rev))
	if err := s.Put(t.Context(), "k", []byte("3"), rev); !errors.Is(err, ErrConflict) {
		t.Errorf("update at a stale revision: err = %v, want ErrConflict", err)
	}
}

// TestShortBriefsWithSharedBoilerplate checks that two different short
// wire briefs ending in the same agency notice are not one story, while a
// copy of one of them with another site's notice is.
func TestShortBriefsWithSharedBoilerplate(t *testing.T) {
	notice := " Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission."
	fire := "A fire at a recycling plant in northern Ohio sent thick black smoke over nearby neighborhoods on Sunday, and officials told residents within a mile to stay indoors with their windows closed. No injuries were reported."
	bank := "A regional bank in Georgia agreed to pay $3 million to settle federal claims that it steered Black and Hispanic borrowers away from its mortgage offices, the Justice Department said Tuesday. The bank denied wrongdoing."
	a := New(NewMemStore())
	d1, _ := assign(t, a, newsintel.Document{ID: "fire", Body: fire + notice})
	d2, _ := assign(t, a, newsintel.Document{ID: "bank", Body: bank + notice})
	if d2.Cluster == d1.Cluster {
		t.Errorf("different briefs with one notice share cluster %q", d1.Cluster)
	}
	d3, _ := assign(t, a, newsintel.Document{ID: "fire-copy", Body: fire + " Distributed by the Ohio News Service."})
	if d3.Cluster != d1.Cluster {
		t.Errorf("copy of the fire brief in cluster %q, want %q", d3.Cluster, d1.Cluster)
	}
}

// TestExcerptOfLongStory checks that a site running the first paragraphs
// of a long story joins its cluster although their Jaccard similarity is
// low: the excerpt is contained in the story.
func TestExcerptOfLongStory(t *testing.T) {
	long := storyDoc(t, "c01-a")
	for _, id := range []string{"c14-a", "c09-a", "c15-a"} {
		long.Body += "\n\n" + storyDoc(t, id).Body // a long analysis opening with the c01 story
	}
	a := New(NewMemStore())
	long, _ = assign(t, a, long)
	excerpt := storyDoc(t, "c01-c")
	excerpt, _ = assign(t, a, excerpt)
	if excerpt.Cluster != long.Cluster {
		t.Errorf("excerpt in cluster %q, want the long story's %q", excerpt.Cluster, long.Cluster)
	}
}
