"""Publisher templates: each returns (html, publisher) for one article."""
from generate import *  # noqa: F401,F403  (helpers shared with the generator)
from generate import E, body_blocks, byline, comments, date_text, footer, ld, most_popular, nav, og, page, slug, COOKIE, POPULAR, first_para, strip_tags


def wire(art):
    site = "Globe Wire"
    p = iter(range(1000))
    body = body_blocks(art, p=None or '<p class="text__paragraph" data-testid="paragraph">%s</p>',
                       related=lambda hs: '<div class="related-coverage" data-testid="related"><h4>Related coverage</h4>%s</div>' % "".join('<a href="/x/%s"><span>%s</span></a>' % (slug(h), E(h)) for h in hs),
                       newsletter='<div class="sign-up-promo"><p>Sign up here.</p></div>')
    html = page(og(art, site) + '\n<meta property="article:published_time" content="%s">\n<meta name="author" content="%s">' % (art["published"], ", ".join(art["authors"])),
                '<header class="site-header"><a class="logo" href="/">Globe Wire</a>%s<button class="search">Search</button><a href="/signin">Sign in</a></header>\n'
                '<main id="main-content"><article class="article-wrap">'
                '<nav class="breadcrumb"><a href="/">Home</a> / <a href="/%s">%s</a></nav>'
                '<h1 data-testid="Heading">%s</h1>'
                '<div class="article-header__byline"><span>By <a rel="author" href="/authors/%s">%s</a></span> <time datetime="%s">%s</time> <span>4 min read</span></div>'
                '<div class="article-body__content">%s</div>'
                '<p class="trust-badge">Our Standards: <a href="/principles">The Globe Wire Trust Principles.</a></p>'
                '</article>%s</main>\n%s' % (nav(["World", "Business", "Markets", "Sustainability", "Legal", "Breakingviews", "Technology"]),
                                              slug(art["section"]), E(art["section"]), E(art["title"]), slug(art["authors"][0]),
                                              E(byline(art["authors"])), art["published"], date_text(art["published"]), body,
                                              most_popular(POPULAR, "Read Next"), footer(site)))
    return html, site


def bignews(art):
    site = "The Daily Ledger"
    body = body_blocks(art, p='<div class="StoryBodyCompanionColumn"><div class="css-53u6y8"><p class="css-at9mc1 evys1bk0">%s</p></div></div>',
                       h='<h2 class="css-1ymn3p3 eoo0vm40">%s</h2>',
                       ad='<div id="mid1-wrapper" class="css-ad-wrapper"><div id="dfp-ad-mid1" class="ad mid1-wrapper"><p class="css-1f2zl">Advertisement</p></div></div>',
                       related=lambda hs: '<div class="css-1vxca1d" data-testid="inline-interactive"><p class="css-related-label">Related Content</p><ul>%s</ul></div>' % "".join('<li><a href="/2024/%s.html">%s</a></li>' % (slug(h), E(h)) for h in hs))
    head = og(art, site) + '\n' + ld(art, site) + '\n<meta name="byl" content="By %s">' % E(byline(art["authors"]))
    html = page(head,
                COOKIE + '<div id="app"><div class="css-masthead"><header class="css-1d8a290" role="banner"><a href="/">The Daily Ledger</a>%s<a class="subscribe-link" href="/subscription">Subscribe for $1/week</a></header></div>'
                '<main id="site-content"><div><article id="story" class="css-1vkm6nb"><header class="css-d92687"><p class="css-kicker">%s</p><h1 data-testid="headline" class="css-1l1lmr2">%s</h1>'
                '<p id="article-summary" class="css-w6ymp8">%s</p><div class="css-byline"><p class="css-aknsld e1jsehar1"><span>By </span>%s</p><time datetime="%s" class="css-1sbuyqj">%s</time></div></header>'
                '<section name="articleBody" class="meteredContent css-1r7ky0e">%s</section>'
                '<div class="bottom-of-article"><div class="css-paywall-gate"><h2>You have been reading a free article</h2><p>Subscribe to The Daily Ledger for unlimited access to our journalism.</p><a href="/subscribe">See subscription options</a></div></div>'
                '<div id="top-wrapper-bottom" class="ad">Advertisement</div></article></div></main>%s</div>' % (
                    nav(["U.S.", "World", "Business", "Arts", "Lifestyle", "Opinion", "Audio", "Games", "Cooking"]), E(art["section"]), E(art["title"]),
                    E(art["title"].split(",")[0] + " is only part of the story."), E(byline(art["authors"])), art["published"], date_text(art["published"]), body,
                    footer(site, ("Company", "Contact Us", "Accessibility", "Work with us", "Advertise", "Terms of Service", "Site Map", "Help"))))
    return html, site


