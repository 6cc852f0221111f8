package deliver

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsintel/newsintel"
)

//go:embed templates
var templateFS embed.FS

var htmlTmpl = htmltemplate.Must(htmltemplate.ParseFS(templateFS, "templates/digest.html"))

// Bounds on what one e-mail shows, whatever the digest holds.
const (
	maxSectionEntries = 100
	maxSummaryRunes   = 400
	maxTitleRunes     = 300
	maxClaimRunes     = 600
	maxAlsoByNames    = 5
)

// mailView is what the HTML template and the plain-text writer see. Every
// string is plain text: html/template escapes it, and URLs that are not
// http(s) are dropped.
type mailView struct {
	Subject        string
	Kind           string // "Digest" or "Alert"
	Alert          bool
	TopicName      string
	Period         string
	Summary        string
	Sections       []sectionView
	Claims         []claimView
	Spikes         []spikeView
	UnsubscribeURL string
}

type sectionView struct {
	Title   string
	Entries []entryView
}

type entryView struct {
	Title, URL, Meta, Summary string
	AlsoBy                    string // "3 outlets: Reuters, AP, CNBC"
}

type claimView struct {
	Text, Attribution, SourceDetail string
	Quote, Anonymous                bool
	DocTitle, DocURL, DocMeta       string
}

type spikeView struct {
	Name, Type, Line string
}

// render returns the HTML and plain-text bodies of a delivery's e-mail.
func render(v mailView) (html, text []byte, err error) {
	var h, t bytes.Buffer
	if err := htmlTmpl.Execute(&h, v); err != nil {
		return nil, nil, fmt.Errorf("render html: %w", err)
	}
	tw := bufio.NewWriter(&t)
	writeText(tw, v)
	if err := tw.Flush(); err != nil {
		return nil, nil, fmt.Errorf("render text: %w", err)
	}
	return h.Bytes(), t.Bytes(), nil
}

// newMailView lays out a digest for the e-mail and the plain text, dates
// in the topic's time zone.
func newMailView(e Entry, p payload, unsubscribeURL string) mailView {
	dg, loc := p.Digest, location(p.Topic.Schedule.TimeZone)
	name := clean(cmpOr(p.Topic.Name, dg.TopicName, p.Topic.ID), 200)
	v := mailView{TopicName: name, Kind: "Digest", UnsubscribeURL: unsubscribeURL}
	if payloadType(e.Period) == TypeAlert {
		v.Kind, v.Alert = "Alert", true
	} else if !dg.Since.IsZero() && !dg.Until.IsZero() {
		v.Period = dg.Since.In(loc).Format("2 Jan 2006 15:04") + " – " + dg.Until.In(loc).Format("2 Jan 2006 15:04 MST")
	}
	v.Sections = sections(dg, loc)
	for _, c := range dg.Claims {
		v.Claims = append(v.Claims, newClaimView(c, loc))
	}
	for _, s := range dg.Spikes {
		v.Spikes = append(v.Spikes, spikeView{Name: clean(s.Name, 200), Type: clean(s.Type, 40),
			Line: fmt.Sprintf("%s, against %.1f usually (×%.1f)", plural(s.Count, "document", "documents"), s.Baseline, s.Ratio)})
	}
	v.Summary = summaryLine(dg)
	v.Subject = subject(v, dg)
	return v
}

func sections(dg *newsintel.Digest, loc *time.Location) []sectionView {
	var out []sectionView
	for _, s := range []struct {
		title   string
		entries []newsintel.DigestEntry
	}{{"Top stories", dg.Documents}, {"Filings", dg.Filings}, {"Notices", dg.Notices}} {
		if len(s.entries) == 0 {
			continue
		}
		sec := sectionView{Title: s.title}
		for _, de := range s.entries[:min(len(s.entries), maxSectionEntries)] {
			sec.Entries = append(sec.Entries, newEntryView(de, loc))
		}
		out = append(out, sec)
	}
	return out
}

