package index

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lexiconTexts are texts whose coding has edges: gaps at either end or
// none, no words, literals, bytes that are not UTF-8, scripts other than
// Latin, paragraphs.
var lexiconTexts = []string{
	"",
	" ",
	"word",
	"  two  spaces  ",
	"The Commerce Department said on Tuesday it would review the deal.",
	"(Reuters) - Alibaba's cloud unit, according to three sources, was reviewed.\n\nA second paragraph — with a dash…",
	"Preis: 3,5 Mrd. € für Müller & Söhne; Straße.",
	"北京 消息 人士 说, 审查 仍在 进行。",
	"emoji 🙂 between 👍🏽 words",
	"bad \xff\xfe bytes \xc3 here",
	"https://www.example.com/a/very/long/path/that/is/one/word/of/many/letters " + strings.Repeat("x", 100),
	"2024-05-03T14:00:00Z 10-K 1,234,567.89",
	"\ttabs\tand\r\nnewlines\n",
}

func TestLexiconRoundTrip(t *testing.T) {
	l := newLexicon()
	for _, text := range lexiconTexts {
		coded := l.encode(nil, text)
		got, err := l.decode(coded)
		require.NoError(t, err, "%q", text)
		assert.Equal(t, text, got)
	}
	// A word longer than maxLexiconWord is a literal, not a number.
	_, numbered := l.words[strings.Repeat("x", 100)]
	assert.False(t, numbered, "a 100-byte word has a number")
}

// FuzzLexiconRoundTrip checks that any text decodes to itself and that
// its sequence is the analyzer's.
func FuzzLexiconRoundTrip(f *testing.F) {
	for _, text := range lexiconTexts {
		f.Add(text)
	}
	l := newLexicon()
	an := buildMapping().AnalyzerNamed(fieldAnalyzer)
	f.Fuzz(func(t *testing.T, text string) {
		coded := l.encode(nil, text)
		got, err := l.decode(coded)
		if err != nil || got != text {
			t.Fatalf("decode(encode(%q)) = %q, %v", text, got, err)
		}
		seq, err := l.seq(nil, coded)
		if want := appendSeq(nil, an.Analyze([]byte(text))); err != nil || !bytes.Equal(seq, want) {
			t.Fatalf("sequence of %q = %x, %v; want the analyzer's %x", text, seq, err, want)
		}
		toks, err := l.analysis(coded)
		if err != nil {
			t.Fatalf("analysis of %q: %v", text, err)
		}
		checkTokens(t, text, toks, an.Analyze([]byte(text)))
		phraseToks, err := l.tokens(nil, coded, &someHashes)
		wantToks, _ := decodeSeqIn(nil, seq, &someHashes)
		if err != nil || !slices.Equal(phraseToks, wantToks) {
			t.Fatalf("tokens of %q = %v, %v; want those of its sequence, %v", text, phraseToks, err, wantToks)
		}
	})
}

// TestLexiconFullWritesLiterals checks that new words still round-trip
// once the lexicon has given every number it may.
func TestLexiconFullWritesLiterals(t *testing.T) {
	l := newLexicon()
	l.limit = lexiconReserved + 3
	text := "alpha beta gamma delta epsilon alpha zeta, eta"
	got, err := l.decode(l.encode(nil, text))
	require.NoError(t, err)
	assert.Equal(t, text, got)
	var given []string
	for _, e := range l.entries[lexiconReserved:] {
		given = append(given, e.text)
	}
	assert.Equal(t, []string{"alpha", "beta", "gamma"}, given, "the numbers given")
}

// TestLexiconCodesKnownWordsSmall checks that a document made of words
// the lexicon knows is stored in fewer bytes than zstd alone makes of it.
func TestLexiconCodesKnownWordsSmall(t *testing.T) {
	sentences := strings.Split("The Commerce Department is reviewing the cloud contract, according to three people familiar with the matter. "+
		"A spokesman for the department declined to comment on the review. "+
		"Alibaba said in its most recent annual report that regulators could restrict its business. "+
		"One of the people said the review began last year and could take several more months. "+
		"Shares of the company fell four percent in New York trading after the report was published. "+
		"Analysts said the outcome would shape how other Chinese cloud providers sell to American customers.", ". ")
	l := newLexicon()
	l.encode(nil, strings.Join(sentences, ". ")) // an earlier document
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(sentences), func(i, j int) { sentences[i], sentences[j] = sentences[j], sentences[i] })
	body := strings.Join(sentences, ". ")
	coded := len(l.encode(nil, body))
	plain := len(zEncoder().EncodeAll([]byte(body), nil))
	assert.Less(t, float64(coded), 0.7*float64(plain), "coded %d bytes, zstd alone %d", coded, plain)
}

