package fullsize

import (
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"
)

// pageBuilder dresses one article: it knows the other articles (for the
// related rails and state blobs) and draws every choice from a random
// source seeded by the article's name.
type pageBuilder struct {
	a      *article
	others []*article
	r      *rand.Rand
	st     style
	url    string
}

func newPageBuilder(a *article, all []*article, st style) *pageBuilder {
	pb := &pageBuilder{a: a, r: seeded(a.name), st: st, url: "https://" + st.host + a.path}
	for _, o := range all {
		if o != a {
			pb.others = append(pb.others, o)
		}
	}
	return pb
}

var esc = html.EscapeString

// markup is how one publisher marks up the blocks of an article body.
type markup struct {
	p, h, quote      string // format strings with one %s
	ulOpen, ulClose  string
	li               string
	ad               func(i int) string
	related          func(heads []string) string
	figure           func(caption, credit string) string
	pull, newsletter func(text string) string
	adEvery          int // an extra ad slot after every n paragraphs (0: none)
}

// body renders the article's blocks in m.
func (pb *pageBuilder) body(m markup) string {
	var out []string
	var items []string
	flush := func() {
		if len(items) > 0 {
			out = append(out, m.ulOpen+strings.Join(items, "")+m.ulClose)
			items = nil
		}
	}
	paras, ads := 0, 0
	for _, b := range pb.a.blocks {
		k, v := kind(b)
		if k != "li" {
			flush()
		}
		switch k {
		case "p":
			out = append(out, fmt.Sprintf(m.p, pb.inline(v)))
			if paras++; m.adEvery > 0 && paras%m.adEvery == 0 && m.ad != nil {
				out = append(out, m.ad(ads))
				ads++
			}
		case "h":
			out = append(out, fmt.Sprintf(m.h, esc(v)))
		case "li":
			items = append(items, fmt.Sprintf(m.li, pb.inline(v)))
		case "quote":
			out = append(out, fmt.Sprintf(m.quote, pb.inline(v)))
		case "related":
			out = append(out, m.related(splitList(v)))
		case "figure":
			caption, credit, _ := strings.Cut(v, "|")
			out = append(out, m.figure(strings.TrimSpace(caption), strings.TrimSpace(credit)))
		case "pull":
			out = append(out, m.pull(v))
		case "ad":
			if m.ad != nil {
				out = append(out, m.ad(ads))
				ads++
			}
		case "newsletter":
			out = append(out, m.newsletter(""))
		case "plea":
			out = append(out, fmt.Sprintf(m.p, esc(v)))
		}
	}
	flush()
	return strings.Join(out, "\n")
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// inline escapes a paragraph and turns {a:text} into a link to another
// story on the site.
func (pb *pageBuilder) inline(s string) string {
	s = esc(s)
	return linkRE.ReplaceAllStringFunc(s, func(m string) string {
		o := pb.other()
		return fmt.Sprintf(`<a href="https://%s%s" data-link-type="internal">%s</a>`, pb.st.host, o.path, m[3:len(m)-1])
	})
}

func (pb *pageBuilder) other() *article { return pb.others[pb.r.IntN(len(pb.others))] }

func (pb *pageBuilder) pick(list []string) string { return list[pb.r.IntN(len(list))] }

// id returns n random lower-case letters and digits, like the IDs and
// hashed class names of real pages.
func (pb *pageBuilder) id(n int) string {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[pb.r.IntN(len(chars))]
	}
	return string(b)
}

// teaser is the first words of another article's first paragraph.
func teaser(o *article, words int) string {
	for _, b := range o.blocks {
		if k, v := kind(b); k == "p" {
			f := strings.Fields(linkRE.ReplaceAllString(v, "$1"))
			if len(f) > words {
				return strings.Join(f[:words], " ") + "…"
			}
			return strings.Join(f, " ")
		}
	}
	return o.title
}

