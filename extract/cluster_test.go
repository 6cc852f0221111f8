package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/extract/cluster"
	"github.com/stretchr/testify/require"
)

// wirePage returns an article page carrying the wire story paras under
// headline, framed by one site's furniture.
func wirePage(site, headline string, paras []string) newsintel.Raw {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s | %s</title></head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>%s</h1>", headline, site, headline)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	fmt.Fprintf(&b, "</article><footer>© 2026 %s. All rights reserved.</footer></body></html>", site)
	url := "https://" + site + "/2026/05/09/" + newsintel.Slug(headline)
	return newsintel.Raw{ID: newsintel.ArticleID(url), Kind: newsintel.KindArticle, Source: site, URL: url, ContentType: "text/html", Body: []byte(b.String())}
}

var quake = []string{
	"A magnitude 6.4 earthquake struck off the coast of northeastern Japan early on Saturday, shaking buildings in Tokyo, but no tsunami warning was issued, the Japan Meteorological Agency said.",
	"The quake hit at 11:32 a.m. local time at a depth of about 40 kilometers off Miyagi prefecture, the agency said.",
	"There were no immediate reports of damage or injuries. East Japan Railway briefly halted some bullet train services in the region to check tracks.",
	"Tohoku Electric Power said no abnormalities had been found at its Onagawa nuclear plant, which is offline.",
}

func TestExtractAssignsClusters(t *testing.T) {
	x := New(nil, WithClusters(cluster.New(cluster.NewMemStore())))
	a, err := x.Extract(t.Context(), wirePage("dailyherald.example", "Quake shakes Tokyo", quake))
	require.NoError(t, err)
	b, err := x.Extract(t.Context(), wirePage("coastnews.example", "Strong earthquake hits off Japan; no tsunami warning", append(quake[:3:3], "Copyright 2026 Kyodo News.")))
	require.NoError(t, err)
	if b.Cluster != a.ID || a.Cluster != a.ID {
		t.Errorf("clusters %q and %q, want both %q (the first copy)", a.Cluster, b.Cluster, a.ID)
	}
	other, err := x.Extract(t.Context(), wirePage("coastnews.example", "Oil jumps", []string{
		"Oil prices rose more than 3% on Monday after a drone attack damaged a processing facility in eastern Saudi Arabia, raising concerns about supply from the world's largest crude exporter."}))
	require.NoError(t, err)
	if other.Cluster == a.Cluster {
		t.Errorf("unrelated story in cluster %q with the quake", other.Cluster)
	}
	// Without a Clusterer every document is its own cluster.
	c, err := New(nil).Extract(t.Context(), wirePage("coastnews.example", "Quake", quake))
	require.NoError(t, err)
	if c.Cluster != c.ID {
		t.Errorf("cluster without a Clusterer = %q, want the document's ID %q", c.Cluster, c.ID)
	}
}

type failingClusters struct{}

func (failingClusters) Assign(_ context.Context, _ *newsintel.Document) (cluster.Info, error) {
	return cluster.Info{}, errors.New("kv clusters: connection closed")
}

func TestExtractClusterStoreErrorIsTransient(t *testing.T) {
	_, err := New(nil, WithClusters(failingClusters{})).Extract(t.Context(), wirePage("a.example", "Quake", quake))
	if err == nil || newsintel.ErrorCode(err) == newsintel.EINVALID {
		t.Errorf("err = %v (code %q), want a transient error", err, newsintel.ErrorCode(err))
	}
}

// TestDemoCorpusClusters runs the demo corpus through the stage with one
// cluster store: the wire story and its syndicated copy on another site
// share a cluster, and the other stories about the same review (a
// denial, a market story, an explainer, a newspaper's own reporting) stay
// apart.
func TestDemoCorpusClusters(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "demo", "corpus", "articles", "*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	x := New(nil, WithClusters(cluster.New(cluster.NewMemStore())))
	clusters := map[string]string{}
	for _, f := range files {
		body, err := os.ReadFile(f)
		require.NoError(t, err)
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		doc, err := x.Extract(t.Context(), newsintel.Raw{ID: name, Kind: newsintel.KindArticle, Source: "demo", ContentType: "text/html", Body: body})
		require.NoError(t, err, name)
		clusters[name] = doc.Cluster
	}
	wire, syndicated := clusters["wirewatch-alibaba-cloud-review-exclusive"], clusters["asiatechdispatch-alibaba-cloud-review-wire"]
	if wire != syndicated {
		t.Errorf("wire story in cluster %q, its syndicated copy in %q", wire, syndicated)
	}
	for name, c := range clusters {
		if c == wire && name != "wirewatch-alibaba-cloud-review-exclusive" && name != "asiatechdispatch-alibaba-cloud-review-wire" {
			t.Errorf("%s joined the wire story's cluster", name)
		}
	}
}