func TestLexiconDecodeUnknownWord(t *testing.T) {
	l := newLexicon()
	coded := l.encode(nil, "known words")
	other := newLexicon()
	_, err := other.decode(coded)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not a word in the index's lexicon")
	_, err = l.decode(coded[:len(coded)-1])
	require.Error(t, err, "a truncated body decodes")
}

// lexiconDocs returns n articles whose bodies hold words numbered from
// first, so that a batch of them fills several lexicon chunks.
func lexiconDocs(first, n, words int) []newsintel.Document {
	docs := make([]newsintel.Document, n)
	for i := range docs {
		var b strings.Builder
		for w := range words {
			fmt.Fprintf(&b, "word%sx%s, ", letters(first+i), letters(w))
		}
		docs[i] = newsintel.Document{ID: fmt.Sprintf("lex%04d", first+i), Kind: newsintel.KindArticle,
			Title: "Lexicon test", Body: b.String() + "the end."}
	}
	return docs
}

// letters writes n in the letters a to z (words with digits in them are
// not numbered, see numbered).
func letters(n int) string {
	s := string(rune('a' + n%26))
	for n /= 26; n > 0; n /= 26 {
		s = string(rune('a'+n%26)) + s
	}
	return s
}

// TestLexiconPersists checks that bodies written in several batches, in
// groups of the lexicon's file, read back the same after the index is
// closed and opened again.
func TestLexiconPersists(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{BatchSize: 7}, nil)
	require.NoError(t, err)
	docs := append(lexiconDocs(0, 20, 300), lexiconDocs(20, 20, 300)...) // 12 000 words
	require.NoError(t, ix.Put(t.Context(), docs[:20]))
	require.NoError(t, ix.Put(t.Context(), docs[20:]))
	require.NoError(t, ix.Close())

	ix, err = Open(dir, Options{}, nil)
	require.NoError(t, err)
	defer ix.Close()
	assert.Greater(t, len(ix.lex.entries), 12000, "lexicon entries after reopening")
	for _, d := range []newsintel.Document{docs[0], docs[19], docs[39]} {
		got, err := ix.Get(t.Context(), d.ID)
		require.NoError(t, err)
		assert.Equal(t, d.Body, got.Body, d.ID)
	}
	// New words after reopening go on from where the stored ones end.
	more := lexiconDocs(40, 1, 10)
	require.NoError(t, ix.Put(t.Context(), more))
	got, err := ix.Get(t.Context(), more[0].ID)
	require.NoError(t, err)
	assert.Equal(t, more[0].Body, got.Body)
}

// TestLexiconLostEntriesIsCorrupt checks that an index whose lexicon
// file lost entries its documents use does not open as if it were whole:
// new words would take the lost numbers, and old bodies would read as
// other words.
func TestLexiconLostEntriesIsCorrupt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{}, nil)
	require.NoError(t, err)
	require.NoError(t, ix.Put(t.Context(), lexiconDocs(0, 3, 200)))
	require.NoError(t, ix.Put(t.Context(), lexiconDocs(3, 3, 200)))
	size := ix.lex.size
	require.NoError(t, ix.Close())
	require.NoError(t, os.Truncate(filepath.Join(dir, lexiconFile), size/2))

	_, err = Open(dir, Options{}, nil)
	require.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), "the index's documents use")
}

