"""Blog and CMS templates: WordPress, Drupal, Joomla, Blogger, Ghost, Medium,
Substack, beehiiv, live blogs."""
import json
import zlib
from make import blocks, entries, esc, registrar

PAGES = []
page = registrar(PAGES)


def curly(s):
    return esc(s).replace("'", "&#8217;").replace(' "', " &#8220;").replace('" ', "&#8221; ").replace('"', "&#8221;")


# 1. WordPress theme: share bar inside the article, "Related:" links
#    between paragraphs, byline with a role, date in <time>.
@page("wp-share-related", dict(
    title="State regulators approve rate increase for Great Lakes Gas customers",
    authors=["Marisol Vega"], published="2025-04-09T14:32:11-04:00",
    publisher="Michigan Current Report",
    url="https://michigancurrentreport.com/2025/04/09/state-regulators-approve-rate-increase-for-great-lakes-gas-customers/"), """
The Michigan Public Service Commission on Wednesday approved a rate increase for Great Lakes Gas that will add about $4.80 a month to the average residential heating bill, less than half of what the utility had requested.
The company had asked for $212 million in new annual revenue, saying it needed the money to replace aging pipelines and cover higher borrowing costs. The commission granted $93 million.
"We recognize that any increase is difficult for families," Commission Chair Dan Scripps said during the meeting. "But the record shows that a substantial part of this request was not justified."
Consumer advocates had argued that the utility's proposed return on equity of 10.5 percent was far above what investors require. The commission set it at 9.9 percent, the same level it approved in the company's last case.
## What the money pays for
About two-thirds of the approved increase will go toward the utility's main replacement program, which aims to remove the last 600 miles of cast iron and bare steel pipe from its system by 2031.
The rest covers higher property taxes, depreciation and the cost of a new customer billing system that the company said would be finished next year.
Great Lakes Gas said in a statement that it was reviewing the order. The new rates take effect with bills issued after April 15.
""")
def _(pg):
    b = blocks(pg["text"])
    body = []
    for i, (k, v) in enumerate(b):
        if k == "h":
            body.append('<h2 class="wp-block-heading">%s</h2>' % curly(v))
        else:
            body.append("<p>%s</p>" % curly(v))
        if i == 0:
            body.append('''<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener noreferrer" data-shared="sharing-facebook-48213" class="share-facebook sd-button share-icon" href="?share=facebook" target="_blank" title="Click to share on Facebook"><span>Facebook</span></a></li><li class="share-x"><a class="share-x sd-button share-icon" href="?share=x" target="_blank" title="Click to share on X"><span>X</span></a></li><li class="share-email"><a class="share-email sd-button share-icon" href="mailto:?subject=%5BShared%20Post%5D&#038;body=" title="Click to email a link to a friend"><span>Email</span></a></li><li class="share-print"><a class="share-print sd-button share-icon" href="#print" title="Click to print"><span>Print</span></a></li><li class="share-end"></li></ul></div></div></div>''')
        if i == 2:
            body.append('<p><strong>Related:</strong> <a href="https://michigancurrentreport.com/2024/11/02/great-lakes-gas-seeks-212-million-rate-hike/">Great Lakes Gas seeks $212 million rate hike, citing pipeline work</a></p>')
        if i == 4:
            body.append('<p><strong>RELATED: <a href="https://michigancurrentreport.com/2025/01/17/how-utility-rate-cases-work/">How utility rate cases work, and how you can weigh in</a></strong></p>')
    return '''<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>State regulators approve rate increase for Great Lakes Gas customers &#8211; Michigan Current Report</title>
<meta name='robots' content='max-image-preview:large' />
<link rel='dns-prefetch' href='//stats.wp.com' />
<link rel="alternate" type="application/rss+xml" title="Michigan Current Report &raquo; Feed" href="https://michigancurrentreport.com/feed/" />
<script>
window._wpemojiSettings = {"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png"};
</script>
<style id='wp-block-library-inline-css'>
.has-text-align-center{text-align:center}
</style>
<link rel='stylesheet' id='newspack-style-css' href='https://michigancurrentreport.com/wp-content/themes/newspack-theme/style.css?ver=2.3.1' media='all' />
<link rel="canonical" href="https://michigancurrentreport.com/2025/04/09/state-regulators-approve-rate-increase-for-great-lakes-gas-customers/" />
<meta property="og:type" content="article" />
<meta property="og:title" content="State regulators approve rate increase for Great Lakes Gas customers" />
<meta property="og:url" content="https://michigancurrentreport.com/2025/04/09/state-regulators-approve-rate-increase-for-great-lakes-gas-customers/" />
<meta property="og:site_name" content="Michigan Current Report" />
<meta property="article:published_time" content="2025-04-09T18:32:11+00:00" />
<meta property="article:modified_time" content="2025-04-10T12:01:45+00:00" />
</head>
<body class="post-template-default single single-post postid-48213 single-format-standard wp-embed-responsive singular has-sidebar h-nsub h-db h-ll h-dh">
<a class="skip-link screen-reader-text" href="#main">Skip to content</a>
<div id="page" class="site">
<header id="masthead" class="site-header hide-header-search">
<div class="top-header-contain desktop-only"><div class="wrapper"><nav class="secondary-menu"><ul id="menu-top" class="secondary-menu"><li id="menu-item-12" class="menu-item"><a href="/about/">About</a></li><li id="menu-item-13" class="menu-item"><a href="/donate/">Donate</a></li><li class="menu-item"><a href="/newsletters/">Newsletters</a></li></ul></nav></div></div>
<div class="middle-header-contain"><div class="wrapper"><div class="site-branding"><a href="https://michigancurrentreport.com/" class="custom-logo-link" rel="home"><img width="400" height="80" src="https://michigancurrentreport.com/wp-content/uploads/2023/02/logo.png" class="custom-logo" alt="Michigan Current Report" decoding="async" /></a></div>
<nav id="site-navigation" class="main-navigation nav1"><ul id="menu-primary" class="main-menu"><li class="menu-item"><a href="/category/environment/">Environment</a></li><li class="menu-item"><a href="/category/energy/">Energy</a></li><li class="menu-item"><a href="/category/government/">Government</a></li><li class="menu-item"><a href="/category/education/">Education</a></li></ul></nav></div></div>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-48213" class="post-48213 post type-post status-publish format-standard has-post-thumbnail hentry category-energy tag-utilities entry">
<header class="entry-header">
<span class="cat-links"><span class="screen-reader-text">Posted in</span><a href="https://michigancurrentreport.com/category/energy/" rel="category tag">Energy</a></span>
<h1 class="entry-title">State regulators approve rate increase for Great Lakes Gas customers</h1>
<div class="newspack-post-subtitle">The increase is less than half of what the utility asked for</div>
<div class="entry-subhead">
<div class="entry-meta">
<span class="author-avatar"><img alt='' src='https://secure.gravatar.com/avatar/1a2b?s=80&#038;d=mm' class='avatar avatar-80 photo' height='80' width='80' /></span>
<span class="byline"><span>By</span> <span class="author vcard"><a class="url fn n" href="https://michigancurrentreport.com/author/mvega/">Marisol Vega</a></span>, Senior Energy Reporter</span>
<span class="posted-on"><a href="https://michigancurrentreport.com/2025/04/09/state-regulators-approve-rate-increase-for-great-lakes-gas-customers/" rel="bookmark"><time class="entry-date published" datetime="2025-04-09T14:32:11-04:00">April 9, 2025</time><time class="updated" datetime="2025-04-10T08:01:45-04:00">April 10, 2025</time></a></span>
</div>
<div class="share-print-email"><a href="#" class="share-x">Share on X</a> <a href="#" class="share-fb">Share on Facebook</a></div>
</div>
</header>
<figure class="post-thumbnail"><img width="1200" height="800" src="https://michigancurrentreport.com/wp-content/uploads/2025/04/gas-meter.jpg" class="attachment-newspack-featured-image size-newspack-featured-image wp-post-image" alt="" decoding="async" fetchpriority="high" /><figcaption><span class="image-caption">A natural gas meter outside a home in Lansing.</span> <span class="image-credit"><span class="credit-label-wrapper">Credit:</span> Jordan Pike / Michigan Current Report</span></figcaption></figure>
<div class="entry-content">
%s
<div class="wp-block-newspack-blocks-donate"><p>Michigan Current Report is a nonprofit newsroom. <a href="/donate/">Support our journalism</a> with a tax-deductible gift today.</p></div>
<p>Republish this story: <a href="#" class="republication-tracker-tool-button">Click to republish</a></p>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-48213" data-src="https://widgets.wp.com/likes/#blog_id=1" data-name="like-post-frame"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder" style="height: 55px;"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>
<div id='jp-relatedposts' class='jp-relatedposts' >
<h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<div class="jp-relatedposts-items"><p class="jp-relatedposts-post"><a href="/2025/03/12/dte-outages/">DTE says outage times fell by a third last year</a> <span>In &quot;Energy&quot;</span></p><p class="jp-relatedposts-post"><a href="/2025/02/20/propane-prices/">Propane prices climb as cold snap lingers in the Upper Peninsula</a> <span>In &quot;Energy&quot;</span></p></div>
</div>
</div><!-- .entry-content -->
<footer class="entry-footer"><span class="tags-links"><span class="screen-reader-text">Tagged:</span> <a href="/tag/utilities/" rel="tag">utilities</a></span></footer>
<div class="author-bio"><div class="author-bio-text"><div class="author-bio-header"><h2 class="accent-header">Marisol Vega<span>, Senior Energy Reporter</span></h2></div><p>Marisol Vega covers energy, utilities and climate for Michigan Current Report. She previously worked at the Grand Rapids Press and holds a degree from Michigan State University. <a class="author-link" href="/author/mvega/">More by Marisol Vega</a></p></div></div>
</article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a comment <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked <span class="required">*</span></p><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8"></textarea></p></form></div></div>
</main>
<aside id="secondary" class="widget-area"><section id="newspack-blocks-homepage-articles-3" class="widget"><h2 class="widget-title">Most Read</h2><ul><li><a href="/2025/04/07/line-5/">Line 5 tunnel permit faces new legal challenge</a></li><li><a href="/2025/04/08/budget/">Whitmer's budget would expand free community college</a></li></ul></section></aside>
</div>
</div>
<footer id="colophon" class="site-footer"><div class="wrapper site-info"><p>&copy; 2025 Michigan Current Report. Proudly powered by <a href="https://wordpress.org/">WordPress</a> | <a href="/privacy-policy/">Privacy Policy</a></p></div></footer>
</div>
<script src="https://michigancurrentreport.com/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</body>
</html>
''' % "\n".join(body)


