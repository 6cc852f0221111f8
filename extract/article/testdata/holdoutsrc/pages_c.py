"""Dates, bylines and publishing platforms: URL-only dates, wire datelines,
bylines with roles, Squarespace, press-release wires, GOV.UK, local TV,
CivicPlus, explainers with a table of contents."""
import json
from make import blocks, entries, esc, registrar
from pages_b import chrome, og

PAGES = []
page = registrar(PAGES)


def ps(text, cls=""):
    out = []
    for k, v in blocks(text):
        out.append("<h2>%s</h2>" % esc(v) if k == "h" else ("<li>%s</li>" % esc(v) if k == "li" else "<p%s>%s</p>" % (cls, esc(v))))
    return "".join(out)


# 21. The date is only in the URL.
@page("date-in-url-only", dict(
    title="Mayor's budget would add 200 police officers and cut library hours",
    authors=["Devon Price"], published="2025-05-06T00:00:00Z",
    publisher="Metro Bulletin",
    url="https://www.metrobulletin.com/2025/05/06/mayor-budget-police-library-hours/"), """
Mayor Karen Holt's proposed budget for next year would pay for 200 more police officers while reducing hours at 11 of the city's 24 library branches, setting up a fight with City Council members who have made the libraries a priority.
The $4.3 billion spending plan, released on Tuesday, includes $38 million for the new officers and a new recruit class every three months. It would close the affected branches on Mondays and Fridays.
"Public safety is the first job of city government," Holt said in her budget address. "We are making hard choices everywhere else so that we can do it right."
Council member Rosa Delgado, who chairs the council's library committee, called the cuts "a false choice." She said the library reductions would save about $6 million, less than one-sixth of the cost of the police expansion.
The council must adopt a budget by June 30.
""")
def _(pg):
    main = '''<main><article><h1>Mayor&#039;s budget would add 200 police officers and cut library hours</h1><p class="byline">By Devon Price</p><div class="story-body">%s</div><div class="share"><a href="#">Share</a></div></article></main>''' % ps(pg["text"])
    return chrome("Metro Bulletin", "Mayor's budget would add 200 police officers and cut library hours | Metro Bulletin", og(pg["meta"]), main)


# 22. A wire story syndicated on a regional site: the dateline names the
#     wire; the date is visible text only; "Reporting by ..." credit line.
@page("wire-dateline-syndicated", dict(
    title="UK regulator opens investigation into baby formula prices",
    authors=["Sarah Young"], published="2025-03-03T10:42:00Z",
    publisher="The Midlands Post",
    url="https://www.midlandspost.co.uk/business/uk-regulator-opens-investigation-into-baby-formula-prices-4491023"), """
LONDON, March 3 (Reuters) - Britain's competition regulator said on Monday it had opened a formal investigation into the baby formula market, after finding that prices had risen by about 25% over the past two years while manufacturers' costs rose far less.
The Competition and Markets Authority said three companies, Danone, Nestlé and Kendamil, accounted for about 90% of the market, and that parents tended to stick with the brand they had been given in hospital rather than compare prices.
The regulator said it would look at whether the companies' marketing to hospitals and health professionals restricted competition, and whether rules that ban promotions of infant formula in shops were having the unintended effect of keeping prices high.
Danone said it would cooperate fully with the investigation. Nestlé and Kendamil did not immediately respond to requests for comment.
(Reporting by Sarah Young; Editing by Kate Holton and Alison Williams)
""")
def _(pg):
    main = '''<main><div class="article-wrapper"><nav class="breadcrumb"><a href="/">Home</a> / <a href="/business">Business</a></nav><article class="article"><h1 class="article-title">UK regulator opens investigation into baby formula prices</h1><div class="article-meta"><div class="article-author">By Sarah Young, Reuters</div><div class="article-date"><span>Published 3rd Mar 2025, 10:42 GMT</span></div></div><div class="article-content" id="article-content"><div class="mpu-ad"><p>Advertisement</p><p>Hide Ad</p></div>%s<div class="mpu-ad"><p>Advertisement</p><p>Hide Ad</p></div></div><div class="article-reuters-footer"><p>Our Standards: <a href="https://www.thomsonreuters.com/en/about-us/trust-principles.html">The Thomson Reuters Trust Principles.</a></p></div></article><section class="more-from"><h2>More from Business</h2><ul><li><a href="/b/1">Jaguar Land Rover pauses shipments to U.S.</a></li><li><a href="/b/2">Birmingham council sets 7.5%% tax rise</a></li></ul></section></div></main>''' % ps(pg["text"])
    return chrome("The Midlands Post", "UK regulator opens investigation into baby formula prices | The Midlands Post", '<meta property="og:site_name" content="The Midlands Post"><meta property="og:title" content="UK regulator opens investigation into baby formula prices"><meta property="og:type" content="article">', main, lang="en-GB")


# 23. Byline "NAME | ROLE", second author "NAME, ROLE", date only in <time>.
@page("byline-roles-time", dict(
    title="Drought pushes cattle ranchers to sell herds early",
    authors=["Jane Doe", "Marcus Bell"], published="2025-07-29T06:30:00-06:00",
    publisher="Range & Plains",
    url="https://www.rangeandplains.com/agriculture/drought-cattle-herd-sales"), """
Cattle ranchers across eastern Colorado and western Kansas are selling cows and calves weeks earlier than usual this summer as drought dries up pastures and hay prices climb.
Sale barns in La Junta and Dodge City reported record numbers of head sold in July. At the Winter Livestock auction in La Junta, about 9,800 cattle sold in a single day last week, roughly three times the usual July volume.
"When the grass is gone, you either buy hay at $250 a ton or you sell," said rancher Tom Eckert, who sold a third of his herd. "Most of us can't afford the hay."
The U.S. Drought Monitor lists most of the region in severe or extreme drought. The Department of Agriculture designated 31 Colorado counties as disaster areas this month, making ranchers there eligible for emergency loans.
Economists say the early sales could tighten beef supplies next year, when fewer calves will be born.
""")
def _(pg):
    main = '''<main><article class="story"><h1>Drought pushes cattle ranchers to sell herds early</h1><div class="bylines"><div class="byline"><a href="/staff/jane-doe">Jane Doe</a> | Staff Writer</div><div class="byline"><a href="/staff/marcus-bell">Marcus Bell</a>, Agriculture Correspondent</div></div><time datetime="2025-07-29T06:30:00-06:00">July 29, 2025</time><div class="story__content">%s</div><div class="corrections"><p>Have a news tip? <a href="/tips">Send it to us</a>.</p></div></article></main>''' % ps(pg["text"])
    return chrome("Range & Plains", "Drought pushes cattle ranchers to sell herds early - Range &amp; Plains", og(pg["meta"]), main)


