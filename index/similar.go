package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/newsintel/newsintel"
)

// More-like-this tuning.
const (
	similarScanBytes   = 32 << 10 // of the body analysed for terms
	similarCandidates  = 80       // most frequent terms whose document frequency is looked up
	similarTerms       = 25       // significant terms in the query
	similarEntities    = 8        // most mentioned entities in the query
	similarEntityBoost = 2.0
)

// Similar returns up to size documents most like the document with ID id
// ("more like this"): a disjunction of the most significant terms of its
// title and body (frequent in it, rare in the index) and of the entities
// it mentions most, excluding the document itself. size 0 means 10. It
// returns ENOTFOUND for an unknown ID, EINVALID for a bad size, and
// ETOOMANY or EUNAVAILABLE like Search. It is safe for concurrent use.
func (ix *Index) Similar(ctx context.Context, id string, size int) ([]Hit, error) {
	if size == 0 {
		size = DefaultSize
	}
	if size < 0 || size > MaxSize {
		return nil, invalid("size %d is out of range; ask for 1 to %d documents", size, MaxSize)
	}
	d, err := ix.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	ctx, done, err := ix.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	terms, err := ix.significantTerms(ctx, d)
	if err != nil {
		return nil, err
	}
	like := likeQuery(terms, topEntities(d, similarEntities))
	if like == nil {
		return []Hit{}, nil
	}
	q := query.NewBooleanQuery([]query.Query{like}, nil, []query.Query{query.NewDocIDQuery([]string{id})})
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.Fields = hitFields
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchErr(ctx, err)
	}
	return plainHits(res.Hits, ix.lex, ix.reportDamaged)
}

// weightedTerm is an analysed term and its tf-idf weight in a document.
type weightedTerm struct {
	term   string
	tf     int
	weight float64
}

// significantTerms returns the similarTerms analysed terms of d's title
// and body with the highest tf-idf, looking up the document frequency of
// its most frequent terms only.
func (ix *Index) significantTerms(ctx context.Context, d *newsintel.Document) ([]weightedTerm, error) {
	body := d.Body
	if len(body) > similarScanBytes {
		body = body[:similarScanBytes]
	}
	tf := map[string]int{}
	an := ix.bleve.Mapping().AnalyzerNamed(fieldAnalyzer)
	for _, text := range []string{d.Title, d.Title, body} { // the title counts twice
		for _, t := range an.Analyze([]byte(text)) {
			if len(t.Term) >= 3 && !allDigits(t.Term) {
				tf[string(t.Term)]++
			}
		}
	}
	cands := make([]weightedTerm, 0, len(tf))
	for t, n := range tf {
		cands = append(cands, weightedTerm{term: t, tf: n})
	}
	slices.SortFunc(cands, func(a, b weightedTerm) int { return cmp.Or(b.tf-a.tf, cmp.Compare(a.term, b.term)) })
	cands = cands[:min(len(cands), similarCandidates)]
	if err := ix.weigh(ctx, cands); err != nil {
		return nil, err
	}
	cands = slices.DeleteFunc(cands, func(w weightedTerm) bool { return w.weight <= 0 })
	slices.SortFunc(cands, func(a, b weightedTerm) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.term, b.term))
	})
	return cands[:min(len(cands), similarTerms)], nil
}

// weigh sets the tf-idf weight of each term from its document frequency
// in the body field; a term only the document itself has weighs 0.
func (ix *Index) weigh(ctx context.Context, terms []weightedTerm) error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("index: similar: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("index: similar: %w", err)
	}
	defer r.Close()
	n, err := docCount(ctx, r)
	if err != nil {
		return fmt.Errorf("index: similar: %w", err)
	}
	for i := range terms {
		df, err := docFreq(ctx, r, terms[i].term)
		if err != nil {
			return err
		}
		if df > 1 {
			terms[i].weight = float64(terms[i].tf) * math.Log(float64(n+1)/float64(df))
		}
	}
	return nil
}

func docFreq(ctx context.Context, r index.IndexReader, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), fieldBody, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("index: similar: term %q: %w", term, err)
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// topEntities returns the IDs of the n entities d mentions most.
func topEntities(d *newsintel.Document, n int) []string {
	count := map[string]int{}
	for _, m := range d.Mentions {
		if m.EntityID != "" {
			count[m.EntityID]++
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(count[b]-count[a], cmp.Compare(a, b)) })
	return ids[:min(len(ids), n)]
}

// likeQuery is the disjunction of the weighted terms (in title and body)
// and the entities, or nil when there are none.
func likeQuery(terms []weightedTerm, entities []string) query.Query {
	var qs []query.Query
	for _, w := range terms {
		for _, f := range []string{fieldBody, fieldTitle} {
			t := query.NewTermQuery(w.term)
			t.SetField(f)
			t.SetBoost(w.weight)
			if f == fieldBody {
				qs = append(qs, bodyScaled(t))
				continue
			}
			qs = append(qs, t)
		}
	}
	for _, id := range entities {
		t := query.NewTermQuery(id)
		t.SetField(fieldEntity)
		t.SetBoost(similarEntityBoost)
		qs = append(qs, t)
	}
	if len(qs) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(qs)
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
