package fullsize

import (
	"fmt"
	"strings"
	"time"
)

// renderTrade dresses a story as a trade publication on WordPress: an
// entry-content div with inline "Related" boxes, sponsored blocks and an
// author box.
func renderTrade(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(55)) + `<link rel='stylesheet' id='wp-block-library-css' href='https://www.freightlinedaily.com/wp-includes/css/dist/block-library/style.min.css?ver=6.4.2' media='all' />`
	body := `<div id="page" class="site"><header id="masthead" class="site-header">` + pb.megaMenu("main-navigation", 10) + `</header><div class="ticker-bar">` + pb.rail("ticker", "Market Update", 6) + `</div>` +
		`<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main"><article class="post type-post status-publish format-standard has-post-thumbnail hentry">` +
		fmt.Sprintf(`<header class="entry-header"><span class="cat-links"><a href="/category/%s/" rel="category tag">%s</a></span><h1 class="entry-title">%s</h1><div class="entry-meta"><span class="byline">by <span class="author vcard">%s</span></span> <span class="posted-on"><time class="entry-date published" datetime="%s">%s</time></span></div></header>`,
			slug(a.section), a.section, esc(a.title), pb.authorLinks("url fn n"), a.published.Format(time.RFC3339), dateLine(a.published)) +
		pb.share() + `<div class="entry-content single-content">` +
		pb.body(markup{p: "<p>%s</p>", h: `<h2 class="wp-block-heading">%s</h2>`, quote: `<blockquote class="wp-block-quote"><p>%s</p></blockquote>`, ulOpen: `<ul class="wp-block-list">`, ulClose: "</ul>", li: "<li>%s</li>",
			ad: func(i int) string {
				return fmt.Sprintf(`<div class="wp-block-group sponsored-content"><span class="sponsored-label">Sponsored</span><p><a href="/sponsored/%s/">%s</a></p></div>`, pb.id(8), esc(pb.pick(sponsored)))
			}, adEvery: 5,
			related: func(heads []string) string {
				var b strings.Builder
				b.WriteString(`<div class="wp-block-group related-box"><p><strong>Related:</strong></p><ul>`)
				for _, h := range heads {
					fmt.Fprintf(&b, `<li><a href="/%s/">%s</a></li>`, slug(h), esc(h))
				}
				b.WriteString("</ul></div>")
				return b.String()
			}, figure: pb.figure("wp-block-image size-large"), pull: pullQuote("wp-block-pullquote"), newsletter: newsletterBox("newsletter-inline")}) +
		`</div><div class="author-box"><h3>About the author</h3><p>` + esc(strings.Join(a.authors, " and ")) + ` covers trucking, rail and ports for FreightLine Daily. Before joining FreightLine, they reported on logistics for a decade.</p></div></article>` +
		pb.rail("related-posts", "You might also like", 9) + `</main></div><aside id="secondary" class="widget-area">` + pb.rail("widget popular-posts", "Most Popular", 10) + pb.rail("widget webinars", "Upcoming Webinars", 5) + `</aside></div>` +
		pb.footer("site-footer") + `</div><script id="wp-data">var freightlineData=` + string(pb.stateBlob(pb.kb(60))) + `;</script>` + pb.scripts(pb.kb(45))
	return page(`lang="en-US"`, head, body)
}

var sponsored = []string{"How shippers are cutting detention costs with real-time visibility", "Webinar: Building a resilient cold chain in 2025", "Why mid-size carriers are switching to digital freight matching", "Report: The state of warehouse automation"}

