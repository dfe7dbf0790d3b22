"""Every figure a rule uses is a parameter: change it in policies/ and the result and the step
text follow, with no code touched."""

import os
import shutil

import pytest
import yaml

from calculators import api
from scripts.policies import POLICIES, load_tree
from tests.caselib import TODAY


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "policies"
    shutil.copytree(POLICIES, root)
    return root


def set_value(root, rel: str, value):
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    data["values"][-1]["value"] = value
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True)


RETIREMENT = {
    "policy": "ningbo-employee",
    "date": "2024-06-01",
    "retirement_date": "2024-03-01",
    "months_before_reform": 100,
    "months_after_reform": 100,
}


def test_the_adjustment_factor_is_the_fraction_the_yaml_holds(tree):
    # As shipped: ceil(100 × 4/3) = ceil(133.33) = 134 months.
    shipped = api.run("retirement", RETIREMENT, TODAY)
    assert shipped["counted_months"] == 234 and "× 4/3" in shipped["steps"][0]["zh"]
    set_value(tree, "ningbo-employee/retirement/adjustment_factor.yaml", "5/4")
    result = api.run("retirement", RETIREMENT, TODAY, load_tree(str(tree)))
    # ceil(100 × 5/4) = 125, + 100 after the reform = 225.
    assert result["counted_months"] == 225
    assert (
        "100 个月 × 5/4" in result["steps"][0]["zh"]
        and "100 months before 1 July 2021 × 5/4" in result["steps"][0]["en"]
    )
    assert result["steps"][0]["ref"]["parameter"] == "ningbo-employee/retirement/adjustment_factor"


def test_the_reform_date_is_a_parameter(tree):
    set_value(tree, "ningbo-employee/retirement/reform_date.yaml", "2024-06-01")
    result = api.run("retirement", RETIREMENT, TODAY, load_tree(str(tree)))
    # Retired 2024-03-01, now before the reform: 15 years, months unadjusted (100 + 100).
    assert result["rule"] == "before_reform" and result["counted_months"] == 200 and result["required_months"] == 180
    assert (
        result["steps"][0]["zh"].startswith("2024年6月1日前退休") and "before 1 June 2024" in result["steps"][0]["en"]
    )


BENEFIT = {"policy": "ningbo-employee", "date": "2024-06-01", "enrolled": "2024-11", "first_time": False}


def test_the_natural_months_and_the_short_break_are_parameters(tree):
    set_value(tree, "ningbo-employee/benefit_start/short_break_months.yaml", 2)
    set_value(tree, "ningbo-employee/benefit_start/months_after_registration.yaml", 2)
    bundle = load_tree(str(tree))
    # A 3-month break is now long: the 3rd natural month, 2024-11 + 2 = 2025-01.
    long = api.run("benefit-start", dict(BENEFIT, break_months=3), TODAY, bundle)
    assert long["start"] == "2025-01"
    assert long["steps"][0]["zh"] == "中断 3 个月（超过两个月）：接续参保的第三个自然月起享受待遇。"
    assert long["steps"][0]["en"] == "A break of 3 months (more than 2): benefits start in the 3rd natural month."
    # First registration, 2 months after: 2024-11 + 2 = 2025-01, the 3rd natural month.
    first = api.run("benefit-start", dict(BENEFIT, first_time=True), TODAY, bundle)
    assert first["start"] == "2025-01" and "参保登记的第三个自然月起" in first["steps"][0]["zh"]


def test_the_same_month_after_unbroken_contributions_is_a_parameter(tree):
    assert api.run("benefit-start", dict(BENEFIT, break_months=0), TODAY)["start"] == "2024-11"
    set_value(tree, "ningbo-employee/benefit_start/months_after_continuous.yaml", 1)
    result = api.run("benefit-start", dict(BENEFIT, break_months=0), TODAY, load_tree(str(tree)))
    assert result["start"] == "2024-12" and "接续参保第二个自然月切换" in result["steps"][0]["zh"]
