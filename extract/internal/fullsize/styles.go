package fullsize

import (
	"fmt"
	"strings"
	"time"
)

// style is one publisher's way of building a page.
type style struct {
	publisher, host string
	render          func(pb *pageBuilder) string
}

var styles = map[string]style{
	"arc":       {"Globe Wire", "www.globewire.com", renderArc},
	"national":  {"The Daily Ledger", "www.dailyledger.com", renderNational},
	"nextjs":    {"The Capital Post", "www.capitalpost.com", renderNext},
	"amp":       {"Metro Tribune", "amp.metrotribune.com", renderAMP},
	"blox":      {"Valley Herald-Courier", "www.valleyheraldcourier.com", renderBlox},
	"gannett":   {"The Lakeshore Register", "www.lakeshoreregister.com", renderGannett},
	"trade":     {"FreightLine Daily", "www.freightlinedaily.com", renderTrade},
	"wordpress": {"Policy Notes", "policynotes.blog", renderWordPress},
	"gov":       {"U.S. Department of Commerce", "www.commerce.gov", renderGov},
	"guardian":  {"The Northern Standard", "www.northernstandard.co.uk", renderGuardian},
	"finance":   {"Market Desk", "www.marketdesk.com", renderFinance},
}

// kb varies a furniture size by ±30% per page.
func (pb *pageBuilder) kb(base int) int { return base * (70 + pb.r.IntN(61)) / 100 }

func page(htmlAttr, head, body string) string {
	return "<!DOCTYPE html>\n<html " + htmlAttr + ">\n<head>\n" + head + "</head>\n<body>\n" + body + "</body>\n</html>\n"
}

