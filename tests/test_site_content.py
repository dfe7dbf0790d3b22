"""The built site: every source answered in both languages, every figure traced to policies/,
the two languages in step, every internal link and anchor resolving, and deterministic pages."""

import filecmp
import os
import re
import subprocess
import sys
from urllib.parse import urldefrag, urlparse

import pytest

from calculators import scenario_file
from calculators.wording import ordinal_zh
from scripts.policies import load_tree
from tests.sitepages import generated_pages, read_article

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")
CONTENT = os.path.join(ROOT, "docs", "content")
LANGS = ("zh", "en")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
DIGIT = re.compile(r"[0-9\uff10-\uff19]")


def lang_root(site, lang):
    return os.path.join(site["dir"], "en") if lang == "en" else site["dir"]


def source_numbers(seed: str, pattern: str) -> set:
    """The question numbers a source document uses (its own numbering, in Chinese numerals)."""
    path = os.path.join(SEEDS, seed)
    if not os.path.exists(path):
        pytest.skip("../shared/seeds is not beside the repository")
    numerals = {ordinal_zh(n): n for n in range(1, 100)}
    with open(path, encoding="utf-8") as handle:
        return {numerals[m] for m in re.findall(pattern, handle.read(), re.MULTILINE) if m in numerals}


def questions(*names) -> list:
    found = []
    for name in names:
        for chapter in scenario_file.load_path(os.path.join(CONTENT, name))["chapters"]:
            found += [(chapter["id"], q) for q in chapter["questions"]]
    return found


@pytest.mark.parametrize(
    "names, seed, pattern, city, count",
    [
        (
            ("hz-handbook-1.yaml", "hz-handbook-2.yaml"),
            "000_0f0dacf2cab3f8de.txt",
            r"^([一二三四五六七八九十]+)、",
            "hangzhou",
            32,
        ),
        (("nb-qa.yaml",), "004_070c7f90344367f0.txt", r"^（([一二三四五六七八九十]+)）", "ningbo", 18),
    ],
)
def test_every_question_of_the_source_is_answered_in_both_languages(site, names, seed, pattern, city, count):
    numbers = source_numbers(seed, pattern)
    assert numbers == set(range(1, count + 1))
    entries = questions(*names)
    assert sorted(q["number"] for _, q in entries) == sorted(numbers)
    for lang in LANGS:
        for chapter, q in entries:
            page = read_article(os.path.join(lang_root(site, lang), city, chapter, "index.html"))
            assert q["id"] in page.ids, (lang, city, q["id"])
            assert q["answer"][lang].strip() and q["question"][lang].strip()


def test_every_procedure_and_office_row_is_on_both_sites(site):
    bundle = load_tree()
    offices = bundle["offices"]["hangzhou"]["offices"]
    assert len(offices) == 20
    for lang in LANGS:
        root = lang_root(site, lang)
        for page, name in (("procedures", "hz-procedures.yaml"), ("remote", "hz-remote.yaml")):
            topics = scenario_file.load_path(os.path.join(CONTENT, name))["topics"]
            ids = read_article(os.path.join(root, "hangzhou", page, "index.html")).ids
            assert {t["id"] for t in topics} <= ids
        with open(os.path.join(root, "hangzhou", "offices", "index.html"), encoding="utf-8") as handle:
            text = handle.read()
        for row in offices:
            assert row["address"][lang] in text


def yaml_numbers(text: str, complement: bool = False) -> set:
    """Every number written in a policy file, also as a percentage where it is a share (or,
    for a cell converted to the other share, as 100 minus that percentage), and the last
    age before each age step ("from_age: 46" is rendered "45周岁（含）及以下")."""
    found = set()
    for token in re.findall(r"\d[\d,]*(?:\.\d+)?", text):
        value = float(token.rstrip(",").replace(",", ""))
        found.update({round(value, 4), round(value * 100, 4)})
        if complement and value <= 1:
            found.add(round(100 - value * 100, 4))
    found.update(int(age) - 1 for age in re.findall(r"from_age: (\d+)", text))
    return found


def policy_text(ref: str) -> str:
    """The raw YAML a figure span says it comes from."""
    ref = ref.split("#")[0]
    if ref.startswith("sources/"):
        path = os.path.join(ROOT, "policies", "sources.yaml")
    elif ref == "offices-hangzhou":
        path = os.path.join(ROOT, "policies", "offices-hangzhou.yaml")
    elif ref.endswith("/editions"):
        path = os.path.join(ROOT, "policies", ref.split("/")[0], "policy.yaml")
    else:
        path = os.path.join(ROOT, "policies", ref + ".yaml")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


