// Package ingest brings documents into the pipeline: it fetches feeds and
// pages (through the guarded client of ingest/fetch), reads local files and
// directories, recognises what each is by its content, and publishes each
// document as a newsintel.Raw message. Sub-packages hold the fetcher and
// the parsers of each source format.
package ingest

import (
	"bytes"
	"net/http"
	"path/filepath"
	"strings"
)

// Format is what a fetched or local document is, judged by its content.
type Format string

// The formats ingest recognises.
const (
	FormatFeed    Format = "feed" // RSS, Atom or JSON Feed
	FormatHTML    Format = "html"
	FormatText    Format = "text"
	FormatPDF     Format = "pdf"
	FormatJSON    Format = "json"   // JSON that is not a feed
	FormatEDGAR   Format = "edgar"  // an EDGAR full-submission .txt (<SEC-DOCUMENT> and its SGML header)
	FormatFedReg  Format = "fedreg" // Federal Register API JSON: one document, or a page of "results"
	FormatUnknown Format = "unknown"
)

// Detect tells the format of data by its content, using the name's
// extension or the Content-Type only to break ties.
func Detect(data []byte, name, contentType string) Format {
	head := bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 4096)], []byte{0xEF, 0xBB, 0xBF}))
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return FormatPDF
	case len(head) == 0:
		return FormatUnknown
	case bytes.HasPrefix(head, []byte("<SEC-DOCUMENT>")) || bytes.HasPrefix(head, []byte("<SEC-HEADER>")):
		return FormatEDGAR
	case head[0] == '{':
		if bytes.Contains(lower, []byte("jsonfeed.org/version")) {
			return FormatFeed
		}
		if bytes.Contains(head, []byte(`"document_number"`)) {
			return FormatFedReg
		}
		return FormatJSON
	case head[0] == '<':
		if isFeedXML(lower) {
			return FormatFeed
		}
		if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) ||
			bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<p>")) || bytes.Contains(lower, []byte("<div")) {
			return FormatHTML
		}
	}
	if binary(head) {
		return FormatUnknown
	}
	ext := strings.ToLower(filepath.Ext(name))
	ct := strings.ToLower(contentType)
	switch {
	case ext == ".html" || ext == ".htm" || strings.Contains(ct, "html"):
		return FormatHTML
	case ext == ".xml" || ext == ".rss" || ext == ".atom" || strings.Contains(ct, "xml"):
		return FormatFeed // let the feed parser say what is wrong with it
	}
	if strings.HasPrefix(http.DetectContentType(head), "text/") {
		return FormatText
	}
	return FormatUnknown
}

func isFeedXML(lower []byte) bool {
	for _, root := range [][]byte{[]byte("<rss"), []byte("<feed"), []byte("<rdf:rdf"), []byte("<channel")} {
		if bytes.Contains(lower, root) {
			return true
		}
	}
	return false
}

// binary reports whether b looks like binary data rather than text: NUL
// bytes or many control characters.
func binary(b []byte) bool {
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			ctl++
		}
	}
	return ctl > len(b)/20
}
