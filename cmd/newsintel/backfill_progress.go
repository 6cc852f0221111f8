package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar draws "label [=====>    ] 12/40  30%  2.1/s  ETA 13s" on one
// line of w, redrawn at most every 200ms. The rate and time left count only
// items fetched in this run, not those skipped as already done.
type progressBar struct {
	w       io.Writer
	label   string
	total   int
	done    int
	worked  int
	started time.Time
	drawn   time.Time
	now     func() time.Time
}

func newProgressBar(w io.Writer, label string) *progressBar {
	return &progressBar{w: w, label: label, now: time.Now}
}

func (p *progressBar) start(total int) {
	p.total, p.started = total, p.now()
	p.draw()
}

// step counts one item; worked says whether it was fetched (not skipped).
func (p *progressBar) step(worked bool) {
	p.done++
	if worked {
		p.worked++
	}
	if p.now().Sub(p.drawn) >= 200*time.Millisecond || p.done == p.total {
		p.draw()
	}
}

func (p *progressBar) finish() {
	p.draw()
	fmt.Fprintln(p.w)
}

func (p *progressBar) draw() {
	if p.w == nil {
		return
	}
	p.drawn = p.now()
	fmt.Fprintf(p.w, "\r%s", p.line())
}

// line renders the bar.
func (p *progressBar) line() string {
	const width = 30
	frac := 1.0
	if p.total > 0 {
		frac = float64(p.done) / float64(p.total)
	}
	fill := int(frac * width)
	bar := strings.Repeat("=", fill)
	if fill < width {
		bar += ">" + strings.Repeat(" ", width-fill-1)
	}
	elapsed := p.now().Sub(p.started).Seconds()
	rate, eta := 0.0, "?"
	if p.worked > 0 && elapsed > 0 {
		rate = float64(p.worked) / elapsed
		eta = time.Duration(float64(p.total-p.done) / rate * float64(time.Second)).Round(time.Second).String()
	}
	if p.done == p.total {
		eta = "0s"
	}
	return fmt.Sprintf("%s [%s] %d/%d %3.0f%% %.1f/s ETA %s ", p.label, bar, p.done, p.total, frac*100, rate, eta)
}
