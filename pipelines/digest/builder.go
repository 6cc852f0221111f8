package digest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// Searcher is what the builder needs of the index.
type Searcher interface {
	Search(ctx context.Context, r index.Request) (*index.Result, error)
	Get(ctx context.Context, id string) (*newsintel.Document, error)
}

// Builder builds digests from the index. It is safe for concurrent use.
type Builder struct {
	Index Searcher
	Now   func() time.Time // the Generated time; time.Now when nil
	// BaselinePeriods is how many periods before a digest's own make the
	// baseline of entity spikes; 0 means DefaultBaselinePeriods.
	BaselinePeriods int
}

// hitsPerSection bounds the hits read per section: enough to fold the
// copies of a story and still fill MaxItems entries, never more than the
// index gives in one page.
func hitsPerSection(maxItems int) int { return min(index.MaxSize, max(3*maxItems, 30)) }

// Build returns the digest of topic t for documents fetched in
// [since, until). Documents are chosen by when they were fetched, not
// when they say they were published: a backfilled article dated last
// year is new to the subscriber the day it arrives, and an article whose
// date is wrong or missing is neither lost nor sent twice; each document
// falls in exactly one period. Entries are ranked by score, then by
// publication date (by date alone without a query string); the copies
// of one story (one near-duplicate cluster) fold into the best-ranked
// one, naming the other outlets in AlsoBy, and a story that began before
// the period comes after the new ones. The time window weighs nothing in
// the scores, so MinScore compares with the score a search of the
// topic's query and filters gives (restricted to the section's kinds).
// Every section holds at most the topic's MaxItems entries (25 by
// default, 100 at most) and every index query is bounded; Total counts
// every matching document. It returns the index's error (EINVALID for a
// query the index refuses).
func (b *Builder) Build(ctx context.Context, t newsintel.Topic, since, until time.Time) (*newsintel.Digest, error) {
	base, err := Compile(t.Query)
	if err != nil {
		return nil, err
	}
	maxItems := itemCap(t.Options.MaxItems)
	dg := &newsintel.Digest{TopicID: t.ID, TopicName: t.Name, Since: since.UTC(), Until: until.UTC(), Generated: b.now()}
	win := windowed(base, since, until)
	overview, err := b.overview(ctx, win)
	if err != nil {
		return nil, err
	}
	dg.Total = overview.Total
	if dg.Total == 0 {
		return dg, nil
	}
	docKinds, sections := sectionKinds(base.Kind, t.Options)
	// Without a query string every document matches alike: the score
	// would only come from the time window, so entries go by date.
	scored := strings.TrimSpace(base.Query) != ""
	q := sectionQuery{win: win, opts: t.Options, maxItems: maxItems, scored: scored, since: since}
	var docs []newsintel.Document
	if len(docKinds) > 0 {
		if dg.Documents, docs, err = b.section(ctx, q, docKinds); err != nil {
			return nil, err
		}
	}
	for _, k := range sections {
		entries, _, err := b.section(ctx, q, []string{string(k)})
		if err != nil {
			return nil, err
		}
		if k == newsintel.KindFiling {
			dg.Filings = entries
		} else {
			dg.Notices = entries
		}
	}
	if t.Options.IncludeClaims {
		dg.Claims = claimsOf(docs, t.Options.AnonymousOnly, maxItems)
	}
	if dg.Spikes, err = b.spikes(ctx, base, overview, since, until); err != nil {
		return nil, err
	}
	return dg, nil
}

func (b *Builder) now() time.Time {
	if b.Now != nil {
		return b.Now().UTC()
	}
	return time.Now().UTC()
}

// itemCap is the number of entries per section for a MaxItems option.
func itemCap(n int) int {
	if n <= 0 {
		return DefaultMaxItems
	}
	return min(n, MaxItemsCap)
}

// sectionKinds splits the kinds the topic's filter allows into those of
// the top documents and those with their own section. Filings and
// notices have their own sections when the options ask for them, are
// left out when they do not, unless the topic's own kind filter names
// them (a topic about filings gets its filings as top documents).
func sectionKinds(filter []string, o newsintel.TopicOptions) (docs []string, sections []newsintel.Kind) {
	allowed := func(k newsintel.Kind) bool {
		return len(filter) == 0 || slices.ContainsFunc(filter, func(f string) bool { return strings.EqualFold(f, string(k)) })
	}
	named := func(k newsintel.Kind) bool { return len(filter) > 0 && allowed(k) }
	own := map[newsintel.Kind]bool{newsintel.KindFiling: o.IncludeFilings, newsintel.KindNotice: o.IncludeNotices}
	for _, k := range newsintel.Kinds() {
		switch {
		case !allowed(k):
		case own[k]:
			sections = append(sections, k)
		case k == newsintel.KindArticle || named(k):
			docs = append(docs, string(k))
		}
	}
	return docs, sections
}

// overview counts the matching documents of the window and their most
// mentioned entities, reading no hits.
func (b *Builder) overview(ctx context.Context, win index.Request) (*index.Result, error) {
	win.Size, win.Facets, win.FacetSize = 1, []string{"entity"}, spikeCandidates
	res, err := b.Index.Search(ctx, win)
	if err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	return res, nil
}

