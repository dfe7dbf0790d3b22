"""The built site in Debian's Chromium (Playwright): what a reader sees and does.

Home in both languages, Chinese search, the language switch keeping the page (also after
instant navigation), the phone-sized navigation, and no request leaving the site's origin.
"""

import html.parser
import os
import re

import pytest

from tests.sitepages import generated_pages

PHONE = {"width": 390, "height": 844}


def page_url(site, lang, rel=""):
    return site["base"] + ("en/" if lang == "en" else "") + rel


@pytest.mark.parametrize(
    "lang, heading, html_lang", [("zh", "医保明白纸", "zh"), ("en", "Medical insurance explained", "en")]
)
def test_home_asks_city_status_and_what_happened(site, warm_page, lang, heading, html_lang):
    warm_page.goto(page_url(site, lang))
    assert warm_page.locator("html").get_attribute("lang") == html_lang
    assert heading in warm_page.locator("article h1").inner_text()
    assert warm_page.locator("article h2").count() == 4
    # "What happened?" sends the reader to the right answers in both cities.
    assert warm_page.locator("article table a").count() >= 16


def search(page, term):
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(term)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item")


def test_chinese_search_finds_the_deductible_answers(site, warm_page):
    warm_page.goto(page_url(site, "zh"))
    results = search(warm_page, "起付标准")
    texts = " ".join(results.all_inner_texts()).replace("\u200b", "")  # jieba segments are joined by ZWSP
    assert "起付标准" in texts
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("hangzhou/benefits" in href for href in links) and any("ningbo/benefits" in href for href in links)


def first_result(page, term):
    results = search(page, term)
    return results.nth(0).locator("a").first.get_attribute("href")


def test_chinese_search_for_claim_documents_puts_the_procedures_first(site, warm_page):
    # "报销 材料": what to bring to claim back what you paid (hz-procedures: 申请材料).
    warm_page.goto(page_url(site, "zh"))
    assert "hangzhou/procedures" in first_result(warm_page, "报销 材料")


def test_english_search_for_remote_puts_treatment_away_first(site, warm_page):
    warm_page.goto(page_url(site, "en"))
    assert "hangzhou/remote" in first_result(warm_page, "remote")


def test_english_search_uses_the_english_index(site, warm_page):
    warm_page.goto(page_url(site, "en"))
    results = search(warm_page, "deductible")
    assert results.count() > 0
    assert all("/en/" in results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count()))


def switch_language(page, name):
    page.locator(".md-header__option .md-select button").click()
    page.locator(".md-select__link", has_text=name).click()
    page.wait_for_load_state()


def test_language_switch_keeps_the_page(site, warm_page):
    warm_page.goto(page_url(site, "zh", "hangzhou/benefits/"))
    switch_language(warm_page, "English")
    assert warm_page.url == page_url(site, "en", "hangzhou/benefits/")
    switch_language(warm_page, "中文")
    assert warm_page.url == page_url(site, "zh", "hangzhou/benefits/")


def test_language_switch_keeps_the_page_after_instant_navigation(site, warm_page):
    warm_page.goto(page_url(site, "zh"))
    warm_page.locator("article a[href*='ningbo/benefits']").first.click()
    warm_page.wait_for_url(re.compile(r".*/ningbo/benefits/.*"))
    switch_language(warm_page, "English")
    assert warm_page.url.startswith(page_url(site, "en", "ningbo/benefits/"))


def test_phone_viewport_shows_the_navigation(site, phone_page):
    phone_page.set_viewport_size(PHONE)
    phone_page.goto(page_url(site, "zh", "hangzhou/benefits/"))
    drawer = phone_page.locator("label.md-header__button[for='__drawer']")
    assert drawer.is_visible()
    drawer.click()
    nav = phone_page.locator("nav.md-nav--primary")
    nav.locator("text=宁波").first.wait_for(state="visible")
    assert nav.locator("text=杭州").first.is_visible()


class Resources(html.parser.HTMLParser):
    """What a page makes the browser fetch by itself: src, srcset, <link href>, <object data>,
    inline style url(…); and its scripts, in order."""

    def __init__(self):
        super().__init__()
        self.urls, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "data", "poster"):
            if attrs.get(name):
                self.urls.append(attrs[name])
        if attrs.get("srcset"):
            self.urls += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.urls.append(attrs["href"])
        self.urls += re.findall(r"url\(['\"]?([^'\")]+)", attrs.get("style") or "")
        if tag == "script":
            self.scripts.append(attrs.get("src") or "inline")


def foreign(urls, base):
    return [u for u in urls if re.match(r"^([a-z]+:)?//", u) and not u.startswith(base) and not u.startswith("data:")]


def names(scripts: tuple) -> list:
    """The scripts a page runs, by file name, less the calculator pages' early start (early.js,
    which runs client.js early: a module every page runs anyway)."""
    return [src.split("/")[-1] for src in scripts if not src.endswith("/early.js")]


def test_no_page_or_style_sheet_names_a_foreign_resource(site):
    # Static, over every built page: no page refers to a file on another host, and every page runs
    # the same scripts as the home page (so the browser pass below, on the home page, speaks for all).
    found, scripts = {}, {}
    for dirpath, _, files in os.walk(site["dir"]):
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, site["dir"])
            if name.endswith(".html"):
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                parser = Resources()
                parser.feed(text)
                styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL))
                urls = parser.urls + re.findall(r"url\(['\"]?([^'\")]+)", styles)
                scripts[rel] = tuple(src for src in parser.scripts if src != "inline")
            elif name.endswith(".css"):
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                urls = re.findall(r"url\(['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
            else:
                continue
            if foreign(urls, site["base"]):
                found[rel] = foreign(urls, site["base"])
    assert len(scripts) >= 40 and not found, list(found.items())[:5]
    home = {"zh": scripts["index.html"], "en": scripts[os.path.join("en", "index.html")]}
    differ = [
        rel
        for rel, own in scripts.items()
        if rel != "404.html" and names(own) != names(home["en" if rel.startswith("en" + os.sep) else "zh"])
    ]
    assert not differ, differ[:5]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_request_leaves_the_origin_on_a_content_page(site, page, lang):
    # One browser pass (the calculator pages have theirs, merged with the accessibility check):
    # the home page and a question page, with the search index and worker Material starts.
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    for rel in ("", generated_pages(site["dir"], lang)[0][: -len("index.html")]):
        page.goto(page_url(site, lang, rel))
        page.wait_for_load_state("networkidle")
    assert len(seen) >= 2
    assert not foreign(seen, site["base"]), foreign(seen, site["base"])[:5]
