"""The slip explainer (calculators/slip.py) beyond the hand-worked cases in tests/cases/slip/:
every reason of the table reached by a slip that needs it (and only where it applies), the
form's messages at the field in the reader's words, and the rendered comparison.

A "hospital" slip here is settled by the engine with what the hospital knew and the reader did
not enter (an earlier stay, a certificate, a filing): the figures the reader copies.
"""

import re

import pytest

from calculators import page_input, present, settle
from calculators.api import bundle
from calculators.slip_reasons import REASONS

TODAY = "2025-06-01"
DIGIT = re.compile(r"[0-9\uff10-\uff19]")


def hospital_slip(policy: str, person: dict, earlier: list, claim: dict) -> dict:
    """The slip's lines for ``claim`` as settled knowing ``earlier`` and ``person``."""
    settled = settle.settle(
        {"policy": policy, "date": TODAY, "person": person, "claims": earlier + [claim]}, bundle(), TODAY
    )
    last = settled["claims"][-1]
    own = last["personal"].fen - claim.get("category_b", 0) * 100 - claim.get("out_of_scope", 0) * 100
    return {
        "bill": last["total"].fen / 100,
        "fund": last["fund"].fen / 100,
        "critical_illness": last["critical_illness"].fen / 100,
        "assistance": last["assistance"].fen / 100,
        "co_payment": own / 100,
    }


def explain(policy: str, person: dict, claim: dict, lines: dict, earlier=None) -> dict:
    slip = dict(claim, **{k: str(v) for k, v in lines.items()})
    slip.pop("amount")
    slip["bill"] = str(lines["bill"])
    scenario = {"policy": policy, "date": TODAY, "person": person, "claims": earlier or [], "slip": slip}
    result = page_input.run("slip", scenario, TODAY)
    assert "error" not in result, result
    return result


def reason_ids(result: dict) -> list:
    return [r["id"] for r in result["reasons"]]


HZ = "hangzhou-employee"
NB = "ningbo-employee"
IN_SERVICE = {"status": "in_service", "age": 50}


def test_a_higher_level_stay_earlier_explains_a_slip_where_you_paid_more():
    # The hospital knew of an earlier tertiary stay of 200 (deductible level 800, 200 paid): this
    # community stay tops up 600 where the site charges the community deductible of 300; the
    # extra 300 costs the fund 300 × 88% = 264 (> one yuan, ≤ 800 − 300).
    claim = {"kind": "inpatient", "level": "community", "amount": 10000}
    lines = hospital_slip(HZ, IN_SERVICE, [{"kind": "inpatient", "level": "tertiary", "amount": 200}], claim)
    result = explain(HZ, IN_SERVICE, claim, lines)
    fund = next(e for e in result["lines"] if e["line"] == "fund")
    assert fund["difference"].fen == -26400
    # A category-B part left in the co-payment, or remote rules, would also make you pay more.
    assert reason_ids(result) == ["category_b_not_entered", "higher_level_earlier", "remote_not_entered", "edition"]


def test_a_filing_not_entered_explains_a_remote_slip_where_you_paid_less():
    # Out of the province, paid in full and claimed later: without a filing the site first charges
    # 20% (Art. 28), 10,000 of 50,000; the hospital's settlement knew of a long-term filing.
    claim = {
        "kind": "inpatient",
        "level": "tertiary",
        "amount": 50000,
        "where": "out_of_province",
        "settled": "reimbursed",
    }
    lines = hospital_slip(HZ, IN_SERVICE, [], dict(claim, filing="long_term"))
    result = explain(HZ, IN_SERVICE, claim, lines)
    # Site: 40,000 settled: 39,200 × 82% = 32,144. Slip: 40,944 (case 01). +8,800 > deductible 800.
    assert next(e for e in result["lines"] if e["line"] == "fund")["difference"].fen == 880000
    # The site's burden 10,000 + 800 + 7,056 = 17,856 draws 50% × 2,856 = 1,428 of assistance
    # (Art. 19), the slip's 9,056 none: the assistance line differs too, so its reason is listed.
    assert next(e for e in result["lines"] if e["line"] == "assistance")["difference"].fen == -142800
    assert reason_ids(result) == ["earlier_claims", "remote_rules", "filing", "certificate", "edition"]