// sectionQuery is what a section of a digest searches for.
type sectionQuery struct {
	win      index.Request // the topic's query in the period's window
	opts     newsintel.TopicOptions
	maxItems int
	scored   bool      // rank by score (the topic has a query string), else by date
	since    time.Time // start of the period
}

// section searches the window for documents of kinds and returns them
// ranked (by score when scored, else newest first) and folded, stories
// that began before the period after the new ones, at most maxItems
// entries, with the documents of the entries (for their claims).
func (b *Builder) section(ctx context.Context, q sectionQuery, kinds []string) ([]newsintel.DigestEntry, []newsintel.Document, error) {
	win := q.win
	win.Kind, win.Size, win.Sort = kinds, hitsPerSection(q.maxItems), index.SortRelevance
	if !q.scored {
		win.Sort = index.SortDateDesc
	}
	res, err := b.Index.Search(ctx, win)
	if err != nil {
		return nil, nil, fmt.Errorf("digest: %w", err)
	}
	var docs []ranked
	inPeriod := map[string]bool{}
	for _, h := range res.Hits {
		inPeriod[h.ID] = true
		if !q.scored {
			h.Score = 0
		} else if h.Score < q.opts.MinScore {
			continue
		}
		d, err := b.Index.Get(ctx, h.ID)
		if newsintel.ErrorCode(err) == newsintel.ENOTFOUND {
			continue // replaced or removed since the search
		}
		if err != nil {
			return nil, nil, fmt.Errorf("digest: %w", err)
		}
		docs = append(docs, ranked{doc: d, score: h.Score})
	}
	entries, kept := fold(docs, len(docs))
	if entries, kept, err = b.newFirst(ctx, entries, kept, inPeriod, q.since); err != nil {
		return nil, nil, err
	}
	entries, kept = entries[:min(len(entries), q.maxItems)], kept[:min(len(kept), q.maxItems)]
	if err := b.outlets(ctx, entries); err != nil {
		return nil, nil, err
	}
	return entries, kept, nil
}

// newFirst moves the entries of stories that began before the period
// (their cluster's first document, whose ID the cluster bears, was
// fetched before since: a new copy of a story an earlier digest carried)
// after the others, each group keeping its order.
func (b *Builder) newFirst(ctx context.Context, entries []newsintel.DigestEntry, kept []newsintel.Document, inPeriod map[string]bool, since time.Time) ([]newsintel.DigestEntry, []newsintel.Document, error) {
	var newE, oldE []newsintel.DigestEntry
	var newD, oldD []newsintel.Document
	for i, e := range entries {
		old, err := b.startedBefore(ctx, e, inPeriod, since)
		if err != nil {
			return nil, nil, err
		}
		if old {
			oldE, oldD = append(oldE, e), append(oldD, kept[i])
		} else {
			newE, newD = append(newE, e), append(newD, kept[i])
		}
	}
	return append(newE, oldE...), append(newD, oldD...), nil
}

// startedBefore reports whether the story of e began before since.
func (b *Builder) startedBefore(ctx context.Context, e newsintel.DigestEntry, inPeriod map[string]bool, since time.Time) (bool, error) {
	if e.Cluster == "" || e.Cluster == e.ID || inPeriod[e.Cluster] || !newsintel.ValidID(e.Cluster) {
		return false, nil
	}
	first, err := b.Index.Get(ctx, e.Cluster)
	switch {
	case newsintel.ErrorCode(err) == newsintel.ENOTFOUND:
		return false, nil
	case err != nil:
		return false, fmt.Errorf("digest: %w", err)
	}
	return !first.Fetched.IsZero() && first.Fetched.Before(since), nil
}

// outletsPerStory bounds the outlets named for one story.
const outletsPerStory = 20

// outlets completes the AlsoBy of each folded entry with every publisher
// of its near-duplicate cluster, whenever they carried it (a copy may have
// ranked below the hits read, or arrived in an earlier period): one facet
// count per entry, so at most MaxItems small queries.
func (b *Builder) outlets(ctx context.Context, entries []newsintel.DigestEntry) error {
	for i := range entries {
		e := &entries[i]
		if e.Cluster == "" || !newsintel.ValidID(e.Cluster) {
			continue
		}
		res, err := b.Index.Search(ctx, index.Request{Query: `cluster:"` + e.Cluster + `"`, Size: 1,
			Facets: []string{"publisher"}, FacetSize: outletsPerStory})
		if err != nil {
			return fmt.Errorf("digest: outlets of %s: %w", e.Cluster, err)
		}
		for _, fc := range res.Facets["publisher"] {
			addOutlet(e, fc.Term)
		}
	}
	return nil
}

// ranked is a matching document and its score.
type ranked struct {
	doc   *newsintel.Document
	score float64
}

