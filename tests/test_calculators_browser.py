"""The calculators in the page, driven in Debian's Chromium against the built site.

The browser runs the very engine pytest checks (every hand-worked case through the worker,
compared field by field with CPython, in one session); pages show a real result without
JavaScript; bad input gets a message next to the field and no result; share links restore
inputs and result; the runtime is fetched once per visit, by a FAQ page only after its own load.
"""

import json
import os
import re
import time

import pytest

from calculators import api
from scripts.generate_calculators import applicable, scenario_from
from calculators import scenario_file
from tests.caselib import TODAY, case_files, load_case, scenario_json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AXE = os.path.join(ROOT, "node_modules", "axe-core", "axe.min.js")
SPEC = scenario_file.load_path(os.path.join(ROOT, "docs", "content", "calculators.yaml"))
PAGES = [p["id"] for p in SPEC["pages"]]


def url(site, lang, rel):
    return site["base"] + ("en/" if lang == "en" else "") + rel


def open_ready(page, site, lang, rel):
    page.goto(url(site, lang, rel))
    page.evaluate("window.yibao.ready()")


SNAPSHOT_KEPT = "caches.open('pyodide-snapshot').then((c) => c.keys()).then((keys) => keys.length)"


@pytest.mark.parametrize("boot", ["normal", "snapshot"])
def test_every_case_in_the_browser_equals_cpython(site, page, boot):
    """On the trimmed stdlib, after a normal boot and after one restored from the snapshot the
    first boot kept."""
    jobs = [{"calculator": load_case(p)["calculator"], "scenario": scenario_json(load_case(p))} for p in case_files()]
    page.goto(url(site, "zh", "calculators/outpatient/"))
    assert page.evaluate("window.yibao.ready()") == {"restored": False}
    if boot == "snapshot":
        deadline = time.time() + 60
        while not page.evaluate(SNAPSHOT_KEPT):
            assert time.time() < deadline, "no snapshot was kept"
            time.sleep(0.25)
        page.goto(url(site, "zh", "calculators/outpatient/"))
        assert page.evaluate("window.yibao.ready()") == {"restored": True}
    got = page.evaluate("""async ([jobs, today]) => {
        const out = [];
        for (const job of jobs) out.push(await window.yibao.run(job.calculator, job.scenario, {today}));
        return out;
    }""", [jobs, TODAY])
    assert len(got) == len(jobs) >= 60
    for job, result in zip(jobs, got):
        assert result == json.loads(api.run_json(job["calculator"], job["scenario"], TODAY)), job["scenario"]


