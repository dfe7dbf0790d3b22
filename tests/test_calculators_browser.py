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

from calculators import api, page_input, scenario_file
from scripts.generate_calculators import applicable, label_text
from tests.caselib import TODAY, case_files, load_case, scenario_json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AXE = os.path.join(ROOT, "node_modules", "axe-core", "axe.min.js")


def serious_violations(page) -> list:
    """axe-core's serious and critical findings on the page as it stands: (rule, impact, nodes)."""
    page.add_script_tag(path=AXE)
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]


SPEC = scenario_file.load_path(os.path.join(ROOT, "docs", "content", "calculators.yaml"))
PAGES = [p["id"] for p in SPEC["pages"]]


def url(site, lang, rel):
    return site["base"] + ("en/" if lang == "en" else "") + rel


def open_ready(page, site, lang, rel):
    page.goto(url(site, lang, rel))
    page.evaluate("window.yibao.ready()")


SNAPSHOT_KEPT = "caches.open('pyodide-snapshot').then((c) => c.keys()).then((keys) => keys.length)"


def test_every_case_in_the_browser_equals_cpython_after_a_normal_boot_and_a_restored_one(site, page):
    """On the trimmed stdlib, after a normal boot and after one restored from the snapshot the
    first boot kept (one page: the second visit restores what the first kept)."""
    jobs = [{"calculator": load_case(p)["calculator"], "scenario": scenario_json(load_case(p))} for p in case_files()]
    expected = [json.loads(api.run_json(job["calculator"], job["scenario"], TODAY)) for job in jobs]
    assert len(jobs) >= 60
    page.goto(url(site, "zh", "calculators/outpatient/"))
    assert page.evaluate("window.yibao.ready()") == {"restored": False}
    for boot in ("normal", "snapshot"):
        if boot == "snapshot":
            deadline = time.time() + 60
            while not page.evaluate(SNAPSHOT_KEPT):
                assert time.time() < deadline, "no snapshot was kept"
                time.sleep(0.25)
            page.goto(url(site, "zh", "calculators/outpatient/"))
            assert page.evaluate("window.yibao.ready()") == {"restored": True}
        got = page.evaluate(
            """async ([jobs, today]) => {
            const out = [];
            for (const job of jobs) out.push(await window.yibao.run(job.calculator, job.scenario, {today}));
            return out;
        }""",
            [jobs, TODAY],
        )
        assert len(got) == len(jobs)
        for job, result, want in zip(jobs, got, expected):
            assert result == want, (boot, job["scenario"])


def default_result(page_id: str) -> dict:
    spec = next(p for p in SPEC["pages"] if p["id"] == page_id)
    own = {f: SPEC["fields"][f] for f in spec["fields"]}
    form = dict(applicable(spec["default"], own), **spec.get("fixed", {}))
    return page_input.run(spec["calculator"], {page_input.FORM: form}, spec["default"]["date"])


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


# Waits are locators, not wait_for_function: a string predicate is eval'd in the page, which the
# site's Content-Security-Policy refuses whenever the condition is not already true.
def submit(page):
    page.locator(".yb-form button[type=submit]").click()
    page.locator(".yb-calc.yb-is-waiting").wait_for(state="detached")
    page.wait_for_selector(".yb-slip .yb-totals, .yb-slip .yb-slip-lines, .yb-slip .yb-invalid")


@pytest.mark.parametrize(
    "value, message",
    [
        ("", "金额不能为空"),
        ("-5", "金额不能为负数"),
        ("abc", "不是有效金额"),
        ("1e20", "不是有效金额"),
        ("100000000000", "金额过大"),
        ("12.345", "不是有效金额"),
    ],
)
def test_bad_amounts_get_a_message_next_to_the_field_and_no_result(site, warm_page, value, message):
    open_ready(warm_page, site, "zh", "calculators/outpatient/")
    field = warm_page.locator("input[name='claims.0.bill']")
    field.fill(value)
    submit(warm_page)
    error = warm_page.locator("#e-f-outpatient-claims-0-bill")
    assert error.is_visible() and message in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert warm_page.locator(".yb-slip .yb-totals").count() == 0
    assert warm_page.locator(".yb-slip .yb-invalid").is_visible()


def test_english_page_speaks_english_and_accepts_full_width_digits(site, warm_page):
    open_ready(warm_page, site, "en", "calculators/inpatient/")
    warm_page.locator("input[name='claims.0.bill']").fill("-1")
    submit(warm_page)
    assert (
        warm_page.locator("#e-f-inpatient-claims-0-bill").inner_text()
        == "Total bill (yuan): the amount must not be negative."
    )
    warm_page.locator("input[name='claims.0.bill']").fill("５０，０００")
    submit(warm_page)
    assert "40,944.00 yuan" in warm_page.locator(".yb-slip .yb-totals").inner_text()