func newEntryView(de newsintel.DigestEntry, loc *time.Location) entryView {
	ev := entryView{
		Title: clean(cmpOr(de.Title, de.URL, de.ID), maxTitleRunes), URL: webURL(de.URL),
		Meta: meta(de.Publisher, de.Published, loc), Summary: clean(de.Summary, maxSummaryRunes),
	}
	if n := len(de.AlsoBy); n > 0 {
		names := make([]string, 0, maxAlsoByNames)
		for _, o := range de.AlsoBy[:min(n, maxAlsoByNames)] {
			names = append(names, clean(o, 80))
		}
		ev.AlsoBy = plural(n, "outlet", "outlets") + ": " + strings.Join(names, ", ")
		if n > maxAlsoByNames {
			ev.AlsoBy += fmt.Sprintf(" and %d more", n-maxAlsoByNames)
		}
	}
	return ev
}

func newClaimView(c newsintel.DigestClaim, loc *time.Location) claimView {
	src := c.Claim.Source
	cv := claimView{
		Text: clean(c.Claim.Text, maxClaimRunes), Quote: c.Claim.Quote, Anonymous: src.Type == newsintel.SourceAnonymous,
		Attribution: attributionLine(c.Claim), DocTitle: clean(c.Title, maxTitleRunes), DocURL: webURL(c.URL),
		DocMeta: meta(c.Publisher, c.Published, loc),
	}
	if cv.Anonymous {
		cv.SourceDetail = clean(src.Who(), 300)
	}
	return cv
}

// attributionLine says who a claim is attributed to, with its cue and
// hedge; for an anonymous source, whom the flag beside the claim names,
// only the hedge.
func attributionLine(c newsintel.Claim) string {
	who := c.Source.Who()
	var out string
	switch c.Source.Type {
	case newsintel.SourceAnonymous:
		// The flag beside the claim names them; here only the hedge.
	case newsintel.SourceDeclined:
		out = cmpOr(who, "The subject") + " declined to comment"
	case newsintel.SourceNoResponse:
		out = cmpOr(who, "The subject") + " did not respond"
	case newsintel.SourceUnattributed:
		out = "Reported without a source"
	default:
		out = cmpOr(who, "Unnamed source")
		if c.Cue != "" {
			out += ", " + c.Cue
		}
	}
	if c.Hedge != "" {
		out = strings.TrimSpace(out + " (" + c.Hedge + ")")
	}
	return clean(out, 300)
}

// summaryLine counts what the digest holds.
func summaryLine(dg *newsintel.Digest) string {
	var parts []string
	n := len(dg.Documents) + len(dg.Filings) + len(dg.Notices)
	if n > 0 {
		parts = append(parts, plural(n, "story", "stories"))
	}
	if len(dg.Claims) > 0 {
		parts = append(parts, plural(len(dg.Claims), "claim", "claims"))
	}
	if dg.Total > uint64(n) {
		parts = append(parts, strconv.FormatUint(dg.Total, 10)+" matching documents in all")
	}
	if len(parts) == 0 {
		return "Nothing new"
	}
	return strings.Join(parts, ", ")
}

// subject is the e-mail's subject line.
func subject(v mailView, dg *newsintel.Digest) string {
	if v.Alert {
		for _, list := range [][]newsintel.DigestEntry{dg.Documents, dg.Filings, dg.Notices} {
			if len(list) > 0 {
				return clean("Alert: "+v.TopicName+" — "+list[0].Title, 180)
			}
		}
		return clean("Alert: "+v.TopicName, 180)
	}
	return clean(v.TopicName+" — "+v.Summary, 180)
}

func meta(publisher string, published time.Time, loc *time.Location) string {
	var parts []string
	if p := clean(publisher, 100); p != "" {
		parts = append(parts, p)
	}
	if !published.IsZero() {
		parts = append(parts, published.In(loc).Format("2 Jan 2006 15:04 MST"))
	}
	return strings.Join(parts, " · ")
}

func location(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc
	}
	return time.UTC
}

// webURL returns u when it is an http(s) URL, else "": crawled links are
// never javascript: or data: in a mail.
func webURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return strings.TrimSpace(u)
	}
	return ""
}

// clean makes crawled text safe for one line of a header or template:
// control characters become spaces, runs of space collapse, and it is cut
// to n runes.
func clean(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func cmpOr(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
