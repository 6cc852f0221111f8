package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/fedreg"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/urlcanon"
	"github.com/spf13/cobra"
)

func extractCmd(g *globals) *cobra.Command {
	var pageURL string
	var textOnly bool
	cmd := &cobra.Command{
		Use:   "extract [--url URL] [--text] FILE|URL|-",
		Short: "Run the extract stage on one file or URL and print the Document as JSON",
		Long: `Run the very extract stage the pipeline runs on one local file (HTML, plain text or a
Federal Register document JSON), standard input (-), or a URL, and print the Document
as JSON: title, clean body, dates, language, entity mentions, sourcing claims and the
sourcing profile. With --text, print only the clean body. No server is needed.`,
		Example: `  newsintel extract article.html
  newsintel extract --url https://example.com/2021/06/14/story page.html
  newsintel extract --text story.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(nil)
			if err != nil {
				return err
			}
			doc, err := runExtract(cmd.Context(), cfg, args[0], pageURL)
			if err != nil {
				return err
			}
			return printDocument(cmd.OutOrStdout(), doc, textOnly)
		},
	}
	cmd.Flags().StringVar(&pageURL, "url", "", "the URL the file was fetched from (resolves links, sets the ID)")
	cmd.Flags().BoolVar(&textOnly, "text", false, "print only the clean body text")
	return cmd
}

// runExtract reads one input and runs the extract stage on it.
func runExtract(ctx context.Context, cfg config.Config, arg, pageURL string) (*newsintel.Document, error) {
	raw, err := readInput(ctx, cfg, arg, pageURL)
	if err != nil {
		return nil, err
	}
	return extract.New(loadGazetteer(cfg, logger(cfg, io.Discard))).Extract(ctx, raw)
}

// readInput builds the raw message for a file, standard input or a URL.
func readInput(ctx context.Context, cfg config.Config, arg, pageURL string) (newsintel.Raw, error) {
	var data []byte
	var contentType, location string
	var err error
	switch {
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		resp, ferr := newFetcher(cfg).Get(ctx, fetch.Request{URL: arg})
		if ferr != nil {
			return newsintel.Raw{}, ferr
		}
		data, contentType, location = resp.Body, resp.ContentType, resp.FinalURL
	case arg == "-":
		data, err = io.ReadAll(io.LimitReader(os.Stdin, extract.MaxInput+1))
		location = "stdin"
	default:
		data, err = os.ReadFile(arg)
		abs, _ := filepath.Abs(arg)
		location = "file://" + filepath.ToSlash(abs)
	}
	if err != nil {
		return newsintel.Raw{}, fmt.Errorf("extract: %w", err)
	}
	if pageURL != "" {
		location = pageURL
	}
	format := ingest.Detect(data, arg, contentType)
	if format == ingest.FormatJSON || format == ingest.FormatFedReg {
		d, err := fedreg.Parse(data)
		if err != nil {
			return newsintel.Raw{}, fmt.Errorf("extract %s: JSON that is not a Federal Register document: %w", arg, err)
		}
		return d.ToRaw("manual", time.Now().UTC()), nil
	}
	switch format {
	case ingest.FormatHTML:
		contentType = "text/html"
	case ingest.FormatText, ingest.FormatEDGAR:
		contentType = "text/plain"
	case ingest.FormatPDF:
		contentType = "application/pdf"
	default:
		return newsintel.Raw{}, fmt.Errorf("extract %s: %s content; give an HTML page, a text file, a PDF, an EDGAR filing or a Federal Register document JSON", arg, format)
	}
	id := newsintel.ArticleID(location)
	if c, err := urlcanon.Canonical(location); err == nil {
		id = newsintel.ArticleID(c)
	}
	return newsintel.Raw{ID: id, Kind: newsintel.KindArticle, Source: "manual", URL: location, FinalURL: location,
		ContentType: contentType, Fetched: time.Now().UTC(), Body: data}, nil
}

func printDocument(w io.Writer, doc *newsintel.Document, textOnly bool) error {
	if textOnly {
		_, err := fmt.Fprintln(w, doc.Body)
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
