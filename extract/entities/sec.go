package entities

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsintel/newsintel"
)

// secCompany is one row of the SEC's company_tickers.json.
type secCompany struct {
	CIK    int64  `json:"cik_str"`
	Ticker string `json:"ticker"`
	Title  string `json:"title"`
}

// ParseSECTickers reads the SEC's company_tickers.json
// ({"0":{"cik_str":..,"ticker":..,"title":..},...}) and returns one company
// per CIK, in the file's order (by market value). Each is named by its
// common name ("ALIBABA GROUP HOLDING LTD" → "Alibaba"), with the title-cased
// legal name as an alias and the CIK and first ticker as identifiers. It
// returns an error when the JSON is malformed.
func ParseSECTickers(r io.Reader) ([]newsintel.Entity, error) {
	var rows map[string]secCompany
	if err := json.NewDecoder(r).Decode(&rows); err != nil {
		return nil, fmt.Errorf("sec tickers: %w", err)
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, _ := strconv.Atoi(keys[i])
		b, _ := strconv.Atoi(keys[j])
		return a < b
	})
	seen := map[int64]bool{}
	var out []newsintel.Entity
	for _, k := range keys {
		c := rows[k]
		if seen[c.CIK] || strings.TrimSpace(c.Title) == "" {
			continue
		}
		seen[c.CIK] = true
		out = append(out, secEntity(c))
	}
	return out, nil
}

func secEntity(c secCompany) newsintel.Entity {
	legal := titleCase(cleanLegalName(c.Title))
	common := commonName(legal)
	e := newsintel.Entity{Name: common, Type: newsintel.EntityCompany, Identifiers: map[string]string{
		"cik": strconv.FormatInt(c.CIK, 10), "ticker": c.Ticker,
	}}
	if legal != common {
		e.Aliases = []string{legal}
	}
	return e
}

// cleanLegalName drops the state tags EDGAR appends ("/DE/", "\MD\") and
// stray punctuation at the ends.
func cleanLegalName(title string) string {
	fields := strings.Fields(title)
	out := fields[:0]
	for _, f := range fields {
		if strings.ContainsAny(f, `/\`) && len(strings.Trim(f, `/\`)) <= 4 {
			continue
		}
		out = append(out, f)
	}
	return strings.Trim(strings.Join(out, " "), " ,.-")
}

// commonName strips the legal suffixes from a company's name: "Alibaba Group
// Holding Ltd" → "Alibaba", "Amazon Com Inc" → "Amazon". A name that would
// vanish keeps its last word.
func commonName(legal string) string {
	words := strings.Fields(strings.ReplaceAll(legal, ",", " "))
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	for len(words) > 1 {
		last := normWord(strings.TrimSuffix(words[len(words)-1], "."))
		if !orgSuffixes[last] && last != "com" && last != "&" && last != "and" {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// titleCase rewrites an ALL CAPS name in Title Case ("NVIDIA CORP" →
// "Nvidia Corp"), keeping short words without vowels and words with "&"
// or digits as they are ("AT&T", "CVS"). Names in mixed case are returned
// unchanged.
func titleCase(name string) string {
	if name != strings.ToUpper(name) {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && (lw == "of" || lw == "and" || lw == "the" || lw == "for"):
			words[i] = lw
		case strings.ContainsAny(w, "&0123456789.") || len(w) <= 3 && !strings.ContainsAny(lw, "aeiouy"):
		default:
			r := []rune(lw)
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}