// fold ranks docs by score, then newest first, and folds each
// near-duplicate cluster into its best-ranked document, whose entry
// names the other outlets that carried the story. It returns at most n
// entries and their documents.
func fold(docs []ranked, n int) ([]newsintel.DigestEntry, []newsintel.Document) {
	slices.SortStableFunc(docs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.score, a.score), publishedOf(b.doc).Compare(publishedOf(a.doc)), strings.Compare(a.doc.ID, b.doc.ID))
	})
	var entries []newsintel.DigestEntry
	var kept []newsintel.Document
	byCluster := map[string]int{} // cluster → index in entries
	for _, r := range docs {
		key := cmp.Or(r.doc.Cluster, r.doc.ID)
		if i, ok := byCluster[key]; ok {
			addOutlet(&entries[i], outletOf(r.doc))
			continue
		}
		if len(entries) == n {
			continue // still read on: a later copy may name another outlet of a kept story
		}
		byCluster[key] = len(entries)
		entries = append(entries, entryOf(r))
		kept = append(kept, *r.doc)
	}
	return entries, kept
}

// addOutlet adds outlet to e.AlsoBy unless it is e's own or already named.
func addOutlet(e *newsintel.DigestEntry, outlet string) {
	if outlet == "" || strings.EqualFold(outlet, e.Publisher) || slices.ContainsFunc(e.AlsoBy, func(o string) bool { return strings.EqualFold(o, outlet) }) {
		return
	}
	e.AlsoBy = append(e.AlsoBy, outlet)
}

func entryOf(r ranked) newsintel.DigestEntry {
	d := r.doc
	return newsintel.DigestEntry{
		ID: d.ID, Kind: d.Kind, Title: d.Title, URL: d.URL, Publisher: outletOf(d),
		Published: publishedOf(d), Summary: summaryOf(d), Score: r.score, Cluster: d.Cluster,
	}
}

// outletOf names who published d: its publisher, else its source.
func outletOf(d *newsintel.Document) string { return cmp.Or(d.Publisher, d.Source) }

// publishedOf is d's publication date, a filing's filing date, or when
// d was fetched.
func publishedOf(d *newsintel.Document) time.Time {
	switch {
	case !d.Published.IsZero():
		return d.Published
	case d.Filing != nil && !d.Filing.Filed.IsZero():
		return d.Filing.Filed
	}
	return d.Fetched
}

// Summaries.
const (
	summaryLen    = 400 // longest summary, cut at a word
	summaryMinLen = 80  // paragraphs are joined until the summary is this long
)

// summaryOf is d's summary, a notice's abstract, what a filing is, or
// the first paragraphs of its body (less one that only repeats the
// title), cut at a word boundary.
func summaryOf(d *newsintel.Document) string {
	s := d.Summary
	if s == "" && d.Notice != nil {
		s = d.Notice.Abstract
	}
	if s == "" && d.Filing != nil {
		s = filingSummary(d.Filing)
	}
	if s == "" {
		s = leadOf(d.Body, d.Title)
	}
	return cutWords(strings.Join(strings.Fields(s), " "), summaryLen)
}

// leadOf joins the first paragraphs of body until they make a summary,
// skipping a paragraph that is the title again.
func leadOf(body, title string) string {
	var b strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" || strings.EqualFold(p, strings.TrimSpace(title)) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		if b.Len() >= summaryMinLen {
			break
		}
	}
	return b.String()
}

// filingSummary says what a filing is: "Form 20-F filed by Alibaba Group
// Holding Limited on 2021-07-27 for the period ending 2021-03-31."
func filingSummary(f *newsintel.Filing) string {
	s := "Form " + cmp.Or(f.Form, "filing")
	if f.Company != "" {
		s += " filed by " + f.Company
	}
	if !f.Filed.IsZero() {
		s += " on " + f.Filed.Format(time.DateOnly)
	}
	if f.PeriodOfReport != "" {
		s += " for the period ending " + f.PeriodOfReport
	}
	return s + "."
}

// cutWords shortens s to at most n bytes at a space, adding "…".
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.ToValidUTF8(s[:n], "")
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// claimsPerDocument bounds the claims one document adds to a digest, so
// that the claims section spans the period's stories, not one long
// article.
const claimsPerDocument = 3

// claimsOf lists the claims of docs in their order, each claim text once
// (wire copies repeat them), only anonymous ones when anonymousOnly, at
// most claimsPerDocument per document and n in all.
func claimsOf(docs []newsintel.Document, anonymousOnly bool, n int) []newsintel.DigestClaim {
	var out []newsintel.DigestClaim
	seen := map[string]bool{}
	for i := range docs {
		d := &docs[i]
		mine := 0
		for _, c := range d.Claims {
			if anonymousOnly && c.Source.Type != newsintel.SourceAnonymous {
				continue
			}
			key := strings.ToLower(strings.Join(strings.Fields(c.Text), " "))
			if key == "" || seen[key] || mine == claimsPerDocument {
				continue
			}
			seen[key] = true
			mine++
			out = append(out, newsintel.DigestClaim{DocumentID: d.ID, Title: d.Title, URL: d.URL,
				Publisher: outletOf(d), Published: publishedOf(d), Claim: c})
			if len(out) == n {
				return out
			}
		}
	}
	return out
}