# 2. WordPress with Elementor: nested widget wrappers, three authors in one
#    byline, date only in the Yoast JSON-LD graph, no og:site_name.
@page("wp-elementor-multi", dict(
    title="Inside the fight over a lithium mine on Nevada's Thacker Pass",
    authors=["Rebecca Owens", "Tomás Herrera", "Li Wei"],
    published="2024-08-21T06:00:00-07:00", publisher="High Desert Ledger",
    url="https://highdesertledger.org/news/inside-the-fight-over-thacker-pass/"), """
When the first bulldozers arrived at Thacker Pass in the spring of 2023, ranchers who had grazed cattle in the valley for generations watched from the road. Some of them had spent two years in court trying to stop the mine. Others had signed contracts to sell water to it.
The lithium project, which its developer says will eventually produce enough of the metal each year for about 800,000 electric vehicle batteries, has become a test of whether the United States can build a domestic supply chain for clean energy without repeating the mistakes of earlier mining booms.
## A sacred site and a federal loan
The Fort McDermitt Paiute and Shoshone Tribe and other groups argue that the pass is the site of an 1865 massacre and should be protected. A federal judge ruled in 2023 that the Bureau of Land Management had not violated the law when it approved the mine, and an appeals court upheld most of that decision.
In March, the Energy Department finalized a $2.26 billion loan to the developer, Lithium Americas, to help pay for a processing plant at the site.
"The loan tells you how much Washington wants this to happen," said Glenn Miller, a retired environmental scientist at the University of Nevada, Reno, who has studied the project's water use. "It doesn't answer the questions about the aquifer."
## Water is the question
The mine would use about 2,600 acre-feet of water a year at full production, according to state permits, drawn from wells that also feed springs used by cattle and wildlife.
Lithium Americas said its monitoring program would detect any decline in the springs early and that it had bought existing water rights rather than seeking new ones. The company expects to begin production in 2027.
""")
def _(pg):
    out = []
    for k, v in blocks(pg["text"]):
        if k == "h":
            out.append('''</div></div></div><div class="elementor-element elementor-element-5b2c1e7 elementor-widget elementor-widget-heading" data-id="5b2c1e7" data-element_type="widget" data-widget_type="heading.default"><div class="elementor-widget-container"><h3 class="elementor-heading-title elementor-size-default">%s</h3></div></div><div class="elementor-element elementor-element-a9f2 elementor-widget elementor-widget-text-editor" data-id="a9f2" data-element_type="widget" data-widget_type="text-editor.default"><div class="elementor-widget-container"><div class="elementor-text-editor elementor-clearfix">''' % curly(v))
        else:
            out.append('<p><span style="font-weight: 400;">%s</span></p>' % curly(v))
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": pg["meta"]["url"] + "#article",
         "isPartOf": {"@id": pg["meta"]["url"]},
         "author": [{"name": "Rebecca Owens", "@id": "https://highdesertledger.org/#/schema/person/1"},
                    {"name": "Tomás Herrera", "@id": "https://highdesertledger.org/#/schema/person/2"},
                    {"name": "Li Wei", "@id": "https://highdesertledger.org/#/schema/person/3"}],
         "headline": "Inside the fight over a lithium mine on Nevada&#039;s Thacker Pass",
         "datePublished": "2024-08-21T13:00:00+00:00", "dateModified": "2024-08-22T16:40:12+00:00",
         "wordCount": 1840, "publisher": {"@id": "https://highdesertledger.org/#organization"},
         "articleSection": ["Environment", "Mining"], "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": pg["meta"]["url"], "url": pg["meta"]["url"],
         "name": "Inside the fight over a lithium mine on Nevada&#039;s Thacker Pass - High Desert Ledger",
         "datePublished": "2024-08-21T13:00:00+00:00"},
        {"@type": "Organization", "@id": "https://highdesertledger.org/#organization",
         "name": "High Desert Ledger", "url": "https://highdesertledger.org/",
         "logo": {"@type": "ImageObject", "url": "https://highdesertledger.org/wp-content/uploads/logo.png"}},
        {"@type": "Person", "@id": "https://highdesertledger.org/#/schema/person/1", "name": "Rebecca Owens"}]}
    return '''<!doctype html>
<html lang="en-US">
<head>
	<meta charset="UTF-8">
		<title>Inside the fight over a lithium mine on Nevada&#039;s Thacker Pass - High Desert Ledger</title>
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />
	<link rel="canonical" href="%(url)s" />
	<meta property="og:locale" content="en_US" />
	<meta property="og:type" content="article" />
	<meta property="og:title" content="Inside the fight over a lithium mine on Nevada&#039;s Thacker Pass" />
	<meta property="og:description" content="Ranchers, tribes and a battery-metal developer are fighting over water and history in northern Nevada." />
	<meta name="twitter:card" content="summary_large_image" />
	<meta name="twitter:label1" content="Written by" />
	<meta name="twitter:data1" content="Rebecca Owens" />
	<meta name="twitter:label2" content="Est. reading time" />
	<meta name="twitter:data2" content="9 minutes" />
	<script type="application/ld+json" class="yoast-schema-graph">%(ld)s</script>
<link rel='stylesheet' id='elementor-frontend-css' href='https://highdesertledger.org/wp-content/plugins/elementor/assets/css/frontend.min.css?ver=3.23.4' media='all' />
</head>
<body class="post-template-default single single-post postid-9921 elementor-default elementor-template-full-width elementor-kit-6 elementor-page-8812">
<div data-elementor-type="header" data-elementor-id="41" class="elementor elementor-41 elementor-location-header"><div class="elementor-element elementor-element-1f0 e-flex e-con-boxed e-con e-parent"><div class="e-con-inner"><div class="elementor-widget elementor-widget-theme-site-logo"><div class="elementor-widget-container"><a href="https://highdesertledger.org"><img src="/wp-content/uploads/logo.png" alt="" /></a></div></div><nav class="elementor-nav-menu--main"><ul class="elementor-nav-menu"><li><a href="/news/" class="elementor-item">News</a></li><li><a href="/environment/" class="elementor-item">Environment</a></li><li><a href="/podcast/" class="elementor-item">Podcast</a></li><li><a href="/support/" class="elementor-item">Support Us</a></li></ul></nav></div></div></div>
<div data-elementor-type="single-post" data-elementor-id="8812" class="elementor elementor-8812 elementor-location-single post-9921 post type-post status-publish">
<div class="elementor-element elementor-element-3c2 e-flex e-con-boxed e-con e-parent"><div class="e-con-inner">
<div class="elementor-element elementor-element-77e elementor-widget elementor-widget-theme-post-title elementor-page-title elementor-widget-heading"><div class="elementor-widget-container"><h1 class="elementor-heading-title elementor-size-default">Inside the fight over a lithium mine on Nevada&#8217;s Thacker Pass</h1></div></div>
<div class="elementor-element elementor-element-8d1 elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">By <a href="/author/rowens/">Rebecca Owens</a>, <a href="/author/therrera/">Tomás Herrera</a> and <a href="/author/lwei/">Li Wei</a></div></div>
<div class="elementor-element elementor-element-c40 elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container"><div class="elementor-grid"><div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-btn_facebook" role="button" tabindex="0" aria-label="Share on facebook"><span class="elementor-share-btn__title">Facebook</span></div></div><div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-btn_email" role="button" tabindex="0" aria-label="Share on email"><span class="elementor-share-btn__title">Email</span></div></div></div></div></div>
<div class="elementor-element elementor-element-9e3 elementor-widget elementor-widget-theme-post-featured-image elementor-widget-image"><div class="elementor-widget-container"><figure class="wp-caption"><img src="/wp-content/uploads/2024/08/thacker.jpg" alt="" /><figcaption class="widget-image-caption wp-caption-text">Sagebrush near the mine site at Thacker Pass. (Photo: Li Wei / High Desert Ledger)</figcaption></figure></div></div>
<div class="elementor-element elementor-element-a9f1 elementor-widget elementor-widget-theme-post-content" data-widget_type="theme-post-content.default"><div class="elementor-widget-container"><div class="elementor-text-editor elementor-clearfix">
%(body)s
</div></div></div>
<div class="elementor-element elementor-element-b11 elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p><em>This story was produced in partnership with the Mountain West News Collaborative. The High Desert Ledger is an independent, nonprofit newsroom. <a href="/support/">Donate today</a>.</em></p></div></div>
<div class="elementor-element elementor-element-e55 elementor-widget elementor-widget-posts"><div class="elementor-widget-container"><h4>More from the High Desert Ledger</h4><article class="elementor-post"><h3 class="elementor-post__title"><a href="/news/geothermal/">Geothermal plants are spreading across Nevada. What about the toads?</a></h3></article><article class="elementor-post"><h3 class="elementor-post__title"><a href="/news/groundwater/">Groundwater rules tighten in the Humboldt basin</a></h3></article></div></div>
</div></div></div>
<div data-elementor-type="footer" class="elementor elementor-location-footer"><p>&copy; 2024 High Desert Ledger &middot; 501(c)(3) nonprofit</p></div>
</body>
</html>
''' % dict(url=pg["meta"]["url"], ld=json.dumps(ld, ensure_ascii=False), body="\n".join(out))