// headline returns a related headline: another article's title or one of
// the site's other stories.
func (pb *pageBuilder) headline() (string, string) {
	if pb.r.IntN(3) == 0 {
		o := pb.other()
		return o.title, o.path
	}
	h := pb.pick(headlines)
	return h, "/" + strings.ToLower(pb.pick(sections)) + "/" + slug(h) + "-" + pb.id(6) + "/"
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// css returns about kb kilobytes of a site's stylesheet, inlined as real
// pages inline their critical CSS.
func (pb *pageBuilder) css(kb int) string {
	var b strings.Builder
	b.WriteString("<style>")
	for b.Len() < kb<<10 {
		block, elem := pb.pick(cssBlocks), pb.pick(cssElems)
		fmt.Fprintf(&b, ".%s__%s--%s{", block, elem, pb.id(5))
		for range 2 + pb.r.IntN(5) {
			b.WriteString(pb.pick(cssDecls))
			b.WriteByte(';')
		}
		b.WriteString("}")
		if pb.r.IntN(8) == 0 {
			fmt.Fprintf(&b, "@media (min-width:%dpx){.%s__%s{%s}}", 600+pb.r.IntN(800), block, elem, pb.pick(cssDecls))
		}
	}
	b.WriteString("</style>\n")
	return b.String()
}

// scripts returns inline scripts: a data layer, ad slot definitions and a
// minified-looking bundle, about kb kilobytes in all.
func (pb *pageBuilder) scripts(kb int) string {
	var b strings.Builder
	a := pb.a
	fmt.Fprintf(&b, `<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"pageType":"article","section":%q,"author":%q,"publishDate":%q,"contentId":"%s","wordCount":%d,"paywall":"metered","subscriberStatus":"anonymous"});</script>`+"\n",
		a.section, strings.Join(a.authors, "|"), a.published.Format(time.RFC3339), pb.id(24), len(strings.Fields(expected(a))))
	b.WriteString(`<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>` + "\n<script>var googletag=googletag||{};googletag.cmd=googletag.cmd||[];googletag.cmd.push(function(){")
	for i := range 8 {
		fmt.Fprintf(&b, "googletag.defineSlot('/21%d/%s/%s',[[300,250],[300,600],[728,90],[970,250]],'div-gpt-ad-%d').addService(googletag.pubads()).setTargeting('pos','%d');", pb.r.IntN(99999), slug(pb.st.publisher), strings.ToLower(a.section), i, i)
	}
	b.WriteString("googletag.pubads().enableSingleRequest();googletag.pubads().collapseEmptyDivs();googletag.enableServices();});</script>\n<script>")
	for b.Len() < kb<<10 {
		fn, v := pb.id(2), pb.id(1)
		fmt.Fprintf(&b, `function %s(%s,e){var t=%s.length,n=[];for(var r=0;r<t;r++){if(e&&e(%s[r]))n.push(%s[r].%s||"%s")}return n}`, fn, v, v, v, v, pb.pick(cssElems), pb.id(8))
		fmt.Fprintf(&b, `;window.__%s=%s(document.querySelectorAll(".%s__%s"),function(x){return x.dataset.%s!=="%s"});`, pb.id(4), fn, pb.pick(cssBlocks), pb.pick(cssElems), pb.pick(cssElems), pb.id(3))
	}
	b.WriteString("</script>\n")
	return b.String()
}

// head returns the meta tags, preload links and JSON-LD of a modern news
// page's head. withBody puts the article text in the JSON-LD, as many
// publishers do.
func (pb *pageBuilder) head(withBody bool) string {
	a, st := pb.a, pb.st
	var b strings.Builder
	desc := teaser(a, 30)
	fmt.Fprintf(&b, "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s | %s</title>\n", esc(a.title), esc(st.publisher))
	fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n<link rel=\"canonical\" href=\"%s\">\n", esc(desc), pb.url)
	for _, kv := range [][2]string{{"og:type", "article"}, {"og:title", a.title}, {"og:description", desc}, {"og:url", pb.url}, {"og:site_name", st.publisher},
		{"og:image", "https://" + st.host + "/resizer/" + pb.id(28) + "=/1200x630/smart/filters:quality(80)/" + pb.id(20) + ".jpg"},
		{"article:published_time", a.published.Format(time.RFC3339)}, {"article:modified_time", a.published.Add(47 * time.Minute).Format(time.RFC3339)}, {"article:section", a.section}} {
		fmt.Fprintf(&b, "<meta property=\"%s\" content=\"%s\">\n", kv[0], esc(kv[1]))
	}
	for _, kv := range [][2]string{{"twitter:card", "summary_large_image"}, {"twitter:site", "@" + slug(st.publisher)}, {"twitter:title", a.title}, {"twitter:description", desc}, {"robots", "index, follow, max-image-preview:large"}, {"parsely-section", a.section}, {"sailthru.tags", strings.ToLower(a.section) + ", news, " + pb.pick(topics)}} {
		fmt.Fprintf(&b, "<meta name=\"%s\" content=\"%s\">\n", kv[0], esc(kv[1]))
	}
	for _, au := range a.authors {
		fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n", esc(au))
	}
	for i := range 14 {
		fmt.Fprintf(&b, "<link rel=\"preload\" href=\"https://static.%s/assets/%s.%s\" as=\"%s\" crossorigin>\n", st.host, pb.id(16), []string{"woff2", "js", "css"}[i%3], []string{"font", "script", "style"}[i%3])
	}
	for _, h := range []string{"securepubads.g.doubleclick.net", "www.googletagmanager.com", "cdn.cookielaw.org", "static.chartbeat.com", "c.amazon-adsystem.com", "cdn.parsely.com"} {
		fmt.Fprintf(&b, "<link rel=\"dns-prefetch\" href=\"//%s\"><link rel=\"preconnect\" href=\"https://%s\">\n", h, h)
	}
	b.WriteString(pb.jsonLD(withBody))
	return b.String()
}

