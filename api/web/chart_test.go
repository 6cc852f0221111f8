package web

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel/index"
)

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

func TestNiceStep(t *testing.T) {
	cases := map[int]int{0: 1, 3: 1, 5: 1, 6: 2, 10: 2, 11: 5, 25: 5, 26: 10, 99: 20, 1000: 200, 1001: 500}
	for max, want := range cases {
		if got := niceStep(max); got != want {
			t.Errorf("niceStep(%d) = %d, want %d", max, got, want)
		}
	}
}

func TestBarChartStacksAndFillsGaps(t *testing.T) {
	anon := series{Name: "Anonymous", Class: "st-anonymous", Counts: []index.DateBucket{{Start: month(2024, 1), Count: 3}, {Start: month(2024, 4), Count: 1}}}
	named := series{Name: "Named person", Class: "st-person", Counts: []index.DateBucket{{Start: month(2024, 1), Count: 2}}}
	c := barChart("Claims", "claims", index.HistogramMonth, []series{anon, named})
	if c.Empty {
		t.Fatal("chart of two series is empty")
	}
	if len(c.Bars) != 3 {
		t.Fatalf("bars = %d, want 3 (two stacked in January, one in April)", len(c.Bars))
	}
	jan0, jan1 := c.Bars[0], c.Bars[1]
	if jan0.X != jan1.X || jan1.Y+jan1.H != jan0.Y {
		t.Errorf("January bars %+v and %+v are not stacked", jan0, jan1)
	}
	if top := c.YTicks[len(c.YTicks)-1].Label; top != "5" {
		t.Errorf("top y tick = %s, want 5 (the largest stacked total)", top)
	}
	if jan0.Y+jan0.H != plotBottom || jan1.Y != plotTop {
		t.Errorf("January's stack spans %g..%g, want the whole plot %d..%d", jan1.Y, jan0.Y+jan0.H, plotTop, plotBottom)
	}
	if jan0.Title != "Anonymous, Jan 2024: 3" {
		t.Errorf("tooltip = %q, want the series, month and count", jan0.Title)
	}
	slot := float64(plotRight-plotLeft) / 4 // January to April: four buckets, two of them empty
	if got := c.Bars[2].X - c.Bars[0].X; got < 3*slot-0.2 || got > 3*slot+0.2 {
		t.Errorf("April is %g after January, want three slots (%g): empty months must keep their place", got, 3*slot)
	}
	if len(c.Legend) != 2 {
		t.Errorf("legend has %d entries, want 2", len(c.Legend))
	}
}

func TestChartRendersSVG(t *testing.T) {
	c := barChart(`<b>Mentions</b>`, "documents", index.HistogramWeek, []series{{Name: "documents", Class: "st-total",
		Counts: []index.DateBucket{{Start: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), Count: 4}, {Start: time.Date(2024, 3, 18, 0, 0, 0, 0, time.UTC), Count: 1}}}})
	var buf bytes.Buffer
	if err := pages["search"].ExecuteTemplate(&buf, "chart", c); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, w := range []string{"<svg", `viewBox="0 0 560 240"`, `<rect class="bar st-total"`, "<title>documents, week of 4 Mar 2024: 4</title>",
		"&lt;b&gt;Mentions&lt;/b&gt;", ">0</text>", "4 Mar 24"} {
		if !strings.Contains(svg, w) {
			t.Errorf("chart SVG lacks %q:\n%s", w, svg)
		}
	}
	if strings.Contains(svg, "style=") {
		t.Errorf("chart SVG has a style attribute, which the Content-Security-Policy blocks")
	}
	if got := strings.Count(svg, "<rect"); got != 2 {
		t.Errorf("bar chart has %d bars, want 2 (the empty week between draws none)", got)
	}
	if got := len(c.XLabels); got != 3 {
		t.Errorf("x labels = %d, want 3 (the empty week between keeps its place)", got)
	}
}

func TestEmptyChart(t *testing.T) {
	if c := barChart("x", "y", index.HistogramMonth, nil); !c.Empty {
		t.Errorf("chart of nothing = %+v, want Empty", c)
	}
}
