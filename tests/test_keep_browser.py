"""Keep your scenarios, pass them on: the saved-scenarios panel and the share link's QR code,
in Chromium against the built site, in both languages at 360 and 1280 px.

Saved scenarios stay in the browser (localStorage): save, list, rename, reopen with the same
inputs, delete; export to a file and import it back, never replacing what is saved; a record
stored in the old format opens after the update, in either language; a bad file is refused with
a message in the page's language. The QR code, made in the page under the site's own
Content-Security-Policy, decodes (npm jsqr) to exactly the share link.
"""

import base64
import json
import os
import re

import pytest

from tests.test_calculators_browser import ROOT, open_ready, url

JSQR = os.path.join(ROOT, "node_modules", "jsqr", "dist", "jsQR.js")
LARGE = "localStorage.setItem('yibao-large-text', '1')"
PAGE = "calculators/inpatient/"
# The values the calculator form sends (as widgets.js flatValues: the fields shown, empty optional
# ones left out), read off the page independently of the script.
FORM_VALUES = """() => Object.fromEntries([...document.querySelector('.yb-form').elements]
    .filter((e) => e.name && !e.closest('.yb-field')?.hidden)
    .filter((e) => e.type === 'checkbox' || e.value.trim() !== '' || e.dataset.optional === undefined)
    .map((e) => [e.name, e.type === 'checkbox' ? String(e.checked) : e.value]))"""
STORED = "JSON.parse(localStorage.getItem('yibao-scenarios') || '[]')"
WORDS = {
    "zh": {"name": "妈妈住院", "renamed": "妈妈住院（复查）", "empty": "方案名称：请先填写名字。"},
    "en": {"name": "Mum's stay", "renamed": "Mum's stay, again", "empty": "Scenario name: enter a name first."},
}


def context_for(browser, width: int, large: bool = False, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 800 if width < 500 else 900}, is_mobile=width < 500, **options
    )
    if large:
        context.add_init_script(LARGE)
    return context


def panel_ready(page, site, lang: str, rel: str = PAGE):
    page.goto(url(site, lang, rel))
    page.locator(".yb-keep:not([hidden])").wait_for()


def listed(page) -> list:
    return page.locator(".yb-keep-list .yb-keep-item strong").all_inner_texts()


def item_button(page, name: str, kind: str):
    return page.locator(f".yb-keep-{kind}[data-name={json.dumps(name, ensure_ascii=False)}]")


def edit_inputs(page, bill: str, status: str, level: str):
    page.locator("input[name='claims.0.bill']").fill(bill)
    page.locator("select[name='person.status']").select_option(status)
    page.locator("select[name='claims.0.level']").select_option(level)


def assert_targets(page, least: int):
    """Every control of the panel at least `least` px each way (44 normal, 60 large text)."""
    for control in page.locator(".yb-keep button:visible, .yb-keep input:visible").all():
        box = control.bounding_box()
        assert box["height"] >= least and box["width"] >= least, (control.inner_text(), box)


@pytest.mark.parametrize("lang, width, large", [("zh", 360, False), ("en", 1280, False), ("zh", 360, True)])
def test_save_list_rename_reopen_and_delete(site, browser, lang, width, large):
    context = context_for(browser, width, large)
    page = context.new_page()
    panel_ready(page, site, lang)
    w = WORDS[lang]
    assert (
        page.locator(".yb-keep-note")
        .inner_text()
        .startswith("方案只保存在这台设备" if lang == "zh" else "Scenarios are kept only in this browser")
    )
    assert page.locator(".yb-keep-empty").is_visible() and listed(page) == []
    edit_inputs(page, "66666", "retired", "community")
    before = page.evaluate(FORM_VALUES)
    assert before["claims.0.bill"] == "66666"
    # No name: refused at the name field, naming it by its label; nothing saved.
    page.locator(".yb-keep-add").click()
    assert page.locator(".yb-keep-name-error").inner_text() == w["empty"]
    assert page.locator(".yb-keep-name").get_attribute("aria-invalid") == "true"
    assert page.evaluate(STORED) == []
    page.locator(".yb-keep-name").fill(w["name"])
    page.locator(".yb-keep-add").click()
    assert listed(page) == [w["name"]] and not page.locator(".yb-keep-empty").is_visible()
    assert page.locator(".yb-keep-status").inner_text() == (
        "已保存“妈妈住院”。" if lang == "zh" else "Saved “Mum's stay”."
    )
    # The same name again is refused, not overwritten.
    page.locator(".yb-keep-name").fill(w["name"])
    page.locator(".yb-keep-add").click()
    assert page.locator(".yb-keep-name-error").is_visible() and listed(page) == [w["name"]]
    stored = page.evaluate(STORED)
    assert len(stored) == 1 and stored[0]["version"] == 1 and stored[0]["calculator"] == "inpatient"
    assert stored[0]["inputs"] == before and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stored[0]["saved"])
    assert_targets(page, 60 if large else 44)
    # Rename, then reopen after other inputs were typed: the saved ones come back and are computed.
    item_button(page, w["name"], "rename").click()
    page.locator(".yb-keep-item input").fill(w["renamed"])
    page.locator(".yb-keep-item .md-button--primary").click()
    assert listed(page) == [w["renamed"]] and page.evaluate(STORED)[0]["name"] == w["renamed"]
    edit_inputs(page, "1000", "in_service", "tertiary")
    assert page.evaluate(FORM_VALUES) != before
    item_button(page, w["renamed"], "open").click()
    assert page.evaluate(FORM_VALUES) == before
    page.locator(".yb-slip .yb-totals", has_text="66,666.00").wait_for(timeout=120000)
    # Delete, undo, delete: the list and the storage follow.
    item_button(page, w["renamed"], "delete").click()
    assert listed(page) == [] and page.evaluate(STORED) == []
    page.locator(".yb-keep-undo").click()
    assert listed(page) == [w["renamed"]] and len(page.evaluate(STORED)) == 1
    if lang == "zh" and not large:
        # localStorage is per origin and the inputs are values, not labels: the English page opens it.
        panel_ready(page, site, "en")
        assert listed(page) == [w["renamed"]]
        item_button(page, w["renamed"], "open").click()
        assert page.evaluate(FORM_VALUES) == before
        assert page.locator(".yb-keep-status").inner_text().startswith("Opened “妈妈住院（复查）”")
    item_button(page, w["renamed"], "delete").click()
    assert listed(page) == [] and page.evaluate(STORED) == []
    context.close()


