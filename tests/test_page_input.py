"""The calculator pages' form → scenario step (calculators/page_input.py) and what the slip
says around the figures (calculators/present.py): in CPython, without a browser.

The browser runs the same functions in the worker; tests/test_calculators_browser.py checks
them there.
"""

from calculators import api, jsonout, page_input, present

FORM = page_input.FORM
INPATIENT = {
    "policy": "hangzhou-employee",
    "date": "2025-06-01",
    "person.status": "in_service",
    "claims.0.kind": "inpatient",
    "claims.0.level": "tertiary",
}


def run(calculator, flat, today="2025-06-01"):
    return page_input.run(calculator, {FORM: flat}, today)


def test_flat_paths_nest_into_a_scenario():
    assert page_input.nest({"policy": "x", "claims.1.amount": "2", "claims.0.amount": "1", "first_time": "false"}) == {
        "policy": "x",
        "claims": [{"amount": "1"}, {"amount": "2"}],
        "first_time": False,
    }


def test_the_slip_bill_becomes_the_in_scope_amount():
    # Bill 50,000, of which 5,000 out of scope and 3,000 category B: in scope 42,000.
    # HZ inpatient, tertiary, in service, 2025 (2024 edition): deductible 800; 800–40,000 at 82%
    # = 39,200 × 0.82 = 32,144; 40,000–42,000 at 88% = 2,000 × 0.88 = 1,760; fund 33,904.
    # Assistance: burden 800 + 7,056 + 240 + 3,000 (category B) = 11,096 < 15,000 → none.
    # You pay 50,000 − 33,904 = 16,096.
    result = run(
        "settle",
        dict(INPATIENT, **{"claims.0.bill": "50000", "claims.0.out_of_scope": "5000", "claims.0.category_b": "3000"}),
    )
    assert result["total"].fen == 5000000
    assert result["fund"].fen == 3390400
    assert result["personal"].fen == 1609600


def test_parts_larger_than_the_bill_are_refused_at_that_part():
    # 50,000 with 60,000 of category B: refused at the category-B field, nothing computed.
    result = run("settle", dict(INPATIENT, **{"claims.0.bill": "50000", "claims.0.category_b": "60000"}))
    assert result["error"]["field"] == "claims[0].category_b"
    assert result["error"]["kind"] == "input"
    assert "不能大于总费用" in result["error"]["message"]["zh"]
    result = run("settle", dict(INPATIENT, **{"claims.0.bill": "100", "claims.0.out_of_scope": "100.01"}))
    assert result["error"]["field"] == "claims[0].out_of_scope"


def test_an_amount_error_points_at_the_bill_the_reader_typed():
    result = run("settle", dict(INPATIENT, **{"claims.0.bill": "-5"}))
    assert result["error"]["field"] == "claims[0].bill"
    assert result["error"]["message"] == {"zh": "金额不能为负数。", "en": "the amount must not be negative."}


def test_messages_for_a_page_carry_no_internal_path():
    for flat in (
        dict(INPATIENT, **{"claims.0.bill": "abc"}),
        dict(INPATIENT, **{"claims.0.bill": "1", "person.age": "x"}),
        dict(INPATIENT, **{"claims.0.bill": "1", "person.status": "retired", "date": "2021-06-01"}),
    ):
        message = run("settle", flat)["error"]["message"]
        for text in message.values():
            assert "claims" not in text and "person." not in text and "[0]" not in text, text


def test_a_figure_the_sources_lack_is_a_refusal_of_its_own_kind():
    # Retiree inpatient shares are not in the handbook edition (in force 2021-06-01).
    result = run(
        "settle", dict(INPATIENT, **{"claims.0.bill": "1000", "person.status": "retired", "date": "2021-06-01"})
    )
    assert result["error"]["kind"] == "not_stated"
    assert result["error"]["field"] == "person.status"


def test_benefit_start_inconsistent_inputs_are_errors():
    base = {"policy": "hangzhou-employee", "date": "2025-06-01", "enrolled": "2025-03"}
    missing = run("benefit-start", dict(base, first_time=False))
    assert missing["error"]["field"] == "break_months" and "没有中断填 0" in missing["error"]["message"]["zh"]
    both = run("benefit-start", dict(base, first_time=True, break_months="4"))
    assert both["error"]["field"] == "break_months"
    # Not the first time, no break: Hangzhou, a break under 3 months → the month after.
    assert run("benefit-start", dict(base, first_time=False, break_months="0"))["start"] == "2025-04"


def test_hangzhou_contribution_says_what_the_missing_average_is():
    result = run("contribution", {"policy": "hangzhou-employee", "wage": "8000"})
    # The sources give no amount (status silent), but the reader can: asked for at the field.
    assert result["error"]["field"] == "provincial_average" and result["error"]["kind"] == "input"
    assert (
        "未给出省平工资的金额" in result["error"]["message"]["zh"] and "published" in result["error"]["message"]["en"]
    )


def test_plain_scenarios_pass_through_unchanged():
    scenario = {"policy": "ningbo-employee", "date": "2025-06-01", "wage": "8000"}
    assert jsonout.dumps(page_input.run("contribution", scenario, "2025-06-01")) == jsonout.dumps(
        api.run("contribution", scenario, "2025-06-01")
    )


def test_the_slip_says_which_date_was_used_and_that_later_changes_are_missing():
    result = run(
        "account",
        {"policy": "hangzhou-employee", "person.status": "in_service", "person.age": "40", "base": "8000"},
        today="2030-01-01",
    )
    assert result["date_given"] is False
    html = present.render("account", result, "zh", {})
    assert "未填日期，按今天（2030-01-01）计算" in html
    assert "这是本站收录的最新一版规定，之后的调整未收录" in html
    # Not a settlement: no edition title about inpatient limits.
    assert "住院限额" not in html and "适用版本：2024-01-01起施行的版本" in html
    assert "估算，以医保经办机构结算为准" in html
    settled = run("settle", dict(INPATIENT, **{"claims.0.bill": "1000"}))
    html = present.render("settle", settled, "en", {})
    assert "Worked out with the rules of 2025-06-01" in html and "inpatient limit" in html
    assert "An estimate; the insurance office's settlement is what counts." in html


def test_the_result_leads_with_what_you_pay():
    settled = run("settle", dict(INPATIENT, **{"claims.0.bill": "50000"}))
    html = present.render("settle", settled, "zh", {})
    # 50,000 at a tertiary hospital in 2025: you pay 9,056 (see the hand-worked cases).
    assert html.startswith(
        '<p class="yb-lead"><span class="yb-lead-text">你自己要付</span> <strong class="yb-key-figure">9,056.00元</strong>'
    )