def test_a_share_link_restores_inputs_and_result(site, warm_page, warm_context):
    open_ready(warm_page, site, "zh", "calculators/outpatient/")
    warm_page.locator("select[name='policy']").select_option("ningbo-employee")
    warm_page.locator("input[name='person.age']").fill("45")
    warm_page.locator("select[name='claims.0.level']").select_option("community")
    warm_page.locator("input[name='claims.0.bill']").fill("1234.5")
    submit(warm_page)
    first = warm_page.locator(".yb-slip .yb-totals").inner_text()
    link = warm_page.url
    assert "#" in link and "1234.5" in link
    other = warm_context.new_page()
    other.goto(link)
    other.wait_for_selector(".yb-slip .yb-totals:not(:has-text('3,000.00'))")
    other.locator(".yb-slip .yb-totals", has_text="1,234.50").wait_for()
    assert other.locator(".yb-slip .yb-totals").inner_text() == first
    assert other.locator("input[name='claims.0.bill']").input_value() == "1234.5"
    assert other.locator("select[name='policy']").input_value() == "ningbo-employee"
    other.close()


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


@pytest.mark.parametrize(
    "connection", [{"saveData": True, "effectiveType": "4g"}, {"saveData": False, "effectiveType": "2g"}]
)
def test_no_prefetch_when_saving_data_or_on_2g(site, page, connection):
    served = site["served"]
    page.add_init_script(f"Object.defineProperty(navigator, 'connection', {{value: {json.dumps(connection)}}})")
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    served.clear()
    page.goto(url(site, "zh", "hangzhou/benefits/"))
    page.wait_for_load_state("networkidle")
    page.evaluate("navigator.serviceWorker.ready")
    # The prefetch would be asked for in an idle callback queued at load (offline.js), which runs
    # before one queued now: once this one has run, the page has decided, and asked for nothing.
    page.evaluate("new Promise((resolve) => requestIdleCallback(() => resolve(), {timeout: 5000}))")
    assert [p for p in served if p.endswith((".html", "/"))]
    assert not [u for u in asked if "/pyodide/" in u]
    assert not [p for p in served if "/pyodide/" in p]


def test_the_year_timeline_shows_where_thresholds_are_crossed(site, phone_page):
    phone_page.set_viewport_size({"width": 390, "height": 844})
    open_ready(phone_page, site, "zh", "calculators/year/")
    phone_page.locator(".yb-add").click()
    phone_page.locator("input[name='claims.4.amount']").fill("400000")
    phone_page.locator("select[name='claims.4.kind']").select_option("inpatient")
    submit(phone_page)
    timeline = phone_page.locator(".yb-timeline").inner_text()
    # Account 1,500 is used up by the first visit; the deductible is met in the second; the
    # stays cross 40,000 and then the 400,000 limit (2025 edition).
    for event in ("个人账户当年资金用完", "起付标准（自负段）付足", "年度累计进入第2段", "超过住院最高限额"):
        assert event in timeline
    assert phone_page.locator(".yb-timeline tbody tr").count() == 5


def test_the_same_bill_in_both_cities_side_by_side(site, warm_page):
    open_ready(warm_page, site, "en", "calculators/compare/")
    # The example written at build time is already two settled columns, not markup as text.
    assert warm_page.locator(".yb-slip .yb-col .yb-totals").count() == 2
    assert "<table" not in warm_page.locator(".yb-slip").inner_text()
    submit(warm_page)
    columns = warm_page.locator(".yb-slip .yb-col")
    assert columns.count() == 2
    assert "Hangzhou" in columns.nth(0).inner_text() and "Ningbo" in columns.nth(1).inner_text()


def go_instantly(page, page_id: str) -> None:
    """To a sibling calculator page the way a reader's click on the navigation goes: Material's
    instant navigation swaps the page in, and the worker (with its Python) carries over."""
    page.locator("nav.md-nav--primary a[href$='/calculators/" + page_id + "/']").first.click()
    page.wait_for_url(re.compile(r".*/calculators/" + page_id + "/$"))
    calculator = page.locator(".yb-calc[data-page='" + page_id + "'][data-state]")
    calculator.wait_for(state="attached")
    ready = json.loads(calculator.get_attribute("data-words"))["ready"]
    calculator.locator(".yb-stages .yb-current", has_text=ready).wait_for()