# 3. Drupal government press release: date as text in a field, dateline,
#    media contact block and "###".
@page("drupal-state-press", dict(
    title="Attorney General Secures $14 Million Settlement With Debt Buyer Over Illegal Collection Practices",
    authors=[], published="2025-03-03T00:00:00Z",
    publisher="Office of the Minnesota Attorney General",
    url="https://www.ag.state.mn.us/Office/Communications/2025/03/03_DebtBuyer.asp"), """
ST. PAUL – Attorney General Keith Ellison today announced a $14 million settlement with Midland Credit Recovery LLC, a national debt buyer that his office says sued thousands of Minnesotans over debts it could not prove they owed.
Under the settlement, the company will pay $3.5 million in restitution to affected consumers, forgive about $10.5 million in outstanding debts, and ask courts to vacate more than 2,100 default judgments it obtained against Minnesota residents since 2018.
"Companies that buy old debts for pennies on the dollar cannot cut corners when they take people to court," Attorney General Ellison said. "Minnesotans deserve to see proof before a judgment is entered against them."
The Attorney General's Office alleged that Midland filed lawsuits supported by affidavits from employees who had not reviewed the underlying account records, in violation of the Minnesota Fair Debt Collection Practices Act.
Consumers who are eligible for restitution will be contacted by a settlement administrator by mail within 90 days. They do not need to take any action to receive a payment.
Minnesotans who have questions about debt collection may contact the Attorney General's Office at (651) 296-3353 or (800) 657-3787.
""")
def _(pg):
    ps = "\n".join("<p>%s</p>" % esc(v) for k, v in blocks(pg["text"]))
    return '''<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  og: http://ogp.me/ns#">
  <head>
    <meta charset="utf-8" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta property="og:site_name" content="Office of the Minnesota Attorney General" />
<meta property="og:title" content="Attorney General Secures $14 Million Settlement With Debt Buyer Over Illegal Collection Practices" />
<link rel="canonical" href="%(url)s" />
    <title>Attorney General Secures $14 Million Settlement With Debt Buyer Over Illegal Collection Practices | Office of the Minnesota Attorney General</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xk2.css?delta=0&amp;language=en&amp;theme=agtheme" />
  </head>
  <body class="path-node page-node-type-press-release">
        <a href="#main-content" class="visually-hidden focusable skip-link">
      Skip to main content
    </a>
    <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div id="page-wrapper"><div id="page">
  <header id="header" class="header" role="banner" aria-label="Site header">
    <div class="region region-header"><div id="block-agtheme-branding" class="block block-system block-system-branding-block"><a href="/" rel="home"><img src="/themes/custom/agtheme/logo.svg" alt="Home" /></a><div class="site-name"><a href="/" rel="home">Office of Minnesota Attorney General Keith Ellison</a></div><div class="site-slogan">Helping People Afford Their Lives and Live With Dignity and Respect</div></div></div>
    <nav role="navigation" aria-labelledby="block-agtheme-main-menu-menu" id="block-agtheme-main-menu"><h2 class="visually-hidden" id="block-agtheme-main-menu-menu">Main navigation</h2><ul class="menu menu--main nav navbar-nav"><li><a href="/consumer/">Consumer Protection</a></li><li><a href="/Charity/">Charities</a></li><li><a href="/Office/Communications.asp">News Releases</a></li><li><a href="/Office/Complaint.asp">File a Complaint</a></li></ul></nav>
  </header>
  <div class="highlighted"><aside class="layout-container section clearfix" role="complementary"><div data-drupal-messages-fallback class="hidden"></div></aside></div>
  <div id="main-wrapper" class="layout-main-wrapper layout-container clearfix">
    <div id="main" class="layout-main clearfix">
      <div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/Office/Communications.asp">News Releases</a></li><li>2025</li></ol></nav></div>
      <main id="content" class="column main-content" role="main">
        <section class="section">
          <a id="main-content" tabindex="-1"></a>
            <div class="region region-content">
    <div id="block-agtheme-content" class="block block-system block-system-main-block">
<article data-history-node-id="18821" role="article" about="/node/18821" class="node node--type-press-release node--view-mode-full">
  <div class="node__content clearfix">
<div class="field field--name-field-release-type field--type-list-string field--label-hidden field__item">FOR IMMEDIATE RELEASE</div>
<div class="field field--name-field-release-date field--type-datetime field--label-hidden field__item">March 3, 2025</div>
<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">Attorney General Secures $14 Million Settlement With Debt Buyer Over Illegal Collection Practices</span></h1>
<div class="field field--name-field-subtitle field--type-string field--label-hidden field__item"><em>Settlement vacates more than 2,100 default judgments against Minnesotans</em></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">%(body)s
<p align="center">###</p>
</div>
<div class="field field--name-field-media-contact field--type-text-long field--label-above">
    <div class="field__label">Media Contact</div>
              <div class="field__item"><p>Brian Evans<br />Communications Director<br /><a href="mailto:brian.evans@ag.state.mn.us">brian.evans@ag.state.mn.us</a><br />(651) 757-1448</p></div>
</div>
<div class="field field--name-field-attachments field--type-file field--label-above"><div class="field__label">Attachments</div><div class="field__items"><div class="field__item"><span class="file file--mime-application-pdf file--application-pdf"><a href="/sites/default/files/2025-03/Midland_Settlement.pdf" type="application/pdf">Midland_Settlement.pdf</a></span> <span>(412.36 KB)</span></div></div></div>
  </div>
</article>
    </div>
  </div>
        </section>
      </main>
        <div id="sidebar-second" class="column sidebar"><aside class="section" role="complementary"><nav role="navigation" id="block-newsreleases"><h2>Recent News Releases</h2><ul class="menu"><li><a href="/Office/Communications/2025/02/27_Pharmacy.asp">Attorney General Ellison sues pharmacy benefit managers over insulin prices</a></li><li><a href="/Office/Communications/2025/02/20_Wage.asp">AG Ellison recovers $1.2 million in unpaid wages for construction workers</a></li></ul></nav></aside></div>
    </div>
  </div>
  <footer class="site-footer"><div class="layout-container"><div class="region region-footer-first"><p>445 Minnesota Street, Suite 1400, St. Paul, MN 55101<br>(651) 296-3353 (Twin Cities Calling Area)<br>(800) 657-3787 (Outside the Twin Cities)</p></div><div class="region region-footer-second"><ul class="menu"><li><a href="/Office/Privacy.asp">Privacy</a></li><li><a href="/Office/Accessibility.asp">Accessibility</a></li></ul></div></div></footer>
</div></div>
  </div>
  <script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"\\/","pathPrefix":"","currentPath":"node\\/18821","isFront":false},"ajaxTrustedUrl":[],"user":{"uid":0}}</script>
<script src="/sites/default/files/js/js_a9Kj.js?scope=footer&amp;delta=0&amp;language=en"></script>
  </body>
</html>
''' % dict(url=pg["meta"]["url"], body=ps)


# 4. Joomla council news item, British day-first dates, "Written by" and
#    "Hits", no og tags.
@page("joomla-council-news", dict(
    title="Council approves plan to reopen Castle Street car park after flood repairs",
    authors=["Communications Team"], published="2025-03-12T00:00:00Z",
    publisher="Wyedale District Council",
    url="https://www.wyedale.gov.uk/news/latest-news/1487-castle-street-car-park-reopening"), """
Wyedale District Council's cabinet has approved a £1.2 million plan to repair and reopen the Castle Street car park in Hay Bridge, which has been closed since it was flooded during Storm Henk in January last year.
The work will replace the car park's drainage system, resurface the lower deck and install new electric vehicle charging points. Contractors are expected to start on site in May, and the car park should reopen in the autumn.
Councillor Siân Pritchard, cabinet member for the environment, said: "We know how much local businesses have missed Castle Street. Traders have told us that the closure has cost them customers, and we want to get it open again as quickly as we safely can."
The council will also install a flood barrier at the entrance to the lower deck and a warning system linked to river level gauges on the Wye, so that vehicles can be moved before water reaches the site.
Around £800,000 of the cost will be met from the council's insurance claim, with the remainder coming from the capital budget agreed in February.
Until the car park reopens, free parking will continue to be available at the Market Hall car park on Saturdays.
""")
def _(pg):
    b = blocks(pg["text"])
    intro = "<p><strong>%s</strong></p>" % esc(b[0][1])
    rest = "\n".join("<p>%s</p>" % esc(v) for k, v in b[1:])
    return '''<!DOCTYPE html>
<html lang="en-gb" dir="ltr">
<head>
	<meta charset="utf-8">
	<meta name="author" content="Communications Team">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<meta name="description" content="Cabinet approves £1.2m repairs to Castle Street car park in Hay Bridge">
	<meta name="generator" content="Joomla! - Open Source Content Management">
	<title>Council approves plan to reopen Castle Street car park after flood repairs - Wyedale District Council</title>
	<link href="/templates/wyedale/images/favicon.ico" rel="icon" type="image/vnd.microsoft.icon">
<link href="/media/templates/site/cassiopeia/css/template.min.css?b3e2" rel="stylesheet" />
<script type="application/json" class="joomla-script-options new">{"system.paths":{"root":"","rootFull":"https:\\/\\/www.wyedale.gov.uk\\/","base":""}}</script>
</head>
<body class="site com_content wrapper-static view-article no-layout no-task itemid-231">
<header class="header container-header full-width">
<div class="grid-child"><div class="navbar-brand"><a class="brand-logo" href="/"><img loading="eager" src="/images/logo/wyedale-logo.svg" alt="Wyedale District Council"></a></div></div>
<div class="grid-child container-nav"><ul class="mod-menu mod-list nav "><li class="nav-item item-101"><a href="/">Home</a></li><li class="nav-item item-115 deeper parent"><a href="/bins-and-recycling">Bins and recycling</a></li><li class="nav-item item-116"><a href="/council-tax">Council Tax</a></li><li class="nav-item item-117"><a href="/planning">Planning</a></li><li class="nav-item item-231 current active"><a href="/news" aria-current="location">News</a></li></ul>
<div class="container-search"><form action="/search" method="post" class="mod-finder js-finder-searchform form-search" role="search"><label for="mod-finder-searchword" class="visually-hidden finder">Search</label><input type="text" name="q" id="mod-finder-searchword" class="js-finder-search-query form-control" value="" placeholder="Search"></form></div></div>
</header>
<div class="site-grid">
<div class="grid-child container-component">
<nav class="mod-breadcrumbs__wrapper" aria-label="Breadcrumbs"><ol itemscope itemtype="https://schema.org/BreadcrumbList" class="mod-breadcrumbs breadcrumb px-3 py-2"><li class="mod-breadcrumbs__here float-start">You are here: &#160;</li><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem" class="mod-breadcrumbs__item breadcrumb-item"><a itemprop="item" href="/" class="pathway"><span itemprop="name">Home</span></a></li><li class="mod-breadcrumbs__item breadcrumb-item"><a href="/news" class="pathway"><span>News</span></a></li><li class="mod-breadcrumbs__item breadcrumb-item active"><span>Latest news</span></li></ol></nav>
<div id="system-message-container" aria-live="polite"></div>
<main>
<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">
	<meta itemprop="inLanguage" content="en-GB">
		<div class="page-header">
		<h2 itemprop="headline">
			Council approves plan to reopen Castle Street car park after flood repairs		</h2>
	</div>
		<dl class="article-info text-muted">
		<dt class="article-info-term">Details</dt>
		<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">
	<span class="icon-user icon-fw" aria-hidden="true"></span>
	Written by: <span itemprop="name">Communications Team</span>	</dd>
		<dd class="category-name">
	<span class="icon-folder-open icon-fw" aria-hidden="true"></span>						Category: <a href="/news/latest-news" itemprop="genre">Latest news</a>	</dd>
		<dd class="published">
	<span class="icon-calendar icon-fw" aria-hidden="true"></span>
	Published: 12/03/2025	</dd>
		<dd class="hits">
	<span class="icon-eye icon-fw" aria-hidden="true"></span>
	<meta itemprop="interactionCount" content="UserPageVisits:412">
	Hits: 412	</dd>
			</dl>
	<div class="icons"><div class="float-end"><div class="dropdown"><button class="dropdown-toggle btn btn-secondary" type="button" id="dropdownMenuButton-1487" aria-label="User tools" data-bs-toggle="dropdown" aria-expanded="false"><span class="icon-cog icon-fw" aria-hidden="true"></span></button><div class="dropdown-menu" aria-labelledby="dropdownMenuButton-1487"><a href="/news/latest-news/1487?tmpl=component&amp;print=1" title="Print article" rel="nofollow">Print</a><a href="/component/mailto/?tmpl=component" title="Email this link to a friend">Email</a></div></div></div></div>
	<div itemprop="articleBody" class="com-content-article__body">
		%(intro)s
%(rest)s
<p>&nbsp;</p>
<p><em>Ends</em></p>
<p><strong>Notes to editors:</strong> For media enquiries please contact the press office on 01432 260 000 or email <a href="mailto:press@wyedale.gov.uk">press@wyedale.gov.uk</a>.</p>	</div>
	<ul class="pagenavigation pager pagenav"><li class="previous"><a class="hasTooltip" title="Garden waste collections resume" aria-label="Previous article: Garden waste collections resume" href="/news/latest-news/1486-garden-waste" rel="prev"><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Prev</span></a></li><li class="next"><a class="hasTooltip" title="New opening hours for Hay Bridge library" href="/news/latest-news/1488-library-hours" rel="next"><span aria-hidden="true">Next</span> <span class="icon-chevron-right" aria-hidden="true"></span></a></li></ul>
	</div>
</main>
</div>
<div class="grid-child container-sidebar-right"><div class="sidebar-right card "><h3 class="card-header ">Latest news</h3><div class="card-body"><ul class="mod-articleslatest latestnews mod-list"><li itemscope itemtype="https://schema.org/Article"><a href="/news/latest-news/1488-library-hours" itemprop="url"><span itemprop="name">New opening hours for Hay Bridge library</span></a></li><li><a href="/news/latest-news/1486-garden-waste"><span>Garden waste collections resume</span></a></li></ul></div></div></div>
</div>
<footer class="container-footer footer full-width"><div class="grid-child"><p>Wyedale District Council, Council Offices, Bridge Street, Hay Bridge HR3 5AA</p><p>© 2025 Wyedale District Council | <a href="/accessibility">Accessibility statement</a> | <a href="/cookies">Cookies</a></p></div></footer>
<div id="cookie-banner" class="cookie-banner"><p>We use cookies to make this website work and to understand how you use it. <button>Accept all cookies</button> <button>Reject optional cookies</button></p></div>
</body>
</html>
''' % dict(intro=intro, rest=rest)


