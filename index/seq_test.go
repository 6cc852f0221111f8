package index

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

// TestSeqRoundTrip checks that a sequence gives back the positions and
// term hashes of its tokens, for gaps of every size.
func TestSeqRoundTrip(t *testing.T) {
	var ts analysis.TokenStream
	for i, pos := range []int{1, 2, 4, 7, 11, 12, 400, 70000, 70001} {
		ts = append(ts, &analysis.Token{Term: []byte{byte('a' + i), 'x'}, Position: pos})
	}
	seq := appendSeq(nil, ts)
	toks, err := decodeSeq(nil, seq)
	require.NoError(t, err)
	require.Len(t, toks, len(ts))
	for i, tok := range toks {
		if int(tok.pos) != ts[i].Position || tok.hash != termHash(ts[i].Term) {
			t.Errorf("token %d = %+v, want position %d hash %d", i, tok, ts[i].Position, termHash(ts[i].Term))
		}
	}
	if len(seq) > 2*len(ts)+2*3+2 {
		t.Errorf("sequence of %d tokens takes %d bytes, want 2 a token and a few for long gaps and the checkpoint", len(ts), len(seq))
	}
	if _, err := decodeSeq(nil, seq[:len(seq)-1]); err == nil {
		t.Error("a truncated sequence decoded without error")
	}
}

// TestSeqPhraseStarts checks phrase finding in a sequence made by the
// body's analyzer: order, stop words inside and around, repeats.
func TestSeqPhraseStarts(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	text := "The Department of Commerce said the department of the commerce office and Commerce Department of Commerce agreed."
	seq := appendSeq(nil, an.Analyze([]byte(text)))
	toks, err := decodeSeq(nil, seq)
	require.NoError(t, err)
	tests := []struct {
		phrase string
		want   []uint32
	}{
		{"department of commerce", []uint32{2, 14}},
		{"commerce department", []uint32{13}},
		{"department commerce", nil}, // "of" stands between them everywhere
		{"department of the commerce", []uint32{7}},
		{"commerce office", []uint32{10}},
	}
	for _, tt := range tests {
		p := newSeqPhrase(phraseTerms(an.Analyze([]byte(tt.phrase))))
		if got := p.starts(toks); !slices.Equal(got, tt.want) {
			t.Errorf("%q starts at %v, want %v", tt.phrase, got, tt.want)
		}
		some, err := p.tokens(nil, seq)
		require.NoError(t, err)
		if got := p.starts(some); !slices.Equal(got, tt.want) {
			t.Errorf("%q starts at %v among the tokens with its hashes, want %v", tt.phrase, got, tt.want)
		}
	}
}

// TestHighlightBodyTerms checks that body fragments mark what each kind
// of query term matched there: words, prefixes, fuzzy words, wildcards
// and phrases (only where the phrase stands).
func TestHighlightBodyTerms(t *testing.T) {
	ix := loaded(t)
	marks := regexp.MustCompile(`<mark>([^<]*)</mark>`)
	tests := []struct {
		query string
		want  string // a marked word, lower case
	}{
		{"ratepayers", "ratepayers"},
		{"ratepay*", "ratepayers"},
		{"ratepayrs~1", "ratepayers"},
		{"rat*pay", "ratepayers"},
		{`"forever chemicals"`, "chemicals"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(t.Context(), Request{Query: tt.query, Highlight: true})
			require.NoError(t, err)
			require.NotEmpty(t, res.Hits)
			var got []string
			for _, h := range res.Hits {
				for _, f := range h.Fragments[fieldBody] {
					for _, m := range marks.FindAllStringSubmatch(f, -1) {
						got = append(got, strings.ToLower(m[1]))
					}
				}
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("marked in body fragments: %q, want %q among them", got, tt.want)
			}
		})
	}
}

// TestStoredReaderReadsSegments checks that phrase checks read stored
// sequences straight from the segments of the snapshot a search reads
// (not through the external ID, which costs a term lookup each), and
// read each document's own, in an index of several segments.
func TestStoredReaderReadsSegments(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	docs := loadDocs(t)
	for i := range docs { // a batch, so a segment, each
		require.NoError(t, ix.Put(t.Context(), docs[i:i+1]))
	}
	adv, err := ix.bleve.Advanced()
	require.NoError(t, err)
	r, err := adv.Reader()
	require.NoError(t, err)
	defer r.Close()
	s := newStoredReader(r)
	if s.segs == nil {
		t.Fatalf("reader %T is not a scorch snapshot: phrase checks would take the slow path", r)
	}
	t.Logf("%d segments", len(s.segs))
	for _, d := range docs {
		id, err := r.InternalID(d.ID)
		require.NoError(t, err)
		fast, err := s.value(nil, id, fieldPacked)
		require.NoError(t, err)
		slow, err := s.slowValue(nil, id, fieldPacked)
		require.NoError(t, err)
		if len(fast) == 0 || !slices.Equal(fast, slow) {
			t.Errorf("%s: sequence read from the segment (%d bytes) differs from the document's (%d bytes)", d.ID, len(fast), len(slow))
		}
	}
}

