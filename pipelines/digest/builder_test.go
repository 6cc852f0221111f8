package digest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

var (
	since = time.Date(2026, 11, 29, 7, 30, 0, 0, time.UTC)
	until = since.Add(24 * time.Hour)
)

func dailyTopic(q string, filters map[string][]string, o newsintel.TopicOptions) newsintel.Topic {
	return newsintel.Topic{ID: "t1", Name: "test", Query: newsintel.TopicQuery{Q: q, Filters: filters},
		Schedule: newsintel.Schedule{Every: "daily", At: "07:30"}, Options: o}
}

// TestBuildFoldsWireCopies puts three copies of one wire story (one
// near-duplicate cluster, three outlets) beside an unrelated story: the
// digest shows the story once, naming the two other outlets.
func TestBuildFoldsWireCopies(t *testing.T) {
	in := since.Add(2 * time.Hour)
	docs := []newsintel.Document{
		article("wire1", "reuters", "US reviews Alibaba cloud business", in),
		article("wire2", "yahoo-finance", "US reviews Alibaba cloud business", in.Add(time.Minute)),
		article("wire3", "marketscreener", "US reviews Alibaba cloud business", in.Add(2*time.Minute)),
		article("own1", "ft", "Alibaba cloud faces scrutiny over data storage", in.Add(3*time.Minute)),
	}
	for i := range 3 {
		docs[i].Cluster = "wire1"
	}
	b := &Builder{Index: newTestIndex(t, docs)}
	dg, err := b.Build(t.Context(), dailyTopic("alibaba cloud", nil, newsintel.TopicOptions{}), since, until)
	require.NoError(t, err)
	if dg.Total != 4 {
		t.Errorf("Total %d, want 4 (every matching document, before folding)", dg.Total)
	}
	require.Len(t, dg.Documents, 2, "entries: %+v", dg.Documents)
	var wire newsintel.DigestEntry
	for _, e := range dg.Documents {
		if e.Cluster == "wire1" {
			wire = e
		}
	}
	others := append([]string{wire.Publisher}, wire.AlsoBy...)
	slices.Sort(others)
	if len(wire.AlsoBy) != 2 || !slices.Equal(others, []string{"marketscreener", "reuters", "yahoo-finance"}) {
		t.Errorf("wire entry by %q also by %v, want the other two of reuters, yahoo-finance, marketscreener", wire.Publisher, wire.AlsoBy)
	}
}

// TestBuildNamesEarlierCopies checks that an entry names the outlet of a
// copy of its story that arrived before the period (it was in an earlier
// digest, but still carried the story).
func TestBuildNamesEarlierCopies(t *testing.T) {
	docs := []newsintel.Document{
		article("wire0", "marketwatch", "US reviews Alibaba cloud business", since.Add(-time.Hour)),
		article("wire1", "reuters", "US reviews Alibaba cloud business", since.Add(time.Hour)),
	}
	docs[0].Cluster, docs[1].Cluster = "wire0", "wire0"
	b := &Builder{Index: newTestIndex(t, docs)}
	dg, err := b.Build(t.Context(), dailyTopic("alibaba", nil, newsintel.TopicOptions{}), since, until)
	require.NoError(t, err)
	require.Len(t, dg.Documents, 1)
	if e := dg.Documents[0]; e.ID != "wire1" || !slices.Equal(e.AlsoBy, []string{"marketwatch"}) {
		t.Errorf("entry %s also by %v, want wire1 also by marketwatch", e.ID, e.AlsoBy)
	}
}

