// Package newsintel is the vocabulary of the newsintel pipeline: the
// documents it ingests (news articles, company filings, government notices),
// the entities and sourcing claims it extracts from them, the raw messages
// that travel between stages, the rules for stable IDs and the error kinds
// that every layer shares.
//
// The package does no I/O and imports neither NATS nor Bleve; every other
// package of the module depends on it and not on each other's internals.
// The Go API carries no compatibility promise; the JSON shapes defined here
// are the message formats and the HTTP API, and those do.
package newsintel

// ExtractorVersion names the version of the extraction rules. Each Document
// records the version that produced it, so that replaying the RAW stream
// with a newer extractor can tell which documents are stale.
const ExtractorVersion = "2026.12.01e"

// Kind is what sort of document a Document is.
type Kind string

// The kinds of document.
const (
	KindArticle Kind = "article" // a news article, blog post or press release read as news
	KindFiling  Kind = "filing"  // a company filing (SEC EDGAR)
	KindNotice  Kind = "notice"  // a government notice (Federal Register, agency release)
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindArticle, KindFiling, KindNotice:
		return true
	}
	return false
}

// Kinds lists every kind, in a stable order.
func Kinds() []Kind { return []Kind{KindArticle, KindFiling, KindNotice} }