// renderWordPress dresses a post as a WordPress blog: sidebar widgets,
// Jetpack share and related posts, and a long comment thread.
func renderWordPress(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(40)) + `<script id="jetpack-stats">var _stq=window._stq||[];_stq.push(["view",{v:'ext',blog:'112233',post:'4412',tz:'-5',srv:'policynotes.blog'}]);</script>`
	var archives strings.Builder
	archives.WriteString(`<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>`)
	for m := range 72 {
		d := a.published.AddDate(0, -m, 0)
		fmt.Fprintf(&archives, `<li><a href="/%s/">%s</a>&nbsp;(%d)</li>`, d.Format("2006/01"), d.Format("January 2006"), 1+pb.r.IntN(14))
	}
	archives.WriteString("</ul></section>")
	body := `<div id="page" class="hfeed site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Policy Notes</a></p><p class="site-description">Notes on regulation, trade and the people who make it</p>` + pb.megaMenu("main-navigation", 6) + `</header>` +
		`<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main"><article id="post-4412" class="post-4412 post type-post status-publish format-standard hentry category-` + slug(a.section) + `">` +
		fmt.Sprintf(`<header class="entry-header"><h1 class="entry-title">%s</h1><div class="entry-meta"><span class="posted-on">Posted on <a href="%s" rel="bookmark"><time class="entry-date published" datetime="%s">%s</time></a></span><span class="byline"> by <span class="author vcard">%s</span></span></div></header>`,
			esc(a.title), pb.url, a.published.Format(time.RFC3339), a.published.Format("January 2, 2006"), pb.authorLinks("url fn n")) +
		`<div class="entry-content">` +
		pb.body(markup{p: "<p>%s</p>", h: "<h3>%s</h3>", quote: "<blockquote><p>%s</p></blockquote>", ulOpen: "<ul>", ulClose: "</ul>", li: "<li>%s</li>",
			related: pb.relatedBox("wp-related-inline", "Read also"), figure: pb.figure("wp-caption aligncenter"), pull: pullQuote("pullquote"), newsletter: newsletterBox("jetpack-subscribe")}) +
		`<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>` + pb.share() + `</div><div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>` + pb.rail("jp-relatedposts-items", "", 3) + `</div></div>` +
		`<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/` + slug(a.section) + `/">` + a.section + `</a></span> <span class="tags-links">Tagged <a href="/tag/regulation/">regulation</a>, <a href="/tag/trade/">trade</a></span></footer></article>` +
		`<nav class="navigation post-navigation"><div class="nav-previous"><a href="/previous/">` + esc(pb.other().title) + `</a></div><div class="nav-next"><a href="/next/">` + esc(pb.other().title) + `</a></div></nav>` +
		pb.comments(40) + `<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p><form><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>` +
		`</main></div><aside id="secondary" class="widget-area">` + pb.rail("widget widget_recent_entries", "Recent Posts", 10) + archives.String() + `</aside></div>` + pb.footer("site-footer") + `</div>` + pb.scripts(pb.kb(50))
	return page(`lang="en-US"`, head, body)
}

// renderGov dresses a press release as a federal department's Drupal
// site on the U.S. Web Design System: the official-site banner, a mega
// menu, a field--name-body div and Drupal settings JSON.
func renderGov(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(45))
	body := `<a class="usa-skipnav" href="#main-content">Skip to main content</a><section class="usa-banner" aria-label="Official website of the United States government"><div class="usa-accordion"><header class="usa-banner__header"><p class="usa-banner__header-text">An official website of the United States government</p><button class="usa-accordion__button usa-banner__button">Here’s how you know</button></header>` +
		`<div class="usa-banner__content"><p><strong>Official websites use .gov</strong><br>A <strong>.gov</strong> website belongs to an official government organization in the United States.</p><p><strong>Secure .gov websites use HTTPS</strong><br>A lock or https:// means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.</p></div></div></section>` +
		`<header class="usa-header usa-header--extended">` + pb.megaMenu("usa-nav", 9) + `</header><main id="main-content"><div class="grid-container"><div class="usa-layout-docs"><nav class="usa-breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/press-releases">Press Releases</a></li></ol></nav>` +
		fmt.Sprintf(`<div class="usa-layout-docs__main"><article class="node node--type-press-release"><h1 class="page-title">%s</h1><div class="press-release-date"><time datetime="%s">%s</time></div><div class="field field--name-field-release-type">FOR IMMEDIATE RELEASE</div>`,
			esc(a.title), a.published.Format(time.RFC3339), a.published.Format("Monday, January 2, 2006")) +
		`<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">` +
		pb.body(markup{p: "<p>%s</p>", h: "<h2>%s</h2>", quote: "<blockquote><p>%s</p></blockquote>", ulOpen: "<ul>", ulClose: "</ul>", li: "<li>%s</li>",
			related: pb.relatedBox("related-releases", "Related releases"), figure: pb.figure("media-image"), pull: pullQuote("pull"), newsletter: newsletterBox("govdelivery-signup")}) +
		`</div><div class="field field--name-field-contact"><h2>Media Contact</h2><p>Office of Public Affairs, (202) 482-4883, publicaffairs@doc.gov</p></div>` +
		`<div class="field field--name-field-bureau"><strong>Bureaus:</strong> <a href="/bureaus-and-offices/os">Office of the Secretary</a></div>` +
		`<div class="field field--name-field-topics"><strong>Topics:</strong> <a href="/tags/trade">Trade</a>, <a href="/tags/economic-development">Economic Development</a></div></article></div>` +
		`<aside class="usa-layout-docs__sidenav">` + pb.rail("usa-sidenav", "Recent Press Releases", 10) + `</aside></div></div></main>` +
		`<footer class="usa-footer usa-footer--big">` + pb.footer("usa-footer__primary-section") + `<div class="usa-identifier"><p>U.S. Department of Commerce, 1401 Constitution Ave NW, Washington, DC 20230</p><ul><li><a href="/about">About Commerce</a></li><li><a href="/foia">FOIA Requests</a></li><li><a href="/no-fear">No FEAR Act Data</a></li><li><a href="https://oig.doc.gov">Office of the Inspector General</a></li><li><a href="https://www.usa.gov">USA.gov</a></li></ul></div></footer>` +
		`<script type="application/json" data-drupal-selector="drupal-settings-json">` + string(pb.stateBlob(pb.kb(25))) + `</script>` + pb.scripts(pb.kb(20))
	return page(`lang="en" dir="ltr"`, head, body)
}

