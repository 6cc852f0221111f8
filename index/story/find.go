package story

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// Find groups the claims r matches, with the other claims of their
// documents, into stories and lists those holding a claim r matches, most
// reported first (the newest first among equals), with the links of the
// first r.Size. It
// reads at most Options.MaxClaims claims, the newest, and says Truncated
// when more matched. It returns an EINVALID error for a bad request and
// the index's errors (ETOOMANY, EUNAVAILABLE) as they are.
func (f *Finder) Find(ctx context.Context, r Request) (*List, error) {
	start := time.Now()
	if err := validate(&r); err != nil {
		return nil, err
	}
	out, err := cached(f, r.key(), func() (*List, error) { return f.find(ctx, r) })
	if err != nil {
		return nil, err
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// find is Find of a validated request, without the cache.
func (f *Finder) find(ctx context.Context, r Request) (*List, error) {
	cr := index.ClaimRequest{Query: r.Query, Entity: r.Entity, Since: r.Since, Until: r.Until, IncludeRemoved: true}
	hits, total, its, err := f.gather(ctx, cr, nil)
	if err != nil {
		return nil, err
	}
	outlets := outletsOf(its)
	var stories []Story
	var groups []*group
	removed := removedOf(its)
	for _, g := range groupItems(its, f.opts.Window) {
		if !slices.ContainsFunc(g.items, func(it *item) bool { return it.matched }) {
			continue // a story of other claims of the documents found
		}
		if st := build(g, outlets, removed); len(st.Reports) >= r.MinReports {
			stories, groups = append(stories, st), append(groups, g)
		}
	}
	order := rank(stories)
	out := &List{Total: len(stories), ClaimsMatched: total, ClaimsRead: len(hits),
		Truncated: total > uint64(len(hits)), Stories: make([]Story, 0, min(r.Size, len(stories)))}
	for _, i := range order[:min(r.Size, len(order))] {
		st := stories[i]
		if err := f.link(ctx, &st, groups[i], outlets); err != nil {
			return nil, err
		}
		out.Stories = append(out.Stories, st)
	}
	return out, nil
}

func validate(r *Request) error {
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Size < 1 || r.Size > MaxSize {
		return newsintel.Errorf(newsintel.EINVALID, "size=%d: ask for 1 to %d stories", r.Size, MaxSize)
	}
	if r.MinReports == 0 {
		r.MinReports = 2
	}
	if r.MinReports < 1 {
		return newsintel.Errorf(newsintel.EINVALID, "min_reports=%d: use 1 or more", r.MinReports)
	}
	if !r.Since.IsZero() && !r.Until.IsZero() && r.Until.Before(r.Since) {
		return newsintel.Errorf(newsintel.EINVALID, "until (%s) is before since (%s)",
			r.Until.Format(time.RFC3339), r.Since.Format(time.RFC3339))
	}
	return nil
}

// rank orders stories by reports, then newest first, then ID.
func rank(stories []Story) []int {
	order := make([]int, len(stories))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &stories[order[i]], &stories[order[j]]
		if len(a.Reports) != len(b.Reports) {
			return len(a.Reports) > len(b.Reports)
		}
		if !a.End.Equal(b.End) {
			return a.End.After(b.End)
		}
		return a.ID < b.ID
	})
	return order
}

// outletsOf returns the lower-case publisher names of the items'
// documents: a source with one of these names is an outlet relayed.
func outletsOf(its []*item) map[string]bool {
	out := map[string]bool{}
	// The publishers of articles are outlets; filings and notices are not.
	for _, it := range its {
		if p := strings.ToLower(strings.TrimSpace(it.hit.Publisher)); p != "" && it.hit.Kind == string(newsintel.KindArticle) {
			out[p] = true
		}
	}
	return out
}

// Get returns the story holding the claim id names (see the package
// comment), with its links. It returns EINVALID for a malformed ID and
// ENOTFOUND when the document or the claim is no longer in the index.
func (f *Finder) Get(ctx context.Context, id string) (*Story, error) {
	docID, hash, err := parseStoryID(id)
	if err != nil {
		return nil, err
	}
	return cached(f, "get "+id, func() (*Story, error) { return f.get(ctx, id, docID, hash) })
}

// get is Get of a well-formed ID, without the cache.
func (f *Finder) get(ctx context.Context, id, docID, hash string) (*Story, error) {
	d, err := f.ix.Get(ctx, docID)
	if err != nil {
		return nil, err
	}
	h, ok, err := f.seedClaim(ctx, d, hash)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, newsintel.Errorf(newsintel.ENOTFOUND,
			"story %s: document %s has no claim the story could be named for, in any revision", id, docID)
	}
	seed := newItem(h, d, f.terms)
	if !asserts(seed.hit) {
		return nil, newsintel.Errorf(newsintel.ENOTFOUND, "story %s: its claim asserts nothing (%s)", id, seed.hit.Source.Type)
	}
	its, err := f.around(ctx, seed)
	if err != nil {
		return nil, err
	}
	outlets := outletsOf(its)
	for _, g := range groupItems(its, f.opts.Window) {
		if !holds(g, seed.hit) {
			continue
		}
		st := build(g, outlets, removedOf(its))
		if err := f.link(ctx, &st, g, outlets); err != nil {
			return nil, err
		}
		return &st, nil
	}
	return nil, newsintel.Errorf(newsintel.ENOTFOUND, "story %s not found", id)
}

// revisionLister is what Get uses, when the index has it, to find a seed
// claim a later revision dropped or edited (*index.Index has it).
type revisionLister interface {
	Revisions(ctx context.Context, id string) (*index.RevisionHistory, error)
}

