"""Every hand-worked case in tests/cases/ gives exactly the figures worked out by hand."""

import os

import pytest

from calculators import wording
from calculators.ledger import PAYERS
from tests.caselib import CASES, case_files, check_expectation, load_case, run_case

FILES = case_files()


def test_there_are_enough_cases():
    # The engine issue asks for at least 60 hand-worked scenarios.
    assert len(FILES) >= 60


@pytest.mark.parametrize("path", FILES, ids=[os.path.relpath(f, CASES) for f in FILES])
def test_case(path):
    case = load_case(path)
    result = run_case(case)
    problems = check_expectation(case, result)
    assert not problems, case.get("title", path) + "\n" + "\n".join(problems)
    if case["calculator"] == "settle" and "error" not in result:
        for claim in result["claims"] + [result]:
            assert sum(claim[p].fen for p in PAYERS) == claim["total"].fen


def all_steps() -> list:
    steps = []
    for path in FILES:
        case = load_case(path)
        result = run_case(case)
        for part in result.get("claims", []) + [result]:
            steps.extend(part.get("steps", []))
    return steps


def test_every_sentence_comes_from_the_wording_table_and_every_entry_is_used():
    # Steps record what happened (kind, args); zh and en are the table's templates filled in.
    used = set()
    for step in all_steps():
        assert (step["zh"], step["en"]) == wording.say(step["kind"], step["args"]), step
        used.add(step["kind"])
    assert used == set(wording.STEPS)


@pytest.mark.parametrize("kind", sorted(wording.STEPS))
def test_both_languages_of_a_step_fill_the_same_arguments(kind):
    def placeholders(template: str) -> list:
        return sorted(p for p in wording._parse(template) if not isinstance(p, str))
    zh, en = wording.STEPS[kind]
    names_zh = sorted(name for _, name in placeholders(zh))
    assert names_zh == sorted(name for _, name in placeholders(en))
    for placeholder_type, _ in placeholders(zh) + placeholders(en):
        assert placeholder_type in wording.FORMATS or placeholder_type in wording.TABLES