# 24. Squarespace: the body is split across sibling content blocks, with an
#     image block and a button block between them.
@page("squarespace-blocks", dict(
    title="Our food bank served a record number of families this winter",
    authors=["Ruth Alvarez"], published="2025-03-14T10:00:00-07:00",
    publisher="Eastside Community Food Bank",
    url="https://www.eastsidefoodbank.org/news/record-winter-2025"), """
Between December and February, the Eastside Community Food Bank served 6,412 households, the most in a single winter since we opened in 2009 and 22 percent more than last winter.
Many of the families we saw were new to us. About a third told our volunteers they had never used a food bank before. Many of them work, often in more than one job, and said that rent and child care now take most of what they earn.
## How we kept up
We could not have met this need without you. Volunteers gave more than 11,000 hours this winter. Local grocers donated 184,000 pounds of fresh produce, dairy and bread. And more than 900 individual donors gave to our winter appeal.
We also extended our Thursday evening distribution to 8 p.m. so that working parents could come after their shifts.
## What comes next
Demand usually falls in the spring, but we are not expecting much relief this year. We are looking for volunteers for our Saturday morning shifts and for drivers for our home delivery program.
""")
def _(pg):
    parts, cur = [], []
    for k, v in blocks(pg["text"]):
        if k == "h" and cur:
            parts.append(cur)
            cur = []
        cur.append("<h2>%s</h2>" % esc(v) if k == "h" else '<p class="" style="white-space:pre-wrap;">%s</p>' % esc(v))
    parts.append(cur)
    blk = []
    for i, p in enumerate(parts):
        blk.append('<div class="sqs-block html-block sqs-block-html" data-block-type="2" id="block-%d"><div class="sqs-block-content"><div class="sqs-html-content">%s</div></div></div>' % (i, "".join(p)))
        if i == 0:
            blk.append('<div class="sqs-block image-block sqs-block-image" data-block-type="5" id="block-img"><div class="sqs-block-content"><figure class="sqs-block-image-figure intrinsic"><img data-src="https://images.squarespace-cdn.com/content/v1/5f/volunteers.jpg" alt="Volunteers sort produce" /><figcaption class="image-caption-wrapper"><div class="image-caption"><p class="">Volunteers sort donated produce at our warehouse in January.</p></div></figcaption></figure></div></div>')
    blk.append('<div class="sqs-block button-block sqs-block-button" data-block-type="53"><div class="sqs-block-content"><div class="sqs-block-button-container sqs-block-button-container--center"><a href="/volunteer" class="sqs-block-button-element--medium sqs-button-element--primary sqs-block-button-element">Sign up to volunteer</a></div></div></div><div class="sqs-block button-block sqs-block-button"><div class="sqs-block-content"><a href="/donate" class="sqs-block-button-element">Donate now</a></div></div>')
    return '''<!doctype html>
<html xmlns:og="http://opengraphprotocol.org/schema/" xmlns:fb="http://www.facebook.com/2008/fbml" lang="en-US">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- This is Squarespace. --><!-- eastside-food-bank -->
<base href="">
<meta charset="utf-8" />
<title>Our food bank served a record number of families this winter &mdash; Eastside Community Food Bank</title>
<link rel="canonical" href="%(url)s"/>
<meta property="og:site_name" content="Eastside Community Food Bank"/>
<meta property="og:title" content="Our food bank served a record number of families this winter &mdash; Eastside Community Food Bank"/>
<meta property="og:type" content="article"/>
<meta itemprop="name" content="Our food bank served a record number of families this winter &mdash; Eastside Community Food Bank"/>
<meta itemprop="author" content="Eastside Community Food Bank"/>
<meta name="twitter:title" content="Our food bank served a record number of families this winter &mdash; Eastside Community Food Bank"/>
<script type="application/ld+json">{"url":"https://www.eastsidefoodbank.org","name":"Eastside Community Food Bank","@context":"http://schema.org","@type":"WebSite"}</script><script type="application/ld+json">{"legalName":"Eastside Community Food Bank","address":"1420 Alder St\\nPortland, OR, 97214\\nUnited States","@context":"http://schema.org","@type":"Organization"}</script><script type="application/ld+json">{"url":"%(url)s","name":"Our food bank served a record number of families this winter","headline":"Our food bank served a record number of families this winter","datePublished":"2025-03-14T10:00:00-0700","dateModified":"2025-03-15T09:41:22-0700","author":"Ruth Alvarez","@context":"http://schema.org","@type":"Article"}</script>
<script>Static.SQUARESPACE_CONTEXT = {"facebookAppId":"314192535267336","rollups":{},"pageType":50,"website":{"id":"5f1a","siteTitle":"Eastside Community Food Bank"}};</script>
</head>
<body id="item-65f2" class="tweak-blog-item-width-medium tweak-blog-item-show-author-name tweak-blog-item-show-date has-logo-image view-item collection-type-blog collection-layout-default mobile-style-available sqs-has-custom-cart">
<div id="siteWrapper" class="clearfix site-wrapper">
<header data-test="header" id="header" class="header theme-col--primary"><div class="header-inner container--fluid"><div class="header-title-logo"><a href="/" data-animation-role="header-element"><img elementtiming="nbf-header-logo-desktop" src="//images.squarespace-cdn.com/logo.png" alt="Eastside Community Food Bank" /></a></div><div class="header-nav"><nav class="header-nav-list"><div class="header-nav-item header-nav-item--collection"><a href="/get-food">Get Food</a></div><div class="header-nav-item header-nav-item--collection"><a href="/volunteer">Volunteer</a></div><div class="header-nav-item header-nav-item--collection header-nav-item--active"><a href="/news" aria-current="page">News</a></div></nav></div><div class="header-actions"><a href="/donate" class="btn btn--border theme-btn--primary-inverse sqs-button-element--primary">Donate</a></div></div></header>
<main id="page" class="container" role="main">
<article class="sections" id="sections" data-page-sections="65f1">
<section data-test="page-section" class="page-section content-collection full-bleed-section collection-type-blog-basic-grid"><div class="content-wrapper"><div class="content"><div class="blog-basic-grid collection-content-wrapper" data-controller="BlogImageLoader"><article class="entry h-entry hentry author-ruth-alvarez post-type-text article-index-null" data-item-id="65f2" id="article-65f2">
<div class="blog-item-wrapper"><div class="blog-item-top-wrapper"><div class="blog-item-meta-wrapper"><div class="blog-meta-item blog-meta-item--date"><time class="dt-published date-highlight" datetime="2025-03-14">March 14, 2025</time></div></div><div class="blog-item-title"><h1 class="entry-title entry-title--large p-name" data-content-field="title">Our food bank served a record number of families this winter</h1></div><div class="blog-item-author-date-wrapper"><div class="blog-item-author-profile-wrapper"><a href="/news?author=5f1b" class="blog-item-author-profile-link"><span class="blog-author-name">Ruth Alvarez</span></a></div></div></div>
<div class="blog-item-content-wrapper"><div class="blog-item-content e-content" data-layout-label="Post Body" data-type="item"><div class="sqs-layout sqs-grid-12 columns-12" data-type="item" data-updated-on="1710432000000" id="item-65f2"><div class="row sqs-row"><div class="col sqs-col-12 span-12">%(blocks)s</div></div></div></div></div>
<div class="blog-item-comments"><div class="squarespace-comments" id="comments-65f2"><div class="comment-btn-wrapper"><a class="comment-btn" href="#">Comment</a></div></div></div>
<div class="blog-item-pagination"><section class="item-pagination item-pagination--prev-next"><a href="/news/volunteer-of-the-year" class="item-pagination-link item-pagination-link--prev"><div class="item-pagination-prev-next">Previous</div><h2 class="item-pagination-title">Meet our volunteer of the year</h2></a><a href="/news/holiday-drive-results" class="item-pagination-link item-pagination-link--next"><div class="item-pagination-prev-next">Next</div><h2 class="item-pagination-title">Holiday food drive results</h2></a></section></div>
</div></article></div></div></div></section>
</article>
</main>
<footer class="sections" id="footer-sections"><section class="page-section"><div class="content"><div class="sqs-block html-block"><div class="sqs-block-content"><p>Eastside Community Food Bank is a 501(c)(3) nonprofit. EIN 93-1234567.</p><p>1420 Alder St, Portland, OR 97214 · (503) 555-0188 · Open Tue–Sat</p></div></div><div class="sqs-block newsletter-block"><div class="sqs-block-content"><div class="newsletter-form-wrapper"><h2 class="newsletter-form-header-title">Stay in touch</h2><div class="newsletter-form-header-description"><p>Monthly updates on hunger in our neighborhood and how you can help.</p></div><form class="newsletter-form"><input type="email" placeholder="Email Address"/><button>Sign Up</button></form></div></div></div></div></section></footer>
</div>
</body>
</html>
''' % dict(url=pg["meta"]["url"], blocks="".join(blk))