// TestBuildWindowIsFetchTime checks that a digest holds what arrived in
// its period, whatever the publication date says: a backfilled article
// from 2019 is in, an article fetched the day before is not.
func TestBuildWindowIsFetchTime(t *testing.T) {
	old := article("backfill", "reuters", "Alibaba cloud expands in Europe", since.Add(time.Hour))
	old.Published = time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)
	before := article("yesterday", "ft", "Alibaba cloud earnings", since.Add(-time.Minute))
	atEnd := article("atend", "ft", "Alibaba cloud outage", until) // belongs to the next period
	b := &Builder{Index: newTestIndex(t, []newsintel.Document{old, before, atEnd})}
	dg, err := b.Build(t.Context(), dailyTopic("alibaba", nil, newsintel.TopicOptions{}), since, until)
	require.NoError(t, err)
	var ids []string
	for _, e := range dg.Documents {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []string{"backfill"}) || dg.Total != 1 {
		t.Errorf("digest of [%s, %s) holds %v (total %d), want only the backfilled article", since, until, ids, dg.Total)
	}
}

// TestBuildBounded checks that a topic matching thousands of documents in
// a period yields a digest of at most MaxItems entries (25 by default)
// with Total counting them all.
func TestBuildBounded(t *testing.T) {
	docs := filler(3000, since.Add(time.Minute), "p")
	b := &Builder{Index: newTestIndex(t, docs)}
	for _, c := range []struct {
		maxItems, want int
	}{{0, DefaultMaxItems}, {7, 7}, {MaxItemsCap, MaxItemsCap}} {
		dg, err := b.Build(t.Context(), dailyTopic("dredging", nil, newsintel.TopicOptions{MaxItems: c.maxItems}), since, until)
		require.NoError(t, err)
		if len(dg.Documents) != c.want || dg.Total != 3000 {
			t.Errorf("max_items %d: %d entries of %d matching, want %d of 3000", c.maxItems, len(dg.Documents), dg.Total, c.want)
		}
	}
}

// TestBuildSections checks claims (anonymous only), filings and notices
// in their own sections, and the ranking of an empty query by date.
func TestBuildSections(t *testing.T) {
	in := since.Add(time.Hour)
	named := article("named", "ft", "Commerce Department statement on Alibaba", in)
	named.Claims[0].Text = "The review of Alibaba is routine"
	named.Claims[0].Source = newsintel.Source{Type: newsintel.SourceOrganization, Description: "a Commerce Department spokesperson"}
	anon := article("anon", "reuters", "US reviews Alibaba cloud business", in.Add(time.Minute))
	filing := article("sec-0001577552-26-000045", "sec-edgar", "Alibaba Group annual report", in.Add(2*time.Minute))
	filing.Kind = newsintel.KindFiling
	notice := article("fr-2026-12345", "federal-register", "Rule on cloud service providers", in.Add(3*time.Minute))
	notice.Kind = newsintel.KindNotice
	b := &Builder{Index: newTestIndex(t, []newsintel.Document{named, anon, filing, notice})}
	topic := dailyTopic("", nil, newsintel.TopicOptions{IncludeClaims: true, AnonymousOnly: true, IncludeFilings: true})
	dg, err := b.Build(t.Context(), topic, since, until)
	require.NoError(t, err)
	if got := entryIDs(dg.Documents); !slices.Equal(got, []string{"anon", "named"}) {
		t.Errorf("documents %v, want the two articles, newest first", got)
	}
	if got := entryIDs(dg.Filings); !slices.Equal(got, []string{filing.ID}) {
		t.Errorf("filings %v, want %s", got, filing.ID)
	}
	if len(dg.Notices) != 0 {
		t.Errorf("notices %v without include_notices, want none", entryIDs(dg.Notices))
	}
	require.Len(t, dg.Claims, 1, "claims: %+v", dg.Claims)
	if c := dg.Claims[0]; c.DocumentID != "anon" || c.Claim.Source.Description != "three people familiar with the matter" {
		t.Errorf("claim %+v, want the anonymous one of anon with its source description", c)
	}
}