func (pb *pageBuilder) authorLinks(class string) string {
	var names []string
	for _, a := range pb.a.authors {
		names = append(names, fmt.Sprintf(`<a class="%s" rel="author" href="/authors/%s/">%s</a>`, class, slug(a), esc(a)))
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func dateLine(t time.Time) string { return t.Format("January 2, 2006 3:04 PM MST") }

func (pb *pageBuilder) figure(class string) func(caption, credit string) string {
	return func(caption, credit string) string {
		return fmt.Sprintf(`<figure class="%s"><picture><source srcset="%s"><img src="https://static.%s/img/%s.jpg" alt="%s" width="1200" height="800"></picture><figcaption>%s <span class="credit">%s</span></figcaption></figure>`, class, pb.srcset(), pb.st.host, pb.id(12), esc(caption), esc(caption), esc(credit))
	}
}

func (pb *pageBuilder) relatedBox(class, label string) func(heads []string) string {
	return func(heads []string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<aside class="%s"><h4>%s</h4><ul>`, class, label)
		for _, h := range heads {
			fmt.Fprintf(&b, `<li><a href="/news/%s/">%s</a></li>`, slug(h), esc(h))
		}
		b.WriteString("</ul></aside>")
		return b.String()
	}
}

func newsletterBox(class string) func(string) string {
	return func(string) string {
		return fmt.Sprintf(`<div class="%s"><h3>Get the morning briefing</h3><p>Sign up for our newsletter to get the day's top stories delivered to your inbox every weekday.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form><p class="fine-print">By signing up you agree to our Terms of Use and Privacy Policy.</p></div>`, class)
	}
}

func pullQuote(class string) func(string) string {
	return func(s string) string {
		return fmt.Sprintf(`<aside class="%s"><blockquote>%s</blockquote></aside>`, class, esc(s))
	}
}

// renderArc dresses a wire story as a wire service's Arc XP site does:
// paragraphs are divs, the Fusion state repeats the story as JSON.
func renderArc(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(60))
	body := pb.megaMenu("site-header__nav", 14) + cookieBanner() +
		`<main id="main-content" class="article__main__2a4Vs"><article class="article__container__1fpkS"><header class="article-header__container__3Lm2b">` +
		fmt.Sprintf(`<nav class="article-header__tags"><a href="/%s/">%s</a></nav><h1 data-testid="Heading" class="text__heading_3__1kDhc">%s</h1><div class="article-header__author-date__3O5Dg"><div class="info-content__author-date__1Epi_">By %s</div><time datetime="%s" class="article-header__dateline">%s</time></div></header>`,
			strings.ToLower(a.section), a.section, esc(a.title), pb.authorLinks("author-name__author__1gx5k"), a.published.Format(time.RFC3339), dateLine(a.published)) +
		pb.share() + `<div class="article-body__content__17Yit paywall-article">` +
		pb.body(markup{p: `<div data-testid="paragraph" class="text__text__1FZLe text__dark-grey__3Ml43 text__regular__2N1Xr article-body__paragraph__2-BtD">%s</div>`,
			h: `<h2 class="text__heading_5__1qUJ5">%s</h2>`, quote: `<blockquote class="article-body__quote">%s</blockquote>`,
			ulOpen: `<ul class="article-body__list">`, ulClose: "</ul>", li: "<li>%s</li>", ad: pb.adSlot, adEvery: 5,
			related: pb.relatedBox("related-content__container", "Related Coverage"), figure: pb.figure("article-body__figure"),
			pull: pullQuote("pull-quote"), newsletter: newsletterBox("newsletter-signup")}) +
		`</div><div class="article-body__trust"><p>Our Standards: <a href="/trust-principles/">The Globe Wire Trust Principles.</a></p></div></article>` +
		pb.rail("related-coverage", "Read Next", 12) + pb.rail("more-from", "More from Globe Wire", 16) + `</main>` + pb.footer("site-footer") +
		`<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{};Fusion.arcSite="globewire";Fusion.globalContent=` + string(pb.stateBlob(pb.kb(180))) + `;</script>` + pb.scripts(pb.kb(40))
	return page(`lang="en" dir="ltr"`, head, body)
}

// renderNational dresses a story as a national newspaper: companion
// columns of paragraphs with ad wrappers between them and a large
// preloaded-data script.
func renderNational(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(90))
	body := `<div id="app"><div class="css-1nuro5j"><header class="css-1bymuyk e1m0pzr40">` + pb.megaMenu("css-1d8a290", 18) + `</header>` +
		`<main id="site-content"><article id="story" class="css-1vxca1d e1lmdhsb0"><header class="css-d92ozb e1h9rw200">` +
		fmt.Sprintf(`<p class="css-1g8ncj5 e1lmdhsb1"><a href="/section/%s">%s</a></p><h1 data-testid="headline" class="css-1vkm6nb ehdk2mb0">%s</h1><p id="article-summary" class="css-79rysd e1wiw3jv0">%s</p>`,
			strings.ToLower(a.section), a.section, esc(a.title), esc(teaser(a, 22))) +
		pb.figure("css-1j0ac1n e1mtfb2x0")("", "") +
		fmt.Sprintf(`<div class="css-1x1jxeu"><p class="css-aknsld e1jsehar1" itemprop="author"><span>By %s</span></p><time class="css-1sbuyqj e16638kd3" datetime="%s">%s</time></div></header>`,
			pb.authorLinks("css-n8ff4n e1jsehar0"), a.published.Format(time.RFC3339), dateLine(a.published)) +
		pb.share() + `<section name="articleBody" itemprop="articleBody" class="meteredContent css-1r7ky0e">` +
		nationalColumns(pb) + `</section><div class="bottom-of-article"><div class="css-1sp5tvf"><h2>Site Index</h2></div>` + newsletterBox("css-1jp8hzk")("") + `</div></article>` +
		pb.rail("css-1rgf0gd", "More in "+a.section, 10) + pb.rail("css-11jjg", "Trending in The Daily Ledger", 15) + pb.rail("css-editors", "Editors' Picks", 12) +
		`</main>` + pb.footer("css-1kdb8ig") + `</div></div>` +
		`<script>window.__preloadedData = ` + string(pb.stateBlob(pb.kb(300))) + `;</script>` + pb.scripts(pb.kb(70))
	return page(`lang="en" class="story nytapp-vi-article" xmlns:og="http://opengraphprotocol.org/schema/"`, head, body)
}