# 25. Press-release wire: dateline with the wire name, "About" boilerplate
#     (body), media contacts and the wire's own furniture (not body).
@page("pr-wire-release", dict(
    title="Brightwater Foods to Acquire Maple Ridge Bakeries for $340 Million",
    authors=[], published="2025-06-02T07:00:00-04:00",
    publisher="PR Wire Today",
    url="https://www.prwiretoday.com/news-releases/brightwater-foods-to-acquire-maple-ridge-bakeries-302467781.html"), """
MINNEAPOLIS, June 2, 2025 /PRWireToday/ -- Brightwater Foods, Inc. (NYSE: BWF) today announced that it has entered into a definitive agreement to acquire Maple Ridge Bakeries, a privately held maker of frozen breads and rolls, for $340 million in cash.
Maple Ridge, based in Grand Rapids, Michigan, operates three bakeries and had net sales of approximately $210 million in 2024. The acquisition is expected to close in the third quarter, subject to regulatory approval and customary closing conditions.
"Maple Ridge gives us a strong position in frozen bakery, one of the fastest-growing parts of the grocery store," said Brightwater Chief Executive Officer Janet Ruiz. "Its products fit naturally alongside our frozen meals and desserts."
Brightwater expects the transaction to add to adjusted earnings per share in the first full year after closing and to generate about $15 million in annual cost savings by 2027.
About Brightwater Foods
Brightwater Foods, Inc. is a packaged foods company with annual net sales of more than $3 billion. Its brands include Lakeside Kitchen, Brightwater and Harvest Table.
""")
def _(pg):
    body = ps(pg["text"]).replace("<p>About Brightwater Foods</p>", "<p><b>About Brightwater Foods</b></p>")
    main = '''<main><div class="container release-body-container"><div class="row"><div class="col-lg-10 col-lg-offset-1"><header class="release-header"><div class="news-release-meta"><p class="mb-no">NEWS PROVIDED BY</p><a class="cta-link" href="/news/brightwater-foods-inc/"><strong>Brightwater Foods, Inc.</strong></a> <p class="mb-no">Jun 02, 2025, 07:00 ET</p></div><h1>Brightwater Foods to Acquire Maple Ridge Bakeries for $340 Million</h1><p class="subtitle">Adds frozen bakery platform with approximately $210 million in annual sales</p><div class="social-share"><a href="#">Share this article</a></div></header><section class="release-body"><div class="row"><div class="col-lg-10 col-lg-offset-1">%s<p><b>Forward-Looking Statements</b></p><p>This press release contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995. Actual results could differ materially from those projected.</p><p><b>Contacts</b><br/>Investors: Mark Ellison, (612) 555-0101, investors@brightwaterfoods.com<br/>Media: Carla Nunes, (612) 555-0155, media@brightwaterfoods.com</p><p id="PURL"><img alt="Cision" height="12" src="https://c212.net/c/img/favicon.png?sn=MN123&amp;sd=2025-06-02" title="Cision" width="12"/> View original content:<a href="https://www.prwiretoday.com/news-releases/302467781.html" rel="nofollow">https://www.prwiretoday.com/news-releases/302467781.html</a></p><p>SOURCE Brightwater Foods, Inc.</p></div></div></section></div></div><section class="more-releases"><h3>Also from this source</h3><ul><li><a href="/r/1">Brightwater Foods Reports First Quarter Results</a></li><li><a href="/r/2">Brightwater Foods Declares Quarterly Dividend</a></li></ul></section></div></main>''' % body
    return chrome("PR Wire Today", "Brightwater Foods to Acquire Maple Ridge Bakeries for $340 Million", og(pg["meta"], '<meta name="date" content="2025-06-02T07:00:00-04:00"><meta name="author" content="Brightwater Foods, Inc.">'), main)


