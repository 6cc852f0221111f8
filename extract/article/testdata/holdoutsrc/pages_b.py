"""News-site templates: interviews, listicles, photo pages, paywalls, pages
whose body lives in a script blob, inline furniture, tables, names."""
import json
from make import blocks, esc, registrar

PAGES = []
page = registrar(PAGES)


def chrome(site, title, head, main, lang="en"):
    """A news site's header and footer around main."""
    return '''<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>%s
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
</head><body><div id="onetrust-banner-sdk" class="otFlat"><div id="onetrust-policy-text">We and our partners use cookies to personalise content and ads and to analyse our traffic. By clicking "Accept all" you agree to this. <a href="/privacy">Privacy policy</a></div><button id="onetrust-accept-btn-handler">Accept all</button></div>
<header class="masthead"><div class="masthead__top"><a href="/" class="masthead__logo" aria-label="%s home"><svg viewBox="0 0 200 40"><title>%s</title></svg></a><nav class="masthead__nav"><ul><li><a href="/news">News</a></li><li><a href="/business">Business</a></li><li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/obituaries">Obituaries</a></li></ul></nav><div class="masthead__account"><a href="/login">Log in</a><a class="btn" href="/subscribe">Subscribe for $1</a></div></div></header>
%s
<footer class="site-footer"><div class="site-footer__cols"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/careers">Careers</a></li><li><a href="/advertise">Advertise</a></li></ul><ul><li><a href="/terms">Terms of Service</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/ca-notice">Do Not Sell or Share My Personal Information</a></li></ul></div><p class="copyright">Copyright &copy; 2025 %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p></footer>
</body></html>''' % (lang, title, head, esc(site), esc(site), main, esc(site))


def og(meta, extra=""):
    return ('<meta property="og:title" content="%s"><meta property="og:site_name" content="%s"><meta property="og:type" content="article"><link rel="canonical" href="%s">' % (esc(meta["title"]).replace('"', "&quot;"), esc(meta["publisher"]), meta["url"])) + extra


# 11. Q&A interview with bold speaker labels.
@page("qa-bold-speakers", dict(
    title="'We priced the risk wrong': an insurer's chief on leaving the California market",
    authors=["Helen Park"], published="2025-02-18T05:00:00-08:00",
    publisher="Pacific Business Review",
    url="https://www.pacificbusinessreview.com/insurance/2025/02/18/interview-insurer-california-wildfire"), """
Three weeks after wildfires destroyed more than 16,000 buildings in Los Angeles County, Hartwell Mutual said it would stop writing new homeowners policies in California. Its chief executive, Dana Whitcombe, spoke with the Pacific Business Review about the decision. The conversation has been edited for length and clarity.
Pacific Business Review: Why leave now?
Dana Whitcombe: We didn't decide this in January. We have been losing money on California homeowners coverage for six of the last eight years. The fires made it impossible to pretend that was going to change on its own.
PBR: Regulators say insurers can now use catastrophe models to set rates. Doesn't that fix the problem?
Whitcombe: It helps. But the rule also requires us to write more policies in high-risk areas in exchange, and we are not sure the rates the department will approve cover that risk. We priced the risk wrong for a long time. I don't want to do it again.
PBR: What happens to your existing customers?
Whitcombe: Nobody loses a policy because of this. We will keep renewing the roughly 140,000 homes we already cover, as long as the owners want us to.
PBR: Will you come back?
Whitcombe: If the math works, yes. California is the biggest market in the country. Nobody leaves it lightly.
""")
def _(pg):
    out = []
    for k, v in blocks(pg["text"]):
        if ": " in v[:30] and not v.startswith("Three"):
            who, said = v.split(": ", 1)
            out.append('<p><strong>%s:</strong> %s</p>' % (esc(who), esc(said)))
        else:
            out.append('<p class="article-intro"><em>%s</em></p>' % esc(v))
    main = '''<main id="main"><article class="story"><div class="story__kicker"><a href="/insurance">Insurance</a> · Q&amp;A</div><h1 class="story__headline">&lsquo;We priced the risk wrong&rsquo;: an insurer&rsquo;s chief on leaving the California market</h1><div class="story__byline"><span class="by">By <a rel="author" href="/staff/helen-park">Helen Park</a></span><span class="role"> | Insurance Reporter</span><time class="story__date" datetime="2025-02-18T05:00:00-08:00">Feb. 18, 2025 5:00 a.m. PT</time></div><div class="story__share"><a class="share share--fb" href="#">Facebook</a><a class="share share--x" href="#">X</a><a class="share share--li" href="#">LinkedIn</a><a class="share share--mail" href="#">Email</a><a class="gift" href="#">Gift this article</a></div><figure class="story__lead"><img src="/img/whitcombe.jpg" alt="Dana Whitcombe"><figcaption>Dana Whitcombe, chief executive of Hartwell Mutual, at the company's offices in Sacramento. <span class="credit">Photo: Rafael Ortiz for Pacific Business Review</span></figcaption></figure><div class="story__body">%s<div class="story__endnote"><p>Helen Park covers insurance and banking. Reach her at hpark@pacificbusinessreview.com.</p></div></div></article><section class="related"><h2>More on the wildfires</h2><ul><li><a href="/a/1">State Farm asks for emergency 22%% rate increase</a></li><li><a href="/a/2">FAIR Plan policies double in two years</a></li></ul></section></main>''' % "".join(out)
    return chrome("Pacific Business Review", "&#x27;We priced the risk wrong&#x27;: an insurer&#x27;s chief on leaving the California market - Pacific Business Review", og(pg["meta"], '<meta property="article:published_time" content="2025-02-18T13:00:00Z"><meta name="author" content="Helen Park">'), main)


