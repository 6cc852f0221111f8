package article

import (
	"strings"
	"unicode"
)

// bylinePrefixes open a byline; they are cut off the names.
var bylinePrefixes = []string{
	"written by", "posted by", "authors:", "author:", "reported by", "story by", "words by", "text by",
	"by:", "by", "von", "par", "por", "di", "door", "av", "from",
}

// bylineStops end the names in a byline: what follows is a date, a role
// or a link label.
var bylineStops = []string{
	" | ", " - ", " – ", " — ", " • ", " · ", "\n", " updated", " published", " posted",
	" on ", " at ", " in ", " for ", " last updated", " follow", " email", " twitter",
	" read more", " min read", "(", "@",
}

// nonNames are words that show a byline part is a role, a desk or an
// agency rather than a person.
var nonNames = map[string]bool{
	"staff": true, "writer": true, "reporter": true, "correspondent": true, "editor": true,
	"contributor": true, "columnist": true, "bureau": true, "desk": true, "team": true,
	"news": true, "wire": true, "services": true, "service": true, "reuters": true,
	"ap": true, "afp": true, "associated": true, "press": true, "agency": true,
	"senior": true, "chief": true, "political": true, "business": true, "updated": true,
	"published": true, "share": true, "min": true, "read": true, "comments": true,
	"follow": true, "more": true, "view": true, "all": true, "posts": true, "author": true,
	"by": true, "and": true, "photos": true, "photo": true, "video": true, "anonymous": true,
}

// companySuffixes end the name of a company.
var companySuffixes = map[string]bool{
	"inc": true, "llc": true, "ltd": true, "corp": true, "co": true, "plc": true,
	"gmbh": true, "ag": true, "sa": true, "lp": true, "llp": true, "l.l.c": true,
}

// orgWords name a desk or a newsroom: "KXVT Staff", "Metro Desk". One
// word before them is the outlet's name, not a person's.
var orgWords = map[string]bool{
	"staff": true, "desk": true, "team": true, "bureau": true, "newsroom": true, "wire": true,
}

// monthNames are the month words that end a name in a byline.
var monthNames = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "march": true, "apr": true,
	"april": true, "june": true, "july": true, "aug": true, "august": true,
	"sept": true, "september": true, "oct": true, "october": true, "nov": true, "november": true,
	"dec": true, "december": true,
}

// nameParticles may stand lower-case inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "del": true, "della": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "du": true, "dos": true, "das": true,
	"bin": true, "al": true, "el": true, "ibn": true, "ter": true, "y": true,
}

// splitAuthors reads the personal names out of a byline such as "By Jane
// Doe and John Roe, Reuters": prefixes, roles, agencies and dates go.
func splitAuthors(s string) []string {
	s = normalizeSpace(s)
	low := strings.ToLower(s)
	for _, stop := range bylineStops {
		if i := strings.Index(low, stop); i > 0 {
			s, low = s[:i], low[:i]
		}
	}
	var out []string
	parts := splitNames(s)
	for _, part := range parts {
		// "Acme Foods, Inc." is a company, not two people.
		if companySuffixes[strings.ToLower(strings.Trim(strings.TrimSpace(part), "."))] {
			return nil
		}
	}
	for i, part := range parts {
		if i > 0 && roleTail(part) {
			continue // "Jane Doe, Legal Affairs Editor"
		}
		if name := cleanName(part); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// roleTail reports whether a byline part ends in a role: "Legal Affairs
// Editor", "Staff Writers".
func roleTail(part string) bool {
	words := strings.Fields(part)
	if len(words) == 0 {
		return false
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
	return roleWords[last] || roleWords[strings.TrimSuffix(last, "s")]
}

// nameSeparators turns the conjunctions between names into commas.
var nameSeparators = strings.NewReplacer(" and ", ",", " And ", ",", " AND ", ",", " & ", ",", ";", ",",
	" und ", ",", " et ", ",", " y ", ",", " e ", ",", " en ", ",")

// splitNames splits a byline at commas, semicolons, "and" and "&".
func splitNames(s string) []string {
	return strings.Split(nameSeparators.Replace(s), ",")
}

// cleanName returns part as a personal name, or "" when it is not one.
func cleanName(part string) string {
	part = strings.Trim(strings.TrimSpace(part), ".:;-–—|•·")
	low := strings.ToLower(part)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(low, p+" ") || p == "by:" && strings.HasPrefix(low, p) {
			part = strings.TrimSpace(part[len(p):])
			low = strings.ToLower(part)
		}
	}
	words := strings.Fields(part)
	// The name ends where a role, an agency, a date or a lower-case word
	// begins: "Jane Doe Staff Writer June 4" is Jane Doe.
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		r := []rune(w)[0]
		if nonNames[lw] || !unicode.IsUpper(r) && !nameParticles[lw] || strings.IndexFunc(w, unicode.IsDigit) >= 0 || monthNames[lw] && i > 0 {
			// One word before a desk or a role is an outlet or a beat:
			// "KXVT Staff", "Agriculture Correspondent".
			if i == 1 && (orgWords[lw] || roleWords[lw]) {
				return ""
			}
			words = words[:i]
			break
		}
	}
	if len(words) == 0 || len(words) > 5 {
		return ""
	}
	part = strings.Join(words, " ")
	if len(words) == 1 && len(words[0]) < 3 {
		return ""
	}
	if part == strings.ToUpper(part) {
		part = titleCase(part)
	}
	return part
}

// titleCase turns "JANE DOE" into "Jane Doe", "DEE-ANN O'NEIL" into
// "Dee-Ann O'Neil": a letter after a space, a hyphen or an apostrophe
// starts a word.
func titleCase(s string) string {
	r := []rune(strings.ToLower(strings.Join(strings.Fields(s), " ")))
	for i := range r {
		if i == 0 || strings.ContainsRune(" -'’", r[i-1]) {
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}

// cleanAuthors turns raw author values (names, bylines, or URLs of author
// pages) into a deduplicated list of names.
func cleanAuthors(raw []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		if strings.Contains(r, "://") || strings.HasPrefix(r, "/") {
			continue
		}
		for _, name := range splitAuthors(r) {
			key := strings.ToLower(name)
			if !seen[key] {
				seen[key] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// bylineText reports whether a short paragraph is only a byline.
func bylineText(p string) bool {
	if len(p) > 120 {
		return false
	}
	low := strings.ToLower(p)
	if !strings.HasPrefix(low, "by ") && !strings.HasPrefix(low, "written by ") && !strings.HasPrefix(low, "by:") {
		return false
	}
	return len(splitAuthors(p)) > 0
}