@pytest.mark.parametrize("lang", LANGS)
def test_no_digit_on_a_generated_page_that_policies_do_not_hold(site, lang):
    root = lang_root(site, lang)
    pages = generated_pages(site["dir"], lang)
    assert len(pages) >= 20
    for page in pages:
        article = read_article(os.path.join(root, page))
        stray = DIGIT.findall("".join(article.free_text))
        assert not stray, (
            page,
            "digits typed outside fig()/art(): "
            + repr(re.findall(r".{0,30}[0-9].{0,30}", "".join(article.free_text))[:3]),
        )
        for ref, text in article.figs:
            numbers = yaml_numbers(policy_text(ref), ref.endswith("#complement"))
            for token in re.findall(r"\d[\d,]*(?:\.\d+)?", text):
                assert round(float(token.rstrip(",").replace(",", "")), 4) in numbers, (page, ref, text)


def test_english_pages_have_no_untranslated_chinese_and_match_the_chinese_pages(site):
    zh_pages, en_pages = generated_pages(site["dir"], "zh"), generated_pages(site["dir"], "en")
    assert zh_pages == en_pages
    for page in zh_pages:
        zh = read_article(os.path.join(site["dir"], page))
        en = read_article(os.path.join(site["dir"], "en", page))
        assert len(zh.headings) == len(en.headings), page
        leftover = CJK.findall("".join(en.non_zh_text))
        assert not leftover, (page, "".join(en.non_zh_text)[:200])


def all_html(site_dir: str) -> list:
    return [os.path.join(d, f) for d, _, files in os.walk(site_dir) for f in files if f.endswith(".html")]


def test_internal_links_and_anchors_resolve(site):
    ids = {}
    pages = all_html(site["dir"])
    for path in pages:
        ids[os.path.normpath(path)] = read_article(path).ids
    checked = 0
    for path in pages:
        for href in read_article(path).links:
            url, fragment = urldefrag(href)
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
                continue
            target = (
                os.path.join(site["dir"], url.lstrip("/"))
                if url.startswith("/")
                else os.path.join(os.path.dirname(path), url)
                if url
                else path
            )
            if os.path.isdir(target) or target.endswith("/"):
                target = os.path.join(target, "index.html")
            target = os.path.normpath(target)
            assert os.path.exists(target), (path, href)
            if fragment and target.endswith(".html"):
                assert fragment in ids[target], (path, href)
            checked += 1
    assert checked > 500


def test_generated_pages_are_byte_identical_from_the_same_input(tmp_path):
    for out in ("a", "b"):
        subprocess.run([sys.executable, "-m", "scripts.generate_pages", str(tmp_path / out)], cwd=ROOT, check=True)
    compared = filecmp.dircmp(tmp_path / "a", tmp_path / "b")
    files = 0
    for dirpath, _, names in os.walk(tmp_path / "a"):
        for name in names:
            other = os.path.join(tmp_path / "b", os.path.relpath(os.path.join(dirpath, name), tmp_path / "a"))
            assert filecmp.cmp(os.path.join(dirpath, name), other, shallow=False)
            files += 1
    assert files >= 40 and not compared.left_only and not compared.right_only


def test_calculator_links_stand_in_their_own_paragraph(site):
    for lang in LANGS:
        for city, names in (("hangzhou", ("hz-handbook-1.yaml", "hz-handbook-2.yaml")), ("ningbo", ("nb-qa.yaml",))):
            for chapter, q in questions(*names):
                if not q.get("calculators"):
                    continue
                with open(os.path.join(lang_root(site, lang), city, chapter, "index.html"), encoding="utf-8") as handle:
                    text = handle.read()
                section = text.split('id="' + q["id"] + '"', 1)[1].split("<h2", 1)[0]
                assert re.search(r'<div class="yb-calc">\s*<p>[^<]*<a href="[^"]*calculators/', section), (
                    lang,
                    city,
                    q["id"],
                )


FIG_SPAN = re.compile(
    r'<span class="fig" data-fig="([^"#]+)(?:#[a-z]+)?" data-source="([^"]+)">(.*?)</span>( ?<span class="yb-mark"><a href="([^"]*)">)?'
)


def generated_html(site):
    for lang in LANGS:
        root = lang_root(site, lang)
        for page in generated_pages(site["dir"], lang):
            with open(os.path.join(root, page), encoding="utf-8") as handle:
                yield lang, page, handle.read()


def test_every_figure_from_a_non_official_source_carries_a_visible_marker(site):
    bundle = load_tree()
    marked = 0
    for lang, page, text in generated_html(site):
        for path, source, _, mark, href in FIG_SPAN.findall(text):
            policy, key = path.split("/", 1)
            entries = bundle["policies"][policy]["parameters"][key]["values"]
            assert source in {e["source"] for e in entries}, (page, path, source)
            official = bundle["sources"][source]["kind"] == "primary"
            assert bool(mark) != official, (lang, page, path, source)
            if mark:
                assert href.endswith("about/#" + source), (page, href)
                marked += 1
    # 002 (a third-party page) and the project's secondary notes are cited on many pages.
    assert marked > 100


