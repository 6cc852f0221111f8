package feed

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
)

// capFrom is the body size from which capItems looks at a feed at all: a
// feed below it cannot hold enough items to matter.
const capFrom = 1 << 20

// capItems cuts an XML feed after its first max items (RSS <item>, Atom
// <entry>) and closes the elements left open, so that the parser, which
// builds every item of a document in memory before the feed package keeps
// the first few thousand, never sees the rest of a feed of 100 000 items.
// Small bodies, JSON feeds and documents it cannot scan are returned as
// they are; it reports whether it cut.
func capItems(body []byte, max int) ([]byte, bool) {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(body) < capFrom || len(trimmed) == 0 || trimmed[0] != '<' {
		return body, false
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // names are ASCII
	var open []xml.Name
	items := 0
	for {
		at := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			return body, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := strings.ToLower(t.Name.Local)
			if (local == "item" || local == "entry") && len(open) <= 2 {
				if items++; items > max {
					return closeOpen(body[:at], open), true
				}
			}
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
}

// closeOpen appends end tags for the open elements, innermost first.
func closeOpen(head []byte, open []xml.Name) []byte {
	out := bytes.NewBuffer(make([]byte, 0, len(head)+64*len(open)))
	out.Write(head)
	for i := len(open) - 1; i >= 0; i-- {
		out.WriteString("</")
		if open[i].Space != "" {
			out.WriteString(open[i].Space + ":")
		}
		out.WriteString(open[i].Local + ">")
	}
	return out.Bytes()
}

// xmlEncodingDecl matches the encoding pseudo-attribute of an XML declaration.
var xmlEncodingDecl = regexp.MustCompile(`^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)(["'])`)

// declareUTF8 rewrites the encoding an XML declaration names to UTF-8: the
// fetcher has already converted the body to UTF-8, so a parser that obeyed
// the original "windows-1252" would decode it twice, and one that met an
// unknown name would refuse the feed.
func declareUTF8(body []byte) []byte {
	m := xmlEncodingDecl.FindSubmatchIndex(body)
	if m == nil || strings.EqualFold(string(body[m[4]:m[5]]), "utf-8") {
		return body
	}
	out := make([]byte, 0, len(body))
	out = append(out, body[:m[4]]...)
	out = append(out, "UTF-8"...)
	return append(out, body[m[5]:]...)
}
