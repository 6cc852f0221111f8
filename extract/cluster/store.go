package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
)

// memberList is the members under one key and the key's revision.
type memberList struct {
	members []member
	rev     uint64
}

func (a *Assigner) members(ctx context.Context, key string) (memberList, error) {
	v, rev, err := a.store.Get(ctx, key)
	if err != nil || v == nil {
		return memberList{rev: rev}, err
	}
	var ms []member
	if err := json.Unmarshal(v, &ms); err != nil {
		// A corrupt list only loses candidates; it is rewritten below.
		ms = nil
	}
	return memberList{members: ms, rev: rev}, nil
}

// file puts m under key unless it is there already with its cluster,
// replacing an older entry of the same document and keeping the newest
// maxMembers.
func (a *Assigner) file(ctx context.Context, key string, l memberList, m member) error {
	out := make([]member, 0, len(l.members)+1)
	for _, x := range l.members {
		if x.ID == m.ID {
			if x.Cluster == m.Cluster {
				return nil
			}
			continue
		}
		out = append(out, x)
	}
	out = append(out, m)
	if len(out) > maxMembers {
		out = out[len(out)-maxMembers:]
	}
	v, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return a.store.Put(ctx, key, v, l.rev)
}

// record returns the stored record of a document, nil when there is none.
func (a *Assigner) record(ctx context.Context, id string) (*record, error) {
	v, _, err := a.store.Get(ctx, "doc."+id)
	if err != nil || v == nil {
		return nil, err
	}
	var r record
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, nil // corrupt: treated as unknown and rewritten
	}
	return &r, nil
}

// putRecord stores rec, replacing any earlier record of the document.
func (a *Assigner) putRecord(ctx context.Context, rec record) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < maxAttempts; attempt++ {
		_, rev, err := a.store.Get(ctx, "doc."+rec.ID)
		if err != nil {
			return err
		}
		if err = a.store.Put(ctx, "doc."+rec.ID, v, rev); !errors.Is(err, ErrConflict) {
			return err
		}
	}
	return fmt.Errorf("record %s: %w", rec.ID, ErrConflict)
}

// noteFirst records rec as its cluster's first document when the cluster
// has none yet or rec was published earlier, and returns the cluster's
// Info.
func (a *Assigner) noteFirst(ctx context.Context, rec record) (Info, error) {
	key := "first." + rec.Cluster
	mine := Info{Cluster: rec.Cluster, FirstID: rec.ID, FirstPublished: rec.Published}
	for attempt := 0; attempt < maxAttempts; attempt++ {
		v, rev, err := a.store.Get(ctx, key)
		if err != nil {
			return Info{}, fmt.Errorf("cluster %s: %w", rec.Cluster, err)
		}
		var cur Info
		if v != nil && json.Unmarshal(v, &cur) == nil && !earlier(mine, cur) {
			return cur, nil
		}
		nv, err := json.Marshal(mine)
		if err != nil {
			return Info{}, err
		}
		err = a.store.Put(ctx, key, nv, rev)
		if err == nil {
			return mine, nil
		}
		if !errors.Is(err, ErrConflict) {
			return Info{}, fmt.Errorf("cluster %s: %w", rec.Cluster, err)
		}
	}
	return Info{}, fmt.Errorf("cluster %s: first record: %w", rec.Cluster, ErrConflict)
}

// earlier reports whether x should be the first document rather than cur:
// published earlier (a known time beats an unknown one), ties to the
// smaller ID.
func earlier(x, cur Info) bool {
	switch {
	case x.FirstID == cur.FirstID:
		return false
	case cur.FirstPublished.IsZero() != x.FirstPublished.IsZero():
		return cur.FirstPublished.IsZero()
	case !x.FirstPublished.Equal(cur.FirstPublished):
		return x.FirstPublished.Before(cur.FirstPublished)
	}
	return x.FirstID < cur.FirstID
}

// MemStore is a Store in memory, for one process (`newsintel extract`) and
// tests. It is safe for concurrent use.
type MemStore struct {
	mu   sync.Mutex
	data map[string]memValue
	rev  uint64
}

type memValue struct {
	v   []byte
	rev uint64
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore { return &MemStore{data: map[string]memValue{}} }

// Get implements Store.
func (s *MemStore) Get(_ context.Context, key string) ([]byte, uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.data[key]
	return e.v, e.rev, nil
}

// Put implements Store.
func (s *MemStore) Put(_ context.Context, key string, value []byte, rev uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data[key].rev != rev {
		return fmt.Errorf("%s: %w", key, ErrConflict)
	}
	s.rev++
	s.data[key] = memValue{v: value, rev: s.rev}
	return nil
}