def test_calculator_pages_have_no_serious_accessibility_issue_and_fetch_only_from_the_site(site, browser):
    # One pass over the calculator pages of both languages for both checks, in one fresh context:
    # axe on each page's example with the calculator ready, then a calculation, with every
    # request recorded (the worker's and Pyodide's included) and none leaving the origin. Each
    # language's first page is loaded whole (Python boots, then restores the kept snapshot for
    # the other language); the others are reached by the navigation, as a reader goes.
    # axe is injected as an inline script, which the site's policy rightly refuses: let it in.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    problems = {}
    for lang in ("zh", "en"):
        open_ready(page, site, lang, "calculators/" + PAGES[0] + "/")
        page.evaluate("window.__same_document = true")
        for page_id in PAGES:
            if page_id != PAGES[0]:
                go_instantly(page, page_id)
            serious = serious_violations(page)
            if serious:
                problems[(lang, page_id)] = serious
            submit(page)
        assert page.evaluate("window.__same_document") is True
    context.close()
    assert not problems
    foreign = [u for u in seen if not u.startswith(site["base"]) and not u.startswith(("data:", "blob:"))]
    assert seen and not foreign, foreign[:5]


def test_a_runtime_that_fails_to_load_says_so_and_retry_recovers(site, page):
    # Point the page at a runtime path that does not exist, as a broken download would.
    page.route(
        "**/calculators/outpatient/",
        lambda route: route.fulfill(
            response=route.fetch(),
            body=route.fetch().text().replace('content="/pyodide/', 'content="/pyodide-missing/'),
        ),
    )
    page.goto(url(site, "zh", "calculators/outpatient/"))
    page.wait_for_selector(".yb-progress.yb-failed")
    example = page.locator(".yb-slip").inner_text()
    page.locator(".yb-form button[type=submit]").click()
    page.locator(".yb-calc.yb-is-waiting").wait_for(state="detached")
    # The example stays; one message, in Chinese, with a retry; no raw (English) error text.
    assert page.locator(".yb-slip").inner_text() == example
    message = page.locator(".yb-progress").inner_text() + page.locator(".yb-note").inner_text()
    assert "没能加载" in message and "示例结果仍然有效" in message
    assert not re.search(r"[A-Za-z]{4,}", message.replace("Python", "")), message
    assert page.locator(".yb-calc .yb-invalid").count() == 0
    page.evaluate(
        "document.querySelector('meta[name=yibao-runtime]').content = "
        "document.querySelector('meta[name=yibao-runtime]').content.replace('-missing', '')"
    )
    page.locator(".yb-progress button").click()
    # A fresh boot is CPU-bound: allow for a busy machine.
    page.wait_for_selector(".yb-stages .yb-current:has-text('就绪')", timeout=120000)
    submit(page)
    assert page.locator(".yb-slip .yb-totals").count() == 1


def test_progress_shows_a_stage_only_once_reached(site, browser):
    context = browser.new_context()
    context.add_init_script("""
        window.__progress = [];
        new MutationObserver(() => {
            const box = document.querySelector('.yb-progress');
            if (box && box.innerText !== window.__progress.at(-1)) window.__progress.push(box.innerText);
        }).observe(document, {subtree: true, childList: true, characterData: true});
    """)
    page = context.new_page()
    open_ready(page, site, "zh", "calculators/outpatient/")
    page.wait_for_selector(".yb-stages .yb-current:has-text('就绪')")
    seen = [text for text in page.evaluate("window.__progress") if text.strip()]
    assert seen[0].strip() == "正在下载计算程序"
    assert all("就绪" not in text for text in seen[:-1]) and seen[-1].strip() == "计算器已就绪"
    context.close()


def error_texts(page):
    return page.locator(".yb-calc .yb-invalid, .yb-calc .yb-error:visible").all_inner_texts()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_errors_name_the_field_by_its_label_and_never_an_internal_path(site, warm_page, lang):
    label = {f: SPEC["fields"][f]["label"][lang] for f in ("category_b", "break_months")}
    open_ready(warm_page, site, lang, "calculators/inpatient/")
    # 50,000 with 60,000 "of which" category B: refused at that field, not added on top.
    warm_page.locator("input[name='claims.0.category_b']").fill("60000")
    submit(warm_page)
    error = warm_page.locator("#e-f-inpatient-claims-0-category_b")
    assert error.is_visible() and error.inner_text().startswith(label["category_b"])
    assert warm_page.locator(".yb-slip .yb-totals").count() == 0
    texts = error_texts(warm_page)
    # A retiree in the handbook edition: the sources lack the figure (not bad input).
    warm_page.locator("input[name='claims.0.category_b']").fill("")
    warm_page.locator("input[name='date']").fill("2021-06-01")
    warm_page.locator("select[name='person.status']").select_option("retired")
    submit(warm_page)
    head = warm_page.locator(".yb-slip .yb-invalid-head").inner_text()
    assert head.startswith("资料没有给出" if lang == "zh" else "The sources do not give")
    texts += error_texts(warm_page)
    open_ready(warm_page, site, lang, "calculators/benefit-start/")
    warm_page.locator("input[name='first_time']").uncheck()
    submit(warm_page)
    assert warm_page.locator("#e-f-benefit-start-break_months").inner_text().startswith(label["break_months"])
    texts += error_texts(warm_page)
    for text in texts:
        assert not re.search(r"claims|person\.|\[\d\]|break_months|category_b", text), text


