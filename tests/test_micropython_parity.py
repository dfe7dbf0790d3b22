"""The unchanged engine gives identical JSON on MicroPython (WebAssembly, in Node) and CPython.

Every hand-worked case and a set of property-style scenarios go through both; the texts must be
equal byte for byte, which checks every field, step and citation at once.
"""

import json
import os
import shutil
import subprocess

import pytest

from calculators import api
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
        ("settle", '{"policy":"hangzhou-employee","date":"2024-06-01","person":{"account":123.45,"certificate":"dibao"},'
                   '"claims":[{"kind":"outpatient","level":"other","amount":2345.67,"where":"in_province",'
                   '"settled":"reimbursed"},{"kind":"inpatient","level":"tertiary","amount":"４５,６７８.９"}]}'),
        ("settle", '{"policy":"ningbo-employee","date":"2024-06-01","person":{"age":45,"status":"retired"},'
                   '"claims":[{"kind":"special_outpatient","level":"tertiary","amount":600000,"category_b":12.5}]}'),
        ("settle", '{"policy":"ningbo-employee","claims":[{"kind":"inpatient","level":"x","amount":1}]}'),
        ("contribution", '{"policy":"ningbo-employee","date":"2024-01-01","wage":"8,888.88"}'),
    ]


def test_micropython_matches_cpython_field_by_field():
    jobs = [(load_case(p)["calculator"], scenario_json(load_case(p))) for p in case_files()] + extra_jobs()
    payload = json.dumps([{"calculator": c, "scenario": s, "today": TODAY} for c, s in jobs])
    done = subprocess.run(["node", RUNNER], input=payload, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    micro = json.loads(done.stdout)
    assert len(micro) == len(jobs)
    for (calculator, scenario), text in zip(jobs, micro):
        assert text == api.run_json(calculator, scenario, TODAY), scenario
