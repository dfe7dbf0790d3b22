"""The saved-scenario format (docs/overrides/assets/calc/scenarios.js), run in Node as the page
runs it: an old record migrates with its inputs intact, a bad file is refused with the reason the
page words, an import never replaces a saved scenario, and records of a newer format survive a
save. Also: every word the calculator scripts use is one present.py hands them."""

import datetime
import json
import os
import re
import shutil
import subprocess

import pytest

from calculators import present

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALC = os.path.join(ROOT, "docs", "overrides", "assets", "calc")
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def node(body: str):
    """Run `body` (JS with the module imported as S) in Node; returns what it returns, as JSON."""
    module = "file://" + os.path.join(CALC, "scenarios.js")
    code = f"import * as S from {json.dumps(module)};\nconst out = (() => {{ {body} }})();\nconsole.log(JSON.stringify(out));"
    done = subprocess.run([NODE, "--input-type=module", "-e", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


# A record as the site kept it before records had a version: the share link's fragment.
V0_FRAGMENT = "policy=hangzhou-employee&person.status=retired&claims.0.bill=66666&claims.0.level=community"
V0_SAVED = datetime.datetime(2025, 12, 3, 2, 20, tzinfo=datetime.UTC)
V0 = {"name": "妈妈住院", "page": "inpatient", "fragment": V0_FRAGMENT, "time": int(V0_SAVED.timestamp() * 1000)}


def test_a_version_0_record_migrates_with_the_same_inputs():
    got = node(f"return S.migrate({json.dumps(V0)});")
    assert got == {
        "version": 1,
        "calculator": "inpatient",
        "name": "妈妈住院",
        "saved": "2025-12-03T02:20:00.000Z",
        "inputs": {
            "policy": "hangzhou-employee",
            "person.status": "retired",
            "claims.0.bill": "66666",
            "claims.0.level": "community",
        },
    }


def test_stored_records_load_migrated_and_newer_ones_survive_a_save():
    newer = {"version": 2, "calculator": "inpatient", "name": "x", "whatever": [1]}
    got = node(f"""
        const box = {{ "yibao-scenarios": JSON.stringify([{json.dumps(V0)}, {json.dumps(newer)}, 7, {{"version": 1}}]) }};
        const storage = {{ getItem: (k) => box[k] ?? null, setItem: (k, v) => {{ box[k] = v; }} }};
        const kept = S.load(storage);
        S.store(storage, kept);
        return {{ names: kept.scenarios.map((s) => s.name), stored: JSON.parse(box["yibao-scenarios"]) }};
    """)
    # The v0 record is read as v1; the newer one is written back as it was; 7 and the empty v1 are not records.
    assert got["names"] == ["妈妈住院"]
    assert got["stored"][0] == newer and got["stored"][1]["version"] == 1 and len(got["stored"]) == 2


@pytest.mark.parametrize(
    "text, error",
    [
        ("this is not JSON", "import_unreadable"),
        ('{"a": 1}', "import_not_ours"),
        ('[{"version": 1}]', "import_not_ours"),
        ('{"kind": "yibao-scenarios", "version": 2, "scenarios": []}', "import_newer"),
        ('{"kind": "yibao-scenarios", "version": 1, "scenarios": [{"name": "x"}]}', "import_empty"),
        ('{"kind": "yibao-scenarios", "version": 1, "scenarios": [{"version": 3, "name": "x"}]}', "import_newer"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason(text, error):
    assert node(f"return S.parseImport({json.dumps(text)});") == {"error": error}


def test_a_file_with_one_unusable_scenario_imports_the_rest():
    one = {"version": 1, "calculator": "year", "name": "全年", "saved": "", "inputs": {"claims.0.amount": 300}}
    text = json.dumps({"kind": "yibao-scenarios", "version": 1, "scenarios": [one, {"name": 5}]})
    got = node(f"return S.parseImport({json.dumps(text)});")
    # Numbers in a hand-edited file become the strings a form holds.
    assert got == {"scenarios": [dict(one, inputs={"claims.0.amount": "300"})], "unusable": 1}


def test_an_import_never_replaces_a_saved_scenario():
    saved = [{"version": 1, "calculator": "inpatient", "name": "A", "saved": "", "inputs": {"b": "1", "a": "2"}}]
    incoming = [
        {"version": 1, "calculator": "inpatient", "name": "A", "saved": "", "inputs": {"a": "2", "b": "1"}},
        {"version": 1, "calculator": "inpatient", "name": "A", "saved": "", "inputs": {"a": "3"}},
        {"version": 1, "calculator": "inpatient", "name": "A (imported)", "saved": "", "inputs": {"a": "4"}},
        {"version": 1, "calculator": "outpatient", "name": "A", "saved": "", "inputs": {"a": "5"}},
    ]
    got = node(f"return S.merge({json.dumps(saved)}, {json.dumps(incoming)}, ' (imported)');")
    # The first is the saved A (same inputs in another order): skipped. The second is another A:
    # added as "A (imported)"; the third then finds that name taken too; the fourth is another page's.
    assert [(s["calculator"], s["name"], s["inputs"]["a"]) for s in got["scenarios"]] == [
        ("inpatient", "A", "2"),
        ("inpatient", "A (imported)", "3"),
        ("inpatient", "A (imported) (imported)", "4"),
        ("outpatient", "A", "5"),
    ]
    assert (len(got["added"]), got["same"], got["renamed"]) == (3, 1, 2)


def test_names_are_trimmed_and_must_be_free_on_their_page():
    saved = [{"version": 1, "calculator": "inpatient", "name": "A", "saved": "", "inputs": {}}]
    got = node(f"""const s = {json.dumps(saved)};
        return [S.nameProblem(s, "inpatient", "  "), S.nameProblem(s, "inpatient", " A "), S.nameProblem(s, "outpatient", "A")];""")
    assert got == ["name_empty", "name_taken", ""]


def test_every_word_the_calculator_scripts_use_is_handed_to_them():
    used = set()
    for name in ("widgets.js", "keep.js", "qr.js"):
        with open(os.path.join(CALC, name), encoding="utf-8") as handle:
            used |= set(re.findall(r"\bw\.(\w+)", handle.read()))
    # The reasons scenarios.js returns are shown as words of the same name (w[problem], w[error]).
    with open(os.path.join(CALC, "scenarios.js"), encoding="utf-8") as handle:
        used |= set(re.findall(r'"((?:name|import)_\w+)"', handle.read()))
    assert {"keep_saved", "qr_caption", "import_newer", "name_taken"} <= used
    assert used <= set(present.SCRIPT_WORDS), used - set(present.SCRIPT_WORDS)
