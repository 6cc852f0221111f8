package entities

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsintel/newsintel"
)

// The files `newsintel gazetteer update` writes into the data directory.
const (
	SECTickersFile    = "sec-company-tickers.json"
	FRAgenciesFile    = "federal-register-agencies.json"
	FRAgenciesCSVFile = "federal-register-agencies.csv"
)

// Load returns a new gazetteer of the built-in list plus, when present in
// dir, the SEC company list and the Federal Register agency list (JSON, or
// else CSV). Missing files are skipped; a file that is present but cannot be
// read or parsed is an error naming it. Entities of the lists merge into the
// built-in ones with the same ID, CIK or ticker, which keep their names.
func Load(dir string) (*Gazetteer, error) {
	b := newBuilder()
	if err := b.addBuiltin(); err != nil {
		return nil, err
	}
	sources := []struct {
		file  string
		parse func(io.Reader) ([]newsintel.Entity, error)
	}{
		{SECTickersFile, ParseSECTickers},
		{FRAgenciesFile, ParseFRAgencies},
		{FRAgenciesCSVFile, ParseFRAgenciesCSV},
	}
	haveFR := false
	for _, s := range sources {
		if s.file == FRAgenciesCSVFile && haveFR {
			continue
		}
		list, err := parseFile(filepath.Join(dir, s.file), s.parse)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		haveFR = haveFR || s.file == FRAgenciesFile
		for _, e := range list {
			b.add(e, listAmbiguous(e))
		}
	}
	return b.finish(), nil
}

func parseFile(path string, parse func(io.Reader) ([]newsintel.Entity, error)) ([]newsintel.Entity, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	list, err := parse(f)
	if err != nil {
		return nil, fmt.Errorf("entities: %s: %w", path, err)
	}
	return list, nil
}

// listAmbiguous returns the names of an entity from a downloaded list that
// are common words or phrases ("Target", "Action", "First Solar"'s sibling
// "First American"): they are tagged in text only with context.
func listAmbiguous(e newsintel.Entity) []string {
	var out []string
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if commonPhrase(n) {
			out = append(out, n)
		}
	}
	return out
}

// commonPhrase reports whether every word of name is a common word, or name
// is a single word: such names need context before they are tagged.
func commonPhrase(name string) bool {
	words := strings.Fields(name)
	if len(words) <= 1 {
		return true
	}
	for _, w := range words {
		n := normWord(w)
		if !stopwords[n] && !genericWords[n] && !orgSuffixes[n] {
			return false
		}
	}
	return true
}