// seedClaim finds the claim of d whose text hashes to hash: among its
// current claims, else among the claims its revisions added, removed or
// edited, so that a story's ID outlives an edit of its first report.
func (f *Finder) seedClaim(ctx context.Context, d *newsintel.Document, hash string) (index.ClaimHit, bool, error) {
	if n, ok := hasClaimText(d, hash); ok {
		return claimHitOf(d, n), true, nil
	}
	rl, ok := f.ix.(revisionLister)
	if !ok {
		return index.ClaimHit{}, false, nil
	}
	hist, err := rl.Revisions(ctx, d.ID)
	if newsintel.ErrorCode(err) == newsintel.ENOTFOUND {
		return index.ClaimHit{}, false, nil
	}
	if err != nil {
		return index.ClaimHit{}, false, err
	}
	matches := func(text string) bool { return text != "" && strings.HasSuffix(storyID(d.ID, text), "."+hash) }
	for _, rev := range hist.Revisions {
		for _, ev := range slices.Concat(rev.Added, rev.Removed, rev.Changed) {
			if matches(ev.Text) || matches(ev.PreviousText) {
				status := index.ClaimCurrent
				if slices.ContainsFunc(rev.Removed, func(r index.ClaimEvent) bool { return r.ClaimID == ev.ClaimID }) {
					status = index.ClaimRemoved
				}
				return index.ClaimHit{ID: ev.ClaimID, DocumentID: d.ID, Title: d.Title, Kind: string(d.Kind),
					Publisher: d.Publisher, URL: d.URL, Published: firstSet(d.Published, d.Fetched),
					Text: ev.Text, Source: ev.Source, Status: status}, true, nil
			}
		}
	}
	return index.ClaimHit{}, false, nil
}

// around reads the claims that could share a story with seed: those
// mentioning its entities within Window either side, plus seed itself.
func (f *Finder) around(ctx context.Context, seed *item) ([]*item, error) {
	t := seed.published
	r := index.ClaimRequest{Entity: seed.ents, IncludeRemoved: true}
	if !t.IsZero() {
		r.Since, r.Until = t.Add(-f.opts.Window), t.Add(f.opts.Window)
	}
	_, _, its, err := f.gather(ctx, r, seed)
	return its, err
}

// gather reads the claims r matches (at most MaxClaims, the newest) and
// makes items of them and of their documents' other claims, with extra
// (when not nil) among them. An entity's units count as the entity: asked
// for Alibaba, it reads the claims that name only Alibaba Cloud too.
func (f *Finder) gather(ctx context.Context, r index.ClaimRequest, extra *item) ([]index.ClaimHit, uint64, []*item, error) {
	var hits []index.ClaimHit
	var total uint64
	var its []*item
	asked := r.Entity
	for pass := 0; pass < 2; pass++ {
		var err error
		if len(r.Entity) > 0 || len(asked) == 0 && extra == nil {
			if hits, total, err = f.read(ctx, r, f.opts.MaxClaims); err != nil {
				return nil, 0, nil, err
			}
		}
		all := hits
		if extra != nil && !holdsClaim(hits, extra.hit) {
			all = append(append([]index.ClaimHit(nil), hits...), extra.hit)
		}
		if its, err = f.items(ctx, all, 2*f.opts.MaxClaims); err != nil {
			return nil, 0, nil, err
		}
		more := relatives(asked, its)
		if len(more) == 0 {
			break
		}
		r.Entity = append(append([]string(nil), asked...), more...)
	}
	return hits, total, its, nil
}

// holdsClaim reports whether hits hold the claim h names.
func holdsClaim(hits []index.ClaimHit, h index.ClaimHit) bool {
	for _, x := range hits {
		if sameClaim(x, h) {
			return true
		}
	}
	return false
}

// sameClaim reports whether a and b are one claim: the same ID, or the
// same place in the same document (a claim made from a Document carries a
// made-up ID).
func sameClaim(a, b index.ClaimHit) bool {
	return a.ID == b.ID || a.DocumentID == b.DocumentID && a.Position > 0 && a.Position == b.Position
}

// relatives returns the entities the documents of its mention that are
// units or parents of the entities asked for (see sameEntity), by ID or
// canonical name, and were not asked for themselves.
func relatives(asked []string, its []*item) []string {
	if len(asked) == 0 {
		return nil
	}
	var ids []string
	seen := map[*newsintel.Document]bool{}
	for _, it := range its {
		if it.doc == nil || seen[it.doc] {
			continue
		}
		seen[it.doc] = true
		for _, m := range it.doc.Mentions {
			ids = append(ids, m.EntityID)
			for _, a := range asked {
				if strings.EqualFold(a, m.Name) {
					asked = append(asked, m.EntityID)
				}
			}
		}
	}
	var out []string
	for _, id := range ids {
		if contains(asked, id) || contains(out, id) {
			continue
		}
		for _, a := range asked {
			if sameEntity(a, id) {
				out = append(out, id)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// removedOf returns the items a later revision removed, by document.
func removedOf(its []*item) map[string][]*item {
	out := map[string][]*item{}
	for _, it := range its {
		if it.hit.Status == index.ClaimRemoved {
			out[it.hit.DocumentID] = append(out[it.hit.DocumentID], it)
		}
	}
	return out
}

func holds(g *group, h index.ClaimHit) bool {
	for _, it := range g.items {
		if sameClaim(it.hit, h) {
			return true
		}
	}
	return false
}