def wordpress(art):
    site = "Policy Notebook"
    body = body_blocks(art, related=lambda hs: '<p><strong>Also Read:</strong> <a href="/%s/">%s</a></p>' % (slug(hs[0]), E(hs[0])),
                       figure=lambda c, cr: '<figure class="wp-block-image size-large"><img src="/wp-content/uploads/photo.jpg" alt=""><figcaption class="wp-element-caption">Featured image: %s</figcaption></figure>' % E(cr or c),
                       ad='<div class="code-block code-block-3" style="margin: 8px auto; text-align: center;"><ins class="adsbygoogle"></ins></div>')
    share = ('<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter" href="#"><span>Twitter</span></a></li><li><a class="share-facebook" href="#"><span>Facebook</span></a></li></ul></div></div>'
             '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items"><p><a href="/a/">How antitrust cases are changing big tech</a></p><p><a href="/b/">Why cloud security is a policy question</a></p></div></div>')
    head = ('<title>%s &#8211; %s</title>\n<meta property="og:type" content="article">\n<meta property="og:title" content="%s">\n<meta property="og:site_name" content="%s">\n'
            '<meta property="article:published_time" content="%s">\n<meta name="author" content="%s">\n<link rel="canonical" href="https://policynotebook.example%s">') % (
        E(art["title"]), site, E(art["title"]), site, art["published"], E(art["authors"][0]), art["path"])
    html = page(head,
                '<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>'
                '<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Policy Notebook</a></p><p class="site-description">Notes on tech, trade and regulation</p></div>%s</header>'
                '<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
                '<article id="post-4821" class="post-4821 post type-post status-publish format-standard has-post-thumbnail hentry category-%s">'
                '<header class="entry-header"><h1 class="entry-title">%s</h1><div class="entry-meta"><span class="posted-on">Posted on <a href="#"><time class="entry-date published" datetime="%s">%s</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x/">%s</a></span></span></div></header>'
                '<div class="entry-content">%s%s</div>'
                '<footer class="entry-footer"><span class="cat-links">Posted in <a href="#" rel="category tag">%s</a></span><span class="tags-links">Tagged <a href="#">cloud</a>, <a href="#">regulation</a></span></footer></article>'
                '<div class="author-info"><h2 class="author-title">About the author</h2><p class="author-bio">%s writes about technology policy and has covered trade disputes for a decade. Follow on Twitter.</p></div>'
                '<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/prev/">Previous Post: Trade talks resume in Geneva</a></div><div class="nav-next"><a href="/next/">Next Post: The chip export rules explained</a></div></div></nav>'
                '%s</main></div><aside id="secondary" class="widget-area"><section class="widget widget_search"><form><input type="search"></form></section><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="#">Data rules for cloud providers</a></li><li><a href="#">The chip export rules explained</a></li></ul></section></aside></div>'
                '<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer></div>' % (
                    nav(["Home", "Tech", "Trade", "Regulation", "About", "Contact"], "main-navigation"), slug(art["section"]), E(art["title"]), art["published"],
                    date_text(art["published"]), E(art["authors"][0]), body, share, E(art["section"]), E(art["authors"][0]), comments(3)))
    return html, site


