package index

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// value interprets a bare word (raw, with backslash escapes) searched in
// field: its ^boost and ~fuzziness suffixes, then a range, prefix,
// wildcard or plain word.
func (p *parser) value(field, raw string) (*node, error) {
	if err := p.count(1); err != nil {
		return nil, err
	}
	n := &node{field: field}
	var err error
	if raw, n.boost, err = cutBoost(raw); err != nil {
		return nil, err
	}
	if raw, n.fuzzy, err = cutFuzzy(raw); err != nil {
		return nil, err
	}
	if strings.HasPrefix(raw, "/") {
		return nil, invalid("regular expressions (%s) are not supported; search for words, a \"phrase\" or a prefix like regul*", raw)
	}
	if _, ok := queryDates[field]; ok {
		return n, dateValue(n, raw)
	}
	if raw == "" {
		return nil, invalid("give a word to search for before ~ or ^")
	}
	if field == fieldHasAnonymous {
		if v := strings.ToLower(unescape(raw)); v != "true" && v != "false" {
			return nil, invalid("has_anonymous takes true or false; got %q", raw)
		}
	}
	if strings.Trim(raw, "?") == "" || (strings.HasSuffix(raw, "?") && firstWildcard(raw) == len(raw)-1) {
		// A question mark ending a word is punctuation ("what did the SEC say?").
		raw = strings.TrimSuffix(raw, "?")
	}
	wild := firstWildcard(raw)
	if wild < 0 {
		n.kind, n.text = nodeWord, unescape(raw)
		return n, nil
	}
	return n, wildValue(n, raw, wild)
}

// wildValue fills n as a prefix (a single trailing *) or wildcard query;
// wild is the byte offset of the first unescaped * or ? in raw.
func wildValue(n *node, raw string, wild int) error {
	switch {
	case raw == "*":
		return invalid("* alone is not a search; leave the query empty to match every document")
	case wild == 0:
		return invalid("%q starts with a wildcard; put at least %d letters before * or ?", raw, minPrefixLen)
	case n.fuzzy > 0:
		return invalid("%q mixes a wildcard and ~; use one or the other", raw)
	}
	lit := unescape(raw[:wild])
	if utf8.RuneCountInString(lit) < minPrefixLen {
		return invalid("%q has too short a prefix; put at least %d letters before * or ?", raw, minPrefixLen)
	}
	if wild == len(raw)-1 && raw[wild] == '*' {
		n.kind, n.text = nodePrefix, lit
		return nil
	}
	n.kind, n.text = nodeWildcard, raw
	return nil
}

// dateValue fills n from a date field's value: a range (>, >=, <, <= and a
// date) or a single day.
func dateValue(n *node, raw string) error {
	if n.fuzzy > 0 {
		return invalid("dates cannot be fuzzy; remove the ~ after %s", raw)
	}
	n.kind = nodeRange
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(raw, op); ok {
			n.op, raw = op, rest
			break
		}
	}
	if t, err := parseDate(unescape(raw)); err != nil || !indexableTime(t) {
		return invalid("%s:%s%s is not a date; write a date like 2024-05-03 or 2024-05-03T14:00:00Z, optionally after >, >=, < or <=",
			n.field, n.op, raw)
	}
	n.text = unescape(raw)
	return nil
}

// parseDate accepts an RFC 3339 time or a plain day (UTC).
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// cutBoost splits a trailing unescaped ^number off raw.
func cutBoost(raw string) (string, float64, error) {
	i := lastUnescaped(raw, '^')
	if i < 0 {
		return raw, 0, nil
	}
	b, err := parseBoost(raw[i+1:])
	return raw[:i], b, err
}

// cutFuzzy splits a trailing unescaped ~ and optional edit distance off
// raw; "~" alone means 1.
func cutFuzzy(raw string) (string, int, error) {
	i := lastUnescaped(raw, '~')
	if i < 0 {
		return raw, 0, nil
	}
	num := raw[i+1:]
	if num == "" {
		return raw[:i], 1, nil
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || f > maxFuzziness || f != float64(int(f)) {
		return "", 0, invalid("the fuzziness after ~ in %q must be 0, 1 or 2", raw)
	}
	return raw[:i], int(f), nil
}

func lastUnescaped(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c && !escapedAt(s, i) {
			return i
		}
	}
	return -1
}

func firstWildcard(s string) int {
	for i := 0; i < len(s); i++ {
		if (s[i] == '*' || s[i] == '?') && !escapedAt(s, i) {
			return i
		}
	}
	return -1
}

// escapedAt reports whether s[i] follows an odd number of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// unescape drops the backslashes that escape the next character.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
