package entities

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsintel/newsintel"
)

// frAgency is one agency of the Federal Register's api/v1/agencies.
type frAgency struct {
	ID        int    `json:"id"`
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	Slug      string `json:"slug"`
	ParentID  *int   `json:"parent_id"`
}

// ParseFRAgencies reads the Federal Register's agency list (the JSON array
// of api/v1/agencies) and returns one agency entity per name, named as the
// Federal Register names it ("Commerce Department"), with "Department of
// Commerce" and the short name ("DOC") as aliases, the slug as the
// "fr_slug" identifier and the parent agency as Parent. It returns an error
// when the JSON is malformed.
func ParseFRAgencies(r io.Reader) ([]newsintel.Entity, error) {
	var rows []frAgency
	if err := json.NewDecoder(r).Decode(&rows); err != nil {
		return nil, fmt.Errorf("federal register agencies: %w", err)
	}
	names := map[int]string{}
	for _, a := range rows {
		names[a.ID] = strings.TrimSpace(a.Name)
	}
	var out []newsintel.Entity
	for _, a := range rows {
		parent := ""
		if a.ParentID != nil {
			parent = names[*a.ParentID]
		}
		if e, ok := frEntity(a.Name, a.ShortName, a.Slug, parent); ok {
			out = append(out, e)
		}
	}
	return dedupeByID(out), nil
}

// ParseFRAgenciesCSV reads the Federal Register's agency list in its CSV
// form (active, cfr_citation, parent_agency_name, agency_name, description;
// UTF-8 or Windows-1252) and returns the active agencies as ParseFRAgencies
// does. It returns an error when the CSV is malformed or lacks the
// agency_name column.
func ParseFRAgenciesCSV(r io.Reader) ([]newsintel.Entity, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("federal register agencies csv: %w", err)
	}
	if !utf8.Valid(data) {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			return nil, fmt.Errorf("federal register agencies csv: %w", err)
		}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("federal register agencies csv: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	nameCol, ok := col["agency_name"]
	if !ok {
		return nil, fmt.Errorf("federal register agencies csv: no agency_name column")
	}
	var out []newsintel.Entity
	for _, row := range rows[1:] {
		if nameCol >= len(row) || field(row, col, "active") == "0" {
			continue
		}
		name := strings.TrimSpace(row[nameCol])
		parent := field(row, col, "parent_agency_name")
		if e, ok := frEntity(name, "", "", parent); ok {
			out = append(out, e)
		}
	}
	return dedupeByID(out), nil
}

func field(row []string, col map[string]int, name string) string {
	i, ok := col[name]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// frEntity makes the entity of an agency named as the Federal Register
// names it; "X Department" also gets the alias "Department of X".
func frEntity(name, short, slug, parent string) (newsintel.Entity, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return newsintel.Entity{}, false
	}
	e := newsintel.Entity{Name: name, Type: newsintel.EntityAgency, Identifiers: map[string]string{}}
	if slug == "" {
		slug = newsintel.Slug(name)
	}
	e.Identifiers["fr_slug"] = slug
	if rest, ok := strings.CutSuffix(name, " Department"); ok && !strings.Contains(rest, ",") {
		e.Aliases = append(e.Aliases, "Department of "+rest)
	}
	if short = strings.TrimSpace(short); short != "" && short != name && isAcronym(short) && len(short) <= 8 {
		e.Aliases = append(e.Aliases, short)
	}
	if parent = strings.TrimSpace(parent); parent != "" && parent != name {
		e.Parent = newsintel.EntityID(newsintel.EntityAgency, parent)
	}
	return e, true
}

// dedupeByID merges entities that share an ID (the CSV lists an agency
// once per CFR citation).
func dedupeByID(list []newsintel.Entity) []newsintel.Entity {
	index := map[string]int{}
	var out []newsintel.Entity
	for _, e := range list {
		e.ID = newsintel.EntityID(e.Type, e.Name)
		if i, ok := index[e.ID]; ok {
			for _, a := range e.Aliases {
				if !contains(out[i].Aliases, a) {
					out[i].Aliases = append(out[i].Aliases, a)
				}
			}
			continue
		}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}
