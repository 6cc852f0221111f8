package article

import (
	"net/url"
	"strings"
	"time"

	"github.com/newsintel/newsintel/extract/lang"
)

// buildMeta fills an Article's metadata from the page's meta tags, its
// JSON-LD and its visible byline and date line, in that order of trust.
func buildMeta(pm *pageMeta, ld ldArticle, pageURL *url.URL) Article {
	var a Article
	a.Publisher = firstNonEmpty(pm.get("og:site_name"), first(ld.publishers), ld.siteNm,
		pm.get("application-name", "publisher", "dc.publisher", "citation_publisher"))
	if platforms[strings.ToLower(a.Publisher)] {
		// A publication hosted on a platform names itself in its JSON-LD.
		a.Publisher = firstNonEmpty(first(ld.publishers), a.Publisher)
	}
	a.Title = pickTitle(pm, ld, a.Publisher)
	if site, title, ok := blogTitle(pm, ld); ok {
		a.Title = title
		a.Publisher = firstNonEmpty(a.Publisher, site)
	}
	if a.Publisher == "" {
		a.Publisher = titleSite(pm.title, a.Title)
	}
	a.Authors = pickAuthors(pm, ld)
	a.Published = pickPublished(pm, ld, pageURL)
	a.Modified = firstDate(ld.modified, pm.get("article:modified_time", "og:updated_time",
		"datemodified", "last-modified", "dcterms.modified", "dc.date.modified", "lastmod"))
	a.CanonicalURL = resolve(pageURL, firstNonEmpty(pm.canonical, pm.get("og:url"), ld.url))
	a.Section = firstNonEmpty(pm.get("article:section"), first(ld.sections),
		pm.get("section", "parsely-section", "category", "dc.subject"))
	a.Categories = dedupe(append(append(pm.all("article:tag"), ld.keywords...),
		splitList(pm.get("news_keywords", "keywords"))...))
	a.Description = normalizeSpace(firstNonEmpty(pm.get("og:description"), pm.get("description"),
		ld.description, pm.get("twitter:description", "dc.description")))
	return a
}

// platforms are hosting services whose name a page gives as its site name
// though a publication of its own published it.
var platforms = map[string]bool{
	"medium": true, "substack": true, "blogger": true, "wordpress": true, "wordpress.com": true,
	"tumblr": true, "linkedin": true, "ghost": true,
}

// finish sets what depends on the body: the language and IsArticle.
func (a *Article) finish(pm *pageMeta, ld ldArticle) {
	a.Language = languageCode(firstNonEmpty(pm.lang, pm.get("content-language", "language",
		"dc.language", "og:locale"), ld.language))
	if a.Language == "" {
		a.Language = lang.Detect(a.Title + "\n\n" + a.Body)
	}
	a.IsArticle = ld.foundArticle || strings.EqualFold(pm.get("og:type"), "article") || a.articleShape()
}

// articleShape reports whether the body reads as an article: several
// paragraphs of prose with a date or a byline.
func (a *Article) articleShape() bool {
	paras := strings.Count(a.Body, "\n\n") + 1
	if a.WordCount >= 300 && paras >= 4 {
		return true
	}
	return a.WordCount >= 120 && paras >= 3 && (!a.Published.IsZero() || len(a.Authors) > 0)
}

// pickTitle prefers the page's own headline markup and cuts the site
// name off window titles ("Headline | Site").
func pickTitle(pm *pageMeta, ld ldArticle, site string) string {
	raw := firstNonEmpty(pm.get("og:title"), ld.headline, first(pm.h1), pm.get("twitter:title"), pm.title, ld.fallbackHeadline)
	title := cutSiteName(normalizeSpace(raw), site)
	if h1 := normalizeSpace(first(pm.h1)); h1 != "" && title != h1 && countWords(h1) >= 3 &&
		strings.Contains(foldText(title), foldText(h1)) {
		return h1
	}
	return title
}

// blogTitle reads pages whose h1 is the site's name and whose window title
// is "Site: Headline" (blogs): it returns the site and the headline.
func blogTitle(pm *pageMeta, ld ldArticle) (site, title string, ok bool) {
	if pm.get("og:title") != "" || ld.headline != "" {
		return "", "", false
	}
	h1, window := normalizeSpace(first(pm.h1)), normalizeSpace(pm.title)
	if h1 == "" || !strings.HasPrefix(window, h1) {
		return "", "", false
	}
	rest := window[len(h1):]
	for _, sep := range append([]string{": "}, titleSeparators...) {
		// The h1 names the site when it is shorter than the headline.
		if strings.HasPrefix(rest, sep) && countWords(rest) > countWords(h1) {
			return h1, strings.TrimSpace(rest[len(sep):]), true
		}
	}
	return "", "", false
}

