package web

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/newsintel/newsintel/index"
)

// TestPagerStaysInTheWindow: every link the pager draws must be a page the
// index answers, from + size within index.MaxWindow, whatever the size.
func TestPagerStaysInTheWindow(t *testing.T) {
	cases := []struct {
		name       string
		from, size int
		total      uint64
		wantLast   int // from of the last page link, -1 for no links
	}{
		{"size dividing the window", 9900, 20, 50000, 9960},
		{"size not dividing the window", 9900, 30, 50000, 9960},
		{"size 15 near the end", 9960, 15, 50000, 9975},
		{"short list", 0, 20, 45, 40},
		{"one page", 0, 20, 12, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPager("/search", url.Values{"q": {"alibaba"}, "size": {strconv.Itoa(c.size)}}, c.from, c.size, c.total)
			last := -1
			for _, l := range append(p.Pages, pageLink{Href: p.Next}, pageLink{Href: p.Prev}) {
				if l.Href == "" {
					continue
				}
				u, err := url.Parse(l.Href)
				if err != nil {
					t.Fatalf("link %q: %v", l.Href, err)
				}
				from, _ := strconv.Atoi(u.Query().Get("from"))
				if from+c.size > index.MaxWindow {
					t.Errorf("link %q asks for from=%d size=%d, past the index's window of %d", l.Href, from, c.size, index.MaxWindow)
				}
				if l.N > 0 {
					last = from
				}
			}
			if len(p.Pages) == 0 {
				last = -1
			}
			if last != c.wantLast {
				t.Errorf("last page link from=%d, want %d (pages %+v)", last, c.wantLast, p.Pages)
			}
		})
	}
}
