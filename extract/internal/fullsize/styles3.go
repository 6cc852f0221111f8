package fullsize

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

func init() {
	styles["bbc"] = style{"The Broadcast News", "www.broadcastnews.co.uk", renderBBC}
	styles["substack"] = style{"Rate Watch", "ratewatch.substack.com", renderSubstack}
	styles["yahoo"] = style{"Portal News", "news.portal.com", renderPortal}
}

// renderBBC dresses a story as a public broadcaster's React site: every
// paragraph in its own text-block component, headline and byline blocks,
// and the page state as a JSON string inside a script.
func renderBBC(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(80))
	block := func(kind, inner string) string {
		return fmt.Sprintf(`<div data-component="%s" class="ssrcss-%s-ComponentWrapper"><div class="ssrcss-%s-GridItem">%s</div></div>`, kind, pb.id(6), pb.id(6), inner)
	}
	m := markup{
		p:      block("text-block", `<div class="ssrcss-7uxr49-RichTextContainer e5tfeyi1"><p class="ssrcss-1q0x1qg-Paragraph e1jhz7w10">%s</p></div>`),
		h:      block("subheadline-block", `<h2 class="ssrcss-y9ybpi-StyledHeading e10rt3ze0">%s</h2>`),
		quote:  block("text-block", `<blockquote class="ssrcss-quote"><p>%s</p></blockquote>`),
		ulOpen: `<div data-component="unordered-list-block"><ul class="ssrcss-list">`, ulClose: "</ul></div>", li: `<li class="ssrcss-li">%s</li>`,
		related: func(heads []string) string {
			var b strings.Builder
			b.WriteString(`<div data-component="links-block"><h2>More on this story</h2><ul>`)
			for _, h := range heads {
				fmt.Fprintf(&b, `<li><a href="/news/%s">%s</a></li>`, slug(h), esc(h))
			}
			b.WriteString("</ul></div>")
			return b.String()
		},
		figure: func(caption, credit string) string {
			return fmt.Sprintf(`<div data-component="image-block"><figure class="ssrcss-wpgbih-StyledFigure"><div class="ssrcss-ab5fd8-StyledFigureContainer"><span class="ssrcss-copyright">%s</span><img src="https://ichef.%s/news/976/cpsprodpb/%s.jpg" srcset="%s" alt="%s" loading="lazy"></div><figcaption class="ssrcss-1s5w4ym-Caption"><span class="ssrcss-1ewu4ck-VisuallyHidden">Image caption, </span>%s</figcaption></figure></div>`, esc(credit), pb.st.host, pb.id(12), pb.srcset(), esc(caption), esc(caption))
		},
		pull: pullQuote("ssrcss-pull"), newsletter: newsletterBox("ssrcss-newsletter"),
		ad: func(i int) string {
			return fmt.Sprintf(`<div data-component="ad-slot"><div id="dotcom-mpu-%d" class="dotcom-ad"></div></div>`, i)
		},
	}
	state, _ := json.Marshal(string(pb.stateBlob(pb.kb(200))))
	body := `<div id="__next"><div class="ssrcss-1ocoo3l-Wrap"><header data-testid="header-content">` + pb.megaMenu("ssrcss-nav", 16) + `</header>` +
		`<div id="main-wrapper" class="ssrcss-1q0x1qg"><main id="main-content" class="ssrcss-1ocoo3l"><article class="ssrcss-pv1rh6-ArticleWrapper">` +
		block("headline-block", `<h1 id="main-heading" type="headline" tabindex="-1" class="ssrcss-15xko80-StyledHeading">`+esc(a.title)+`</h1>`) +
		block("byline-block", fmt.Sprintf(`<div class="ssrcss-68pt20-Text-TextContributorName">By %s</div><div class="ssrcss-84ltp5-Text">Business reporter</div>`, esc(strings.Join(a.authors, " & ")))) +
		block("metadata-block", fmt.Sprintf(`<time data-testid="timestamp" datetime="%s">%s</time>`, a.published.UTC().Format("2006-01-02T15:04:05.000Z"), a.published.Format("2 January 2006"))) +
		pb.body(m) +
		`<div data-component="tag-list"><div class="ssrcss-1szabdv-StyledTagContainer"><h2>Related Topics</h2><ul><li><a href="/news/topics/energy">Energy</a></li><li><a href="/news/topics/climate">Climate change</a></li><li><a href="/news/topics/homes">Household energy bills</a></li></ul></div></div></article>` +
		`<div data-component="top-stories">` + pb.rail("ssrcss-top-stories", "Top Stories", 8) + `</div><div data-component="features">` + pb.rail("ssrcss-features", "Features", 12) + `</div>` +
		`<div data-component="most-read">` + pb.rail("ssrcss-most-read", "Most Read", 10) + `</div></main></div>` + pb.footer("ssrcss-footer") + `</div></div>` +
		`<script>window.__INITIAL_DATA__=` + string(state) + `;</script>` + pb.scripts(pb.kb(40))
	return page(`lang="en-GB" class="no-js"`, head, body)
}