// TestLexiconCutShortGroup checks that a group cut short at the end of
// the lexicon file (a crash while it was written, before its batch) is
// cut off, and the index opens whole and goes on.
func TestLexiconCutShortGroup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{}, nil)
	require.NoError(t, err)
	docs := lexiconDocs(0, 3, 200)
	require.NoError(t, ix.Put(t.Context(), docs))
	size := ix.lex.size
	require.NoError(t, ix.Close())
	f, err := os.OpenFile(filepath.Join(dir, lexiconFile), os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	_, err = f.Write([]byte{0x90, 0x4e, 3, 'n', 'e', 'w'}) // a group of 10 000 bytes, cut short
	require.NoError(t, err)
	require.NoError(t, f.Close())

	ix, err = Open(dir, Options{}, nil)
	require.NoError(t, err)
	defer ix.Close()
	st, err := os.Stat(filepath.Join(dir, lexiconFile))
	require.NoError(t, err)
	assert.Equal(t, size, st.Size(), "lexicon file size after opening")
	more := lexiconDocs(3, 1, 50)
	require.NoError(t, ix.Put(t.Context(), more))
	for _, d := range []newsintel.Document{docs[0], more[0]} {
		got, err := ix.Get(t.Context(), d.ID)
		require.NoError(t, err)
		assert.Equal(t, d.Body, got.Body)
	}
}

// TestLexiconLeavesFiguresOut checks that years are numbered and longer
// figures, long words and long gaps are written as they are: a filing's
// tables would fill the lexicon with them.
func TestLexiconLeavesFiguresOut(t *testing.T) {
	l := newLexicon()
	text := "In 2024 revenue was 1234567 dollars, or 12.5 percent" + strings.Repeat(" ", 20) + "pneumonoultramicroscopicsilicovolcanoconiosis."
	got, err := l.decode(l.encode(nil, text))
	require.NoError(t, err)
	require.Equal(t, text, got)
	for w, want := range map[string]bool{"2024": true, "12.5": true, "1234567": false, "pneumonoultramicroscopicsilicovolcanoconiosis": false} {
		_, ok := l.words[w]
		assert.Equal(t, want, ok, "%q numbered", w)
	}
	_, ok := l.gaps[strings.Repeat(" ", 20)]
	assert.False(t, ok, "a gap of 20 spaces numbered")
}

// seqTexts returns texts to check sequences on: lexiconTexts, and every
// file of real-language test data in the repository (news pages, filings
// and notices as HTML, labelled passages as YAML), whose markup and
// punctuation test the edges of word segmentation as well.
func seqTexts(t *testing.T) []string {
	t.Helper()
	texts := slices.Clone(lexiconTexts)
	for _, pattern := range []string{"../demo/corpus/*/*", "../extract/claims/testdata/labelled/*.yaml",
		"../extract/entities/testdata/labelled/*.yaml", "../extract/claims/testdata/seed/*", "../cmd/newsintel/testdata/*"} {
		files, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err == nil {
				texts = append(texts, string(b))
			}
		}
	}
	require.Greater(t, len(texts), 40, "test texts found")
	return texts
}

// someHashes holds every third term hash.
var someHashes = func() (s hashSet) {
	for h := 0; h <= seqHashMask; h += 3 {
		s.add(uint16(h))
	}
	return s
}()

