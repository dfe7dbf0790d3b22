"""The built site in Debian's Chromium (Playwright): what a reader sees and does.

Home in both languages, Chinese search, the language switch keeping the page (also after
instant navigation), the phone-sized navigation, and no request leaving the site's origin.
"""

import os
import re

import pytest

from tests.sitepages import generated_pages

PHONE = {"width": 390, "height": 844}


def page_url(site, lang, rel=""):
    return site["base"] + ("en/" if lang == "en" else "") + rel


@pytest.mark.parametrize("lang, heading, html_lang", [("zh", "医保明白纸", "zh"), ("en", "Medical insurance explained", "en")])
def test_home_asks_city_status_and_what_happened(site, page, lang, heading, html_lang):
    page.goto(page_url(site, lang))
    assert page.locator("html").get_attribute("lang") == html_lang
    assert heading in page.locator("article h1").inner_text()
    assert page.locator("article h2").count() == 4
    # "What happened?" sends the reader to the right answers in both cities.
    assert page.locator("article table a").count() >= 16


def search(page, term):
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(term)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item")


def test_chinese_search_finds_the_deductible_answers(site, page):
    page.goto(page_url(site, "zh"))
    results = search(page, "起付标准")
    texts = " ".join(results.all_inner_texts()).replace("\u200b", "")  # jieba segments are joined by ZWSP
    assert "起付标准" in texts
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("hangzhou/benefits" in href for href in links) and any("ningbo/benefits" in href for href in links)


def first_result(page, term):
    results = search(page, term)
    return results.nth(0).locator("a").first.get_attribute("href")


def test_chinese_search_for_claim_documents_puts_the_procedures_first(site, page):
    # "报销 材料": what to bring to claim back what you paid (hz-procedures: 申请材料).
    page.goto(page_url(site, "zh"))
    assert "hangzhou/procedures" in first_result(page, "报销 材料")


def test_english_search_for_remote_puts_treatment_away_first(site, page):
    page.goto(page_url(site, "en"))
    assert "hangzhou/remote" in first_result(page, "remote")


def test_english_search_uses_the_english_index(site, page):
    page.goto(page_url(site, "en"))
    results = search(page, "deductible")
    assert results.count() > 0
    assert all("/en/" in results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count()))


def switch_language(page, name):
    page.locator(".md-header__option .md-select button").click()
    page.locator(".md-select__link", has_text=name).click()
    page.wait_for_load_state()


def test_language_switch_keeps_the_page(site, page):
    page.goto(page_url(site, "zh", "hangzhou/benefits/"))
    switch_language(page, "English")
    assert page.url == page_url(site, "en", "hangzhou/benefits/")
    switch_language(page, "中文")
    assert page.url == page_url(site, "zh", "hangzhou/benefits/")


def test_language_switch_keeps_the_page_after_instant_navigation(site, page):
    page.goto(page_url(site, "zh"))
    page.locator("article a[href*='ningbo/benefits']").first.click()
    page.wait_for_url(re.compile(r".*/ningbo/benefits/.*"))
    switch_language(page, "English")
    assert page.url.startswith(page_url(site, "en", "ningbo/benefits/"))


def test_phone_viewport_shows_the_navigation(site, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(page_url(site, "zh", "hangzhou/benefits/"))
    drawer = page.locator("label.md-header__button[for='__drawer']")
    assert drawer.is_visible()
    drawer.click()
    nav = page.locator("nav.md-nav--primary")
    nav.locator("text=宁波").first.wait_for(state="visible")
    assert nav.locator("text=杭州").first.is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_request_leaves_the_origin_on_any_page(site, page, lang):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    pages = [""] + [p[: -len("index.html")] for p in generated_pages(site["dir"], lang)]
    for rel in pages:
        page.goto(page_url(site, lang, rel))
        page.wait_for_load_state("networkidle")
    assert len(seen) >= len(pages)
    foreign = [url for url in seen if not url.startswith(site["base"]) and not url.startswith("data:")]
    assert not foreign, foreign[:5]
