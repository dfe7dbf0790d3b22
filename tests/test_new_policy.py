"""Acceptance of issue 10: a new city or a new edition is YAML under policies/ and a stub under
docs/content/, nothing else. Each scenario edits a temporary copy of the repository, builds it
the way scripts/build_site.sh does (compile, generate, mkdocs --strict per language; no wheel,
no Pyodide), and reads the CLI's JSON and the built pages. Every generator that ignored the
registry would leave the new policy or edition out of a page checked here.
"""

import json
import os
import re
import subprocess
import sys

import pytest

from calculators import api, present, registry, scenario_file
from scripts import generate_calculators
from scripts.generate_pages import load, qa_files
from scripts.policies import load_tree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What a build reads; the shared installs are linked, not copied.
COPIED = ("calculators", "scripts", "policies", "docs", "mkdocs.yml", "pyproject.toml", ".gitignore")
LINKED = (".venv", "node_modules")
ALLOWED = ("policies/", "docs/content/")
# Regenerated from policies/ by `python -m scripts.compile_policies` (the wheel's copy).
COMPILED = "calculators/data/policies.json"
# The calculator each page's policy select offers policies for.
PAGE_CALCULATOR = {
    "outpatient": "settle",
    "inpatient": "settle",
    "year": "settle",
    "compare": "settle",
    "contribution": "contribution",
    "account": "account",
    "retirement": "retirement",
    "benefit-start": "benefit-start",
}


def run(root: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, check=False)


