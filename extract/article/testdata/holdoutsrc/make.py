#!/usr/bin/env python3
"""Write the held-out web pages of ../holdout-web; see README.md.

Each page module defines PAGES: dicts with name, meta (title, authors,
published, publisher, url), text (the article as a person would copy it, in
the block syntax below) and render(page) -> the page's HTML, written the way
that kind of site writes it.

Block syntax of text, one block a line:
  ## heading        - list item        | a | b  table row (one block per table)
  @@ time | heading  a live-blog entry (the time is not body text)
  anything else      a paragraph
"""
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "holdout-web")
sys.path.insert(0, HERE)


def esc(s):
    return html.escape(s, quote=False)


def blocks(text):
    """The article's blocks: (kind, value) with kind p, h, li, tr, entry."""
    out = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("## "):
            out.append(("h", line[3:]))
        elif line.startswith("- "):
            out.append(("li", line[2:]))
        elif line.startswith("| "):
            cells = [c.strip() for c in line[2:].split(" | ")]
            out.append(("tr", cells))
        elif line.startswith("@@ "):
            t, h = [x.strip() for x in line[3:].split("|", 1)]
            out.append(("entry", (t, h)))
        else:
            out.append(("p", line))
    return out


def registrar(pages):
    """A decorator factory that adds a page and its render function to pages."""
    def page(name, meta, text):
        def deco(fn):
            pages.append(dict(name=name, meta=meta, text=text, render=fn))
            return fn
        return deco
    return page


def entries(text):
    """The live-blog entries of text: ((time, heading), [paragraphs])."""
    out = []
    for k, v in blocks(text):
        if k == "entry":
            out.append((v, []))
        else:
            out[-1][1].append(v)
    return out


def expected(text):
    parts, rows = [], []
    for k, v in blocks(text):
        if k == "tr":
            rows.append(" | ".join(v))
            continue
        if rows:
            parts.append("\n".join(rows))
            rows = []
        parts.append(v[1] if k == "entry" else v)
    if rows:
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def main():
    import pages_a, pages_b, pages_c
    os.makedirs(OUT, exist_ok=True)
    names = set()
    for mod in (pages_a, pages_b, pages_c):
        for pg in mod.PAGES:
            assert pg["name"] not in names, pg["name"]
            names.add(pg["name"])
            base = os.path.join(OUT, pg["name"])
            with open(base + ".html", "w", encoding="utf-8") as f:
                f.write(pg["render"](pg))
            with open(base + ".expected.txt", "w", encoding="utf-8") as f:
                f.write(expected(pg["text"]))
            with open(base + ".meta.json", "w", encoding="utf-8") as f:
                json.dump(pg["meta"], f, indent=2, ensure_ascii=False)
                f.write("\n")
    print(len(names), "pages")


if __name__ == "__main__":
    main()