# 5. Blogger: <br>-separated paragraphs in a div dir=ltr, date header, posted
#    by, comment thread.
@page("blogger-br-post", dict(
    title="The county's new assessment notices are wrong. Here is how to appeal.",
    authors=["Harold Jenkins"], published="2024-10-08T09:14:00-05:00",
    publisher="Prairie County Watch",
    url="https://prairiecountywatch.blogspot.com/2024/10/the-countys-new-assessment-notices-are.html"), """
If you own a house in Prairie County, you should have received your new property assessment notice in the mail last week. Mine said my house is worth 31 percent more than it was two years ago. I have heard from dozens of readers whose notices went up by 25 to 40 percent.
Some of that is real. Home prices in the county have gone up. But the assessor's office told me on Monday that a software error applied the wrong neighborhood adjustment to about 4,000 properties in the northern townships, and that corrected notices will go out by the end of the month.
If you live in Clearwater, Dunmore or Pike townships, wait for the corrected notice before you do anything.
For everyone else, the deadline to file an informal appeal is November 15. You can do it online or by mail. You will need comparable sales, photos of anything wrong with your house, and a copy of your notice.
The Board of Review will hold hearings in December for anyone who is not satisfied with the informal review. Last year, according to county records, about 60 percent of owners who appealed got some reduction.
I will post the corrected numbers for the northern townships when I get them.
""")
def _(pg):
    b = [v for k, v in blocks(pg["text"])]
    body = "<br />\n<br />\n".join(esc(v) for v in b)
    comments = "".join('''<li class="comment" id="c%d"><div class="avatar-image-container"><img src="//resources.blogblog.com/img/blank.gif" alt=""/></div><div class="comment-block"><div class="comment-header"><cite class="user"><a href="https://www.blogger.com/profile/%d" rel="nofollow">%s</a></cite><span class="icon user "></span><span class="datetime secondary-text"><a rel="nofollow" href="#c%d">October %d, 2024 at %s</a></span></div><p class="comment-content">%s</p><span class="comment-actions secondary-text"><a class="comment-reply" target="_self" data-comment-id="%d">Reply</a><span class="item-control blog-admin pid-1"><a target="_self" href="https://www.blogger.com/comment/delete/1/%d">Delete</a></span></span></div></li>''' % (i, 1000 + i, n, i, 8 + i % 3, t, esc(c), i, i) for i, (n, t, c) in enumerate([
        ("Marge T.", "10:02 AM", "Mine went up 38 percent and I live in Pike township. Thank you for finding out about the error, nobody at the courthouse told me anything when I called."),
        ("Anonymous", "11:47 AM", "The assessor should have caught this before mailing 4,000 wrong notices. Who pays for the postage on the corrected ones? We do."),
        ("Dale Hoffman", "2:15 PM", "Filed my informal appeal online last night, took about twenty minutes. Use the sales from the last six months, the board told me older ones do not count for much."),
        ("Prairie Girl", "7:30 PM", "Is there a way to get the comparable sales without paying for the realtor website? The county GIS map used to show them but I cannot find it anymore.")]))
    return '''<!DOCTYPE html>
<html class='v2' dir='ltr' lang='en' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' xmlns:expr='http://www.google.com/2005/gml/expr'>
<head>
<meta content='width=1100' name='viewport'/>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<meta content='blogger' name='generator'/>
<link href='https://prairiecountywatch.blogspot.com/favicon.ico' rel='icon' type='image/x-icon'/>
<link href='%(url)s' rel='canonical'/>
<link rel="alternate" type="application/atom+xml" title="Prairie County Watch - Atom" href="https://prairiecountywatch.blogspot.com/feeds/posts/default" />
<meta content='%(url)s' property='og:url'/>
<meta content='The county&#39;s new assessment notices are wrong. Here is how to appeal.' property='og:title'/>
<meta content='If you own a house in Prairie County, you should have received your new property assessment notice in the mail last week. Mine said my ...' property='og:description'/>
<title>Prairie County Watch: The county&#39;s new assessment notices are wrong. Here is how to appeal.</title>
<style id='page-skin-1' type='text/css'><!--
body { font: normal normal 12px Arial, Tahoma, Helvetica, FreeSans, sans-serif; color: #222222; }
--></style>
</head>
<body class='loading variant-simplysimple'>
<div class='navbar section' id='navbar' name='Navbar'><div class='widget Navbar' data-version='1' id='Navbar1'><script type="text/javascript">
    function setAttributeOnload(object, attribute, val) { if(window.addEventListener) { window.addEventListener('load', function(){ object[attribute] = val; }, false); } }
  </script><div id="navbar-iframe-container"></div></div></div>
<div class='body-fauxcolumns'><div class='fauxcolumn-outer body-fauxcolumn-outer'></div></div>
<div class='content'><div class='content-outer'><header><div class='header-outer'><div class='region-inner header-inner'><div class='header section' id='header' name='Header'><div class='widget Header' data-version='1' id='Header1'>
<div id='header-inner'><div class='titlewrapper'><h1 class='title'><a href='https://prairiecountywatch.blogspot.com/'>Prairie County Watch</a></h1></div><div class='descriptionwrapper'><p class='description'><span>Notes on local government, taxes and the courthouse, from a retired county clerk.</span></p></div></div></div></div></div></div></header>
<div class='main-outer'><div class='main-inner columns-fancy'>
<div class='columns fauxcolumns'><div class='columns-inner'><div class='column-center-outer'><div class='column-center-inner'>
<div class='main section' id='main' name='Main'><div class='widget Blog' data-version='1' id='Blog1'>
<div class='blog-posts hfeed'>
<div class="date-outer">
<h2 class='date-header'><span>Tuesday, October 8, 2024</span></h2>
<div class="date-posts">
<div class='post-outer'>
<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<meta content='1722334455667788990' itemprop='postId'/>
<a name='4455667788990011'></a>
<h3 class='post-title entry-title' itemprop='name'>
The county&#39;s new assessment notices are wrong. Here is how to appeal.
</h3>
<div class='post-header'>
<div class='post-header-line-1'></div>
</div>
<div class='post-body entry-content' id='post-body-4455667788990011' itemprop='description articleBody'>
<div dir="ltr" style="text-align: left;" trbidi="on">
<div class="separator" style="clear: both; text-align: center;"><a href="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/s1600/notice.jpg" style="margin-left: 1em; margin-right: 1em;"><img border="0" data-original-height="900" data-original-width="1200" height="240" src="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/s320/notice.jpg" width="320" /></a></div>
<br />
%(body)s<br />
<br />
<span style="font-size: x-small;">-- H.J.</span></div>
<div style='clear: both;'></div>
</div>
<div class='post-footer'>
<div class='post-footer-line post-footer-line-1'>
<span class='post-author vcard'>
Posted by
<span class='fn' itemprop='author' itemscope='itemscope' itemtype='http://schema.org/Person'>
<meta content='https://www.blogger.com/profile/0099887766' itemprop='url'/>
<a class='g-profile' href='https://www.blogger.com/profile/0099887766' rel='author' title='author profile'>
<span itemprop='name'>Harold Jenkins</span>
</a>
</span>
</span>
<span class='post-timestamp'>
at
<meta content='%(url)s' itemprop='url'/>
<a class='timestamp-link' href='%(url)s' rel='bookmark' title='permanent link'><abbr class='published' itemprop='datePublished' title='2024-10-08T09:14:00-05:00'>9:14 AM</abbr></a>
</span>
<span class='post-comment-link'></span>
</div>
<div class='post-footer-line post-footer-line-2'><span class='post-labels'>
Labels:
<a href='https://prairiecountywatch.blogspot.com/search/label/assessor' rel='tag'>assessor</a>,
<a href='https://prairiecountywatch.blogspot.com/search/label/property%%20tax' rel='tag'>property tax</a>
</span></div>
<div class='post-footer-line post-footer-line-3'><div class='post-share-buttons goog-inline-block'><a class='goog-inline-block share-button sb-email' href='https://www.blogger.com/share-post.g?blogID=1&amp;postID=2&amp;target=email' target='_blank' title='Email This'><span class='share-button-link-text'>Email This</span></a><a class='goog-inline-block share-button sb-blog' href='#' title='BlogThis!'><span class='share-button-link-text'>BlogThis!</span></a><a class='goog-inline-block share-button sb-twitter' href='#' title='Share to X'><span class='share-button-link-text'>Share to X</span></a><a class='goog-inline-block share-button sb-facebook' href='#' title='Share to Facebook'><span class='share-button-link-text'>Share to Facebook</span></a></div></div>
</div>
</div>
<div class='comments' id='comments'>
<a name='comments'></a>
<h4>4 comments:</h4>
<div class='comments-content'><div id='comment-holder'><div class="comment-thread toplevel-thread"><ol id="top-ra">%(comments)s</ol></div></div></div>
<p class='comment-footer'><a href='https://www.blogger.com/comment/fullpage/post/1/2' onclick=''>Post a Comment</a></p>
</div>
</div>
</div></div>
</div>
<div class='blog-pager' id='blog-pager'><span id='blog-pager-newer-link'><a class='blog-pager-newer-link' href='https://prairiecountywatch.blogspot.com/2024/10/board-of-review.html' id='Blog1_blog-pager-newer-link' title='Newer Post'>Newer Post</a></span><span id='blog-pager-older-link'><a class='blog-pager-older-link' href='https://prairiecountywatch.blogspot.com/2024/09/levy.html' title='Older Post'>Older Post</a></span><a class='home-link' href='https://prairiecountywatch.blogspot.com/'>Home</a></div>
<div class='post-feeds'><div class='feed-links'>Subscribe to: <a class='feed-link' href='https://prairiecountywatch.blogspot.com/feeds/1/comments/default' target='_blank' type='application/atom+xml'>Post Comments (Atom)</a></div></div>
</div></div>
</div></div></div>
<div class='column-right-outer'><div class='column-right-inner'><aside><div class='sidebar section' id='sidebar-right-1'><div class='widget BlogArchive' data-version='1' id='BlogArchive1'><h2>Blog Archive</h2><div class='widget-content'><div id='ArchiveList'><ul class='hierarchy'><li class='archivedate expanded'><a class='toggle' href='javascript:void(0)'><span class='zippy toggle-open'>&#9660;&nbsp;</span></a><a class='post-count-link' href='https://prairiecountywatch.blogspot.com/2024/'>2024</a><span class='post-count' dir='ltr'>(41)</span><ul class='posts'><li><a href='https://prairiecountywatch.blogspot.com/2024/10/board-of-review.html'>Board of Review dates set</a></li><li><a href='https://prairiecountywatch.blogspot.com/2024/09/levy.html'>School levy: what the ballot language means</a></li></ul></li></ul></div></div></div>
<div class='widget Profile' data-version='1' id='Profile1'><h2>About Me</h2><div class='widget-content'><dl class='profile-datablock'><dt class='profile-data'><a class='profile-name-link g-profile' href='https://www.blogger.com/profile/0099887766' rel='author'>Harold Jenkins</a></dt><dd class='profile-textblock'>Retired after 28 years in the Prairie County clerk&#39;s office. I write about what I know.</dd></dl><a class='profile-link' href='https://www.blogger.com/profile/0099887766' rel='author'>View my complete profile</a></div></div></div></aside></div></div>
</div></div></div></div>
<footer><div class='footer-outer'><div class='widget Attribution' data-version='1' id='Attribution1'><div class='widget-content' style='text-align: center;'>Simple theme. Powered by <a href='https://www.blogger.com' target='_blank'>Blogger</a>.</div></div></div></footer>
</div></div>
</body>
</html>
''' % dict(url=pg["meta"]["url"], body=body, comments=comments)