def gov(art):
    site = "U.S. Department of Commerce"
    body = body_blocks(art, p='<p>%s</p>', h='<h3>%s</h3>')
    head = ('<title>%s | %s</title>\n<meta name="description" content="%s">\n<meta name="DC.date.created" content="%s">\n<link rel="canonical" href="https://www.commerce.example.gov%s">') % (
        E(art["title"]), site, E(strip_tags(first_para(art))[:140]), art["published"][:10], art["path"])
    html = page(head,
                '<section class="usa-banner" aria-label="Official website of the United States government"><div class="usa-accordion"><header class="usa-banner__header"><p>An official website of the United States government</p><button>Here\'s how you know</button></header></div></section>'
                '<header class="usa-header usa-header--extended"><div class="usa-logo"><a href="/">U.S. Department of Commerce</a></div>%s</header>'
                '<div class="usa-breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Press Releases</li></ol></div>'
                '<main id="main-content" class="main-content"><div class="grid-container"><div class="grid-row">'
                '<div class="desktop:grid-col-8"><div class="page-title"><p class="eyebrow">Press Release</p><h1 class="page-title__heading">%s</h1></div>'
                '<div class="press-release-date">FOR IMMEDIATE RELEASE</div><div class="field field--name-field-release-date"><time datetime="%s">%s</time></div>'
                '<div class="field field--name-body field--type-text-with-summary">%s<p class="text-align-center">###</p></div></div>'
                '<div class="desktop:grid-col-4"><div class="sidebar-block contact-block"><h2>Media Contact</h2><p>Office of Public Affairs<br>(202) 555-0100<br><a href="mailto:publicaffairs@commerce.example.gov">publicaffairs@commerce.example.gov</a></p></div>'
                '<div class="sidebar-block"><h2>Related Bureaus and Offices</h2><ul><li><a href="#">Bureau of Industry and Security</a></li><li><a href="#">International Trade Administration</a></li></ul></div></div>'
                '</div></div></main><footer class="usa-footer"><div class="usa-footer__primary-section">%s</div><p>Commerce.gov is the official website of the U.S. Department of Commerce.</p></footer>' % (
                    nav(["About", "News", "Data and Reports", "Issues", "Bureaus and Offices", "Contact"], "usa-nav"), E(art["title"]), art["published"],
                    date_text(art["published"]), body, nav(["Accessibility", "FOIA", "Privacy Program", "Inspector General", "USA.gov"], "usa-footer__nav")))
    return html, site


def finance(art):
    site = "MarketPulse"
    body = body_blocks(art, p='<p>%s</p>',
                       related=lambda hs: '<div class="RelatedContent-container"><div class="RelatedQuotes">Related stories</div>%s</div>' % "".join('<div class="RelatedContent-item"><a href="/%s">%s</a></div>' % (slug(h), E(h)) for h in hs),
                       ad='<div class="InlineVideo-container"><div class="InlineVideo-videoFooter">WATCH: Why investors are watching bond yields<span class="video-duration">04:12</span></div></div>')
    groups, cur = [], []
    for chunk in body.split("\n"):
        cur.append(chunk)
        if len(cur) == 3:
            groups.append('<div class="group">%s</div>' % "".join(cur))
            cur = []
    if cur:
        groups.append('<div class="group">%s</div>' % "".join(cur))
    keypoints = "".join("<li>%s</li>" % E(strip_tags(b))[:120] for b in art["blocks"][:2])
    head = og(art, site) + '\n<meta itemprop="dateCreated" content="%s">\n<meta property="article:published_time" content="%s">\n<meta name="author" content="%s">' % (
        art["published"], art["published"], E(art["authors"][0]))
    html = page(head,
                '<div class="GlobalNavigation"><a href="/">MarketPulse</a>%s<div class="MarketsBanner-marketData"><span>DOW +0.45%%</span><span>S&amp;P 500 +0.31%%</span><span>NASDAQ -0.12%%</span></div></div>'
                '<div class="PageBuilder-pageWrapper"><div class="ArticleHeader-wrapper"><a class="ArticleHeader-eyebrow" href="#">%s</a><h1 class="ArticleHeader-headline">%s</h1>'
                '<div class="ArticleHeader-time"><time data-testid="published-timestamp" datetime="%s">Published %s</time></div></div>'
                '<div class="RenderKeyPoints-list"><div class="RenderKeyPoints-title">Key Points</div><ul>%s</ul></div>'
                '<div class="ArticleBody-articleBody" id="RegularArticle-ArticleBody-5" data-module="ArticleBody"><div class="Author-authorNameAndSocial"><a class="Author-authorName" href="/x">%s</a></div><h2 class="ArticleBody-subtitle">In this article</h2><div class="QuoteInBody-quoteNameContainer"><a href="/q">ACME</a><a href="/q">GLBX</a></div>%s</div>'
                '<div class="ArticleBody-disclaimer">Disclosure: MarketPulse is a unit of Pulse Media Holdings.</div>'
                '<div class="TrendingNow-container"><h2>Trending Now</h2>%s</div></div>%s' % (
                    nav(["Markets", "Business", "Investing", "Tech", "Politics", "Video", "Watchlist", "Pro"]), E(art["section"]), E(art["title"]), art["published"],
                    date_text(art["published"]), keypoints, E(art["authors"][0]), "".join(groups), most_popular(POPULAR, "Trending"), footer(site)))
    return html, site


