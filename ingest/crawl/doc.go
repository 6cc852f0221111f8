// Package crawl is the polite crawler for sites without usable feeds. From
// seeds and the sites' sitemaps (sitemaps.org, sitemap indexes and Google
// News sitemaps, found through robots.txt Sitemap lines and /sitemap.xml)
// it follows links within allowed domains up to a maximum depth, obeys
// robots.txt as RFC 9309 says, keeps a per-host delay and parallelism, and
// publishes only article pages as newsintel.Raw: JSON-LD NewsArticle,
// Article, BlogPosting and their kin describing the page, og:type=article,
// article:published_time, one schema.org microdata article, a configured URL
// pattern, or, on pages with no such markup, one dated block of prose. Index
// pages (section fronts, JSON-LD collection pages, rivers of posts) are
// followed, not published; so are pages marked noindex.
//
// Each article is published once per canonical URL (<link rel=canonical>,
// else og:url, normalised by urlcanon; a declaration pointing off the site
// or at its root page is ignored), and its ID is
// newsintel.ArticleID(canonical), so one article reached by several URLs is
// one document. The frontier and the visited set live in a State (JetStream
// KV in the pipeline, memory for one-off runs): a restart resumes the queued
// URLs and does not fetch visited pages again until their revisit interval.
//
// # Fetching: colly over fetch.Client.Get
//
// colly (gocolly/colly/v2) drives each page: it makes the request, parses
// the HTML once (goquery), resolves links against <base href> and calls
// our callbacks. Its HTTP client's transport is an adapter that turns every
// request into fetch.Client.Get, instead of handing colly the guarded
// *http.Client from fetch.Client.HTTPClient. The reason: colly's own
// backend applies MaxBodySize to the compressed bytes and then gunzips
// without a limit (a gzip bomb passes), knows only gzip, and sniffs
// charsets its own way. Through Get, the body is capped after decoding
// (gzip and deflate), converted to UTF-8, the private-network guard checks
// the address actually dialled (redirects included), and per-host rate
// limits, Retry-After and retries apply to the crawler as to every other
// source. colly's robots.txt support, visited set, body limit, cache and
// COLLY_* environment settings are all switched off: robots.txt is fetched
// through the same client and applied here (2xx parsed; 4xx allows all;
// 5xx, 429 or an unreachable host closes the site for RobotsRetry, its URLs
// staying queued), the State is the visited set.
package crawl
