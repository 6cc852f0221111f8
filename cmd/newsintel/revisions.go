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

func revisionsCmd() *cobra.Command {
	var server, apiKey string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "revisions [flags] DOCUMENT_ID",
		Short: "Show the revisions of a document and the claims each added, removed or changed",
		Long: `Show the revisions a running newsintel (default http://127.0.0.1:8080) has seen of one
document: each revision's number and fetch time, and the sourcing claims it added,
removed, changed (with the text before) or restored. Ingest makes a new revision when
a page's visible text changes; 'newsintel claims --status removed' finds removed
claims across documents.`,
		Example: `  newsintel revisions 5c866f5be6bf66524d9b19143cd577bf
  newsintel revisions --json 5c866f5be6bf66524d9b19143cd577bf`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			u := strings.TrimRight(server, "/") + "/api/v1/documents/" + url.PathEscape(args[0]) + "/revisions"
			return apiShow(cmd, "revisions", u, apiKey, asJSON, printRevisions)
		},
	}
	f := cmd.Flags()
	f.StringVar(&server, "server", "http://127.0.0.1:8080", "URL of the newsintel API")
	f.StringVar(&apiKey, "api-key", os.Getenv("NEWSINTEL_API_KEY"), "API key, when reading needs one (default $NEWSINTEL_API_KEY)")
	f.BoolVar(&asJSON, "json", false, "print the API's JSON response")
	return cmd
}

// claimEvent is what a revision did to a claim, as the API gives it.
type claimEvent struct {
	ClaimID      string `json:"claim_id"`
	Text         string `json:"text"`
	PreviousText string `json:"previous_text"`
	Note         string `json:"note"`
	Source       struct {
		Type        string `json:"type"`
		Name        string `json:"name"`
		Description string `json:"description"`
	} `json:"source"`
}

type revisionsResult struct {
	DocumentID string `json:"document_id"`
	Title      string `json:"title"`
	Publisher  string `json:"publisher"`
	URL        string `json:"url"`
	Latest     int    `json:"latest_revision"`
	Revisions  []struct {
		Revision int          `json:"revision"`
		Fetched  *time.Time   `json:"fetched"`
		Claims   int          `json:"claims"`
		Added    []claimEvent `json:"added"`
		Removed  []claimEvent `json:"removed"`
		Changed  []claimEvent `json:"changed"`
		Restored []claimEvent `json:"restored"`
	} `json:"revisions"`
}

// printRevisions prints a document's revisions, one block each, with a
// line per claim event.
func printRevisions(out io.Writer, res *revisionsResult) {
	fmt.Fprintf(out, "%s\n%s  %s\n%d revisions\n", res.Title, res.Publisher, res.URL, len(res.Revisions))
	for _, r := range res.Revisions {
		fetched := "fetch time unknown"
		if r.Fetched != nil {
			fetched = "fetched " + r.Fetched.UTC().Format("2006-01-02 15:04 MST")
		}
		fmt.Fprintf(out, "\nrevision %d, %s: %d claims (%d added, %d removed, %d changed",
			r.Revision, fetched, r.Claims, len(r.Added), len(r.Removed), len(r.Changed))
		if len(r.Restored) > 0 {
			fmt.Fprintf(out, ", %d restored", len(r.Restored))
		}
		fmt.Fprintln(out, ")")
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, set := range []struct {
			verb   string
			events []claimEvent
		}{{"removed", r.Removed}, {"changed", r.Changed}, {"restored", r.Restored}, {"added", r.Added}} {
			for _, e := range set.events {
				text := clip(oneLine(e.Text), 80)
				if e.PreviousText != "" {
					text = clip(oneLine(e.PreviousText), 60) + "  →  " + clip(oneLine(e.Text), 60)
				}
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", set.verb, e.Source.Type,
					clip(oneLine(firstOf(e.Source.Name, e.Source.Description)), 32), text)
			}
		}
		_ = tw.Flush()
	}
}