// TestBestWindow checks that a body fragment is chosen where the most
// distinct matched terms stand close together, not at the first match.
func TestBestWindow(t *testing.T) {
	loc := func(ps ...uint64) []*search.Location {
		var out []*search.Location
		for _, p := range ps {
			out = append(out, &search.Location{Pos: p})
		}
		return out
	}
	tlm := search.TermLocationMap{"a": loc(5, 110, 400), "b": loc(100, 402), "c": loc(120)}
	if first, last := bestWindow(tlm); first != 100 || last != 120 {
		t.Errorf("window is %d–%d, want 100–120 (a, b and c)", first, last)
	}
	var got []uint64
	for _, locs := range tlm {
		for _, l := range locs {
			got = append(got, l.Pos)
		}
	}
	slices.Sort(got)
	if want := []uint64{100, 110, 120}; !slices.Equal(got, want) {
		t.Errorf("kept positions %v, want %v", got, want)
	}
	tlm = search.TermLocationMap{"a": loc(7, 300), "b": loc(9, 301)}
	if first, last := bestWindow(tlm); first != 7 || last != 9 {
		t.Errorf("window is %d–%d, want 7–9 (the earliest of two equal windows)", first, last)
	}
}

// TestTokenSpansFromMarks checks that segmenting a text from any of its
// sequence's checkpoints gives the spans segmenting it from the start
// gives for the same positions.
func TestTokenSpansFromMarks(t *testing.T) {
	ix := loaded(t)
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	checked := 0
	for _, d := range loadDocs(t) {
		text := []byte(d.Body)
		seq := appendSeq(nil, an.Analyze(text))
		toks, err := decodeSeq(nil, seq)
		require.NoError(t, err)
		marks, err := seqMarks(seq, toks)
		require.NoError(t, err)
		if want := (len(toks) + seqCheckpoint - 1) / seqCheckpoint; len(marks) != want {
			t.Fatalf("%s: %d checkpoints for %d tokens, want %d", d.ID, len(marks), len(toks), want)
		}
		if len(toks) == 0 {
			continue
		}
		last := uint64(toks[len(toks)-1].pos)
		all := tokenSpans(text, last)
		for _, m := range marks {
			got := tokenSpansFrom(text, m, last)
			if want := all[m.pos-1:]; !slices.Equal(got, want) {
				t.Errorf("%s: spans from checkpoint %+v differ from those from the start (%d vs %d)", d.ID, m, len(got), len(want))
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("%d checkpoints checked, want at least 10 (the test would prove little)", checked)
	}
}

// TestHighlightLateMatch checks that a match far into a long body is
// marked on the right word, in the fragment the whole text gives.
func TestHighlightLateMatch(t *testing.T) {
	ix, _ := openTemp(t, Options{})
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "The council's meeting number %d, on budgets, ran late. ", i)
		if i == 333 {
			b.WriteString("Officials from Zanzibar attended. ")
		}
	}
	d := newsintel.Document{ID: "long", Kind: newsintel.KindArticle, Source: "s", Title: "Council", Body: b.String(), Revision: 1}
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	res, err := ix.Search(t.Context(), Request{Query: "zanzibar", Highlight: true})
	require.NoError(t, err)
	require.Len(t, res.Hits, 1)
	// The fragment Bleve's highlighter cuts from the whole text, though
	// only a part around the match is decoded (see lexicon.spans).
	want := "…2, on budgets, ran late. The council&#39;s meeting number 333, on budgets, ran late. " +
		"Officials from <mark>Zanzibar</mark> attended. The council&#39;s meeting number 334, on budgets, ran late. The council&#39;s meeting number …"
	require.Equal(t, []string{want}, res.Hits[0].Fragments[fieldBody])
}

// TestHighlightHashTwin checks that a word sharing its sequence hash with
// a matched term ("year" and "slow" do) is not marked in its place.
func TestHighlightHashTwin(t *testing.T) {
	require.Equal(t, termHash([]byte("year")), termHash([]byte("slow")), "the test needs two words with one hash")
	ix, _ := openTemp(t, Options{})
	d := newsintel.Document{ID: "twin", Kind: newsintel.KindArticle, Title: "Outlook", Source: "x", Revision: 1,
		Body: "Revenue rose last year. " + strings.Repeat("Officials reviewed the quarterly figures in detail. ", 12) + "Growth will slow."}
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	res, err := ix.Search(t.Context(), Request{Query: "slow", Highlight: true})
	require.NoError(t, err)
	require.Len(t, res.Hits, 1)
	frag := strings.Join(res.Hits[0].Fragments[fieldBody], " ")
	if strings.Contains(frag, "<mark>year</mark>") || !strings.Contains(frag, "<mark>slow</mark>") {
		t.Errorf("body fragment %q, want slow marked and year not", frag)
	}

	// Many windows of twins before the one match.
	filler := strings.Repeat("Officials reviewed the quarterly figures in detail. ", 8)
	d.ID, d.Body = "twins", strings.Repeat("Revenue rose last year. "+filler, 6)+"Growth will slow."
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	res, err = ix.Search(t.Context(), Request{Query: "slow", Highlight: true})
	require.NoError(t, err)
	for _, h := range res.Hits {
		if f := strings.Join(h.Fragments[fieldBody], " "); !strings.Contains(f, "<mark>slow</mark>") {
			t.Errorf("%s: body fragment %q, want <mark>slow</mark>", h.ID, f)
		}
	}

	// Both twins asked for: both marked.
	d.ID, d.Body = "both", "Revenue rose last year, and growth will slow."
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	for _, q := range []string{"year slow", "slow year", "body:year body:slow"} {
		res, err := ix.Search(t.Context(), Request{Query: q, Highlight: true})
		require.NoError(t, err)
		for _, h := range res.Hits {
			if h.ID != "both" {
				continue
			}
			f := strings.Join(h.Fragments[fieldBody], " ")
			if !strings.Contains(f, "<mark>year</mark>") || !strings.Contains(f, "<mark>slow</mark>") {
				t.Errorf("%s: body fragment %q, want year and slow marked", q, f)
			}
		}
	}
}

