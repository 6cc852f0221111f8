package web

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/newsintel/newsintel/index"
)

// Chart geometry, in viewBox units; CSS scales the SVG to its box, so one
// drawing serves a phone and a wide screen.
const (
	chartW, chartH      = 560, 240
	plotLeft, plotRight = 44, 548
	plotTop, plotBottom = 20, 206
	maxXLabels          = 5
	maxChartBuckets     = 400
	xLabelHalf          = 36 // about half the width of an x label
)

// series is one named row of counts over the chart's buckets.
type series struct {
	Name   string
	Class  string // CSS class giving its colour (st-anonymous, …)
	Counts []index.DateBucket
}

// chart is an SVG chart ready for the "chart" template: everything is
// positioned here, the template only draws.
type chart struct {
	Title   string
	YTitle  string
	Empty   bool
	W, H    int
	X0, X1  float64 // plot area
	Y0, Y1  float64
	YTicks  []tick
	XLabels []tick
	Bars    []bar
	Legend  []series
	top     int // the count at the top of the y axis
}

type tick struct {
	Pos    float64
	Label  string
	Anchor string // text-anchor of an x label: middle, or start/end at the edges
}

type bar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// barChart draws the series as bars over time, stacked when there are
// several; interval (day, week or month) names the buckets.
func barChart(title, yTitle, interval string, ss []series) chart {
	c, starts, grid := frame(title, yTitle, interval, ss)
	if c.Empty {
		return c
	}
	slot := (c.X1 - c.X0) / float64(len(starts))
	width := math.Max(slot*0.8, 0.5)
	for i, start := range starts {
		base := 0
		for j, s := range ss {
			n := grid[j][i]
			if n == 0 {
				continue
			}
			y0, y1 := c.y(base), c.y(base+n)
			c.Bars = append(c.Bars, bar{X: round1(c.X0 + float64(i)*slot + (slot-width)/2), Y: round1(y1), W: round1(width),
				H: round1(y0 - y1), Class: s.Class, Title: label(s.Name, start, interval, n)})
			base += n
		}
	}
	return c
}

// frame lays out the axes: the buckets every series shares (gaps filled
// with zeros), the y scale from the largest stacked total, and the tick
// labels. grid[j][i] is series j's count in bucket i.
func frame(title, yTitle, interval string, ss []series) (c chart, starts []time.Time, grid [][]int) {
	c = chart{Title: title, YTitle: yTitle, W: chartW, H: chartH, X0: plotLeft, X1: plotRight, Y0: plotBottom, Y1: plotTop}
	starts = bucketStarts(interval, ss)
	if len(starts) == 0 {
		c.Empty = true
		return c, nil, nil
	}
	pos := make(map[int64]int, len(starts))
	for i, s := range starts {
		pos[s.Unix()] = i
	}
	grid = make([][]int, len(ss))
	totals := make([]int, len(starts))
	for j, s := range ss {
		grid[j] = make([]int, len(starts))
		for _, b := range s.Counts {
			if i, ok := pos[b.Start.Unix()]; ok {
				grid[j][i] += b.Count
				totals[i] += b.Count
			}
		}
	}
	step := niceStep(slices.Max(totals))
	c.top = step * int(math.Ceil(float64(slices.Max(totals))/float64(step)))
	for v := 0; v <= c.top; v += step {
		c.YTicks = append(c.YTicks, tick{Pos: round1(c.y(v)), Label: strconv.Itoa(v)})
	}
	c.XLabels = xLabels(starts, interval, (c.X1-c.X0)/float64(len(starts)))
	if len(ss) > 1 {
		c.Legend = ss
	}
	return c, starts, grid
}

// y is the vertical position of count v.
func (c *chart) y(v int) float64 {
	if c.top == 0 {
		return c.Y0
	}
	return c.Y0 - (c.Y0-c.Y1)*float64(v)/float64(c.top)
}

// niceStep is a tick step of 1, 2 or 5 times a power of ten that cuts
// 0..max into at most five steps.
func niceStep(max int) int {
	if max <= 5 {
		return 1
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if max <= 5*m*p {
				return m * p
			}
		}
	}
}

// bucketStarts is every bucket from the earliest to the latest start of
// any series, with the empty ones between, at most maxChartBuckets (the
// latest ones).
func bucketStarts(interval string, ss []series) []time.Time {
	var first, last time.Time
	for _, s := range ss {
		for _, b := range s.Counts {
			if first.IsZero() || b.Start.Before(first) {
				first = b.Start
			}
			if b.Start.After(last) {
				last = b.Start
			}
		}
	}
	if first.IsZero() {
		return nil
	}
	var out []time.Time
	for t := first.UTC(); !t.After(last); t = next(t, interval) {
		out = append(out, t)
	}
	if len(out) > maxChartBuckets {
		out = out[len(out)-maxChartBuckets:]
	}
	return out
}

func next(t time.Time, interval string) time.Time {
	switch interval {
	case index.HistogramDay:
		return t.AddDate(0, 0, 1)
	case index.HistogramWeek:
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 1, 0)
}

// xLabels labels at most maxXLabels buckets, evenly spread, at the middle
// of their slot.
func xLabels(starts []time.Time, interval string, slot float64) []tick {
	every := (len(starts) + maxXLabels - 1) / maxXLabels
	var out []tick
	for i := 0; i < len(starts); i += every {
		pos := round1(plotLeft + float64(i)*slot + slot/2)
		anchor := "middle"
		switch {
		case pos-plotLeft < xLabelHalf:
			pos, anchor = plotLeft, "start"
		case plotRight-pos < xLabelHalf:
			pos, anchor = plotRight, "end"
		}
		out = append(out, tick{Pos: pos, Label: bucketName(starts[i], interval, true), Anchor: anchor})
	}
	return out
}

// bucketName names the bucket starting at t: "Mar 2024" for a month,
// "4 Mar 2024" for a day or the week from that Monday.
func bucketName(t time.Time, interval string, short bool) string {
	t = t.UTC()
	switch {
	case interval == index.HistogramWeek && !short:
		return "week of " + t.Format("2 Jan 2006")
	case interval == index.HistogramDay || interval == index.HistogramWeek:
		if short {
			return t.Format("2 Jan 06")
		}
		return t.Format("2 Jan 2006")
	}
	return t.Format("Jan 2006")
}

// label is the tooltip of one bar or dot.
func label(name string, start time.Time, interval string, n int) string {
	s := bucketName(start, interval, false) + ": " + strconv.Itoa(n)
	if name != "" {
		s = name + ", " + s
	}
	return s
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