// TestLexiconSeqIsTheAnalyzers checks that the token sequence read from a
// word-coded text is, byte for byte, the one fieldAnalyzer's tokens of
// the text make: phrases and highlights read bodies' positions from it.
func TestLexiconSeqIsTheAnalyzers(t *testing.T) {
	an := buildMapping().AnalyzerNamed(fieldAnalyzer)
	l := newLexicon()
	skipped := 0 // highlighting parts that start after skipped words
	for _, text := range seqTexts(t) {
		want := appendSeq(nil, an.Analyze([]byte(text)))
		coded := l.encode(nil, text)
		got, err := l.seq(nil, coded)
		require.NoError(t, err)
		if !bytes.Equal(got, want) {
			t.Fatalf("sequence of %.60q… differs from the analyzer's (%d bytes, want %d)", text, len(got), len(want))
		}
		// What highlighting reads: the tokens of some terms, and the start
		// of the text with the offsets of some positions.
		allToks, err := decodeSeq(nil, want)
		require.NoError(t, err)
		matched, _, err := l.matching(&someHashes).tokens(nil, coded, nil)
		require.NoError(t, err)
		wantMatched, err := decodeSeqIn(nil, want, &someHashes)
		require.NoError(t, err)
		require.Equal(t, wantMatched, matched, "%.60q…: matching tokens", text)
		for _, at := range [][2]int{{1, 2}, {3, 2}} { // the part may start after words skipped
			if len(allToks) == 0 {
				break
			}
			first, last := uint64(allToks[len(allToks)*at[0]/4].pos), uint64(allToks[len(allToks)*at[1]/3].pos)
			first, last = min(first, last), max(first, last)
			part, spans, err := l.spans(coded, first, last, 50)
			require.NoError(t, err)
			all := tokenSpansFrom([]byte(text), seqMark{pos: 1}, last)
			base := 0
			if first > fragmentReach+1 {
				base = all[first-fragmentReach-1].start
				skipped++
			}
			require.True(t, strings.HasPrefix(text[base:], string(part)), "%.60q…: not the text from %d", text, base)
			for i, sp := range spans {
				require.Equal(t, span{sp.start + base, sp.end + base}, all[int(first)-1+i], "%.60q…: span of %d", text, int(first)+i)
			}
			require.Len(t, spans, int(last-first+1))
			if base+len(part) < len(text) {
				require.GreaterOrEqual(t, len(part), spans[len(spans)-1].start+50, "%.60q…: margin", text)
			}
		}
		// A phrase check that stops at the first occurrence finds what one
		// reading every token does, for phrases there and not there.
		ts := an.Analyze([]byte(text))
		for i := 0; i+1 < len(ts) && i < 40; i += 7 {
			for _, terms := range [][]string{{string(ts[i].Term), string(ts[i+1].Term)}, {string(ts[i+1].Term), string(ts[i].Term)}} {
				p := newSeqPhrase(terms)
				f := l.filter(p.terms)
				all, _, err := f.tokens(nil, coded, nil)
				require.NoError(t, err)
				_, found, err := f.tokens(nil, coded, &p)
				require.NoError(t, err)
				require.Equal(t, len(p.starts(all)) > 0, found, "%.60q…: phrase %q", text, terms)
			}
		}
		// What a phrase check reads: the tokens of some hashes.
		toks, err := l.tokens(nil, coded, &someHashes)
		require.NoError(t, err)
		wantToks, err := decodeSeqIn(nil, want, &someHashes)
		require.NoError(t, err)
		require.Equal(t, wantToks, toks, "%.60q…", text)
	}
	require.Greater(t, skipped, 20, "too few texts long enough to skip words before a fragment")
	// Literals (long words, a full lexicon) carry their terms too.
	full := newLexicon()
	full.limit = lexiconReserved
	text := "Regulators' reviews of the Department's " + strings.Repeat("extraordinarily", 3) + " rules"
	got, err := full.seq(nil, full.encode(nil, text))
	require.NoError(t, err)
	assert.Equal(t, appendSeq(nil, an.Analyze([]byte(text))), got)
}

// benchBody is a real article's text (the project's seed article).
func benchBody(b *testing.B) string {
	text, err := os.ReadFile("../extract/claims/testdata/seed/alibaba-cloud-review.txt")
	if err != nil {
		b.Skip(err)
	}
	return string(text)
}

// BenchmarkLexiconEncode measures coding a body whose words the lexicon
// knows, as Put does for most of them.
func BenchmarkLexiconEncode(b *testing.B) {
	body := benchBody(b)
	l := newLexicon()
	buf := l.encode(nil, body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		buf = l.encode(buf[:0], body)
	}
}

// BenchmarkLexiconTokens measures what a phrase check reads of a body:
// the positions of two terms. In a lexicon of more than 32 767 words,
// the words it meets late are escaped (see appendWordUnit): here those of
// the body's second half.
func BenchmarkLexiconTokens(b *testing.B) {
	body := benchBody(b)
	large := newLexicon()
	large.encode(nil, body[:len(body)/2])
	var filler strings.Builder
	for i := range 40000 {
		filler.WriteString("w" + letters(i) + " ")
	}
	large.encode(nil, filler.String())
	for _, l := range []struct {
		name string
		lex  *lexicon
	}{{"small", newLexicon()}, {"large", large}} {
		b.Run(l.name, func(b *testing.B) {
			coded := l.lex.encode(nil, body)
			p := newSeqPhrase([]string{"cloud", "review"})
			f := l.lex.filter(p.terms) // once a phrase
			var toks []seqToken
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if toks, _, err = f.tokens(toks[:0], coded, nil); err != nil || len(toks) == 0 {
					b.Fatal(len(toks), err)
				}
			}
		})
	}
}