// jsonLD returns the NewsArticle, BreadcrumbList and Organization JSON-LD.
func (pb *pageBuilder) jsonLD(withBody bool) string {
	a, st := pb.a, pb.st
	var authors []map[string]string
	for _, au := range a.authors {
		authors = append(authors, map[string]string{"@type": "Person", "name": au, "url": "https://" + st.host + "/authors/" + slug(au) + "/"})
	}
	art := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title, "description": teaser(a, 30),
		"datePublished": a.published.Format(time.RFC3339), "dateModified": a.published.Add(47 * time.Minute).Format(time.RFC3339),
		"author": authors, "articleSection": a.section, "mainEntityOfPage": map[string]string{"@type": "WebPage", "@id": pb.url},
		"image":               []map[string]any{{"@type": "ImageObject", "url": "https://" + st.host + "/resizer/" + pb.id(28) + ".jpg", "width": 1920, "height": 1080}},
		"publisher":           map[string]any{"@type": "NewsMediaOrganization", "name": st.publisher, "logo": map[string]any{"@type": "ImageObject", "url": "https://" + st.host + "/logo.png", "width": 600, "height": 60}},
		"isAccessibleForFree": "False", "hasPart": map[string]string{"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".paywall"},
	}
	if withBody {
		art["articleBody"] = strings.ReplaceAll(strings.TrimSpace(expected(a)), "\n\n", " ")
	}
	crumbs := map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []map[string]any{
		{"@type": "ListItem", "position": 1, "name": "Home", "item": "https://" + st.host + "/"},
		{"@type": "ListItem", "position": 2, "name": a.section, "item": "https://" + st.host + "/" + strings.ToLower(a.section) + "/"}}}
	var b strings.Builder
	for _, v := range []any{art, crumbs} {
		data, _ := json.Marshal(v)
		fmt.Fprintf(&b, "<script type=\"application/ld+json\">%s</script>\n", data)
	}
	return b.String()
}