# 12. Listicle with numbered headings, images and an ad between items.
@page("listicle-numbered", dict(
    title="7 changes to Social Security you need to know about in 2026",
    authors=["Mark Delaney"], published="2025-12-02T08:00:00-05:00",
    publisher="Money Minute",
    url="https://www.moneyminute.com/retirement/social-security-changes-2026/"), """
Social Security is changing in several ways next year, some of which will show up in your check and some of which will only matter if you are still working. Here is what is different in 2026.
## 1. A 2.8% cost-of-living increase
Benefits will rise 2.8 percent in January, the Social Security Administration announced in October. For the average retired worker, that is an increase of about $56 a month.
## 2. Higher Medicare premiums will eat part of it
The standard Medicare Part B premium, which is deducted from most people's Social Security checks, will rise to $202.90 a month from $185.
## 3. The earnings limit goes up
If you claim benefits before full retirement age and keep working, Social Security withholds $1 for every $2 you earn above a limit. In 2026 that limit rises to $24,480.
## 4. More of your pay is taxed
The maximum amount of earnings subject to the Social Security payroll tax rises to $184,500, from $176,100.
## 5. Full retirement age reaches 67
People born in 1960 or later, who turn 66 in 2026, will have a full retirement age of 67, the last step of a change Congress passed in 1983.
## 6. It takes more work to earn a credit
Workers will need to earn $1,890 to receive one credit toward eligibility. Most people need 40 credits to qualify for retirement benefits.
## 7. Paper checks are gone
The Treasury Department stopped issuing most paper benefit checks on September 30. Beneficiaries without a bank account can receive payments on a Direct Express debit card.
""")
def _(pg):
    out = []
    for i, (k, v) in enumerate(blocks(pg["text"])):
        if k == "h":
            out.append('<div class="listicle-item"><h2 class="listicle-item__title"><span class="listicle-item__number">%s</span> %s</h2><figure class="listicle-item__image"><img src="/img/ss-%d.jpg" loading="lazy" alt=""><figcaption class="credit">Getty Images</figcaption></figure>' % (esc(v.split(". ", 1)[0] + "."), esc(v.split(". ", 1)[1]), i))
        else:
            out.append('<p>%s</p>%s' % (esc(v), "</div>" if i > 0 else ""))
        if i in (4, 10):
            out.append('<div class="ad-slot ad-slot--inline"><p class="ad-slot__label">Advertisement</p><div class="ad-slot__unit" id="div-gpt-ad-%d"></div></div><div class="inline-cta"><p><strong>Looking for a better savings rate?</strong> Compare today\'s top high-yield savings accounts, with rates up to 4.5%% APY. <a href="/best-savings-accounts/">See rates</a></p></div>' % i)
    main = '''<main><div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/retirement/">Retirement</a> &rsaquo; Social Security</div><article class="post listicle"><h1>7 changes to Social Security you need to know about in 2026</h1><div class="post-meta"><div class="author">Written by <a href="/author/mark-delaney/">Mark Delaney</a></div><div class="reviewer">Reviewed by <a href="/author/susan-cho/">Susan Cho, CFP&reg;</a></div><div class="dates">Published <time datetime="2025-12-02T08:00:00-05:00">December 2, 2025</time></div></div><div class="disclosure"><p><em>We may receive compensation from the products and services mentioned in this story, but the opinions are the author's own. Compensation may impact where offers appear. <a href="/advertiser-disclosure/">Advertiser Disclosure</a></em></p></div><div class="post-content">%s</div><div class="author-box"><img src="/img/mark.jpg" alt=""><div><h3>About the author</h3><p>Mark Delaney has written about personal finance for 15 years. He lives in Ohio with his wife and two dogs and is still not sure when to claim his own benefits.</p></div></div></article><div class="newsletter-signup"><h3>Get smarter about your money</h3><p>Sign up for the Money Minute newsletter and get our best tips every Tuesday.</p><form><input type="email" placeholder="Your email"><button>Sign me up</button></form></div></main>''' % "".join(out)
    return chrome("Money Minute", "7 changes to Social Security you need to know about in 2026 | Money Minute", og(pg["meta"], '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"7 changes to Social Security you need to know about in 2026","datePublished":"2025-12-02T08:00:00-05:00","author":{"@type":"Person","name":"Mark Delaney"},"publisher":{"@type":"Organization","name":"Money Minute"}}</script>'), main)


