"""The unchanged engine gives identical JSON on MicroPython (WebAssembly, in Node) and CPython.

Every hand-worked case and hypothesis-generated scenarios go through both; the texts must be
equal byte for byte, which checks every field, step and citation at once. The generated ones
give cent amounts as JSON numbers and as strings, which the two runtimes' JSON parsers read
differently unless the engine keeps what the text said.
"""

import json
import os
import shutil
import subprocess

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from calculators import api, page_input
from tests.caselib import HERE, TODAY, case_files, load_case, scenario_json

ROOT = os.path.dirname(HERE)
RUNNER = os.path.join(HERE, "micropython", "run_jobs.mjs")
MICROPYTHON = os.path.join(ROOT, "node_modules", "@micropython", "micropython-webassembly-pyscript")

pytestmark = pytest.mark.skipif(
    not shutil.which("node") or not os.path.isdir(MICROPYTHON),
    reason="needs node and `npm ci` (MicroPython from npm)",
)


def extra_jobs() -> list:
    """Scenarios beyond the cases: floats and full-width digits, which MicroPython reads its own way."""
    return [
        (
            "settle",
            '{"policy":"hangzhou-employee","date":"2024-06-01","person":{"account":123.45,"certificate":"dibao"},'
            '"claims":[{"kind":"outpatient","level":"other","amount":2345.67,"where":"in_province",'
            '"settled":"reimbursed"},{"kind":"inpatient","level":"tertiary","amount":"４５,６７８.９"}]}',
        ),
        (
            "settle",
            '{"policy":"ningbo-employee","date":"2024-06-01","person":{"age":45,"status":"retired"},'
            '"claims":[{"kind":"special_outpatient","level":"tertiary","amount":600000,"category_b":12.5}]}',
        ),
        ("settle", '{"policy":"ningbo-employee","claims":[{"kind":"inpatient","level":"x","amount":1}]}'),
        ("contribution", '{"policy":"ningbo-employee","date":"2024-01-01","wage":"8,888.88"}'),
        # Control characters echoed in an error: each runtime's own JSON writer must agree.
        ("account", '{"policy":"ningbo-employee","k\\u0007\\b\\f\\n\\t\\u0000\\"\\\\“":1}'),
    ]


def on_micropython(jobs: list) -> list:
    """The result texts of (calculator, scenario JSON text) jobs, all in one MicroPython boot."""
    return run_node([{"calculator": c, "scenario": s, "today": TODAY} for c, s in jobs])


def run_node(jobs: list) -> list:
    """The runner's output texts for its job objects (see tests/micropython/run_jobs.mjs)."""
    payload = json.dumps(jobs)
    done = subprocess.run(["node", RUNNER], input=payload, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    micro = json.loads(done.stdout)
    assert len(micro) == len(jobs)
    return micro


def assert_same(jobs: list):
    differ = []
    for (calculator, scenario), text in zip(jobs, on_micropython(jobs)):
        expected = api.run_json(calculator, scenario, TODAY)
        if text != expected:
            differ.append((calculator, scenario, text, expected))
    assert not differ, differ[:3]


def test_micropython_matches_cpython_field_by_field():
    assert_same([(load_case(p)["calculator"], scenario_json(load_case(p))) for p in case_files()] + extra_jobs())


def test_the_worker_entry_point_gives_the_same_json_and_slip():
    # What the browser worker calls (page_input.page_result), for every calculator page's
    # example in both languages, the two-city page included: JSON text and slip HTML equal.
    with open(os.path.join(ROOT, "docs", "content", "calculators.yaml"), encoding="utf-8") as handle:
        pages = yaml.safe_load(handle)["pages"]
    jobs = [
        {
            "calculator": page["calculator"],
            "today": TODAY,
            "lang": lang,
            "scenario": json.dumps({page_input.FORM: dict(page["default"], **page.get("fixed", {}))}),
        }
        for page in pages
        for lang in ("zh", "en")
    ]
    micro = run_node(jobs)
    for job, text in zip(jobs, micro):
        assert text == "\n".join(
            page_input.page_result(job["calculator"], job["scenario"], TODAY, job["lang"], "{}")
        ), job
    assert any('<div class="yb-cols">' in text for text in micro)


# An amount as a reader's JSON may hold it: cents as a number (json.dumps writes 582.19 as
# 582.19), as text, whole yuan, or any float at all (582.1900000000001, 1e-07: refused on both).
fen = st.integers(0, 10**9)
amount = st.one_of(
    fen.map(lambda f: f / 100),
    fen.map(lambda f: str(f // 100) + "." + ("0" + str(f % 100))[-2:]),
    st.integers(0, 10**6),
    st.floats(0, 10**7, allow_nan=False),
    st.floats(allow_nan=True, allow_infinity=True),
)
claim = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["outpatient", "inpatient", "special_outpatient"]),
        "level": st.sampled_from(["tertiary", "other", "community"]),
        "amount": amount,
    },
    optional={"category_b": amount, "out_of_scope": amount},
)
settle_job = st.builds(
    lambda policy, account, claims: (
        "settle",
        {"policy": policy, "date": "2024-06-01", "person": {"age": 50, "account": account}, "claims": claims},
    ),
    st.sampled_from(["hangzhou-employee", "ningbo-employee"]),
    amount,
    st.lists(claim, min_size=1, max_size=4),
)
other_job = st.one_of(
    st.builds(lambda wage: ("contribution", {"policy": "ningbo-employee", "date": "2024-06-01", "wage": wage}), amount),
    st.builds(
        lambda base: (
            "account",
            {"policy": "hangzhou-employee", "date": "2024-06-01", "person": {"age": 30}, "base": base},
        ),
        amount,
    ),
)


# Three batches of 80, one MicroPython boot each; no shrinking (each try would boot it again):
# a failure lists the differing scenarios themselves.
@settings(
    max_examples=3,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.one_of(settle_job, other_job), min_size=80, max_size=80))
def test_micropython_matches_cpython_on_generated_amounts(jobs):
    assert_same([(calculator, json.dumps(scenario)) for calculator, scenario in jobs])