def local(art):
    site = "Riverside Courier"
    parts = []
    for b in art["blocks"]:
        k, v = kind(b)
        if k in ("p", "li", "quote"):
            parts.append(E(strip_tags(v)))
        elif k == "h":
            parts.append("<b>%s</b>" % E(v))
        elif k == "related":
            parts.append('<span class="related">RELATED: <a href="#">%s</a></span>' % E(v.split(";")[0]))
    text = "<br><br>\n".join(parts)
    head = '<title>%s - %s</title>\n<meta name="keywords" content="local news, %s">' % (E(art["title"]), site, E(art["section"].lower()))
    html = page(head,
                '<table width="100%%" class="layout"><tr><td colspan="2" class="top-banner"><a href="/"><img src="/logo.gif" alt="Riverside Courier"></a> %s</td></tr>'
                '<tr><td valign="top" width="180" class="left-col">%s<div class="weather">Today: 64&deg;F Cloudy</div></td>'
                '<td valign="top"><div id="story"><h1 class="headline">%s</h1><div class="story-byline">By %s<br>Staff Writer<br>%s</div>'
                '<div class="story-text">%s</div><div class="story-tools"><a href="#">Print</a> | <a href="#">Email</a> | <a href="#">Share</a></div></div>'
                '<div id="disqus_thread"><h3>Comments</h3><div class="disqus-comment"><p>Glad to see the council finally doing something about this. Took long enough.</p></div></div></td></tr>'
                '<tr><td colspan="2" class="footer">Riverside Courier &copy; 2024 | 210 Main Street | <a href="/contact">Contact us</a> | <a href="/subscribe">Subscribe to the print edition</a></td></tr></table>' % (
                    nav(["News", "Sports", "Obituaries", "Classifieds", "Events"]), nav(["Local", "Schools", "Crime", "Business", "Opinion", "Letters"], "sidenav"),
                    E(art["title"]), E(byline(art["authors"])), date_text(art["published"]), text))
    return html, site


def ldonly(art):
    site = "Northern Policy Review"
    body = body_blocks(art)
    head = '<title>%s</title>\n%s' % (E(art["title"]), ld(art, site, "ReportageNewsArticle"))
    html = page(head,
                '<div class="top-bar">%s<a href="/donate" class="donate-button">Donate</a></div>'
                '<div class="container"><div class="row"><div class="col-md-8"><h1>%s</h1><p class="lede-authors">%s</p>'
                '<div class="story">%s</div><div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Share on X</a><a href="#">Copy link</a></div></div>'
                '<div class="col-md-4">%s</div></div></div>%s' % (
                    nav(["Investigations", "Policy", "Data", "Podcasts", "About"]), E(art["title"]), E(", ".join(art["authors"])), body, most_popular(POPULAR), footer(site)))
    return html, site


def amp(art):
    site = "Tech Dispatch"
    body = body_blocks(art, figure=lambda c, cr: '<figure class="amp-fig"><amp-img src="/i.jpg" width="800" height="450" layout="responsive" alt=""></amp-img><figcaption>%s Photo: %s</figcaption></figure>' % (E(c), E(cr)),
                       ad='<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/tech"></amp-ad>')
    head = ('<title>%s - Tech Dispatch</title>\n<link rel="canonical" href="https://techdispatch.example%s">\n<meta name="viewport" content="width=device-width">\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n<style amp-custom>body{font-family:sans-serif}</style>\n%s') % (E(art["title"]), art["path"], ld(art, site, "NewsArticle"))
    html = page(head,
                '<amp-sidebar id="sidebar" layout="nodisplay">%s</amp-sidebar><header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/">Tech Dispatch</a></header>'
                '<article class="amp-article"><h1 class="amp-title">%s</h1><div class="amp-byline">By %s &middot; %s</div><div class="amp-article-body">%s</div></article>'
                '<amp-social-share type="twitter"></amp-social-share><div class="amp-related"><h2>More from Tech Dispatch</h2><ul><li><a href="#">A guide to the new privacy rules</a></li><li><a href="#">Chipmakers brace for export limits</a></li></ul></div>%s' % (
                    nav(["Latest", "Reviews", "Policy", "Science"]), E(art["title"]), E(byline(art["authors"])), date_text(art["published"]), body, footer(site)))
    return html.replace("<html lang", "<html amp lang"), site