// TestLexiconTokensAreTheAnalyzers checks that the tokens the coded words
// of a body give Bleve to index it with (lexicon.analysis) are those
// fieldAnalyzer makes of it: the same terms, positions, offsets and
// types.
func TestLexiconTokensAreTheAnalyzers(t *testing.T) {
	an := buildMapping().AnalyzerNamed(fieldAnalyzer)
	l := newLexicon()
	full := newLexicon()
	full.limit = lexiconReserved + 50 // most words are literals
	for _, text := range seqTexts(t) {
		for _, lex := range []*lexicon{l, full} {
			coded := lex.encode(nil, text)
			got, err := lex.analysis(coded)
			require.NoError(t, err)
			checkTokens(t, text, got, an.Analyze([]byte(text)))
			back, err := lex.decode(coded)
			require.NoError(t, err)
			require.Equal(t, text, back)
		}
	}
}

func checkTokens(t *testing.T, text string, got, want analysis.TokenStream) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%.60q…: %d tokens, want %d", text, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !bytes.Equal(g.Term, w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position || g.Type != w.Type {
			t.Fatalf("%.60q…: token %d = %q %d-%d @%d %v, want %q %d-%d @%d %v", text, i,
				g.Term, g.Start, g.End, g.Position, g.Type, w.Term, w.Start, w.End, w.Position, w.Type)
		}
	}
}

// seq appends to dst the token sequence (the reference the coded text
// must equal; phrases and highlights read it without building it) (see seq.go) of the text coded
// holds: what appendSeq makes of fieldAnalyzer's tokens of that text.
func (l *lexicon) seq(dst []byte, coded []byte) ([]byte, error) {
	d, err := l.decoder(coded)
	if err != nil {
		return dst, err
	}
	var toks []seqInput
	at := len(d.gap())
	for pos := 1; d.err == nil && len(d.in) > 0; pos++ {
		e := d.word()
		if !e.term.dropped {
			toks = append(toks, seqInput{pos: pos, start: at, hash: e.term.hash})
		}
		at += len(e.text) + len(d.gapAfter())
	}
	if d.err != nil {
		return dst, fmt.Errorf("decode stored body: %w", d.err)
	}
	return appendSeqInputs(dst, toks), nil
}

// tokens appends to dst the tokens of the text coded holds whose term
// hash is in keep, as decodeSeqIn gives them from its sequence: a phrase
// check reads nothing else. It is lexiconFilter.tokens with a filter made
// for the one call.
func (l *lexicon) tokens(dst []seqToken, coded []byte, keep *hashSet) ([]seqToken, error) {
	toks, _, err := l.filter(keep).tokens(dst, coded, nil)
	return toks, err
}

// TestLexiconFilterUnits checks the units a filter has tokens look at,
// in lexicons smaller and larger than a unit holds: every unit that is
// not an entry's, the escape, and both units of each entry kept.
func TestLexiconFilterUnits(t *testing.T) {
	for _, n := range []int{100, 40000} {
		l := newLexicon()
		var b strings.Builder
		for i := range n {
			b.WriteString("w" + letters(i) + " ")
		}
		l.encode(nil, b.String())
		f := l.filter(&someHashes)
		kept := 0
		for v := range 1 << 16 {
			id := v >> 1
			want := id < lexiconReserved || id >= len(f.marks) || v == wordUnitEscape || f.bits[id/64]&(1<<(id%64)) != 0
			if got := f.units[v/64]&(1<<(v%64)) != 0; got != want {
				t.Fatalf("lexicon of %d: unit %#x looked at = %v, want %v", n, v, got, want)
			}
			if want && id >= lexiconReserved && id < len(f.marks) {
				kept++
			}
		}
		require.Greater(t, kept, 20, "lexicon of %d: too few entries kept to prove much", n)
	}
}

