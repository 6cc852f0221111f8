package index

import (
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// seqFields names, for each field indexed with a token sequence instead
// of term vectors (see seq.go), the stored field that holds the sequence;
// for the body, whose sequence is read from its word-coded text (see
// lexicon.go), body_words.
var seqFields = map[string]string{
	fieldBody:             fieldBodyWords,
	fieldClaimText:        fieldClaimTextSeq,
	fieldClaimDescription: fieldClaimDescSeq,
}

// seqAnalyzerName is the analyzer of the fields with sequences when they
// are indexed: fieldAnalyzer, offsets and all. They have no term
// vectors, so the offsets positionsAnalyzer zeroes would not be stored
// anyway, and the sequence keeps a few (its checkpoints).
const seqAnalyzerName = fieldAnalyzer

// addWithSeqs adds data to b as the document id, mapped by m, with the
// token sequences of its fields (see attachSeqs).
func addWithSeqs(b *bleve.Batch, m mapping.IndexMapping, id string, data any) error {
	doc := document.NewDocument(id)
	if err := m.MapDocument(doc, data); err != nil {
		return fmt.Errorf("index: add %s to batch: %w", id, err)
	}
	an := m.AnalyzerNamed(seqAnalyzerName)
	var body analysis.Analyzer
	if x, ok := data.(*indexedDoc); ok && x.lex != nil {
		body = codedBody{x.lex, []byte(x.Words), an}
	}
	attachSeqs(doc, an, body)
	unchunkDocValues(doc)
	if err := b.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("index: add %s to batch: %w", id, err)
	}
	return nil
}

// unchunkedDocValues are the entity fields analysts facet on most
// (company, agency) and the one entity pages count co-mentions from
// (entity). Their facets are counted from each hit's doc values (see
// postingFacets); Bleve keeps a field's doc values in snappy blocks of
// 1 024 documents, and claim items take most document numbers, so a facet
// of a few thousand hits decompressed about a block a hit per field. Kept
// uncompressed a document each, a hit's values are a slice of the file.
// Each such field costs, for every document number (claim items
// included), a chunk offset on disk (a uvarint of the field's bytes so
// far, 3–4 bytes) and 8 bytes of heap while a segment is open (zap
// decodes the offsets), so person, place and government keep blocks.
var unchunkedDocValues = map[string]bool{fieldEntity: true, fieldCompany: true, fieldAgency: true}

// unchunkDocValues keeps the doc values of doc's unchunkedDocValues
// fields a document each, uncompressed (zap's SkipDVChunking and
// SkipDVCompression; zap reads values chunked a document each but
// compressed with the compressed length, so both or neither).
//
// Every document written must go through here: a segment keeps a
// field's options if any of its documents set them, and zap v17's merge
// reads every segment's values with one reader, which keeps an
// uncompressed segment's mapped values as its buffer and decompresses
// the next segment's into them, a fault (or, for a segment still in
// memory, a silent overwrite) if the segments disagree. MappingVersion
// rebuilds indexes from before.
func unchunkDocValues(doc *document.Document) {
	for i, f := range doc.Fields {
		if tf, ok := f.(*document.TextField); ok && unchunkedDocValues[f.Name()] {
			opts := tf.Options() | index.SkipDVChunking | index.SkipDVCompression
			doc.Fields[i] = document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), opts, tf.Analyzer())
		}
	}
}

// attachSeqs makes each field of doc named in seqFields but the body
// write its token sequence into a stored field of its own as Bleve
// analyses it, with an, the analyzer of the field: the sequence costs no
// second analysis, and it is made in Bleve's analysis workers like the
// rest. The body, whose coded words are its sequence, reports its length
// in units (see bodyLengthUnit).
func attachSeqs(doc *document.Document, an, body analysis.Analyzer) {
	var added []document.Field
	seen := map[string]bool{}
	for i, f := range doc.Fields {
		name, ok := seqFields[f.Name()]
		tf, isText := f.(*document.TextField)
		switch {
		case !isText:
		case f.Name() == fieldBody && body != nil:
			// Its words are its sequence (see lexicon.go), and give its
			// tokens; its length counts in units (see bodyField).
			doc.Fields[i] = bodyField{document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), tf.Options(), body)}
		case f.Name() == fieldBody:
			doc.Fields[i] = bodyField{tf}
		case !ok || seen[name]:
			// A sequence is one value; the fields that have one are
			// single strings (claim text, source description).
		default:
			seen[name] = true
			sf := &seqField{name: name, arrayPositions: tf.ArrayPositions()}
			doc.Fields[i] = document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), tf.Options(), seqAnalyzer{an, sf})
			added = append(added, sf)
		}
	}
	doc.Fields = append(doc.Fields, added...)
}