// renderGuardian dresses a story as a British newspaper's rendering tier:
// dcr- classes, rich links as asides, gu-island props and a large
// window.guardian config.
func renderGuardian(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(true) + pb.css(pb.kb(70)) + `<script>window.guardian = ` + string(pb.stateBlob(pb.kb(220))) + `;</script>`
	island := func(name string) string {
		return fmt.Sprintf(`<gu-island name="%s" priority="feature" deferuntil="visible" props="{&quot;contentType&quot;:&quot;Article&quot;,&quot;sectionId&quot;:&quot;%s&quot;,&quot;id&quot;:&quot;%s&quot;}"></gu-island>`, name, strings.ToLower(a.section), pb.id(20))
	}
	body := `<div id="bannerandheader"><header data-component="nav4">` + pb.megaMenu("dcr-1f1a1xj", 15) + `</header></div>` + island("SupportTheG") +
		`<main data-layout="StandardLayout"><article class="dcr-1g4t3w1"><div class="dcr-xs8kb4" data-gu-name="headline">` +
		fmt.Sprintf(`<h1 class="dcr-y70mar">%s</h1></div><div data-gu-name="standfirst" class="dcr-1yi1cnj"><p>%s</p></div><div data-gu-name="meta" class="dcr-1eyn1o3"><address aria-label="Contributor info"><div class="dcr-1cfpnlw">%s</div></address><details class="dcr-1fgpbnj"><summary><span class="dcr-u0h1qy">%s</span></summary></details></div>`,
			esc(a.title), esc(teaser(a, 25)), pb.authorLinks("dcr-ec8fbz"), a.published.Format("Mon 2 Jan 2006 15.04 MST")) +
		island("ShareButton") +
		`<div class="article-body-commercial-selector article-body-viewer-selector dcr-fp1ya" id="maincontent">` +
		pb.body(markup{p: `<p class="dcr-s23rjr">%s</p>`, h: `<h2 class="dcr-1qmu6i0">%s</h2>`, quote: `<blockquote class="dcr-zzndwp"><p>%s</p></blockquote>`,
			ulOpen: `<ul class="dcr-1hwr7wm">`, ulClose: "</ul>", li: "<li>%s</li>",
			ad: func(i int) string {
				return fmt.Sprintf(`<div id="dfp-ad--inline%d" class="ad-slot ad-slot--inline ad-slot--container-inline" data-link-name="ad slot inline%d" aria-hidden="true"></div>`, i+1, i+1)
			}, adEvery: 5,
			related: func(heads []string) string {
				var b strings.Builder
				for _, h := range heads {
					fmt.Fprintf(&b, `<aside data-spacefinder-role="richLink" class="dcr-11ra563"><div data-component="rich-link" class="dcr-1xjndtj"><div class="dcr-1kb7ajy">%s</div><a href="/%s">Read more</a></div></aside>`, esc(h), slug(h))
				}
				return b.String()
			}, figure: pb.figure("dcr-1ihc4qo"), pull: pullQuote("dcr-pq"), newsletter: func(string) string { return island("EmailSignUpWrapper") }}) +
		`</div>` + island("SlotBodyEnd") + `</article>` + pb.rail("dcr-onward", "More on this story", 12) + pb.rail("dcr-most-viewed", "Most viewed", 10) + `</main>` +
		pb.footer("dcr-footer") + pb.scripts(pb.kb(40))
	return page(`lang="en" data-theme="news"`, head, body)
}

