package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/spf13/cobra"
)

// The authoritative lists `newsintel gazetteer update` downloads.
const (
	secTickersURL = "https://www.sec.gov/files/company_tickers.json"
	frAgenciesURL = "https://www.federalregister.gov/api/v1/agencies"
)

// gazetteerList is one downloadable list: where it comes from, the file it
// is stored in and the parser that validates it.
type gazetteerList struct {
	name  string
	url   string
	file  string
	parse func(io.Reader) ([]newsintel.Entity, error)
}

func gazetteerCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gazetteer",
		Short: "Manage the entity lists the extractor tags with",
	}
	cmd.AddCommand(gazetteerUpdateCmd(g))
	return cmd
}

func gazetteerUpdateCmd(g *globals) *cobra.Command {
	var secURL, frURL, dataDir string
	cmd := &cobra.Command{
		Use:   "update [--sec-url URL] [--fr-url URL] [--data DIR]",
		Short: "Download the SEC company tickers and the Federal Register agencies into the data directory",
		Long: `Download the SEC's company_tickers.json and the Federal Register's agency list through
the guarded fetcher (with fetch.user_agent: the SEC refuses requests without a contact
address) into <data_dir>/gazetteer/. Each list is parsed before it replaces the old file,
which is swapped atomically, so a failed or malformed download keeps the previous list.
serve and extract load these files on start; the built-in list works without them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.load(func(c *config.Config) {
				if dataDir != "" {
					c.DataDir = dataDir
				}
			})
			if err != nil {
				return err
			}
			lists := gazetteerLists(secURL, frURL)
			return updateGazetteer(cmd.Context(), newFetcher(cfg), gazetteerDir(cfg), lists, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&secURL, "sec-url", secTickersURL, "URL of the SEC company tickers JSON")
	cmd.Flags().StringVar(&frURL, "fr-url", frAgenciesURL, "URL of the Federal Register agencies JSON")
	cmd.Flags().StringVar(&dataDir, "data", "", "data directory (overrides data_dir)")
	return cmd
}

func gazetteerLists(secURL, frURL string) []gazetteerList {
	return []gazetteerList{
		{name: "SEC company tickers", url: secURL, file: entities.SECTickersFile, parse: entities.ParseSECTickers},
		{name: "Federal Register agencies", url: frURL, file: entities.FRAgenciesFile, parse: entities.ParseFRAgencies},
	}
}

// updateGazetteer downloads every list into dir, each validated and
// swapped in atomically. A list that fails keeps its old file; the others
// are still updated. It returns the joined errors of the lists that failed.
func updateGazetteer(ctx context.Context, f *fetch.Client, dir string, lists []gazetteerList, out io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	var errs []error
	for _, l := range lists {
		n, err := updateList(ctx, f, dir, l)
		if err != nil {
			fmt.Fprintf(out, "failed: %s: %v\n", l.name, err)
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(out, "%s: %d entities → %s\n", l.name, n, filepath.Join(dir, l.file))
	}
	return errors.Join(errs...)
}

// updateList fetches one list, parses it and replaces its file.
func updateList(ctx context.Context, f *fetch.Client, dir string, l gazetteerList) (int, error) {
	resp, err := f.Get(ctx, fetch.Request{URL: l.url, Accept: "application/json"})
	var status *fetch.StatusError
	if errors.As(err, &status) && status.Code == http.StatusForbidden {
		// The SEC answers 403 to requests that do not say who is asking.
		return 0, fmt.Errorf("gazetteer %s: %w (is fetch.user_agent a name and contact e-mail?)", l.file, err)
	}
	if err != nil {
		return 0, fmt.Errorf("gazetteer %s: %w", l.file, err)
	}
	list, err := l.parse(bytes.NewReader(resp.Body))
	if err != nil {
		return 0, fmt.Errorf("gazetteer %s from %s: %w", l.file, l.url, err)
	}
	if len(list) == 0 {
		return 0, fmt.Errorf("gazetteer %s from %s: no entities in the download", l.file, l.url)
	}
	if err := writeAtomic(filepath.Join(dir, l.file), resp.Body); err != nil {
		return 0, fmt.Errorf("gazetteer %s: %w", l.file, err)
	}
	return len(list), nil
}

// writeAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so readers see the old file or the new, never half.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