// codedBody analyses a body from its coded words (see lexicon.analysis):
// the tokens an would make, without segmenting or stemming it again.
type codedBody struct {
	lex   *lexicon
	words []byte
	an    analysis.Analyzer
}

// Analyze implements analysis.Analyzer. The words were coded from text
// just before; should they not decode, an analyses text itself.
func (c codedBody) Analyze(text []byte) analysis.TokenStream {
	ts, err := c.lex.analysis(c.words)
	if err != nil {
		return c.an.Analyze(text)
	}
	return ts
}

// seqAnalyzer analyses with Analyzer and writes the sequence of the
// tokens into out.
type seqAnalyzer struct {
	analysis.Analyzer
	out *seqField
}

// Analyze implements analysis.Analyzer.
func (a seqAnalyzer) Analyze(text []byte) analysis.TokenStream {
	ts := a.Analyzer.Analyze(text)
	a.out.value = appendSeq(a.out.value[:0], ts)
	return ts
}

// seqField is a stored-only field whose value, a token sequence, is
// written when the field it describes is analysed. Bleve reads stored
// values only after it has analysed every document of a batch.
type seqField struct {
	name           string
	arrayPositions []uint64
	value          []byte
}

func (f *seqField) Name() string                                     { return f.name }
func (f *seqField) ArrayPositions() []uint64                         { return f.arrayPositions }
func (f *seqField) Options() index.FieldIndexingOptions              { return index.StoreField }
func (f *seqField) Analyze()                                         {}
func (f *seqField) Value() []byte                                    { return f.value }
func (f *seqField) NumPlainTextBytes() uint64                        { return 0 }
func (f *seqField) Size() int                                        { return 64 + cap(f.value) }
func (f *seqField) EncodedFieldType() byte                           { return 't' }
func (f *seqField) AnalyzedLength() int                              { return 0 }
func (f *seqField) AnalyzedTokenFrequencies() index.TokenFrequencies { return nil }

// storedReader reads one stored value of documents by internal ID, as a
// searcher meets them, in the index snapshot the searcher reads.
type storedReader struct {
	r       index.IndexReader
	segs    []*scorch.SegmentSnapshot // nil when r is not a scorch snapshot
	offsets []uint64                  // the first internal ID of each segment
}

func newStoredReader(r index.IndexReader) *storedReader {
	s := &storedReader{r: r}
	if is, ok := r.(*scorch.IndexSnapshot); ok {
		s.segs = is.Segments()
		var at uint64
		for _, seg := range s.segs {
			s.offsets = append(s.offsets, at)
			at += seg.Segment().Count() // as scorch numbers them: deleted documents included
		}
	}
	return s
}

// value appends to dst the stored value of field in the document with
// internal ID id; dst unchanged when the document has none.
func (s *storedReader) value(dst []byte, id index.IndexInternalID, field string) ([]byte, error) {
	visit := func(name string, _ byte, v []byte, _ []uint64) bool {
		if name == field {
			dst = append(dst, v...)
			return false
		}
		return true
	}
	if s.segs == nil {
		return s.slowValue(dst, id, field)
	}
	n := id.Value()
	i := sort.Search(len(s.offsets), func(x int) bool { return s.offsets[x] > n }) - 1
	if i < 0 {
		return dst, fmt.Errorf("index: no segment holds document number %d", n)
	}
	if err := s.segs[i].VisitDocument(n-s.offsets[i], visit); err != nil {
		return dst, fmt.Errorf("index: read stored %s of document number %d: %w", field, n, err)
	}
	return dst, nil
}

// slowValue reads through the external ID, for readers other than
// scorch's.
func (s *storedReader) slowValue(dst []byte, id index.IndexInternalID, field string) ([]byte, error) {
	ext, err := s.r.ExternalID(id)
	if err != nil {
		return dst, err
	}
	doc, err := s.r.Document(ext)
	if err != nil || doc == nil {
		return dst, err
	}
	doc.VisitFields(func(f index.Field) {
		if f.Name() == field {
			dst = append(dst, f.Value()...)
		}
	})
	return dst, nil
}

// damageReport hears of a document whose stored value in field cannot be
// read; nil discards.
type damageReport func(docID, field string, err error)

// reportDamaged logs, once per document and field while the index is
// open, that a stored value cannot be read: searches meet such a document
// again and again, and it stays damaged until it is indexed again.
func (ix *Index) reportDamaged(docID, field string, err error) {
	if _, seen := ix.damaged.LoadOrStore(docID+" "+field, true); seen {
		return
	}
	ix.log.Warn("stored value cannot be read; the document misses phrases and highlights in that field until it is indexed again",
		"doc_id", docID, "field", field, "err", err)
}