def test_a_certificate_not_entered_explains_the_assistance_line():
    claim = {"kind": "inpatient", "level": "tertiary", "amount": 50000}
    lines = hospital_slip(HZ, dict(IN_SERVICE, certificate="dibao"), [], claim)
    # Burden 9,056 × 70% = 6,339.20 of assistance on the slip, none on the site.
    assert lines["assistance"] == 6339.2
    result = explain(HZ, IN_SERVICE, claim, lines)
    ids = reason_ids(result)
    assert "certificate" in ids and "assistance_not_stated" not in ids
    assert next(r for r in result["reasons"] if r["id"] == "certificate")["lines"] == ["assistance", "co_payment"]


def test_assistance_the_sources_do_not_describe_is_said_to_be_the_offices():
    # Ningbo 30,000 tertiary (case 05 without registration): co-payment 5,392; the slip shows 500
    # of it paid by assistance, which the Ningbo Q&A does not describe (assistance/share is null).
    lines = {"bill": 30000, "fund": 23040, "critical_illness": 1568, "assistance": 500, "co_payment": 4892}
    result = explain(NB, IN_SERVICE, {"kind": "inpatient", "level": "tertiary", "amount": 30000}, lines)
    ids = reason_ids(result)
    assert "assistance_not_stated" in ids and "certificate" not in ids
    refs = next(r for r in result["reasons"] if r["id"] == "assistance_not_stated")["refs"]
    assert [r["parameter"] for r in refs] == ["ningbo-employee/assistance/share"]


def test_every_reason_of_the_table_is_reached_by_some_slip():
    # The cases in tests/cases/slip reach the rest; together they use every entry.
    reached = {"deductible_met", "earlier_claims", "edition", "category_b_not_entered", "remote_not_entered"}
    reached |= {"special_registered", "higher_level_earlier", "remote_rules", "filing", "certificate"}
    reached |= {"assistance_not_stated"}
    assert reached == {r["id"] for r in REASONS}


@pytest.mark.parametrize("reason", REASONS, ids=[r["id"] for r in REASONS])
def test_reasons_are_data_without_figures_and_never_blame_the_hospital(reason):
    for lang in ("zh", "en"):
        assert not DIGIT.search(reason[lang]), reason[lang]
    assert "算错" not in reason["zh"] and "错误" not in reason["zh"]
    assert "wrong" not in reason["en"] and "mistake" not in reason["en"] and "error" not in reason["en"]


SLIP_FORM = {
    "policy": HZ,
    "date": TODAY,
    "person.status": "in_service",
    "slip.kind": "inpatient",
    "slip.level": "tertiary",
    "slip.bill": "50000",
    "claims.0.kind": "inpatient",
    "claims.0.level": "tertiary",
}


