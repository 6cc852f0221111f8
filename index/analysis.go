package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/segment"
)

// positionsAnalyzer is the analyzer the mapping names for title, body
// and claim text: fieldAnalyzer's tokens, positions and all, but with the
// byte offsets of every token set to 0. It indexes the title, the one of
// them with term vectors; the others are indexed with fieldAnalyzer
// itself as their token sequences are written (see attachSeqs), and
// have no offsets stored either way.
//
// Bleve keeps position, start and end offset of every token of a field
// with term vectors as varints. Phrases need only the positions; the
// offsets are for highlighting, which is done for the page of hits alone
// and finds them again by analysing the stored text (see highlight).
// Zero offsets take one byte instead of two or three each: at 20 000
// synthetic documents the term vectors shrank by about a third.
const positionsAnalyzer = "newsintel_en_positions"

// noOffsetsFilter is the token filter that zeroes token offsets.
const noOffsetsFilter = "newsintel_no_offsets"

func init() {
	err := registry.RegisterTokenFilter(noOffsetsFilter,
		func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) { return noOffsets{}, nil })
	if err != nil {
		panic(err)
	}
	err = registry.RegisterAnalyzer(positionsAnalyzer, func(config map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
		a, err := en.AnalyzerConstructor(config, cache)
		if err != nil {
			return nil, err
		}
		da, ok := a.(*analysis.DefaultAnalyzer)
		if !ok {
			return a, nil // cannot happen with Bleve's en analyzer; offsets are then kept
		}
		da.TokenFilters = append(da.TokenFilters, noOffsets{})
		return da, nil
	})
	if err != nil {
		panic(err)
	}
}

// noOffsets zeroes the start and end offsets of tokens.
type noOffsets struct{}

// Filter implements analysis.TokenFilter.
func (noOffsets) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		t.Start, t.End = 0, 0
	}
	return ts
}

// span is where a token is in a text, in bytes.
type span struct{ start, end int }

// tokenSpans returns the span of the token at each position of text from
// 1 to maxPos (index position-1), as fieldAnalyzer numbers them: its
// filters change terms and drop tokens but keep the positions and offsets
// its tokenizer (Bleve's unicode tokenizer: every word segment that is
// not space or punctuation) gave, so segmenting alone finds them.
func tokenSpans(text []byte, maxPos uint64) []span {
	return tokenSpansFrom(text, seqMark{pos: 1}, maxPos)
}

// tokenSpansFrom is tokenSpans from a token of text on: from, where it
// starts and its position. The span of position p is at index p-from.pos.
// A token starts where a word segment does, so segmenting from it gives
// the same segments as from the start of the text.
func tokenSpansFrom(text []byte, from seqMark, maxPos uint64) []span {
	if from.offset < 0 || from.offset > len(text) || from.pos < 1 || maxPos < from.pos {
		return nil
	}
	n := maxPos - from.pos + 1
	out := make([]span, 0, min(n, uint64(len(text)/4+1)))
	seg := segment.NewWordSegmenterDirect(text[from.offset:])
	start := from.offset
	for uint64(len(out)) < n && seg.Segment() {
		end := start + len(seg.Bytes())
		if seg.Type() != segment.None {
			out = append(out, span{start, end})
		}
		start = end
	}
	return out
}
