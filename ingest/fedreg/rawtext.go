package fedreg

import (
	"regexp"
	"strings"
)

// furnitureRe matches the lines the Government Publishing Office wraps
// around a document's raw text: the volume and page banner, the section
// name, the GPO line, FR Doc and billing-code lines and rules of '=' or
// '-'.
var furnitureRe = regexp.MustCompile(`(?im)^[ \t]*(?:\[(?:Federal Register Volume [^\]]*|Rules and Regulations|Proposed Rules|Notices|Presidential Documents|Pages? [\d\s\-–]+|Page \d+|FR Doc[^\]]*)\]|From the Federal Register Online via the Government (?:Publishing|Printing) Office.*|BILLING CODE[ \d\-A-Z]*|=+|-+)[ \t]*$`)

// CleanRawText removes the Government Publishing Office's furniture from
// a document's raw text and writes its TeX-style quotes (two backticks,
// two apostrophes) as typographic quotes,
// so that the text reads as the document does.
func CleanRawText(s string) string {
	s = furnitureRe.ReplaceAllString(strings.ReplaceAll(s, "\r\n", "\n"), "")
	s = strings.NewReplacer("``", "“", "''", "”").Replace(s)
	// Collapse the blank lines the removed furniture leaves behind.
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, strings.TrimRight(l, " \t"))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