// nationalColumns splits the body into companion columns of four blocks
// with an ad wrapper after each.
func nationalColumns(pb *pageBuilder) string {
	parts := strings.Split(pb.body(markup{p: `<p class="css-at9mc1 evys1bk0">%s</p>`, h: `<h2 class="css-1v8hx4y eoo0vm40">%s</h2>`,
		quote: `<blockquote class="css-1x2b6jq"><p class="css-at9mc1 evys1bk0">%s</p></blockquote>`, ulOpen: `<ul class="css-1sjd2rj">`, ulClose: "</ul>", li: `<li class="css-1bpqk">%s</li>`,
		ad: func(int) string { return "" }, related: pb.relatedBox("css-1ohj4re", "Related"), figure: pb.figure("css-1j0ac1n"),
		pull: pullQuote("css-pullquote"), newsletter: newsletterBox("css-1jp8hzk")}), "\n")
	var b strings.Builder
	for i := 0; i < len(parts); i += 4 {
		fmt.Fprintf(&b, `<div class="css-s99gbd StoryBodyCompanionColumn" data-testid="companionColumn-%d"><div class="css-53u6y8">%s</div><aside class="css-ew4tgv" aria-label="companion column"></aside></div>`, i/4, strings.Join(parts[i:min(i+4, len(parts))], "\n"))
		fmt.Fprintf(&b, `<div id="story-ad-%d-wrapper" class="css-1ede5it"><div class="ad story-ad-%d-wrapper" data-testid="StandardAd"><div id="story-ad-%d" class="place-ad" data-position="story-ad-%d"></div><div class="css-ad-label">Advertisement</div><a href="#after-story-ad-%d" class="css-1ly73wi e1xdw5350">SKIP ADVERTISEMENT</a></div></div>`, i/4, i/4, i/4, i/4, i/4)
	}
	return b.String()
}

// renderNext dresses a story as a Next.js site: hashed CSS-module class
// names and a __NEXT_DATA__ blob that repeats the whole story.
func renderNext(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(true) + `<link rel="stylesheet" href="/_next/static/css/` + pb.id(16) + `.css">` + pb.css(pb.kb(30))
	for range 12 {
		head += `<link rel="preload" href="/_next/static/chunks/` + pb.id(20) + `.js" as="script">` + "\n"
	}
	next := fmt.Sprintf(`{"props":{"pageProps":{"story":%s,"isAmp":false,"siteConfig":{"name":%q}},"__N_SSP":true},"page":"/[...slug]","query":{"slug":[%q]},"buildId":"%s","isFallback":false,"gssp":true,"scriptLoader":[]}`,
		pb.stateBlob(pb.kb(260)), pb.st.publisher, strings.Trim(a.path, "/"), pb.id(21))
	body := `<div id="__next"><div class="layout_wrapper__R2xTq">` + `<header class="header_header__9Kd1z">` + pb.megaMenu("nav_nav__Xk2Pq", 12) + `</header>` +
		`<main class="layout_main__3mEYo"><article class="article_article__hT5Vz"><div class="headline_kicker__wq3Pz">` + a.section + `</div>` +
		fmt.Sprintf(`<h1 class="headline_headline__9xq2P" data-qa="headline">%s</h1><div class="byline_byline__Xd1Qz" data-qa="author-name">By %s</div><div class="timestamp_timestamp__Qm2pL"><span data-testid="display-date">%s</span></div>`,
			esc(a.title), pb.authorLinks("byline_link__Hh3dP"), dateLine(a.published)) +
		pb.share() + `<div class="article-body_body__ASOmp grid-body" data-qa="article-body">` +
		pb.body(markup{p: `<p class="paragraph_paragraph__kkvHu font--body" data-el="text" dir="null">%s</p>`, h: `<h3 class="subhead_subhead__P2z8a">%s</h3>`,
			quote: `<blockquote class="quote_quote__Zr8Qa"><p>%s</p></blockquote>`, ulOpen: `<ul class="list_list__M1kPz">`, ulClose: "</ul>", li: `<li>%s</li>`,
			ad: func(i int) string {
				return fmt.Sprintf(`<div class="ad_wrapper__Lq8sT" data-testid="ad-%d"><div class="ad_label__Zz0kE">Advertisement</div><div id="slug_inline_%d"></div></div>`, i, i)
			}, adEvery: 4,
			related: pb.relatedBox("related_related__Vb2Yx", "Related"), figure: pb.figure("figure_figure__Pp9aZ"), pull: pullQuote("pullquote_pq__T4kLm"),
			newsletter: newsletterBox("newsletter_box__Ww6Fv")}) +
		`</div></article>` + pb.rail("rail_rail__Ab3Cd", "Most Read", 10) + pb.rail("rail_rail__Ab3Cd", "Top Stories", 14) + `</main>` + pb.footer("footer_footer__Pq2Zx") + `</div></div>` +
		`<script id="__NEXT_DATA__" type="application/json">` + next + `</script>` + pb.scripts(pb.kb(50))
	return page(`lang="en"`, head, body)
}