# 13. Photo-heavy story: more caption text than body text between figures.
@page("photo-captions-heavy", dict(
    title="A last season for the sardine canneries of Olhão",
    authors=["Inês Carvalho"], published="2024-09-03T00:00:00Z",
    publisher="Atlantic Dispatch",
    url="https://www.atlanticdispatch.com/world/europe/2024/09/03/olhao-sardine-canneries"), """
For more than a century, the fishing town of Olhão on Portugal's southern coast was known for the smell of its canneries. At the peak in the 1920s, more than 80 factories packed sardines and tuna here. This summer, the last one still working by hand announced it would close in December.
The reasons are familiar. Sardine catches in Portuguese waters have fallen sharply since the early 2000s, and quotas set with Spain have been cut several times. Modern plants in the north can process fish far more cheaply.
"My grandmother worked here, and my mother, and then me," said Fátima Guerreiro, 58, who has packed fish at the factory for 37 years. "When it closes, nobody in my family will know how to do this anymore."
The town council has proposed turning the building into a museum. The owners say they have not decided what to do with it.
""")
def _(pg):
    caps = [
        ("Workers pack sardines by hand at the Conserveira do Sul factory in Olhão, Portugal, in August. The factory, founded in 1919, is the last in the town where every tin is filled by hand. It will close in December after 105 years.", "Inês Carvalho for Atlantic Dispatch"),
        ("Fishermen unload the morning catch at the Olhão fish market. Sardine landings at the port have fallen by more than two-thirds since 2005, according to the Portuguese Institute for the Sea and Atmosphere.", "Inês Carvalho for Atlantic Dispatch"),
        ("Fátima Guerreiro, 58, cleans sardines before they are cooked. She started at the factory when she was 21, following her mother and grandmother.", "Inês Carvalho for Atlantic Dispatch"),
        ("Finished tins wait to be labeled. The factory produced about 1.2 million tins last year, most of them sold to gourmet shops in Lisbon, Paris and New York.", "Inês Carvalho for Atlantic Dispatch"),
        ("The empty packing hall at the end of a shift. The town council wants to turn the building into a museum of the canning industry.", "Inês Carvalho for Atlantic Dispatch"),
    ]
    ps = [v for k, v in blocks(pg["text"])]
    out = []
    for i, (c, cr) in enumerate(caps):
        out.append('<figure class="photo photo--full"><picture><source srcset="/img/olhao-%d.webp" type="image/webp"><img src="/img/olhao-%d.jpg" alt="" width="2000" height="1333"></picture><figcaption class="photo__caption"><span class="photo__text">%s</span> <span class="photo__credit">%s</span></figcaption></figure>' % (i, i, esc(c), esc(cr)))
        if i < len(ps):
            out.append('<p class="paragraph">%s</p>' % esc(ps[i]))
    main = '''<main><article class="photo-essay"><header><p class="kicker">Photos</p><h1>A last season for the sardine canneries of Olh&atilde;o</h1><p class="dek">The Portuguese fishing town once had more than 80 canneries. The last one that works by hand is about to close.</p><p class="byline">Photographs and text by <a href="/by/ines-carvalho">Inês Carvalho</a></p><p class="dateline">Sept. 3, 2024</p></header><div class="photo-essay__body">%s</div><div class="more-photos"><h2>More photo essays</h2><a href="/photos/1">The glassblowers of Murano</a><a href="/photos/2">Ice fishing on Lake Baikal</a></div></article></main>''' % "".join(out)
    return chrome("Atlantic Dispatch", "A last season for the sardine canneries of Olhão - Atlantic Dispatch", og(pg["meta"], '<meta name="author" content="Inês Carvalho">'), main)


# 14. Paywall: two teaser paragraphs in the HTML, the whole text only in the
#     JSON-LD articleBody.
@page("paywall-jsonld-body", dict(
    title="Hospital chain to close two rural emergency rooms as losses mount",
    authors=["Jerome Whitaker"], published="2025-06-11T18:45:00-05:00",
    publisher="The Plains Courier",
    url="https://www.plainscourier.com/news/health/hospital-chain-to-close-two-rural-ers/article_5e1c2a0e-9b1f.html"), """
Prairie Health System will close the emergency departments at its hospitals in Alton and Beech Creek by the end of August, the company told employees on Wednesday, citing operating losses of more than $30 million over the past two years.
The two hospitals will remain open as outpatient clinics with urgent care during the day, but patients with heart attacks, strokes or serious injuries will have to be taken to the system's regional hospital in Millford, about 45 miles from Beech Creek.
About 110 employees will lose their jobs, the company said, though it said it would offer positions elsewhere in the system to as many as possible.
"This was not a decision we made lightly," Prairie Health's chief executive, Laura Brandt, said in a letter to staff. "Both emergency departments see fewer than ten patients a day, and we cannot staff them safely around the clock."
County commissioners in Beech Creek said they learned of the decision from a reporter. Commissioner Ray Dobbins said the county would look into whether it could take over the hospital or convert it to a rural emergency hospital, a federal designation created in 2023 that provides extra Medicare payments to small hospitals that drop inpatient care.
State Rep. Angela Soto, whose district includes Alton, said she would ask the state health department to review whether the closures comply with state notice requirements.
""")
def _(pg):
    ps = [v for k, v in blocks(pg["text"])]
    ld = {"@context": "http://schema.org", "@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "@id": pg["meta"]["url"]},
          "headline": pg["meta"]["title"], "description": ps[0][:150],
          "datePublished": "2025-06-11T18:45:00-05:00", "dateModified": "2025-06-12T10:02:00-05:00",
          "author": [{"@type": "Person", "name": "Jerome Whitaker", "url": "https://www.plainscourier.com/users/profile/jwhitaker"}],
          "publisher": {"@type": "Organization", "name": "The Plains Courier", "logo": {"@type": "ImageObject", "url": "https://bloximages.example/plains/logo.png"}},
          "isAccessibleForFree": "False", "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".subscriber-only"},
          "articleBody": "\n".join(ps)}
    teaser = "".join("<p>%s</p>" % esc(p) for p in ps[:2])
    main = '''<main><div id="main-page-container" class="container"><div class="row"><div class="col-md-8"><article itemscope itemtype="http://schema.org/NewsArticle" class="asset story"><div class="asset-header"><ul class="list-inline"><li><a href="/news/health/">Health</a></li></ul><h1 class="headline" itemprop="headline"><span class="asset-headline">Hospital chain to close two rural emergency rooms as losses mount</span></h1><ul class="list-inline asset-byline"><li><span itemprop="author" class="tnt-byline">Jerome Whitaker <a href="/users/profile/jwhitaker">jwhitaker@plainscourier.com</a></span></li></ul><ul class="list-inline"><li><time datetime="2025-06-11T18:45:00-05:00" class="tnt-date asset-date">Jun 11, 2025</time></li></ul><div class="share-container"><a href="#" class="tnt-share-facebook">Facebook</a><a href="#" class="tnt-share-twitter">Twitter</a><a href="#" class="tnt-share-email">Email</a><a href="#" class="tnt-share-print">Print</a><a href="#" class="tnt-save">Save</a></div></div><div class="asset-content subscriber-preview" itemprop="articleBody"><div id="article-body">%s</div></div><div class="subscriber-only encrypted-content" style="display:none">ZW5jcnlwdGVkIGNvbnRlbnQ=</div><div id="paywall-modal" class="lee-offer"><div class="offer-box"><h3>Subscribe to keep reading</h3><p>You&rsquo;ve reached your free article limit. Get unlimited digital access for just $1 for 3 months.</p><a class="btn btn-primary" href="/subscribe/">Subscribe now</a><p class="small">Already a subscriber? <a href="/users/login/">Log in</a> or <a href="/activate/">activate your account</a>.</p><p class="small">Cancel anytime. Offer for new subscribers only.</p></div></div></article></div><div class="col-md-4"><div class="tnt-ads-container"><div class="tnt-ads">Advertisement</div></div><section class="block most-popular"><h3>Most Popular</h3><ol><li><a href="/a/1">Storms knock out power to 20,000 in Millford</a></li><li><a href="/a/2">Beech Creek council approves new water rates</a></li><li><a href="/a/3">Obituary: Marjorie Ann Keller, 91</a></li></ol></section></div></div></div></main>''' % teaser
    return chrome("The Plains Courier", "Hospital chain to close two rural emergency rooms as losses mount | Health | plainscourier.com", og(pg["meta"], '<script type="application/ld+json">%s</script>' % json.dumps(ld)), main)


