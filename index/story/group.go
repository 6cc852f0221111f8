package story

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// Thresholds of grouping: a claim joins a story when its similarity to one
// of the story's claims reaches joinThreshold; near-duplicate documents add
// clusterBonus to the similarity of their claims.
const (
	joinThreshold = 0.22
	clusterBonus  = 0.25
	minShared     = 2 // content words two claims must share, unless near-duplicates
	// maxCompared bounds the work of a claim against a big story: it is
	// compared with the story's first claim and its newest maxCompared.
	maxCompared = 64
)

// group is a story being built: its claims in the order they joined.
type group struct {
	items []*item
	ents  []string
}

func (g *group) itemIDs() []string {
	ids := make([]string, len(g.items))
	for i, it := range g.items {
		ids[i] = it.hit.ID
	}
	return ids
}

// centroid is the normalised sum of the items' vectors.
func centroid(its []*item) signature {
	sum := map[int32]float64{}
	for _, it := range its {
		for _, x := range it.sig {
			sum[x.term] += x.w
		}
	}
	s := make(signature, 0, len(sum))
	for t, w := range sum {
		s = append(s, weightedTerm{t, w})
	}
	slices.SortFunc(s, func(a, b weightedTerm) int { return cmp.Compare(a.term, b.term) })
	return s.normalised()
}

func (g *group) add(it *item) {
	g.items = append(g.items, it)
	for _, e := range it.ents {
		if !contains(g.ents, e) {
			g.ents = append(g.ents, e)
		}
	}
}

// groupItems groups items (oldest first) into stories.
func groupItems(its []*item, window time.Duration) []*group {
	var groups []*group
	for _, it := range its {
		var best *group
		bestScore := 0.0
		for _, g := range groups {
			if it.published.Sub(g.items[0].published) > window {
				continue
			}
			if s := joinScore(it, g); s > bestScore {
				best, bestScore = g, s
			}
		}
		if best != nil && bestScore >= joinThreshold {
			best.add(it)
			continue
		}
		g := &group{}
		g.add(it)
		groups = append(groups, g)
	}
	return groups
}

// joinScore is how well it fits g: the best similarity to one of g's
// claims, when it shares an entity with g; 1 for a claim of the same
// document resting on the same anonymous sources.
func joinScore(it *item, g *group) float64 {
	shares := len(sharedEntities(it.ents, g.ents)) > 0
	best := 0.0
	for i, m := range g.items {
		if i > 0 && i < len(g.items)-maxCompared {
			continue // the first claim and the newest ones speak for the story
		}
		sameDoc := m.docNo == it.docNo
		if sameDoc && it.group > 0 && it.group == m.group {
			return 1
		}
		copied := !sameDoc && m.clusterNo == it.clusterNo // near-duplicate documents
		if !shares && !copied {
			continue
		}
		s, n := similarity(it.sig, m.sig)
		if copied {
			s += clusterBonus
		} else if n < minShared {
			continue // one rare word in common is not the same assertion
		}
		best = max(best, s)
	}
	return best
}

// storyID names a story by its first claim: the document ID, a dot, and
// the hash of the claim's normalised text.
func storyID(docID, text string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.Join(words(text), " ")))
	return fmt.Sprintf("%s.%08x", docID, h.Sum32())
}