@pytest.mark.parametrize(
    "lines, field, zh, en",
    [
        (
            {"slip.fund": "60000"},
            "slip.fund",
            "不能大于总费用（50,000.00元）。",
            "cannot be larger than the total (50,000.00 yuan).",
        ),
        ({"slip.fund": "－5"}, "slip.fund", "金额不能为负数。", "the amount must not be negative."),
        ({"slip.category_b": "50001"}, "slip.category_b", "其中乙类先行自付部分", "the category-B part"),
        ({"slip.out_of_scope": "50000.01"}, "slip.out_of_scope", "其中自费部分不能大于总费用", "out-of-scope part"),
        # 40,000 + 9,000 = 49,000: 1,000 short of the total.
        (
            {"slip.fund": "40,000", "slip.co_payment": "9000"},
            "slip.co_payment",
            "还差 1,000.00元",
            "1,000.00 yuan short",
        ),
        (
            {"slip.fund": "40944", "slip.co_payment": "9056", "slip.account": "9057"},
            "slip.account",
            "9,056.00元",
            "9,056.00 yuan",
        ),
        ({"slip.fund": "40944", "slip.co_payment": "9056", "claims.0.amount": "abc"}, "claims[0].amount", "abc", "abc"),
    ],
)
def test_a_bad_slip_is_refused_at_its_line_in_both_languages(lines, field, zh, en):
    result = page_input.run("slip", {page_input.FORM: dict(SLIP_FORM, **lines)}, TODAY)
    error = result["error"]
    assert error["field"] == field and error["kind"] == "input"
    assert zh in error["message"]["zh"] and en in error["message"]["en"]
    for text in error["message"].values():
        assert "slip." not in text and "claims" not in text
    assert present.render("slip", result, "zh", {}) == ""


def test_copied_figures_with_full_width_digits_commas_and_yuan_are_read():
    form = dict(SLIP_FORM, **{"slip.fund": "４０,９４４元", "slip.co_payment": "9，056.00 元"})
    result = page_input.run("slip", {page_input.FORM: form}, TODAY)
    assert result["differs"] is False


def test_empty_earlier_rows_are_no_bills_and_errors_name_the_row_typed():
    # Row 0 left empty (dropped), row 1 holds a bad level: the message names row 1.
    form = dict(SLIP_FORM, **{"slip.fund": "40944", "slip.co_payment": "9056"})
    form.update({"claims.1.kind": "inpatient", "claims.1.level": "x", "claims.1.amount": "800"})
    assert page_input.run("slip", {page_input.FORM: form}, TODAY)["error"]["field"] == "claims[1].level"
    form["claims.1.level"] = "tertiary"
    result = page_input.run("slip", {page_input.FORM: form}, TODAY)
    # With the earlier 800 stay the deductible is met: the slip's 40,944 is now 704 below the site.
    assert result["earlier"] == 1
    assert next(e for e in result["lines"] if e["line"] == "fund")["ours"].fen == 4164800


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_result_sets_every_line_side_by_side_with_its_steps_and_reasons(lang):
    form = dict(SLIP_FORM, **{"slip.fund": "41648", "slip.co_payment": "8352"})
    result = page_input.run("slip", {page_input.FORM: form}, TODAY)
    links = {"hangzhou-employee/inpatient/deductible": "../../hangzhou/inpatient/#q13", "source:hz-remote-2024": "x"}
    html = present.render("slip", result, lang, links)
    assert html.count('<tr class="yb-line-') == 8
    assert html.count('class="yb-line-differs"') == 2
    assert re.findall(r'data-reason="([a-z_]+)"', html) == ["deductible_met", "earlier_claims", "edition"]
    assert 'href="../../hangzhou/inpatient/#q13"' in html
    assert present.word("slip_office", lang) in html
    assert ("41,648.00元" if lang == "zh" else "41,648.00 yuan") in html
    # The fund line is explained by the band steps, from the wording table, with their articles.
    assert ("统筹基金支付 82%" if lang == "zh" else "the fund pays 82%") in html


def test_a_matching_slip_says_so_and_lists_no_reasons():
    form = dict(SLIP_FORM, **{"slip.fund": "40944.50", "slip.co_payment": "9055.50"})
    result = page_input.run("slip", {page_input.FORM: form}, TODAY)
    # 0.50 apart on two lines: within one yuan, so they match.
    assert result["differs"] is False and result["reasons"] == []
    html = present.render("slip", result, "en", {})
    # The tolerance is slip.TOLERANCE_FEN (100 fen = 1 yuan), rendered into the verdict.
    assert "no line differs by more than 1 yuan" in html and "yb-reasons" not in html
