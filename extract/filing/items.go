package filing

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsintel/newsintel"
)

// itemRe matches an Item heading: "Item 1A. Risk Factors", "ITEM 7 —
// MANAGEMENT'S DISCUSSION", "Item 2.02 Results of Operations".
// "Items 1 and 2. Business and Properties" heads both under the first key.
var itemRe = regexp.MustCompile(`(?i)^items?\s*(\d{1,2}[a-k]?(?:\.\d{2})?)(?:\s*(?:and|&|,|through)\s*\d{1,2}[a-k]?)*(?:\s*[.:\-–—]\s*|\s+|$)(.*)$`)

// partRe matches a part heading: "PART II", "Part I — Financial Information".
var partRe = regexp.MustCompile(`(?i)^part\s+(iv|i{1,3}|[1-4])\b\.?\s*(?:[—–\-:.]\s*)?(.{0,120})$`)

// subRe matches a lettered sub-item heading of a 20-F: "D. Risk Factors".
var subRe = regexp.MustCompile(`^([A-H])\.\s+([\p{Lu}\[].{1,110})$`)

// trailingPageRe is a page number after a title in a table of contents.
var trailingPageRe = regexp.MustCompile(`\s+(?:\d{1,4}|[ivx]{1,5}|F-\d{1,3})$`)

// maxHeading is the longest paragraph read as a heading.
const maxHeading = 200

// heading is an Item heading found at paragraph idx.
type heading struct {
	idx   int
	key   string
	title string
}

// itemHeading parses p as an Item heading.
func itemHeading(p string) (key, title string, ok bool) {
	if len(p) > maxHeading || !hasPrefixFold(p, "item") {
		return "", "", false
	}
	m := itemRe.FindStringSubmatch(p)
	if m == nil {
		return "", "", false
	}
	title = strings.Trim(trailingPageRe.ReplaceAllString(strings.TrimSpace(m[2]), ""), " .:—–-")
	if title != "" && !unicode.IsUpper([]rune(title)[0]) && title[0] != '[' {
		return "", "", false // "Item 7 of this report discusses ..." is a sentence, not a heading
	}
	key = strings.ToUpper(m[1])
	if sm := letteredRe.FindStringSubmatch(title); sm != nil && !strings.ContainsAny(key, "ABCDEFGHIJK.") {
		key, title = key+"."+sm[1], sm[2] // "Item 3.D. Risk Factors" or "Item 3. D. Risk Factors"
	}
	return key, title, true
}

// letteredRe matches the letter of a 20-F sub-item written after its Item
// number: "D. Risk Factors" (after "Item 3.").
var letteredRe = regexp.MustCompile(`^([A-H])\.\s+(\p{Lu}.*)$`)

// headings finds every Item heading, its key qualified by its part for
// forms whose parts reuse item numbers (10-Q).
func headings(paras []string, form string) []heading {
	partQualified := strings.HasPrefix(strings.ToUpper(form), "10-Q")
	part := ""
	var hs []heading
	for i, p := range paras {
		if m := partHeading(p); m != nil {
			part = romanPart(m[1])
			p = strings.TrimLeft(m[2], " —–-:.") // "PART I — ITEM 1. BUSINESS" heads both
		}
		key, title, ok := itemHeading(p)
		if !ok {
			continue
		}
		if title == "" && i+1 < len(paras) && len(paras[i+1]) <= 120 {
			title = strings.TrimSpace(trailingPageRe.ReplaceAllString(paras[i+1], "")) // title on the next line
		}
		if partQualified && part != "" {
			key = part + "-" + key
		}
		hs = append(hs, heading{idx: i, key: key, title: title})
	}
	return hs
}

// partHeading returns partRe's submatches for a part heading, else nil.
func partHeading(p string) []string {
	if len(p) > maxHeading || !hasPrefixFold(p, "part") {
		return nil
	}
	return partRe.FindStringSubmatch(p)
}

func romanPart(s string) string {
	switch strings.ToUpper(s) {
	case "1":
		return "I"
	case "2":
		return "II"
	case "3":
		return "III"
	case "4":
		return "IV"
	}
	return strings.ToUpper(s)
}