# 26. GOV.UK-style news story: "From:" organisation, "Published" day-first,
#     govspeak body, "Share this page", feedback form.
@page("govuk-news-story", dict(
    title="New rules to cut waiting times for driving tests",
    authors=[], published="2025-02-11T00:30:02Z",
    publisher="GOV.UK",
    url="https://www.gov.uk/government/news/new-rules-to-cut-waiting-times-for-driving-tests"), """
Learner drivers will have to book and manage their own driving tests under new rules announced today, in a crackdown on bots and resellers that buy up test slots and sell them at inflated prices.
The Driver and Vehicle Standards Agency (DVSA) will also limit the number of times a test can be moved or swapped, and will recruit 450 more driving examiners over the next year.
## What is changing
- only learners will be able to book a test, not driving instructors or third-party apps
- a test can be moved or swapped no more than twice
- the area in which a learner can move their test will be limited
Transport Secretary Heidi Alexander said: "Learner drivers have been held to ransom by people exploiting a system that is not working. These changes will make it fairer and quicker to get a test."
The average waiting time for a car driving test in England, Scotland and Wales is currently 21 weeks. The government aims to bring it down to 7 weeks by summer 2026.
The changes will be subject to a public consultation, which closes on 4 April 2025.
""")
def _(pg):
    out, lis = [], []
    for k, v in blocks(pg["text"]):
        if k == "li":
            lis.append("<li>%s</li>" % esc(v))
            continue
        if lis:
            out.append("<ul>%s</ul>" % "".join(lis))
            lis = []
        out.append('<h2 id="%s">%s</h2>' % (v.lower().replace(" ", "-"), esc(v)) if k == "h" else "<p>%s</p>" % esc(v))
    return '''<!DOCTYPE html>
<html lang="en" class="govuk-template govuk-template--rebranded">
<head>
<meta charset="utf-8">
<title>New rules to cut waiting times for driving tests - GOV.UK</title>
<meta name="govuk:format" content="news_story">
<meta name="govuk:public-updated-at" content="2025-02-11T00:30:02+00:00">
<meta name="govuk:first-published-at" content="2025-02-11T00:30:02+00:00">
<meta name="govuk:primary-publishing-organisation" content="Driver and Vehicle Standards Agency">
<meta property="og:site_name" content="GOV.UK">
<meta property="og:title" content="New rules to cut waiting times for driving tests">
<meta property="og:type" content="article">
<link rel="canonical" href="%(url)s">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"WebPage","@id":"%(url)s"},"headline":"New rules to cut waiting times for driving tests","datePublished":"2025-02-11T00:30:02+00:00","dateModified":"2025-02-11T00:30:02+00:00","publisher":{"@type":"Organization","name":"GOV.UK","url":"https://www.gov.uk"},"author":{"@type":"Organization","name":"Driver and Vehicle Standards Agency","url":"https://www.gov.uk/government/organisations/driver-and-vehicle-standards-agency"},"about":[]}</script>
</head>
<body class="govuk-template__body">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<div id="global-cookie-message" class="gem-c-cookie-banner govuk-clearfix" data-module="cookie-banner" role="region" aria-label="Cookies on GOV.UK"><div class="govuk-cookie-banner__message govuk-width-container"><h2 class="govuk-cookie-banner__heading govuk-heading-m">Cookies on GOV.UK</h2><div class="govuk-cookie-banner__content"><p class="govuk-body">We use some essential cookies to make this website work.</p><p class="govuk-body">We’d like to set additional cookies to understand how you use GOV.UK, remember your settings and improve government services.</p></div><button class="govuk-button" type="submit">Accept additional cookies</button><button class="govuk-button" type="submit">Reject additional cookies</button></div></div>
<a href="#content" class="govuk-skip-link">Skip to main content</a>
<header role="banner" class="gem-c-layout-super-navigation-header"><div class="gem-c-layout-super-navigation-header__container govuk-width-container"><a class="govuk-header__link" href="https://www.gov.uk">GOV.UK</a><nav aria-labelledby="super-navigation-menu-heading"><ul><li><a href="/browse">Topics</a></li><li><a href="/government/organisations">Government activity</a></li></ul></nav></div></header>
<div class="govuk-width-container">
<div class="gem-c-breadcrumbs govuk-breadcrumbs"><ol class="govuk-breadcrumbs__list"><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/">Home</a></li><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/browse/driving">Driving and transport</a></li><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/browse/driving/learning-to-drive">Learning to drive</a></li></ol></div>
<main role="main" id="content" class="govuk-main-wrapper" lang="en">
<div class="govuk-grid-row gem-print-columns-none"><div class="govuk-grid-column-two-thirds"><span class="govuk-caption-xl gem-c-title__context">Press release</span><h1 class="gem-c-title__text govuk-heading-l">New rules to cut waiting times for driving tests</h1></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><p class="gem-c-lead-paragraph">Learners will have to book their own tests, and resellers will be blocked.</p></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="gem-c-metadata" data-module="metadata"><dl><dt class="gem-c-metadata__term">From:</dt><dd class="gem-c-metadata__definition"><a href="/government/organisations/driver-and-vehicle-standards-agency" class="govuk-link">Driver and Vehicle Standards Agency</a> and <a href="/government/people/heidi-alexander" class="govuk-link">The Rt Hon Heidi Alexander MP</a></dd><dt class="gem-c-metadata__term">Published</dt><dd class="gem-c-metadata__definition">11 February 2025</dd></dl></div></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="responsive-bottom-margin"><div class="gem-c-govspeak govuk-govspeak" data-module="govspeak"><div class="govspeak">%(body)s</div></div></div>
<div class="gem-c-single-page-notification-button"><button class="govuk-body-s">Get emails about this page</button></div>
<div class="gem-c-print-link govuk-!-display-none-print"><button class="govuk-link">Print this page</button></div>
<div class="gem-c-share-links"><h2 class="govuk-heading-s">Share this page</h2><ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=%(url)s">Share on Facebook</a></li><li><a href="https://twitter.com/share?url=%(url)s">Share on Twitter</a></li></ul></div>
<div class="gem-c-published-dates"><h2 class="govuk-visually-hidden">Updates to this page</h2>Published 11 February 2025</div></div>
<div class="govuk-grid-column-one-third"><nav class="gem-c-contextual-sidebar"><h2 class="gem-c-related-navigation__main-heading">Related content</h2><ul><li><a href="/book-driving-test">Book your driving test</a></li><li><a href="/driving-test">Driving test: cars</a></li></ul></nav></div></div>
<div class="gem-c-feedback govuk-!-display-none-print"><div class="gem-c-feedback__prompt"><h2 class="gem-c-feedback__prompt-question">Is this page useful?</h2><button>Yes</button><button>No</button><button>Report a problem with this page</button></div></div>
</main>
</div>
<footer class="gem-c-layout-footer govuk-footer"><div class="govuk-width-container"><h2 class="govuk-visually-hidden">Support links</h2><ul class="govuk-footer__inline-list"><li><a href="/help">Help</a></li><li><a href="/help/privacy-notice">Privacy</a></li><li><a href="/help/cookies">Cookies</a></li></ul><span class="govuk-footer__licence-description">All content is available under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>, except where otherwise stated</span><a class="govuk-footer__link govuk-footer__copyright-logo" href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/">© Crown copyright</a></div></footer>
</body>
</html>''' % dict(url=pg["meta"]["url"], body="".join(out) + ("<ul>%s</ul>" % "".join(lis) if lis else ""))


