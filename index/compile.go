package index

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/newsintel/newsintel"
)

// titleBoost weighs a match in the title against one in the body.
const titleBoost = 3.0

// compiler turns parsed query strings into Bleve queries. an is the
// analyzer of title and body, used to drop clauses made only of stop words
// and to stem prefixes.
type compiler struct {
	an      analysis.Analyzer
	damaged damageReport // documents a phrase cannot be checked in (see seqCheck)
	lex     *lexicon     // the index's, for body phrases
}

// compile returns the Bleve query for n, or nil when n matches nothing
// meaningful (only stop words or punctuation).
func (c *compiler) compile(n *node) query.Query {
	var q query.Query
	switch n.kind {
	case nodeGroup:
		q = c.group(n)
	case nodeRange:
		q = dateQuery(n)
	default:
		switch {
		case n.field == "":
			q = c.textBoth(n)
		case n.field == fieldTitle || n.field == fieldBody:
			q = c.text(n, n.field, 1)
		case n.field == fieldHasAnonymous:
			q = query.NewBoolFieldQuery(strings.EqualFold(n.text, "true") || n.text == "1")
			q.(*query.BoolFieldQuery).SetField(fieldHasAnonymous)
		default:
			q = keywordQuery(n)
		}
	}
	if q != nil && n.boost > 0 {
		if bq, ok := q.(query.BoostableQuery); ok {
			bq.SetBoost(n.boost)
		}
	}
	return q
}

func (c *compiler) group(n *node) query.Query {
	var must, should, not []query.Query
	for _, ch := range n.children {
		q := c.compile(ch)
		if q == nil {
			continue
		}
		switch ch.occur {
		case occurMust:
			must = append(must, q)
		case occurMustNot:
			not = append(not, q)
		default:
			should = append(should, q)
		}
	}
	switch {
	case len(must)+len(should)+len(not) == 0:
		return nil
	case len(must)+len(not) == 0 && len(should) == 1:
		return should[0]
	case len(must) == 1 && len(should)+len(not) == 0:
		return must[0]
	case len(must)+len(should) == 0:
		// Only must-not clauses would start from every indexed item,
		// claims included; start from the documents instead.
		must = []query.Query{documentsOnly()}
	}
	// With no must clause, Bleve requires one should clause to match; with
	// one, should clauses only raise the score. Only must-not clauses start
	// from every document.
	return query.NewBooleanQuery(must, should, not)
}

// textBoth searches title (boosted) and body.
func (c *compiler) textBoth(n *node) query.Query {
	t := c.text(n, fieldTitle, titleBoost)
	if t == nil {
		return nil
	}
	return query.NewDisjunctionQuery([]query.Query{t, c.text(n, fieldBody, 1)})
}

// text searches one analysed field; the body's clause is scaled for its
// length in units (see bodyLengthUnit).
func (c *compiler) text(n *node, field string, boost float64) query.Query {
	q := c.fieldText(n, field, boost)
	if q != nil && field == fieldBody {
		return bodyScaled(q)
	}
	return q
}

// fieldText is text without the body's scaling.
func (c *compiler) fieldText(n *node, field string, boost float64) query.Query {
	var q query.FieldableQuery
	switch n.kind {
	case nodePrefix:
		return prefix(field, n.text, boost)
	case nodeWildcard:
		q = query.NewWildcardQuery(strings.ToLower(n.text))
	default:
		tokens := c.tokens(n.text)
		if len(tokens) == 0 {
			return nil
		}
		if n.kind == nodePhrase || len(tokens) > 1 {
			// A word the analyzer splits ("COVID-19", "U.S.-China") is
			// searched as the phrase it is.
			return phraseQuery(field, n.text, boost, c.damaged, c.lex)
		}
		m := query.NewMatchQuery(n.text)
		m.SetFuzziness(n.fuzzy)
		q = m
	}
	q.SetField(field)
	if bq, ok := q.(query.BoostableQuery); ok && boost != 1 {
		bq.SetBoost(boost)
	}
	return q
}

// tokens returns the analysed terms of s.
func (c *compiler) tokens(s string) []string {
	var out []string
	for _, t := range c.an.Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// prefix searches an analysed field for words starting with p. The index
// holds Porter stems, which may be shorter than p ("regulation" is
// indexed as "regul", so "regulat*" must also match the term "regul"): it
// also matches the terms that p extends by at most 3 letters, if at least
// 4 long.
func prefix(field, p string, boost float64) query.Query {
	p = strings.ToLower(p)
	qs := []query.Query{query.NewPrefixQuery(p)}
	for k := max(4, len(p)-3); k < len(p); k++ {
		if !utf8.RuneStart(p[k]) {
			continue
		}
		qs = append(qs, query.NewTermQuery(p[:k]))
	}
	for _, q := range qs {
		q.(query.FieldableQuery).SetField(field)
	}
	d := query.NewDisjunctionQuery(qs)
	if boost != 1 {
		d.SetBoost(boost)
	}
	return d
}

// keywordQuery matches an exact keyword field, normalising the value the
// way toIndexed does. An entity given by name also matches the name field.
func keywordQuery(n *node) query.Query {
	var qs []query.Query
	for _, v := range keywordValues(n) {
		qs = append(qs, keywordLeaf(n, n.field, v))
	}
	if n.field == fieldEntity && n.kind != nodeWildcard && !isEntityID(n.text) {
		qs = append(qs, keywordLeaf(n, fieldEntityName, n.text))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

func keywordLeaf(n *node, field, v string) query.Query {
	var q query.FieldableQuery
	switch {
	case n.kind == nodePrefix:
		q = query.NewPrefixQuery(v)
	case n.kind == nodeWildcard:
		q = query.NewWildcardQuery(v)
	case n.fuzzy > 0:
		f := query.NewFuzzyQuery(v)
		f.SetFuzziness(n.fuzzy)
		q = f
	default:
		q = query.NewTermQuery(v)
	}
	q.SetField(field)
	return q
}

// keywordValues normalises a value for an exact field: lower case for
// kinds, languages and source types, upper case for forms, entity IDs for
// entity fields given a name.
func keywordValues(n *node) []string {
	field, v := n.field, strings.TrimSpace(n.text)
	if n.kind == nodeWildcard && entityTypeOf(field) != "" && !isEntityID(v) {
		return []string{field + ":" + strings.ToLower(v)}
	}
	switch field {
	case fieldKind, fieldLanguage, fieldSourceType:
		return []string{strings.ToLower(v)}
	case fieldForm:
		return []string{strings.ToUpper(v)}
	case fieldEntity:
		return entityIDs("", v)
	case fieldCompany, fieldAgency, fieldGovernment, fieldPerson, fieldPlace:
		return entityIDs(entityTypeOf(field), v)
	}
	return []string{v}
}

// entityIDs returns the IDs an entity filter value stands for: the value
// itself when it is an ID ("company:alibaba-group"), else the ID a
// canonical name has under type t, or under every type when t is "".
func entityIDs(t newsintel.EntityType, v string) []string {
	if isEntityID(v) {
		return []string{v}
	}
	if t != "" {
		return []string{newsintel.EntityID(t, v)}
	}
	var out []string
	for _, et := range newsintel.EntityTypes() {
		out = append(out, newsintel.EntityID(et, v))
	}
	return out
}

// isEntityID reports whether v is written as an entity ID: a known type,
// a colon and a slug.
func isEntityID(v string) bool {
	typ, _, ok := strings.Cut(v, ":")
	return ok && newsintel.EntityType(typ).Valid()
}

func entityTypeOf(field string) newsintel.EntityType {
	switch field {
	case fieldCompany:
		return newsintel.EntityCompany
	case fieldAgency:
		return newsintel.EntityAgency
	case fieldGovernment:
		return newsintel.EntityGovernment
	case fieldPerson:
		return newsintel.EntityPerson
	case fieldPlace:
		return newsintel.EntityPlace
	}
	return ""
}

// dateQuery compiles a range or a single day on a date field: the dates
// from lo to hi, both included, to the nanosecond (see dateFields). A
// single day or date-time matches that day or second. The bounds are
// those the Bleve date range queries this replaced had: > on a date-time
// takes it in and <= on a date-time leaves it out. It adds nothing to
// the score (see weightless).
func dateQuery(n *node) query.Query {
	t, _ := parseDate(n.text) // validated by the parser
	isDay := !strings.Contains(n.text, "T")
	var lo, hi time.Time // zero: open
	switch n.op {
	case ">":
		if isDay {
			t = t.AddDate(0, 0, 1) // after that day
		}
		lo = t
	case ">=":
		lo = t
	case "<":
		hi = t.Add(-time.Nanosecond)
	case "<=":
		if isDay {
			t = t.AddDate(0, 0, 1)
		}
		hi = t.Add(-time.Nanosecond)
	default:
		stop := t.Add(time.Second)
		if isDay {
			stop = t.AddDate(0, 0, 1)
		}
		lo, hi = t, stop.Add(-time.Nanosecond)
	}
	return weightless{queryDates[n.field].rangeQuery(lo, hi)}
}
