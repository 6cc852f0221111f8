package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

// searchFilters are the flags of `newsintel search` passed to the API as
// query parameters of the same name.
var searchFilters = []string{"kind", "source", "publisher", "entity", "company", "agency", "government", "person", "place",
	"source_type", "language", "form", "section", "since", "until", "sort", "facets", "histogram"}

func searchCmd(g *globals) *cobra.Command {
	var server, cursor, apiKey string
	var asJSON, anonymous bool
	var size, from int
	filters := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "search [flags] QUERY...",
		Short: "Search a running newsintel and print the hits as a table or JSON",
		Long: `Search the API of a running newsintel (default http://127.0.0.1:8080). The query uses
the query-string syntax: words, "phrases", +must, -not, field:value, prefix*, fuzzy~.
An empty query lists every document, newest first. --facets counts hits per value of
the fields named (kind, source, company, agency, source_type, ...); the table ends with
the cursor of the next page, which --cursor takes to page past 10 000 hits.`,
		Example: `  newsintel search Alibaba
  newsintel search --kind filing --since 2021-01-01 "cloud services"
  newsintel search --has-anonymous --json Commerce
  newsintel search --facets kind,company,source_type --histogram month export controls
  newsintel search --size 100 --cursor 'AAAA.BBBB' huawei`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q := url.Values{}
			q.Set("q", strings.Join(args, " "))
			q.Set("size", fmt.Sprint(size))
			q.Set("from", fmt.Sprint(from))
			for name, v := range filters {
				if *v != "" {
					q.Set(name, *v)
				}
			}
			if anonymous {
				q.Set("has_anonymous", "true")
			}
			if cursor != "" {
				q.Set("search_after", cursor)
				q.Del("from")
			}
			return runSearch(cmd, strings.TrimRight(server, "/")+"/api/v1/search?"+q.Encode(), apiKey, asJSON)
		},
	}
	f := cmd.Flags()
	f.StringVar(&server, "server", "http://127.0.0.1:8080", "URL of the newsintel API")
	f.BoolVar(&asJSON, "json", false, "print the API's JSON response")
	f.BoolVar(&anonymous, "has-anonymous", false, "only documents with a claim resting on anonymous sources")
	f.IntVar(&size, "size", 10, "hits to show (at most 100)")
	f.IntVar(&from, "from", 0, "hits to skip")
	f.StringVar(&cursor, "cursor", "", "continue after the page that printed this cursor (its \"next\")")
	f.StringVar(&apiKey, "api-key", os.Getenv("NEWSINTEL_API_KEY"), "API key, when reading needs one (default $NEWSINTEL_API_KEY)")
	for _, name := range searchFilters {
		filters[name] = f.String(strings.ReplaceAll(name, "_", "-"), "", "filter by "+strings.ReplaceAll(name, "_", " "))
	}
	return cmd
}

type searchResult struct {
	Total  uint64  `json:"total"`
	TookMS float64 `json:"took_ms"`
	Hits   []struct {
		ID        string     `json:"id"`
		Title     string     `json:"title"`
		Kind      string     `json:"kind"`
		Publisher string     `json:"publisher"`
		Source    string     `json:"source"`
		Published *time.Time `json:"published"`
		Score     float64    `json:"score"`
	} `json:"hits"`
	Facets    map[string][]facetCount `json:"facets"`
	Histogram []struct {
		Start time.Time `json:"start"`
		Count int       `json:"count"`
	} `json:"histogram"`
	Next string `json:"next"`
}

type facetCount struct {
	Term  string `json:"term"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// apiGet calls the API of a running newsintel at u with the API key, if
// any, and returns the response body (at most 32 MiB) and status. what
// names the command in errors.
func apiGet(cmd *cobra.Command, what, u, apiKey string) (body []byte, status int, err error) {
	req, err := http.NewRequestWithContext(cmd.Context(), http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, err
	}
	if apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+apiKey)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w (is 'newsintel serve' running?)", what, err)
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	return body, resp.StatusCode, nil
}

func runSearch(cmd *cobra.Command, u, apiKey string, asJSON bool) error {
	return apiShow(cmd, "search", u, apiKey, asJSON, printSearch)
}

// apiShow calls the API at u and prints its answer: as it comes when raw
// (JSON or CSV), else decoded into a T and printed with print. An error
// answer is returned as an error with its message and status.
func apiShow[T any](cmd *cobra.Command, what, u, apiKey string, raw bool, print func(io.Writer, *T)) error {
	body, status, err := apiGet(cmd, what, u, apiKey)
	if err != nil {
		return err
	}
	var e struct {
		Error *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil && (status != http.StatusOK || !raw) {
		return fmt.Errorf("%s: unexpected response (HTTP %d): %.200s", what, status, body)
	}
	if e.Error != nil {
		return fmt.Errorf("%s: %s (HTTP %d)", what, e.Error.Message, status)
	}
	if raw {
		_, err := cmd.OutOrStdout().Write(body)
		return err
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("%s: unexpected response (HTTP %d): %.200s", what, status, body)
	}
	print(cmd.OutOrStdout(), &v)
	return nil
}

// printSearch prints a search's hits as a table, then facets, histogram
// and the cursor of the next page.
func printSearch(out io.Writer, res *searchResult) {
	fmt.Fprintf(out, "%d documents (%.1f ms)\n", res.Total, res.TookMS)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PUBLISHED\tKIND\tPUBLISHER\tTITLE\tID")
	for _, h := range res.Hits {
		date := ""
		if h.Published != nil {
			date = h.Published.Format("2006-01-02")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", date, h.Kind, clip(firstOf(h.Publisher, h.Source), 24), clip(h.Title, 72), h.ID)
	}
	tw.Flush()
	printFacets(out, res)
	if res.Next != "" {
		fmt.Fprintf(out, "\nnext page: --cursor '%s'\n", res.Next)
	}
}

// printFacets prints each facet's counts, then the date histogram.
func printFacets(out io.Writer, res *searchResult) {
	names := make([]string, 0, len(res.Facets))
	for name := range res.Facets {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(out, "\n%s:\n", name)
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, c := range res.Facets[name] {
			label := c.Term
			if c.Name != "" && c.Name != c.Term {
				label = c.Name + " (" + c.Term + ")"
			}
			fmt.Fprintf(tw, "  %d\t%s\n", c.Count, clip(label, 80))
		}
		tw.Flush()
	}
	if len(res.Histogram) > 0 {
		fmt.Fprintln(out, "\npublished:")
		for _, b := range res.Histogram {
			fmt.Fprintf(out, "  %s  %d\n", b.Start.Format("2006-01-02"), b.Count)
		}
	}
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
