// Package cluster groups near-duplicate documents — syndicated wire copy on
// twenty sites, trimmed copies, light rewrites — under one cluster ID.
//
// Each body gets a MinHash signature over its word 3-shingles
// (neardup.MinHash). The signature is cut into bands; documents sharing a
// band are candidates, and a candidate whose estimated Jaccard similarity
// reaches neardup.JaccardThreshold, or which contains most of the shorter
// body (an excerpt), or whose normalised body is identical, is the same
// story, provided they share enough shingles that a common
// boilerplate notice alone cannot make two short briefs one. A document joins the cluster of its best match, or
// starts a cluster named by its own ID. The cluster ID never changes once
// given; the cluster's first document (the earliest published) is recorded
// beside it.
//
// State lives in a Store: a small key-value interface with compare-and-set
// revisions, so that two extract workers racing on copies of one story
// converge to one cluster. MemStore serves one process and tests;
// pipelines.ClusterStore keeps it in JetStream KV.
package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/neardup"
)

// ErrConflict is returned by a Store's Put when the key's revision is no
// longer the one given.
var ErrConflict = errors.New("cluster: revision conflict")

// Store is a key-value store with revisions. Implementations are safe for
// concurrent use.
type Store interface {
	// Get returns the value under key and its revision; a missing key has
	// revision 0 and a nil value, and is not an error.
	Get(ctx context.Context, key string) (value []byte, rev uint64, err error)
	// Put stores value under key if the key's revision is still rev (0:
	// the key must not exist). It returns an error wrapping ErrConflict
	// when it is not.
	Put(ctx context.Context, key string, value []byte, rev uint64) error
}

// Bands and Rows shape the LSH index: the signature's hashes are cut into
// Bands keys of Rows hashes. Two bodies are candidates when any band
// agrees, with probability 1-(1-J^Rows)^Bands: 0.77 at Jaccard 0.15, 0.93
// at 0.2, 0.98 at 0.25. The low end matters for excerpts (five paragraphs
// of a twenty-paragraph story sit near 0.25), and clustering is
// transitive, so a weak pair usually joins through a stronger one. Each
// band is one store key: 64 reads and at most 64 writes per document.
const (
	Bands = 64
	Rows  = 2
)

// maxMembers bounds the members kept under one band key (the newest win):
// a band shared by unrelated bodies (common boilerplate) must not grow
// without end.
const maxMembers = 64

// maxAttempts bounds the retries of one assignment racing other workers.
const maxAttempts = 16

// Info describes a cluster: its ID and its first document, the earliest
// published of those seen.
type Info struct {
	Cluster        string    `json:"cluster"`
	FirstID        string    `json:"first_id"`
	FirstPublished time.Time `json:"first_published,omitzero"`
}

// member is a document filed under a band or body key.
type member struct {
	ID      string `json:"id"`
	Cluster string `json:"cluster"`
}

