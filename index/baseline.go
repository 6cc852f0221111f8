package index

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/newsintel/newsintel"
)

// Baseline is a Bleve index with this package's mapping that Documents
// are written to with plain Bleve batches: no validation, revision
// look-ups or locking. It is what benchmarks compare Put with; nothing
// else should use it.
type Baseline struct {
	b         bleve.Index
	lex       *lexicon
	closeOnce sync.Once
	closeErr  error
}

// OpenBaseline creates a Baseline in dir, which must not exist or be
// empty.
func OpenBaseline(dir string) (*Baseline, error) {
	b, err := bleve.NewUsing(dir, buildMapping(), scorch.Name, scorch.Name, kvConfig())
	if err != nil {
		return nil, fmt.Errorf("index: create baseline %s: %w", dir, err)
	}
	lex, err := openLexicon(dir, b)
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("index: create baseline %s: %w", dir, err)
	}
	return &Baseline{b: b, lex: lex}, nil
}

// Put writes docs and their claims as one Bleve batch.
func (bl *Baseline) Put(docs []newsintel.Document) error {
	batch := bl.b.NewBatch()
	for i := range docs {
		x, err := toIndexed(&docs[i], bl.lex)
		if err != nil {
			return err
		}
		if err := batch.Index(docs[i].ID, x); err != nil {
			return fmt.Errorf("index: baseline batch: %w", err)
		}
		// The same items as Put writes: the claims beside the document.
		claims, err := toIndexedClaims(&docs[i])
		if err != nil {
			return err
		}
		for id, c := range claims {
			if err := batch.Index(id, c); err != nil {
				return fmt.Errorf("index: baseline batch: %w", err)
			}
		}
	}
	if err := bl.lex.save(batch); err != nil {
		return err
	}
	if err := bl.b.Batch(batch); err != nil {
		return fmt.Errorf("index: baseline batch: %w", err)
	}
	return nil
}

// Close closes the Baseline; calling it again does nothing.
func (bl *Baseline) Close() error {
	bl.closeOnce.Do(func() {
		if err := bl.b.Close(); err != nil {
			bl.closeErr = fmt.Errorf("index: close baseline: %w", err)
		}
		if err := bl.lex.close(); err != nil && bl.closeErr == nil {
			bl.closeErr = fmt.Errorf("index: close baseline lexicon: %w", err)
		}
	})
	return bl.closeErr
}
