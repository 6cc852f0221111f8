package article

import (
	"slices"
	"strings"
	"testing"
)

// stateParas are the paragraphs of the script-rendered pages below.
var stateParas = []string{
	"The county's elections board voted on Thursday to move its central counting center to a larger warehouse near the airport, citing the growth in mail ballots since 2020.",
	"The move will cost about $1.4 million, most of it for security cameras, ballot storage and a public viewing gallery, the board's director said.",
	"Observers from both parties will be able to watch the count from the gallery, which will be open during all processing hours.",
}

// TestStateBodyHTMLString reads a body kept as an HTML string in the
// Next.js data of a page that renders it in the browser.
func TestStateBodyHTMLString(t *testing.T) {
	html := "<p>" + strings.Join(stateParas, "</p><p>") + "</p>"
	page := `<html><head><title>Counting center moves</title></head><body><div id="__next"><h1>Counting center moves</h1><div class="skeleton"></div></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"post":{"title":"Counting center moves","content":{"rendered":` + jsonString(html) + `},"author":{"node":{"name":"ignored"}},"byline":"By RUTH ANN O'HARA, Elections Reporter","comments":[{"author":"Reader"}]}}},"page":"/posts/[slug]"}</script></body></html>`
	a := checkStateBody(t, page, WarnStateBody)
	if want := []string{"Ruth Ann O'Hara"}; !slices.Equal(a.Authors, want) {
		t.Errorf("authors = %q, want %q", a.Authors, want)
	}
}

// TestStateBodyBlocks reads a body kept as a list of typed blocks in a
// window.__PRELOADED_STATE__ assignment, leaving out the image and the
// link to another story between them.
func TestStateBodyBlocks(t *testing.T) {
	page := `<html><head><title>Counting center moves</title></head><body><main><h1>Counting center moves</h1></main>
<script>window.__PRELOADED_STATE__ = {"story":{"blocks":[` +
		`{"type":"paragraph","text":` + jsonString(stateParas[0]) + `},` +
		`{"type":"image","caption":"The warehouse near the airport that the board chose."},` +
		`{"type":"related_link","text":"Read more: How mail voting grew in every county"},` +
		`{"type":"paragraph","text":` + jsonString(strings.ReplaceAll(stateParas[1], "'", "&#39;")) + `},` +
		`{"type":"paragraph","text":` + jsonString(stateParas[2]) + `}]}};
window.__ENV__ = {"region":"us"};</script></body></html>`
	a := checkStateBody(t, page, WarnStateBody)
	for _, bad := range []string{"warehouse near the airport that", "Read more"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("body = %q, want no %q", a.Body, bad)
		}
	}
}

// TestStateBodyNotWhenHTMLHasText keeps the HTML body when the page
// renders its text, even if its state holds more (a list of comments).
func TestStateBodyNotWhenHTMLHasText(t *testing.T) {
	var long []string
	for range 4 {
		long = append(long, stateParas...)
	}
	page := `<html><head><title>Counting center moves</title></head><body><article><h1>Counting center moves</h1><p>` +
		strings.Join(long, "</p><p>") + `</p></article>
<script>window.__INITIAL_STATE__={"comments":[` + strings.Repeat(`{"text":"I have been a poll worker for ten years and the old center was far too small for the count, glad to see this.","type":"text"},`, 30) + `{}]}</script></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if slices.Contains(a.Warnings, WarnStateBody) || strings.Contains(a.Body, "poll worker") {
		t.Errorf("warnings = %v, body = %q, want the HTML body", a.Warnings, a.Body)
	}
}

// TestStateBodyOtherStory keeps a teaser when the page's script data
// holds another, longer story (the next article, preloaded).
func TestStateBodyOtherStory(t *testing.T) {
	teaser := "The state's largest teachers union endorsed the governor's school funding plan on Friday, a week before the legislature's first vote on it."
	page := `<html><body><article><h1>Union backs funding plan</h1><p>` + teaser + `</p></article>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"next":{"content":` + jsonString("<p>"+strings.Join(stateParas, "</p><p>")+"</p>") + `}}}}</script></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if a.Body != teaser {
		t.Errorf("body = %q, want the teaser %q", a.Body, teaser)
	}
}

// TestStateBodyNotJSON ignores state that is JavaScript, not JSON (Nuxt
// 2's function call).
func TestStateBodyNotJSON(t *testing.T) {
	page := `<html><body><h1>Counting center moves</h1><script>window.__NUXT__=(function(a,b){return {data:[{body:"` + stateParas[0] + `"}]}}(1,2));</script></body></html>`
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if slices.Contains(a.Warnings, WarnStateBody) {
		t.Errorf("warnings = %v, want no %q", a.Warnings, WarnStateBody)
	}
}

func checkStateBody(t *testing.T, page, warning string) Article {
	t.Helper()
	a, err := ExtractBytes([]byte(page), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if got, want := a.Body, strings.Join(stateParas, "\n\n"); got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if !slices.Contains(a.Warnings, warning) {
		t.Errorf("warnings = %v, want %q", a.Warnings, warning)
	}
	return a
}

func jsonString(s string) string {
	return `"` + strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