def copy_repository(dest: str) -> str:
    """The tracked and new (not ignored) files a build reads, in a fresh git repository so that
    what the build changes can be listed afterwards."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *COPIED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    for rel in filter(None, listed):
        source = os.path.join(ROOT, rel)
        if not os.path.isfile(source):
            continue
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(source, "rb") as src, open(target, "wb") as out:
            out.write(src.read())
    for name in LINKED:
        os.symlink(os.path.join(ROOT, name), os.path.join(dest, name))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "copy"]):
        subprocess.run(git + args, cwd=dest, check=True, capture_output=True)
    return dest


def build(root: str):
    """compile_policies, generate_pages, mkdocs --strict for both languages (build_site.sh's steps)."""
    for args in (
        ("-m", "scripts.compile_policies"),
        ("-m", "scripts.generate_pages"),
        ("-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml"),
        ("-m", "mkdocs", "build", "--strict", "--quiet", "-f", "docs/mkdocs-en.yml"),
    ):
        done = run(root, *args)
        assert done.returncode == 0, " ".join(args) + "\n" + done.stderr[-3000:]


def changed_files(root: str) -> list:
    """Tracked files the edits and the build changed, and new files outside the ignored outputs."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    return sorted(line[3:] for line in status.splitlines())


def edit(root: str, rel: str, old: str, new: str):
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert text.count(old) == 1, (rel, old)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))


def append(root: str, rel: str, text: str):
    with open(os.path.join(root, rel), "a", encoding="utf-8") as handle:
        handle.write(text)


def cli(root: str, scenario: str) -> dict:
    path = os.path.join(root, "scenario.yaml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(scenario)
    done = run(root, "-m", "calculators", "settle", path)
    os.remove(path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def page(root: str, lang: str, rel: str) -> str:
    path = os.path.join(root, "site", *(("en",) if lang == "en" else ()), rel, "index.html")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def primary_nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index('<div class="md-content"', start)]


def table_rows(html: str, heading: str) -> list:
    """The rows (each a list of cell HTML) of the table under the h2 whose text is ``heading``."""
    start = re.search(r"<h2[^>]*>" + re.escape(heading) + "</h2>", html).end()
    end = html.find("<h2", start)
    table = html[start : end if end > 0 else len(html)]
    return [
        re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    ]


def policy_options(html: str) -> list:
    select = re.search(r'<select [^>]*name="policy"[^>]*>(.*?)</select>', html, re.DOTALL).group(1)
    return sorted(re.findall(r'<option value="([^"]+)"', select))


# The stub a new city needs in docs/content/ (see docs/content/README.md, "Cities").
CITY_STUB = "city: testcity\nname: {zh: 测试市, en: Testcity}\npolicy: testcity-employee\n"
# In service, aged 40, no account, one 3,000-yuan outpatient claim at a tertiary hospital.
CLAIM = (
    'policy: {}\ndate: "{}"\nperson: {{status: in_service, age: 40, account: 0}}\n'
    'claims:\n  - {{kind: outpatient, level: tertiary, amount: "3000"}}\n'
)


@pytest.fixture(scope="module")
def new_city(tmp_path_factory):
    root = copy_repository(str(tmp_path_factory.mktemp("new-city")))
    folder = os.path.join(root, "policies", "testcity-employee")
    subprocess.run(["cp", "-r", os.path.join(root, "policies", "ningbo-employee"), folder], check=True)
    rel = "policies/testcity-employee/policy.yaml"
    edit(root, rel, "city: ningbo", "city: testcity")
    edit(root, rel, "zh: 宁波市区职工基本医疗保险", "zh: 测试市职工基本医疗保险")
    edit(
        root,
        rel,
        "en: Ningbo urban-area employee basic medical insurance",
        "en: Testcity employee basic medical insurance",
    )
    edit(
        root,
        rel,
        "name: {zh: 宁波市区职工医保, en: Ningbo employee insurance}",
        "name: {zh: 测试市职工医保, en: Testcity employee insurance}",
    )
    append(root, "docs/content/city-testcity.yaml", CITY_STUB)
    build(root)
    return root


def test_a_new_city_changes_nothing_outside_policies_and_content(new_city):
    outside = [f for f in changed_files(new_city) if not f.startswith(ALLOWED)]
    assert outside == [COMPILED]


def test_the_cli_settles_the_new_city_as_ningbo(new_city):
    ningbo = cli(new_city, CLAIM.format("ningbo-employee", "2025-06-01"))
    copy = cli(new_city, CLAIM.format("testcity-employee", "2025-06-01"))
    # Self-pay segment 900 (in service, under 45: Q7); the rest 2,100 at 75% fund = 1,575;
    # the patient pays 900 + 525 = 1,425.
    assert (copy["fund"], copy["personal"], copy["policy"]) == (1575, 1425, "testcity-employee")
    assert json.dumps(copy).replace("testcity-employee", "ningbo-employee") == json.dumps(ningbo)


@pytest.mark.parametrize("lang, name", [("zh", "测试市"), ("en", "Testcity")])
def test_the_new_city_is_in_the_navigation(new_city, lang, name):
    nav = primary_nav(page(new_city, lang, ""))
    assert re.search(r">\s*" + name + r"\s*<", nav), "no section named " + name
    assert 'href="testcity/"' in nav
    # Every page keeps the cities it had.
    assert 'href="ningbo/"' in nav and 'href="hangzhou/"' in nav


@pytest.mark.parametrize("lang, name", [("zh", "测试市"), ("en", "Testcity")])
def test_the_new_city_is_in_the_comparison_tables(new_city, lang, name):
    cities, charts = page(new_city, lang, "compare/cities").split('id="curves"', 1)
    # The inpatient-bill charts under the tables: one per status and level for each policy whose
    # family draws them, the new one (Ningbo's family) included.
    assert charts.count('class="yb-curve-box"') == 3 * 2 * 3 and name + "</h3>" in charts
    heads = re.findall(r"<th[^>]*>(.*?)</th>", re.search(r"<thead>(.*?)</thead>", cities, re.DOTALL).group(1))
    assert heads == (["项目", "杭州", "宁波", "测试市"] if lang == "zh" else ["Item", "Hangzhou", "Ningbo", "Testcity"])
    column = heads.index(name)
    rows = re.findall(r"<tr>(.*?)</tr>", cities, re.DOTALL)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL) for row in rows]
    cells = [row for row in cells if row]
    # Every row has the new column, read from the new policy's copy of Ningbo's parameter.
    assert len(cells) > 20
    for row in cells:
        assert len(row) == len(heads) and 'data-fig="testcity-employee/' in row[column], row[0]
    status = page(new_city, lang, "compare/status")
    assert ("测试市职工基本医疗保险" if lang == "zh" else "Testcity employee basic medical insurance") in status


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_calculator_offering_the_new_policy_lists_it(new_city, lang):
    with open(os.path.join(new_city, COMPILED), encoding="utf-8") as handle:
        bundle = json.load(handle)
    name = bundle["policies"]["testcity-employee"]["name"][lang]
    for page_id, calculator in PAGE_CALCULATOR.items():
        offered = registry.policy_ids(bundle, calculator)
        employee = [p for p in offered if bundle["policies"][p]["scheme"] == "employee"]
        assert "testcity-employee" in employee, calculator
        html = page(new_city, lang, "calculators/" + page_id)
        if page_id == "compare":  # one column per employee policy, the new one included
            # The build-time example settles the bill in one column per employee policy.
            columns = re.findall(r'<div class="yb-col"><h3>([^<]*)</h3>', html)
            assert columns == [bundle["policies"][p]["title"][lang] for p in employee]
            continue
        options = policy_options(html)
        assert set(employee) <= set(options) <= set(offered), page_id
        assert name in html, page_id
    # A field limited to Ningbo's rule family applies to its copy too (age: Ningbo's bands by age).
    age = re.search(
        r'<div class="yb-field" data-policies="([^"]*)"><label for="f-outpatient-person-age"',
        page(new_city, lang, "calculators/outpatient"),
    )
    assert age.group(1).split() == ["ningbo-employee", "testcity-employee"]


# A third Hangzhou edition: from 2026-01-01, the in-service outpatient deductible 1,000 → 1,100.
EDITION = """  - id: "2026"
    from: 2026-01-01
    source: hz-test-2026
    title: {zh: 2026年测试版, en: 2026 test edition}
"""
SOURCE = """  - id: hz-test-2026
    kind: primary
    seed: none
    title: {zh: 测试文件, en: A test document}
    publisher: {zh: 测试, en: Test}
    dated: {zh: 测试用。, en: For the test.}
"""
DEDUCTIBLE = "policies/hangzhou-employee/outpatient/deductible/in_service.yaml"


@pytest.fixture(scope="module")
def new_edition(tmp_path_factory):
    root = copy_repository(str(tmp_path_factory.mktemp("new-edition")))
    edit(root, "policies/hangzhou-employee/policy.yaml", "# The registry:", EDITION + "# The registry:")
    append(root, "policies/sources.yaml", SOURCE)
    append(
        root,
        DEDUCTIBLE,
        "  - from: 2026-01-01\n    value: 1100\n    source: hz-test-2026\n    article: {zh: 第一条, en: Art. 1}\n",
    )
    build(root)
    return root


def test_a_new_edition_changes_nothing_outside_policies(new_edition):
    assert [f for f in changed_files(new_edition) if not f.startswith("policies/")] == [COMPILED]


def test_the_cli_picks_the_edition_by_date(new_edition):
    before = cli(new_edition, CLAIM.format("hangzhou-employee", "2025-12-31"))
    after = cli(new_edition, CLAIM.format("hangzhou-employee", "2026-01-01"))
    # 2024 edition: deductible 1,000; the rest 2,000 at 76% fund = 1,520; patient 1,000 + 480 = 1,480.
    assert (before["edition"]["id"], before["fund"], before["personal"]) == ("2024", 1520, 1480)
    # 2026 edition: deductible 1,100; the rest 1,900 at 76% fund = 1,444; patient 1,100 + 456 = 1,556.
    assert (after["edition"]["id"], after["fund"], after["personal"]) == ("2026", 1444, 1556)
    # The calculators label the result with the edition used (the slip as the browser renders it).
    with open(os.path.join(new_edition, COMPILED), encoding="utf-8") as handle:
        bundle = json.load(handle)
    result = api.run(
        "settle", scenario_file.loads(CLAIM.format("hangzhou-employee", "2026-01-01")), "2026-01-01", bundle
    )
    assert "2026年测试版" in present.render("settle", result, "zh", {})
    assert "2026 test edition" in present.render("settle", result, "en", {})


@pytest.mark.parametrize(
    "lang, changed, title", [("zh", "有变化", "2026年测试版"), ("en", "Changed", "2026 test edition")]
)
def test_the_editions_page_shows_three_columns_with_the_change_marked(new_edition, lang, changed, title):
    html = page(new_edition, lang, "compare/editions")
    rows = table_rows(html, changed)
    assert len(rows[0]) == 4 and title in rows[0][3]  # item, handbook, 2024, 2026
    row = next(r for r in rows if 'data-fig="hangzhou-employee/outpatient/deductible/in_service#label"' in r[0])
    assert [("<mark>" in cell) for cell in row[1:]] == [False, False, True]
    assert "1,000" in row[1] and "1,000" in row[2] and "1,100" in row[3]
    # Nothing else changed in 2026: no other row is marked in its column.
    assert [r[0] for r in rows[1:] if "<mark>" in r[3]] == [row[0]]


def test_calculator_examples_come_from_the_build_bundle_not_the_checked_in_json(tmp_path):
    """The page generator hands its bundle to the calculator pages: a changed YAML value shows in
    the example slip before calculators/data/policies.json is recompiled."""
    bundle = load_tree()
    bundle["policies"]["hangzhou-employee"]["parameters"]["outpatient/deductible/in_service"]["values"][0]["value"] = (
        110000
    )
    generate_calculators.write_all(str(tmp_path), bundle, "en", qa_files(), load)
    with open(tmp_path / "calculators" / "outpatient.md", encoding="utf-8") as handle:
        slip = handle.read()
    # The outpatient example: Hangzhou, in service, 3,000 yuan at a tertiary hospital; the account
    # pays 800 first, leaving 2,200. Deductible now 1,100 (was 1,000): the rest 1,100 at 76% fund
    # = 836 (was 1,200 × 76% = 912); the patient pays 1,100 + 264 = 1,364 (was 1,000 + 288 = 1,288).
    assert "836.00" in slip and "1,364.00" in slip
    assert "912.00" not in slip and "1,288.00" not in slip