# 15. Next.js: the body exists only in __NEXT_DATA__ (rendered client side).
@page("nextjs-data-only", dict(
    title="Regional airline Skylink files for Chapter 11 bankruptcy protection",
    authors=["Priya Desai", "Tom Aldridge"], published="2025-07-15T09:20:00Z",
    publisher="AeroBusiness Today",
    url="https://www.aerobusinesstoday.com/airlines/skylink-chapter-11"), """
Skylink Airways, a regional carrier that flies under contract for two of the largest U.S. airlines, filed for Chapter 11 bankruptcy protection on Monday in federal court in Delaware, citing pilot shortages and the cost of returning grounded aircraft to service.
The airline said it would keep flying its full schedule during the reorganization and had arranged $75 million in debtor-in-possession financing from its existing lenders.
Skylink operates about 280 daily flights with a fleet of 76 regional jets. It listed assets of $410 million and liabilities of $690 million in its filing.
## Pilots and engines
Like other regional carriers, Skylink has struggled to keep pilots since 2022, when major airlines began hiring aggressively and offering much higher pay. The company said in court papers that it had lost 340 captains over the past two years.
It has also had to park as many as 14 jets at a time while waiting for engine parts, the filing said.
Chief Executive Rob Hanlon said in a statement that the company expected to emerge from bankruptcy by the end of the year "with a stronger balance sheet and a fleet that matches our partners' needs."
""")
def _(pg):
    content = []
    for k, v in blocks(pg["text"]):
        if k == "h":
            content.append({"type": "heading", "level": 2, "children": [{"text": v}]})
        else:
            content.append({"type": "paragraph", "children": [{"text": v}]})
    content.insert(3, {"type": "embed", "provider": "newsletter", "children": [{"text": ""}], "title": "Get the AeroBusiness Daily Brief"})
    data = {"props": {"pageProps": {"article": {"id": "a7f3", "slug": "skylink-chapter-11", "headline": pg["meta"]["title"],
            "dek": "The carrier will keep flying while it restructures",
            "authors": [{"name": "Priya Desai", "slug": "priya-desai"}, {"name": "Tom Aldridge", "slug": "tom-aldridge"}],
            "publishedAt": "2025-07-15T09:20:00.000Z", "updatedAt": "2025-07-15T14:02:00.000Z",
            "section": {"name": "Airlines", "slug": "airlines"}, "body": content,
            "related": [{"headline": "Pilot shortage eases at mainline carriers but not regionals", "slug": "pilot-shortage-eases"}]},
            "site": {"name": "AeroBusiness Today"}}, "__N_SSG": True}, "page": "/[section]/[slug]",
            "query": {"section": "airlines", "slug": "skylink-chapter-11"}, "buildId": "xK29fQ-0sLmN", "isFallback": False, "gsp": True, "scriptLoader": []}
    return '''<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>Regional airline Skylink files for Chapter 11 bankruptcy protection | AeroBusiness Today</title><meta name="description" content="The carrier will keep flying while it restructures"/><meta property="og:title" content="Regional airline Skylink files for Chapter 11 bankruptcy protection"/><meta property="og:site_name" content="AeroBusiness Today"/><meta property="og:type" content="article"/><meta property="article:published_time" content="2025-07-15T09:20:00.000Z"/><link rel="canonical" href="%s"/><meta name="next-head-count" content="9"/><link rel="preload" href="/_next/static/css/8a1b.css" as="style"/><link rel="stylesheet" href="/_next/static/css/8a1b.css" data-n-g=""/><noscript data-n-css=""></noscript><script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script><script src="/_next/static/chunks/webpack-59c5c889f52620d6.js" defer=""></script><script src="/_next/static/chunks/framework-5429a50ba5373c56.js" defer=""></script><script src="/_next/static/chunks/main-930f1e3f8c8e9a56.js" defer=""></script><script src="/_next/static/chunks/pages/%%5Bsection%%5D/%%5Bslug%%5D-2bd1e8b0d2d0a4c3.js" defer=""></script></head><body><div id="__next"><div class="Layout_wrapper__q2Xy1"><header class="Header_header__aB3dE"><a href="/" class="Header_logo__x9Y2z">AeroBusiness Today</a><nav class="Header_nav__pQ7rS"><a href="/airlines">Airlines</a><a href="/airports">Airports</a><a href="/manufacturing">Manufacturing</a><a href="/subscribe">Subscribe</a></nav></header><main class="Article_main__Zt4kP"><div class="Article_skeleton__m1Nn2"><div class="Skeleton_line__aa1"></div><div class="Skeleton_line__aa1"></div><div class="Skeleton_line__aa1"></div></div><noscript>Please enable JavaScript to read this article.</noscript></main><footer class="Footer_footer__kL0pQ"><p>© 2025 AeroBusiness Today. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></div></div><script id="__NEXT_DATA__" type="application/json">%s</script></body></html>''' % (pg["meta"]["url"], json.dumps(data, separators=(",", ":")))


