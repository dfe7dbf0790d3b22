"""docs/content/calculators.yaml reads as written: every label, help line and option is whole.

An unquoted comma inside a YAML flow mapping ({en: other (secondary hospitals, pharmacies)})
silently cuts the text and makes the rest a stray key; these checks fail on that.
"""

import os

from calculators import scenario_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = scenario_file.load_path(os.path.join(ROOT, "docs", "content", "calculators.yaml"))
FIELD_KEYS = {
    "name",
    "type",
    "label",
    "help",
    "families",
    "options",
    "options_from",
    "scheme",
    "optional",
    "default_from",
    "label_from",
}


def texts(spec):
    """(where, mapping) for every bilingual text of a field."""
    for key in ("label", "help"):
        if key in spec:
            yield key, spec[key]
    for option in spec.get("options", []):
        yield "option " + str(option.get("value")), {k: v for k, v in option.items() if k != "value"}


def test_every_label_help_and_option_is_exactly_zh_and_en():
    for field, spec in SPEC["fields"].items():
        assert set(spec) <= FIELD_KEYS, (field, set(spec) - FIELD_KEYS)
        for where, text in texts(spec):
            assert set(text) == {"zh", "en"}, (field, where, text)
            assert all(isinstance(v, str) and v.strip() for v in text.values()), (field, where, text)


def test_english_labels_keep_their_commas():
    # The texts the comma bug cut short, now whole.
    fields = SPEC["fields"]
    assert fields["category_b"]["label"]["en"] == "of which category-B self-pay (yuan, optional)"
    assert [o["en"] for o in fields["level"]["options"]][1] == "other (secondary hospitals, pharmacies)"
    assert [o["en"] for o in fields["settled"]["options"]][1] == "paid in full, claimed later"


def test_every_page_names_fields_that_exist():
    for page in SPEC["pages"]:
        for name in page["fields"] + page.get("rows", []):
            assert name in SPEC["fields"], (page["id"], name)


def test_the_ningbo_basis_default_is_rendered_from_policies_with_its_reading():
    from scripts.generate_calculators import field_html, page_fields
    from scripts.policies import load_tree

    html = field_html("retirement", page_fields(load_tree(), SPEC["fields"], "retirement", "zh")["basis"], None, "zh")
    # 22,311 (the Ningbo cap) ÷ 3 = 7,437, the average behind the 2022 bases (policy-facts).
    assert (
        'data-fig="ningbo-employee/contribution/provincial_average" data-source="policy-facts">7,437元</span>' in html
    )
    # A secondary figure: its marker is an HTML link (Markdown does not reach inside the form).
    assert '<a href="../../about/#policy-facts">〔※二手资料〕</a>' in html
    assert "2022年缴费基数" in html and "请以经办机构告知的为准" in html
    assert 'data-policies="ningbo-employee"' in html


def test_a_date_in_a_label_is_rendered_from_policies():
    import copy

    from scripts.generate_calculators import page_fields
    from scripts.policies import load_tree

    tree = load_tree()
    zh = page_fields(tree, SPEC["fields"], "retirement", "zh")
    # Ningbo Q3, 2: the minimum rose to 20 years from 2021-07-01.
    assert zh["months_before_reform"]["label"]["zh"] == "2021年7月1日前的缴费月数"
    assert page_fields(tree, SPEC["fields"], "retirement", "en")["new_after_reform"]["label"]["en"] == (
        "Joined Ningbo after 1 July 2021 (earlier years not adjusted)"
    )
    # Move the date in the data: the label follows, nothing else to edit.
    moved = copy.deepcopy(tree)
    moved["policies"]["ningbo-employee"]["parameters"]["retirement/reform_date"]["values"][-1]["value"] = "2026-01-01"
    assert page_fields(moved, SPEC["fields"], "retirement", "zh")["months_after_reform"]["label"]["zh"] == (
        "2026年1月1日起的缴费月数"
    )


def test_a_build_time_slip_names_the_scheme_from_the_builds_policies():
    import copy

    from scripts.generate_calculators import run_page
    from scripts.policies import load_tree

    tree = copy.deepcopy(load_tree())
    tree["policies"]["hangzhou-employee"]["title"]["zh"] = "测试改名的杭州职工医保"
    page = next(p for p in SPEC["pages"] if p["id"] == "inpatient")
    html = run_page(page, page["default"], SPEC["fields"], "zh", {}, tree)
    # The packaged JSON still has the old title; the build's slip must not.
    assert "测试改名的杭州职工医保" in html