def trade(art):
    site = "Freight & Logistics Today"
    body = body_blocks(art, related=lambda hs: '<div class="inline-related"><span class="inline-related__label">Read more:</span><ul>%s</ul></div>' % "".join('<li><a href="/news/%s">%s</a></li>' % (slug(h), E(h)) for h in hs),
                       pull=lambda v: '<blockquote class="pull-quote"><p>%s</p></blockquote>' % E(v))
    head = og(art, site) + '\n<meta name="article:published_time" content="%s">\n<meta name="parsely-author" content="%s">' % (art["published"], E(art["authors"][0]))
    html = page(head,
                COOKIE + '<div class="header-wrapper"><div class="logo">Freight &amp; Logistics Today</div>%s</div><div class="leaderboard ad"><div id="div-gpt-ad-top"></div></div>'
                '<div class="page"><div class="main-col"><div class="article"><div class="article__kicker">%s</div><h1 class="article__title">%s</h1><div class="article__meta"><span class="article__author">%s</span> | <span class="article__date">%s</span></div>'
                '<div class="article__body">%s</div><div class="article__tags"><span>Topics:</span> <a href="#">Ports</a> <a href="#">Trucking</a></div></div></div>'
                '<div class="right-col">%s<div class="newsletter-box"><h3>Subscribe to our newsletter</h3><p>The week in freight, every Friday.</p></div></div></div>%s' % (
                    nav(["News", "Ocean", "Trucking", "Rail", "Air Cargo", "Warehousing", "Webinars", "Events"]), E(art["section"]), E(art["title"]), E(byline(art["authors"])),
                    date_text(art["published"]), body, most_popular(POPULAR, "Most read"), footer(site)))
    return html, site


def guardian(art):
    site = "The Evening Standard Post"
    body = body_blocks(art, p='<p class="dcr-s23rjr">%s</p>', h='<h2 id="%s" class="dcr-1f2x">%%s</h2>' % "sub",
                       figure=lambda c, cr: '<figure class="dcr-figure"><picture><img src="/x.jpg" alt="%s"></picture><figcaption class="dcr-caption"><span>%s</span> Photograph: %s</figcaption></figure>' % (E(c), E(c), E(cr)),
                       related=lambda hs: '<aside data-spacefinder-role="supporting"><div class="rich-link"><a href="/x">%s</a></div></aside>' % E(hs[0]))
    head = og(art, site) + '\n<meta property="article:published_time" content="%s">\n<meta property="article:section" content="%s">\n<meta property="article:tag" content="%s">\n<meta property="article:tag" content="Regulation">\n<meta name="author" content="%s">' % (
        art["published"], E(art["section"]), E(art["section"]), E(", ".join(art["authors"])))
    html = page(head,
                '<div id="bannerandheader"><div class="dcr-support-banner">Support the Post: fund independent journalism with $5 per month. <a href="#">Support us</a></div><header>%s</header></div>'
                '<main data-layout="StandardLayout"><article><div class="dcr-headline"><h1>%s</h1></div><div class="dcr-standfirst"><p>%s</p></div>'
                '<address aria-label="Contributor info"><a rel="author" href="/profile/x">%s</a></address><details class="dcr-dateline"><summary>%s</summary></details>'
                '<div id="maincontent"><div class="article-body-commercial-selector article-body-viewer-selector dcr-1mfia18">%s</div></div>'
                '<div class="submeta"><span>Explore more on these topics</span><ul><li><a href="#">%s</a></li><li><a href="#">Regulation</a></li></ul></div>'
                '<div class="dcr-epic"><h2>Before you move on</h2><p>Millions of readers turn to the Post for news they can trust. Unlike many others, we have no paywall, because we believe everybody deserves access to information.</p><a href="#">Support us</a></div>'
                '</article></main>%s%s' % (
                    nav(["News", "Opinion", "Sport", "Culture", "Lifestyle"]), E(art["title"]), E(strip_tags(first_para(art))[:100]), E(" and ".join(art["authors"])),
                    date_text(art["published"]), body, E(art["section"]), most_popular(POPULAR, "Most viewed"), footer(site)))
    return html, site