# 6. Ghost: kg cards (bookmark, callout), newsletter CTA, author only in
#    JSON-LD and a byline list.
@page("ghost-kg-cards", dict(
    title="Why the port authority's new truck fees will land on shippers",
    authors=["Nadia Rahman"], published="2025-01-22T15:05:41Z",
    publisher="Harbor Notes",
    url="https://harbornotes.io/port-authority-truck-fees/"), """
The Port Authority's board voted on Tuesday to charge trucks $35 for every container they pick up or drop off at the terminals during daytime hours, starting in June. Trucks that come at night will pay nothing.
The idea is to spread traffic across the day and cut the lines of trucks that back up onto the interstate every morning. Similar fees at Los Angeles and Long Beach have moved about half of truck visits to night shifts.
But the fee is charged to the cargo owner, not the trucker, and most of the importers I spoke with this week said they would pass it on.
## Who pays
A retailer that brings in 5,000 containers a year through the port would pay up to $175,000 a year if all of them moved in the daytime. For the largest importers, that is a rounding error. For a regional furniture chain, it is not.
"We will move what we can to nights, but our warehouse is not open at 2 a.m. and our customers are not either," said Carla Benítez, who runs logistics for a furniture distributor in the port's inland empire.
The port expects to collect about $48 million in the first year and says the money will pay for extended gate hours and a new truck staging lot.
""")
def _(pg):
    out = []
    for i, (k, v) in enumerate(blocks(pg["text"])):
        out.append("<h2 id=\"%s\">%s</h2>" % (v.lower().replace(" ", "-"), esc(v)) if k == "h" else "<p>%s</p>" % esc(v))
        if i == 1:
            out.append('<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://harbornotes.io/la-long-beach-clean-truck-fund/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">What LA and Long Beach learned from their clean truck fund</div><div class="kg-bookmark-description">Two years in, the fee has moved traffic but not emissions as much as hoped.</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://harbornotes.io/content/images/icon.png" alt=""><span class="kg-bookmark-author">Harbor Notes</span><span class="kg-bookmark-publisher">Nadia Rahman</span></div></div><div class="kg-bookmark-thumbnail"><img src="https://harbornotes.io/content/images/2024/05/trucks.jpg" alt="" onerror="this.style.display = \'none\'"></div></a></figure>')
        if i == 3:
            out.append('<div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">📬</div><div class="kg-callout-text">Harbor Notes is free and reader supported. If someone forwarded this to you, <a href="#/portal/signup">sign up here</a> to get it every week.</div></div>')
    ld = {"@context": "https://schema.org", "@type": "Article", "publisher": {"@type": "Organization", "name": "Harbor Notes", "url": "https://harbornotes.io/", "logo": {"@type": "ImageObject", "url": "https://harbornotes.io/content/images/2023/01/logo.png"}},
          "author": {"@type": "Person", "name": "Nadia Rahman", "url": "https://harbornotes.io/author/nadia/", "sameAs": ["https://x.com/nadiaships"]},
          "headline": "Why the port authority's new truck fees will land on shippers", "url": pg["meta"]["url"],
          "datePublished": "2025-01-22T15:05:41.000Z", "dateModified": "2025-01-23T09:12:03.000Z", "keywords": "Ports, Trucking",
          "description": "A $35 daytime fee is meant to move trucks to night shifts. Importers say they will pass it on.", "mainEntityOfPage": pg["meta"]["url"]}
    return '''<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Why the port authority&#x27;s new truck fees will land on shippers</title>
    <link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v=3c1d2e">
    <meta name="description" content="A $35 daytime fee is meant to move trucks to night shifts. Importers say they will pass it on.">
    <link rel="canonical" href="%(url)s">
    <meta name="referrer" content="no-referrer-when-downgrade">
    <meta property="og:site_name" content="Harbor Notes">
    <meta property="og:type" content="article">
    <meta property="og:title" content="Why the port authority&#x27;s new truck fees will land on shippers">
    <meta property="article:published_time" content="2025-01-22T15:05:41.000Z">
    <meta property="article:modified_time" content="2025-01-23T09:12:03.000Z">
    <meta property="article:tag" content="Ports">
    <meta name="twitter:label1" content="Written by">
    <meta name="twitter:data1" content="Nadia Rahman">
    <script type="application/ld+json">
%(ld)s
    </script>
    <meta name="generator" content="Ghost 5.82">
    <script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" data-i18n="false" data-ghost="https://harbornotes.io/" crossorigin="anonymous"></script>
</head>
<body class="post-template tag-ports tag-trucking is-head-left-logo has-cover">
<div class="viewport">
    <header id="gh-head" class="gh-head outer">
        <div class="gh-head-inner inner">
            <div class="gh-head-brand"><a class="gh-head-logo no-image" href="https://harbornotes.io">Harbor Notes</a><button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search><svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" fill="none" viewBox="0 0 24 24" stroke="currentColor" stroke-width="2"><path stroke-linecap="round" stroke-linejoin="round" d="M21 21l-6-6m2-5a7 7 0 11-14 0 7 7 0 0114 0z"></path></svg></button></div>
            <nav class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="https://harbornotes.io/">Home</a></li><li class="nav-archive"><a href="https://harbornotes.io/archive/">Archive</a></li><li class="nav-about"><a href="https://harbornotes.io/about/">About</a></li></ul></nav>
            <div class="gh-head-actions"><a class="gh-head-link" href="#/portal/signin" data-portal="signin">Sign in</a><a class="gh-head-button" href="#/portal/signup" data-portal="signup">Subscribe</a></div>
        </div>
    </header>
    <div class="site-content">
<main id="site-main" class="site-main">
<article class="article post tag-ports tag-trucking">
    <header class="article-header gh-canvas">
        <div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/ports/">Ports</a></span></div>
        <h1 class="article-title">Why the port authority&#x27;s new truck fees will land on shippers</h1>
            <p class="article-excerpt">A $35 daytime fee is meant to move trucks to night shifts. Importers say they will pass it on.</p>
        <div class="article-byline">
        <section class="article-byline-content">
            <ul class="author-list"><li class="author-list-item"><a href="/author/nadia/" class="author-avatar"><img class="author-profile-image" src="/content/images/size/w100/2023/01/nadia.jpg" alt="Nadia Rahman" /></a></li></ul>
            <div class="article-byline-meta">
                <h4 class="author-name"><a href="/author/nadia/">Nadia Rahman</a></h4>
                <div class="byline-meta-content">
                    <time class="byline-meta-date" datetime="2025-01-22">Jan 22, 2025</time>
                        <span class="byline-reading-time"><span class="bull">&bull;</span> 4 min read</span>
                </div>
            </div>
        </section>
        </div>
    </header>
    <section class="gh-content gh-canvas">
        %(body)s
    </section>
        <section class="article-comments gh-canvas"><div class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content" style="background-color: #1d4ed8"><h2>Get Harbor Notes in your inbox</h2><p>One email a week about ports, shipping and the people who move freight.</p><a class="gh-btn" data-portal="signup" href="#/portal/signup" style="color:#1d4ed8">Subscribe now</a></div></div></section>
</article>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner"><article class="post-card post"><a class="post-card-image-link" href="/rail-yard-expansion/"><img class="post-card-image" src="/content/images/rail.jpg" alt="" loading="lazy" /></a><div class="post-card-content"><a class="post-card-content-link" href="/rail-yard-expansion/"><header class="post-card-header"><h2 class="post-card-title">The rail yard expansion nobody asked the neighbors about</h2></header><div class="post-card-excerpt">The railroad wants to double the size of its intermodal yard. Residents found out from a permit notice.</div></a><footer class="post-card-meta"><time class="post-card-meta-date" datetime="2025-01-15">Jan 15, 2025</time><span class="post-card-meta-length">6 min read</span></footer></div></article></div></aside>
    </div>
    <footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://harbornotes.io">Harbor Notes</a> &copy; 2025</section><nav class="site-footer-nav"><ul class="nav"><li><a href="/privacy/">Privacy</a></li></ul></nav><div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer>
</div>
</body>
</html>
''' % dict(url=pg["meta"]["url"], ld=json.dumps(ld, indent=4), body="\n".join(out))