# As the site kept a scenario before records had a version: the share link's fragment.
OLD_FRAGMENT = "policy=hangzhou-employee&date=2025-06-01&person.status=retired&claims.0.bill=50000&claims.0.level=other"
OLD = [{"name": "旧方案", "page": "inpatient", "fragment": OLD_FRAGMENT, "time": 1764728400000}]


def test_a_record_in_the_old_format_opens_after_the_update_in_both_languages(site, browser):
    context = context_for(browser, 360, timezone_id="Asia/Shanghai")
    context.add_init_script(
        f"if (!localStorage.getItem('yibao-scenarios')) localStorage.setItem('yibao-scenarios', {json.dumps(json.dumps(OLD))})"
    )
    page = context.new_page()
    panel_ready(page, site, "zh")
    # 1764728400000 ms is 2025-12-03 02:20 UTC, 10:20 in Hangzhou.
    assert page.locator(".yb-keep-item").inner_text().startswith("旧方案 保存于 2025-12-03 10:20")
    item_button(page, "旧方案", "open").click()
    values = page.evaluate(FORM_VALUES)
    expected = dict(part.split("=") for part in OLD_FRAGMENT.split("&"))
    assert {k: values[k] for k in expected} == expected
    panel_ready(page, site, "en")
    assert page.locator(".yb-keep-item").inner_text().startswith("旧方案 saved 2025-12-03 10:20")
    item_button(page, "旧方案", "open").click()
    assert {k: page.evaluate(FORM_VALUES)[k] for k in expected} == expected
    context.close()


def record(calculator: str, name: str, bill: str) -> dict:
    inputs = {"policy": "hangzhou-employee", "claims.0.bill": bill}
    return {"version": 1, "calculator": calculator, "name": name, "saved": "2026-12-01T08:00:00.000Z", "inputs": inputs}


def choose_file(page, name: str, text: str):
    page.locator(".yb-keep-file").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")}]
    )


@pytest.mark.parametrize("lang, width", [("zh", 360), ("en", 1280)])
def test_export_then_import_round_trip_never_replaces(site, browser, lang, width):
    saved = [record("inpatient", "住院甲", "30000"), record("outpatient", "门诊乙", "800")]
    context = context_for(browser, width)
    context.add_init_script(f"localStorage.setItem('yibao-scenarios', {json.dumps(json.dumps(saved))})")
    page = context.new_page()
    panel_ready(page, site, lang)
    assert listed(page) == ["住院甲"]  # this page's own; the outpatient one is listed on its page
    with page.expect_download() as download:
        page.locator(".yb-keep-export").click()
    assert re.fullmatch(r"yibao-scenarios-\d{4}-\d\d-\d\d\.json", download.value.suggested_filename)
    with open(download.value.path(), encoding="utf-8") as handle:
        text = handle.read()
    exported = json.loads(text)
    assert exported["kind"] == "yibao-scenarios" and exported["version"] == 1 and exported["scenarios"] == saved
    # Everything gone from the device, then the file brings it all back.
    page.evaluate("localStorage.removeItem('yibao-scenarios')")
    choose_file(page, download.value.suggested_filename, text)
    page.locator(".yb-keep-status", has_text="2").wait_for()
    assert page.evaluate(STORED) == saved and listed(page) == ["住院甲"]
    status = page.locator(".yb-keep-status").inner_text()
    assert status == (
        "导入完成：新增 2 个。 1 个属于其他计算器，列在那一页。"
        if lang == "zh"
        else "Imported: 2 added. For other calculators, listed on their pages: 1."
    )
    # The same file again adds nothing; a file with the same name but other inputs adds beside it.
    choose_file(page, "again.json", text)
    page.locator(".yb-keep-status", has_text="0").wait_for()
    assert page.evaluate(STORED) == saved
    changed = json.dumps(dict(exported, scenarios=[record("inpatient", "住院甲", "45000")]))
    choose_file(page, "changed.json", changed)
    suffix = "（导入）" if lang == "zh" else " (imported)"
    page.locator(".yb-keep-item strong", has_text=suffix.strip()).wait_for()
    assert listed(page) == ["住院甲", "住院甲" + suffix]
    bills = {s["name"]: s["inputs"]["claims.0.bill"] for s in page.evaluate(STORED)}
    assert bills == {"住院甲": "30000", "门诊乙": "800", "住院甲" + suffix: "45000"}
    context.close()