def blogspot(art):
    site = "Court Watch Notes"
    parts = []
    for b in art["blocks"]:
        k, v = kind(b)
        if k == "p":
            parts.append('<div>%s</div><div><br></div>' % E(strip_tags(v)))
        elif k == "h":
            parts.append('<div><b><span style="font-size: large;">%s</span></b></div>' % E(v))
        elif k == "li":
            parts.append('<div>&bull; %s</div>' % E(v))
        elif k == "quote":
            parts.append('<blockquote class="tr_bq">%s</blockquote>' % E(v))
        elif k == "figure":
            cap, _, cr = v.partition("|")
            parts.append('<table class="tr-caption-container"><tbody><tr><td><a href="#"><img src="/p.jpg"></a></td></tr><tr><td class="tr-caption">%s</td></tr></tbody></table>' % E(cap.strip()))
    head = '<title>%s: %s</title>\n<meta content="blogger" name="generator">' % (site, E(art["title"]))
    html = page(head,
                '<div class="navbar section" id="navbar"><div class="widget Navbar"></div></div><div class="outer-wrapper"><div class="header-outer"><h1 class="title"><a href="/">Court Watch Notes</a></h1><p class="description">Following the cases that shape business</p></div>'
                '<div class="main-outer"><div class="main-inner"><div class="date-outer"><h2 class="date-header"><span>%s</span></h2><div class="post-outer"><div class="post hentry" itemprop="blogPost" itemscope itemtype="http://schema.org/BlogPosting">'
                '<h3 class="post-title entry-title" itemprop="name">%s</h3><div class="post-header"></div><div class="post-body entry-content" id="post-body-77" itemprop="description articleBody">%s</div>'
                '<div class="post-footer"><span class="post-author vcard">Posted by <span class="fn" itemprop="author"><span itemprop="name">%s</span></span></span> <span class="post-labels">Labels: <a href="#">antitrust</a>, <a href="#">courts</a></span></div></div>'
                '<div class="comments" id="comments"><h4>2 comments:</h4><dl id="comments-block"><dt class="comment-author">Anonymous said...</dt><dd class="comment-body"><p>Very clear summary, thanks.</p></dd></dl></div></div></div></div></div>'
                '<div class="sidebar-outer"><div class="widget BlogArchive"><h2>Blog Archive</h2><ul><li><a href="#">2024 (31)</a></li><li><a href="#">2023 (48)</a></li></ul></div></div></div>' % (
                    date_text(art["published"]), E(art["title"]), "\n".join(parts), E(art["authors"][0])))
    return html, site


def regulator(art):
    site = "Securities Oversight Commission"
    body = body_blocks(art)
    head = ('<title>%s | %s</title>\n<meta name="dcterms.created" content="%s">\n<meta property="og:title" content="%s">\n<meta property="og:type" content="article">') % (
        E(art["title"]), site, art["published"], E(art["title"]))
    html = page(head,
                '<div class="skip"><a href="#main">Skip to main content</a></div><div id="header">%s</div>'
                '<div id="main" class="region region-content"><div class="node node--type-news"><div class="article-meta"><span class="press-release-number">Press Release 2024-%s</span> <span class="date">%s</span></div>'
                '<h1 class="page-title">%s</h1><div class="field--name-body article-body">%s</div>'
                '<div class="field--name-field-contacts"><h4>Contacts</h4><p>Press Office<br>202-555-0142</p></div>'
                '<div class="sidebar-related-materials"><h4>Related Materials</h4><ul><li><a href="#">Order (PDF)</a></li><li><a href="#">Fact Sheet</a></li></ul></div></div></div>'
                '<div id="footer">%s<p>Securities Oversight Commission, 100 F Street NE, Washington, DC</p></div>' % (
                    nav(["About", "Newsroom", "Rules and Regulations", "Enforcement", "Filings", "Education"]), len(art["title"]), date_text(art["published"]),
                    E(art["title"]), body, nav(["Site Map", "Accessibility", "Contracts", "Privacy", "Inspector General", "Agency Financial Report"])))
    return html, site