// svg returns an inline icon, as sites inline their share and menu icons.
func (pb *pageBuilder) svg(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="icon icon--%s" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><title>%s</title><g fill="none" fill-rule="evenodd">`, name, name)
	for range 2 + pb.r.IntN(3) {
		fmt.Fprintf(&b, `<path fill="currentColor" d="M%d.%d %d.%dc%d.%d-%d.%d %d.%d-%d.%dL%d %dz"/>`, pb.r.IntN(24), pb.r.IntN(99), pb.r.IntN(24), pb.r.IntN(99), pb.r.IntN(9), pb.r.IntN(99), pb.r.IntN(9), pb.r.IntN(99), pb.r.IntN(9), pb.r.IntN(99), pb.r.IntN(9), pb.r.IntN(99), pb.r.IntN(24), pb.r.IntN(24))
	}
	b.WriteString("</g></svg>")
	return b.String()
}

// megaMenu returns a site navigation with a panel per section, each with
// subsections and a few promoted headlines.
func (pb *pageBuilder) megaMenu(class string, nSections int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<nav class="%s" aria-label="Main"><button class="%s__toggle" aria-expanded="false">%s<span>Menu</span></button><ul class="%s__list">`, class, class, pb.svg("menu"), class)
	for i := range nSections {
		sec := sections[(i+pb.r.IntN(3))%len(sections)]
		fmt.Fprintf(&b, `<li class="%s__item"><a class="%s__link" href="/%s/">%s</a><div class="%s__panel"><ul>`, class, class, strings.ToLower(sec), sec, class)
		for range 6 + pb.r.IntN(6) {
			t := pb.pick(topics)
			fmt.Fprintf(&b, `<li class="%s__sub"><a class="%s__sublink" href="/%s/%s/"><span class="%s__label">%s</span></a></li>`, class, class, strings.ToLower(sec), slug(t), class, esc(t))
		}
		b.WriteString(`</ul><div class="promo">`)
		for range 2 {
			h, p := pb.headline()
			fmt.Fprintf(&b, `<a class="promo__card" href="%s"><img src="https://static.%s/img/%s.jpg" alt="" loading="lazy" width="160" height="90"><span>%s</span></a>`, p, pb.st.host, pb.id(12), esc(h))
		}
		b.WriteString("</div></div></li>")
	}
	b.WriteString("</ul></nav>\n")
	return b.String()
}

