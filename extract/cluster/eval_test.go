package cluster

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/neardup"
)

// story is one fixture of testdata/stories: "c07-d.txt" is variant d of
// story c07. A file holds the title, the published time (RFC 3339), a
// blank line and the body.
type story struct {
	label string
	doc   newsintel.Document
}

func loadStories(tb testing.TB) []story {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "stories", "*.txt"))
	if err != nil || len(files) < 60 {
		tb.Fatalf("want at least 60 stories in testdata/stories, got %d (%v)", len(files), err)
	}
	var out []story
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		head, body, _ := strings.Cut(string(data), "\n\n")
		title, when, _ := strings.Cut(head, "\n")
		pub, err := time.Parse(time.RFC3339, strings.TrimSpace(when))
		if err != nil {
			tb.Fatalf("%s: published: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		label, _, _ := strings.Cut(name, "-")
		out = append(out, story{label: label, doc: newsintel.Document{ID: name, Title: title, Published: pub, Body: body}})
	}
	return out
}

// pairScores returns pairwise precision and recall of the assigned
// clusters against the labels: over all pairs of documents, a pair in one
// assigned cluster is a true positive when the labels agree.
func pairScores(stories []story, cluster map[string]string) (p, r float64) {
	tp, fp, fn := 0, 0, 0
	for i := range stories {
		for j := i + 1; j < len(stories); j++ {
			same := stories[i].label == stories[j].label
			got := cluster[stories[i].doc.ID] == cluster[stories[j].doc.ID]
			switch {
			case same && got:
				tp++
			case got:
				fp++
			case same:
				fn++
			}
		}
	}
	return float64(tp) / float64(max(tp+fp, 1)), float64(tp) / float64(max(tp+fn, 1))
}

// TestEvalClusters assigns the fixture stories in publication order and in
// shuffled orders and measures pairwise precision and recall of the
// clusters. Targets: precision ≥ 0.95, recall ≥ 0.85.
func TestEvalClusters(t *testing.T) {
	stories := loadStories(t)
	orders := map[string]func([]story){
		"published": func(s []story) {
			slices.SortFunc(s, func(a, b story) int { return a.doc.Published.Compare(b.doc.Published) })
		},
		"shuffled-1": func(s []story) {
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		},
		"shuffled-2": func(s []story) {
			rand.New(rand.NewPCG(3, 4)).Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		},
	}
	for name, order := range orders {
		t.Run(name, func(t *testing.T) {
			s := slices.Clone(stories)
			order(s)
			a := New(NewMemStore())
			got := map[string]string{}
			for _, st := range s {
				doc := st.doc
				if _, err := a.Assign(t.Context(), &doc); err != nil {
					t.Fatalf("Assign %s: %v", doc.ID, err)
				}
				got[doc.ID] = doc.Cluster
			}
			p, r := pairScores(s, got)
			t.Logf("%d documents, %d stories: pairwise precision %.3f recall %.3f", len(s), countLabels(s), p, r)
			if p < 0.95 || r < 0.85 {
				t.Errorf("precision %.3f recall %.3f, want ≥ 0.95 and ≥ 0.85\n%s", p, r, clusterDump(s, got))
			}
		})
	}
}

func countLabels(s []story) int {
	seen := map[string]bool{}
	for _, st := range s {
		seen[st.label] = true
	}
	return len(seen)
}

func clusterDump(s []story, got map[string]string) string {
	var b strings.Builder
	for _, st := range s {
		fmt.Fprintf(&b, "%s → %s\n", st.doc.ID, got[st.doc.ID])
	}
	return b.String()
}

// TestDistanceDistributions logs, for pairs of the same story and pairs of
// different stories, the histograms of estimated Jaccard similarity and of
// containment (what clustering uses) and of SimHash Hamming distance
// (measured and rejected: the two overlap). It checks the rule: every
// document has a copy of its own story that it matches (clustering is
// transitive), and no pair of different stories matches.
func TestDistanceDistributions(t *testing.T) {
	stories := loadStories(t)
	sigs := make([][]uint32, len(stories))
	sims := make([]uint64, len(stories))
	sizes := make([]int, len(stories))
	for i, st := range stories {
		sigs[i], sims[i] = neardup.MinHash(st.doc.Body), neardup.SimHash(st.doc.Body)
		sizes[i] = len(neardup.Words(st.doc.Body)) - neardup.Shingle + 1
	}
	var jac, con, ham [2][]int // [0] same story, [1] different
	for k := range 2 {
		jac[k], con[k], ham[k] = make([]int, 21), make([]int, 21), make([]int, 65)
	}
	linked := make([]bool, len(stories))
	for i := range stories {
		for j := i + 1; j < len(stories); j++ {
			k := 1
			if stories[i].label == stories[j].label {
				k = 0
			}
			js := neardup.Jaccard(sigs[i], sigs[j])
			c := shared(js, sizes[i], sizes[j]) / float64(min(sizes[i], sizes[j]))
			jac[k][int(js*20)]++
			con[k][min(int(c*20), 20)]++
			ham[k][neardup.Distance(sims[i], sims[j])]++
			match := sameStory(js, sizes[i], sizes[j], neardup.JaccardThreshold)
			if k == 0 && match {
				linked[i], linked[j] = true, true
			}
			if k == 1 && match {
				t.Errorf("%s and %s are different stories but match (Jaccard %.2f, containment %.2f)", stories[i].doc.ID, stories[j].doc.ID, js, c)
			}
		}
	}
	t.Logf("estimated Jaccard (bucket of 0.05: same-story pairs / different-story pairs):\n%s", histogram(jac, 0.05))
	t.Logf("containment, shared shingles over the shorter body's (same / different):\n%s", histogram(con, 0.05))
	t.Logf("SimHash distance (bits: same / different):\n%s", histogram(ham, 1))
	for i, ok := range linked {
		if !ok && countLabel(stories, stories[i].label) > 1 {
			t.Errorf("%s matches no other copy of its story", stories[i].doc.ID)
		}
	}
}

func countLabel(s []story, label string) int {
	n := 0
	for _, st := range s {
		if st.label == label {
			n++
		}
	}
	return n
}

func histogram(h [2][]int, step float64) string {
	var b strings.Builder
	for i := range h[0] {
		if h[0][i]+h[1][i] > 0 {
			fmt.Fprintf(&b, "  %5.2f  %4d  %4d\n", float64(i)*step, h[0][i], h[1][i])
		}
	}
	return b.String()
}
