package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// machineLayouts are the formats of dates in attributes and metadata.
var machineLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
	"20060102T150405Z0700",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 MST 2006",
	"2006/01/02 15:04:05",
	"2006/01/02",
}

// zoneOffsets give the offsets of the zone abbreviations news sites print.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
	"MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8,
	"HST": -10, "BST": 1, "IST": 5, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
	"WET": 0, "WEST": 1, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "SGT": 8,
	"HKT": 8, "ET": -5, "PT": -8,
}

// parseDate reads a machine-written date (an attribute or a metadata
// value). Dates without a zone are taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range machineLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return fixZone(t), plausible(t)
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 10 && len(s) <= 13 {
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		return t, plausible(t)
	}
	return findDate(s)
}

// fixZone replaces a zone that time.Parse could only name (an
// abbreviation it does not know the offset of) by its real offset.
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	if h, ok := zoneOffsets[name]; ok && off == 0 && h != 0 {
		loc := time.FixedZone(name, h*3600)
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	return t
}

// plausible reports whether t can be the date of a web page.
func plausible(t time.Time) bool {
	return t.Year() >= 1990 && t.Before(time.Now().AddDate(1, 0, 0))
}

const monthPattern = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
const clockPattern = `(?:,?\s*(?:at\s+)?(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?\s*\(?([a-z]{1,4})?\)?)?`

// Written dates: "June 4, 2021", "4 June 2021", "2021-06-04", each with
// an optional time of day and zone.
var (
	mdyRe = regexp.MustCompile(`(?i)\b` + monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b` + clockPattern)
	dmyRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPattern + `\.?,?\s+(\d{4})\b` + clockPattern)
	isoRe = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	numRe = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b`)
	urlRe = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)`)
)

// findDate finds the first date written in a short text, with its time
// and zone when they are given.
func findDate(s string) (time.Time, bool) {
	if len(s) > 400 {
		s = s[:400]
	}
	if m := mdyRe.FindStringSubmatch(s); m != nil {
		return buildDate(m[3], m[1], m[2], m[4:])
	}
	if m := dmyRe.FindStringSubmatch(s); m != nil {
		return buildDate(m[3], m[2], m[1], m[4:])
	}
	if m := isoRe.FindStringSubmatch(s); m != nil {
		return buildDate(m[1], m[2], m[3], nil)
	}
	return time.Time{}, false
}

// buildDate assembles a date from its written parts; clock holds hour,
// minute, am/pm and zone, any of them empty.
func buildDate(year, month, day string, clock []string) (time.Time, bool) {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	mo := monthNumber(month)
	if mo == 0 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	hour, minute, loc := 0, 0, time.UTC
	if len(clock) == 4 && clock[0] != "" {
		hour, _ = strconv.Atoi(clock[0])
		minute, _ = strconv.Atoi(clock[1])
		ampm := strings.ToLower(strings.ReplaceAll(clock[2], ".", ""))
		if ampm == "pm" && hour < 12 {
			hour += 12
		} else if ampm == "am" && hour == 12 {
			hour = 0
		}
		if h, ok := zoneOffsets[strings.ToUpper(clock[3])]; ok {
			loc = time.FixedZone(strings.ToUpper(clock[3]), h*3600)
		}
	}
	t := time.Date(y, time.Month(mo), d, hour, minute, 0, 0, loc)
	return t, t.Day() == d && plausible(t)
}

// numericDate reads an all-number date such as "12/03/2025": day first
// where the page's language writes it so (en-GB, fr, de …), month first
// in American English, and whichever the numbers allow when one is over 12.
func numericDate(s string, dayFirst bool) (time.Time, bool) {
	m := numRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if a > 12 || b <= 12 && dayFirst {
		return buildDate(m[3], m[2], m[1], nil)
	}
	return buildDate(m[3], m[1], m[2], nil)
}

// dayFirstLanguage reports whether a page in language tag writes the day
// before the month: all but American English (and English of no region,
// most often American).
func dayFirstLanguage(tag string) bool {
	tag = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	return tag != "" && tag != "en" && tag != "en-us"
}

// monthNumber returns 1-12 for a month given by name or number, else 0.
func monthNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	s = strings.ToLower(s)
	for i, name := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, name) {
			return i + 1
		}
	}
	return 0
}

// urlDate reads a date from a URL path such as /2021/06/04/ or
// /2021-06-04-title.
func urlDate(path string) (time.Time, bool) {
	m := urlRe.FindStringSubmatch(path)
	if m == nil {
		return time.Time{}, false
	}
	return buildDate(m[1], m[2], m[3], nil)
}