// TestBuildSpikes checks that an entity mentioned in many of the period's
// documents and never before is reported, and the topic's own entity is
// not.
func TestBuildSpikes(t *testing.T) {
	var docs []newsintel.Document
	for i := range 6 {
		d := article(fmt.Sprintf("s%d", i), "reuters", "Alibaba cloud review widens", since.Add(time.Duration(i+1)*time.Hour))
		d.Cluster = d.ID
		docs = append(docs, d)
	}
	// Before the period, Alibaba alone, once a day.
	for i := range 7 {
		d := article(fmt.Sprintf("b%d", i), "reuters", "Alibaba results", since.Add(-time.Duration(i+1)*24*time.Hour+time.Hour))
		d.Mentions = d.Mentions[:1]
		docs = append(docs, d)
	}
	b := &Builder{Index: newTestIndex(t, docs)}
	dg, err := b.Build(t.Context(), dailyTopic("", map[string][]string{"company": {"company:alibaba-group"}}, newsintel.TopicOptions{}), since, until)
	require.NoError(t, err)
	require.Len(t, dg.Spikes, 1, "spikes: %+v", dg.Spikes)
	sp := dg.Spikes[0]
	if sp.EntityID != "agency:us-department-of-commerce" || sp.Count != 6 || sp.Baseline != 0 {
		t.Errorf("spike %+v, want the Commerce Department with 6 documents and no baseline", sp)
	}
}