# 16. Arc XP / Fusion: content_elements in Fusion.globalContent; the server
#     rendered only the first few paragraphs.
@page("arc-fusion-content", dict(
    title="School board delays vote on closing three elementary schools",
    authors=["Keisha Morgan"], published="2025-01-28T02:14:33.812Z",
    publisher="The Lakeshore Tribune",
    url="https://www.lakeshoretribune.com/news/education/2025/01/27/school-board-delays-vote-closing-elementary-schools/"), """
The Lakeshore Unified School District board on Monday postponed a vote on closing three elementary schools after more than four hours of public comment, most of it from parents who urged members to keep the schools open.
Board President Martin Greer said the board would take up the plan again on Feb. 24, after district staff answer questions about bus routes and class sizes at the schools that would absorb the displaced students.
The plan would close Harbor View, Elm Street and Riverside elementary schools at the end of the school year and move about 900 students to five nearby schools. District officials say enrollment has fallen by 18 percent since 2015 and that the closures would save about $4.6 million a year.
Parents at the meeting questioned those numbers. "You are going to spend half of that on buses," said Tanya Ruiz, whose two children attend Riverside. "And our kids will spend an hour a day on them."
Superintendent Alan Cho said the district had not yet estimated the additional transportation cost and would present it at the February meeting.
""")
def _(pg):
    ps = [v for k, v in blocks(pg["text"])]
    els = []
    for i, p in enumerate(ps):
        els.append({"_id": "P%dABC" % i, "type": "text", "content": esc(p).replace('"', "&quot;"), "additional_properties": {"_id": 1700000 + i}})
        if i == 1:
            els.append({"_id": "IMG1", "type": "image", "caption": "Parents fill the board room at Lakeshore High School on Monday.", "credits": {"by": [{"name": "Dave Kline"}]}})
            els.append({"_id": "INT1", "type": "interstitial_link", "content": "Read more: How school enrollment has changed in every Lakeshore district", "url": "/news/education/enrollment/"})
    gc = {"_id": "LKT5ABC", "type": "story", "version": "0.10.9", "canonical_url": "/news/education/2025/01/27/school-board-delays-vote-closing-elementary-schools/",
          "headlines": {"basic": pg["meta"]["title"]}, "subheadlines": {"basic": "Parents packed the meeting to oppose the plan"},
          "credits": {"by": [{"_id": "keisha-morgan", "type": "author", "name": "Keisha Morgan", "additional_properties": {"original": {"byline": "Keisha Morgan", "role": "Education reporter"}}}]},
          "display_date": "2025-01-28T02:14:33.812Z", "first_publish_date": "2025-01-28T02:14:33.812Z",
          "content_elements": els, "taxonomy": {"primary_section": {"name": "Education", "_id": "/news/education"}}}
    shown = "".join('<p class="b-paragraph c-paragraph">%s</p>' % esc(p) for p in ps[:2])
    main = '''<div id="fusion-app" class="layout-section"><main><div class="b-article-header"><div class="c-overline"><a href="/news/education/">Education</a></div><h1 class="c-heading b-headline">School board delays vote on closing three elementary schools</h1><h2 class="c-heading b-subheadline">Parents packed the meeting to oppose the plan</h2><div class="b-byline">By <a href="/people/keisha-morgan/">Keisha Morgan</a> | <span>The Lakeshore Tribune</span></div><div class="b-date">Updated January 27, 2025 at 9:14 p.m.</div></div><article class="b-article-body">%s<div class="b-article-body__loading">Loading...</div></article><div class="b-share-bar"><button>Share</button><button>Gift Article</button></div></main></div>''' % shown
    head = og(pg["meta"], '<meta property="article:published_time" content="2025-01-28T02:14:33.812Z"><meta name="author" content="Keisha Morgan">')
    html_ = chrome("The Lakeshore Tribune", "School board delays vote on closing three elementary schools &#8211; The Lakeshore Tribune", head, main)
    return html_.replace("</body>", '<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{};Fusion.arcSite="lakeshore";Fusion.deployment="1842";Fusion.globalContent=%s;Fusion.globalContentConfig={"source":"content-api","query":{"website_url":"/news/education/2025/01/27/school-board-delays-vote-closing-elementary-schools/"}};Fusion.contentCache={};</script></body>' % json.dumps(gc, separators=(",", ":")))


