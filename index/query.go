package index

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// Limits on query strings.
const (
	maxQueryChars = 1000
	maxQueryDepth = 10
	maxQueryTerms = 64
	maxFuzziness  = 2
	minPrefixLen  = 2
)

// queryFields are the field names a query string may use.
var queryFields = []string{
	fieldTitle, fieldBody, fieldKind, fieldSource, fieldPublisher, fieldLanguage,
	fieldForm, fieldSection, fieldAuthor, fieldCluster, fieldTicker, fieldCIK,
	fieldEntity, fieldEntityName, fieldCompany, fieldAgency, fieldGovernment,
	fieldPerson, fieldPlace, fieldSourceType, fieldHasAnonymous,
	fieldPublished, fieldFetched, fieldFiled,
}

// occur says how a clause takes part in its group.
type occur int

const (
	occurShould occur = iota
	occurMust
	occurMustNot
)

// nodeKind is the kind of a parsed query clause.
type nodeKind int

const (
	nodeGroup    nodeKind = iota // ( … )
	nodeWord                     // a word, possibly fuzzy (word~1)
	nodePhrase                   // "a phrase"
	nodePrefix                   // regul*
	nodeWildcard                 // wom?n, or a * inside a word
	nodeRange                    // published:>=2024-01-01
)

// node is one clause of a parsed query string.
type node struct {
	kind     nodeKind
	occur    occur
	field    string // "" searches title and body
	text     string // unescaped; for prefixes without the trailing *
	fuzzy    int
	boost    float64 // 0 when not given
	op       string  // ranges: ">", ">=", "<", "<="
	children []*node
}

// ParseQuery validates a query string in Bleve's query string syntax
// (words, "phrases", +must, -not, field:value, prefix*, fuzzy~1, ^boost)
// extended with ( ) groups and AND, OR, NOT. It returns an EINVALID error
// whose message says what to change for: regular expressions, leading
// wildcards, a * alone, prefixes shorter than 2 characters, fuzziness above
// 2, phrase proximity, unbalanced quotes or parentheses, more than 1 000
// characters, more than 10 levels of nesting or 64 terms, and unknown
// fields. The empty query is valid and matches everything.
func ParseQuery(q string) error {
	_, err := parseQuery(q)
	return err
}

// parseQuery parses q into a group node; nil for an empty query.
func parseQuery(q string) (*node, error) {
	if n := utf8.RuneCountInString(q); n > maxQueryChars {
		return nil, invalid("the query has %d characters; shorten it to at most %d", n, maxQueryChars)
	}
	if !utf8.ValidString(q) {
		return nil, invalid("the query is not valid UTF-8 text")
	}
	p := &parser{src: []rune(q)}
	children, err := p.clauses(0, "")
	if err != nil || len(children) == 0 {
		return nil, err
	}
	return &node{kind: nodeGroup, children: children}, nil
}

func invalid(format string, args ...any) error {
	return newsintel.Errorf(newsintel.EINVALID, format, args...)
}

// parser is a recursive-descent parser over the runes of a query string.
type parser struct {
	src   []rune
	pos   int
	terms int
}

func (p *parser) eof() bool  { return p.pos >= len(p.src) }
func (p *parser) peek() rune { return p.src[p.pos] }

func (p *parser) skipSpace() {
	for !p.eof() && unicode.IsSpace(p.peek()) {
		p.pos++
	}
}

// clauses parses clauses up to the end of input (depth 0) or the ')' that
// closes the group (depth > 0), applying AND, OR and NOT.
func (p *parser) clauses(depth int, field string) ([]*node, error) {
	var out []*node
	and, not := false, false
	for {
		p.skipSpace()
		if p.eof() {
			if depth > 0 {
				return nil, invalid("unbalanced parentheses: add a ) to close every (")
			}
			return out, nil
		}
		if p.peek() == ')' {
			if depth == 0 {
				return nil, invalid("unbalanced parentheses: remove the ) at character %d or add a ( before it", p.pos+1)
			}
			p.pos++
			return out, nil
		}
		switch p.operator() {
		case "AND", "&&":
			and = true
			if len(out) > 0 && out[len(out)-1].occur == occurShould {
				out[len(out)-1].occur = occurMust
			}
			continue
		case "OR", "||":
			continue
		case "NOT":
			not = true
			continue
		}
		n, err := p.clause(depth, field)
		if err != nil {
			return nil, err
		}
		if n == nil {
			continue
		}
		if not {
			n.occur = occurMustNot
		} else if and && n.occur == occurShould {
			n.occur = occurMust
		}
		and, not = false, false
		out = append(out, n)
	}
}

// operator consumes and returns a boolean operator word at the current
// position, or returns "" and consumes nothing.
func (p *parser) operator() string {
	end := p.pos
	for end < len(p.src) && !unicode.IsSpace(p.src[end]) && p.src[end] != '(' && p.src[end] != ')' {
		end++
	}
	w := string(p.src[p.pos:end])
	switch w {
	case "AND", "&&", "OR", "||", "NOT":
		p.pos = end
		return w
	}
	return ""
}