// parseStoryID splits a story ID into its document ID and text hash.
func parseStoryID(id string) (docID, hash string, err error) {
	docID, hash, ok := strings.Cut(id, ".")
	if !ok || !newsintel.ValidID(docID) || len(hash) != 8 || strings.Trim(hash, "0123456789abcdef") != "" {
		return "", "", newsintel.Errorf(newsintel.EINVALID,
			"%q is not a story ID: a document ID, a dot and 8 hex digits", clip(id, 80))
	}
	return docID, hash, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// dateline matches the wire dateline that opens a lede: "WASHINGTON,
// March 4 (Halyard) - ".
var dateline = regexp.MustCompile(`^[A-Z][A-Z .'-]+(?:,[^()]{0,30})?\s*\([^)]{1,40}\)\s*[-–—]+\s*`)

// build turns a group into a Story, without links. removed holds the
// claims later revisions dropped, by document: a report lists those of its
// document that speak of the story's entities, whatever group they fell in.
func build(g *group, outlets map[string]bool, removed map[string][]*item) Story {
	byDoc := map[string][]*item{}
	var order []string
	for _, it := range g.items {
		if _, ok := byDoc[it.hit.DocumentID]; !ok {
			order = append(order, it.hit.DocumentID)
		}
		byDoc[it.hit.DocumentID] = append(byDoc[it.hit.DocumentID], it)
	}
	first := g.items[0]
	st := Story{ID: storyID(first.hit.DocumentID, first.hit.Text),
		Counts: Counts{ByAttribution: map[string]int{}}}
	core := centroid(g.items)
	for _, id := range order {
		r := report(byDoc[id], core, outlets)
		for _, it := range removed[id] {
			if !contains(g.itemIDs(), it.hit.ID) && (len(it.ents) == 0 || len(sharedEntities(it.ents, g.ents)) > 0) {
				r.Removed = append(r.Removed, removedClaim(it.hit))
			}
		}
		st.Reports = append(st.Reports, r)
	}
	sort.SliceStable(st.Reports, func(i, j int) bool { return st.Reports[i].Published.Before(st.Reports[j].Published) })
	st.First = st.Reports[0]
	st.Headline = dateline.ReplaceAllString(first.hit.Text, "") // the claim the story is named for
	st.Start, st.End = st.First.Published, st.Reports[len(st.Reports)-1].Published
	// "Reportedly" rests on unnamed sources as much as "people familiar
	// with the matter" do.
	st.Anonymous = st.First.SourceType == newsintel.SourceAnonymous || st.First.SourceType == newsintel.SourceUnattributed
	st.Entities = entityRefs(byDoc)
	st.Terms = storyTerms(g.items, 10)
	st.Counts = counts(st.Reports)
	st.Links = []Link{}
	return st
}

// report is one document's report: its claim closest to the story's
// centroid tells how it attributes the story; a claim a later revision
// dropped speaks for the report only when no other is left.
func report(its []*item, core signature, outlets map[string]bool) Report {
	best, bestRank, bestSim := its[0], -1, -1.0
	var removed []RemovedClaim
	for _, it := range its {
		r, s := 1, cosine(it.sig, core)
		if it.hit.Status == index.ClaimRemoved {
			removed = append(removed, removedClaim(it.hit))
			r = 0
		}
		if r > bestRank || r == bestRank && s > bestSim {
			best, bestRank, bestSim = it, r, s
		}
	}
	h := best.hit
	attr, via := best.attribution(outlets)
	// "the people" of a later sentence are the "three people briefed on
	// the matter" of an earlier one: describe them as first described.
	src := h.Source
	for _, it := range its {
		if best.group > 0 && it.group == best.group && src.Count == nil && it.hit.Source.Count != nil {
			src = it.hit.Source
		}
	}
	return Report{DocumentID: h.DocumentID, Kind: h.Kind, Publisher: h.Publisher, Title: h.Title, URL: h.URL,
		Published: best.published, Attribution: attr, Via: via, ClaimID: h.ID, Text: h.Text, Hedge: h.Hedge,
		SourceType: h.Source.Type, SourceCount: src.Count, SourceDescription: src.Description,
		SourceName: src.Name, Claims: len(its), Removed: removed}
}

func removedClaim(h index.ClaimHit) RemovedClaim {
	return RemovedClaim{ClaimID: h.ID, Text: h.Text, SourceType: h.Source.Type, SourceDescription: h.Source.Description,
		AddedIn: h.AddedRevision, RemovedIn: h.RemovedRevision, RemovedAt: h.RemovedAt}
}

// attribution says how the item's claim is attributed: as its source
// says, but a claim the sentence introduces as what "reports" said
// ("days after reports that the administration had opened a review") is
// relayed whoever speaks in the sentence.
func (it *item) attribution(outlets map[string]bool) (string, string) {
	a, via := attribution(it.hit.Source, outlets)
	if it.relayed && a != Via {
		return Via, ""
	}
	return a, via
}

// attribution says how a claim is attributed, and the outlet it is
// relayed from.
func attribution(s newsintel.Source, outlets map[string]bool) (string, string) {
	if s.Via != "" {
		return Via, s.Via
	}
	switch s.Type {
	case newsintel.SourceAnonymous:
		return OwnSources, ""
	case newsintel.SourcePerson, newsintel.SourceOrganization, newsintel.SourceDocument:
		if s.Type != newsintel.SourcePerson && isOutlet(s.Name, outlets) {
			return Via, s.Name // "Reuters reported that …"
		}
		if s.Type == newsintel.SourceDocument && s.Name == "" && isOutlet(s.Affiliation, outlets) {
			return Via, s.Affiliation // "according to a Reuters report"
		}
		return OnRecord, ""
	}
	return Unattributed, ""
}

// wireOutlets are news agencies and outlets that are relayed most often.
var wireOutlets = wordSet(`reuters bloomberg ap afp xinhua kyodo yonhap dpa tass interfax cnbc cnn bbc nikkei
caixin axios politico semafor`)

// outletEnds are the last words of outlet names ("The Wall Street Journal").
var outletEnds = wordSet(`times journal post news herald tribune gazette telegraph guardian reuters
bloomberg wire dispatch chronicle observer examiner ledger courier daily weekly magazine`)

// isOutlet reports whether name is a news outlet: a publisher of the
// documents read, a wire agency, or a name ending like one.
func isOutlet(name string, outlets map[string]bool) bool {
	n := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "The "))
	n = strings.TrimPrefix(n, "the ")
	if n == "" {
		return false
	}
	if outlets[n] || wireOutlets[n] {
		return true
	}
	ws := words(n)
	first := strings.Fields(n)[0]
	return wireOutlets[first] || len(ws) > 1 && outletEnds[ws[len(ws)-1]]
}