// renderSubstack dresses a post as a newsletter platform does: a "body
// markup" div with a subscription form inside the text, like and share
// buttons, a comment thread and the preloaded state as escaped JSON.
func renderSubstack(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(60))
	subscribe := `<div class="subscription-widget-wrap-editor" data-attrs="{&quot;url&quot;:&quot;https://ratewatch.substack.com/subscribe&quot;}"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">Thanks for reading Rate Watch! Subscribe for free to receive new posts and support my work.</p></div><form class="subscription-widget-subscribe"><input type="email" class="email-input" name="email" placeholder="Type your email…" tabindex="-1"><input type="submit" class="button primary" value="Subscribe"><div class="fake-input-wrapper"><div class="fake-input"></div><div class="fake-button"></div></div></form></div></div>`
	first := true
	m := markup{p: "<p>%s</p>", h: `<h2 class="header-anchor-post">%s<div class="pencraft header-anchor-parent"><div class="header-anchor-widget offset-top"><button aria-label="Link">` + pb.svg("link") + `</button></div></div></h2>`,
		quote: "<blockquote><p>%s</p></blockquote>", ulOpen: "<ul>", ulClose: "</ul>", li: "<li><p>%s</p></li>",
		related: pb.relatedBox("embedded-post-wrap", "Related posts"), figure: pb.figure("captioned-image-container"), pull: pullQuote("pullquote"),
		newsletter: func(string) string { return subscribe },
		ad: func(int) string {
			if first {
				first = false
				return subscribe
			}
			return ""
		}, adEvery: 6}
	preloads, _ := json.Marshal(string(pb.stateBlob(pb.kb(150))))
	body := `<div id="entry"><div id="main" class="main typography use-theme-bg"><div class="topbar-content"><a href="/" class="navbar-title-link">Rate Watch</a><div class="navbar-buttons"><button class="button primary subscribe-btn">Subscribe</button><button class="button sign-in-btn">Sign in</button></div></div>` +
		`<div class="single-post-container"><div class="container"><div class="single-post"><article class="typography newsletter-post post">` +
		fmt.Sprintf(`<div class="post-header"><h1 class="post-title published display">%s</h1><h3 class="subtitle">%s</h3><div class="post-meta"><div class="pencraft pc-display-flex"><a href="https://substack.com/@%s" class="pencraft pc-reset">%s</a></div><div class="pencraft pc-reset color-pub-secondary-text-hGQ02T">%s</div></div></div>`,
			esc(a.title), esc(teaser(a, 14)), slug(strings.Join(a.authors, "")), esc(strings.Join(a.authors, ", ")), a.published.Format("Jan 2, 2006")) +
		`<div class="available-content"><div dir="auto" class="body markup">` + pb.body(m) + `</div></div>` +
		`<div class="post-footer"><div class="like-button-container"><button class="like-button">` + pb.svg("heart") + `<span class="label">42</span></button></div><button class="post-ufi-button comment">` + pb.svg("comment") + `<span>17</span></button><button class="post-ufi-button share">` + pb.svg("share") + `<span>Share</span></button></div>` +
		subscribe + `</article></div></div></div>` + pb.comments(17) + pb.rail("portable-archive-list", "Recent posts", 12) + pb.footer("footer-wrap") + `</div></div>` +
		`<script>window._preloads = JSON.parse(` + string(preloads) + `)</script>` + pb.scripts(pb.kb(60))
	return page(`lang="en"`, head, body)
}

// renderPortal dresses a syndicated story as a news portal does: the
// provider's logo above a caas-body of paragraphs, ad slots, a "Story
// continues" button, and a recommended stream.
func renderPortal(pb *pageBuilder) string {
	a := pb.a
	head := pb.head(false) + pb.css(pb.kb(70))
	m := markup{p: "<p>%s</p>", h: "<h2>%s</h2>", quote: "<blockquote><p>%s</p></blockquote>", ulOpen: `<ul class="caas-list caas-list-bullet">`, ulClose: "</ul>", li: "<li>%s</li>",
		related: pb.relatedBox("caas-related", "Related"), figure: pb.figure("caas-figure"), pull: pullQuote("caas-pull"), newsletter: newsletterBox("caas-newsletter"),
		ad: func(i int) string {
			if i == 1 {
				return `<div class="caas-readmore caas-readmore-collapse"><button aria-label="Story continues" class="link rapid-noclick-resp caas-button collapse-button">Story continues</button></div>`
			}
			return fmt.Sprintf(`<div class="caas-da"><div id="defaultINARTICLE-%d" class="ad-slot" data-slot="INARTICLE"></div></div>`, i)
		}, adEvery: 4}
	body := `<div id="wafer-megamenu">` + pb.megaMenu("_yb_megamenu", 14) + `</div><div id="module-article" class="caas-container"><div class="caas-content-wrapper"><article class="caas-container" data-uuid="` + pb.id(32) + `">` +
		`<header class="caas-header"><div class="caas-logo"><a href="https://www.example-provider.com" class="link caas-attr-provider-logo"><img src="https://s.yimg.com/cv/apiv2/provider/logo.png" alt="Provider"></a></div>` +
		fmt.Sprintf(`<div class="caas-title-wrapper"><h1 data-test-locator="headline">%s</h1></div></header><div class="caas-attr"><div class="caas-attr-item-author"><span class="caas-author-byline-collapse">%s</span></div><div class="caas-attr-time-style"><time class="" datetime="%s">%s</time><span class="caas-attr-mins-read"> · 4 min read</span></div></div>`,
			esc(a.title), esc(strings.Join(a.authors, ", ")), a.published.UTC().Format("2006-01-02T15:04:05.000Z"), a.published.Format("Mon, January 2, 2006 at 3:04 PM MST")) +
		pb.share() + `<div class="caas-body">` + pb.body(m) + `</div></article></div></div>` +
		`<div id="module-recommendedStories">` + pb.rail("stream-items", "Recommended Stories", 20) + `</div>` + pb.footer("_yb_footer") +
		`<script type="application/json" id="caas-art-state">` + string(pb.stateBlob(pb.kb(120))) + `</script>` + pb.scripts(pb.kb(90)) + fmt.Sprintf("<!-- rendered %s -->", time.Unix(0, 0).UTC().Format(time.RFC3339))
	return page(`lang="en-US"`, head, body)
}