def magazine(art):
    site = "The Circuit"
    body = body_blocks(art, p='<p class="pw-post-body-paragraph kh ki ll km b">%s</p>', h='<h2 class="pw-subtitle-paragraph">%s</h2>',
                       pull=lambda v: '<blockquote class="pullquote"><p>%s</p></blockquote>' % E(v),
                       figure=lambda c, cr: '<figure class="paragraph-image"><div><img src="/m.jpg"></div><figcaption class="image-caption">%s (Image: %s)</figcaption></figure>' % (E(c), E(cr)))
    head = ('<title>%s | by %s | The Circuit</title>\n<meta name="author" content="%s">\n<meta property="og:type" content="article">\n<meta property="article:published_time" content="%s">\n<meta property="og:site_name" content="The Circuit">') % (
        E(art["title"]), E(art["authors"][0]), E(art["authors"][0]), art["published"])
    html = page(head,
                '<div class="app"><div class="metabar">%s<a href="/m/signin">Sign in</a><a href="/get-started">Get started</a></div>'
                '<div class="main"><div class="section"><div class="wrap"><div class="inner"><h1 class="pw-post-title">%s</h1>'
                '<div class="post-author"><a href="/@x">%s</a> <span>Follow</span> <span>7 min read</span> <span>%s</span></div>%s</div></div></div>'
                '<div class="post-footer"><div class="claps">1.2K</div><div class="responses"><h3>Responses (14)</h3><p>What are your thoughts?</p></div><div class="more-from-author"><h2>More from %s</h2><div><a href="#">Why regulators struggle with algorithms</a></div></div></div></div></div>' % (
                    nav(["Home", "Write", "Notifications"]), E(art["title"]), E(art["authors"][0]), date_text(art["published"]), body, E(art["authors"][0])))
    return html, site


def euro(art):
    site = "Wirtschaftskurier" if art["section"].startswith("de") else "Le Quotidien Économique"
    lang = "de" if site == "Wirtschaftskurier" else "fr"
    body = body_blocks(art, ad='<div class="ad-container"><span>Anzeige</span></div>' if lang == "de" else '<div class="pub-container"><span>Publicité</span></div>',
                       related=lambda hs: '<div class="teaser-related"><strong>%s</strong> <a href="#">%s</a></div>' % ("Lesen Sie auch:" if lang == "de" else "Lire aussi :", E(hs[0])))
    head = og(art, site) + '\n<meta property="article:published_time" content="%s">\n<meta name="author" content="%s">' % (art["published"], E(", ".join(art["authors"])))
    consent = ('<div class="consent-layer"><p>Wir verwenden Cookies und ähnliche Technologien. Mit Klick auf „Zustimmen“ willigen Sie ein.</p><button>Zustimmen</button></div>' if lang == "de"
               else '<div class="consent-layer"><p>Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.</p><button>Accepter</button></div>')
    html = page(head,
                consent + '<header class="site-header">%s</header><main><article class="article"><h1 class="article-title">%s</h1><div class="article-author">%s</div><time datetime="%s">%s</time>'
                '<div class="article-content">%s</div></article></main>%s' % (
                    nav(["Politik", "Wirtschaft", "Finanzen", "Meinung"] if lang == "de" else ["Politique", "Économie", "Finance", "Opinions"]), E(art["title"]),
                    E(" und ".join(art["authors"]) if lang == "de" else " et ".join(art["authors"])), art["published"], art["published"][:10], body, footer(site)), lang=lang)
    return html, site


TEMPLATES = dict(wire=wire, bignews=bignews, wordpress=wordpress, gov=gov, finance=finance, local=local, ldonly=ldonly,
                 amp=amp, trade=trade, guardian=guardian, blogspot=blogspot, regulator=regulator, magazine=magazine, euro=euro)
