package index

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
)

// nextRevision returns revision rev of d: its first claim dropped and its
// second one edited, as a newsroom would.
func nextRevision(d newsintel.Document, rev int) newsintel.Document {
	d.Revision = rev
	d.Fetched = d.Fetched.Add(24 * time.Hour * time.Duration(rev-1))
	if len(d.Claims) > 1 {
		d.Claims = append([]newsintel.Claim(nil), d.Claims[1:]...)
		d.Claims[0].Text += fmt.Sprintf(", edit %d", rev)
	}
	return d
}

// BenchmarkPutRevision re-indexes documents the index holds as their next
// revision (one claim dropped, one edited): each op is one batch of 100
// of 2 000 synthetic documents, so the claims' history is read and
// written each time.
//
//	go test -run '^$' -bench BenchmarkPutRevision -benchmem ./index/
func BenchmarkPutRevision(b *testing.B) {
	pool := synthDocs(2000, 42)
	ix, err := Open(filepath.Join(b.TempDir(), "ix"), Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Put(b.Context(), pool); err != nil {
		b.Fatal(err)
	}
	batch := make([]newsintel.Document, benchBatch)
	n := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		for j := range batch {
			k := i*benchBatch + j
			batch[j] = nextRevision(pool[k%len(pool)], 2+k/len(pool))
		}
		b.StartTimer()
		if err := ix.Put(b.Context(), batch); err != nil {
			b.Fatal(err)
		}
		n += benchBatch
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIndexSize writes 2 000 synthetic documents, then a second
// revision of each, and reports the bytes the index takes on disk per
// document after each (claims and their history included).
//
//	go test -run '^$' -bench BenchmarkIndexSize -benchtime 1x ./index/
func BenchmarkIndexSize(b *testing.B) {
	pool := synthDocs(2000, 42)
	var first, second int64
	for b.Loop() {
		dir := filepath.Join(b.TempDir(), "ix")
		for rev := 1; rev <= 2; rev++ {
			ix, err := Open(dir, Options{}, nil)
			if err != nil {
				b.Fatal(err)
			}
			docs := pool
			if rev > 1 {
				docs = make([]newsintel.Document, len(pool))
				for i := range pool {
					docs[i] = nextRevision(pool[i], rev)
				}
			}
			if err := ix.Put(b.Context(), docs); err != nil {
				b.Fatal(err)
			}
			if err := ix.Close(); err != nil { // persist everything before measuring
				b.Fatal(err)
			}
			size := treeSize(b, dir)
			if rev == 1 {
				first = size
			} else {
				second = size
			}
		}
	}
	b.ReportMetric(float64(first)/float64(len(pool)), "bytes/doc")
	b.ReportMetric(float64(second)/float64(len(pool)), "bytes/doc@rev2")
}

// treeSize is the size of the files under dir.
func treeSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkReplayEdits follows 500 claims through a revision that edits
// every one of them, the most pairs matchEdits compares (maxEditPairs).
//
//	go test -run '^$' -bench BenchmarkReplayEdits -benchmem ./index/
func BenchmarkReplayEdits(b *testing.B) {
	d := newsintel.Document{ID: "big", Kind: newsintel.KindFiling, Revision: 1}
	for i := range 500 {
		d.Claims = append(d.Claims, newsintel.Claim{Text: fmt.Sprintf("Risk factor %d: our results may suffer if regulators in market %d act", i, i),
			Source: newsintel.Source{Type: newsintel.SourceDocument, Description: "the annual report"}})
	}
	d2 := d
	d2.Revision, d2.Claims = 2, slices.Clone(d.Claims)
	for i := range d2.Claims {
		d2.Claims[i].Text += " against us"
	}
	var l revisionLog
	l.add(&d)
	l.add(&d2)
	for b.Loop() {
		states, _ := l.replay(d.ID)
		if len(states) != 500 {
			b.Fatalf("replay gave %d claims, want 500 (each edited, none removed)", len(states))
		}
	}
}
