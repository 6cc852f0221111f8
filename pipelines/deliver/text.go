package deliver

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// textWidth is the width plain-text digests are wrapped to: an e-mail's
// text part and a terminal both read well at it.
const textWidth = 76

// WriteText writes dg as plain text, as the text part of its e-mail reads
// but without the unsubscribe footer: a heading with the topic and the
// period, a count of what it holds, then the top stories (with the other
// outlets that carried each), filings, notices, new claims with who they
// rest on, and entity spikes. Dates are in t's time zone (UTC when it has
// none); t.Name names the topic when set, else dg.TopicName. It returns w's
// error. `newsintel digest run --dry-run` and `topics preview` print it.
func WriteText(w io.Writer, t newsintel.Topic, dg *newsintel.Digest) error {
	b := bufio.NewWriter(w)
	writeText(b, newMailView(Entry{}, payload{Topic: t, Digest: dg}, ""))
	return b.Flush()
}

// writeText writes the plain text of v; the footer with the unsubscribe
// link comes when v has one.
func writeText(b *bufio.Writer, v mailView) {
	heading := v.TopicName + ": " + strings.ToLower(v.Kind)
	if v.Period == "" {
		wrap(b, heading, "")
	} else if line := heading + " for " + v.Period; utf8.RuneCountInString(line) <= textWidth {
		fmt.Fprintln(b, line)
	} else { // a long topic name: the period whole, on a line of its own
		wrap(b, heading+" for", "")
		fmt.Fprintln(b, v.Period)
	}
	wrap(b, v.Summary, "")
	for _, s := range v.Sections {
		fmt.Fprintf(b, "\n%s\n", strings.ToUpper(s.Title))
		for i, e := range s.Entries {
			writeEntry(b, i+1, e)
		}
	}
	if len(v.Claims) > 0 {
		fmt.Fprint(b, "\nNEW CLAIMS\n")
		for _, c := range v.Claims {
			writeClaim(b, c)
		}
	}
	if len(v.Spikes) > 0 {
		fmt.Fprint(b, "\nMENTIONED MORE THAN USUAL\n")
		for _, s := range v.Spikes {
			wrapHanging(b, s.Name+" ("+s.Type+"): "+s.Line, "  • ", "    ")
		}
	}
	if v.UnsubscribeURL != "" {
		fmt.Fprint(b, "\n--\n")
		wrap(b, "You receive this because you follow the topic \""+v.TopicName+"\".", "")
		fmt.Fprintf(b, "Unsubscribe: %s\n", v.UnsubscribeURL)
	}
}

// writeEntry writes the nth entry of a section: its title, publisher and
// date, link, summary and the other outlets that carried it.
func writeEntry(b *bufio.Writer, n int, e entryView) {
	const indent = "     "
	wrapHanging(b, e.Title, fmt.Sprintf("%3d. ", n), indent)
	wrap(b, e.Meta, indent)
	wrap(b, e.URL, indent)
	wrap(b, e.Summary, indent)
	if e.AlsoBy != "" {
		wrap(b, "Also reported by "+e.AlsoBy, indent)
	}
}

// writeClaim writes a claim, flagged when its source is anonymous, with
// its attribution and the document it is in.
func writeClaim(b *bufio.Writer, c claimView) {
	text := c.Text
	if c.Quote {
		text = `"` + text + `"`
	}
	if c.Anonymous {
		flag := "[ANONYMOUS SOURCE"
		if c.SourceDetail != "" {
			flag += ": " + c.SourceDetail
		}
		text = flag + "] " + text
	}
	wrapHanging(b, text, "  • ", "    ")
	wrap(b, c.Attribution, "    ")
	if c.DocTitle != "" {
		in := "In: " + c.DocTitle
		if c.DocMeta != "" {
			in += " (" + c.DocMeta + ")"
		}
		wrap(b, in, "    ")
	}
	wrap(b, c.DocURL, "    ")
}

// wrap writes text wrapped at textWidth, each line starting with indent;
// it writes nothing for blank text.
func wrap(b *bufio.Writer, text, indent string) { wrapHanging(b, text, indent, indent) }

// wrapHanging writes text wrapped at textWidth, the first line starting
// with first and the others with rest. A word longer than the line (a
// URL) stands alone on its line, unbroken.
func wrapHanging(b *bufio.Writer, text, first, rest string) {
	indent, width := first, -1 // width -1: nothing written on this line yet
	for word := range strings.FieldsSeq(text) {
		n := utf8.RuneCountInString(word)
		if width >= 0 && width+1+n > textWidth {
			b.WriteByte('\n')
			indent, width = rest, -1
		}
		if width < 0 {
			b.WriteString(indent)
			width = utf8.RuneCountInString(indent)
		} else {
			b.WriteByte(' ')
			width++
		}
		b.WriteString(word)
		width += n
	}
	if width >= 0 {
		b.WriteByte('\n')
	}
}