# 17. Everything inline: ads, a newsletter box, "Read more" teasers, an
#     author bio box and a comment thread longer than the story.
@page("inline-furniture-comments", dict(
    title="Town to pay $2.1 million to settle lawsuit over police chase crash",
    authors=["Bill Sorensen"], published="2025-04-24T16:10:00-04:00",
    publisher="Valley Sentinel",
    url="https://www.valleysentinel.com/2025/04/24/town-settles-police-chase-lawsuit/"), """
The town of Greenfield will pay $2.1 million to the family of a woman who was killed when a car fleeing police crashed into hers in 2022, under a settlement approved by the select board on Wednesday night.
Marianne Costa, 64, was driving home from work on Route 9 when a stolen SUV, pursued by two Greenfield police cruisers at speeds that reached 90 mph, ran a red light and struck her car. She died at the scene.
Her family sued the town in 2023, arguing that officers violated the department's own policy, which allows pursuits only for violent felonies. The SUV's driver was wanted for car theft.
The town did not admit wrongdoing in the settlement. Select Board Chair Linda Marsh said the board had decided to settle "to spare the family and the town years of further litigation."
Greenfield revised its pursuit policy in 2024 to require a supervisor's approval for any chase and to ban pursuits for property crimes.
The driver of the SUV, Kyle Benton, 24, pleaded guilty to motor vehicle homicide last year and is serving a 12-year sentence.
""")
def _(pg):
    ps = [v for k, v in blocks(pg["text"])]
    ins = {1: '<div class="inline-ad"><div class="ad-label">ADVERTISEMENT</div><div id="div-gpt-ad-incontent-1" style="min-height:250px"></div></div>',
           2: '<p class="read-more"><strong>READ MORE:</strong> <a href="/2023/05/11/costa-family-sues/">Family of woman killed in police chase crash sues Greenfield</a></p>',
           3: '<aside class="newsletter-inline"><h4>Get the Valley Sentinel Morning Report</h4><p>Local news you need, delivered to your inbox every weekday at 6 a.m.</p><form action="/newsletters/subscribe"><input type="email" name="email" placeholder="Email address"><button type="submit">Sign up</button></form><p class="fine">By signing up you agree to our Terms of Service and Privacy Policy.</p></aside>',
           4: '<div class="teaser-card"><a href="/2024/02/02/greenfield-pursuit-policy/"><img src="/img/cruiser.jpg" alt=""><span class="teaser-card__label">Read more</span><span class="teaser-card__title">Greenfield tightens rules on when police can chase drivers</span></a></div>'}
    body = []
    for i, p in enumerate(ps):
        body.append("<p>%s</p>" % esc(p))
        if i in ins:
            body.append(ins[i])
    comments = [("RiverRat77", "3 hours ago", "Two million of our tax dollars because some officers wanted to play cops and robbers over a stolen car. Whoever approved that chase should have been fired, not the taxpayers paying for it."),
                ("greenfield_mom", "3 hours ago", "My condolences to the Costa family. Marianne was my kids' lunch lady at Federal Street school for years and she knew every child by name. No amount of money brings her back."),
                ("JTorres", "2 hours ago", "The new policy is the right call. Most departments in the state stopped chasing for property crimes years ago. Took a death for Greenfield to catch up."),
                ("Anonymous_Taxpayer", "2 hours ago", "Is the insurance paying this or are we? The article doesn't say. If it comes out of the town budget expect your tax bill to go up next year."),
                ("RiverRat77", "1 hour ago", "@Anonymous_Taxpayer the town is in the state risk pool, so mostly insurance, but premiums will go up. Same thing in the end."),
                ("Dave K", "45 minutes ago", "People blaming the police, the guy who stole the car and ran the red light is the one who killed her. He got 12 years, should have been 25.")]
    cm = "".join('<li class="comment"><div class="comment__author">%s</div><div class="comment__time">%s</div><div class="comment__text"><p>%s</p></div><div class="comment__actions"><button>Reply</button><button>Like</button><button>Report</button></div></li>' % (esc(a), t, esc(c)) for a, t, c in comments)
    main = '''<main class="container"><article class="article"><header><a class="section-label" href="/local/">Local News</a><h1 class="article__title">Town to pay $2.1 million to settle lawsuit over police chase crash</h1><div class="article__byline">By <a href="/author/bill-sorensen/">Bill Sorensen</a>, Staff Writer</div><div class="article__date">Published: <time datetime="2025-04-24T16:10:00-04:00">April 24, 2025 at 4:10 p.m.</time></div></header><div class="article__body">%s</div><div class="article__tags"><span>Tags:</span> <a href="/tag/greenfield/">Greenfield</a> <a href="/tag/police/">police</a> <a href="/tag/courts/">courts</a></div><div class="author-bio"><img src="/img/bsorensen.jpg" alt="Bill Sorensen"><div class="author-bio__text"><p class="author-bio__name">Bill Sorensen</p><p>Bill Sorensen has covered Greenfield and the hill towns for the Valley Sentinel since 2011. Before that, he spent a decade as a reporter at newspapers in Vermont and upstate New York. He can be reached at bsorensen@valleysentinel.com or 413-555-0142.</p></div></div></article><section class="comments"><h3>Comments (6)</h3><p class="comments__rules">Comments are moderated. Please keep it civil and on topic. <a href="/comment-policy/">Read our comment policy</a>.</p><ol class="comments__list">%s</ol><button class="comments__more">Load more comments</button></section><section class="recommended"><h3>Recommended for you</h3><div class="teaser"><a href="/a/1">Greenfield teachers reach tentative contract deal</a></div><div class="teaser"><a href="/a/2">Route 9 bridge work to close lanes through June</a></div><div class="teaser"><a href="/a/3">Obituary: Harold F. Benoit, 88, of Turners Falls</a></div></section></main>''' % ("".join(body), cm)
    return chrome("Valley Sentinel", "Town to pay $2.1 million to settle lawsuit over police chase crash &#8211; Valley Sentinel", og(pg["meta"], '<meta property="article:published_time" content="2025-04-24T20:10:00+00:00">'), main)


