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

// Spike detection.
const (
	// DefaultBaselinePeriods is how many periods before a digest's own
	// make the baseline an entity's count is compared with.
	DefaultBaselinePeriods = 7
	// spikeCandidates is how many of the period's most mentioned entities
	// are checked against their baseline: each costs one count query.
	spikeCandidates = 10
	// minSpikeCount is the fewest documents that make a spike.
	minSpikeCount = 3
	// minSpikeRatio is how far the count must be above the baseline: the
	// ratio of the count to the baseline plus one (so an entity with no
	// baseline spikes from minSpikeCount documents on).
	minSpikeRatio = 3.0
	// maxSpikes bounds the section.
	maxSpikes = 5
)

// spikes finds the entities the period's matching documents mention far
// more than the same topic's documents did per period over the
// BaselinePeriods periods before. The candidates are the period's most
// mentioned entities (an entity facet of the overview search), less
// those the topic's own filters name; each one's baseline is one count
// query, so the work is bounded whatever the number of documents.
func (b *Builder) spikes(ctx context.Context, base index.Request, overview *index.Result, since, until time.Time) ([]newsintel.EntitySpike, error) {
	n := cmp.Or(b.BaselinePeriods, DefaultBaselinePeriods)
	period := until.Sub(since)
	if period <= 0 {
		return nil, nil
	}
	baseWin := windowed(base, since.Add(-time.Duration(n)*period), since)
	history, err := b.Index.Search(ctx, sized(baseWin, 1))
	if err != nil {
		return nil, fmt.Errorf("digest: spike baseline: %w", err)
	}
	if history.Total == 0 {
		return nil, nil // nothing to compare with: a new topic, or an index younger than the baseline window
	}
	named := filterEntities(base)
	var out []newsintel.EntitySpike
	for _, fc := range overview.Facets["entity"] {
		if fc.Count < minSpikeCount || named[strings.ToLower(fc.Term)] || named[strings.ToLower(fc.Name)] {
			continue
		}
		q := baseWin
		q.Size, q.Entity = 1, append(slices.Clip(q.Entity), fc.Term)
		res, err := b.Index.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("digest: spike baseline of %s: %w", fc.Term, err)
		}
		baseline := float64(res.Total) / float64(n)
		ratio := float64(fc.Count) / (baseline + 1)
		if ratio < minSpikeRatio {
			continue
		}
		t, _, _ := strings.Cut(fc.Term, ":")
		out = append(out, newsintel.EntitySpike{EntityID: fc.Term, Name: cmp.Or(fc.Name, fc.Term), Type: t,
			Count: fc.Count, Baseline: baseline, Ratio: ratio})
	}
	slices.SortStableFunc(out, func(a, b newsintel.EntitySpike) int { return cmp.Compare(b.Ratio, a.Ratio) })
	return out[:min(len(out), maxSpikes)], nil
}

func sized(r index.Request, n int) index.Request {
	r.Size = n
	return r
}

// filterEntities returns the entity IDs and names the request's filters
// name, lower-cased: the topic itself, which is no news.
func filterEntities(r index.Request) map[string]bool {
	out := map[string]bool{}
	for _, vs := range [][]string{r.Entity, r.Company, r.Agency, r.Government, r.Person, r.Place} {
		for _, v := range vs {
			out[strings.ToLower(v)] = true
		}
	}
	return out
}