// rail returns a list of n related stories with images and teasers.
func (pb *pageBuilder) rail(class, title string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<section class="%s" data-module="rail"><h2 class="%s__title">%s</h2><ul class="%s__list">`, class, class, title, class)
	for i := range n {
		h, p := pb.headline()
		o := pb.other()
		// Front ends nest cards in layers of layout wrappers.
		fmt.Fprintf(&b, `<li class="%s__item"><div class="%s"><div class="%s"><div class="card card--%d" data-testid="card"><a href="%s" class="card__media"><div class="card__ratio"><picture><source type="image/webp" srcset="%s"><img src="https://static.%s/img/%s.jpg" alt="" width="400" height="225" loading="lazy"></picture></div></a><div class="card__body"><div class="card__meta"><span class="card__kicker"><a href="/%s/">%s</a></span>%s</div><h3 class="card__headline"><a href="%s"><span>%s</span></a></h3>`,
			class, pb.id(8), pb.id(8), i, p, pb.srcset(), pb.st.host, pb.id(12), strings.ToLower(pb.pick(sections)), pb.pick(sections), pb.svg("bookmark"), p, esc(h))
		if pb.r.IntN(2) == 0 {
			fmt.Fprintf(&b, `<p class="card__teaser">%s</p>`, esc(teaser(o, 18+pb.r.IntN(12))))
		}
		fmt.Fprintf(&b, `<div class="card__footer"><span class="card__byline">By <span>%s</span></span><time class="card__time" datetime="%s">%d hours ago</time></div></div></div></div></div></li>`, esc(firstAuthor(o)), o.published.Format(time.RFC3339), 1+pb.r.IntN(20))
	}
	b.WriteString("</ul></section>\n")
	return b.String()
}

func firstAuthor(o *article) string {
	if len(o.authors) == 0 {
		return "Staff"
	}
	return o.authors[0]
}

func (pb *pageBuilder) srcset() string {
	var parts []string
	id := pb.id(20)
	for _, w := range []int{320, 480, 640, 800, 1024, 1440, 1920} {
		parts = append(parts, fmt.Sprintf("https://%s/resizer/v2/%s.jpg?auth=%s&width=%d&quality=80 %dw", pb.st.host, id, pb.id(32), w, w))
	}
	return strings.Join(parts, ", ")
}

// adSlot returns one ad container as publishers leave them in the page.
func (pb *pageBuilder) adSlot(i int) string {
	return fmt.Sprintf(`<div class="ad-container ad-container--inline" data-ad-pos="%d"><div class="ad-label">Advertisement</div><div id="div-gpt-ad-%d" class="gpt-ad" data-sizes="[[300,250],[728,90]]" style="min-height:250px"></div></div>`, i, i)
}

// footer returns a footer with link columns and legal text.
func (pb *pageBuilder) footer(class string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<footer class="%s"><div class="%s__brand"><a href="/">%s</a></div><div class="%s__columns">`, class, class, esc(pb.st.publisher), class)
	for c := range 5 {
		fmt.Fprintf(&b, `<div class="%s__col"><h4>%s</h4><ul>`, class, footerHeads[c%len(footerHeads)])
		for range 8 + pb.r.IntN(5) {
			l := pb.pick(footerLinks)
			fmt.Fprintf(&b, `<li><a href="/%s/">%s</a></li>`, slug(l), l)
		}
		b.WriteString("</ul></div>")
	}
	b.WriteString(`</div><div class="social">`)
	for _, s := range []string{"facebook", "x", "instagram", "linkedin", "youtube", "tiktok"} {
		fmt.Fprintf(&b, `<a href="https://%s.com/%s" aria-label="%s">%s</a>`, s, slug(pb.st.publisher), s, pb.svg(s))
	}
	fmt.Fprintf(&b, `</div><p class="%s__legal">© %d %s. All rights reserved. Use of this site constitutes acceptance of our User Agreement and Privacy Policy and Cookie Statement and Your Privacy Choices. The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of %s.</p></footer>`+"\n",
		class, pb.a.published.Year(), esc(pb.st.publisher), esc(pb.st.publisher))
	return b.String()
}

// share returns a share bar.
func (pb *pageBuilder) share() string {
	var b strings.Builder
	b.WriteString(`<div class="share-bar" role="toolbar" aria-label="Share this article">`)
	for _, s := range []string{"facebook", "x", "linkedin", "email", "whatsapp", "copy-link"} {
		fmt.Fprintf(&b, `<button class="share-bar__btn share-bar__btn--%s" data-share="%s">%s<span class="visually-hidden">Share on %s</span></button>`, s, s, pb.svg(s), s)
	}
	b.WriteString("</div>\n")
	return b.String()
}

// cookieBanner returns a consent banner.
func cookieBanner() string {
	return `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" role="dialog" aria-label="Privacy"><div class="ot-sdk-container"><p id="onetrust-policy-text">We and our partners use cookies and similar technologies to store and access information on your device, to personalise content and ads, to provide social media features and to analyse our traffic. You can accept all cookies, reject them, or choose which ones you allow under Manage preferences. You can change your choices at any time by visiting Your Privacy Choices at the bottom of any page.</p><div class="ot-buttons"><button id="onetrust-accept-btn-handler">Accept all</button><button id="onetrust-reject-all-handler">Reject all</button><button id="onetrust-pc-btn-handler">Manage preferences</button></div></div></div></div>` + "\n"
}

