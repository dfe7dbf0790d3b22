"""policies/ is validated on load: a wrong file fails with the file, the key path and the problem."""

import os
import shutil

import pytest
import yaml

from calculators import api
from scripts import compile_policies
from scripts.policies import POLICIES, PolicyTreeError, load_tree
from tests.caselib import TODAY, case_files, check_expectation, load_case


def test_the_committed_bundle_is_what_policies_compile_to():
    assert compile_policies.main(["--check"]) == 0


def test_every_policy_has_its_editions():
    bundle = load_tree()
    starts = {p: [e["from"] for e in bundle["policies"][p]["editions"]] for p in bundle["policies"]}
    assert starts == {
        "hangzhou-employee": ["2020-01-01", "2024-01-01"],
        "ningbo-employee": ["2023-01-01"],
        "hangzhou-resident": ["2024-01-01"],
    }


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
    assert (
        "policies/hangzhou-employee/policy.yaml",
        "editions[1].from",
        "editions overlap: must start after 2020-01-01",
    ) in found


def test_value_dated_outside_any_edition(tree):
    edit(tree, LIMIT, lambda d: d["values"][1].update({"from": "2024-02-01"}))
    ((file, path, problem),) = problems(tree)
    assert (file, path) == ("policies/" + LIMIT, "values[1].from") and "start date" in problem


def test_not_stated_needs_a_note(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(value=None, status="silent") or d["values"][0].pop("article"))
    assert problems(tree) == [
        ("policies/" + LIMIT, "values[0].note", "a value that is not stated needs a note saying so")
    ]


def test_not_stated_says_whether_the_source_is_silent_or_has_no_such_rule(tree):
    edit(
        tree,
        LIMIT,
        lambda d: d["values"][0].update(value=None, note={"zh": "无", "en": "none"}) or d["values"][0].pop("article"),
    )
    ((file, path, problem),) = problems(tree)
    assert (file, path) == ("policies/" + LIMIT, "values[0].status") and "silent or no_rule" in problem
    edit(tree, LIMIT, lambda d: d["values"][0].update(status="unknown"))
    assert [p[1] for p in problems(tree)] == ["values[0].status"]
    edit(tree, LIMIT, lambda d: d["values"][0].update(status="no_rule"))
    assert (
        load_tree(str(tree))["policies"]["hangzhou-employee"]["parameters"]["inpatient/limit"]["values"][0]["status"]
        == "no_rule"
    )


def test_a_stated_value_has_no_status(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(status="silent"))
    assert problems(tree) == [("policies/" + LIMIT, "values[0].status", "only a null value has a status")]


def test_band_edge_flag_is_a_boolean_on_a_closed_band(tree):
    edit(tree, SHARES, lambda d: d["values"][0]["value"][0].update(up_to_excluded="yes"))
    edit(tree, SHARES, lambda d: d["values"][0]["value"][1].update(up_to_excluded=True))
    assert problems(tree) == [
        ("policies/" + SHARES, "values[0].value[0].up_to_excluded", "must be true or false"),
        ("policies/" + SHARES, "values[0].value[1].up_to_excluded", "an open band has no upper edge"),
    ]


def test_money_with_three_decimals(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(value="360000.001"))
    assert problems(tree) == [("policies/" + LIMIT, "values[0].value", "must be a number with at most 2 decimals")]


def test_every_problem_is_reported_at_once(tree):
    edit(tree, LIMIT, lambda d: d["values"][0].update(vaule=1))
    edit(tree, SHARES, lambda d: d.update(unit="percent"))
    assert len(problems(tree)) == 2


# The registry (policy.yaml: name, family, calculators, unsupported): what the engine dispatches on.