// entityRefs counts, for every entity, the reports whose claims mention it.
func entityRefs(byDoc map[string][]*item) []EntityRef {
	count, names := map[string]int{}, map[string]string{}
	for _, its := range byDoc {
		seen := map[string]bool{}
		for _, it := range its {
			for i, e := range it.hit.Entities {
				if i < len(it.hit.EntityNames) && names[e] == "" {
					names[e] = it.hit.EntityNames[i]
				}
			}
			for _, e := range it.ents {
				if !seen[e] {
					seen[e] = true
					count[e]++
				}
			}
		}
	}
	out := make([]EntityRef, 0, len(count))
	for e, n := range count {
		out = append(out, EntityRef{ID: e, Name: names[e], Reports: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Reports != out[j].Reports {
			return out[i].Reports > out[j].Reports
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// storyTerms returns the n heaviest content words of the items' claims.
func storyTerms(its []*item, n int) []string {
	sum := map[string]float64{}
	for _, it := range its {
		for _, x := range it.sig {
			sum[it.vocab.terms[x.term]] += x.w
		}
	}
	return topTerms(sum, n)
}

func counts(reports []Report) Counts {
	c := Counts{Reports: len(reports), ByAttribution: map[string]int{}}
	by := map[string]int{}
	for _, r := range reports {
		c.ByAttribution[r.Attribution]++
		by[r.Publisher]++
	}
	for o, n := range by {
		c.ByOutlet = append(c.ByOutlet, OutletCount{Outlet: o, Reports: n})
	}
	sort.Slice(c.ByOutlet, func(i, j int) bool {
		if c.ByOutlet[i].Reports != c.ByOutlet[j].Reports {
			return c.ByOutlet[i].Reports > c.ByOutlet[j].Reports
		}
		return c.ByOutlet[i].Outlet < c.ByOutlet[j].Outlet
	})
	c.Outlets = len(by)
	return c
}
