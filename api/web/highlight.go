package web

import (
	"html"
	"strings"
)

// part is a run of snippet text, marked when it matched the query.
type part struct {
	Text   string
	Marked bool
}

// maxSnippetParts bounds the runs taken from one snippet.
const maxSnippetParts = 200

// snippetParts turns the index's highlighted snippet (escaped text with
// <mark> and </mark> around matches) back into plain text runs, so that
// the template escapes every character itself and only ever adds its own
// <mark>: nothing of the snippet is trusted as HTML. Any other markup in
// it is shown as text.
func snippetParts(snippet string) []part {
	var out []part
	marked := false
	for snippet != "" && len(out) < maxSnippetParts {
		tag := "<mark>"
		if marked {
			tag = "</mark>"
		}
		i := strings.Index(snippet, tag)
		if i < 0 {
			i = len(snippet)
		}
		if text := html.UnescapeString(snippet[:i]); text != "" {
			out = append(out, part{Text: text, Marked: marked})
		}
		if i == len(snippet) {
			break
		}
		snippet = snippet[i+len(tag):]
		marked = !marked
	}
	return out
}