// record is what the store keeps about one document.
type record struct {
	ID        string    `json:"id"`
	Cluster   string    `json:"cluster"`
	BodyHash  string    `json:"body_hash,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Sig       []uint32  `json:"sig,omitempty"`
	Shingles  int       `json:"shingles,omitempty"` // word shingles of the body
}

// Assigner gives documents their cluster. It is safe for concurrent use,
// also across processes sharing one Store.
type Assigner struct {
	store     Store
	threshold float64
}

// New returns an Assigner keeping its state in store, matching at
// neardup.JaccardThreshold.
func New(store Store) *Assigner {
	return &Assigner{store: store, threshold: neardup.JaccardThreshold}
}

// Assign sets doc.Cluster: the cluster doc was given before when it was
// assigned already (replays keep their cluster), else the cluster of its
// most similar earlier document, else doc.ID. A document without words
// in its body is a cluster of its own and touches no state. It returns the
// cluster's Info, or the store's error.
func (a *Assigner) Assign(ctx context.Context, doc *newsintel.Document) (Info, error) {
	words := neardup.WordCount(doc.Body)
	if words == 0 {
		doc.Cluster = doc.ID
		return Info{Cluster: doc.ID, FirstID: doc.ID, FirstPublished: published(doc)}, nil
	}
	// The body alone, not the title: syndicated copies retitle the story.
	rec := record{ID: doc.ID, BodyHash: neardup.BodyHash(doc.Body), Published: published(doc), Sig: neardup.MinHash(doc.Body),
		Shingles: max(0, words-neardup.Shingle+1)}
	prev, err := a.record(ctx, doc.ID)
	if err != nil {
		return Info{}, err
	}
	for attempt := 0; attempt < maxAttempts; attempt++ {
		err = a.assignOnce(ctx, &rec, prev, attempt > 0)
		if !errors.Is(err, ErrConflict) {
			break
		}
	}
	if err != nil {
		return Info{}, fmt.Errorf("cluster %s: %w", doc.ID, err)
	}
	doc.Cluster = rec.Cluster
	return a.noteFirst(ctx, rec)
}

// assignOnce chooses rec's cluster and files it under its keys. It returns
// ErrConflict when another writer moved a key meanwhile: the caller reads
// again, now seeing that writer's document.
func (a *Assigner) assignOnce(ctx context.Context, rec *record, prev *record, retry bool) error {
	keys := keysOf(*rec)
	lists := make([]memberList, len(keys))
	for i, k := range keys {
		l, err := a.members(ctx, k)
		if err != nil {
			return err
		}
		lists[i] = l
	}
	switch {
	case prev != nil && prev.Cluster != "" && !retry:
		rec.Cluster = prev.Cluster // stable once given
	default:
		c, err := a.choose(ctx, *rec, lists)
		if err != nil {
			return err
		}
		rec.Cluster = c
	}
	if err := a.putRecord(ctx, *rec); err != nil {
		return err
	}
	for i, k := range keys {
		if err := a.file(ctx, k, lists[i], member{ID: rec.ID, Cluster: rec.Cluster}); err != nil {
			return err
		}
	}
	return nil
}

// choose returns the cluster of rec's best match among the candidates
// under its keys, or rec.ID when none matches. Ties go to the smaller
// cluster ID, so racing workers choose alike.
func (a *Assigner) choose(ctx context.Context, rec record, lists []memberList) (string, error) {
	best, bestSim := rec.ID, -1.0
	seen := map[string]bool{rec.ID: true}
	for i, l := range lists {
		exact := i == 0 // the body key: identical normalised bodies
		for _, m := range l.members {
			if seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			sim := 1.0
			if !exact {
				other, err := a.record(ctx, m.ID)
				if err != nil {
					return "", err
				}
				if other == nil {
					continue
				}
				sim = neardup.Jaccard(rec.Sig, other.Sig)
				if !sameStory(sim, rec.Shingles, other.Shingles, a.threshold) {
					continue
				}
			}
			if sim > bestSim || sim == bestSim && m.Cluster < best {
				best, bestSim = m.Cluster, sim
			}
		}
	}
	return best, nil
}

// minShared is the fewest word shingles two bodies must share, besides
// the Jaccard threshold, to be one story: two different short briefs
// ending in the same 17-word copyright notice share 15 shingles, which is a
// high Jaccard similarity when each has only 60.
const minShared = 25

// ContainmentThreshold is the share of the shorter body's shingles that
// must be in the longer one for an excerpt to be the same story when their
// Jaccard similarity is low: a site that runs the first five paragraphs of
// a twenty-paragraph wire story. Follow-ups that reuse a paragraph of the
// first story reached 0.41 on the fixtures; copies of one story had a copy
// at 0.54 or more.
const ContainmentThreshold = 0.6

// sameStory reports whether two bodies of na and nb shingles with
// estimated Jaccard similarity j are one story: similar enough as wholes,
// or one mostly contained in the other, and never on fewer than minShared
// shared shingles.
func sameStory(j float64, na, nb int, threshold float64) bool {
	common := shared(j, na, nb)
	if common < minShared {
		return false
	}
	return j >= threshold || common >= ContainmentThreshold*float64(min(na, nb))
}

// shared estimates the shingles two sets of sizes na and nb have in common
// from their Jaccard similarity j: |A∩B| = j(|A|+|B|)/(1+j).
func shared(j float64, na, nb int) float64 {
	return j * float64(na+nb) / (1 + j)
}

// keysOf returns the body key first, then the band keys, sorted after it:
// every writer takes shared keys in the same order, so of two racing
// writers the one that loses the first shared key reads the winner there.
func keysOf(rec record) []string {
	bands := make([]string, 0, Bands)
	for b := 0; b < Bands && (b+1)*Rows <= len(rec.Sig); b++ {
		key := fmt.Sprintf("band.%02d.", b)
		for _, v := range rec.Sig[b*Rows : (b+1)*Rows] {
			key += fmt.Sprintf("%08x", v)
		}
		bands = append(bands, key)
	}
	sort.Strings(bands)
	return append([]string{"body." + rec.BodyHash}, bands...)
}

func published(doc *newsintel.Document) time.Time {
	if !doc.Published.IsZero() {
		return doc.Published.UTC()
	}
	return doc.Fetched.UTC()
}

// Info returns what the store knows of a cluster: its first document. A
// cluster never recorded has an Info naming only itself as first.
func (a *Assigner) Info(ctx context.Context, cluster string) (Info, error) {
	v, _, err := a.store.Get(ctx, "first."+cluster)
	if err != nil || v == nil {
		return Info{Cluster: cluster, FirstID: cluster}, err
	}
	var info Info
	if err := json.Unmarshal(v, &info); err != nil {
		return Info{}, fmt.Errorf("cluster %s: first record: %w", cluster, err)
	}
	return info, nil
}