# 7. Medium-like: hashed classes, "Member-only story", Listen/Share,
#    claps, responses.
@page("medium-hashed", dict(
    title="What I learned auditing 40 city budgets for climate spending",
    authors=["Owen Castellano"], published="2024-05-14T13:41:07.512Z",
    publisher="Civic Data Notebook",
    url="https://medium.com/civic-data-notebook/what-i-learned-auditing-40-city-budgets-for-climate-spending-3f9c1a2b7d44"), """
Last year I read the adopted budgets of 40 American cities, looking for one number: how much each planned to spend on reducing emissions or adapting to a hotter climate. It took eleven months and far more spreadsheets than I expected.
The short answer is that almost no city reports that number, and the ones that do define it in ways that make comparisons meaningless.
## Climate is everywhere and nowhere
Phoenix counts its entire water department capital plan as climate adaptation. Boston counts only projects run by its Environment Department. Columbus reports a figure for "sustainability initiatives" that includes replacing streetlights, which it was going to do anyway.
When I applied one consistent definition, the share of general fund spending that went to climate ranged from 0.3 percent in Fort Worth to 4.1 percent in Minneapolis.
## What would help
The Government Finance Officers Association has been working on a voluntary tagging standard for climate spending since 2022. Nine of the 40 cities told me they planned to adopt it. If they do, the next person who tries this will need a week, not a year.
All of my data and code are on GitHub. Corrections are welcome.
""")
def _(pg):
    out = []
    for k, v in blocks(pg["text"]):
        if k == "h":
            out.append('<h2 id="%s" class="pw-post-body-paragraph oa ob fs oc b od oe of og oh oi oj ok ol om on oo op oq or os ot ou ov ow ox fl bk">%s</h2>' % ("%04x" % (zlib.crc32(v.encode()) & 0xffff), esc(v)))
        else:
            out.append('<p id="%s" class="pw-post-body-paragraph ny nz fq oa b ob oc od oe of og oh oi oj ok ol om on oo op oq or os ot ou ov fj bk" data-selectable-paragraph="">%s</p>' % ("%04x" % (zlib.crc32(v.encode()) & 0xffff), esc(v)))
    return '''<!doctype html><html lang="en"><head><title>What I learned auditing 40 city budgets for climate spending | by Owen Castellano | Civic Data Notebook | Medium</title><meta data-rh="true" charset="utf-8"/><meta data-rh="true" name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1,maximum-scale=1"/><meta data-rh="true" property="og:site_name" content="Medium"/><meta data-rh="true" property="og:type" content="article"/><meta data-rh="true" property="article:published_time" content="2024-05-14T13:41:07.512Z"/><meta data-rh="true" name="title" content="What I learned auditing 40 city budgets for climate spending | by Owen Castellano | Civic Data Notebook | Medium"/><meta data-rh="true" property="og:title" content="What I learned auditing 40 city budgets for climate spending"/><meta data-rh="true" name="author" content="Owen Castellano"/><meta data-rh="true" property="article:author" content="https://medium.com/@ocastellano"/><link data-rh="true" rel="canonical" href="%(url)s"/><script data-rh="true" type="application/ld+json">{"@context":"http:\\u002F\\u002Fschema.org","@type":"NewsArticle","image":["https:\\u002F\\u002Fmiro.medium.com\\u002Fv2\\u002Fresize:fit:1200\\u002F1*budget.png"],"url":"%(url)s","dateCreated":"2024-05-14T13:41:07.512Z","datePublished":"2024-05-14T13:41:07.512Z","dateModified":"2024-05-15T08:00:12.101Z","headline":"What I learned auditing 40 city budgets for climate spending","name":"What I learned auditing 40 city budgets for climate spending","description":"Last year I read the adopted budgets of 40 American cities, looking for one number","identifier":"3f9c1a2b7d44","author":{"@type":"Person","name":"Owen Castellano","url":"https:\\u002F\\u002Fmedium.com\\u002F@ocastellano"},"creator":["Owen Castellano"],"publisher":{"@type":"Organization","name":"Civic Data Notebook","url":"https:\\u002F\\u002Fmedium.com\\u002Fcivic-data-notebook"},"mainEntityOfPage":"%(url)s","isAccessibleForFree":false}</script><style type="text/css" data-fela-rehydration="533" data-fela-type="STATIC">html{box-sizing:border-box;-webkit-text-size-adjust:100%%}*, *:before, *:after{box-sizing:inherit}</style></head><body><div id="root"><div class="a b c"><div class="d e f g h i j k"></div><div class="l c"><div class="l m n o c"><div class="p q r s t u v w x i d y z"><a class="du ag dv bg ah dw" href="/?source=post_page" aria-label="Homepage"><svg viewBox="0 0 1043.63 592.71" class="dx dy"><path d="M588.67"></path></svg></a><div class="ae h"><div class="ae dz ea eb ec ed ee ef eg"><input role="combobox" tabindex="0" class="ax eh ei ej ek el em en eo ep eq er es et eu ev ew ex" placeholder="Search"/></div></div></div><div class="h k w fh fi"><span><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="/m/signin">Sign in</a></span></div></div></div><div class="fo fp fq"><article><div class="m"><div class="m"><span class="m"></span><section><div><div class="gn go gp gq gr"></div><div class="gs gt gu gv gw"><div class="ab ca"><div class="ch bg ez fa fb fc"><div class="ab cp gx"><div class="cm" aria-hidden="false"><div class="ab cm"><svg width="16" height="16" viewBox="0 0 64 64" fill="none"><path fill="#FFC017" d="m39.637 40.831-5.771 15.871"></path></svg><p class="bf b dx z dw">Member-only story</p></div></div></div><div><h1 id="b1a0" class="pw-post-title gy gz ha bf hb hc hd he hf hg hh hi hj hk hl hm hn ho hp hq hr hs ht hu hv hw bk" data-testid="storyTitle" data-selectable-paragraph="">What I learned auditing 40 city budgets for climate spending</h1></div><div><h2 id="3c5d" class="pw-subtitle-paragraph hx gz ha bf b hy hz ia ib ic id ie if ig ih ii ij ik il im cq dw">A year of reading spreadsheets so you don&#x2019;t have to</h2><div class="speechify-ignore ab cp"><div class="speechify-ignore bh l"><div class="in io ip iq ir ab"><div><div class="ab is"><a href="/@ocastellano?source=post_page"><div class="l it iu bx iv iw"><img alt="Owen Castellano" class="l ep bx dc dd cw" src="https://miro.medium.com/v2/resize:fill:88:88/1*owen.jpeg" width="44" height="44" loading="lazy" data-testid="authorPhoto"/></div></a></div></div><div class="bm bg l"><div class="ab"><div style="flex:1"><span class="bf b bg z bk"><div class="ix ab q"><div class="ab q iy"><div class="ab q"><div><div class="bl" aria-hidden="false"><p class="bf b iz ja bk"><a class="af ag ah ai aj ak al am an ao ap aq ar jb" data-testid="authorName" href="/@ocastellano?source=post_page">Owen Castellano</a></p></div></div></div><span class="jc jd" aria-hidden="true"><span class="bf b bg z dw">·</span></span><p class="bf b iz ja dw"><span><a class="je jf ah ai aj ak al am an ao ap aq ar ex jg jh" href="/m/signin?actionUrl=follow">Follow</a></span></p></div></div></span></div></div><div class="l ji"><span class="bf b bg z dw"><div class="ab cn jj jk jl"><div class="jm jn ab"><div class="bf b bg z dw ab jo"><span class="jp l ji">Published in</span><div><div class="l" aria-hidden="false"><a class="af ag ah ai aj ak al am an ao ap aq ar jb ab q" data-testid="publicationName" href="https://medium.com/civic-data-notebook?source=post_page"><p class="bf b bg z jq jr js jt ju jv jw jx bk">Civic Data Notebook</p></a></div></div></div><div class="h k"><span class="jc jd" aria-hidden="true"><span class="bf b bg z dw">·</span></span></div></div><span class="bf b bg z dw"><div class="ab ae"><span data-testid="storyReadTime">6 min read</span><div class="jy jz l" aria-hidden="true"><span class="l" aria-hidden="true"><span class="bf b bg z dw">·</span></span></div><span data-testid="storyPublishDate">May 14, 2024</span></div></span></div></span></div></div></div><div class="ab cp ka kb kc kd ke kf kg kh ki kj kk kl km kn ko kp"><div class="h k w fh fi q"><div class="lf l"><div class="ab q lg lh"><div class="pw-multi-vote-icon ep jp li lj lk"><div class=""><div class="ll lm ln lo lp lq lr am ls lt lu lk"><svg width="24" height="24" viewBox="0 0 24 24" aria-label="clap"><path fill-rule="evenodd" d="M11.37.828 12 3.282l.63-2.454z"></path></svg></div></div></div><div class="pw-multi-vote-count l lv lw lx ly lz ma mb"><p class="bf b dx z dw"><span class="mc">1.2K</span></p></div></div></div><div><div class="bl" aria-hidden="false"><button class="ao lf mf mg ab q eq mh mi" aria-label="responses"><svg width="24" height="24" viewBox="0 0 24 24" class="me"><path d="M18.006 16.803"></path></svg><p class="bf b dx z dw"><span class="pw-responses-count md me">23</span></p></button></div></div></div><div class="ab q kq kr ks kt ku kv kw kx ky kz la lb lc ld le"><div class="mj k j i d"></div><div class="h k"><div><div class="bl" aria-hidden="false"><button aria-label="Add to list bookmark button" class="af eq ah ai aj ak al mk an ao ap ex ml mm mn" disabled=""><svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" fill="none" viewBox="0 0 24 24" class="av"><path fill="#000" d="M17.5 1.25a.5.5 0 0 1 1 0v2.5H21a.5.5 0 0 1 0 1h-2.5v2.5a.5.5 0 0 1-1 0v-2.5H15a.5.5 0 0 1 0-1h2.5z"></path></svg></button></div></div></div><div class="fd mo cm"><div class="l ae"><div class="ab ca"><div class="mp mq mr ms mt mu ch bg"><div class="ab"><div class="bl bg" aria-hidden="false"><div><div class="bl" aria-hidden="false"><button aria-label="Listen" data-testid="audioPlayButton" class="af eq ah ai aj ak al mk an ao ap ex mv mw mi mx my mz na nb s nc nd ne nf ng nh ni u nj nk nl"><div class="ab q"><svg width="24" height="24" viewBox="0 0 24 24"><path fill="currentColor" fill-rule="evenodd" d="M3 12a9 9 0 1 1 18 0 9 9 0 0 1-18 0"></path></svg><div class="j i d"><p class="bf b bg z dw">Listen</p></div></div></button></div></div></div></div></div></div></div></div><div class="bl" aria-hidden="false" aria-describedby="postFooterSocialMenu" aria-labelledby="postFooterSocialMenu"><div><div class="bl" aria-hidden="false"><button aria-controls="postFooterSocialMenu" aria-expanded="false" aria-label="Share Post" data-testid="headerSocialShareButton" class="af eq ah ai aj ak al mk an ao ap ex mv mw mi mx my mz na nb s nc nd ne nf ng nh ni u nj nk nl"><svg width="24" height="24" fill="none" viewBox="0 0 24 24"><path fill="currentColor" fill-rule="evenodd" d="M15.218 4.931a.4.4 0 0 1-.118.132l.012.006"></path></svg><div class="j i d"><p class="bf b bg z dw">Share</p></div></button></div></div></div></div></div></div></div></div></div><figure class="nm nn no np nq nr nj nk paragraph-image"><div role="button" tabindex="0" class="ns nt fj nu bg nv"><div class="nj nk nl"><picture><img alt="" class="bg lw nw c" width="700" height="394" loading="eager" role="presentation"/></picture></div></div><figcaption class="nx ff ny nj nk nz oa bf b bg z dw" data-selectable-paragraph="">Photo by Kelly Sikkema on Unsplash</figcaption></figure>%(body)s</div></div></div></div></section></div></div></article></div><div class="ab ca"><div class="ch bg ez fa fb fc"><div class="qa qb ab ji"><div class="qc ab"><a class="qd ax an ao" href="https://medium.com/tag/local-government?source=post_page-----3f9c1a2b7d44"><div class="qe fe cw qf gd qg qh bf b bg z bk qi">Local Government</div></a></div><div class="qc ab"><a class="qd ax an ao" href="https://medium.com/tag/climate-change"><div class="qe fe cw qf gd qg qh bf b bg z bk qi">Climate Change</div></a></div></div></div></div><div class="l"><div class="ab ca"><div class="ch bg ez fa fb fc"><div class="ab cp qz"><h2 class="bf ha ra rb rc rd re rf rg rh ri rj rk rl rm rn ro bk"><a href="/@ocastellano">Written by Owen Castellano</a></h2><div class="rp rq rr rs"><span class="bf b bg z dw">2.1K Followers</span></div><div class="rx l"><p class="bf b bg z bk"><span class="bf b bg z bk">Data reporter. I read public budgets so you don&#x27;t have to. Formerly at the Sunlight Foundation.</span></p></div></div><div class="sa"><h2 class="bf ha sb sc bk">Responses (23)</h2><div class="sd"><div class="se"><p class="bf b bg z bk">Thanks for doing this. The point about Phoenix counting its whole water capital plan is exactly what frustrates me about sustainability reports.</p></div><div class="se"><p class="bf b bg z bk">Would love to see the 40 cities ranked on a map.</p></div></div></div></div></div></div><div class="tg th ti tj tk l bx"><div class="ab ca"><div class="ch bg ez fa fb fc"><div class="ab q tl tm"><p class="bf b bg z dw"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="https://help.medium.com/hc/en-us">Help</a></p><p class="bf b bg z dw"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="https://medium.statuspage.io/">Status</a></p><p class="bf b bg z dw"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="https://medium.com/about">About</a></p><p class="bf b bg z dw"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="https://policy.medium.com/medium-privacy-policy-f03bf92035c9">Privacy</a></p></div></div></div></div></div></div></div><script>window.__BUILD_ID__="main-20240514-181602-2c1e2"</script></body></html>''' % dict(url=pg["meta"]["url"], body="".join(out))