// dropTOC removes tables of contents: runs of three or more Item headings
// a few paragraphs apart whose items appear again later in the document.
// Short real Items ("Item 4. Mine Safety Disclosures. Not applicable.")
// are dense too, but they do not repeat.
func dropTOC(paras []string) []string {
	hs := headings(paras, "")
	drop := make([]bool, len(paras))
	for i := 0; i < len(hs); {
		j := i
		seen := map[string]bool{hs[i].key: true}
		// A table of contents lists each item once: a repeated key starts the document proper.
		for j+1 < len(hs) && hs[j+1].idx-hs[j].idx <= 4 && !seen[hs[j+1].key] {
			j++
			seen[hs[j].key] = true
		}
		if j-i >= 2 && repeatedLater(hs[i:j+1], hs[j+1:]) {
			for k := hs[i].idx; k <= hs[j].idx; k++ {
				drop[k] = true
			}
			// Rows of the table around its Item rows: a part heading just before,
			// and after the last, short rows that end in a page number
			// ("Signatures 142") or name a part.
			for k := hs[i].idx - 1; k >= 0 && k >= hs[i].idx-2 && partHeading(paras[k]) != nil; k-- {
				drop[k] = true
			}
			for k := hs[j].idx + 1; k < len(paras) && k <= hs[j].idx+4 && tocRow(paras[k]); k++ {
				drop[k] = true
			}
		}
		i = j + 1
	}
	out := make([]string, 0, len(paras))
	for i, p := range paras {
		if !drop[i] {
			out = append(out, p)
		}
	}
	return out
}

// tocRow reports whether p reads as a row of a table of contents that is
// not an Item: a short line ending in a page number, or a part heading.
func tocRow(p string) bool {
	if len(p) >= 80 || startsItem(p) {
		return false
	}
	return partHeading(p) != nil || trailingPageRe.MatchString(p)
}

func startsItem(p string) bool { _, _, ok := itemHeading(p); return ok }

func repeatedLater(run, later []heading) bool {
	n := 0
	for _, h := range run {
		if slices.ContainsFunc(later, func(l heading) bool { return l.key == h.key }) {
			n++
		}
	}
	return 2*n >= len(run)
}

// split turns the Item headings of paras into Sections, one per item.
// 20-F sub-items nest inside their Item.
func split(paras []string, starts []int, bodyLen int, form string) []newsintel.Section {
	hs := headings(paras, form)
	spanOf := func(i int) int {
		end := bodyLen
		if i+1 < len(hs) {
			end = starts[hs[i+1].idx]
		}
		return end - starts[hs[i].idx]
	}
	longest := map[string]int{}
	for i, h := range hs {
		longest[h.key] = max(longest[h.key], spanOf(i))
	}
	// The first heading of an item followed by a good share of the most text
	// any of its headings has: later ones are "(continued)" page heads or
	// cross-references that start a line, earlier short ones a table of contents.
	var chosen []heading
	taken := map[string]bool{}
	for i, h := range hs {
		if !taken[h.key] && spanOf(i) >= min(longest[h.key]/4, 2000) {
			taken[h.key] = true
			chosen = append(chosen, h)
		}
	}
	slices.SortFunc(chosen, func(a, b heading) int { return a.idx - b.idx })
	var out []newsintel.Section
	for i, h := range chosen {
		endIdx, end := len(paras), bodyLen
		if i+1 < len(chosen) {
			endIdx, end = chosen[i+1].idx, starts[chosen[i+1].idx]-2
		}
		out = append(out, newsintel.Section{Title: itemTitle(form, h), Key: h.key, Start: starts[h.idx], End: end})
		if isForm(form, "20-F", "40-F") {
			out = append(out, subItems(paras, starts, h, endIdx, end)...)
		}
	}
	return out
}

// subItems finds the lettered sub-items (A., B., ...) of a 20-F Item in
// paragraphs (h.idx, endIdx), in alphabetical order.
func subItems(paras []string, starts []int, h heading, endIdx, end int) []newsintel.Section {
	var out []newsintel.Section
	next := 'A'
	for i := h.idx + 1; i < endIdx; i++ {
		if len(paras[i]) > 120 || len(paras[i]) < 4 || paras[i][1] != '.' {
			continue
		}
		m := subRe.FindStringSubmatch(paras[i])
		if m == nil || rune(m[1][0]) < next || strings.HasSuffix(m[2], ".") || strings.HasSuffix(m[2], ",") {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].End = starts[i] - 2
		}
		title := strings.TrimSpace(trailingPageRe.ReplaceAllString(m[2], ""))
		out = append(out, newsintel.Section{Title: subTitle(h.key+"."+m[1], title), Key: h.key + "." + m[1], Start: starts[i], End: end})
		next = rune(m[1][0]) + 1
	}
	return out
}

func isForm(form string, names ...string) bool {
	f := strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(form)), "/A")
	return slices.Contains(names, f)
}
