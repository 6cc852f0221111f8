package newsintel

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// ArticleID returns the stable ID of a document reached at canonicalURL: the
// first 16 bytes of the SHA-256 of the URL, in hex. Callers pass the
// canonical, normalised URL so that the same article reached by several URLs
// gets one ID.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:16])
}

// FilingID returns the ID of an SEC filing from its accession number
// ("0001577552-21-000045" or without dashes): "sec-" and the dashed form.
func FilingID(accession string) string {
	a := strings.ReplaceAll(strings.TrimSpace(accession), "-", "")
	if len(a) == 18 {
		a = a[:10] + "-" + a[10:12] + "-" + a[12:]
	}
	return "sec-" + a
}

// NoticeID returns the ID of a Federal Register document from its document
// number ("2021-12345"): "fr-" and the number.
func NoticeID(documentNumber string) string {
	return "fr-" + strings.TrimSpace(documentNumber)
}

// EntityID returns the stable ID of an entity from its type and canonical
// name: the type, a colon and a slug of the name ("company:alibaba-group").
func EntityID(t EntityType, name string) string {
	return string(t) + ":" + Slug(name)
}

// Slug lower-cases s and joins its runs of letters and digits with dashes.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '’' || r == '.' {
			continue // "McDonald's" → "mcdonalds", "U.S." → "us"
		}
		dash = true
	}
	return b.String()
}

// ValidID reports whether id is safe to use as a document ID in subjects,
// KV keys and URLs: 1 to 128 bytes of letters, digits, '-' and '_'.
func ValidID(id string) bool {
	if len(id) == 0 || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
