#!/usr/bin/env python3
"""Dress the articles of articles*.txt in publisher markup; see README.md."""
import glob
import html
import json
import os
import re
from datetime import datetime

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "eval")
E = html.escape


def parse(path):
    arts, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("=== "):
            f = [x.strip() for x in line[4:].split("|")]
            cur = dict(name=f[0], tpl=f[1], title=f[2], authors=[a for a in f[3].split(";") if a],
                       published=f[4], section=f[5], path=f[6], blocks=[])
            arts.append(cur)
        elif line.strip() and cur is not None:
            cur["blocks"].append(line.strip())
    return arts


def kind(b):
    m = re.match(r"^\[(\w+)(?::\s*(.*))?\]$", b)
    if m:
        return m.group(1), (m.group(2) or "")
    if b.startswith("## "):
        return "h", b[3:]
    if b.startswith("- "):
        return "li", b[2:]
    if b.startswith("> "):
        return "quote", b[2:]
    return "p", b


def expected(art):
    out = []
    for b in art["blocks"]:
        k, v = kind(b)
        if k in ("p", "h", "li", "quote"):
            out.append(strip_tags(v))
        elif k == "table":
            rows = [[c.strip() for c in r.split("|")] for r in v.split(";")]
            out.append("\n".join(" | ".join(r) for r in rows))
    return "\n\n".join(out) + "\n"


def strip_tags(s):
    return re.sub(r"\{a:([^}]*)\}", r"\1", s)


def inline(s, link="/news/related-story"):
    """{a:text} marks a link inside a paragraph."""
    return re.sub(r"\{a:([^}]*)\}", lambda m: '<a href="%s">%s</a>' % (link, E(m.group(1))), E(s).replace("{a:", "{a:"))


def date_text(iso):
    d = datetime.fromisoformat(iso)
    return d.strftime("%B ") + str(d.day) + d.strftime(", %Y")


def byline(authors, sep=" and "):
    if len(authors) <= 2:
        return sep.join(authors)
    return ", ".join(authors[:-1]) + sep + authors[-1]


# ---- body renderers: each publisher marks up the same blocks its own way ----

def body_blocks(art, p='<p>%s</p>', h='<h2>%s</h2>', related=None, figure=None, pull=None,
                ad='<div class="ad-slot ad-slot--mid" data-ad="mid"><span>Advertisement</span></div>',
                newsletter=None, quote='<blockquote><p>%s</p></blockquote>', ul=('<ul>', '</ul>', '<li>%s</li>')):
    out, items = [], []

    def flush_list():
        if items:
            out.append(ul[0] + "".join(ul[2] % i for i in items) + ul[1])
            items.clear()

    for b in art["blocks"]:
        k, v = kind(b)
        if k != "li":
            flush_list()
        if k == "p":
            out.append(p % inline(v))
        elif k == "h":
            out.append(h % E(v))
        elif k == "li":
            items.append(inline(v))
        elif k == "quote":
            out.append(quote % inline(v))
        elif k == "table":
            rows = [[c.strip() for c in r.split("|")] for r in v.split(";")]
            t = "<table class=\"data-table\"><thead><tr>" + "".join("<th>%s</th>" % E(c) for c in rows[0]) + "</tr></thead><tbody>"
            for r in rows[1:]:
                t += "<tr>" + "".join("<td>%s</td>" % E(c) for c in r) + "</tr>"
            out.append(t + "</tbody></table>")
        elif k == "related":
            heads = [x.strip() for x in v.split(";")]
            out.append((related or default_related)(heads))
        elif k == "figure":
            cap, _, credit = v.partition("|")
            out.append((figure or default_figure)(cap.strip(), credit.strip()))
        elif k == "pull":
            out.append((pull or default_pull)(v))
        elif k == "ad":
            out.append(ad)
        elif k == "plea":
            out.append(p % E(v))
        elif k == "newsletter":
            out.append(newsletter or default_newsletter)
    flush_list()
    return "\n".join(out)


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def default_related(heads):
    lis = "".join('<li><a href="/news/%s">%s</a></li>' % (slug(h), E(h)) for h in heads)
    return '<div class="related-links"><h3>Related</h3><ul>%s</ul></div>' % lis


def default_figure(cap, credit):
    return ('<figure class="image"><img src="/img/photo.jpg" alt="%s"><figcaption>%s <span class="credit">%s</span></figcaption></figure>'
            % (E(cap), E(cap), E(credit)))


def default_pull(v):
    return '<aside class="pullquote"><p>%s</p></aside>' % E(v)


