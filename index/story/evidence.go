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

// Evidence thresholds: the share of the story's term weight a passage
// must carry, and the fewest shared terms, to confirm or to be related.
const (
	confirmShare = 0.3
	confirmTerms = 3
	relatedShare = 0.25
	relatedTerms = 3
	maxCore      = 3 // entities evidence is matched on
	evidenceTerm = 12
)

// profile is what evidence is matched against: the story's main entities
// and its weighted terms.
type profile struct {
	first   Report
	firstAt time.Time
	until   time.Time
	core    []EntityRef
	weights map[string]float64 // term → weight, the evidenceTerm heaviest
	head    string             // the heaviest term: what happened ("review")
	total   float64
	skip    map[string]bool // words of the core entities' names
	outlets map[string]bool // publishers of the claims read: a source named so is relayed
}

func newProfile(st *Story, g *group, window time.Duration, outlets map[string]bool) *profile {
	p := &profile{first: st.First, firstAt: st.First.Published, until: st.First.Published.Add(window),
		weights: map[string]float64{}, outlets: outlets}
	for _, e := range st.Entities {
		if len(p.core) < maxCore && (len(p.core) == 0 || e.Reports*2 >= st.Entities[0].Reports) {
			p.core = append(p.core, e)
		}
	}
	var names []string
	for _, e := range p.core {
		names = append(names, e.Name, strings.ReplaceAll(e.ID[strings.Index(e.ID, ":")+1:], "-", " "))
	}
	// Terms weigh by the number of the story's claims that use them, not
	// by their rarity among the claims read, so that evidence does not
	// depend on the filters that found the story.
	sum := map[string]float64{}
	for _, it := range g.items {
		for t := range it.counts {
			sum[t]++
		}
	}
	for i, t := range topTerms(sum, evidenceTerm) {
		if i == 0 {
			p.head = t
		}
		p.weights[t] = sum[t]
		p.total += sum[t]
	}
	// Words of the entities' names are matched as entities, not terms,
	// unless the story's claims use them as words ("Alibaba's cloud").
	p.skip = nameWords(names)
	for t := range p.skip {
		if p.weights[t] > 0 || p.weights[stem(t)] > 0 {
			delete(p.skip, t)
		}
	}
	return p
}

// primary reports whether ents hold the story's main entity (the one most
// reports name, or a unit of it): a confirmation must be about it, not
// only about the agency or people around it.
func (p *profile) primary(ents []string) bool {
	return len(p.core) > 0 && len(sharedEntities(ents, []string{p.core[0].ID})) > 0
}

// coreIDs returns the IDs of the core entities.
func (p *profile) coreIDs() []string {
	out := make([]string, len(p.core))
	for i, e := range p.core {
		out[i] = e.ID
	}
	return out
}

// terms returns the story terms of text, heaviest first, and the share of
// the story's weight they carry.
func (p *profile) terms(text string) ([]string, float64) {
	var shared []string
	var w float64
	for t := range contentTerms(text, p.skip) {
		if p.weights[t] > 0 {
			shared = append(shared, t)
			w += p.weights[t]
		}
	}
	sort.Slice(shared, func(i, j int) bool {
		if wi, wj := p.weights[shared[i]], p.weights[shared[j]]; wi != wj {
			return wi > wj
		}
		return shared[i] < shared[j]
	})
	if p.total == 0 {
		return shared, 0
	}
	return shared, w / p.total
}

// names reports whether s names one of the core entities.
func (p *profile) names(s string) []string {
	var out []string
	ls := " " + strings.Join(words(s), " ") + " "
	for _, e := range p.core {
		n := strings.Join(words(e.Name), " ")
		if n == "" {
			n = strings.Join(words(strings.ReplaceAll(e.ID[strings.Index(e.ID, ":")+1:], "-", " ")), " ")
		}
		if n != "" && strings.Contains(ls, " "+n+" ") {
			out = append(out, e.ID)
		}
	}
	return out
}

// in reports whether t falls in the evidence window: after the first
// report, within the window.
func (p *profile) in(t time.Time) bool {
	return !t.Before(p.firstAt) && !t.After(p.until)
}

// link finds the evidence about st among its own claims and the documents
// the index finds for the story's entities and terms.
func (f *Finder) link(ctx context.Context, st *Story, g *group, outlets map[string]bool) error {
	if !st.Anonymous {
		return nil
	}
	p := newProfile(st, g, f.opts.EvidenceWindow, outlets)
	links := map[string]Link{}
	// The story's own claims and the documents the index finds for it:
	// not the other claims read, so that a story has the same links
	// whichever filters found it.
	for _, it := range g.items {
		if l, ok := p.claimLink(it); ok {
			keep(links, l)
		}
	}
	truncated, err := f.documentLinks(ctx, p, links)
	if err != nil {
		return err
	}
	st.EvidenceTruncated = truncated
	st.Links = make([]Link, 0, len(links))
	for _, l := range links {
		st.Links = append(st.Links, l)
	}
	sort.Slice(st.Links, func(i, j int) bool {
		a, b := st.Links[i], st.Links[j]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.DocumentID < b.DocumentID
	})
	return nil
}

// labelRank orders labels from the strongest; a document keeps its
// strongest link.
var labelRank = map[string]int{Denies: 3, Confirms: 2, Related: 1}

