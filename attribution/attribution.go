// Package attribution says in words who a claim is attributed to, for
// people reading a web page, an e-mail or a terminal: one wording of a
// newsintel.Source wherever it is shown.
package attribution

import (
	"strconv"
	"strings"

	"github.com/newsintel/newsintel"
)

// Who says who a claim's source is, without its type: "Gina Raimondo,
// Commerce Department", "people familiar with the matter (3 sources)",
// "officials (several sources), via WireWatch". A description that counts
// its sources itself ("three people briefed on the matter") is not counted
// again. It is "" when the source names no one (an unattributed claim).
func Who(s newsintel.Source) string {
	desc := strings.TrimSpace(s.Description)
	who := desc
	if s.Name != "" {
		who = s.Name
		if desc != "" && !strings.EqualFold(desc, s.Name) {
			who += ", " + desc
		}
	}
	if s.Affiliation != "" && !strings.Contains(strings.ToLower(who), strings.ToLower(s.Affiliation)) {
		who = strings.TrimPrefix(who+", "+s.Affiliation, ", ")
	}
	if n := count(s); n != "" && (s.Name != "" || !countsItself(desc)) {
		if who == "" {
			who = n
		} else {
			who += " (" + n + ")"
		}
	}
	if s.Via != "" {
		who = strings.TrimPrefix(who+", via "+s.Via, ", ")
	}
	return strings.Join(strings.Fields(who), " ")
}

// count says how many sources s stands for when it is more than one:
// "3 sources", "several sources"; else "".
func count(s newsintel.Source) string {
	switch {
	case s.Count != nil && *s.Count > 1:
		return strconv.Itoa(*s.Count) + " sources"
	case s.Plural:
		return "several sources"
	}
	return ""
}

// countWords start a description that says how many sources it stands for.
var countWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "several": true, "multiple": true, "many": true, "some": true, "both": true,
	"a": true, "an": true, "one": true, "two-dozen": true, "dozens": true, "numerous": true, "various": true,
}

// countsItself reports whether desc starts by saying how many it stands
// for: a number or a word such as "three" or "several".
func countsItself(desc string) bool {
	first, _, _ := strings.Cut(strings.ToLower(desc), " ")
	return countWords[first] || (first != "" && first[0] >= '0' && first[0] <= '9')
}