# 8. Substack post: subscription widgets between paragraphs, footnote,
#    share buttons, "Leave a comment".
@page("substack-post", dict(
    title="The quiet collapse of rural maternity wards",
    authors=["Dr. Anne Whitfield"], published="2024-11-19T12:02:44+00:00",
    publisher="Second Opinion",
    url="https://secondopinion.substack.com/p/the-quiet-collapse-of-rural-maternity"), """
Since 2011, more than 200 rural hospitals in the United States have stopped delivering babies. Another 100 or so are, by the estimates of people who track this, close to following them.
When a maternity ward closes, women in the area do not stop having children. They drive. In parts of Georgia, Alabama and eastern Oregon, that drive is now more than an hour each way, and for women in labor the distance has measurable consequences.
A study published this fall in the journal Health Affairs found that after an obstetrics unit closed, births in emergency rooms without obstetric staff rose, as did births before arrival at any hospital. Preterm births rose by about 9 percent in the counties studied.
## Why wards close
The reasons are mostly financial. Labor and delivery units must be staffed around the clock whether they deliver two babies a day or two a week, and about 40 percent of rural births are paid for by Medicaid, which in many states reimburses hospitals less than the cost of care.
Staffing is the other problem. A unit that delivers 150 babies a year cannot keep an obstetrician busy, and family physicians who deliver babies are becoming rare.
Next week I'll write about what the few states that have kept rural wards open have done differently.
""")
def _(pg):
    out = []
    for i, (k, v) in enumerate(blocks(pg["text"])):
        out.append('<h2 class="header-anchor-post">%s<div class="pencraft pc-display-flex pc-alignItems-center pc-position-absolute pc-reset header-anchor-parent"><div class="pencraft pc-display-contents pc-reset pubTheme-yiXxQA"><div id="§why-wards-close" class="pencraft pc-reset header-anchor offset-top"><svg role="img" width="18" height="18" viewBox="0 0 24 24"><g><title></title><path d="M10 13a5 5 0 0 0 7.54.54"></path></g></svg></div></div></div></h2>' % esc(v) if k == "h" else "<p>%s</p>" % esc(v))
        if i == 2:
            out.append('<div class="subscription-widget-wrap-editor" data-attrs="{&quot;url&quot;:&quot;https://secondopinion.substack.com/subscribe?&quot;,&quot;text&quot;:&quot;Subscribe&quot;,&quot;language&quot;:&quot;en&quot;}" data-component-name="SubscribeWidgetToDOM"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">Second Opinion is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p></div><form class="subscription-widget-subscribe"><input type="email" class="email-input" name="email" placeholder="Type your email…" tabindex="-1"><input type="submit" class="button primary" value="Subscribe"><div class="fake-input-wrapper"><div class="fake-input"></div><div class="fake-button"></div></div></form></div></div>')
        if i == 5:
            out.append('<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://secondopinion.substack.com/p/the-quiet-collapse-of-rural-maternity?utm_source=substack&amp;utm_medium=email&amp;utm_content=share&amp;action=share&quot;,&quot;text&quot;:&quot;Share&quot;}" data-component-name="ButtonCreateButton"><a class="button primary" href="https://secondopinion.substack.com/p/the-quiet-collapse-of-rural-maternity?utm_source=substack&amp;utm_medium=email&amp;utm_content=share&amp;action=share"><span>Share</span></a></p>')
    return '''<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8" />
        <meta name="norton-safeweb-site-verification" content="24usqpep0ejc5w6hod3dulxwciwp0djs6c6ufp96av3t4whuxovj72wfkdjxu82yacb7430qjm8adbd5ezlt4592dq4zrvadcn9j9n-0btgdzpiojfzno16-fnsnu7xd" />
        <link rel="preconnect" href="https://substackcdn.com" />
        <title data-rh="true">The quiet collapse of rural maternity wards - by Dr. Anne Whitfield</title>
        <meta data-rh="true" name="theme-color" content="#ffffff"/><meta data-rh="true" property="og:type" content="article"/><meta data-rh="true" property="og:title" content="The quiet collapse of rural maternity wards"/><meta data-rh="true" name="twitter:title" content="The quiet collapse of rural maternity wards"/><meta data-rh="true" name="description" content="More than 200 rural hospitals have stopped delivering babies. What happens next."/><meta data-rh="true" property="og:description" content="More than 200 rural hospitals have stopped delivering babies. What happens next."/><meta data-rh="true" name="author" content="Dr. Anne Whitfield"/><meta data-rh="true" property="og:site_name" content="Second Opinion"/><link data-rh="true" rel="canonical" href="%(url)s"/>
        <script data-rh="true" type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","url":"%(url)s","mainEntityOfPage":"%(url)s","headline":"The quiet collapse of rural maternity wards","description":"More than 200 rural hospitals have stopped delivering babies. What happens next.","datePublished":"2024-11-19T12:02:44+00:00","dateModified":"2024-11-19T12:02:44+00:00","isAccessibleForFree":true,"author":[{"@type":"Person","name":"Dr. Anne Whitfield","url":"https://substack.com/@annewhitfield","description":"Family physician in rural Oregon. Writing about health care outside the big cities."}],"publisher":{"@type":"Organization","name":"Second Opinion","url":"https://secondopinion.substack.com","description":"Health care outside the big cities."}}</script>
        <link rel="stylesheet" type="text/css" href="https://substackcdn.com/bundle/theme/main.css" />
    </head>
    <body class="pc-root">
        <div id="entry"><div id="main" class="main typography use-theme-bg"><div class="pencraft pc-display-contents pc-reset pubTheme-yiXxQA"><div data-testid="navbar" class="main-menu"><div class="topbar-content"><div class="navbar-title"><h1 class="navbar-title-link"><a href="/">Second Opinion</a></h1></div><div class="navbar-buttons"><button tabindex="0" type="button" class="pencraft pc-reset pencraft buttonBase-GK1x3M buttonStyle-r7yGCK size_md-gCDS3o priority_primary-RfbeYt">Subscribe</button><button class="pencraft pc-reset">Sign in</button></div></div></div>
        <div class="single-post-container"><div class="container"><div class="single-post"><div class="pencraft pc-display-contents pc-reset pubTheme-yiXxQA"><article class="typography newsletter-post post"><div class="post-header" role="region" aria-label="Post header"><h1 dir="auto" class="post-title published title-X77sOw">The quiet collapse of rural maternity wards</h1><h3 dir="auto" class="subtitle subtitle-HEEcLo">More than 200 rural hospitals have stopped delivering babies. What happens next.</h3><div class="pencraft pc-display-flex pc-gap-16 pc-paddingTop-16 pc-paddingBottom-16 pc-justifyContent-space-between pc-alignItems-center flex-grow-rzmknG border-top-detail-themed-k9TZAY border-bottom-detail-themed-Ua9186 post-ufi"><div class="pencraft pc-display-flex pc-gap-12 pc-alignItems-center byline-wrapper"><div class="pencraft pc-display-flex pc-reset"><div class="pencraft pc-display-flex pc-flexDirection-column pc-reset"><div class="pencraft pc-reset color-pub-primary-text-NyXPlw line-height-20-t4M0El font-meta-MWBumP size-11-NuY2Zx weight-medium-fw81nC transform-uppercase-yKDgcq reset-IxiVJZ meta-EgzBVA"><span data-state="closed"><a href="https://substack.com/@annewhitfield" class="pencraft pc-reset decoration-hover-underline-ClDVRM reset-IxiVJZ">Dr. Anne Whitfield</a></span></div><div class="pencraft pc-display-flex pc-gap-4 pc-reset"><div class="pencraft pc-reset color-pub-secondary-text-hGQ02T line-height-20-t4M0El font-meta-MWBumP size-11-NuY2Zx weight-medium-fw81nC transform-uppercase-yKDgcq reset-IxiVJZ meta-EgzBVA">Nov 19, 2024</div></div></div></div></div><div class="pencraft pc-display-flex pc-gap-8 pc-reset"><div class="like-button-container post-ufi-button style-button"><a role="button" class="post-ufi-button style-button has-label with-border"><div class="label">142</div></a></div><a role="button" class="post-ufi-button style-button post-ufi-comment-button has-label with-border" href="%(url)s/comments"><div class="label">37</div></a><a role="button" class="post-ufi-button style-button no-icon has-label with-border"><div class="label">Share</div></a></div></div></div>
        <div class="available-content"><div dir="auto" class="body markup">%(body)s<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://secondopinion.substack.com/p/the-quiet-collapse-of-rural-maternity/comments&quot;,&quot;text&quot;:&quot;Leave a comment&quot;,&quot;action&quot;:null,&quot;class&quot;:null}" data-component-name="ButtonCreateButton"><a class="button primary" href="https://secondopinion.substack.com/p/the-quiet-collapse-of-rural-maternity/comments"><span>Leave a comment</span></a></p></div></div>
        <div class="visibility-check"></div><div class="post-footer use-separators"><div class="post-ufi"><div class="like-button-container"><div class="label">142</div></div></div></div></article><div class="subscribe-footer"><p>Subscribe to Second Opinion</p><p>By Dr. Anne Whitfield · Thousands of paid subscribers</p><p>Health care outside the big cities.</p><form><input type="email" placeholder="Type your email..."/><button>Subscribe</button></form><div class="fine-print">By subscribing, I agree to Substack's Terms of Use and acknowledge its Information Collection Notice and Privacy Policy.</div></div></div></div></div></div></div></div></div>
        <script>window._preloads = JSON.parse("{\\"isEU\\":false,\\"language\\":\\"en\\",\\"base_url\\":\\"https://secondopinion.substack.com\\"}")</script>
    </body>
</html>''' % dict(url=pg["meta"]["url"], body="".join(out))


