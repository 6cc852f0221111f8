package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/index/story"
)

// StoryFinder groups claims into stories (see story.Finder, which has
// both methods).
type StoryFinder interface {
	Find(ctx context.Context, r story.Request) (*story.List, error)
	Get(ctx context.Context, id string) (*story.Story, error)
}

// storiesPageSize is how many stories the stories page lists.
const storiesPageSize = 20

// storiesData is the data of the stories page.
type storiesData struct {
	Q, Entity, Since, Until string
	MinReports              string
	List                    *story.List
	CSV                     string // the stories as CSV from the JSON API (up to story.MaxSize)
	Error                   string
}

// storyData is the data of one story's page.
type storyData struct {
	Story    *story.Story
	Chart    chart
	Confirms []story.Link
	Denies   []story.Link
	Related  []story.Link
}

// attributions are the attributions of reports in the order shown, with
// their names and colour classes.
var attributions = []struct{ Key, Name, Class string }{
	{story.OwnSources, "Own anonymous sources", "st-anonymous"},
	{story.Via, "Relayed from another outlet", "st-document"},
	{story.OnRecord, "On the record", "st-person"},
	{story.Unattributed, "Unattributed", "st-unattributed"},
}

func attributionName(a string) string {
	for _, x := range attributions {
		if x.Key == a {
			return x.Name
		}
	}
	return a
}

func attributionClass(a string) string {
	for _, x := range attributions {
		if x.Key == a {
			return x.Class
		}
	}
	return "st-unattributed"
}

func (h *Handler) storiesPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := storiesData{Q: q.Get("q"), Entity: q.Get("entity"), Since: q.Get("since"), Until: q.Get("until"), MinReports: q.Get("min_reports")}
	req, err := storyRequest(q)
	if err == nil {
		d.List, err = h.stories.Find(r.Context(), req)
	}
	csv := clone(q)
	csv.Set("format", "csv")
	csv.Set("size", strconv.Itoa(story.MaxSize))
	d.CSV = "/api/v1/stories?" + csv.Encode()
	if d.List != nil {
		for i := range d.List.Stories {
			h.nameEntities(d.List.Stories[i].Entities)
		}
	}
	status := http.StatusOK
	if err != nil {
		status = h.errorStatus(err)
		d.Error = newsintel.ErrorMessage(err)
	}
	h.render(w, r, "stories", status, page{Title: "Stories", Nav: "stories", Data: d})
}

// storyRequest reads the stories page's parameters, those of GET
// /api/v1/stories, with a longer page by default.
func storyRequest(q url.Values) (story.Request, error) {
	req, err := api.ParseStories(q)
	if q.Get("size") == "" {
		req.Size = storiesPageSize
	}
	return req, err
}

func (h *Handler) storyPage(w http.ResponseWriter, r *http.Request) {
	st, err := h.stories.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.nameEntities(st.Entities)
	d := storyData{Story: st, Chart: reportsChart(st)}
	for _, l := range st.Links {
		switch l.Label {
		case story.Confirms:
			d.Confirms = append(d.Confirms, l)
		case story.Denies:
			d.Denies = append(d.Denies, l)
		default:
			d.Related = append(d.Related, l)
		}
	}
	h.render(w, r, "story", http.StatusOK, page{Title: clip(firstOf(st.Headline, st.ID), 80), Nav: "stories", Data: d})
}

// reportsChart counts a story's reports per day (per week past two
// months), stacked by attribution.
func reportsChart(st *story.Story) chart {
	interval := index.HistogramDay
	if st.End.Sub(st.Start) > 60*24*time.Hour {
		interval = index.HistogramWeek
	}
	counts := map[string]map[time.Time]int{}
	for _, rep := range st.Reports {
		if rep.Published.IsZero() {
			continue
		}
		day := rep.Published.UTC().Truncate(24 * time.Hour)
		if interval == index.HistogramWeek {
			day = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		}
		if counts[rep.Attribution] == nil {
			counts[rep.Attribution] = map[time.Time]int{}
		}
		counts[rep.Attribution][day]++
	}
	var ss []series
	for _, a := range attributions {
		var buckets []index.DateBucket
		for day, n := range counts[a.Key] {
			buckets = append(buckets, index.DateBucket{Start: day, Count: n})
		}
		slices.SortFunc(buckets, func(x, y index.DateBucket) int { return x.Start.Compare(y.Start) })
		if len(buckets) > 0 {
			ss = append(ss, series{Name: a.Name, Class: a.Class, Counts: buckets})
		}
	}
	return barChart("Reports per "+interval+" by attribution", "reports", interval, ss)
}

// delayText shows a link's delay after the first report ("9d4h") in words.
func delayText(l story.Link) string {
	d := time.Duration(l.DelaySeconds) * time.Second
	switch {
	case d < time.Hour:
		return "within the hour"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + " hours later"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + " days later"
}

// nameEntities gives entities the index left unnamed their gazetteer name.
func (h *Handler) nameEntities(es []story.EntityRef) {
	for i := range es {
		if es[i].Name == "" {
			if e, ok := h.lookupEntity(es[i].ID); ok {
				es[i].Name = e.Name
			}
		}
	}
}