def test_no_such_rule_is_said_only_where_the_data_says_so(site):
    bundle = load_tree()
    said = {"silent": 0, "no_rule": 0}
    for lang, page, text in generated_html(site):
        for path, source, shown, _, _ in FIG_SPAN.findall(text):
            policy, key = path.split("/", 1)
            statuses = {
                e.get("status")
                for e in bundle["policies"][policy]["parameters"][key]["values"]
                if e["source"] == source
            }
            if "无此项规定" in shown or "no such rule" in shown:
                assert "no_rule" in statuses, (lang, page, path)
                said["no_rule"] += 1
            if "资料未载明" in shown or "not stated in the sources" in shown:
                said["silent"] += 1
        free = "".join(read_article_text(text))
        if page != "about.html" and not page.startswith("about/"):  # About explains the two words
            assert "无此项规定" not in free and "no such rule" not in free, (lang, page)
    assert said["silent"] > 20


def read_article_text(html_text: str) -> list:
    from tests.sitepages import Article

    article = Article()
    article.feed(html_text)
    return article.free_text


@pytest.mark.parametrize(
    "page",
    [
        "compare/cities/index.html",
        "compare/status/index.html",
        "compare/editions/index.html",
        "hangzhou/benefits/index.html",
        "ningbo/benefits/index.html",
        "hangzhou/procedures/index.html",
        "method/index.html",
        "index.html",
    ],
)
def test_every_page_with_figures_says_which_editions_and_how_recent(site, page):
    bundle = load_tree()
    newest = max(e["from"] for p in bundle["policies"].values() for e in p["editions"])[:4]
    for lang in LANGS:
        with open(os.path.join(lang_root(site, lang), page), encoding="utf-8") as handle:
            text = handle.read()
        stamp = text.split('class="yb-stamp"', 1)[1].split("</p>", 1)[0]
        assert ("截至" if lang == "zh" else "The sources end in ") in stamp, (lang, page)
        assert '">' + newest + "</span>" in stamp, (lang, page)
        assert ("经办机构" if lang == "zh" else "insurance office") in stamp


def test_comparison_rows_compare_like_with_like(site):
    # compare.yaml: Hangzhou states fund shares (outpatient tertiary 76%), Ningbo the patient's
    # (25%); the row compares the patient's share, so Hangzhou's cell reads 100 − 76 = 24%.
    with open(os.path.join(site["dir"], "compare", "cities", "index.html"), encoding="utf-8") as handle:
        text = handle.read()
    row = text.split("在职职工：起付标准以上个人负担比例", 1)[1].split("</tr>", 1)[0]
    assert "三级 24%" in row and "三级 25%" in row and "资料写的是基金支付比例" in row
    # Finding 1: Ningbo's 15 years is its pre-reform cumulative minimum, not a local-actual requirement.
    local = text.split("市区实际缴费年限", 1)[1].split("</tr>", 1)[0]
    assert "10年" in local and "资料未载明" in local and "15年" not in local
    # Finding 2: Hangzhou's special-disease outpatient rule (Art. 26) is stated, not "no such rule".
    special = text.split("特殊病种门诊怎么结算", 1)[1].split("</tr>", 1)[0]
    assert "不设住院起付标准" in special and "无此项规定" not in special
    # Finding 5: English band edges belong to the lower band.
    with open(os.path.join(site["dir"], "en", "compare", "cities", "index.html"), encoding="utf-8") as handle:
        en = handle.read()
    assert "over 35,000 up to 70,000 inclusive" in en and "over 70,000" in en and "70,000 and above" not in en


def test_editions_page_does_not_call_what_the_handbook_is_silent_on_a_change(site):
    with open(os.path.join(site["dir"], "compare", "editions", "index.html"), encoding="utf-8") as handle:
        text = handle.read()
    changed = text.split("<h2", 2)[1]
    newly = text.split("<h2", 3)[2]
    # Retiree outpatient deductible (300, secondary notes) and retiree rates: handbook silent → newly stated.
    assert "outpatient/deductible/retired" not in changed and "outpatient/deductible/retired" in newly
    assert "inpatient/limit" in changed  # 360,000 → 400,000: a real change


# One English term per concept: variants found on the pages (issue 9) → the glossary's term.
TERM_VARIANTS = {
    "lump-sum agreement contributor": "negotiated-payment person",
    "e-certificate": "e-credential",
    "insurance code": "e-credential",
    "record booklet": "record book",
    "family bed": "home hospital bed",
    "compliant cost": "eligible cost",
    "zhelibanapp": "zheliban app",
    "normal status": "currently normal",
}


def test_english_pages_use_the_glossary_term_for_each_concept(site):
    with open(os.path.join(site["dir"], "en", "glossary", "index.html"), encoding="utf-8") as handle:
        glossary = handle.read().lower()
    for variant, term in TERM_VARIANTS.items():
        assert variant not in glossary
        assert term in glossary or term == "currently normal", term
    for page in generated_pages(site["dir"], "en"):
        text = " ".join(
            read_article(os.path.join(site["dir"], "en", page)).free_text
            + [t for _, t in read_article(os.path.join(site["dir"], "en", page)).figs]
        ).lower()
        found = [v for v in TERM_VARIANTS if v in text]
        assert not found, (page, found)