# 27. Local TV station: video player, "Copyright ... may not be published"
#     line inside the story container, trending list, "RELATED:" lines.
@page("local-tv-story", dict(
    title="Crews contain brush fire that forced evacuations near Cedar Hills",
    authors=["Alyssa Chen"], published="2025-07-06T19:22:00-07:00",
    publisher="KXVT News 7",
    url="https://www.kxvt.com/article/news/local/wildfire/cedar-hills-brush-fire-evacuations/283-7f1c9d2e"), """
Firefighters had fully contained a brush fire that burned about 340 acres near Cedar Hills by Sunday evening, and residents of about 600 homes who were ordered to leave on Saturday were allowed to return, officials said.
The fire started shortly after 2 p.m. Saturday near the Cedar Hills trailhead and spread quickly through dry grass pushed by winds gusting to 30 mph. No homes were destroyed, but one barn and two sheds burned, according to the county fire district.
One firefighter was treated for heat exhaustion and released.
"The crews on the ground and the air tankers made the difference," Fire District Chief Manny Ortega said at a news briefing. "We were very lucky with the wind on Saturday night."
The cause of the fire is under investigation. Officials reminded residents that fireworks are banned in unincorporated areas of the county through September.
""")
def _(pg):
    ps_ = [v for k, v in blocks(pg["text"])]
    body = []
    for i, p in enumerate(ps_):
        body.append("<p>%s</p>" % esc(p))
        if i == 1:
            body.append('<p><strong>RELATED: </strong><a href="/article/news/local/wildfire/fire-season-outlook/283-aa12">Fire officials warn of early, dangerous season in the foothills</a></p>')
        if i == 3:
            body.append('<p><strong>WATCH: </strong><a href="/video/news/local/cedar-hills-fire-aerial/283-bb34">Aerial footage shows burn scar</a></p>')
    main = '''<main><div class="article__video"><div class="video-player" data-video-id="283-9c1"><div class="video-player__title">Brush fire near Cedar Hills forces evacuations</div><div class="video-player__caption">Firefighters battled flames and wind on Saturday afternoon.</div><div class="video-player__controls"><button>Play</button><span class="duration">1:42</span></div></div></div><article class="article"><h1 class="article__headline">Crews contain brush fire that forced evacuations near Cedar Hills</h1><div class="article__summary"><p>Residents of about 600 homes were allowed to return Sunday.</p></div><div class="article__author">Author: <a href="/author/alyssa-chen">Alyssa Chen</a>, KXVT Staff</div><div class="article__published">Published: 7:22 PM PDT July 6, 2025</div><div class="article__updated">Updated: 9:05 PM PDT July 6, 2025</div><div class="article__body"><div class="article__section article__section_type_text">%s<p><em>Copyright 2025 KXVT. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</em></p></div></div><div class="article__trending"><h2>Trending on kxvt.com</h2><ol><li><a href="/t/1">Man rescued after falling 60 feet at Granite Falls</a></li><li><a href="/t/2">Here's where to watch fireworks this year</a></li></ol></div></article></main>''' % "".join(body)
    ld = '<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"Crews contain brush fire that forced evacuations near Cedar Hills","datePublished":"2025-07-07T02:22:00Z","dateModified":"2025-07-07T04:05:00Z","author":[{"@type":"Person","name":"Alyssa Chen"},{"@type":"Person","name":"KXVT Staff"}],"publisher":{"@type":"Organization","name":"KXVT"}}</script>'
    return chrome("KXVT News 7", "Cedar Hills brush fire contained, evacuation orders lifted | kxvt.com", '<meta property="og:site_name" content="KXVT News 7"><meta property="og:title" content="Crews contain brush fire that forced evacuations near Cedar Hills"><meta property="og:type" content="article">' + ld, main)