func keep(links map[string]Link, l Link) {
	if old, ok := links[l.DocumentID]; ok {
		if labelRank[old.Label] > labelRank[l.Label] ||
			labelRank[old.Label] == labelRank[l.Label] && len(old.Why.SharedTerms) >= len(l.Why.SharedTerms) {
			return
		}
	}
	links[l.DocumentID] = l
}

// claimLink judges an on-record claim: a denial by a story entity, a
// confirmation that shares the story's entities and most of its terms, or
// a related statement.
func (p *profile) claimLink(it *item) (Link, bool) {
	h := it.hit
	if h.DocumentID == p.first.DocumentID || h.Status == index.ClaimRemoved || !p.in(it.published) {
		return Link{}, false
	}
	switch h.Source.Type {
	case newsintel.SourcePerson, newsintel.SourceOrganization, newsintel.SourceDocument:
	default:
		return Link{}, false
	}
	if a, _ := it.attribution(p.outlets); a != OnRecord {
		return Link{}, false
	}
	speaker := p.names(strings.Join([]string{h.Source.Name, h.Source.Affiliation, h.Source.Description}, " "))
	ents := unique(append(sharedEntities(it.ents, p.coreIDs()), speaker...))
	terms, share := p.terms(h.Text)
	l := Link{Evidence: EvidenceClaim, DocumentID: h.DocumentID, Kind: h.Kind, Publisher: h.Publisher,
		Title: h.Title, URL: h.URL, Published: it.published, ClaimID: h.ID, Passage: h.Text,
		Source: sourceLabel(h.Source), Why: Why{SharedEntities: ents, SharedTerms: nonNil(terms)}}
	cue := denialCue(h.Text)
	if cue == "" && isDenyVerb(h.Cue) {
		cue = h.Cue
	}
	switch {
	case len(ents) == 0:
		return Link{}, false
	case cue != "" && len(speaker) > 0 && len(terms) >= 1:
		l.Label, l.Why.Cue = Denies, cue
		l.Why.Rule = "an on-record source of a story entity denies the report"
	case cue != "" || !contains(terms, p.head):
		return Link{}, false // evidence must speak of what happened, not only of whom
	case p.primary(ents) && h.Hedge == "" && !negated.MatchString(h.Text) && !tentative.MatchString(h.Text) &&
		len(terms) >= confirmTerms && share >= confirmShare:
		l.Label, l.Why.Cue = Confirms, h.Cue
		l.Why.Rule = fmt.Sprintf("an on-record source states it: %d story terms (%.0f%% of the story's weight) and its entities", len(terms), 100*share)
	case len(terms) >= relatedTerms && share >= relatedShare:
		l.Label = Related
		l.Why.Rule = fmt.Sprintf("an on-record statement about the story's entities sharing %d of its terms (%.0f%%)", len(terms), 100*share)
	default:
		return Link{}, false
	}
	p.delay(&l)
	return l, true
}

func isDenyVerb(cue string) bool {
	switch strings.ToLower(cue) {
	case "denied", "denies", "deny", "denying":
		return true
	}
	return false
}

func (p *profile) delay(l *Link) {
	d := l.Published.Sub(p.firstAt)
	l.DelaySeconds = int64(d / time.Second)
	l.Delay = humanDelay(d)
}

// humanDelay prints d in days and hours: "9d4h", "3h", "0h".
func humanDelay(d time.Duration) string {
	h := int(d / time.Hour)
	if h >= 24 {
		if h%24 == 0 {
			return fmt.Sprintf("%dd", h/24)
		}
		return fmt.Sprintf("%dd%dh", h/24, h%24)
	}
	return fmt.Sprintf("%dh", h)
}

func sourceLabel(s newsintel.Source) string {
	parts := []string{}
	for _, v := range []string{s.Name, s.Description, s.Affiliation} {
		if v != "" && !contains(parts, v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, ", ")
}

func unique(s []string) []string {
	var out []string
	for _, v := range s {
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	return nonNil(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// documentLinks searches the documents published in the evidence window
// that mention the story's core entities and words, and judges their
// sentences. It reports whether more documents matched than were read.
func (f *Finder) documentLinks(ctx context.Context, p *profile, links map[string]Link) (bool, error) {
	if len(p.core) == 0 || len(p.weights) == 0 {
		return false, nil
	}
	res, err := f.ix.Search(ctx, index.Request{Query: evidenceQuery(p), Entity: p.coreIDs(), Since: p.firstAt,
		Until: p.until, Size: min(f.opts.MaxEvidenceDocs, index.MaxSize), Sort: index.SortRelevance})
	if err != nil {
		return false, err
	}
	for _, h := range res.Hits {
		if h.ID == p.first.DocumentID {
			continue
		}
		d, err := f.ix.Get(ctx, h.ID)
		if err != nil {
			if ctx.Err() != nil {
				return false, ctx.Err()
			}
			continue
		}
		if l, ok := p.documentLink(d); ok {
			keep(links, l)
		}
	}
	return res.Total > uint64(len(res.Hits)), nil
}

// evidenceQuery is the story's terms as a query string: any of them may
// match, the more the better.
func evidenceQuery(p *profile) string {
	ts := make([]string, 0, len(p.weights))
	for t := range p.weights {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return strings.Join(ts, " ")
}
