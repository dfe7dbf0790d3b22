"""The command line: one JSON object out, exit 0; refusals exit 2 with zh + en naming the field."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


SCENARIO = """# the example of the engine issue, trimmed
policy: hangzhou-employee   # picks the rules
date: 2024-09-01
person:
  status: in_service
  age: 40
  account: 800
claims:
  - kind: outpatient
    level: tertiary
    amount: 3000
"""


def test_settle_reads_yaml_from_stdin_and_prints_yuan_with_two_decimals():
    done = cli("settle", "-", stdin=SCENARIO)
    assert done.returncode == 0, done.stderr
    # 3000: account 800; deductible 1000; fund 76% of 1200 = 912; personal 1000 + 288 = 1288.
    assert '"fund": 912.00' in done.stdout and '"personal": 1288.00' in done.stdout
    result = json.loads(done.stdout)
    assert (result["account"], result["fund"], result["personal"], result["total"]) == (800, 912, 1288, 3000)
    assert result["edition"]["id"] == "2024"


def test_settle_reads_json_file(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps(
            {
                "policy": "ningbo-employee",
                "date": "2024-01-01",
                "person": {"age": 30},
                "claims": [{"kind": "outpatient", "level": "other", "amount": 1000.5}],
            }
        )
    )
    done = cli("settle", str(path))
    assert done.returncode == 0
    # self-pay segment 900 (under 45); 100.50 above it: fund 80% = 80.40, personal 20.10.
    assert json.loads(done.stdout)["fund"] == 80.4


def test_refusal_exits_2_with_both_languages_and_the_field():
    done = cli("settle", "-", stdin=SCENARIO.replace("amount: 3000", "amount: -5"))
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["field"] == "claims[0].amount"
    assert "金额不能为负数" in error["zh"] and "must not be negative" in error["en"]
    assert "Traceback" not in done.stderr and "claims[0].amount" in done.stderr


def test_unreadable_input_is_a_message_not_a_traceback(tmp_path):
    done = cli("settle", "-", stdin="policy: [unclosed")
    assert done.returncode == 2 and json.loads(done.stdout)["error"]["field"] == "scenario"
    done = cli("settle", str(tmp_path / "missing.yaml"))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_today_is_the_default_date():
    done = cli("settle", "-", "--today", "2023-06-01", stdin="policy: hangzhou-employee\nclaims: []\n")
    assert json.loads(done.stdout)["edition"]["id"] == "handbook"