# 28. CivicPlus "News Flash" item: date in a "Posted on" line, table-based
#     layout, "Return to full list", "Tools" widgets.
@page("civicplus-newsflash", dict(
    title="Water main replacement on Oak Avenue to begin June 16",
    authors=[], published="2025-06-09T00:00:00Z",
    publisher="City of Brookfield",
    url="https://www.brookfieldcity.gov/CivicAlerts.aspx?AID=1142"), """
The City of Brookfield will begin replacing the water main under Oak Avenue between 4th Street and Maple Drive on Monday, June 16. The work is expected to last about ten weeks, weather permitting.
Oak Avenue will be closed to through traffic in the work zone during the day, from 7 a.m. to 5 p.m., Monday through Friday. Residents will have access to their driveways except for short periods when crews are working directly in front of their homes, and will be notified in advance.
Some residents will experience short water service interruptions while new service lines are connected. Crews will leave a door hanger at least 24 hours before any planned interruption.
The existing main was installed in 1938 and has broken 14 times in the past five years. The $2.7 million project is funded by the city's water utility and a low-interest loan from the state revolving fund.
Questions about the project may be directed to the Public Works Department at 555-271-4400.
""")
def _(pg):
    body = "".join('<p><span style="font-size: 12pt;">%s</span></p>' % esc(v) for k, v in blocks(pg["text"]))
    return '''<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8" /><title>
	News Flash &bull; Brookfield, WI &bull; CivicEngage
</title><meta name="viewport" content="width=device-width, initial-scale=1" /><meta property="og:title" content="Water main replacement on Oak Avenue to begin June 16" /><meta property="og:description" content="The City of Brookfield will begin replacing the water main under Oak Avenue between 4th Street and Maple Drive on Monday, June 16." /><meta property="og:site_name" content="City of Brookfield" />
<script type="text/javascript">var _gaq = _gaq || []; var intCountyID = 0; var strPageTitle = "News Flash";</script>
</head>
<body class="wide" id="mainBody">
<form name="aspnetForm" method="post" action="./CivicAlerts.aspx?AID=1142" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkcL4rX0h9yQ" />
<div id="outer-wrap"><div id="inner-wrap">
<div id="bannerDiv"><a href="/" id="logo"><img src="/ImageRepository/Document?documentID=1" alt="Brookfield, WI - Homepage"></a><ul id="mainNav" class="nav"><li><a href="/9/Government">Government</a></li><li><a href="/27/Departments">Departments</a></li><li><a href="/35/Community">Community</a></li><li><a href="/43/How-Do-I">How Do I...</a></li></ul><div class="search"><input type="text" placeholder="Search" /></div></div>
<div id="divBreadCrumbs" class="breadCrumbContainer"><ol class="breadCrumbs"><li><a class="breadCrumb" href="/">Home</a></li><li><a class="breadCrumb" href="/CivicAlerts.aspx">News Flash</a></li></ol></div>
<div id="moduleContent">
<div class="moduleContentNew">
<table class="bodyContainer" cellspacing="0" cellpadding="0" width="100%%" role="presentation"><tr><td class="bodyContainerTop"></td></tr><tr><td>
<div id="CA_Detail">
<h2 class="detailHeader">News Flash</h2>
<a href="/CivicAlerts.aspx?CID=3" class="backLink">Public Works Updates</a>
<div class="single">
<div class="detail">
<h3>Water main replacement on Oak Avenue to begin June 16</h3>
<span class="date">Posted on: June 9, 2025</span>
<div class="tools"><ul><li class="share"><a href="#" id="shareLink">Share &amp; Bookmark</a></li><li><a href="#">Print</a></li><li><a href="#">Email</a></li></ul></div>
<div class="fr-view">%(body)s</div>
<div class="returnToList"><a href="/CivicAlerts.aspx">&larr; Return to full list</a></div>
</div>
</div>
</div>
</td></tr></table>
</div>
<div class="widget relatedNews"><h4 class="widgetTitle">Other News in Public Works Updates</h4><ul><li><a href="/CivicAlerts.aspx?AID=1139">Brush collection schedule changes for July</a><p>Posted on: June 2, 2025</p></li><li><a href="/CivicAlerts.aspx?AID=1131">Spring street sweeping complete</a><p>Posted on: May 20, 2025</p></li></ul></div>
</div>
<div id="footer"><p>City of Brookfield, 2000 N Calhoun Rd, Brookfield, WI 53005 | Phone: 262-782-9650</p><p><a href="/Admin">Government Websites by CivicPlus&reg;</a></p></div>
</div></div>
</form>
</body>
</html>''' % dict(body=body)