// renderAMP dresses a story as an AMP page: custom CSS in the head, a
// sidebar menu, amp-img and amp-ad elements and analytics JSON.
func renderAMP(pb *pageBuilder) string {
	a := pb.a
	css := pb.css(pb.kb(45))
	head := pb.head(false) + `<script async src="https://cdn.ampproject.org/v0.js"></script><script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script><script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script><script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>` +
		`<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}</style>` +
		`<style amp-custom>` + css[len("<style>"):]
	ad := func(i int) string {
		return fmt.Sprintf(`<div class="amp-ad-wrapper"><span class="ad-label">Advertisement</span><amp-ad width="300" height="250" type="doubleclick" data-slot="/2112/metrotribune/amp/%d" data-multi-size="320x50,300x250" data-multi-size-validation="false" json='{"targeting":{"pos":"%d","section":"%s"}}'></amp-ad></div>`, i, i, strings.ToLower(a.section))
	}
	body := `<amp-sidebar id="sidebar" layout="nodisplay" side="left">` + pb.megaMenu("amp-nav", 12) + `</amp-sidebar><header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/"><amp-img src="/logo.svg" width="180" height="32" alt="Metro Tribune"></amp-img></a></header>` +
		`<main><article class="amp-article"><h1 class="amp-headline">` + esc(a.title) + `</h1>` +
		fmt.Sprintf(`<div class="amp-byline">By <span class="author">%s</span> | <time datetime="%s">%s</time></div>`, strings.Join(a.authors, " and "), a.published.Format(time.RFC3339), dateLine(a.published)) +
		fmt.Sprintf(`<amp-img src="https://static.%s/img/%s.jpg" width="1200" height="675" layout="responsive" alt=""></amp-img>`, pb.st.host, pb.id(12)) + ad(0) +
		`<div class="article-body amp-body">` + pb.body(markup{p: "<p>%s</p>", h: "<h2>%s</h2>", quote: "<blockquote>%s</blockquote>", ulOpen: "<ul>", ulClose: "</ul>", li: "<li>%s</li>",
		ad: func(i int) string { return ad(i + 1) }, adEvery: 6, related: pb.relatedBox("amp-related", "Read more"),
		figure: func(c, cr string) string {
			return fmt.Sprintf(`<figure class="amp-fig"><amp-img src="https://static.%s/img/%s.jpg" width="800" height="533" layout="responsive" alt="%s"></amp-img><figcaption>%s %s</figcaption></figure>`, pb.st.host, pb.id(12), esc(c), esc(c), esc(cr))
		}, pull: pullQuote("amp-pull"), newsletter: newsletterBox("amp-newsletter")}) + `</div></article>` +
		pb.rail("amp-rail", "Trending Now", 12) + `</main>` + pb.footer("amp-footer") +
		`<amp-analytics type="googleanalytics"><script type="application/json">` + string(pb.stateBlob(pb.kb(40))) + `</script></amp-analytics>`
	return page(`⚡ lang="en"`, head, body)
}

