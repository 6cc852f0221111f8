package article

import (
	"regexp"
	"strings"
	"unicode"
)

// filterParas drops the furniture paragraphs that survived the structural
// cleaning: related links and the headlines listed under them, pleas,
// credits, bylines and date lines, the headline repeated, and repeats.
func filterParas(ps []para, title string) []para {
	out := ps[:0:0]
	inRelated, inLegal := false, false
	for i, p := range ps {
		if inLegal {
			if prose(p.text) && p.kind == kindText {
				continue
			}
			inLegal = false
		}
		if legalHeader(p.text) {
			inLegal = true
			continue
		}
		if inRelated {
			if !prose(p.text) && p.kind != kindHeading || p.kind == kindItem && linky(p) {
				continue
			}
			inRelated = false
		}
		if relatedHeader(p.text) {
			inRelated = true
			continue
		}
		if dropPara(p, i, title) {
			continue
		}
		if len(out) > 0 && out[len(out)-1].text == p.text {
			continue
		}
		out = append(out, p)
	}
	// A heading that closes the text heads nothing of the article.
	for len(out) > 0 && out[len(out)-1].kind == kindHeading {
		out = out[:len(out)-1]
	}
	return out
}

// dropPara reports whether one paragraph is furniture by its own text.
func dropPara(p para, i int, title string) bool {
	switch {
	case furnitureText(p.text):
		return true
	case p.kind != kindTable && linky(p) && len(p.text) < 250:
		return true
	case bylineText(p.text), dateLine(p.text):
		return true
	case i < 3 && roleLine(p.text):
		return true
	case i < 3 && title != "" && sameText(p.text, title):
		return true
	}
	return false
}

// roleWords end the role line under a byline: "Business reporter",
// "Chief political correspondent".
var roleWords = map[string]bool{
	"reporter": true, "correspondent": true, "editor": true, "writer": true,
	"columnist": true, "contributor": true, "journalist": true, "analyst": true,
}

// roleLine reports whether p is only a writer's role, as some publishers
// print under the byline: at most four words, the last a role.
func roleLine(p string) bool {
	if len(p) > 60 {
		return false
	}
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if roleStops[strings.ToLower(w)] {
			return false // a sentence about a role: "He was a reporter"
		}
	}
	return roleWords[strings.ToLower(words[len(words)-1])]
}

// roleStops are words of a sentence, never of a role line.
var roleStops = map[string]bool{
	"a": true, "an": true, "the": true, "is": true, "was": true, "he": true, "she": true,
	"i": true, "we": true, "they": true, "his": true, "her": true, "as": true, "has": true,
	"had": true, "our": true, "their": true, "not": true, "no": true,
}

// linky reports whether most of a paragraph is link text.
func linky(p para) bool {
	return p.links*10 >= len(p.text)*8 && len(p.text) > 0
}

// dateWords may stand beside the date in a date line.
var dateWords = map[string]bool{
	"published": true, "updated": true, "last": true, "posted": true, "first": true,
	"modified": true, "date": true, "on": true, "released": true, "at": true, "am": true,
	"pm": true, "min": true, "mins": true, "read": true, "minute": true, "minutes": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true, "utc": true, "gmt": true, "et": true,
	"edt": true, "est": true, "pt": true, "pdt": true, "pst": true, "cet": true, "cest": true,
	"bst": true, "ist": true, "cdt": true, "cst": true, "z": true,
}

// dateLine reports whether a short paragraph only gives a date (and maybe
// a time, a weekday, a label, or a reading time).
func dateLine(p string) bool {
	if len(p) > 90 || !strings.ContainsAny(p, "0123456789") {
		return false // every written date has digits: spare the regexps
	}
	loc := dateSpan(p)
	if loc == nil {
		return false
	}
	rest := p[:loc[0]] + " " + p[loc[1]:]
	n, names, by := 0, 0, false
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '\'' }) {
		low := strings.ToLower(strings.Trim(w, ".'"))
		switch {
		case low == "" || dateWords[low]:
		case low == "by":
			by = true
		case unicode.IsUpper([]rune(w)[0]) && names < 4:
			names++ // a byline's name: "Posted Jan. 27, 2026 by Ray Castillo"
		default:
			n++
		}
	}
	return n <= 1 && (names == 0 || n == 0 && (by || names >= 2))
}

// dateSpan returns the byte span of the first written date in s, or nil.
func dateSpan(s string) []int {
	for _, re := range []*regexp.Regexp{mdyRe, dmyRe, isoRe} {
		if loc := re.FindStringIndex(s); loc != nil {
			return loc
		}
	}
	return nil
}