def default_result(page_id: str) -> dict:
    spec = next(p for p in SPEC["pages"] if p["id"] == page_id)
    own = {f: SPEC["fields"][f] for f in spec["fields"]}
    scenario = scenario_from(dict(applicable(spec["default"], own), **spec.get("fixed", {})))
    return api.run(spec["calculator"], scenario, spec["default"]["date"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_default_result_is_in_the_page_without_javascript(site, browser, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site, lang, "calculators/inpatient/"))
    text = page.locator(".yb-slip .yb-totals").inner_text()
    expected = default_result("inpatient")
    # 50,000 at a tertiary hospital in 2025: fund 32,144 + 8,800 = 40,944 (Art. 13 (2)).
    assert expected["fund"].fen == 4094400
    assert "40,944.00" in text and "9,056.00" in text
    context.close()


def submit(page):
    page.locator(".yb-form button[type=submit]").click()
    page.wait_for_selector(".yb-slip .yb-totals, .yb-slip .yb-invalid")


@pytest.mark.parametrize("value, message", [
    ("", "金额不能为空"), ("-5", "金额不能为负数"), ("abc", "不是有效金额"), ("1e20", "不是有效金额"),
    ("100000000000", "金额过大"), ("12.345", "不是有效金额"),
])
def test_bad_amounts_get_a_message_next_to_the_field_and_no_result(site, page, value, message):
    open_ready(page, site, "zh", "calculators/outpatient/")
    field = page.locator("input[name='claims.0.amount']")
    field.fill(value)
    submit(page)
    error = page.locator("#e-f-outpatient-claims-0-amount")
    assert error.is_visible() and message in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert page.locator(".yb-slip .yb-totals").count() == 0
    assert page.locator(".yb-slip .yb-invalid").is_visible()


def test_english_page_speaks_english_and_accepts_full_width_digits(site, page):
    open_ready(page, site, "en", "calculators/inpatient/")
    page.locator("input[name='claims.0.amount']").fill("-1")
    submit(page)
    assert "must not be negative" in page.locator("#e-f-inpatient-claims-0-amount").inner_text()
    page.locator("input[name='claims.0.amount']").fill("５０，０００")
    submit(page)
    assert "40,944.00 yuan" in page.locator(".yb-slip .yb-totals").inner_text()


def test_a_share_link_restores_inputs_and_result(site, page, context):
    open_ready(page, site, "zh", "calculators/outpatient/")
    page.locator("select[name='policy']").select_option("ningbo-employee")
    page.locator("input[name='person.age']").fill("45")
    page.locator("select[name='claims.0.level']").select_option("community")
    page.locator("input[name='claims.0.amount']").fill("1234.5")
    submit(page)
    first = page.locator(".yb-slip .yb-totals").inner_text()
    link = page.url
    assert "#" in link and "1234.5" in link
    other = context.new_page()
    other.goto(link)
    other.wait_for_selector(".yb-slip .yb-totals:not(:has-text('3,000.00'))")
    other.wait_for_function("document.querySelector('.yb-slip .yb-totals').innerText.includes('1,234.50')")
    assert other.locator(".yb-slip .yb-totals").inner_text() == first
    assert other.locator("input[name='claims.0.amount']").input_value() == "1234.5"
    assert other.locator("select[name='policy']").input_value() == "ningbo-employee"


def wait_for_served(served, suffix: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while not [p for p in served if p.endswith(suffix)]:
        assert time.time() < deadline, "never served: " + suffix
        time.sleep(0.2)


def load_end(page) -> float:
    """When the page's load event ended, in seconds since the epoch (nginx's clock too)."""
    return page.evaluate("(performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd) / 1000")


def test_faq_pages_fetch_the_runtime_only_after_load_and_instant_navigation_keeps_the_worker(site, page):
    served = site["served"]
    served.clear()
    page.goto(url(site, "zh", "hangzhou/benefits/"))  # links to the calculators
    page.wait_for_load_state("load")
    loaded = load_end(page)
    # The page's own load fetched nothing of the runtime; once loaded and idle it prefetches it.
    wait_for_served(served, "pyodide.asm.wasm")
    runtime = [(t, p) for t, p in served.timed() if "/pyodide/" in p]
    assert runtime and min(t for t, _ in runtime) >= loaded - 0.01, (loaded, runtime[:3])
    page.goto(url(site, "zh", "calculators/outpatient/"))
    page.evaluate("window.yibao.ready()")
    downloads = len([p for p in served if p.endswith("pyodide.asm.wasm")])
    assert downloads == 1  # the prefetched copy, from the service worker's cache
    page.evaluate("window.__same_document = true")
    page.locator("nav.md-nav--primary a[href$='calculators/inpatient/']").first.click()
    page.wait_for_url(re.compile(r".*/calculators/inpatient/$"))
    page.wait_for_selector(".yb-stages .yb-current:has-text('就绪')")
    assert page.evaluate("window.__same_document") is True
    submit(page)
    assert len([p for p in served if p.endswith("pyodide.asm.wasm")]) == downloads


@pytest.mark.parametrize("connection", [{"saveData": True, "effectiveType": "4g"}, {"saveData": False, "effectiveType": "2g"}])
def test_no_prefetch_when_saving_data_or_on_2g(site, page, connection):
    served = site["served"]
    page.add_init_script(f"Object.defineProperty(navigator, 'connection', {{value: {json.dumps(connection)}}})")
    served.clear()
    page.goto(url(site, "zh", "hangzhou/benefits/"))
    page.wait_for_load_state("networkidle")
    page.evaluate("navigator.serviceWorker.ready")
    time.sleep(2)
    assert [p for p in served if p.endswith((".html", "/"))]
    assert not [p for p in served if "/pyodide/" in p]


def test_the_year_timeline_shows_where_thresholds_are_crossed(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    open_ready(page, site, "zh", "calculators/year/")
    page.locator(".yb-add").click()
    page.locator("input[name='claims.4.amount']").fill("400000")
    page.locator("select[name='claims.4.kind']").select_option("inpatient")
    submit(page)
    timeline = page.locator(".yb-timeline").inner_text()
    # Account 1,500 is used up by the first visit; the deductible is met in the second; the
    # stays cross 40,000 and then the 400,000 limit (2025 edition).
    for event in ("个人账户当年资金用完", "起付标准（自负段）付足", "年度累计进入第2段", "超过住院最高限额"):
        assert event in timeline
    assert page.locator(".yb-timeline tbody tr").count() == 5
    context.close()


def test_the_same_bill_in_both_cities_side_by_side(site, page):
    open_ready(page, site, "en", "calculators/compare/")
    # The example written at build time is already two settled columns, not markup as text.
    assert page.locator(".yb-slip .yb-col .yb-totals").count() == 2
    assert "<table" not in page.locator(".yb-slip").inner_text()
    submit(page)
    columns = page.locator(".yb-slip .yb-col")
    assert columns.count() == 2
    assert "Hangzhou" in columns.nth(0).inner_text() and "Ningbo" in columns.nth(1).inner_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_request_leaves_the_origin_on_calculator_pages(site, page, lang):
    seen = []
    page.context.on("request", lambda request: seen.append(request.url))
    for page_id in PAGES:
        open_ready(page, site, lang, "calculators/" + page_id + "/")
        submit(page)
    foreign = [u for u in seen if not u.startswith(site["base"]) and not u.startswith(("data:", "blob:"))]
    assert seen and not foreign, foreign[:5]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calculator_pages_have_no_serious_accessibility_issue(site, browser, lang):
    # axe is injected as an inline script, which the site's policy rightly refuses: let it in.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    problems = {}
    for page_id in PAGES:
        open_ready(page, site, lang, "calculators/" + page_id + "/")
        page.add_script_tag(path=AXE)
        violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
        serious = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[page_id] = serious
    context.close()
    assert not problems


def test_a_runtime_that_fails_to_load_says_so_and_retry_recovers(site, page):
    # Point the page at a runtime path that does not exist, as a broken download would.
    page.route("**/calculators/outpatient/", lambda route: route.fulfill(
        response=route.fetch(), body=route.fetch().text().replace('content="/pyodide/', 'content="/pyodide-missing/')))
    page.goto(url(site, "zh", "calculators/outpatient/"))
    page.wait_for_selector(".yb-progress.yb-failed")
    assert "没能加载" in page.locator(".yb-progress").inner_text()
    assert page.locator(".yb-slip .yb-totals").count() == 1  # the example result stays
    page.evaluate("document.querySelector('meta[name=yibao-runtime]').content = "
                  "document.querySelector('meta[name=yibao-runtime]').content.replace('-missing', '')")
    page.locator(".yb-progress button").click()
    page.wait_for_selector(".yb-stages .yb-current:has-text('就绪')")
    submit(page)
    assert page.locator(".yb-slip .yb-totals").count() == 1


def test_the_print_view_is_a_settlement_slip(site, page):
    open_ready(page, site, "zh", "calculators/inpatient/")
    submit(page)
    page.emulate_media(media="print")
    assert not page.locator(".yb-form").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".yb-slip .yb-totals").is_visible() and page.locator(".yb-steps").is_visible()
