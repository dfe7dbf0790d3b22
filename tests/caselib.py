"""Reading the hand-worked case files and comparing a result with what a case expects."""

import glob
import json
import os

from calculators import api, scenario_file
from calculators.jsonout import Money
from calculators.money import parse_decimal

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
# The date a scenario without one is settled on; every case gives its own date anyway.
TODAY = "2026-11-22"


def case_files() -> list:
    return sorted(glob.glob(os.path.join(CASES, "**", "*.yaml"), recursive=True))


def load_case(path: str) -> dict:
    case = scenario_file.load_path(path)
    unknown = set(case) - {"title", "calculator", "scenario", "expect"}
    assert not unknown, path + ": unknown keys " + str(sorted(unknown))
    case.setdefault("calculator", "settle")
    return case


def scenario_json(case: dict) -> str:
    return json.dumps(case["scenario"], ensure_ascii=False)


def run_case(case: dict) -> dict:
    return api.run(case["calculator"], case["scenario"], TODAY)


def _same(expected, actual) -> bool:
    if isinstance(actual, Money):
        wanted = parse_decimal(expected, 2) if not isinstance(expected, bool) else None
        return wanted == actual.fen
    if expected is None or isinstance(expected, bool):
        return expected is actual
    if isinstance(actual, int) and not isinstance(actual, bool):
        return parse_decimal(expected, 0) == actual
    return expected == actual


def mismatches(expected, actual, path: str = "") -> list:
    """Every place where ``actual`` differs from the keys ``expected`` gives (a subset match)."""
    problems = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [path + ": expected a mapping, got " + repr(actual)]
        for key in expected:
            if key not in actual:
                problems.append(path + "." + key + ": missing from the result")
            else:
                problems.extend(mismatches(expected[key], actual[key], path + "." + key))
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [path + ": expected " + str(len(expected)) + " items, got " + repr(actual)]
        for i, (want, got) in enumerate(zip(expected, actual)):
            problems.extend(mismatches(want, got, path + "[" + str(i) + "]"))
    elif not _same(expected, actual):
        shown = actual.fen / 100 if isinstance(actual, Money) else actual
        problems.append(path + ": expected " + repr(expected) + ", got " + repr(shown))
    return problems


def check_expectation(case: dict, result: dict) -> list:
    expect = case["expect"]
    if "error" in expect:
        if "error" not in result:
            return ["expected a refusal naming " + expect["error"] + ", got a result"]
        if result["error"]["field"] != expect["error"]:
            return [
                "expected a refusal naming "
                + expect["error"]
                + ", got "
                + result["error"]["field"]
                + ": "
                + result["error"]["en"]
            ]
        return []
    if "error" in result:
        return ["refused: " + result["error"]["en"]]
    return mismatches(expect, result)