def test_english_labels_equal_their_full_text_in_the_content_yaml(site, warm_page):
    for page_spec in SPEC["pages"]:
        warm_page.goto(url(site, "en", "calculators/" + page_spec["id"] + "/"))
        for name in page_spec["fields"]:
            spec = SPEC["fields"][name]
            control = warm_page.locator("[name='" + spec["name"] + "']").first
            label = warm_page.locator("label[for='" + control.get_attribute("id") + "']").inner_text()
            # A label naming a date renders it from policies/ (label_from).
            assert label == label_text(spec, "en", api.bundle()), (page_spec["id"], name, label)
            for option in spec.get("options", []):
                assert control.locator("option[value='" + str(option["value"]) + "']").inner_text() == option["en"]


def test_the_language_switch_keeps_edited_inputs(site, warm_page):
    open_ready(warm_page, site, "zh", "calculators/inpatient/")
    warm_page.locator("input[name='claims.0.bill']").fill("66666")
    warm_page.locator("select[name='person.status']").select_option("retired")
    warm_page.locator("select[name='claims.0.level']").select_option("community")
    warm_page.locator(".md-header__option .md-select button").click()
    warm_page.locator(".md-select__link", has_text="English").click()
    # Material's section tracking may drop the fragment from the address bar once the page has
    # read it, so wait for the English page and its result, not for the fragment itself.
    warm_page.wait_for_url(re.compile(r".*/en/calculators/inpatient/.*"))
    warm_page.locator(".yb-slip .yb-totals", has_text="66,666.00").wait_for()
    assert warm_page.locator("input[name='claims.0.bill']").input_value() == "66666"
    assert warm_page.locator("select[name='person.status']").input_value() == "retired"
    assert warm_page.locator("select[name='claims.0.level']").input_value() == "community"


def test_the_language_switch_keeps_the_answer_scrolled_to(site, warm_page):
    warm_page.goto(url(site, "zh", "hangzhou/benefits/"))
    target = warm_page.locator("article h2[id]").nth(3)
    ident = target.get_attribute("id")
    target.scroll_into_view_if_needed()
    # The section scrolled to is the last heading at or above the header's lower edge (yibao.js).
    warm_page.evaluate(
        """id => { const el = document.getElementById(id);
        const header = document.querySelector('.md-header').offsetHeight;
        window.scrollTo(0, el.getBoundingClientRect().top + scrollY - header - 2); }""",
        ident,
    )
    warm_page.locator(".md-header__option .md-select button").click()
    warm_page.locator(".md-select__link", has_text="English").click()
    warm_page.wait_for_url(re.compile(r".*/en/hangzhou/benefits/#" + ident + "$"))


def test_print_and_share_after_an_edit_use_what_is_on_screen(site, warm_context, warm_page):
    warm_context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_ready(warm_page, site, "zh", "calculators/inpatient/")
    warm_page.evaluate("window.print = () => { window.__printed = document.querySelector('.yb-slip').innerText; }")
    warm_page.locator("input[name='claims.0.bill']").fill("20000")
    warm_page.locator(".yb-print").click()
    warm_page.wait_for_function("window.__printed")
    # 20,000, tertiary, in service, 2025: deductible 800, then 19,200 × 82% = 15,744 from the fund.
    printed = warm_page.evaluate("window.__printed")
    assert "15,744.00元" in printed and "估算，以医保经办机构结算为准" in printed
    warm_page.emulate_media(media="print")
    inputs = warm_page.locator(".yb-inputs").inner_text()
    assert (
        "杭州市区职工医保" in inputs
        and "在职" in inputs
        and "三级医院" in inputs
        and "刷卡直接结算" in inputs
        and "20000" in inputs
    )
    warm_page.emulate_media(media="screen")
    warm_page.locator("input[name='claims.0.bill']").fill("30000")
    warm_page.locator(".yb-share").click()
    warm_page.wait_for_selector(".yb-progress:has-text('链接已复制')")
    link = warm_page.evaluate("navigator.clipboard.readText()")
    assert "claims.0.bill=30000" in link
    assert "30,000.00元" in warm_page.locator(".yb-slip .yb-totals").inner_text()


def test_the_print_view_is_a_settlement_slip(site, warm_page):
    open_ready(warm_page, site, "zh", "calculators/inpatient/")
    submit(warm_page)
    warm_page.emulate_media(media="print")
    assert not warm_page.locator(".yb-form").is_visible() and not warm_page.locator(".md-sidebar--primary").is_visible()
    assert warm_page.locator(".yb-slip .yb-totals").is_visible() and warm_page.locator(".yb-steps").is_visible()