func entryIDs(es []newsintel.DigestEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestSummaryOf(t *testing.T) {
	filed := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		doc  newsintel.Document
		want string
	}{
		{"wire text repeating its title", newsintel.Document{Title: "UPDATE 1-U.S. review drags on",
			Body: "UPDATE 1-U.S. review drags on\n\nWASHINGTON, March 9 - A U.S. review of Alibaba's cloud unit has slowed, three sources said.\n\nMore."},
			"WASHINGTON, March 9 - A U.S. review of Alibaba's cloud unit has slowed, three sources said."},
		{"short paragraphs joined", newsintel.Document{Title: "T", Body: "By Jane Doe\n\nJune 14, 2021\n\nThe Biden administration is reviewing Alibaba's cloud business, three people said.\n\nMore."},
			"By Jane Doe June 14, 2021 The Biden administration is reviewing Alibaba's cloud business, three people said."},
		{"filing", newsintel.Document{Title: "20-F", Body: "UNITED STATES\n\nSECURITIES AND EXCHANGE COMMISSION",
			Filing: &newsintel.Filing{Form: "20-F", Company: "Alibaba Group Holding Limited", Filed: filed, PeriodOfReport: "2021-03-31"}},
			"Form 20-F filed by Alibaba Group Holding Limited on 2021-07-27 for the period ending 2021-03-31."},
		{"notice abstract", newsintel.Document{Title: "Rule", Body: "Body.", Notice: &newsintel.Notice{Abstract: "This rule amends the Export Administration Regulations."}},
			"This rule amends the Export Administration Regulations."},
	}
	for _, c := range cases {
		if got := summaryOf(&c.doc); got != c.want {
			t.Errorf("%s: summaryOf = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestClaimsSpreadOverStories checks that one long article cannot fill
// the claims section alone.
func TestClaimsSpreadOverStories(t *testing.T) {
	long := article("long", "reuters", "Long read", since)
	for i := range 6 {
		c := long.Claims[0]
		c.Text = fmt.Sprintf("claim number %d", i)
		long.Claims = append(long.Claims, c)
	}
	short := article("short", "ft", "Short", since)
	short.Claims[0].Text = "a different claim"
	got := claimsOf([]newsintel.Document{long, short}, false, 25)
	perDoc := map[string]int{}
	for _, c := range got {
		perDoc[c.DocumentID]++
	}
	if perDoc["long"] != claimsPerDocument || perDoc["short"] != 1 {
		t.Errorf("claims per document %v, want %d from the long read and 1 from the other", perDoc, claimsPerDocument)
	}
}

// BenchmarkBuild measures a digest of a topic matching 3 000 documents of
// its period (sections read at most 100 hits each, folded and capped at
// 25 entries, spikes checked against seven periods).
func BenchmarkBuild(b *testing.B) {
	docs := filler(3000, since.Add(time.Minute), "p")
	for i := range 300 {
		d := article(fmt.Sprintf("a%d", i), fmt.Sprintf("outlet-%d", i%7), "Port dredging and Alibaba cloud", since.Add(time.Duration(i)*time.Second))
		d.Cluster = fmt.Sprintf("a%d", i%40)
		docs = append(docs, d)
	}
	ix := newTestIndex(b, docs)
	bl := &Builder{Index: ix}
	topic := dailyTopic("dredging", nil, newsintel.TopicOptions{IncludeClaims: true})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bl.Build(b.Context(), topic, since, until); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBuildScoresAreTheQuerys checks that the time window does not weigh
// in the ranking: min_score compares with the score the topic's query
// gives in a plain search, and a strong match fetched early outranks a
// weak one fetched late.
func TestBuildScoresAreTheQuerys(t *testing.T) {
	strong := article("strong", "reuters", "Dredging dredging: the port dredging contract", since.Add(time.Minute))
	weak := filler(1, since.Add(20*time.Hour), "weak")[0]
	weak.Body = "A council meeting covered parks, schools, budgets and, briefly, dredging."
	ix := newTestIndex(t, []newsintel.Document{strong, weak})
	// The plain search of the documents section: the query, restricted to articles.
	plain, err := ix.Search(t.Context(), index.Request{Query: "dredging", Kind: []string{"article"}})
	require.NoError(t, err)
	require.Len(t, plain.Hits, 2)
	between := (plain.Hits[0].Score + plain.Hits[1].Score) / 2
	b := &Builder{Index: ix}
	dg, err := b.Build(t.Context(), dailyTopic("dredging", nil, newsintel.TopicOptions{}), since, until)
	require.NoError(t, err)
	if got := entryIDs(dg.Documents); !slices.Equal(got, []string{"strong", "weak00000"}) {
		t.Errorf("ranking %v, want the strong match first", got)
	}
	dg, err = b.Build(t.Context(), dailyTopic("dredging", nil, newsintel.TopicOptions{MinScore: between}), since, until)
	require.NoError(t, err)
	if got := entryIDs(dg.Documents); !slices.Equal(got, []string{"strong"}) {
		t.Errorf("min_score %.3f (between the plain scores %.3f and %.3f) keeps %v, want only the strong match", between, plain.Hits[0].Score, plain.Hits[1].Score, got)
	}
	justUnder := plain.Hits[1].Score * 0.99
	dg, err = b.Build(t.Context(), dailyTopic("dredging", nil, newsintel.TopicOptions{MinScore: justUnder}), since, until)
	require.NoError(t, err)
	if got := entryIDs(dg.Documents); len(got) != 2 {
		t.Errorf("min_score %.3f (just under the weak match's plain score %.3f) keeps %v, want both", justUnder, plain.Hits[1].Score, got)
	}
}

// TestBuildNewStoriesFirst checks that a new copy of a story an earlier
// digest carried (its cluster began before the period) comes after the
// stories that are new, even when it scores higher.
func TestBuildNewStoriesFirst(t *testing.T) {
	first := article("a0", "reuters", "Alibaba cloud review: Alibaba cloud under scrutiny", since.Add(-3*time.Hour))
	copyOf := article("a1", "yahoo", "Alibaba cloud review: Alibaba cloud under scrutiny", since.Add(time.Hour))
	first.Cluster, copyOf.Cluster = "a0", "a0"
	fresh := article("b0", "ft", "Alibaba results beat forecasts", since.Add(2*time.Hour))
	fresh.Cluster = "b0"
	b := &Builder{Index: newTestIndex(t, []newsintel.Document{first, copyOf, fresh})}
	dg, err := b.Build(t.Context(), dailyTopic("alibaba cloud", nil, newsintel.TopicOptions{}), since, until)
	require.NoError(t, err)
	if got := entryIDs(dg.Documents); !slices.Equal(got, []string{"b0", "a1"}) {
		t.Errorf("entries %v, want the new story b0 before a1, a copy of a story of the day before", got)
	}
	if dg.Documents[0].Score >= dg.Documents[1].Score {
		t.Errorf("scores %.3f and %.3f: the test needs the old story to score higher", dg.Documents[0].Score, dg.Documents[1].Score)
	}
}