// renderBlox dresses a story as a regional paper on TownNews BLOX:
// asset-body paragraphs, tncms ad regions and a big sidebar.
func renderBlox(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(70))
	region := func(i int) string {
		return fmt.Sprintf(`<div id="tncms-region-article_instory_%d" class="tncms-region hidden-print"><div id="tncms-block-%d" class="tncms-block"><div class="tnt-ads-container"><div id="tnt-ad-%d" class="tnt-ads dfp-ad"></div></div></div></div>`, i, 600000+i, i)
	}
	body := `<div id="site-container"><header id="site-header">` + pb.megaMenu("navbar-nav", 16) + `</header>` +
		`<div id="main-page-container" class="container"><div class="row"><div class="col-md-8"><article itemscope itemtype="http://schema.org/NewsArticle" class="asset card">` +
		fmt.Sprintf(`<header class="asset-header"><h1 class="headline" itemprop="headline"><span class="tnt-headline">%s</span></h1><div class="meta"><span class="tnt-byline">%s</span> <time datetime="%s" class="tnt-date asset-date">%s</time></div></header>`,
			esc(a.title), "By "+strings.Join(a.authors, " and ")+" Staff Writer", a.published.Format(time.RFC3339), dateLine(a.published)) +
		pb.share() + `<div class="asset-content subscriber-premium" itemprop="articleBody"><div id="article-body" class="asset-body">` +
		pb.body(markup{p: "<p>%s</p>", h: "<h3>%s</h3>", quote: "<blockquote><p>%s</p></blockquote>", ulOpen: "<ul>", ulClose: "</ul>", li: "<li>%s</li>",
			ad: region, adEvery: 3, related: pb.relatedBox("related-headlines hidden-print", "Related to this story"), figure: pb.figure("photo-container"),
			pull: pullQuote("tnt-pullquote"), newsletter: newsletterBox("tnt-newsletter-signup")}) +
		`</div></div><div class="asset-tags"><ul class="list-inline"><li><a href="/search/?k=` + slug(a.section) + `">` + a.section + `</a></li></ul></div></article>` +
		pb.rail("related-content", "Related to this story", 8) + pb.comments(12) + `</div><aside class="col-md-4">` + pb.rail("tnt-most-read", "Most Popular", 10) + pb.rail("tnt-latest", "Latest Local News", 15) + `</aside></div></div>` +
		pb.footer("site-footer") + `</div><script type="application/json" id="tncms-settings">` + string(pb.stateBlob(pb.kb(90))) + `</script>` + pb.scripts(pb.kb(60))
	return page(`lang="en-US"`, head, body)
}

// renderGannett dresses a story as a regional chain paper: gnt_ classes,
// aside embeds for ads and related links between paragraphs.
func renderGannett(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(50))
	body := `<div class="gnt_n">` + pb.megaMenu("gnt_n_mn", 12) + `</div><main class="gnt_cw"><article class="gnt_pr">` +
		fmt.Sprintf(`<h1 class="gnt_ar_hl" elementtiming="ar-headline">%s</h1><div class="gnt_ar_by"><a class="gnt_ar_by_a gnt_ar_by_a__fi" href="/staff/%s/">%s</a><div class="gnt_ar_by_j">%s</div></div><div class="gnt_ar_dt" aria-label="Published: %s">Published %s</div>`,
			esc(a.title), slug(strings.Join(a.authors, "-")), esc(strings.Join(a.authors, ", ")), esc(pb.st.publisher), dateLine(a.published), dateLine(a.published)) +
		`<div class="gnt_ar_b" aria-label="Article body">` +
		pb.body(markup{p: `<p class="gnt_ar_b_p">%s</p>`, h: `<h2 class="gnt_ar_b_h2">%s</h2>`, quote: `<blockquote class="gnt_ar_b_bq">%s</blockquote>`,
			ulOpen: `<ul class="gnt_ar_b_ul">`, ulClose: "</ul>", li: `<li class="gnt_ar_b_ul_li">%s</li>`,
			ad: func(i int) string {
				return fmt.Sprintf(`<aside class="gnt_em gnt_em_vp__tp" aria-label="advertisement" data-g-r="lazy" id="gnt_ad_%d"></aside>`, i)
			}, adEvery: 3, related: pb.relatedBox("gnt_em gnt_em__el", "More:"), figure: pb.figure("gnt_em gnt_em_img"),
			pull: pullQuote("gnt_em_pq"), newsletter: newsletterBox("gnt_em gnt_em_nl")}) +
		`</div></article>` + pb.rail("gnt_sb", "Popular Stories", 10) + pb.rail("gnt_m_he", "Latest News", 12) + `</main>` + pb.footer("gnt_f") +
		`<script>window.gnt_config=` + string(pb.stateBlob(pb.kb(110))) + `;</script>` + pb.scripts(pb.kb(50))
	return page(`lang="en-US"`, head, body)
}
