package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

// storyFlags are the output and server flags shared by `stories` and
// `stories show`.
type storyFlags struct {
	server, apiKey string
	asJSON, asCSV  bool
}

func (sf *storyFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&sf.server, "server", "http://127.0.0.1:8080", "URL of the newsintel API")
	f.StringVar(&sf.apiKey, "api-key", os.Getenv("NEWSINTEL_API_KEY"), "API key, when reading needs one (default $NEWSINTEL_API_KEY)")
	f.BoolVar(&sf.asJSON, "json", false, "print the API's JSON response")
	f.BoolVar(&sf.asCSV, "csv", false, "print CSV: a row per report and per link, with a header row")
}

// query checks the output flags and sets format on q.
func (sf *storyFlags) query(q url.Values) error {
	if sf.asJSON && sf.asCSV {
		return fmt.Errorf("stories: --json and --csv exclude each other; pick one")
	}
	if sf.asCSV {
		q.Set("format", "csv")
	}
	return nil
}

func storiesCmd() *cobra.Command {
	var sf storyFlags
	var entity, since, until string
	var size, minReports int
	cmd := &cobra.Command{
		Use:   "stories [flags] [QUERY...]",
		Short: "List the stories of a running newsintel: claims repeated across outlets, with their first report and evidence",
		Long: `List the stories a running newsintel (default http://127.0.0.1:8080) finds among its
claims: claims that assert the same thing across outlets and days, most reported first.
Each story shows its first report (outlet, time, on whose word), how many reports and
outlets repeated it and how (own_sources, via another outlet, on_record, unattributed),
and, for a story resting on anonymous sources, the later evidence that confirms or
denies it (on-record statements, filings, Federal Register notices).
--entity takes an entity ID (company:alibaba) or name; words of the query must all be in
each claim. 'newsintel stories show ID' prints one story in full.`,
		Example: `  newsintel stories --entity Alibaba --since 2021-06-01
  newsintel stories --entity company:alibaba --csv > alibaba-stories.csv
  newsintel stories show 80a0bf766624ef800105976c6e822a1a.e0844696`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q := url.Values{}
			if err := sf.query(q); err != nil {
				return err
			}
			for name, v := range map[string]string{"entity": entity, "since": since, "until": until, "q": strings.Join(args, " ")} {
				if v != "" {
					q.Set(name, v)
				}
			}
			q.Set("size", fmt.Sprint(size))
			q.Set("min_reports", fmt.Sprint(minReports))
			return apiShow(cmd, "stories", strings.TrimRight(sf.server, "/")+"/api/v1/stories?"+q.Encode(), sf.apiKey, sf.asCSV || sf.asJSON, printStoryList)
		},
	}
	sf.register(cmd)
	f := cmd.Flags()
	f.StringVar(&entity, "entity", "", "only claims mentioning this entity (ID or name; its units too)")
	f.StringVar(&since, "since", "", "claims published on or after (2021-06-14, 2021-06 or RFC 3339)")
	f.StringVar(&until, "until", "", "claims published on or before")
	f.IntVar(&size, "size", 10, "stories to show (at most 100)")
	f.IntVar(&minReports, "min-reports", 2, "documents a story needs to be listed")
	cmd.AddCommand(storyShowCmd())
	return cmd
}

func storyShowCmd() *cobra.Command {
	var sf storyFlags
	cmd := &cobra.Command{
		Use:   "show [flags] ID",
		Short: "Print one story: every report with its attribution, and its confirmations and denials with why",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := url.Values{}
			if err := sf.query(q); err != nil {
				return err
			}
			u := strings.TrimRight(sf.server, "/") + "/api/v1/stories/" + url.PathEscape(args[0])
			if len(q) > 0 {
				u += "?" + q.Encode()
			}
			return apiShow(cmd, "stories", u, sf.apiKey, sf.asCSV || sf.asJSON, printStory)
		},
	}
	sf.register(cmd)
	return cmd
}

