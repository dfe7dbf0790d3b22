"""policies/ is validated on load: a wrong file fails with the file, the key path and the problem."""

import os
import shutil

import pytest
import yaml

from scripts import compile_policies
from scripts.policies import POLICIES, PolicyTreeError, load_tree


def test_the_committed_bundle_is_what_policies_compile_to():
    assert compile_policies.main(["--check"]) == 0


def test_every_policy_has_its_editions():
    bundle = load_tree()
    starts = {p: [e["from"] for e in bundle["policies"][p]["editions"]] for p in bundle["policies"]}
    assert starts == {"hangzhou-employee": ["2020-01-01", "2024-01-01"], "ningbo-employee": ["2023-01-01"],
                      "hangzhou-resident": ["2024-01-01"]}


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "policies"
    shutil.copytree(POLICIES, root)
    return root


def edit(root, rel, change):
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    change(data)
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True)


def problems(root) -> list:
    with pytest.raises(PolicyTreeError) as caught:
        load_tree(str(root))
    return [(e.file, e.path, e.problem) for e in caught.value.errors]


LIMIT = "hangzhou-employee/inpatient/limit.yaml"
SHARES = "hangzhou-employee/inpatient/fund_share/in_service.yaml"


def test_unknown_key(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(vaule=1))
    assert problems(tree) == [("policies/" + LIMIT, "values[0].vaule", "unknown key")]


def test_share_outside_zero_to_one(tree):
    edit(tree, SHARES, lambda d: d["values"][0]["value"][0]["value"].update(tertiary=1.2))
    assert problems(tree) == [("policies/" + SHARES, "values[0].value[0].value.tertiary", "share outside 0–1")]


def test_bands_not_increasing(tree):
    def swap(d):
        d["values"][0]["value"].insert(1, {"up_to": 30000, "value": 0.9})
    edit(tree, SHARES, swap)
    assert problems(tree) == [("policies/" + SHARES, "values[0].value[1].up_to", "bands must increase")]


def test_value_without_a_source(tree):
    edit(tree, LIMIT, lambda d: d["values"][1].pop("source"))
    assert problems(tree) == [("policies/" + LIMIT, "values[1].source", "missing")]


def test_unknown_source(tree):
    edit(tree, LIMIT, lambda d: d["values"][1].update(source="hearsay"))
    assert problems(tree) == [("policies/" + LIMIT, "values[1].source", "unknown source id")]


def test_overlapping_editions(tree):
    edit(tree, "hangzhou-employee/policy.yaml", lambda d: d["editions"][1].update({"from": "2019-06-01"}))
    found = problems(tree)
    assert ("policies/hangzhou-employee/policy.yaml", "editions[1].from",
            "editions overlap: must start after 2020-01-01") in found


def test_value_dated_outside_any_edition(tree):
    edit(tree, LIMIT, lambda d: d["values"][1].update({"from": "2024-02-01"}))
    (file, path, problem), = problems(tree)
    assert (file, path) == ("policies/" + LIMIT, "values[1].from") and "start date" in problem


def test_not_stated_needs_a_note(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(value=None, status="silent") or d["values"][0].pop("article"))
    assert problems(tree) == [("policies/" + LIMIT, "values[0].note", "a value that is not stated needs a note saying so")]


def test_not_stated_says_whether_the_source_is_silent_or_has_no_such_rule(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(value=None, note={"zh": "无", "en": "none"}) or d["values"][0].pop("article"))
    (file, path, problem), = problems(tree)
    assert (file, path) == ("policies/" + LIMIT, "values[0].status") and "silent or no_rule" in problem
    edit(tree, LIMIT, lambda d: d["values"][0].update(status="unknown"))
    assert [p[1] for p in problems(tree)] == ["values[0].status"]
    edit(tree, LIMIT, lambda d: d["values"][0].update(status="no_rule"))
    assert load_tree(str(tree))["policies"]["hangzhou-employee"]["parameters"]["inpatient/limit"]["values"][0]["status"] == "no_rule"


def test_a_stated_value_has_no_status(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(status="silent"))
    assert problems(tree) == [("policies/" + LIMIT, "values[0].status", "only a null value has a status")]


def test_band_edge_flag_is_a_boolean_on_a_closed_band(tree):
    edit(tree, SHARES, lambda d: d["values"][0]["value"][0].update(up_to_excluded="yes"))
    edit(tree, SHARES, lambda d: d["values"][0]["value"][1].update(up_to_excluded=True))
    assert problems(tree) == [("policies/" + SHARES, "values[0].value[0].up_to_excluded", "must be true or false"),
                              ("policies/" + SHARES, "values[0].value[1].up_to_excluded", "an open band has no upper edge")]


def test_money_with_three_decimals(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(value="360000.001"))
    assert problems(tree) == [("policies/" + LIMIT, "values[0].value", "must be a number with at most 2 decimals")]


def test_every_problem_is_reported_at_once(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(vaule=1))
    edit(tree, SHARES, lambda d: d.update(unit="percent"))
    assert len(problems(tree)) == 2