// TestLexiconLargeNumbers checks words numbered past what a 16-bit unit
// holds: they round-trip, and give the analyzer's sequence and a phrase
// check's tokens.
func TestLexiconLargeNumbers(t *testing.T) {
	l := newLexicon()
	var b strings.Builder
	for i := range 40000 {
		b.WriteString("w" + letters(i) + " ")
	}
	l.encode(nil, b.String()) // numbers them
	require.Greater(t, len(l.entries), 40000)
	text := "The wbxyz rules, wazz and wbhhh said: wbxyz wbhhh."
	coded := l.encode(nil, text)
	got, err := l.decode(coded)
	require.NoError(t, err)
	require.Equal(t, text, got)
	an := buildMapping().AnalyzerNamed(fieldAnalyzer)
	want := appendSeq(nil, an.Analyze([]byte(text)))
	seq, err := l.seq(nil, coded)
	require.NoError(t, err)
	require.Equal(t, want, seq)
	p := newSeqPhrase([]string{"wbxyz", "wbhhh"})
	_, found, err := l.filter(p.terms).tokens(nil, coded, &p)
	require.NoError(t, err)
	require.True(t, found, "the phrase of two large numbers")
}

// TestFragmentFromPartIsTheWholeTexts checks that Bleve's highlighter
// cuts, from the part of a body lexicon.spans decodes, the fragment it
// cuts from the whole text, separators and all, for windows at the
// start, in the middle and at the end of real and multi-byte texts.
func TestFragmentFromPartIsTheWholeTexts(t *testing.T) {
	l := newLexicon()
	texts := append(seqTexts(t),
		strings.Repeat("Ökonomen in Zürich erwarten höhere Zölle für Elektroautos aus China — sagte ein Sprecher. ", 60),
		strings.Repeat("北京 官员 表示 出口 管制 将 继续 。 ", 150)+" Huawei "+strings.Repeat("供应链 安全 审查 ", 100))
	cut := func(text []byte, locs map[string][]span) string {
		m := &search.DocumentMatch{ID: "d", Locations: search.FieldTermLocationMap{fieldBody: search.TermLocationMap{}}}
		for term, sps := range locs {
			for i, sp := range sps {
				m.Locations[fieldBody][term] = append(m.Locations[fieldBody][term], &search.Location{Pos: uint64(i + 1), Start: uint64(sp.start), End: uint64(sp.end)})
			}
		}
		doc := document.NewDocument("d")
		doc.AddField(document.NewTextField(fieldBody, nil, text))
		frags := htmlHighlighter.BestFragmentsInField(m, doc, fieldBody, 1)
		require.Len(t, frags, 1)
		return frags[0]
	}
	checked, skipped := 0, 0
	for _, text := range texts {
		coded := l.encode(nil, text)
		all := tokenSpans([]byte(text), math.MaxUint32)
		n := uint64(len(all))
		if n < 3 || !utf8.ValidString(text) { // the fragmenter gives up on bytes that are not UTF-8
			continue
		}
		in := int(n)
		for _, w := range [][2]int{{1, 3}, {2, 30}, {in / 2, in/2 + 25}, {in - 30, in - 1}, {in, in}, {in - 2, in}} {
			first := uint64(min(max(w[0], 1), in))
			last := uint64(min(max(w[1], w[0], 1), in))
			part, spans, err := l.spans(coded, first, last, fragmentMargin)
			require.NoError(t, err)
			require.Len(t, spans, int(last-first+1), "%q window %d-%d of %d", text, first, last, n)
			mid := (first + last) / 2
			whole := map[string][]span{"a": {all[first-1]}, "b": {all[mid-1], all[last-1]}}
			inPart := map[string][]span{"a": {spans[0]}, "b": {spans[mid-first], spans[last-first]}}
			require.Equal(t, cut([]byte(text), whole), cut(part, inPart), "%.60q…: window %d-%d of %d", text, first, last, n)
			checked++
			if first > fragmentReach+1 {
				skipped++
			}
		}
	}
	require.Greater(t, checked, 100)
	require.Greater(t, skipped, 50, "too few windows far enough in to skip words")
}