# 29. WordPress explainer with a table-of-contents box, "Key takeaways"
#     box (a summary of the body, furniture), FAQ section (body).
@page("wp-toc-explainer", dict(
    title="What the new federal rule on junk fees means for your hotel and concert tickets",
    authors=["Olivia Grant"], published="2025-05-12T09:00:00-04:00",
    publisher="Consumer Compass",
    url="https://consumercompass.org/junk-fees-rule-explained/"), """
A Federal Trade Commission rule that took effect on Monday requires hotels, vacation rentals and ticket sellers to show the full price of what they sell, including mandatory fees, the first time they show a price.
The rule targets so-called drip pricing, in which a low price is advertised and fees are added at checkout. The FTC estimates it will save consumers about 53 million hours a year spent hunting for the real price.
## What the rule covers
The rule applies to short-term lodging, including hotels, motels and rentals on sites like Airbnb and Vrbo, and to tickets for live events such as concerts, sports and theater. It does not cover airline tickets, which are regulated by the Transportation Department, or restaurants.
## What it does not do
The rule does not cap or ban fees. A ticket seller can still charge a service fee of any size, as long as it is included in the first price you see. Taxes and shipping charges may still be added later.
## Frequently asked questions
Can a hotel still charge a resort fee? Yes, but it must be included in the nightly rate that is advertised.
What if I see a price that leaves out a fee? You can report it to the FTC at ReportFraud.ftc.gov.
""")
def _(pg):
    out = []
    for i, (k, v) in enumerate(blocks(pg["text"])):
        out.append('<h2 class="wp-block-heading"><span class="ez-toc-section" id="%s"></span>%s<span class="ez-toc-section-end"></span></h2>' % (v.replace(" ", "_"), esc(v)) if k == "h" else "<p>%s</p>" % esc(v))
        if i == 1:
            out.append('<div class="wp-block-group key-takeaways has-background" style="background-color:#f0f7ff"><div class="wp-block-group__inner-container"><h3 class="wp-block-heading">Key takeaways</h3><ul><li>Hotels and ticket sellers must show the total price up front.</li><li>Airlines and restaurants are not covered.</li><li>Fees are not capped.</li></ul></div></div><div id="ez-toc-container" class="ez-toc-v2_0_69 counter-hierarchy ez-toc-counter ez-toc-grey ez-toc-container-direction"><div class="ez-toc-title-container"><p class="ez-toc-title">Table of Contents</p><span class="ez-toc-title-toggle"><a href="#" class="ez-toc-pull-right ez-toc-btn ez-toc-btn-xs ez-toc-btn-default ez-toc-toggle" aria-label="Toggle Table of Content"><span class="ez-toc-js-icon-con"><span class=""><span class="eztoc-hide" style="display:none;">Toggle</span><span class="ez-toc-icon-toggle-span"><svg style="fill: #999;color:#999" xmlns="http://www.w3.org/2000/svg" class="list-377408" width="20px" height="20px" viewBox="0 0 24 24" fill="none"><path d="M6 6H4v2h2V6zm14 0H8v2h12V6zM4 11h2v2H4v-2zm16 0H8v2h12v-2zM4 16h2v2H4v-2zm16 0H8v2h12v-2z" fill="currentColor"></path></svg></span></span></span></a></span></div><nav><ul class="ez-toc-list ez-toc-list-level-1 "><li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-1" href="#What_the_rule_covers" title="What the rule covers">What the rule covers</a></li><li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-2" href="#What_it_does_not_do" title="What it does not do">What it does not do</a></li><li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-3" href="#Frequently_asked_questions" title="Frequently asked questions">Frequently asked questions</a></li></ul></nav></div>')
    main = '''<main id="primary" class="site-main"><article id="post-5521" class="post-5521 post type-post status-publish format-standard hentry category-explainers"><header class="entry-header"><h1 class="entry-title">What the new federal rule on junk fees means for your hotel and concert tickets</h1><div class="entry-meta"><span class="posted-on">Posted on <a href="%(url)s" rel="bookmark"><time class="entry-date published" datetime="2025-05-12T09:00:00-04:00">May 12, 2025</time><time class="updated" datetime="2025-05-13T11:20:00-04:00">May 13, 2025</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/ogrant/">Olivia Grant</a></span></span></div></header><div class="entry-content">%(body)s<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" href="/donate/">Support independent consumer journalism</a></div></div></div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/explainers/" rel="category tag">Explainers</a></span></footer></article><nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/credit-freeze/" rel="prev"><span class="nav-subtitle">Previous:</span> <span class="nav-title">How to freeze your credit, and why you should</span></a></div></div></nav></main>''' % dict(url=pg["meta"]["url"], body="".join(out))
    return chrome("Consumer Compass", "What the new federal rule on junk fees means for your hotel and concert tickets &#8211; Consumer Compass", og(pg["meta"]), main)


# 30. Live blog, oldest entry first, each entry an <article> with its own
#     byline; the page date only in JSON-LD; a "Key events" link list.
@page("liveblog-oldest-first", dict(
    title="Election night in Maplewood: results as they come in",
    authors=["Tara Lindqvist"], published="2025-11-04T19:55:00-05:00",
    publisher="Maplewood Observer",
    url="https://www.maplewoodobserver.com/live/election-night-2025"), """
@@ 7:55 p.m. | Polls close
Polls closed at 8 p.m. across the county. The clerk's office expects to post the first results, from early and mail-in ballots, by about 8:30.
Turnout appeared heavy in the city's western wards, where poll workers reported lines at several schools in the late afternoon.
@@ 8:41 p.m. | First results: Ostrowski leads in mayor's race
With early and mail ballots counted, incumbent Mayor Ruth Ostrowski has 54 percent of the vote to 46 percent for council member Derek Haines.
@@ 9:30 p.m. | School levy passing narrowly
The school operating levy is passing with 51.3 percent of the vote with about half of precincts reporting. The levy would raise about $6 million a year for teacher pay and building repairs.
@@ 10:48 p.m. | Haines concedes
Derek Haines conceded the mayor's race in a speech to supporters at the VFW hall. "The voters have spoken, and I respect their decision," he said. Ostrowski won a third term with 55 percent of the vote, according to unofficial results.
""")
def _(pg):
    ents = entries(pg["text"])
    arts = "".join('<article class="liveblog-post" id="post-%d"><header><span class="liveblog-post__time">%s</span><span class="liveblog-post__author">Tara Lindqvist</span><h3>%s</h3></header>%s<footer><a href="#post-%d" class="permalink">Link to this update</a></footer></article>' % (i, t, esc(h), "".join("<p>%s</p>" % esc(p) for p in ps_), i) for i, ((t, h), ps_) in enumerate(ents))
    keys = "".join('<li><a href="#post-%d">%s</a></li>' % (i, esc(h)) for i, ((t, h), _x) in enumerate(ents))
    main = '''<main><div class="liveblog"><div class="liveblog__header"><span class="badge">Live</span><h1>Election night in Maplewood: results as they come in</h1><p class="byline">Tara Lindqvist, Maplewood Observer</p></div><div class="liveblog__key-events"><h2>Key events</h2><ul>%s</ul></div><div class="liveblog__feed">%s</div><div class="liveblog__results-widget"><h3>Mayor</h3><table><tr><td>Ostrowski</td><td>55%%</td></tr><tr><td>Haines</td><td>45%%</td></tr></table><p>Unofficial results. Source: Maplewood County Clerk</p></div></div></main>''' % (keys, arts)
    head = '<meta property="og:site_name" content="Maplewood Observer"><meta property="og:title" content="Election night in Maplewood: results as they come in"><script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Election night in Maplewood: results as they come in","datePublished":"2025-11-04T19:55:00-05:00","author":{"@type":"Person","name":"Tara Lindqvist"},"publisher":{"@type":"Organization","name":"Maplewood Observer"}}</script>'
    return chrome("Maplewood Observer", "Election night in Maplewood: results as they come in | Maplewood Observer", head, main)


