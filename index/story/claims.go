package story

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// item is one claim read from the index, with what grouping needs of its
// document.
type item struct {
	hit       index.ClaimHit
	doc       *newsintel.Document // nil when the document could not be read
	group     int                 // Claim.Group of the claim in its document
	relayed   bool                // the text follows "reports that" in its sentence
	matched   bool                // the request matched the claim itself, not only its document
	docNo     int32               // its document, and the document's near-duplicate cluster,
	clusterNo int32               // numbered within one request (see numberDocs)
	ents      []string            // its entities and its document's title entities, places left out
	counts    map[string]int      // content-word counts
	sig       signature           // its TF-IDF vector
	vocab     *vocabulary         // of sig: the claims of the request
	published time.Time
}

// cluster is the near-duplicate cluster of the claim's document.
func (it *item) cluster() string {
	if it.doc == nil || it.doc.Cluster == "" {
		return it.hit.DocumentID
	}
	return it.doc.Cluster
}

// asserts reports whether a claim says something a story can be made of:
// declining to comment or not answering asserts nothing.
func asserts(h index.ClaimHit) bool {
	switch h.Source.Type {
	case newsintel.SourceDeclined, newsintel.SourceNoResponse:
		return false
	}
	return strings.TrimSpace(h.Text) != ""
}

// claimReader is what read uses, when the index has it, to read many
// claims in one search (*index.Index has it).
type claimReader interface {
	ReadClaims(ctx context.Context, r index.ClaimRequest, max int) ([]index.ClaimHit, uint64, error)
}

// read returns the claims r matches, newest first, up to max, with the
// number that matched: in one search when the index can (see
// index.Index.ReadClaims, which sorts only the newest days that hold max
// claims), else page by page.
func (f *Finder) read(ctx context.Context, r index.ClaimRequest, max int) ([]index.ClaimHit, uint64, error) {
	if cr, ok := f.ix.(claimReader); ok {
		return cr.ReadClaims(ctx, r, max)
	}
	r.Sort, r.Size, r.From = index.SortDateDesc, min(index.MaxSize, max), 0
	max = min(max, index.MaxWindow)
	var out []index.ClaimHit
	for {
		res, err := f.ix.SearchClaims(ctx, r)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, res.Claims...)
		if r.From += r.Size; r.From >= max || len(res.Claims) < r.Size {
			return out, res.Total, nil
		}
		r.Size = min(index.MaxSize, max-r.From)
	}
}

// items loads the documents of hits and turns the claims that assert
// something into items, oldest first: the claims hits name, and the other
// claims of their documents (up to max items in all), so that a filter on
// one entity still sees a document's claims that name the entity's unit
// or say "the company". Documents are read once each.
func (f *Finder) items(ctx context.Context, hits []index.ClaimHit, max int) ([]*item, error) {
	docs := map[string]*newsintel.Document{}
	var order []string
	var out []*item
	seen := map[string]bool{}   // claim IDs
	placed := map[string]bool{} // document ID and position of a current claim
	for _, h := range hits {
		if seen[h.ID] || !asserts(h) {
			continue
		}
		seen[h.ID] = true
		d, ok := docs[h.DocumentID]
		if !ok {
			var err error
			if d, err = f.ix.Get(ctx, h.DocumentID); err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				d = nil // deleted since the search: group on what the claim says
			}
			docs[h.DocumentID] = d
			order = append(order, h.DocumentID)
		}
		if h.Position > 0 {
			placed[fmt.Sprintf("%s#%d", h.DocumentID, h.Position)] = true
		}
		it := newItem(h, d, f.terms)
		it.matched = true
		out = append(out, it)
	}
	for _, id := range order {
		d := docs[id]
		for i := 0; d != nil && i < len(d.Claims) && len(out) < max; i++ {
			if h := claimHitOf(d, i); !placed[fmt.Sprintf("%s#%d", id, i+1)] && asserts(h) {
				out = append(out, newItem(h, d, f.terms))
			}
		}
	}
	sortItems(out)
	numberDocs(out)
	weigh(out)
	return out, nil
}

