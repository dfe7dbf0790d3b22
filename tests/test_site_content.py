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
from scripts.figures import chinese_number
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
    numerals = {chinese_number(n): n for n in range(1, 100)}
    with open(path, encoding="utf-8") as handle:
        return {numerals[m] for m in re.findall(pattern, handle.read(), re.M) if m in numerals}


def questions(*names) -> list:
    found = []
    for name in names:
        for chapter in scenario_file.load_path(os.path.join(CONTENT, name))["chapters"]:
            found += [(chapter["id"], q) for q in chapter["questions"]]
    return found


@pytest.mark.parametrize("names, seed, pattern, city, count", [
    (("hz-handbook-1.yaml", "hz-handbook-2.yaml"), "000_0f0dacf2cab3f8de.txt", r"^([一二三四五六七八九十]+)、", "hangzhou", 32),
    (("nb-qa.yaml",), "004_070c7f90344367f0.txt", r"^（([一二三四五六七八九十]+)）", "ningbo", 18),
])
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
        assert not stray, (page, "digits typed outside fig()/art(): " + repr(re.findall(r".{0,30}[0-9].{0,30}", "".join(article.free_text))[:3]))
        for ref, text in article.figs:
            numbers = yaml_numbers(policy_text(ref), ref.endswith("#complement"))
            for token in re.findall(r"\d[\d,]*(?:\.\d+)?", text):
                assert round(float(token.rstrip(",").replace(",", "")), 4) in numbers, (page, ref, text)


def test_english_pages_have_no_untranslated_chinese_and_match_the_chinese_pages(site):
    zh_pages, en_pages = generated_pages(site["dir"], "zh"), generated_pages(site["dir"], "en")
    assert zh_pages == en_pages
    for page in zh_pages + ["index.html"]:
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
            target = os.path.join(site["dir"], url.lstrip("/")) if url.startswith("/") else \
                os.path.join(os.path.dirname(path), url) if url else path
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
                assert re.search(r'<div class="yb-calc">\s*<p>[^<]*<a href="[^"]*calculators/', section), (lang, city, q["id"])