# 31. Nuxt: the server rendered only the title; the body is in
#     window.__NUXT__ as a JSON object with HTML in a string field.
@page("nuxt-state-html", dict(
    title="Transit agency picks builder for downtown light rail tunnel",
    authors=["Henrik Sato"], published="2025-09-09T12:00:00Z",
    publisher="Urban Transit Journal",
    url="https://www.urbantransitjournal.com/articles/downtown-light-rail-tunnel-contractor"), """
The regional transit agency's board on Monday selected a joint venture led by Kiewit to design and build a 1.8-mile light rail tunnel under downtown, the most expensive piece of the agency's $11 billion expansion plan.
The contract is worth $2.4 billion, about $300 million more than the agency's estimate last year. Agency staff attributed most of the increase to higher costs for steel, concrete and tunnel boring machines.
Board member Elena Rossi voted against the award, saying the agency had not explained how it would cover the higher cost. "We are signing the biggest contract in our history without a financing plan for the difference," she said.
Construction is expected to begin next summer, with trains running through the tunnel by 2032.
""")
def _(pg):
    html_body = "".join("<p>%s</p>" % esc(v) for k, v in blocks(pg["text"]))
    state = {"layout": "default", "data": [{"article": {"id": 8812, "title": pg["meta"]["title"], "author": {"name": "Henrik Sato"},
             "published_at": "2025-09-09T12:00:00Z", "content_html": html_body, "tags": ["light rail", "tunnels"]}}],
             "fetch": {}, "error": None, "state": {"site": {"name": "Urban Transit Journal"}}, "serverRendered": True}
    return '''<!doctype html>
<html data-n-head-ssr lang="en" data-n-head="%%7B%%22lang%%22:%%7B%%22ssr%%22:%%22en%%22%%7D%%7D">
<head><title>Transit agency picks builder for downtown light rail tunnel | Urban Transit Journal</title><meta data-n-head="ssr" charset="utf-8"><meta data-n-head="ssr" data-hid="og:title" property="og:title" content="Transit agency picks builder for downtown light rail tunnel"><meta data-n-head="ssr" data-hid="og:site_name" property="og:site_name" content="Urban Transit Journal"><meta data-n-head="ssr" data-hid="article:published_time" property="article:published_time" content="2025-09-09T12:00:00Z"><meta data-n-head="ssr" name="author" content="Henrik Sato"><link rel="preload" href="/_nuxt/app.4f2a.js" as="script"></head>
<body><div data-server-rendered="true" id="__nuxt"><div id="__layout"><div class="app"><header class="app-header"><a href="/" class="nuxt-link-active">Urban Transit Journal</a><nav><a href="/topics/rail">Rail</a><a href="/topics/bus">Bus</a><a href="/topics/funding">Funding</a></nav></header><div class="article-page"><h1 class="article-page__title">Transit agency picks builder for downtown light rail tunnel</h1><div class="article-page__meta">Henrik Sato &middot; Sep 9, 2025</div><div class="article-page__content"><!----></div><div class="article-page__paywall"><p>Sign in to read the full article.</p></div></div><footer class="app-footer">&copy; 2025 Urban Transit Journal</footer></div></div></div><script>window.__NUXT__=%s;</script><script src="/_nuxt/app.4f2a.js" defer></script></body>
</html>''' % json.dumps(state, separators=(",", ":"))


# 32. AP story on a member site: upper-case byline of three names followed by
#     the wire, dateline "WASHINGTON (AP) —", date only as page text.
@page("ap-caps-byline", dict(
    title="Retail sales rose 0.6% in August as shoppers shrugged off higher prices",
    authors=["Anne Kowalski", "Dee-Ann Durbin", "Christopher Rugaber"],
    published="2025-09-16T08:45:00-04:00", publisher="The Riverside Herald",
    url="https://www.riversideherald.com/ap/business/retail-sales-august-2025"), """
WASHINGTON (AP) — Americans increased their spending at retailers in August by more than expected, a sign that consumers are still willing to open their wallets despite higher prices from tariffs and a slowing job market.
Retail sales rose 0.6% last month, the Commerce Department said Tuesday, after a 0.6% gain in July. Economists had forecast an increase of 0.2%.
Sales at online retailers jumped 2%, and clothing stores reported a 1% gain. Sales at gas stations rose 0.9%, partly reflecting higher prices at the pump. Restaurants, a barometer of discretionary spending, reported a 0.7% increase.
"Consumers are spending with some confidence," said Michael Pearce, deputy chief U.S. economist at Oxford Economics. "But a lot of this is being done by higher-income households."
The report comes as the Federal Reserve meets this week and is widely expected to cut its key interest rate for the first time this year.
""")
def _(pg):
    main = '''<main><article class="ap-story"><div class="kicker">Business</div><h1>Retail sales rose 0.6%% in August as shoppers shrugged off higher prices</h1><div class="byline-block"><span class="byline">By ANNE KOWALSKI, DEE-ANN DURBIN and CHRISTOPHER RUGABER</span> <span class="byline-org">Associated Press</span></div><div class="timestamp">Sep 16, 2025 Updated Sep 16, 2025</div><div class="share-tools"><a href="#">Facebook</a> <a href="#">Email</a> <a href="#">Print</a> <a href="#">Copy article link</a> <a href="#">Save</a></div><div id="article-body" class="asset-content">%s<p class="ap-credit"><em>Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</em></p></div></article></main>''' % ps(pg["text"])
    head = '<meta property="og:site_name" content="The Riverside Herald"><meta property="og:title" content="Retail sales rose 0.6%% in August as shoppers shrugged off higher prices"><meta property="og:type" content="article"><meta property="article:published_time" content="2025-09-16T08:45:00-04:00">'.replace("%%", "%")
    return chrome("The Riverside Herald", "Retail sales rose 0.6%% in August as shoppers shrugged off higher prices | Business | riversideherald.com".replace("%%", "%"), head, main)
