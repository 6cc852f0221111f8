package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newsintel/newsintel/api"
	"github.com/spf13/cobra"
)

// claimFilters are the flags of `newsintel claims` passed to the API as
// query parameters of the same name.
var claimFilters = []string{"entity", "source_type", "publisher", "affiliation", "since", "until", "sort", "facets", "histogram", "status"}

func claimsCmd(g *globals) *cobra.Command {
	var server, apiKey string
	var asJSON, asCSV, all, removed bool
	var size, from int
	filters := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "claims [flags] [QUERY...]",
		Short: "Search the sourcing claims of a running newsintel; print a table, JSON or CSV",
		Long: `Search the claims (who said what, on whose word) that a running newsintel
(default http://127.0.0.1:8080) extracted, newest first. Words of the query must all
appear in the claim's text or its source's description; "quoted phrases" in order.
--entity takes an entity ID (company:alibaba) or name; --source-type one of anonymous,
person, organization, document, declined, no_response, unattributed. --csv prints
one row per claim with a header row (RFC 4180), for a spreadsheet or a notebook.
Claims a later revision of their article removed are left out unless --include-removed
or --status removed; --status current,changed,removed picks claims by their edit history.`,
		Example: `  newsintel claims --entity Alibaba --source-type anonymous --csv --all > alibaba.csv
  newsintel claims --publisher WireWatch --since 2021-06-01 "cloud review"
  newsintel claims --facets publisher,source_type --histogram day --entity company:alibaba
  newsintel claims --status removed --source-type anonymous`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON && asCSV {
				return fmt.Errorf("claims: --json and --csv exclude each other; pick one")
			}
			q := url.Values{}
			q.Set("q", strings.Join(args, " "))
			q.Set("size", fmt.Sprint(size))
			q.Set("from", fmt.Sprint(from))
			for name, v := range filters {
				if *v != "" {
					q.Set(name, *v)
				}
			}
			if removed {
				q.Set("include_removed", "true")
			}
			if asCSV {
				return exportClaimsCSV(cmd, strings.TrimRight(server, "/")+"/api/v1/claims", q, apiKey, all)
			}
			return runClaims(cmd, strings.TrimRight(server, "/")+"/api/v1/claims?"+q.Encode(), apiKey, asJSON, asCSV)
		},
	}
	f := cmd.Flags()
	f.StringVar(&server, "server", "http://127.0.0.1:8080", "URL of the newsintel API")
	f.BoolVar(&asJSON, "json", false, "print the API's JSON response")
	f.BoolVar(&asCSV, "csv", false, "print CSV with a header row")
	f.BoolVar(&all, "all", false, "with --csv: every matching claim (up to 10 000), in one streamed request")
	f.BoolVar(&removed, "include-removed", false, "also claims a later revision of their article removed")
	f.IntVar(&size, "size", 100, "claims to show (at most 100; with --csv up to 10 000)")
	f.IntVar(&from, "from", 0, "claims to skip")
	f.StringVar(&apiKey, "api-key", os.Getenv("NEWSINTEL_API_KEY"), "API key, when reading needs one (default $NEWSINTEL_API_KEY)")
	for _, name := range claimFilters {
		filters[name] = f.String(strings.ReplaceAll(name, "_", "-"), "", "filter by "+strings.ReplaceAll(name, "_", " "))
	}
	return cmd
}

type claimsResult struct {
	Total  uint64  `json:"total"`
	TookMS float64 `json:"took_ms"`
	Claims []struct {
		DocumentID string     `json:"document_id"`
		Publisher  string     `json:"publisher"`
		Published  *time.Time `json:"published"`
		Text       string     `json:"text"`
		Status     string     `json:"status"`
		Changed    int        `json:"changed_revision"`
		Removed    int        `json:"removed_revision"`
		Source     struct {
			Type        string `json:"type"`
			Description string `json:"description"`
			Name        string `json:"name"`
		} `json:"source"`
	} `json:"claims"`
	Facets    map[string][]facetCount `json:"facets"`
	Histogram []struct {
		Start time.Time `json:"start"`
		Count int       `json:"count"`
	} `json:"histogram"`
}

// runClaims calls the API at u and prints its answer: CSV and JSON as
// they come, else a table.
func runClaims(cmd *cobra.Command, u, apiKey string, asJSON, asCSV bool) error {
	return apiShow(cmd, "claims", u, apiKey, asJSON || asCSV, printClaims)
}

// printClaims prints claims as a table, then facets and histogram.
func printClaims(out io.Writer, res *claimsResult) {
	fmt.Fprintf(out, "%d claims (%.1f ms)\n", res.Total, res.TookMS)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PUBLISHED\tPUBLISHER\tSOURCE\tON WHOSE WORD\tCLAIM\tSTATUS\tDOCUMENT")
	for _, c := range res.Claims {
		date := ""
		if c.Published != nil {
			date = c.Published.Format("2006-01-02")
		}
		status := c.Status
		switch {
		case c.Removed > 0:
			status = fmt.Sprintf("removed in r%d", c.Removed)
		case c.Changed > 0:
			status = fmt.Sprintf("changed in r%d", c.Changed)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", date, clip(c.Publisher, 24), c.Source.Type,
			clip(oneLine(firstOf(c.Source.Name, c.Source.Description)), 40), clip(oneLine(c.Text), 80), status, c.DocumentID)
	}
	_ = tw.Flush()
	sr := searchResult{Facets: res.Facets}
	for _, b := range res.Histogram {
		sr.Histogram = append(sr.Histogram, struct {
			Start time.Time `json:"start"`
			Count int       `json:"count"`
		}{b.Start, b.Count})
	}
	printFacets(out, &sr)
}

// oneLine collapses the whitespace of s, line breaks included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// exportClaimsCSV prints the CSV of the claims the query q finds at the
// claims endpoint u: the page q asks for, or with all every claim from q's
// from on, up to api.MaxCSVClaims, in one request the server streams.
func exportClaimsCSV(cmd *cobra.Command, u string, q url.Values, apiKey string, all bool) error {
	q.Set("format", "csv")
	if all {
		from, _ := strconv.Atoi(q.Get("from"))
		q.Set("size", strconv.Itoa(max(api.MaxCSVClaims-from, 1)))
	}
	return runClaims(cmd, u+"?"+q.Encode(), apiKey, false, true)
}