// clause parses an optional + or - and a primary. A lone + or - is
// skipped (nil, nil).
func (p *parser) clause(depth int, field string) (*node, error) {
	occ := occurShould
	switch p.peek() {
	case '+':
		occ = occurMust
		p.pos++
	case '-':
		occ = occurMustNot
		p.pos++
	}
	if p.eof() || unicode.IsSpace(p.peek()) {
		return nil, nil
	}
	n, err := p.primary(depth, field)
	if err != nil {
		return nil, err
	}
	n.occur = occ
	return n, nil
}

// primary parses a group, a phrase or a word, each maybe after field:.
func (p *parser) primary(depth int, field string) (*node, error) {
	switch p.peek() {
	case '(':
		return p.group(depth, field)
	case '"':
		return p.phrase(field)
	}
	raw, colon := p.word()
	if colon < 0 || field != "" {
		return p.value(field, raw)
	}
	name := strings.ToLower(raw[:colon])
	if !slices.Contains(queryFields, name) {
		return nil, invalid("unknown field %q; use one of %s, or put the text in quotes to search for it as words",
			raw[:colon], strings.Join(queryFields, ", "))
	}
	if rest := raw[colon+1:]; rest != "" {
		return p.value(name, rest)
	}
	if !p.eof() && (p.peek() == '"' || p.peek() == '(') {
		return p.primary(depth, name)
	}
	return nil, invalid("give a value after %s:, as in %s:value", name, name)
}

func (p *parser) group(depth int, field string) (*node, error) {
	if depth+1 > maxQueryDepth {
		return nil, invalid("the query nests parentheses more than %d levels deep; remove some ( )", maxQueryDepth)
	}
	p.pos++ // (
	children, err := p.clauses(depth+1, field)
	if err != nil {
		return nil, err
	}
	if len(children) == 0 {
		return nil, invalid("empty parentheses: put words inside ( ) or remove them")
	}
	n := &node{kind: nodeGroup, field: field, children: children}
	if n.boost, err = p.boostSuffix(); err != nil {
		return nil, err
	}
	return n, nil
}

// word reads a bare word up to a space, parenthesis or quote; backslash
// escapes the next character (kept in raw). colon is the byte offset of the
// first unescaped ':' in raw, or -1.
func (p *parser) word() (raw string, colon int) {
	var b strings.Builder
	colon = -1
	for !p.eof() {
		r := p.peek()
		if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
			break
		}
		if r == '\\' && p.pos+1 < len(p.src) {
			b.WriteRune(r)
			b.WriteRune(p.src[p.pos+1])
			p.pos += 2
			continue
		}
		if r == ':' && colon < 0 {
			colon = b.Len()
		}
		b.WriteRune(r)
		p.pos++
	}
	return b.String(), colon
}

// phrase reads a quoted phrase and its optional ^boost.
func (p *parser) phrase(field string) (*node, error) {
	start := p.pos
	p.pos++ // opening quote
	var b strings.Builder
	for {
		if p.eof() {
			return nil, invalid("unbalanced quotes: close the phrase that starts at character %d with \" or remove the quote", start+1)
		}
		r := p.peek()
		p.pos++
		if r == '\\' && !p.eof() {
			b.WriteRune(p.peek())
			p.pos++
			continue
		}
		if r == '"' {
			break
		}
		b.WriteRune(r)
	}
	text := strings.TrimSpace(b.String())
	if text == "" {
		return nil, invalid("empty phrase \"\": put words between the quotes or remove them")
	}
	if !p.eof() && p.peek() == '~' {
		return nil, invalid("phrase proximity (\"%s\"~N) is not supported; remove the ~ after the phrase", text)
	}
	if err := p.count(len(strings.Fields(text))); err != nil {
		return nil, err
	}
	n := &node{kind: nodePhrase, field: field, text: text}
	var err error
	n.boost, err = p.boostSuffix()
	return n, err
}

// boostSuffix reads an optional ^number right after a phrase or group.
func (p *parser) boostSuffix() (float64, error) {
	if p.eof() || p.peek() != '^' {
		return 0, nil
	}
	raw, _ := p.word()
	return parseBoost(raw[1:])
}

func (p *parser) count(n int) error {
	p.terms += max(n, 1)
	if p.terms > maxQueryTerms {
		return invalid("the query has more than %d terms; remove some words", maxQueryTerms)
	}
	return nil
}

func parseBoost(s string) (float64, error) {
	b, err := strconv.ParseFloat(s, 64)
	if err != nil || b <= 0 || b > 100 {
		return 0, invalid("a boost after ^ must be a number above 0 and at most 100, as in ^2; got %q", s)
	}
	return b, nil
}
