"""Every hand-worked case in tests/cases/ gives exactly the figures worked out by hand."""

import os

import pytest

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