// TestPhraseBoost checks that a boost on a fielded phrase counts.
func TestPhraseBoost(t *testing.T) {
	ix := loaded(t)
	score := func(q string) float64 {
		res, err := ix.Search(t.Context(), Request{Query: q})
		require.NoError(t, err)
		require.NotEmpty(t, res.Hits)
		return res.Hits[0].Score
	}
	plain, boosted := score(`body:"forever chemicals" chemicals`), score(`body:"forever chemicals"^5 chemicals`)
	if plain == boosted {
		t.Errorf("score with the phrase boosted 5 times = %v, the same as without", boosted)
	}
}

// TestCorruptSequence checks that a document whose stored sequence cannot
// be read only misses phrases and highlights: searches still answer, and
// find the other documents.
func TestCorruptSequence(t *testing.T) {
	ix := loaded(t)
	docs := loadDocs(t)
	d := docByID(t, docs, idPFAS)
	res, err := ix.Search(t.Context(), Request{Query: `"small towns"`})
	require.NoError(t, err)
	require.Contains(t, hitIDs(res), d.ID, "the phrase is in the body before the damage")
	// The body's sequence is its word-coded text: a word number the
	// lexicon does not have damages it.
	putCorrupt(t, ix, &d, fieldBodyWords, func(string) string {
		bad := binary.AppendUvarint(binary.AppendUvarint(nil, 0), 1<<40)
		return string(binary.BigEndian.AppendUint32(bad, crc32.Checksum(bad, castagnoli))) // checksum and all
	})

	res, err = ix.Search(t.Context(), Request{Query: `"small towns"`, Highlight: true})
	require.NoError(t, err, "a phrase search meeting the damaged document")
	if slices.Contains(hitIDs(res), d.ID) {
		t.Errorf("phrase hits %v include the document whose sequence is damaged", hitIDs(res))
	}
	res, err = ix.Search(t.Context(), Request{Query: "ratepayers", Highlight: true})
	require.NoError(t, err, "a highlighted search meeting the damaged document")
	if !slices.Equal(hitIDs(res), []string{d.ID}) {
		t.Errorf("hits = %v, want %s (found by its words, only its highlight is lost)", hitIDs(res), d.ID)
	}
	res, err = ix.Search(t.Context(), Request{Query: "chemicals", Highlight: true})
	require.NoError(t, err)
	for _, h := range res.Hits {
		if h.ID == d.ID && len(h.Fragments[fieldTitle]) == 0 {
			t.Errorf("title fragments of the document with a damaged body sequence = %q, want the title marked", h.Fragments)
		}
	}
}

// TestDamagedReportedOnce checks that a damaged stored value is logged
// once, not at every search that meets it.
func TestDamagedReportedOnce(t *testing.T) {
	var logs strings.Builder
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), Options{}, slog.New(slog.NewTextHandler(&logs, nil)))
	require.NoError(t, err)
	defer ix.Close()
	for range 3 {
		ix.reportDamaged("doc1", fieldBodyWords, errBadSeq)
	}
	ix.reportDamaged("doc2", fieldBodyWords, errBadSeq)
	if n := strings.Count(logs.String(), "stored value cannot be read"); n != 2 {
		t.Errorf("%d warnings for two damaged documents met four times, want 2:\n%s", n, logs.String())
	}
}

// seqMarks returns the checkpoints of seq, whose tokens (all of them,
// from decodeSeq) are toks. The index writes checkpoints but no longer
// reads them: a body's fragment is found from its coded words (see
// lexicon.spans), and claim texts are not highlighted.
func seqMarks(seq []byte, toks []seqToken) ([]seqMark, error) {
	_, marks, err := seqUnits(seq)
	if err != nil {
		return nil, err
	}
	var out []seqMark
	at := 0
	for i := 0; len(marks) > 0; i += seqCheckpoint {
		d, k := binary.Uvarint(marks)
		if k <= 0 || i >= len(toks) {
			return nil, errBadSeq
		}
		marks, at = marks[k:], at+int(d)
		out = append(out, seqMark{offset: at, pos: uint64(toks[i].pos)})
	}
	return out, nil
}