# 18. A filing summary with a table of insider trades.
@page("filing-table-insider", dict(
    title="Directors of Corvalis Therapeutics buy shares after trial setback",
    authors=["Naomi Feld"], published="2025-03-21T17:35:00-04:00",
    publisher="FilingWatch",
    url="https://www.filingwatch.com/insider/2025/03/21/corvalis-therapeutics-director-purchases"), """
Three directors of Corvalis Therapeutics Inc. bought a combined $1.9 million of the company's stock this week, according to Form 4 filings with the Securities and Exchange Commission, after the shares fell 58 percent on news that its lead drug had failed a late-stage trial.
The purchases were made on March 18 and 19 at prices between $6.12 and $6.87 a share. The stock closed at $14.95 on March 14, the day before the company said its heart failure drug, CRV-201, did not meet its main goal in a study of 2,400 patients.
| Insider | Role | Date | Shares | Price | Value
| Elaine Marsh | Chair | Mar. 18 | 150,000 | $6.12 | $918,000
| Robert Kuang | Director | Mar. 19 | 80,000 | $6.87 | $549,600
| Hannah Lysaght | Director | Mar. 19 | 65,000 | $6.70 | $435,500
Open-market purchases by insiders after a large drop are often read as a sign that they think the selling was overdone, though studies of insider buying show mixed results as a predictor of returns.
Corvalis said it would present the full trial results at a cardiology conference in May and was analyzing whether some groups of patients had benefited.
""")
def _(pg):
    out, rows = [], []
    for k, v in blocks(pg["text"]):
        if k == "tr":
            rows.append(v)
            continue
        if rows:
            out.append('<div class="table-wrap"><table class="filing-table"><thead><tr>%s</tr></thead><tbody>%s</tbody></table><p class="table-source">Source: SEC Form 4 filings</p></div>' % ("".join("<th>%s</th>" % esc(c) for c in rows[0]), "".join("<tr>%s</tr>" % "".join('<td class="%s">%s</td>' % ("num" if j > 2 else "txt", esc(c)) for j, c in enumerate(r)) for r in rows[1:])))
            rows = []
        out.append("<p>%s</p>" % esc(v))
    main = '''<main><div class="ticker-bar"><span class="ticker">CRVS</span> <span class="price">$6.94</span> <span class="change down">-0.12 (-1.7%%)</span> <a href="/quote/CRVS">Quote</a> <a href="/filings/CRVS">All filings</a></div><article class="post"><h1>Directors of Corvalis Therapeutics buy shares after trial setback</h1><p class="post-meta">Naomi Feld &middot; <span class="date">March 21, 2025, 5:35 PM EDT</span></p><div class="post-body">%s</div><p class="disclaimer"><small>FilingWatch articles are based on public filings and are not investment advice. The author holds no position in the securities mentioned.</small></p></article><aside class="filing-links"><h3>Related filings</h3><ul><li><a href="https://www.sec.gov/Archives/edgar/data/1">Form 4 &ndash; Marsh, Elaine</a></li><li><a href="https://www.sec.gov/Archives/edgar/data/2">Form 4 &ndash; Kuang, Robert</a></li><li><a href="https://www.sec.gov/Archives/edgar/data/3">8-K &ndash; March 15, 2025</a></li></ul></aside></main>''' % "".join(out)
    return chrome("FilingWatch", "Directors of Corvalis Therapeutics buy shares after trial setback | FilingWatch", og(pg["meta"], '<meta property="article:published_time" content="2025-03-21T17:35:00-04:00"><meta name="author" content="Naomi Feld">'), main)


