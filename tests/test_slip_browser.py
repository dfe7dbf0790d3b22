"""The slip explainer's page in Chromium, zh and en, on a phone (360 px) and a desktop (1280 px):
a slip typed in is set beside the site's settlement line by line with the reasons for what
differs; a bad slip gets its message at the line, named by the line's label, and no result."""

import pytest

from tests.test_calculators_browser import SPEC, open_ready, submit

LABELS = {key: SPEC["fields"][key]["label"] for key in ("slip_fund", "slip_co_payment")}
SIZES = [("zh", 360), ("en", 360), ("zh", 1280), ("en", 1280)]


def fill(page, values: dict):
    for name, value in values.items():
        page.locator("[name='" + name + "']").fill(value)


@pytest.fixture
def slip_page(site, browser, request):
    lang, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 500)
    page = context.new_page()
    open_ready(page, site, lang, "calculators/slip/")
    yield page, lang, width
    context.close()


@pytest.mark.parametrize("slip_page", SIZES, indirect=True, ids=[lang + "-" + str(w) for lang, w in SIZES])
def test_a_slip_is_set_beside_the_sites_settlement_with_the_reasons_for_a_difference(slip_page):
    page, lang, width = slip_page
    # Case 02: the hospital knew of an earlier stay that met the deductible: fund 41,648 on the
    # slip, 40,944 on the site (HZ 2024, tertiary, in service, 50,000 in scope).
    fill(
        page,
        {
            "slip.bill": "50,000",
            "slip.fund": "41648",
            "slip.co_payment": "8352元",
            "slip.category_b": "",
            "slip.out_of_scope": "",
            "slip.account": "",
        },
    )
    submit(page)
    rows = page.locator(".yb-slip .yb-slip-lines tbody tr")
    assert rows.count() == 8
    fund = page.locator(".yb-slip .yb-line-differs").first.inner_text()
    unit = "元" if lang == "zh" else " yuan"
    assert "41,648.00" + unit in fund and "40,944.00" + unit in fund and "704.00" + unit in fund
    assert page.locator(".yb-slip .yb-line-differs").count() == 2
    reasons = page.locator(".yb-slip .yb-reasons li")
    assert [reasons.nth(i).get_attribute("data-reason") for i in range(reasons.count())] == [
        "deductible_met",
        "earlier_claims",
        "edition",
    ]
    assert reasons.first.locator("a.yb-ref").count() >= 1  # the reason cites its source
    assert page.locator(".yb-slip .yb-office").is_visible()
    page.wait_for_timeout(300)
    lead = page.locator(".yb-slip .yb-lead").first.bounding_box()
    assert 0 <= lead["y"] and lead["y"] + lead["height"] <= 800, lead
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # With the earlier stay entered the slip matches every line.
    page.locator("[name='claims.0.amount']").fill("800")
    submit(page)
    assert page.locator(".yb-slip .yb-line-differs").count() == 0
    assert page.locator(".yb-slip .yb-reasons").count() == 0
    assert ("一致" if lang == "zh" else "matches") in page.locator(".yb-slip .yb-lead").inner_text()


@pytest.mark.parametrize("slip_page", SIZES, indirect=True, ids=[lang + "-" + str(w) for lang, w in SIZES])
def test_a_bad_slip_gets_its_message_at_the_line(slip_page):
    page, lang, _ = slip_page
    # A line larger than the total: at the fund's field, named by its label.
    fill(page, {"slip.fund": "60000"})
    submit(page)
    error = page.locator("#e-f-slip-slip-fund")
    assert error.is_visible() and error.inner_text().startswith(LABELS["slip_fund"][lang])
    assert page.locator("[name='slip.fund']").get_attribute("aria-invalid") == "true"
    assert page.locator(".yb-slip .yb-slip-lines").count() == 0
    # Lines that do not add up (52,000 total; 40,000 + 9,056 + 800 + 1,200 = 51,056): at the
    # co-payment, with the structure of the total.
    fill(page, {"slip.fund": "40000"})
    submit(page)
    error = page.locator("#e-f-slip-slip-co_payment")
    assert error.is_visible() and error.inner_text().startswith(LABELS["slip_co_payment"][lang])
    assert ("还差 944.00元" if lang == "zh" else "944.00 yuan short") in error.inner_text()
    # A negative line.
    fill(page, {"slip.fund": "-1"})
    submit(page)
    assert ("金额不能为负数" if lang == "zh" else "must not be negative") in page.locator(
        "#e-f-slip-slip-fund"
    ).inner_text()
