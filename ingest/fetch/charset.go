package fetch

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// IsText reports whether a media type is text that should be converted to
// UTF-8 (HTML, XML, feeds, JSON, plain text).
func IsText(mediaType string) bool {
	return strings.HasPrefix(mediaType, "text/") || mediaType == "application/xml" ||
		strings.HasSuffix(mediaType, "+xml") || mediaType == "application/json" ||
		strings.HasSuffix(mediaType, "+json") || mediaType == "application/javascript"
}

var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// toUTF8 works out the media type and charset of a body and converts text
// to UTF-8. The charset comes from, in order: a byte-order mark, the
// Content-Type header, an XML declaration or an HTML <meta> prescan, and
// last a guess (UTF-8 when the bytes are valid UTF-8, else windows-1252). An
// unknown charset name is passed over, not an error.
func toUTF8(contentType string, body []byte) (mediaType string, out []byte, charsetName string) {
	mediaType, declared := parseMediaType(contentType)
	if mediaType == "" || mediaType == "application/octet-stream" {
		mediaType, _ = parseMediaType(http.DetectContentType(body))
	}
	if !IsText(mediaType) {
		return mediaType, body, ""
	}
	enc, name := encodingOf(mediaType, declared, body)
	if enc == nil || name == "utf-8" {
		return mediaType, bytes.ToValidUTF8(trimBOM(body), []byte("\uFFFD")), "utf-8"
	}
	conv, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return mediaType, bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	return mediaType, trimBOM(conv), name
}

func encodingOf(mediaType, declared string, body []byte) (encoding.Encoding, string) {
	if e, name, ok := bomEncoding(body); ok {
		return e, name
	}
	if strings.HasSuffix(mediaType, "json") {
		return nil, "utf-8" // RFC 8259: JSON exchanged between systems is UTF-8
	}
	if e, name := charset.Lookup(declared); e != nil {
		return e, name
	}
	if strings.Contains(mediaType, "xml") || bytes.HasPrefix(bytes.TrimSpace(body[:min(len(body), 64)]), []byte("<?xml")) {
		if m := xmlEncoding.FindSubmatch(body[:min(len(body), 1024)]); m != nil {
			if e, name := charset.Lookup(string(m[1])); e != nil {
				return e, name
			}
		}
	}
	if mediaType == "text/html" || mediaType == "application/xhtml+xml" {
		e, name, _ := charset.DetermineEncoding(body, mediaType)
		return e, name
	}
	if utf8.Valid(body) {
		return nil, "utf-8"
	}
	e, name := charset.Lookup("windows-1252")
	return e, name
}

func bomEncoding(b []byte) (encoding.Encoding, string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return nil, "utf-8", true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		e, _ := charset.Lookup("utf-16be")
		return e, "utf-16be", true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		e, _ := charset.Lookup("utf-16le")
		return e, "utf-16le", true
	}
	return nil, "", false
}

func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}) }