// comments returns a comment thread of n comments.
func (pb *pageBuilder) comments(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<section id="comments" class="comments-area"><h2 class="comments-title">%d thoughts on &ldquo;%s&rdquo;</h2><ol class="comment-list">`, n, esc(pb.a.title))
	for i := range n {
		name := pb.pick(commenters)
		fmt.Fprintf(&b, `<li id="comment-%d" class="comment depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/%s?s=48&d=mm" class="avatar" height="48" width="48"><b class="fn">%s</b> <span class="says">says:</span></div><div class="comment-metadata"><time datetime="%s">%s</time></div></footer><div class="comment-content">`,
			1000+i, pb.id(32), esc(name), pb.a.published.Add(time.Duration(i+1)*37*time.Minute).Format(time.RFC3339), pb.a.published.Add(time.Duration(i+1)*37*time.Minute).Format("January 2, 2006 at 3:04 pm"))
		for range 1 + pb.r.IntN(2) {
			var sents []string
			for range 1 + pb.r.IntN(3) {
				sents = append(sents, pb.pick(commentSentences))
			}
			fmt.Fprintf(&b, "<p>%s</p>", esc(strings.Join(sents, " ")))
		}
		b.WriteString(`</div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-` + fmt.Sprint(1000+i) + `">Reply</a></div></article></li>`)
	}
	b.WriteString("</ol></section>\n")
	return b.String()
}

// stateBlob returns a JSON state object holding the article (as content
// elements) and a list of related stories until it is about kb kilobytes,
// the way Arc, Next.js and other front ends ship page state.
func (pb *pageBuilder) stateBlob(kb int) []byte {
	a := pb.a
	var elems []map[string]any
	for i, b := range a.blocks {
		k, v := kind(b)
		if k == "p" || k == "h" || k == "li" || k == "quote" {
			elems = append(elems, map[string]any{"_id": pb.id(26), "type": map[string]string{"p": "text", "h": "header", "li": "list", "quote": "quote"}[k], "content": linkRE.ReplaceAllString(v, "$1"), "additional_properties": map[string]any{"_id": 1700000000000 + i, "comments": []string{}, "inline_comments": []string{}}})
		}
	}
	var related []map[string]any
	state := map[string]any{"globalContent": map[string]any{"_id": pb.id(26), "type": "story", "version": "0.10.9", "canonical_url": a.path,
		"headlines": map[string]string{"basic": a.title, "web": a.title}, "display_date": a.published.Format(time.RFC3339Nano),
		"credits": map[string]any{"by": a.authors}, "taxonomy": map[string]any{"primary_section": map[string]string{"name": a.section, "_id": "/" + strings.ToLower(a.section)}},
		"content_elements": elems}, "related": &related}
	data, _ := json.Marshal(state)
	for size := len(data); size < kb<<10; {
		h, p := pb.headline()
		o := pb.other()
		item := map[string]any{"_id": pb.id(26), "type": "story", "canonical_url": p, "headlines": map[string]string{"basic": h},
			"description": map[string]string{"basic": teaser(o, 25)}, "display_date": o.published.Format(time.RFC3339Nano),
			"promo_items": map[string]any{"basic": map[string]any{"type": "image", "url": "https://" + pb.st.host + "/resizer/" + pb.id(28) + ".jpg", "width": 1920, "height": 1080, "caption": esc(pb.pick(captions)),
				"resized_params": map[string]string{"158x89": pb.id(28), "274x154": pb.id(28), "377x212": pb.id(28), "800x450": pb.id(28)}}},
			"taxonomy": map[string]any{"sections": []map[string]string{{"name": pb.pick(sections)}}, "tags": []map[string]string{{"text": pb.pick(topics)}, {"text": pb.pick(topics)}}}}
		d, _ := json.Marshal(item)
		size += len(d) + 1
		related = append(related, item)
	}
	data, _ = json.Marshal(state)
	return data
}