// renderFinance dresses a story as a financial news site: the
// ArticleBody group divs, a quote strip and a large state blob.
func renderFinance(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(60))
	var quotes strings.Builder
	quotes.WriteString(`<div class="MarketsBanner-container"><ul class="MarketsBanner-list">`)
	for _, s := range []string{"DOW", "S&P 500", "NASDAQ", "RUSSELL 2000", "VIX", "GOLD", "OIL", "10Y YIELD", "EUR/USD", "BITCOIN"} {
		fmt.Fprintf(&quotes, `<li class="MarketCard-container"><a href="/quotes/%s"><span class="MarketCard-symbol">%s</span><span class="MarketCard-stockPosition">%d.%02d</span><span class="MarketCard-changesPct">%+.2f%%</span></a></li>`, slug(s), esc(s), 1000+pb.r.IntN(40000), pb.r.IntN(100), pb.r.Float64()*4-2)
	}
	quotes.WriteString("</ul></div>")
	body := `<div id="root"><header class="GlobalNavigation">` + pb.megaMenu("GlobalNavigation-menu", 12) + `</header>` + quotes.String() +
		`<div class="PageBuilder-pageWrapper"><div class="ArticleHeader-wrapper">` +
		fmt.Sprintf(`<a class="ArticleHeader-eyebrow" href="/%s/">%s</a><h1 class="ArticleHeader-headline">%s</h1><div class="ArticleHeader-time"><time data-testid="published-timestamp" datetime="%s">Published %s</time></div></div>`,
			slug(a.section), a.section, esc(a.title), a.published.Format(time.RFC3339), dateLine(a.published)) +
		`<div class="ArticleBody-byline"><div class="Author-authorNameAndSocial">` + pb.authorLinks("Author-authorName") + `</div></div>` + pb.share() +
		`<div class="ArticleBody-articleBody" id="RegularArticle-ArticleBody-5" data-module="ArticleBody" data-test="articleBody-2" data-analytics="RegularArticle-articleBody-5-2">` +
		financeGroups(pb) + `</div><div class="RelatedQuotes-container">` + pb.rail("RelatedQuotes", "Related tickers", 4) + `</div>` +
		pb.rail("RecircRail", "Trending Now", 10) + pb.rail("RecircRail", "Latest in "+a.section, 12) + `</div>` + pb.footer("Footer-container") + `</div>` +
		`<script>window.__s_data=` + string(pb.stateBlob(pb.kb(200))) + `;window.__c_data={"apiKey":"` + pb.id(32) + `"};</script>` + pb.scripts(pb.kb(60))
	return page(`lang="en" prefix="og: https://ogp.me/ns#"`, head, body)
}

// financeGroups splits the body into group divs of three blocks with an
// inline ad box between groups.
func financeGroups(pb *pageBuilder) string {
	parts := strings.Split(pb.body(markup{p: "<p>%s</p>", h: `<h2><span class="ArticleBody-subtitle">%s</span></h2>`, quote: `<blockquote class="ArticleBody-blockquote"><p>%s</p></blockquote>`,
		ulOpen: "<ul>", ulClose: "</ul>", li: "<li>%s</li>", related: pb.relatedBox("RelatedContent-container", "WATCH NOW"),
		figure: pb.figure("InlineImage-imageEmbed"), pull: pullQuote("ArticleBody-pullQuote"), newsletter: newsletterBox("NewsletterSignup-inline")}), "\n")
	var b strings.Builder
	for i := 0; i < len(parts); i += 3 {
		fmt.Fprintf(&b, `<div class="group">%s</div>`, strings.Join(parts[i:min(i+3, len(parts))], ""))
		if i+3 < len(parts) {
			fmt.Fprintf(&b, `<div class="InlineAd-container"><div class="BoxInline-container" id="BoxInline-ArticleBody-%d" data-module="BoxInline"></div><div class="ad-label">ADVERTISEMENT</div></div>`, i/3)
		}
	}
	return b.String()
}