# 9. beehiiv newsletter archive page: e-mail table layout, inline styles,
#    sponsor block, "Read online", poll.
@page("beehiiv-issue", dict(
    title="Fed holds, mortgage rates don't care, and the condo glut in Florida",
    authors=["Sam Okafor"], published="2025-05-08T11:30:00Z",
    publisher="The Rate Sheet",
    url="https://www.theratesheet.co/p/fed-holds-mortgage-rates-condo-glut"), """
Good morning. The Federal Reserve left interest rates unchanged on Wednesday for the third meeting in a row, and Chair Jerome Powell said the central bank was in no hurry to cut while tariffs push prices up.
Mortgage rates barely moved. The average 30-year fixed rate was 6.81 percent on Thursday morning, according to Mortgage News Daily, compared with 6.84 percent a week earlier. Mortgage rates follow the 10-year Treasury yield more than anything the Fed does in a single meeting.
## Florida's condo problem
Listings of condominiums for sale in Florida have reached their highest level in more than a decade. In Miami-Dade County alone there were about 13,000 condos on the market in April, roughly double the number two years ago.
The main reason is a state law passed after the 2021 collapse of the Champlain Towers South building in Surfside. It requires older buildings to complete structural inspections and to fully fund their repair reserves, which has led to special assessments of $50,000 or more per unit in some buildings.
Many owners, particularly retirees on fixed incomes, are choosing to sell rather than pay. Prices for older condos have fallen by 10 to 20 percent in some areas, according to local brokers.
That's it for today. Reply to this email if you have a question you'd like answered next week.
""")
def _(pg):
    out = []
    for i, (k, v) in enumerate(blocks(pg["text"])):
        if k == "h":
            out.append('<tr><td class="dd" align="left" valign="top" style="color:#2A2A2A;font-weight:Bold;padding:0px 28px;text-align:left;"><h2 style="color:#2A2A2A;font-family:\'Georgia\',serif;font-size:26px;line-height:32px;font-weight:Bold;">%s</h2></td></tr>' % esc(v))
        else:
            out.append('<tr><td class="dd" style="padding:0px 28px;"><div style="font-family:\'Georgia\',serif;font-size:18px;line-height:28px;"><p style="line-height:28px;padding-bottom:12px;padding-top:12px;mso-line-height-alt:28px;">%s</p></div></td></tr>' % esc(v))
        if i == 1:
            out.append('<tr><td align="center" valign="top" style="padding:14px 28px;"><table role="none" width="100%%" border="0" cellspacing="0" cellpadding="0" style="background-color:#F3F4F6;border-radius:10px;"><tr><td style="padding:20px;"><p style="font-size:12px;text-transform:uppercase;color:#6B7280;">Together with Ledgerly</p><p style="font-family:\'Georgia\',serif;"><b>Stop doing your books on Sunday night.</b> Ledgerly connects to your bank and your invoices and closes your month in minutes. Over 40,000 small businesses use it. <a href="https://ledgerly.example/?utm_source=theratesheet" style="color:#2563EB;">Try it free for 30 days</a>.</p></td></tr></table></td></tr>')
    return '''<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>Fed holds, mortgage rates don&#39;t care, and the condo glut in Florida</title><meta name="description" content="Plus: why older condo owners in Miami are selling"/><meta property="og:title" content="Fed holds, mortgage rates don&#39;t care, and the condo glut in Florida"/><meta property="og:site_name" content="The Rate Sheet"/><meta property="og:type" content="article"/><meta name="author" content="Sam Okafor"/><meta property="article:published_time" content="2025-05-08T11:30:00.000Z"/><link rel="canonical" href="%(url)s"/><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Fed holds, mortgage rates don't care, and the condo glut in Florida","datePublished":"2025-05-08T11:30:00.000Z","author":[{"@type":"Person","name":"Sam Okafor"}],"publisher":{"@type":"Organization","name":"The Rate Sheet"}}</script><link rel="stylesheet" href="https://beehiiv-assets.example/assets/entry.css"/></head><body><div id="__remix"><div class="min-h-screen"><nav class="sticky top-0 z-10 bg-white"><div class="mx-auto flex max-w-6xl items-center justify-between px-4 py-3"><a href="/" class="flex items-center"><img src="https://media.beehiiv.com/uploads/publication/logo/rate.png" alt="The Rate Sheet" class="h-8 w-8 rounded"/><span class="ml-2 font-bold">The Rate Sheet</span></a><div class="flex gap-4"><a href="/archive">Posts</a><a href="/subscribe" class="rounded bg-black px-3 py-1 text-white">Subscribe</a></div></div></nav><main class="mx-auto max-w-2xl px-4"><div class="py-8"><h1 class="text-3xl font-bold">Fed holds, mortgage rates don&#39;t care, and the condo glut in Florida</h1><h2 class="text-xl text-gray-600">Plus: why older condo owners in Miami are selling</h2><div class="flex items-center gap-2 text-sm"><span>Sam Okafor</span><span>May 08, 2025</span></div><div class="flex gap-2 py-2"><a href="https://twitter.com/intent/tweet?url=%(url)s" aria-label="Share on X">X</a><a href="https://www.linkedin.com/sharing/share-offsite?url=%(url)s">LinkedIn</a><button>Copy link</button></div></div><div class="rendered-post"><div id="content-blocks"><table role="none" width="100%%" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td style="padding:10px 28px;"><p style="font-size:13px;color:#6B7280;"><a href="%(url)s" style="color:#6B7280;">Read online</a> | <a href="/subscribe">Sign up</a> | <a href="/advertise">Advertise</a></p></td></tr>%(body)s<tr><td style="padding:14px 28px;"><table role="none" width="100%%" style="border:1px solid #E5E7EB;border-radius:8px;"><tr><td style="padding:16px;"><p style="font-weight:bold;">What did you think of today&#39;s issue?</p><p><a href="/polls/1?answer=great">🔥 Great</a></p><p><a href="/polls/1?answer=okay">😐 Okay</a></p><p><a href="/polls/1?answer=meh">👎 Meh</a></p><p style="font-size:12px;color:#6B7280;">Login or Subscribe to participate in polls.</p></td></tr></table></td></tr><tr><td style="padding:14px 28px;"><p style="font-size:12px;color:#6B7280;">You are receiving this because you subscribed to The Rate Sheet. Nothing here is financial advice. The Rate Sheet, 1440 Market St, San Francisco, CA 94102. <a href="/unsubscribe">Unsubscribe</a></p></td></tr></table></div></div></main><footer class="mt-12 border-t py-8 text-center text-sm text-gray-500"><p>© 2025 The Rate Sheet.</p><p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p><p><a href="https://www.beehiiv.com/?utm_source=Highlight&amp;utm_medium=Footer">Powered by beehiiv</a></p></footer></div></div></body></html>''' % dict(url=pg["meta"]["url"], body="".join(out))


# 10. Live blog, newest entry first, each entry with a time, heading and
#     share buttons; a pinned summary is furniture only when it repeats.
@page("liveblog-entries", dict(
    title="Live updates: Senate votes on stopgap funding bill as shutdown deadline nears",
    authors=["Grace Mbeki", "Paul Ferreira"], published="2025-09-30T07:12:00-04:00",
    publisher="Capitol Wire",
    url="https://www.capitolwire.com/live/2025/09/30/government-shutdown-live-updates"), """
@@ 11:52 p.m. ET | Senate passes stopgap bill minutes before deadline
The Senate passed the stopgap funding bill 66 to 32 shortly before midnight, sending it to the president, who is expected to sign it early Wednesday. The measure keeps the government funded through November 21.
Fourteen Democrats joined all but two Republicans in voting for the bill after party leaders agreed to hold a separate vote next month on extending health insurance subsidies.
@@ 9:40 p.m. ET | Schumer says deal reached on health care vote
Senate Majority Leader Chuck Schumer told reporters that the two parties had agreed to a vote in October on extending enhanced Affordable Care Act subsidies, clearing the way for the funding bill. "It's not everything we wanted, but it is a real vote," he said.
@@ 6:15 p.m. ET | Agencies begin preparing shutdown notices
The Office of Management and Budget instructed agencies to be ready to send furlough notices at 12:01 a.m. if the bill did not pass. About 750,000 federal employees would be furloughed in a full shutdown, according to the Congressional Budget Office.
@@ 2:03 p.m. ET | House Republicans say they will not return early
Speaker Mike Johnson said the House had already done its job by passing the bill last week and would not return to Washington before its scheduled date, even if the Senate changed the measure.
@@ 7:12 a.m. ET | What to know
Congress has until midnight to pass a funding bill or much of the federal government will shut down. The House passed a seven-week extension last Friday. The Senate needs 60 votes to advance it.
""")
def _(pg):
    ents = entries(pg["text"])
    out = []
    for n, ((t, h), ps) in enumerate(ents):
        iso = "2025-09-30T%s" % {"11:52 p.m. ET": "23:52", "9:40 p.m. ET": "21:40", "6:15 p.m. ET": "18:15", "2:03 p.m. ET": "14:03", "7:12 a.m. ET": "07:12"}[t]
        out.append('''<div class="live-entry" id="entry-%d" data-entry-id="%d"><div class="live-entry__meta"><time class="live-entry__time" datetime="%s:00-04:00">%s</time><span class="live-entry__author">%s</span></div><h2 class="live-entry__headline">%s</h2><div class="live-entry__body">%s</div><div class="live-entry__share"><button class="share-link" data-url="#entry-%d">Copy link</button><a href="https://x.com/intent/post?url=%%23entry-%d">Share</a></div></div>''' % (n, n, iso, t, "Grace Mbeki" if n % 2 == 0 else "Paul Ferreira", esc(h), "".join("<p>%s</p>" % esc(p) for p in ps), n, n))
        if n == 1:
            out.append('<div class="ad-container ad-inline" data-ad-slot="liveblog_2"><span class="ad-label">Advertisement</span><div id="gpt-ad-2"></div></div>')
    return '''<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Live updates: Senate votes on stopgap funding bill as shutdown deadline nears | Capitol Wire</title><meta property="og:site_name" content="Capitol Wire"><meta property="og:title" content="Live updates: Senate votes on stopgap funding bill as shutdown deadline nears"><meta property="og:type" content="article"><meta name="robots" content="max-image-preview:large"><script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Live updates: Senate votes on stopgap funding bill as shutdown deadline nears","datePublished":"2025-09-30T07:12:00-04:00","dateModified":"2025-09-30T23:52:00-04:00","coverageStartTime":"2025-09-30T07:00:00-04:00","author":[{"@type":"Person","name":"Grace Mbeki"},{"@type":"Person","name":"Paul Ferreira"}],"publisher":{"@type":"NewsMediaOrganization","name":"Capitol Wire"},"liveBlogUpdate":[{"@type":"BlogPosting","headline":"Senate passes stopgap bill minutes before deadline","datePublished":"2025-09-30T23:52:00-04:00"},{"@type":"BlogPosting","headline":"Schumer says deal reached on health care vote","datePublished":"2025-09-30T21:40:00-04:00"}]}</script></head><body class="liveblog"><div class="site-header"><a class="logo" href="/">Capitol Wire</a><ul class="nav"><li><a href="/congress">Congress</a></li><li><a href="/white-house">White House</a></li><li><a href="/courts">Courts</a></li><li><a href="/newsletters">Newsletters</a></li></ul><a class="btn-subscribe" href="/subscribe">Subscribe</a></div><main class="liveblog-page"><header class="liveblog-header"><span class="live-badge">LIVE</span><h1>Live updates: Senate votes on stopgap funding bill as shutdown deadline nears</h1><div class="byline">By <a href="/staff/grace-mbeki">Grace Mbeki</a> and <a href="/staff/paul-ferreira">Paul Ferreira</a></div><div class="updated">Updated <time datetime="2025-09-30T23:52:00-04:00">11:52 p.m. ET, Sept. 30, 2025</time></div></header><div class="liveblog-feed" id="feed">%s</div><div class="liveblog-footer"><button class="load-more">Load earlier updates</button></div></main><aside class="most-read"><h3>Most read</h3><ol><li><a href="/a/1">What a shutdown would mean for air travel</a></li><li><a href="/a/2">Which federal workers would keep working</a></li></ol></aside><footer class="site-footer"><p>© 2025 Capitol Wire Media LLC. All rights reserved.</p></footer></body></html>''' % "".join(out)
