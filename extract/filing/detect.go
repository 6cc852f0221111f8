package filing

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
	"golang.org/x/net/html"
)

// detectWindow is how much of a document Detect reads.
const detectWindow = 256 << 10

var (
	// ixFactRe finds a dei: fact of an inline XBRL document.
	ixFactRe = regexp.MustCompile(`(?is)<ix:nonnumeric[^>]*\bname="dei:(DocumentType|EntityRegistrantName|EntityCentralIndexKey|DocumentPeriodEndDate|TradingSymbol)"[^>]*>(.*?)</ix:nonnumeric>`)
	// coverFormRe finds the form named on a cover page ("FORM 10-K").
	coverFormRe = regexp.MustCompile(`(?i)\bform\s+(10-K(?:T|405)?|10-Q|20-F|40-F|8-K|6-K|S-1|F-1|DEF\s?14A|N-CSR)\b`)
	tagRe       = regexp.MustCompile(`<[^>]*>`)
)

// Detect tells whether data is the primary document of an SEC filing by
// its content, and returns what the document says of itself: the form
// and, for inline XBRL, the registrant, CIK, tickers and period. It takes inline
// XBRL (an ix:header) or a cover page naming the Commission's Washington,
// D.C. 20549 address and a form; a news page that quotes a filing has
// neither. A full-submission .txt is detected by IsFullSubmission.
func Detect(data []byte) (*newsintel.Filing, bool) {
	head := data[:min(len(data), detectWindow)]
	if containsFold(head, "<ix:header") {
		f := &newsintel.Filing{}
		for _, m := range ixFactRe.FindAllSubmatch(head, -1) {
			v := strings.Join(strings.Fields(html.UnescapeString(string(tagRe.ReplaceAll(m[2], nil)))), " ")
			switch string(m[1]) {
			case "DocumentType":
				f.Form = v
			case "EntityRegistrantName":
				f.Company = v
			case "EntityCentralIndexKey":
				f.CIK = strings.TrimLeft(v, "0")
			case "TradingSymbol":
				if v != "" && !slices.Contains(f.Tickers, strings.ToUpper(v)) {
					f.Tickers = append(f.Tickers, strings.ToUpper(v))
				}
			case "DocumentPeriodEndDate":
				f.PeriodOfReport = isoLongDate(v)
				f.FiscalYear = FiscalYear(f.PeriodOfReport)
			}
		}
		if f.Form == "" {
			f.Form = coverForm(head)
		}
		return f, true
	}
	// Every SEC cover page carries the Commission's ZIP code; a news page
	// almost never does, so look for it before stripping tags.
	if !bytes.Contains(head, []byte("20549")) {
		return nil, false
	}
	text := bytes.ToLower(tagRe.ReplaceAll(head[:min(len(head), 64<<10)], []byte(" ")))
	if bytes.Contains(text, []byte("securities and exchange commission")) && bytes.Contains(text, []byte("20549")) {
		if form := coverForm(head); form != "" {
			return &newsintel.Filing{Form: form}, true
		}
	}
	return nil, false
}

func coverForm(head []byte) string {
	text := tagRe.ReplaceAll(head[:min(len(head), 64<<10)], []byte(" "))
	text = bytes.ReplaceAll(text, []byte("&#160;"), []byte(" "))
	text = bytes.ReplaceAll(text, []byte("&nbsp;"), []byte(" "))
	if m := coverFormRe.FindSubmatch(text); m != nil {
		return strings.ToUpper(strings.ReplaceAll(string(m[1]), " ", ""))
	}
	return ""
}

// isoLongDate reads "March 31, 2021", "2021-03-31" or "03/31/2021".
func isoLongDate(s string) string {
	for _, layout := range []string{"January 2, 2006", "January 2 2006", "2006-01-02", "01/02/2006", "Jan. 2, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// containsFold reports whether b contains the lower-case ASCII needle in
// any letter case, without copying b. It jumps between occurrences of the
// needle's first byte (in either case) with bytes.IndexByte, so a page
// costs a vectorised scan rather than a comparison per byte.
func containsFold(b []byte, needle string) bool {
	if needle == "" {
		return true
	}
	lo, up := needle[0], needle[0]
	if lo >= 'a' && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	nextLo, nextUp := -1, -1 // the next occurrence of each case at or after i, once looked up
	for i := 0; i+len(needle) <= len(b); i++ {
		if nextLo < i {
			if nextLo = bytes.IndexByte(b[i:], lo); nextLo >= 0 {
				nextLo += i
			} else {
				nextLo = len(b)
			}
		}
		if nextUp < i {
			if nextUp = bytes.IndexByte(b[i:], up); nextUp >= 0 {
				nextUp += i
			} else {
				nextUp = len(b)
			}
		}
		if i = min(nextLo, nextUp); i+len(needle) > len(b) {
			return false
		}
		if hasFoldPrefix(b[i:], needle) {
			return true
		}
	}
	return false
}

// hasFoldPrefix reports whether b starts with the lower-case ASCII needle
// in any letter case.
func hasFoldPrefix(b []byte, needle string) bool {
	for j := 0; j < len(needle); j++ {
		if !foldEq(b[j], needle[j]) {
			return false
		}
	}
	return true
}

// foldEq compares c with the lower-case ASCII n, ignoring the case of letters.
func foldEq(c, n byte) bool {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c == n
}
