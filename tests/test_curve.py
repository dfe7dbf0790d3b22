"""The inpatient-bill curve: its points are the engine's results, its kinks sit where the
sources put them, its marks are labelled from policies/, and what the sources leave out is
not drawn but said."""

import copy
import json
import re

import pytest

from calculators import api, curve, page_input, present
from calculators.money import format_yuan
from calculators.settle import settle
from calculators.settle_input import LEVELS, STATUSES

POLICIES = ("hangzhou-employee", "ningbo-employee")


def drawn(policy: str, status: str, level: str, bundle=None, date=None) -> dict:
    bundle = bundle or api.bundle()
    return curve.curve(bundle, policy, date or curve.newest_date(bundle, policy), {"status": status}, {"level": level})


def settled(policy: str, status: str, level: str, fen: int, date=None) -> dict:
    """The same bill settled directly, written out as a reader's scenario."""
    scenario = {
        "policy": policy,
        "date": date or curve.newest_date(api.bundle(), policy),
        "person": {"status": status},
        "claims": [{"kind": "inpatient", "level": level, "amount": str(fen // 100) + "." + str(fen % 100).zfill(2)}],
    }
    return settle(scenario, api.bundle(), "2026-01-01")


def at(points: list, bill: int) -> dict:
    return next(p for p in points if p["bill"] == bill)


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("level", LEVELS)
def test_points_at_every_edge_and_one_fen_around_it_are_settle_results(policy, status, level):
    c = drawn(policy, status, level)
    assert len(c["marks"]) >= 4 and c["refused"] is None
    for mark in c["marks"]:
        for bill in (mark["bill"] - 1, mark["bill"], mark["bill"] + 1):
            point, result = at(c["points"], bill), settled(policy, status, level, bill)
            for payer in ("personal", "fund", "critical_illness", "assistance"):
                assert point[payer] == result[payer].fen, (mark["kind"], bill, payer)
            assert point["personal"] + point["fund"] + point["critical_illness"] + point["assistance"] == bill
    for point in c["points"]:  # the grid between the kinks too
        assert point["personal"] == settled(policy, status, level, point["bill"])["personal"].fen


def test_hangzhou_in_service_tertiary_by_hand():
    c = drawn("hangzhou-employee", "in_service", "tertiary")
    bills = [(m["kind"], m["bill"]) for m in c["marks"]]
    # Deductible 800 (Art. 13 (2) 1); band edge 40,000; limit 400,000 (2024 page). Assistance
    # (Art. 19 (2), table 3) on the burden: 800 + 18% × 39,200 = 7,856 at 40,000, then 12% of
    # the bill above: 15,000 is reached when 12% × (b − 40,000) ≥ 7,144, i.e. b − 40,000 ≥
    # 59,533.33…; in fen the co-payment p − round(88% p) first reaches 714,400 at p = 5,953,330
    # (0.12 p = 714,399.6 → 714,400), so b = 99,533.30. 25,000: 12% × (b − 40,000) ≥ 17,144 →
    # p = 14,286,663 fen (0.12 p = 1,714,399.56 → 1,714,400), b = 182,866.63.
    assert bills == [
        ("deductible", 80000),
        ("band", 4000000),
        ("assistance", 9953330),
        ("assistance", 18286663),
        ("limit", 40000000),
    ]
    # At 40,000: personal 800 + 18% × 39,200 = 7,856, fund 82% × 39,200 = 32,144; share 19.64%.
    point = at(c["points"], 4000000)
    assert (point["personal"], point["fund"], point["share"]) == (785600, 3214400, 1964)
    # At 400,000: burden 7,856 + 12% × 360,000 = 51,056; assistance 50% × 10,000 + 60% × 26,056
    # = 20,633.60; personal 30,422.40; fund 32,144 + 88% × 360,000 = 348,944.
    point = at(c["points"], 40000000)
    assert (point["personal"], point["fund"], point["assistance"]) == (3042240, 34894400, 2063360)
    # At 600,000: 200,000 above the limit, critical illness insurance 90% = 180,000, the patient
    # 20,000 more: burden 71,056, assistance 5,000 + 60% × 46,056 = 32,633.60, personal
    # 38,422.40 = 6.4% of the bill.
    point = at(c["points"], 60000000)
    assert (point["personal"], point["critical_illness"], point["assistance"], point["share"]) == (
        3842240,
        18000000,
        3263360,
        640,
    )


def test_ningbo_in_service_tertiary_by_hand():
    c = drawn("ningbo-employee", "in_service", "tertiary")
    # Q8: deductible 1,200; bands at 35,000 and 70,000 (patient 20%, 15%, 5%). Q9: critical
    # illness insurance on the eligible cost K = 1,200 + 20% × (b − 1,200) ≥ 5,000 from
    # b = 20,199.98 (20% × 18,999.98 = 3,799.996 → 3,800.00; one fen less gives 4,999.99);
    # K(70,000) = 1,200 + 6,760 + 5,250 = 13,210, then 5%: K ≥ 20,000 from b − 70,000 ≥ 135,800
    # less rounding: 5% × 13,579,991 fen = 678,999.55 → 679,000, b = 205,799.91.
    assert [(m["kind"], m["bill"]) for m in c["marks"]] == [
        ("deductible", 120000),
        ("critical_illness", 2019998),
        ("band", 3500000),
        ("band", 7000000),
        ("critical_illness", 20579991),
    ]
    # At 35,000: K = 1,200 + 20% × 33,800 = 7,960; insurance 80% × 2,960 = 2,368; personal 5,592.
    point = at(c["points"], 3500000)
    assert (point["personal"], point["critical_illness"], point["fund"]) == (559200, 236800, 2704000)
    # At 70,000: K = 13,210; insurance 80% × 8,210 = 6,568; personal 6,642; fund 27,040 + 29,750.
    point = at(c["points"], 7000000)
    assert (point["personal"], point["critical_illness"], point["fund"]) == (664200, 656800, 5679000)
    # The Q&A gives no inpatient limit: not marked, said.
    assert [s["parameter"] for s in c["silent"]] == ["ningbo-employee/inpatient/limit"]


def test_a_status_the_edition_does_not_state_is_not_drawn_but_said():
    # The handbook edition gives no retiree shares: nothing drawn, the engine's refusal shown.
    c = drawn("hangzhou-employee", "retired", "tertiary", date="2020-06-01")
    assert c["points"] == [] and c["marks"] == []
    html = present.curve_figure(c, "en")
    assert "<svg" not in html and "No chart: not stated in the sources" in html and "retired" in html


def test_marks_render_their_label_and_figure_from_the_data():
    # Move the limit in a copy of the data: the mark moves with it and its label says so.
    bundle = copy.deepcopy(api.bundle())
    values = bundle["policies"]["hangzhou-employee"]["parameters"]["inpatient/limit"]["values"]
    values[-1]["value"] = 45000000
    values[-1]["article"] = {"zh": "测试条款", "en": "test article"}
    bundle["policies"]["hangzhou-employee"]["parameters"]["inpatient/limit"]["label"] = {
        "zh": "限额甲",
        "en": "Limit A",
    }
    c = drawn("hangzhou-employee", "in_service", "tertiary", bundle)
    limit = next(m for m in c["marks"] if m["kind"] == "limit")
    assert limit["bill"] == 45000000
    for lang, label, article in (("zh", "限额甲", "测试条款"), ("en", "Limit A", "test article")):
        html = present.curve_figure(c, lang)
        items = re.findall(r"<li><b class=\"yb-mark-letter\">([A-Z])</b> (.*?)</li>", html)
        assert len(items) == len(c["marks"])
        text = dict(items)["E"]
        assert label in text and article in text and format_yuan(45000000) in text
    # Every mark of the real data: its parameter's own label and its threshold as the data has it.
    for policy in POLICIES:
        c = drawn(policy, "retired", "other")
        parameters = api.bundle()["policies"][policy]["parameters"]
        html = present.curve_figure(c, "zh")
        for mark in c["marks"]:
            path = mark["parameter"].split("/", 1)[1]
            assert mark["label"] == parameters[path]["label"]
            assert mark["label"]["zh"] in html and format_yuan(mark["threshold"]) in html
            raw = json.dumps(parameters[path]["values"][-1]["value"])
            assert str(mark["threshold"]) in raw


def test_the_inpatient_calculator_marks_the_bill_and_keeps_the_json_shape():
    form = {
        "policy": "hangzhou-employee",
        "date": "2024-09-01",
        "person.status": "in_service",
        "claims.0.kind": "inpatient",
        "claims.0.level": "tertiary",
        "claims.0.bill": "52000",
        "claims.0.out_of_scope": "2000",
    }
    text, html = page_input.page_result("settle", json.dumps({"form": form}), "2026-12-03", "en", "{}")
    assert '"curve"' not in text
    # In scope 50,000: 800 + 18% × 39,200 + 12% × 10,000 = 9,056 (tests/cases/README.md).
    assert "The thick line is your bill, 50,000.00 yuan: you pay 9,056.00 yuan (18.11%)." in html
    assert 'class="yb-here-line"' in html
    assert '<td data-label="In-scope bill">Your bill · 50,000.00 yuan</td>' in html
    # An outpatient bill has no curve.
    form = dict(form, **{"claims.0.kind": "outpatient"})
    assert "yb-curve" not in page_input.page_result("settle", json.dumps({"form": form}), "2026-12-03", "en", "{}")[1]


def test_a_bill_beyond_the_range_widens_it():
    c = curve.curve(
        api.bundle(), "ningbo-employee", "2023-06-01", {"status": "in_service"}, {"level": "other"}, 71234567
    )
    assert c["top"] == 80000000 and c["points"][-1]["bill"] == 80000000
    assert (
        at(c["points"], 71234567)["personal"]
        == settled("ningbo-employee", "in_service", "other", 71234567)["personal"].fen
    )


def test_svg_coordinates_are_plain_decimals_inside_the_view_box():
    html = present.curve_figure(drawn("ningbo-employee", "retired", "community"), "zh")
    numbers = re.findall(r'(?:x1|x2|y1|y2|x|y)="([^"]+)"', html) + re.findall(r'points="([^"]+)"', html)
    for value in numbers:
        for part in re.split(r"[ ,]", value):
            assert re.fullmatch(r"\d+(\.\d)?", part), part
            assert 0 <= float(part) <= 360