# 19. Match report with a line-score table and a scoring summary list.
@page("sports-line-score", dict(
    title="Harbor City FC rallies past Riverton with two late goals",
    authors=["Chris Okonkwo"], published="2025-08-17T22:48:00-04:00",
    publisher="Coastal Sports Daily",
    url="https://www.coastalsportsdaily.com/soccer/2025/08/17/harbor-city-rallies-past-riverton"), """
Harbor City FC scored twice in the last eight minutes to beat Riverton United 3-2 on Saturday night, extending its unbeaten run to nine matches and moving within two points of first place.
Substitute Mateus Oliveira tied the game in the 83rd minute with a header from a corner, and captain Jordan Ellis won it in stoppage time, curling a shot from the edge of the box inside the far post.
"We never stopped believing," Ellis said. "Nine games without a loss doesn't happen by accident."
| Team | 1st | 2nd | Final
| Riverton United | 1 | 1 | 2
| Harbor City FC | 0 | 3 | 3
Riverton had led 2-1 after goals from Sam Whitlock in the 22nd minute and Arturo Peña in the 61st. Harbor City's first goal came from a penalty by Ellis in the 55th minute.
Harbor City plays at Lakeside on Wednesday.
""")
def _(pg):
    out, rows = [], []
    for k, v in blocks(pg["text"]):
        if k == "tr":
            rows.append(v)
            continue
        if rows:
            out.append('<table class="linescore" border="0" cellpadding="2"><tr class="head">%s</tr>%s</table>' % ("".join("<td><b>%s</b></td>" % esc(c) for c in rows[0]), "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % esc(c) for c in r) for r in rows[1:])))
            rows = []
        out.append("<p>%s</p>" % esc(v))
    main = '''<main><div class="scoreboard-strip"><div class="game"><span>RIV 2</span><span>HCF 3</span><span>FT</span></div><div class="game"><span>LAK 1</span><span>BAY 1</span><span>FT</span></div><div class="game"><span>NOR 0</span><span>PRT 2</span><span>FT</span></div></div><article><h1>Harbor City FC rallies past Riverton with two late goals</h1><div class="byline">By Chris Okonkwo<br><span class="role">Coastal Sports Daily</span></div><div class="date">Aug. 17, 2025, 10:48 p.m.</div><div class="article-text">%s</div><div class="box-score-links"><a href="/soccer/match/44812/boxscore">Full box score</a> | <a href="/soccer/standings">Standings</a> | <a href="/soccer/schedule">Schedule</a></div></article><section class="standings-widget"><h3>Standings</h3><table><tr><th>Team</th><th>Pts</th></tr><tr><td>Lakeside</td><td>38</td></tr><tr><td>Harbor City FC</td><td>36</td></tr><tr><td>Bayview</td><td>33</td></tr></table></section></main>''' % "".join(out)
    head = og(pg["meta"], '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbor City FC rallies past Riverton with two late goals","datePublished":"2025-08-17T22:48:00-04:00","author":{"@type":"Person","name":"Chris Okonkwo"}}</script>')
    return chrome("Coastal Sports Daily", "Harbor City FC rallies past Riverton with two late goals | Coastal Sports Daily", head, main)


# 20. Names with accents and non-Latin letters in English text; byline in
#     "By NAME and NAME" with accents; date only in <time> text.
@page("unicode-names", dict(
    title="European court backs Danish wind developer in dispute with Polish grid operator",
    authors=["Zoë Nuñez", "Łukasz Wróbel"], published="2025-10-02T00:00:00Z",
    publisher="Energy Markets Europe",
    url="https://www.energymarketseurope.eu/news/court-backs-danish-wind-developer"), """
The General Court of the European Union on Thursday ruled in favor of Ørsted-backed developer Nordvind Ærø in its long-running dispute with Polish grid operator PSE over connection charges for an offshore wind farm in the Baltic Sea.
The court found that the European Commission had been wrong to approve a Polish rule that made offshore wind projects pay the full cost of new substations, while onshore plants paid only a share.
Søren Kjærgaard, Nordvind Ærø's chief executive, said the ruling would save the project about €140 million. "This is a good day for Baltic wind and for consumers in Poland," he said.
PSE's spokesman, Michał Dębski, said the company would study the judgment and had not decided whether to appeal to the Court of Justice.
The case drew interventions from Germany and Lithuania, and from the Commission's energy department under Commissioner Dan Jørgensen. Analysts at Aurora Energy Research said the decision could affect at least four other projects in the region, including one led by the Turkish developer İçtaş Enerji and another by Vietnamese-owned Nguyễn Power Holdings.
""")
def _(pg):
    ps = "".join("<p>%s</p>" % esc(v) for k, v in blocks(pg["text"]))
    main = '''<main><article class="node-news"><h1 class="title">European court backs Danish wind developer in dispute with Polish grid operator</h1><div class="meta"><span class="authors">By <a href="/author/zoe-nunez">Zoë Nuñez</a> and <a href="/author/lukasz-wrobel">Łukasz Wróbel</a></span> <span class="sep">|</span> <time>2 October 2025</time></div><div class="paywall-free"><div class="body">%s</div></div><div class="topics"><h4>Topics</h4><a href="/topic/offshore-wind">Offshore wind</a> <a href="/topic/grid">Grid</a> <a href="/topic/poland">Poland</a></div></article><aside><h3>Latest</h3><ul><li><a href="/n/1">Norway's Equinor delays Bałtyk 1 final investment decision</a></li><li><a href="/n/2">Germany awards 2.5 GW in North Sea auction</a></li></ul></aside></main>''' % ps
    return chrome("Energy Markets Europe", "European court backs Danish wind developer in dispute with Polish grid operator | Energy Markets Europe", '<meta property="og:site_name" content="Energy Markets Europe"><meta property="og:title" content="European court backs Danish wind developer in dispute with Polish grid operator">', main, lang="en-GB")
