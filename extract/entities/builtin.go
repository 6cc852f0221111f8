package entities

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/newsintel/newsintel"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

// entry is one entity of the hand-curated list, as written in
// builtin/*.yaml.
type entry struct {
	Name      string   `yaml:"name"`
	Aliases   []string `yaml:"aliases"`
	Ambiguous []string `yaml:"ambiguous"` // names that are common words: need context
	Parent    string   `yaml:"parent"`    // canonical name of the parent, same file
	Ticker    string   `yaml:"ticker"`
	Listings  []string `yaml:"listings"` // other exchanges: "HKEX:9988"
	CIK       string   `yaml:"cik"`
	ISO       string   `yaml:"iso"`
	FRSlug    string   `yaml:"fr_slug"`
	// Countries only: the demonyms ("Chinese"), the government's canonical
	// name when not "<Demonym> government", and the embassy's when not
	// "<Demonym> Embassy".
	Demonyms   []string `yaml:"demonyms"`
	Government string   `yaml:"government"`
	Embassy    string   `yaml:"embassy"`
}

// builtinFile is the shape of each builtin/*.yaml file.
type builtinFile struct {
	Companies   []entry `yaml:"companies"`
	Agencies    []entry `yaml:"agencies"`
	Governments []entry `yaml:"governments"`
	People      []entry `yaml:"people"`
	Places      []entry `yaml:"places"`
}

var (
	builtinOnce sync.Once
	builtinG    *Gazetteer
)

// Builtin returns the gazetteer of the hand-curated list compiled into the
// binary. It is built on first use and shared; it panics only if the
// embedded list is malformed, which the package's tests rule out.
func Builtin() *Gazetteer {
	builtinOnce.Do(func() {
		b := newBuilder()
		if err := b.addBuiltin(); err != nil {
			panic(err)
		}
		builtinG = b.finish()
	})
	return builtinG
}

// addBuiltin adds every entity of the embedded list.
func (b *builder) addBuiltin() error {
	files, err := fs.Glob(builtinFS, "builtin/*.yaml")
	if err != nil {
		return err
	}
	for _, name := range files {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			return err
		}
		var f builtinFile
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return fmt.Errorf("entities: %s: %w", name, err)
		}
		b.addEntries(newsintel.EntityPlace, f.Places)
		b.addEntries(newsintel.EntityCompany, f.Companies)
		b.addEntries(newsintel.EntityAgency, f.Agencies)
		b.addEntries(newsintel.EntityGovernment, f.Governments)
		b.addEntries(newsintel.EntityPerson, f.People)
	}
	return nil
}

func (b *builder) addEntries(t newsintel.EntityType, list []entry) {
	for _, en := range list {
		e := newsintel.Entity{Name: en.Name, Type: t, Aliases: en.Aliases, Identifiers: map[string]string{
			"ticker": en.Ticker, "cik": en.CIK, "iso": en.ISO, "fr_slug": en.FRSlug,
		}}
		if en.Parent != "" {
			e.Parent = b.parentID(en.Parent, t)
		}
		idx := b.add(e, en.Ambiguous)
		for _, l := range en.Listings {
			b.addListing(idx, l)
		}
		for _, d := range en.Demonyms {
			b.addCountryBodies(en, d)
		}
	}
}

// parentID finds the ID of the parent named name: an entity of the same
// type when there is one, else any entity of that name.
func (b *builder) parentID(name string, t newsintel.EntityType) string {
	id := newsintel.EntityID(t, name)
	if _, ok := b.g.byID[id]; ok {
		return id
	}
	if i, ok := b.g.byName[normKey(name)]; ok {
		return b.g.entities[i].ID
	}
	return id
}

// addCountryBodies adds the government and the embassy of a country from
// its demonym: "Chinese government" (also "Chinese authorities",
// "government of China", "China's government") and "Chinese Embassy".
func (b *builder) addCountryBodies(country entry, demonym string) {
	names := append([]string{country.Name}, country.Aliases...)
	gov := country.Government
	if gov == "" {
		gov = demonym + " government"
	}
	ge := newsintel.Entity{Name: gov, Type: newsintel.EntityGovernment}
	ge.Aliases = append(ge.Aliases, demonym+" government", demonym+" authorities", demonym+" regime")
	for _, n := range names {
		ge.Aliases = append(ge.Aliases, "government of "+n, n+"'s government", n+" government")
	}
	b.add(ge, nil)

	emb := country.Embassy
	if emb == "" {
		emb = demonym + " Embassy"
	}
	ee := newsintel.Entity{Name: emb, Type: newsintel.EntityAgency}
	ee.Aliases = append(ee.Aliases, demonym+" embassy", "Embassy of "+country.Name)
	for _, n := range names {
		ee.Aliases = append(ee.Aliases, n+" Embassy", n+"'s embassy")
	}
	b.g.embassy[b.add(ee, nil)] = true
}