default_newsletter = ('<div class="newsletter-signup"><h3>Get our morning briefing</h3><p>Sign up for the daily newsletter with the day\'s top stories.</p>'
                      '<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>')

COOKIE = ('<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience and to show you relevant advertising. '
          'By continuing to browse the site you agree to our use of cookies.</p><button>Accept all</button><a href="/privacy">Manage preferences</a></div>')


def nav(items, cls="site-nav"):
    return '<nav class="%s"><ul>%s</ul></nav>' % (cls, "".join('<li><a href="/%s">%s</a></li>' % (slug(i), E(i)) for i in items))


def footer(site, links=("About us", "Contact", "Careers", "Terms of Use", "Privacy Policy", "Advertise")):
    return ('<footer class="site-footer"><div class="footer-links">%s</div><p>&copy; 2024 %s. All rights reserved.</p></footer>'
            % (" ".join('<a href="/%s">%s</a>' % (slug(l), E(l)) for l in links), E(site)))


def most_popular(heads, title="Most Popular"):
    return '<div class="most-popular"><h2>%s</h2><ol>%s</ol></div>' % (title, "".join(
        '<li><a href="/story/%s">%s</a></li>' % (slug(h), E(h)) for h in heads))


POPULAR = ["City council delays vote on transit budget", "Five things to know before the markets open",
           "Storm knocks out power to thousands along the coast", "Opinion: The case for a four-day week",
           "Quiz: How well do you know this week's news?"]


def page(head, body, lang="en", cls=""):
    return ('<!DOCTYPE html>\n<html lang="%s"%s>\n<head>\n<meta charset="utf-8">\n%s\n'
            '<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>\n'
            '<style>.ad-slot{min-height:250px}.hidden{display:none}</style>\n</head>\n<body%s>\n%s\n'
            '<script src="/static/app.js"></script>\n</body>\n</html>\n') % (lang, "", head, cls, body)


def og(art, site, typ="article"):
    return "\n".join([
        '<title>%s | %s</title>' % (E(art["title"]), E(site)),
        '<meta property="og:title" content="%s">' % E(art["title"]),
        '<meta property="og:site_name" content="%s">' % E(site),
        '<meta property="og:type" content="%s">' % typ,
        '<meta name="description" content="%s">' % E(strip_tags(first_para(art))[:150]),
        '<link rel="canonical" href="https://%s%s">' % (host(site), art["path"]),
    ])


def first_para(art):
    for b in art["blocks"]:
        if kind(b)[0] == "p":
            return b
    return ""


def host(site):
    return "www." + re.sub(r"[^a-z0-9]", "", site.lower()) + ".com"


def ld(art, site, typ="NewsArticle", dates=True):
    d = {"@context": "https://schema.org", "@type": typ, "headline": art["title"],
         "author": [{"@type": "Person", "name": a} for a in art["authors"]],
         "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "/logo.png"}},
         "articleSection": art["section"]}
    if dates:
        d["datePublished"] = art["published"]
        d["dateModified"] = art["published"]
    return '<script type="application/ld+json">%s</script>' % json.dumps(d)


def comments(n=3):
    cs = [("reader_88", "This is exactly what I have been saying for years. Nobody listens until it is too late."),
          ("Margaret T.", "Does anyone know whether the new rules apply to small businesses as well, or only to the large ones?"),
          ("kb_watcher", "Great reporting, thank you. Please keep following this story."),
          ("Dan", "The numbers in the third paragraph do not add up if you include last year's figures.")]
    lis = "".join('<li class="comment"><div class="comment-author">%s</div><div class="comment-body"><p>%s</p></div><a class="reply" href="#">Reply</a></li>' % c for c in cs[:n])
    return '<section id="comments" class="comments-area"><h2 class="comments-title">%d Comments</h2><ol class="comment-list">%s</ol><div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><input type="text"><button>Post Comment</button></form></div></section>' % (n, lis)


def main():
    from templates import TEMPLATES
    os.makedirs(OUT, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "articles*.txt"))):
        for art in parse(path):
            page_html, publisher = TEMPLATES[art["tpl"]](art)
            base = os.path.join(OUT, art["name"])
            with open(base + ".html", "w", encoding="utf-8") as f:
                f.write(page_html)
            with open(base + ".expected.txt", "w", encoding="utf-8") as f:
                f.write(expected(art))
            meta = {"title": art["title"], "authors": art["authors"], "published": art["published"],
                    "publisher": publisher, "url": "https://" + host(publisher) + art["path"]}
            with open(base + ".meta.json", "w", encoding="utf-8") as f:
                json.dump(meta, f, ensure_ascii=False, indent=2)
                f.write("\n")


if __name__ == "__main__":
    main()