func sortItems(its []*item) {
	sort.SliceStable(its, func(i, j int) bool {
		a, b := its[i], its[j]
		if !a.published.Equal(b.published) {
			return a.published.Before(b.published)
		}
		if a.hit.DocumentID != b.hit.DocumentID {
			return a.hit.DocumentID < b.hit.DocumentID
		}
		if a.hit.Position != b.hit.Position {
			return a.hit.Position < b.hit.Position
		}
		return a.hit.ID < b.hit.ID
	})
}

// newItem makes an item of h, a claim of d (nil when d could not be read),
// taking its content words from terms (nil: none kept).
func newItem(h index.ClaimHit, d *newsintel.Document, terms *termCache) *item {
	it := &item{hit: h, doc: d, published: h.Published}
	names := append([]string(nil), h.EntityNames...)
	ents := append([]string(nil), h.Entities...)
	if d != nil {
		if n := h.Position; n > 0 && n <= len(d.Claims) && d.Claims[n-1].Text == h.Text {
			c := d.Claims[n-1]
			it.group = c.Group
			if c.TextStart > 0 && c.TextStart <= len(d.Body) {
				it.relayed = relaysReports.MatchString(d.Body[max(0, c.TextStart-40):c.TextStart])
			}
		}
		if it.published.IsZero() {
			it.published = firstSet(d.Published, d.Fetched)
		}
		for _, m := range titleMentions(d) {
			ents = append(ents, m.EntityID)
			names = append(names, m.Name, m.Text)
		}
	}
	for _, e := range ents {
		if !isPlace(e) && !contains(it.ents, e) {
			it.ents = append(it.ents, e)
		}
	}
	// Places are datelines and settings, too common to tie claims
	// together, but what a claim about an earthquake or a flood has.
	if len(it.ents) == 0 {
		for _, e := range h.Entities {
			if !contains(it.ents, e) {
				it.ents = append(it.ents, e)
			}
		}
	}
	it.counts = terms.counts(h.Text, names)
	return it
}

// numberDocs numbers the items' documents and near-duplicate clusters, so
// that grouping compares numbers, not IDs.
func numberDocs(its []*item) {
	docs, clusters := map[string]int32{}, map[string]int32{}
	number := func(m map[string]int32, s string) int32 {
		n, ok := m[s]
		if !ok {
			n = int32(len(m))
			m[s] = n
		}
		return n
	}
	for _, it := range its {
		it.docNo, it.clusterNo = number(docs, it.hit.DocumentID), number(clusters, it.cluster())
	}
}

// weigh gives every item its TF-IDF vector over the items' content words.
func weigh(its []*item) {
	counts := make([]map[string]int, len(its))
	for i, it := range its {
		counts[i] = it.counts
	}
	v := newVocabulary(counts)
	for _, it := range its {
		it.sig, it.vocab = v.signatureOf(it.counts), v
	}
}

// titleMentions returns the mentions of d's entities named in its title:
// "the company" in a claim most often means the company of the headline.
func titleMentions(d *newsintel.Document) []newsintel.Mention {
	title := strings.ToLower(d.Title)
	if title == "" {
		return nil
	}
	var out []newsintel.Mention
	seen := map[string]bool{}
	for _, m := range d.Mentions {
		if seen[m.EntityID] || m.Text == "" || isPlace(m.EntityID) {
			continue
		}
		if strings.Contains(title, strings.ToLower(m.Text)) || strings.Contains(title, strings.ToLower(m.Name)) {
			seen[m.EntityID] = true
			out = append(out, m)
		}
	}
	return out
}

func isPlace(id string) bool { return strings.HasPrefix(id, string(newsintel.EntityPlace)+":") }

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func firstSet(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// sameEntity reports whether two entity IDs name the same entity or one
// is a part of the other by name ("company:alibaba" and
// "company:alibaba-cloud").
func sameEntity(a, b string) bool {
	if a == b {
		return true
	}
	ta, sa, _ := strings.Cut(a, ":")
	tb, sb, _ := strings.Cut(b, ":")
	if ta != tb || sa == "" || sb == "" {
		return false
	}
	return strings.HasPrefix(sa, sb+"-") || strings.HasPrefix(sb, sa+"-")
}

// sharedEntities returns the entities of a that name an entity of b.
func sharedEntities(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if sameEntity(x, y) {
				out = append(out, x)
				break
			}
		}
	}
	return out
}
