package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/newsintel/newsintel"
)

// Put upserts docs by ID, in Bleve batches of Options.BatchSize, and returns
// once every batch is persisted. A document replaces the indexed one with
// the same ID unless the indexed one has a higher Revision (a late,
// older revision does not replace it, but takes its place in the history
// of the document's claims, see Revisions); within docs the highest
// revision of an ID wins. A document without a revision number counts as
// revision 1; an indexed document that cannot be read is replaced. It
// returns an EINVALID error, before writing anything, when a document has
// an invalid ID or kind. It is safe for concurrent use; Puts
// are serialised.
func (ix *Index) Put(ctx context.Context, docs []newsintel.Document) error {
	if err := validateDocs(docs); err != nil {
		return err
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	for start := 0; start < len(docs); start += ix.opts.BatchSize {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := min(start+ix.opts.BatchSize, len(docs))
		if err := ix.putBatch(ctx, docs[start:end]); err != nil {
			return err
		}
	}
	return nil
}

func validateDocs(docs []newsintel.Document) error {
	for i := range docs {
		d := &docs[i]
		if !newsintel.ValidID(d.ID) {
			return newsintel.Errorf(newsintel.EINVALID,
				"document %d has ID %q; IDs are 1 to 128 letters, digits, '-' or '_'", i, d.ID)
		}
		if !d.Kind.Valid() {
			return newsintel.Errorf(newsintel.EINVALID,
				"document %s has kind %q; use article, filing or notice", d.ID, d.Kind)
		}
	}
	return nil
}

// putBatch writes one batch: the newest revision of each ID, skipping those
// older than what the index holds.
func (ix *Index) putBatch(ctx context.Context, docs []newsintel.Document) error {
	newest := newestByID(docs)
	indexed, err := ix.revisions(ctx, newest)
	if err != nil {
		return err
	}
	b := ix.bleve.NewBatch()
	var write []*newsintel.Document
	for id, d := range newest {
		if rev, ok := indexed[id]; ok && max(rev, 1) > max(d.Revision, 1) {
			ix.log.Debug("older revision dropped", "doc_id", id, "revision", d.Revision, "indexed_revision", rev)
			continue
		}
		write = append(write, d)
	}
	for i, words := range encodeBodies(ix.lex, write) {
		x, err := toIndexedBody(write[i], words, ix.lex)
		if err != nil {
			return err
		}
		if err := addWithSeqs(b, ix.bleve.Mapping(), write[i].ID, x); err != nil {
			return err
		}
	}
	// Every revision goes to the claims' history, a late one too.
	if err := ix.putClaims(ctx, b, docs, indexed); err != nil {
		return err
	}
	if b.Size() == 0 {
		return nil
	}
	// The words the batch's bodies use are on disk before it (see
	// lexicon_file.go).
	if err := ix.lex.save(b); err != nil {
		return err
	}
	if err := ix.commit(b); err != nil {
		return fmt.Errorf("index: write batch of %d: %w", b.Size(), err)
	}
	return nil
}

// newestByID keeps the highest revision of each ID; on a tie the later one.
// A document without a revision number counts as revision 1, as in the
// history of its claims (see logRevision), so that the indexed document
// is the newest revision of that history.
func newestByID(docs []newsintel.Document) map[string]*newsintel.Document {
	out := make(map[string]*newsintel.Document, len(docs))
	for i := range docs {
		d := &docs[i]
		if prev, ok := out[d.ID]; !ok || max(d.Revision, 1) >= max(prev.Revision, 1) {
			out[d.ID] = d
		}
	}
	return out
}

// revisions returns the indexed revision of those IDs of docs the index
// already holds; 0 for one whose stored document cannot be read.
func (ix *Index) revisions(ctx context.Context, docs map[string]*newsintel.Document) (map[string]int, error) {
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldMeta}
	req.Score = "none"
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: look up revisions: %w", err)
	}
	out := make(map[string]int, len(res.Hits))
	for _, h := range res.Hits {
		s, _ := h.Fields[fieldMeta].(string)
		d, err := storedMeta(s)
		if err != nil {
			// Revision 0: whatever revision replaces it.
			ix.log.Warn("stored document cannot be read; it is replaced", "doc_id", h.ID, "err", err)
			out[h.ID] = 0
			continue
		}
		out[h.ID] = d.Revision
	}
	return out, nil
}

// Get returns the document with the given ID as it was indexed, or an
// ENOTFOUND error. It is safe for concurrent use.
func (ix *Index) Get(ctx context.Context, id string) (*newsintel.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc, err := ix.bleve.Document(id)
	if err != nil {
		return nil, fmt.Errorf("index: get %s: %w", id, err)
	}
	if doc == nil {
		return nil, newsintel.Errorf(newsintel.ENOTFOUND, "no document with ID %q", id)
	}
	f := map[string]string{}
	doc.VisitFields(func(field index.Field) {
		if tf, ok := field.(index.TextField); ok {
			f[field.Name()] = tf.Text()
		}
	})
	if f[fieldMeta] == "" {
		return nil, fmt.Errorf("index: get %s: stored document is missing", id)
	}
	d, err := decodeStored(ix.lex, f[fieldTitle], f[fieldMeta], f[fieldBodyWords], f[fieldPacked])
	if err != nil {
		return nil, fmt.Errorf("index: get %s: %w", id, err)
	}
	return d, nil
}
