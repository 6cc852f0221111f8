package article

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// Pages built with a JavaScript framework often ship the article as data
// for the browser to render: Next.js in the __NEXT_DATA__ script, Nuxt in
// window.__NUXT__, Arc XP in Fusion.globalContent, others in an
// __INITIAL_STATE__ or __PRELOADED_STATE__ object. When the HTML holds
// little text, the body is read from that data.

// stateMarkers start the assignment of a page's state in a script.
var stateMarkers = []string{
	"window.__NUXT__", "Fusion.globalContent", "window.__INITIAL_STATE__",
	"window.__PRELOADED_STATE__", "window.__APOLLO_STATE__", "window.__INITIAL_DATA__",
}

// maxStateBytes caps the state a page may hand to the JSON decoder.
const maxStateBytes = 2 << 20

// stateHead is how far into a script the assignment of state may start.
const stateHead = 512

// stateJSON returns the JSON value a script holds or assigns, or "". It
// slices the script's text rather than copying it: pages that are not
// read from their state pay nothing for it.
func stateJSON(id, text string) string {
	if id == "__NEXT_DATA__" {
		return text
	}
	head := text[:min(len(text), stateHead)]
	if !strings.Contains(head, "__") && !strings.Contains(head, "Fusion.") {
		return ""
	}
	for _, m := range stateMarkers {
		i := strings.Index(head, m)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(text[i+len(m):], " \t\r\n")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if strings.HasPrefix(rest, "{") || strings.HasPrefix(rest, "[") {
			return rest
		}
	}
	return ""
}

// stateBody returns the paragraphs of the longest article text found in
// the page's state scripts, and the state that holds it.
func stateBody(scripts []string, title string) ([]para, any) {
	var best []para
	var state any
	for _, data := range scripts {
		if len(data) > maxStateBytes {
			continue
		}
		var v any
		// A decoder reads the first value and ignores what follows it
		// (";Fusion.globalContentConfig=…").
		if json.NewDecoder(strings.NewReader(data)).Decode(&v) != nil {
			continue
		}
		if ps := filterParas(longestText(v, title, 0), title); countParaWords(ps) > countParaWords(best) {
			best, state = ps, v
		}
	}
	return best, state
}

// authorKeys name the members of script data that list an article's
// authors.
var authorKeys = []string{"authors", "author", "byline", "bylines", "writers"}

// stateAuthors returns the author names that the shallowest object of v
// with an author member gives: strings, or objects with a name (Arc's
// credits.by is one).
func stateAuthors(v any) []string {
	level := []any{v}
	for depth := 0; depth < maxStateDepth && len(level) > 0; depth++ {
		var next []any
		for _, e := range level {
			switch t := e.(type) {
			case map[string]any:
				for _, k := range authorKeys {
					if names := cleanAuthors(ldPersons(t[k])); len(names) > 0 {
						return names
					}
				}
				if c, ok := t["credits"].(map[string]any); ok {
					if names := cleanAuthors(ldPersons(c["by"])); len(names) > 0 {
						return names
					}
				}
				for _, c := range t {
					next = append(next, c)
				}
			case []any:
				next = append(next, t...)
			}
		}
		level = next
	}
	return nil
}

// maxStateDepth caps how deep the walk over state descends.
const maxStateDepth = 24

// longestText returns the longest article text in v: an HTML string of
// paragraphs, or a list of text blocks.
func longestText(v any, title string, depth int) []para {
	if depth > maxStateDepth {
		return nil
	}
	var best []para
	keep := func(ps []para) {
		if countParaWords(ps) > countParaWords(best) {
			best = ps
		}
	}
	switch t := v.(type) {
	case string:
		if len(t) > 200 && strings.Contains(t, "<p") {
			keep(htmlParas(t, title))
		}
	case []any:
		keep(blockParas(t))
		for _, e := range t {
			keep(longestText(e, title, depth+1))
		}
	case map[string]any:
		for _, e := range t {
			keep(longestText(e, title, depth+1))
		}
	}
	return best
}

// htmlParas extracts the paragraphs of an HTML string.
func htmlParas(s, title string) []para {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil
	}
	return extractBody(doc, title)
}

// blockParas reads a list of content blocks, one paragraph each: strings,
// or objects with their text in content, text or children, of a text
// type (not an image, an embed or a link to another story).
func blockParas(list []any) []para {
	var out []para
	for _, e := range list {
		text, kind := blockText(e)
		if text = normalizeSpace(text); text != "" {
			out = append(out, para{text: text, kind: kind})
		}
	}
	if len(out) < 2 || countParaWords(out) < 40 {
		return nil
	}
	return out
}

// textBlockTypes are the block types whose text is the article's.
var textBlockTypes = map[string]paraKind{
	"": kindText, "text": kindText, "paragraph": kindText, "p": kindText,
	"heading": kindHeading, "header": kindHeading, "subheading": kindHeading,
	"h2": kindHeading, "h3": kindHeading, "blockquote": kindText, "quote": kindText,
}

// blockText returns the text of one content block and its kind.
func blockText(e any) (string, paraKind) {
	switch t := e.(type) {
	case string:
		if strings.ContainsAny(t, "<&") {
			return htmlText(t), kindText // HTML, or text with entities
		}
		return t, kindText
	case map[string]any:
		typ, _ := t["type"].(string)
		kind, ok := textBlockTypes[strings.ToLower(typ)]
		if !ok {
			return "", kindText
		}
		for _, key := range []string{"content", "text", "html", "value"} {
			if s, ok := t[key].(string); ok && s != "" {
				s, _ = blockText(s)
				return s, kind
			}
		}
		if kids, ok := t["children"].([]any); ok {
			var b strings.Builder
			for _, k := range kids {
				if m, ok := k.(map[string]any); ok {
					s, _ := m["text"].(string)
					b.WriteString(s)
				}
			}
			return b.String(), kind
		}
	}
	return "", kindText
}

// htmlText returns the text of an HTML fragment.
func htmlText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return textOf(doc, len(s))
}

// covers reports whether the text of long holds most of the words of
// short: script data of a page whose HTML shows a teaser must hold that
// teaser, or it is another story's (pages preload the next article).
func covers(long, short []para) bool {
	if countParaWords(short) < 20 {
		return true
	}
	have := map[string]bool{}
	for _, p := range long {
		for _, w := range strings.Fields(strings.ToLower(p.text)) {
			have[w] = true
		}
	}
	in, all := 0, 0
	for _, p := range short {
		for _, w := range strings.Fields(strings.ToLower(p.text)) {
			all++
			if have[w] {
				in++
			}
		}
	}
	return in*10 >= all*8
}
