"""The site on a phone, and the calculators in large-text mode (长辈模式), in Chromium.

No built page scrolls sideways at 360 or 390 px in either language; after 计算 the figure the
reader came for is in view; the steps are at least 16 px; large-text mode meets the MIIT
elderly-friendly sizes (body ≥ 18 px, key figure ≥ 30 px, line height ≥ 1.3, tap targets ≥ 60 px)
and is remembered on the device.
"""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.test_calculators_browser import PAGES, open_ready, serious_violations, submit, url

LARGE = "localStorage.setItem('yibao-large-text', '1')"


def built_pages(site_dir: str, lang: str) -> list:
    """Every page of one language's build, as a path relative to its root."""
    root = os.path.join(site_dir, "en") if lang == "en" else site_dir
    pages = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("en", "assets", "pyodide", "search") and not d.startswith(".")]
        if "index.html" in files:
            rel = os.path.relpath(dirpath, root)
            pages.append("" if rel == "." else rel + "/")
    return sorted(pages)


def phone(browser, width, large=False, **options):
    # The site's policy is tested in test_serving.py; here axe must be injectable.
    options.setdefault("bypass_csp", True)
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, **options)
    if large:
        context.add_init_script(LARGE)
    return context


def layout_only(browser, width, large=False, **options):
    """A phone context for laying pages out: without the runtime (its download is not the point
    here), the search index (read only once the reader searches) and the service worker keeping
    each page's files (nothing a reader sees)."""
    context = phone(browser, width, large, service_workers="block", **options)
    for files in ("**/pyodide/**", "**/search/search_index.json"):
        context.route(files, lambda route: route.abort())
    return context


def too_wide(page, widths) -> list:
    """(width, scroll width) for each phone width at which the page as loaded scrolls sideways;
    the page is laid out again at each width (the same page, resized), and left at the first."""
    wide = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append((width, scroll))
    page.set_viewport_size({"width": widths[0], "height": 800})
    return wide


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_scrolls_sideways_on_a_phone(site, browser, lang):
    # One visit per page, laid out at 360 and at 390 px; large text is checked with the
    # accessibility pass below.
    pages = built_pages(site["dir"], lang)
    assert len(pages) >= 30
    context = layout_only(browser, 360)
    page = context.new_page()
    wide = []
    for rel in pages:
        page.goto(url(site, lang, rel))
        wide += [(rel, width, scroll) for width, scroll in too_wide(page, (360, 390))]
    context.close()
    assert not wide, wide


@pytest.mark.parametrize("lang, width", [("zh", 360), ("en", 360), ("zh", 1280), ("en", 1280)])
def test_after_calculating_you_pay_is_in_view(site, request, lang, width):
    # A phone (touch, 360 × 800) or a desktop window (1280 × 900), each a warm page.
    page = request.getfixturevalue("phone_page" if width < 500 else "warm_page")
    page.set_viewport_size({"width": width, "height": 800 if width < 500 else 900})
    open_ready(page, site, lang, "calculators/inpatient/")
    page.locator("input[name='claims.0.bill']").fill("66666")
    submit(page)
    lead = page.locator(".yb-slip .yb-lead").first
    expect(lead).to_be_in_viewport(ratio=1)
    assert ("你自己要付" if lang == "zh" else "You pay") in lead.inner_text()
    box = lead.bounding_box()
    viewport = page.viewport_size
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], box
    expect(page.locator(".yb-announce")).to_have_text(re.compile(r"\S"))


def px(page, selector, prop):
    return page.evaluate("([s, p]) => parseFloat(getComputedStyle(document.querySelector(s))[p])", [selector, prop])


def test_steps_and_labels_are_at_least_16px_and_not_bold(site, phone_page):
    page = phone_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(url(site, "zh", "calculators/inpatient/"))
    for selector in (".yb-steps li", ".yb-field label", ".yb-help", ".yb-totals td", ".yb-chart li"):
        assert px(page, selector, "fontSize") >= 16, selector
    assert px(page, ".yb-steps li", "fontWeight") == 400
    # Tap targets, links inside the steps included: at least 44 × 44.
    for selector in (".yb-steps a.yb-ref", ".yb-actions .md-button", ".yb-field select", ".yb-large-toggle"):
        box = page.locator(selector).first.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (selector, box)


def test_large_text_mode_meets_the_elderly_friendly_sizes_and_is_remembered(site, browser):
    context = phone(browser, 360)
    page = context.new_page()
    page.goto(url(site, "zh", "calculators/inpatient/"))
    toggle = page.locator(".yb-large-toggle")
    assert toggle.inner_text() == "长辈模式" and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(url(site, "en", "calculators/inpatient/"))  # remembered, in the other language too
    assert page.evaluate("document.documentElement.classList.contains('yb-large')")
    assert page.locator(".yb-large-toggle").inner_text() == "Large text"
    for selector in (".yb-steps li", ".yb-field label", ".yb-totals td", "article > p"):
        assert px(page, selector, "fontSize") >= 18, selector
        assert px(page, selector, "lineHeight") >= 1.3 * px(page, selector, "fontSize"), selector
    assert px(page, ".yb-key-figure", "fontSize") >= 30
    for selector in (
        ".yb-steps a.yb-ref",
        ".yb-actions .md-button",
        ".yb-field select",
        ".yb-field:not([hidden]) input[type=text]",
        ".yb-large-toggle",
    ):
        box = page.locator(selector).first.bounding_box()
        assert box["height"] >= 60 and box["width"] >= 60, (selector, box)
    context.close()


def test_large_text_is_applied_before_the_first_paint(site, browser):
    context = phone(browser, 390, large=True)
    page = context.new_page()
    # The class is on <html> while the page is still parsing (no flash of small text).
    page.add_init_script(
        "document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive') "
        "window.__early = document.documentElement.classList.contains('yb-large'); });"
    )
    page.goto(url(site, "zh", ""))
    assert page.evaluate("window.__early") is True
    context.close()


# Besides the calculators, the pages large text changes most: home, a long answer page, about.
LARGE_TEXT_PAGES = ["", "hangzhou/benefits/", "about/"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_large_text_pages_have_no_serious_accessibility_issue_and_do_not_scroll_sideways(site, browser, lang):
    # axe is injected as an inline script, which the site's policy rightly refuses: let it in.
    context = layout_only(browser, 390, large=True)
    # The calculator pages and their examples, without the runtime (the ready state is checked by
    # the normal-size axe test): the failure message is then on the page and gets checked too.
    page = context.new_page()
    problems, wide = {}, []
    for page_id in PAGES:
        page.goto(url(site, lang, "calculators/" + page_id + "/"))
        page.wait_for_selector(".yb-progress.yb-failed")
        serious = serious_violations(page)
        if serious:
            problems[page_id] = serious
        wide += [(page_id, width, scroll) for width, scroll in too_wide(page, (390, 360))]
    for rel in LARGE_TEXT_PAGES:
        page.goto(url(site, lang, rel))
        wide += [(rel, width, scroll) for width, scroll in too_wide(page, (390, 360))]
    context.close()
    assert not problems
    assert not wide, wide
