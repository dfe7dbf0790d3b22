"""docs/content/*.yaml is validated when loaded: every problem named by file, key path and what."""

import os
import subprocess
import sys

import pytest

from calculators import scenario_file
from scripts.content_schema import SCHEMAS, check_content

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "docs", "content")
NAMES = sorted(n for n in os.listdir(CONTENT) if n.endswith(".yaml"))


def data(name):
    return scenario_file.load_path(os.path.join(CONTENT, name))


def problems(name, value):
    return [(e.file, e.path, e.problem) for e in check_content(name, value)]


def test_every_content_file_has_a_schema_and_fits_it():
    assert [n for n in NAMES if not n.startswith("city-")] == sorted(SCHEMAS)
    assert "city-hangzhou.yaml" in NAMES and "city-ningbo.yaml" in NAMES  # city sections: one schema, CITY
    for name in NAMES:
        assert problems(name, data(name)) == [], name


def test_an_unquoted_comma_in_a_flow_mapping_is_caught():
    # The bug of issue 7: {zh: …, en: other (secondary hospitals, pharmacies)} parses as a stray key.
    spec = scenario_file.loads(
        "fields:\n  level:\n    name: claims.0.level\n    type: select\n"
        "    label: {zh: 医疗机构, en: Where}\n"
        "    options:\n      - {value: other, zh: 其他, en: other (secondary hospitals, pharmacies)}\npages: []\n"
    )
    assert problems("calculators.yaml", spec) == [
        ("docs/content/calculators.yaml", "fields.level.options[0].pharmacies)", "unknown key")
    ]


def test_missing_key_and_wrong_type_are_named_with_their_path():
    qa = data("nb-qa.yaml")
    question = qa["chapters"][0]["questions"][0]
    question.pop("answer")
    question["number"] = "three"
    assert problems("nb-qa.yaml", qa) == [
        ("docs/content/nb-qa.yaml", "chapters[0].questions[0].answer", "missing"),
        ("docs/content/nb-qa.yaml", "chapters[0].questions[0].number", "must be a whole number"),
    ]


def test_a_comparison_row_must_declare_what_it_compares():
    spec = data("compare.yaml")
    spec["sections"][0]["rows"][0]["compares"] = "percent"
    spec["sections"][0]["rows"][1]["hangzhou"] = {"param": "contribution/employee_rate"}
    found = problems("compare.yaml", spec)
    assert (
        "docs/content/compare.yaml",
        "sections[0].rows[0].compares",
        "must be one of patient_share, fund_share, points, as_stated",
    ) in found
    assert any(path == "sections[0].rows[1].hangzhou" for _, path, _ in found)


def test_a_bad_content_file_stops_the_build(tmp_path):
    # generate_pages exits 1 and names the problem; nothing is half-written silently.
    script = (
        "import sys; import scripts.content_schema as c; import scripts.generate_pages as g; "
        "c.SCHEMAS['about.yaml'] = dict(c.SCHEMAS['about.yaml'], extra=c.TEXT); "
        "sys.exit(g.main([sys.argv[1]]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert "docs/content/about.yaml: extra: missing" in run.stderr


@pytest.mark.parametrize("name", ["home.yaml", "glossary.yaml"])
def test_text_must_be_given_in_both_languages(name):
    value = data(name)
    target = value["terms"][0]["explain"] if name == "glossary.yaml" else value["intro"]
    target.pop("en")
    assert [p for _, p, _ in problems(name, value)] == [
        ("terms[0].explain.en" if name == "glossary.yaml" else "intro.en")
    ]