// The parts of the API's story answers the tables print.
type (
	storyList struct {
		Total         int        `json:"total"`
		ClaimsMatched uint64     `json:"claims_matched"`
		ClaimsRead    int        `json:"claims_read"`
		Truncated     bool       `json:"truncated"`
		TookMS        float64    `json:"took_ms"`
		Stories       []storyOut `json:"stories"`
	}
	storyOut struct {
		ID       string      `json:"id"`
		Headline string      `json:"headline"`
		First    reportOut   `json:"first_report"`
		Reports  []reportOut `json:"reports"`
		Counts   struct {
			Reports       int            `json:"reports"`
			Outlets       int            `json:"outlets"`
			ByAttribution map[string]int `json:"by_attribution"`
		} `json:"counts"`
		Anonymous bool      `json:"anonymous"`
		Links     []linkOut `json:"links"`
	}
	reportOut struct {
		DocumentID        string    `json:"document_id"`
		Publisher         string    `json:"publisher"`
		Published         time.Time `json:"published"`
		Attribution       string    `json:"attribution"`
		Via               string    `json:"via"`
		Text              string    `json:"text"`
		SourceType        string    `json:"source_type"`
		SourceDescription string    `json:"source_description"`
		SourceName        string    `json:"source_name"`
		Removed           []struct {
			Text      string    `json:"text"`
			RemovedIn int       `json:"removed_in"`
			RemovedAt time.Time `json:"removed_at"`
		} `json:"removed"`
	}
	linkOut struct {
		Label      string `json:"label"`
		Evidence   string `json:"evidence"`
		DocumentID string `json:"document_id"`
		Publisher  string `json:"publisher"`
		Delay      string `json:"delay"`
		Section    string `json:"section"`
		Passage    string `json:"passage"`
		Why        struct {
			SharedEntities []string `json:"shared_entities"`
			SharedTerms    []string `json:"shared_terms"`
			Cue            string   `json:"cue"`
		} `json:"why"`
	}
)

// printStoryList prints one line per story.
func printStoryList(out io.Writer, l *storyList) {
	fmt.Fprintf(out, "%d stories from %d of %d claims (%.1f ms)\n", l.Total, l.ClaimsRead, l.ClaimsMatched, l.TookMS)
	if l.Truncated {
		fmt.Fprintln(out, "only the newest claims were read; narrow --entity, --since or --until to see older stories")
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FIRST REPORTED\tBY\tON WHOSE WORD\tREPORTS\tOUTLETS\tEVIDENCE\tSTORY\tID")
	for _, s := range l.Stories {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", s.First.Published.Format("2006-01-02 15:04"),
			clip(s.First.Publisher, 24), clip(oneLine(firstOf(s.First.SourceDescription, firstOf(s.First.SourceName, s.First.Attribution))), 40),
			s.Counts.Reports, s.Counts.Outlets, linkSummary(s.Links), clip(oneLine(s.Headline), 70), s.ID)
	}
	_ = tw.Flush()
}

// linkSummary counts links by label: "2 confirm, 1 deny".
func linkSummary(links []linkOut) string {
	n := map[string]int{}
	for _, l := range links {
		n[l.Label]++
	}
	var parts []string
	for _, label := range []string{"confirms", "denies", "related"} {
		if n[label] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[label], label))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// printStory prints a story's reports and links as tables.
func printStory(out io.Writer, s *storyOut) {
	fmt.Fprintf(out, "%s\n%s\nfirst reported %s by %s on the word of %s; %d reports in %d outlets %v\n\n", s.ID, oneLine(s.Headline),
		s.First.Published.Format("2006-01-02 15:04 MST"), s.First.Publisher,
		firstOf(s.First.SourceDescription, firstOf(s.First.SourceName, s.First.SourceType)), s.Counts.Reports, s.Counts.Outlets, s.Counts.ByAttribution)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PUBLISHED\tPUBLISHER\tATTRIBUTION\tON WHOSE WORD\tCLAIM\tDOCUMENT")
	for _, r := range s.Reports {
		attr := r.Attribution
		if r.Via != "" {
			attr += " " + r.Via
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Published.Format("2006-01-02 15:04"), clip(r.Publisher, 24), attr,
			clip(oneLine(firstOf(r.SourceName, r.SourceDescription)), 36), clip(oneLine(r.Text), 70), r.DocumentID)
		for _, c := range r.Removed {
			fmt.Fprintf(tw, "\t\tremoved in r%d\t%s\t%s\t\n", c.RemovedIn, c.RemovedAt.Format("2006-01-02 15:04"), clip(oneLine(c.Text), 70))
		}
	}
	_ = tw.Flush()
	if len(s.Links) == 0 {
		if s.Anonymous {
			fmt.Fprintln(out, "\nno later evidence found")
		}
		return
	}
	fmt.Fprintln(out)
	tw = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LINK\tEVIDENCE\tAFTER\tFROM\tPASSAGE\tWHY")
	for _, l := range s.Links {
		why := strings.Join(l.Why.SharedEntities, " ") + "; " + strings.Join(l.Why.SharedTerms, " ")
		if l.Why.Cue != "" {
			why += `; "` + l.Why.Cue + `"`
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.Label, l.Evidence, l.Delay, clip(firstOf(l.Publisher, l.DocumentID), 24),
			clip(oneLine(l.Passage), 70), clip(why, 80))
	}
	_ = tw.Flush()
}