BAD_FILES = [
    ("photo.json", "\x89PNG not json", "没有导入：这个文件读不出来", "Nothing imported: this file cannot be read."),
    (
        "other.json",
        '{"name": "x", "items": [1, 2]}',
        "没有导入：这个文件不是本站导出的方案文件",
        "Nothing imported: this is not a file",
    ),
    (
        "newer.json",
        '{"kind": "yibao-scenarios", "version": 9, "scenarios": [{"version": 9}]}',
        "没有导入：这个文件来自更新版本的本站",
        "Nothing imported: this file comes from a newer version",
    ),
]


@pytest.mark.parametrize("lang, width", [("zh", 360), ("en", 1280)])
def test_a_bad_import_file_gets_a_message_in_the_pages_language_and_changes_nothing(site, browser, lang, width):
    context = context_for(browser, width)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    panel_ready(page, site, lang)
    message = page.locator(".yb-keep-import-error")
    for name, text, zh, en in BAD_FILES:
        choose_file(page, name, text)
        message.wait_for()
        assert message.inner_text().startswith(zh if lang == "zh" else en), (name, message.inner_text())
        assert page.evaluate("localStorage.getItem('yibao-scenarios')") is None and listed(page) == []
        if lang == "en":
            assert not re.search(r"[\u4e00-\u9fff]", message.inner_text())
    assert not errors
    context.close()


DECODE = """async (png) => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + png)).blob());
    const canvas = Object.assign(document.createElement('canvas'), {width: bitmap.width, height: bitmap.height});
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const found = jsQR(context.getImageData(0, 0, bitmap.width, bitmap.height).data, bitmap.width, bitmap.height);
    return found && found.data;
}"""


def decoded(browser, png: bytes) -> str:
    """The text of the QR code in a screenshot, read by jsqr in a blank page of its own."""
    context = browser.new_context()
    page = context.new_page()
    page.add_script_tag(path=JSQR)
    text = page.evaluate(DECODE, base64.b64encode(png).decode("ascii"))
    context.close()
    return text


@pytest.mark.parametrize("lang, width", [("zh", 360), ("en", 1280)])
def test_the_qr_code_decodes_to_the_share_link(site, browser, lang, width):
    # The site's own policy stays on here: the encoder must load and draw under it.
    context = context_for(browser, width, permissions=["clipboard-read", "clipboard-write"])
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    open_ready(page, site, lang, PAGE)
    page.locator("input[name='claims.0.bill']").fill("23456.7")
    button = page.locator(".yb-qr")
    button.click()
    code = page.locator(".yb-qr-box svg")
    code.wait_for()
    assert button.get_attribute("aria-expanded") == "true"
    caption = page.locator(".yb-qr-box figcaption").inner_text()
    assert (
        ("# 号后面" in caption and "不会发送到任何服务器" in caption)
        if lang == "zh"
        else "never sent to a server" in caption
    )
    # The code carries what is on screen: the edit was computed first, as share does.
    page.locator(".yb-slip .yb-totals", has_text="23,456.70").wait_for()
    # What the reader sees: the screen with the code on it, whole (the page scrolls it into view).
    in_view = "(e) => { const r = e.getBoundingClientRect(); const header = document.querySelector('.md-header'); "
    in_view += "return r.top >= header.getBoundingClientRect().bottom && r.bottom <= innerHeight; }"
    assert code.evaluate(in_view)
    text = decoded(browser, page.screenshot())
    page.locator(".yb-share").click()
    page.locator(".yb-progress", has_text="链接已复制" if lang == "zh" else "Link copied").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert text == link == page.url and "claims.0.bill=23456.7" in text
    assert text.startswith(url(site, lang, PAGE) + "#")
    assert [r for r in requests if r.endswith("/assets/vendor/uqr.mjs")]
    assert not [r for r in requests if not r.startswith(site["base"]) and not r.startswith(("data:", "blob:"))]
    # An edit makes the code stale: it goes away until asked for again.
    page.locator("input[name='claims.0.bill']").fill("100")
    assert page.locator(".yb-qr-box").is_hidden() and button.get_attribute("aria-expanded") == "false"
    context.close()
