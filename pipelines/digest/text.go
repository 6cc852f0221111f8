package digest

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// textWidth is the width plain-text digests are wrapped to.
const textWidth = 76

// WriteText writes dg as plain text for a terminal or a text e-mail:
// a heading with the period, then the top stories (with the other
// outlets that carried each), new claims with who they rest on, filings,
// notices and entity spikes. It returns w's error.
func WriteText(w io.Writer, dg *newsintel.Digest) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s: digest for %s\n", dg.TopicName, periodText(dg.Since, dg.Until))
	shown := len(dg.Documents) + len(dg.Filings) + len(dg.Notices)
	if dg.Total > 0 {
		fmt.Fprintf(b, "%d matching %s; %d shown, copies of one story folded together.\n", dg.Total, plural(int(dg.Total), "document", "documents"), shown)
	}
	if dg.Empty() {
		fmt.Fprintln(b, "Nothing new in this period.")
	}
	writeEntries(b, "TOP STORIES", dg.Documents)
	writeClaims(b, dg.Claims)
	writeEntries(b, "FILINGS", dg.Filings)
	writeEntries(b, "NOTICES", dg.Notices)
	writeSpikes(b, dg.Spikes)
	return b.Flush()
}

func periodText(since, until time.Time) string {
	const layout = "2 Jan 2006 15:04"
	return since.UTC().Format(layout) + " to " + until.UTC().Format(layout) + " UTC"
}

func writeEntries(b *bufio.Writer, heading string, es []newsintel.DigestEntry) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", heading)
	for i, e := range es {
		fmt.Fprintf(b, "%3d. %s\n", i+1, e.Title)
		meta := []string{}
		if e.Publisher != "" {
			meta = append(meta, e.Publisher)
		}
		if !e.Published.IsZero() {
			meta = append(meta, e.Published.UTC().Format("2 Jan 2006 15:04"))
		}
		if e.URL != "" {
			meta = append(meta, e.URL)
		}
		if len(meta) > 0 {
			fmt.Fprintf(b, "     %s\n", strings.Join(meta, " · "))
		}
		wrap(b, e.Summary, "     ")
		if n := len(e.AlsoBy); n > 0 {
			wrap(b, fmt.Sprintf("Also reported by %d %s: %s.", n, plural(n, "outlet", "outlets"), strings.Join(e.AlsoBy, ", ")), "     ")
		}
	}
}

func writeClaims(b *bufio.Writer, cs []newsintel.DigestClaim) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintf(b, "\nNEW CLAIMS\n")
	for _, c := range cs {
		wrapHanging(b, fmt.Sprintf("• %q", c.Claim.Text), "  ", "    ")
		wrap(b, "Source: "+sourceText(c.Claim.Source), "    ")
		in := "In: " + c.Title
		if c.Publisher != "" {
			in += " (" + c.Publisher + ")"
		}
		wrap(b, in, "    ")
	}
}

// sourceText says who a claim rests on: "three people familiar with the
// matter (anonymous)".
func sourceText(s newsintel.Source) string {
	who := s.Description
	if who == "" {
		who = strings.TrimSpace(strings.Join([]string{s.Name, s.Affiliation}, ", "))
		who = strings.Trim(who, ", ")
	}
	if who == "" {
		return string(s.Type)
	}
	return who + " (" + strings.ReplaceAll(string(s.Type), "_", " ") + ")"
}

func writeSpikes(b *bufio.Writer, sp []newsintel.EntitySpike) {
	if len(sp) == 0 {
		return
	}
	fmt.Fprintf(b, "\nMENTIONED FAR MORE THAN USUAL\n")
	for _, s := range sp {
		fmt.Fprintf(b, "  • %s (%s): %d %s, against %.1f per period before\n", s.Name, s.Type, s.Count, plural(s.Count, "document", "documents"), s.Baseline)
	}
}

// wrap writes text wrapped at textWidth, each line starting with indent.
func wrap(b *bufio.Writer, text, indent string) { wrapHanging(b, text, indent, indent) }

// wrapHanging writes text wrapped at textWidth, the first line starting
// with first and the others with rest.
func wrapHanging(b *bufio.Writer, text, first, rest string) {
	line, indent := first, first
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > textWidth {
			fmt.Fprintln(b, line)
			line, indent = rest, rest
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	if len(line) > len(indent) {
		fmt.Fprintln(b, line)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
