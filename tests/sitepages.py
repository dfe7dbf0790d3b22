"""Reading the built site: its pages, their article text, headings, links and figure spans.

Text inside an element of class ``yb-computed`` (the inpatient-bill charts) is the engine's
output, not typed text: it is kept apart (``computed``), and tests/test_curve_site.py checks
it against the engine instead of the digit rule."""

import html.parser
import os

from scripts.generate_pages import generated


def generated_pages(site_dir: str, lang: str) -> list:
    """Relative paths (…/index.html) of the pages generated from content, in one language."""
    root = os.path.join(site_dir, "en") if lang == "en" else site_dir
    pages = []
    for entry in generated():
        if entry == "index.md":  # the home page: only its own index.html, not the whole site
            pages.append("index.html")
            continue
        base = os.path.join(root, entry.removesuffix(".md"))
        for dirpath, _, files in os.walk(base):
            if "index.html" in files:
                pages.append(os.path.relpath(os.path.join(dirpath, "index.html"), root))
    return sorted(pages)


class Article(html.parser.HTMLParser):
    """The main article of a Material page: its text outside marked spans, the marked spans,
    its headings, ids, links, and text in elements marked lang="zh"."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.in_article = 0
        self.free_text = []
        self.figs = []
        self.headings = []
        self.ids = set()
        self.links = []
        self.non_zh_text = []
        self.computed = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in self.VOID:
            return
        classes = (attrs.get("class") or "").split()
        kind = None
        if tag == "article":
            kind = "article"
        elif tag == "span" and "fig" in classes:
            kind = "fig"
        elif tag == "span" and "ref" in classes:
            kind = "ref"
        elif "yb-computed" in classes:
            kind = "computed"
        elif attrs.get("lang") == "zh":
            kind = "zh"
        elif tag in ("h1", "h2", "h3") and self.in_article:
            self.headings.append(tag)
        self.stack.append((tag, kind, attrs, []))
        if kind == "article":
            self.in_article += 1

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            open_tag, kind, attrs, text = self.stack.pop()
            if kind == "article":
                self.in_article -= 1
            if kind == "fig" and self.in_article:
                self.figs.append((attrs.get("data-fig"), "".join(text)))
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.in_article:
            return
        kinds = [k for _, k, _, _ in self.stack]
        for _, kind, _, text in self.stack:
            if kind in ("fig", "ref"):
                text.append(data)
        if "computed" in kinds:
            self.computed.append(data)
        elif "fig" not in kinds and "ref" not in kinds:
            self.free_text.append(data)
        if "zh" not in kinds:
            self.non_zh_text.append(data)


def read_article(path: str) -> Article:
    parser = Article()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser
