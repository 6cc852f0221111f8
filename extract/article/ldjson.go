package article

import (
	"bytes"
	"encoding/json"
	"strings"
)

// ldArticle is what the page's JSON-LD says about its article.
type ldArticle struct {
	types                    []string
	headline, description    string
	authors, publishers      []string
	published, modified      string
	sections, keywords       []string
	language, url, body      string
	foundArticle             bool
	fallbackHeadline, siteNm string
}

// articleTypes are the schema.org types that mark a page as an article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "askpublicnewsarticle": true, "liveblogposting": true,
	"techarticle": true, "scholarlyarticle": true, "report": true, "socialmediaposting": true,
	"satiricalarticle": true, "advertisercontentarticle": true,
}

// maxLDDepth caps how deep the JSON-LD walk descends.
const maxLDDepth = 12

// parseLD reads the JSON-LD scripts and returns the article they describe.
// Scripts that do not parse are ignored: pages often ship broken JSON-LD.
func parseLD(scripts []string) ldArticle {
	var a ldArticle
	for _, s := range scripts {
		a.walk([]byte(s), 0)
	}
	return a
}

// ldObject holds the members of a JSON-LD object that object reads. An
// object is decoded into it rather than into a map, so that what it does
// not read (a live blog's hundreds of updates, an ItemList of products)
// is scanned but never built: a 600 KB LiveBlogPosting cost more than
// parsing the page as a map of maps.
type ldObject struct {
	Type             any             `json:"@type"`
	Graph            json.RawMessage `json:"@graph"`
	Name             any             `json:"name"`
	Headline         any             `json:"headline"`
	Description      any             `json:"description"`
	Author           any             `json:"author"`
	Creator          any             `json:"creator"`
	Publisher        any             `json:"publisher"`
	DatePublished    any             `json:"datePublished"`
	DateCreated      any             `json:"dateCreated"`
	DateModified     any             `json:"dateModified"`
	ArticleSection   any             `json:"articleSection"`
	Keywords         any             `json:"keywords"`
	InLanguage       any             `json:"inLanguage"`
	URL              any             `json:"url"`
	MainEntityOfPage any             `json:"mainEntityOfPage"`
	ArticleBody      any             `json:"articleBody"`
}

// members returns the object's members by their JSON-LD names.
func (o *ldObject) members() map[string]any {
	return map[string]any{
		"@type": o.Type, "name": o.Name, "headline": o.Headline, "description": o.Description,
		"author": o.Author, "creator": o.Creator, "publisher": o.Publisher,
		"datePublished": o.DatePublished, "dateCreated": o.DateCreated, "dateModified": o.DateModified,
		"articleSection": o.ArticleSection, "keywords": o.Keywords, "inLanguage": o.InLanguage,
		"url": o.URL, "mainEntityOfPage": o.MainEntityOfPage, "articleBody": o.ArticleBody,
	}
}

// walk reads the JSON value in data: an object (and its @graph), or a
// list of them. A value that does not parse is left out whole.
func (a *ldArticle) walk(data []byte, depth int) {
	data = bytes.TrimSpace(data)
	if depth > maxLDDepth || len(data) == 0 {
		return
	}
	switch data[0] {
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(data, &items) != nil {
			return
		}
		for _, it := range items {
			a.walk(it, depth+1)
		}
	case '{':
		var o ldObject
		if json.Unmarshal(data, &o) != nil {
			return
		}
		if len(o.Graph) > 0 {
			a.walk(o.Graph, depth+1)
		}
		a.object(o.members())
	}
}

// object reads one JSON-LD object: the first article-typed object wins;
// a WebSite or Organization can still name the site.
func (a *ldArticle) object(o map[string]any) {
	types := ldStrings(o["@type"])
	article := false
	for _, t := range types {
		if articleTypes[strings.ToLower(t)] {
			article = true
		}
		if (t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization") && a.siteNm == "" {
			a.siteNm = ldString(o["name"])
		}
	}
	if !article {
		if a.fallbackHeadline == "" {
			a.fallbackHeadline = ldString(o["headline"])
		}
		return
	}
	if a.foundArticle {
		return
	}
	a.foundArticle, a.types = true, types
	a.headline = firstNonEmpty(ldString(o["headline"]), ldString(o["name"]))
	a.description = ldString(o["description"])
	a.authors = ldPersons(o["author"])
	if len(a.authors) == 0 {
		a.authors = ldPersons(o["creator"])
	}
	a.publishers = ldNames(o["publisher"])
	a.published = firstNonEmpty(ldString(o["datePublished"]), ldString(o["dateCreated"]))
	a.modified = ldString(o["dateModified"])
	a.sections = ldStrings(o["articleSection"])
	a.keywords = ldKeywords(o["keywords"])
	a.language = ldString(o["inLanguage"])
	a.url = firstNonEmpty(ldString(o["url"]), ldID(o["mainEntityOfPage"]))
	a.body = ldString(o["articleBody"])
}

// ldString returns v as a string: a string itself, a number, the first
// string of a list, or an object's "name" or "@value".
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		for _, e := range t {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return firstNonEmpty(ldString(t["name"]), ldString(t["@value"]))
	}
	return ""
}

// ldStrings returns every string in v.
func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		if t = strings.TrimSpace(t); t != "" {
			return []string{t}
		}
	case []any:
		var out []string
		for _, e := range t {
			if s := ldString(e); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldNames returns the names of persons or organisations in v.
func ldNames(v any) []string {
	switch t := v.(type) {
	case string:
		if t = strings.TrimSpace(t); t != "" {
			return []string{t}
		}
	case map[string]any:
		if n := ldString(t["name"]); n != "" {
			return []string{n}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

// orgTypes are the schema.org types of organisations, which are not the
// authors a byline names.
var orgTypes = map[string]bool{
	"organization": true, "newsmediaorganization": true, "governmentorganization": true,
	"corporation": true, "ngo": true, "educationalorganization": true,
}

// ldPersons returns the names in v that are not organisations.
func ldPersons(v any) []string {
	switch t := v.(type) {
	case map[string]any:
		for _, typ := range ldStrings(t["@type"]) {
			if orgTypes[strings.ToLower(typ)] {
				return nil
			}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldPersons(e)...)
		}
		return out
	}
	return ldNames(v)
}

// ldKeywords splits keywords given as one comma-separated string or a list.
func ldKeywords(v any) []string {
	var out []string
	for _, s := range ldStrings(v) {
		for _, k := range strings.Split(s, ",") {
			if k = strings.TrimSpace(k); k != "" {
				out = append(out, k)
			}
		}
	}
	return out
}

// ldID returns the @id of an object, or v itself when it is a string.
func ldID(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return ldString(t["@id"])
	}
	return ""
}