def test_a_copy_of_ningbo_under_a_new_id_settles_every_ningbo_case_with_no_code(tree):
    # A city with Ningbo's shape is a folder of YAML: copy it, rename it, and every hand-worked
    # Ningbo case (settle and the other calculators) gives the same hand-worked figures.
    shutil.copytree(os.path.join(tree, "ningbo-employee"), os.path.join(tree, "testcity-employee"))
    edit(
        tree,
        "testcity-employee/policy.yaml",
        lambda d: d.update(name={"zh": "测试市职工医保", "en": "Testcity employee insurance"}, city="testcity"),
    )
    bundle = load_tree(str(tree))
    ningbo = [p for p in case_files() if "ningbo-employee" in p or os.path.basename(p).startswith("nb-")]
    assert len(ningbo) >= 40
    for path in ningbo:
        case = load_case(path)
        case["scenario"]["policy"] = "testcity-employee"
        result = api.run(case["calculator"], case["scenario"], TODAY, bundle)
        assert not check_expectation(case, result), path
        if "error" not in result:
            assert result["policy"] == "testcity-employee"
    assert (
        api.run("account", {"policy": "testcity-employee", "person": {"age": 44}, "base": 10000}, TODAY, bundle)[
            "monthly"
        ].fen
        == 34000
    )  # 10,000 × 3.4% = 340 (Q4)


def test_an_unsupported_kind_is_refused_by_the_registry_even_when_its_figure_is_filled(tree):
    # The resident inpatient share is null in the sources; fill it in, and the registry still refuses.
    path = "hangzhou-resident/inpatient/personal_share.yaml"

    def fill(data):
        data["values"][0].update(value=0.5, article={"zh": "测试", "en": "test"})
        data["values"][0].pop("status", None)  # a filled figure is no longer "silent"

    edit(tree, path, fill)
    bundle = load_tree(str(tree))
    assert (
        bundle["policies"]["hangzhou-resident"]["parameters"]["inpatient/personal_share"]["values"][0]["value"] == 5000
    )
    result = api.run(
        "settle",
        {
            "policy": "hangzhou-resident",
            "date": "2024-06-01",
            "claims": [{"kind": "inpatient", "level": "tertiary", "amount": 1000}],
        },
        TODAY,
        bundle,
    )
    error = result["error"]
    assert error["field"] == "claims[0].kind"
    assert "杭州城乡居民医保" in error["zh"] and "没有给出起付标准以上的分担比例" in error["zh"]
    assert "Hangzhou resident insurance" in error["en"] and "not the shares above them" in error["en"]


def test_a_calculator_the_registry_does_not_list_is_refused_naming_the_policy():
    result = api.run("contribution", {"policy": "hangzhou-resident", "wage": 5000}, TODAY)
    assert result["error"]["field"] == "policy"
    assert "hangzhou-employee, ningbo-employee" in result["error"]["en"]


@pytest.mark.parametrize(
    "change, where, problem",
    [
        (
            lambda d: d.update(family="nanjing_employee"),
            "family",
            "unknown rule family (expected one of hangzhou_employee, hangzhou_resident, ningbo_employee)",
        ),
        (
            lambda d: d["calculators"].update(retirement={"rule": "hangzhou"}),
            "calculators.retirement.rule",
            "unknown rule (expected one of local_and_cumulative, reform_adjusted)",
        ),
        (
            lambda d: d["calculators"].update(pension={}),
            "calculators.pension",
            "unknown calculator (expected one of account, benefit-start, contribution, retirement, settle, slip)",
        ),
        (lambda d: d["calculators"].update(contribution={}), "calculators.contribution.rule", "missing"),
        (
            lambda d: d.update(unsupported=[{"field": "person.colour", "only": ["none"]}]),
            "unsupported[0].field",
            "must be person.KEY or claims.KEY of the settle input",
        ),
        (lambda d: d.pop("name"), "name", "missing"),
    ],
)
def test_registry_mistakes_are_named(tree, change, where, problem):
    edit(tree, "hangzhou-employee/policy.yaml", change)
    assert problems(tree) == [("policies/hangzhou-employee/policy.yaml", where, problem)]