// titleLabels are the labels a window title may put before a headline
// ("Opinion: …"): they name a genre, not the site.
var titleLabels = map[string]bool{
	"opinion": true, "analysis": true, "editorial": true, "review": true, "live": true,
	"breaking": true, "exclusive": true, "explainer": true, "video": true, "watch": true,
	"photos": true, "podcast": true, "interview": true, "update": true, "news": true,
}

// titleSeparators split a window title from the site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "}

// cutSiteName removes a site name before or after the headline: the part
// that names the site, or a short last part.
func cutSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if site != "" && sameText(tail, site) || countWords(tail) <= 4 && countWords(head) >= 4 {
			return strings.TrimSpace(head)
		}
		if j := strings.Index(title, sep); site != "" && sameText(title[:j], site) {
			return strings.TrimSpace(title[j+len(sep):])
		}
	}
	return title
}

// titleSite returns the site name that a window title adds to the
// headline, or "".
func titleSite(window, title string) string {
	window = normalizeSpace(window)
	if window == "" || window == title {
		return ""
	}
	if strings.HasPrefix(window, title) {
		rest := strings.TrimSpace(window[len(title):])
		for _, sep := range titleSeparators {
			if s := strings.TrimSpace(sep); strings.HasPrefix(rest, s) {
				return strings.TrimSpace(rest[len(s):])
			}
		}
		return ""
	}
	// "Site: Headline", as Blogger writes it.
	if strings.HasSuffix(window, title) {
		head := strings.TrimSpace(window[:len(window)-len(title)])
		for _, sep := range append([]string{":"}, titleSeparators...) {
			if s := strings.TrimSpace(sep); strings.HasSuffix(head, s) && countWords(head) <= 6 {
				if site := strings.TrimSpace(strings.TrimSuffix(head, s)); !titleLabels[strings.ToLower(site)] {
					return site
				}
			}
		}
	}
	return ""
}

// pickAuthors takes the first source of author names that gives any.
func pickAuthors(pm *pageMeta, ld ldArticle) []string {
	sources := [][]string{
		ld.authors,
		pm.all("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "citation_author"),
		pm.rels,
		pm.authors,
	}
	for _, raw := range sources {
		if names := cleanAuthors(raw); len(names) > 0 {
			return names
		}
	}
	return nil
}

// pickPublished takes the publication date from the most trusted source
// that has one: JSON-LD, meta tags, <time>, a written date near the
// byline, the URL.
func pickPublished(pm *pageMeta, ld ldArticle, pageURL *url.URL) time.Time {
	metaKeys := []string{"article:published_time", "og:published_time", "datepublished",
		"date", "pubdate", "publishdate", "publish-date", "publication_date", "dc.date",
		"dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
		"article.published", "originalpublicationdate", "citation_publication_date", "citation_date"}
	values := append([]string{ld.published}, pm.all(metaKeys...)...)
	values = append(values, pm.times...)
	values = append(values, pm.dateTexts...)
	if t := firstDate(values...); !t.IsZero() {
		return t
	}
	dayFirst := dayFirstLanguage(firstNonEmpty(pm.lang, pm.get("content-language", "language")))
	for _, s := range pm.dateTexts {
		if t, ok := numericDate(s, dayFirst); ok {
			return t
		}
	}
	for _, s := range pm.authors {
		if t, ok := findDate(s); ok {
			return t
		}
	}
	if pageURL != nil {
		if t, ok := urlDate(pageURL.Path); ok {
			return t
		}
	}
	return time.Time{}
}

// firstDate returns the first of values that reads as a date.
func firstDate(values ...string) time.Time {
	for _, v := range values {
		if t, ok := parseDate(v); ok {
			return t
		}
	}
	return time.Time{}
}

// resolve makes ref absolute against base; without a base an absolute ref
// is kept and a relative one dropped.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		if base != nil {
			return base.String()
		}
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || u.Scheme != "http" && u.Scheme != "https" {
		if base != nil {
			return base.String()
		}
		return ""
	}
	return u.String()
}

// languageCode turns "en-US", "en_GB" or "EN" into "en"; anything that is
// not a two- or three-letter code gives "".
func languageCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// splitList splits a comma-separated list.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// dedupe trims values and drops empty ones and repeats (ignoring case).
func dedupe(values []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		v = normalizeSpace(v)
		if k := strings.ToLower(v); v != "" && !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}
