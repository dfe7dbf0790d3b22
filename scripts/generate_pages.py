"""Generate the Chinese and English pages from docs/content/*.yaml and policies/.

Usage: python -m scripts.generate_pages [OUT]
Writes the pages ``generated()`` lists (one folder per city of docs/content/city-*.yaml, then
GENERATED), the calculator pages and the navigation (``.nav.json``, read by
scripts/mkdocs_nav.py) under OUT/zh and OUT/en (default: docs/zh and docs/en); they are not
committed: the build makes them. Same input, byte-identical output: nothing here reads a clock
or a dict order that could differ between runs. The policies come from the registry compiled
once per build (``main``) and handed to every generator, never from the checked-in
calculators/data/policies.json.
"""

import json
import os
import sys

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from calculators import present
from scripts import generate_calculators
from scripts.compare_pages import Cells, city_rows, edition_sections, status_rows
from scripts.content_schema import ContentError, load_content
from scripts.curve_pages import Curves
from scripts.figures import Figures, mark_chinese_references, scalar_text, source_mark
from scripts.policies import ROOT, load_or_exit
from scripts.stamp import currency_line, edition_stamp

DOCS = os.path.join(ROOT, "docs")
CONTENT = os.path.join(DOCS, "content")
LANGS = ("zh", "en")
# What this script writes besides the city folders, relative to docs/<lang>/ (the rest of
# docs/<lang>/ is hand-written).
GENERATED = ("compare", "glossary.md", "about.md", "method.md", "index.md")
# Calculator pages, also generated; they show computed results, so the digit rule skips them.
CALCULATOR_PAGES = "calculators"
# Hand-written pages of docs/<lang>/, listed last in the navigation.
HAND_WRITTEN = ("developers.md", "performance.md")
NAV_FILE = ".nav.json"
CALCULATOR_TITLES = {
    "outpatient": ("门诊费用", "Outpatient bill"),
    "inpatient": ("住院费用", "Hospital bill"),
    "year": ("全年就医", "A year of visits"),
    "compare": ("两市对比", "Both cities"),
    "slip": ("看懂结算单", "Check your slip"),
    "contribution": ("缴费", "Contributions"),
    "account": ("个人账户", "Personal account"),
    "retirement": ("退休年限", "Retirement years"),
    "benefit-start": ("待遇开始", "Benefit start"),
}


def ptext(text: str, ref: str) -> Markup:
    """Text taken from policies/ (a title, a label) marked as such: its digits are policy data."""
    return Markup('<span class="fig" data-fig="{}">{}</span>').format(ref, text)


def load(name: str):
    """A content file, validated against its schema (scripts/content_schema.py)."""
    return load_content(CONTENT, name)


def cities() -> list:
    """The city sections (docs/content/city-*.yaml), in file-name order."""
    return [load(name) for name in sorted(os.listdir(CONTENT)) if name.startswith("city-") and name.endswith(".yaml")]


def qa_files() -> dict:
    """city → its Q&A content files (the calculators link steps to the answers citing them)."""
    return {city["city"]: city["qa"]["files"] for city in cities() if "qa" in city}


def generated() -> tuple:
    """Everything this script writes into docs/<lang>/ but the calculator pages."""
    return tuple(city["city"] for city in cities()) + GENERATED


def employee_policies(bundle: dict) -> list:
    """The registry's employee-scheme policies, the columns of the city comparisons."""
    return [p for p in sorted(bundle["policies"]) if bundle["policies"][p]["scheme"] == "employee"]


class Writer:
    """Renders the pages of one language."""

    def __init__(self, bundle: dict, lang: str, out: str = DOCS, curves=None):
        """``curves``: the build's charts, computed once for both languages (scripts/curve_pages.py)."""
        self.bundle = bundle
        self.lang = lang
        self.out = os.path.join(out, lang)
        self.env = Environment(
            loader=FileSystemLoader(os.path.join(DOCS, "templates")),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(lang=lang, t=self.t, sources=bundle["sources"], ptext=ptext)
        self.cities = cities()
        self.curves = curves or Curves(bundle)

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def text(self, template: str, figures: Figures) -> str:
        """Content text with its fig()/art() calls rendered; on English pages a Chinese term
        glossed in brackets after its translation is marked lang="zh" (for screen readers)."""
        if self.lang == "en":
            template = mark_chinese_references(template)
        return self.env.from_string(template).render(fig=figures.fig, art=figures.art, tel=figures.tel).strip()

    def write(self, rel: str, template: str, **context):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        depth = rel.count("/")
        context.setdefault("up", "../" * depth)
        page = self.env.get_template(template).render(**context)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(page.rstrip() + "\n")

    def calculator_links(self, ids: list, up: str) -> list:
        """Links to the calculator pages named in the content (written first, so they exist)."""
        links = []
        for calc in ids or []:
            if os.path.exists(os.path.join(self.out, "calculators", calc + ".md")):
                links.append(
                    {"href": up + "calculators/" + calc + ".md", "title": CALCULATOR_TITLES[calc][self.lang != "zh"]}
                )
        return links

    def qa(self, city: str, files: list, numbering: str, city_name: str) -> list:
        chapters = []
        for name in files:
            data = load(name)
            source = dict(self.bundle["sources"][data["source"]], id=data["source"])
            figures = Figures(self.bundle, self.lang, numbering)
            for chapter in data["chapters"]:
                for q in chapter["questions"]:
                    q["answer_html"] = self.text(q["answer"][self.lang], figures)
                    q["calculator_links"] = self.calculator_links(q.get("calculators"), "../")
                self.write(
                    city + "/" + chapter["id"] + ".md",
                    "qa_chapter.md.j2",
                    chapter=chapter,
                    source=source,
                    art=figures.art,
                    stamp=self.stamp((data["policy"],)),
                    city=city_name,
                    curves=self.curve_section([data["policy"]]) if chapter.get("curves") else "",
                )
                chapters.append(chapter)
        return chapters

    def topics(self, rel: str, name: str, title: dict, boost: int, menus_note: bool = False):
        """A page of procedure topics; ``menus_note`` warns that app and web menus may have
        changed since the printed guide."""
        data = load(name)
        figures = Figures(self.bundle, self.lang)
        sections = (("conditions", ("办理条件", "Conditions")), ("materials", ("申请材料", "What to bring")))
        topics = []
        for topic in data["topics"]:
            item = {
                "id": topic["id"],
                "title": topic["title"],
                "summary": self.text(topic["summary"][self.lang], figures),
                "sections": [],
                "routes": [],
                "calculator_links": self.calculator_links(topic.get("calculators"), "../"),
            }
            for key, heading in sections:
                if key in topic:
                    item["sections"].append(
                        {
                            "title": heading[self.lang != "zh"],
                            "items": [self.text(x, figures) for x in topic[key][self.lang]],
                        }
                    )
            for key in topic:
                if key not in ("id", "title", "summary", "conditions", "materials", "routes", "calculators"):
                    raise ValueError(name + ": topic " + topic["id"] + ": unknown key " + key)
            for route in topic.get("routes", []):
                item["routes"].append(
                    {"title": route["title"], "steps": [self.text(x, figures) for x in route["steps"][self.lang]]}
                )
            topics.append(item)
        self.write(
            rel,
            "topics.md.j2",
            page_title=title,
            topics=topics,
            source=self.bundle["sources"][data["source"]],
            stamp=self.stamp((data["policy"],)),
            menus_note=menus_note,
            boost=boost,
        )
        return topics

    def stamp(self, policy_ids=None, up: str = "../") -> Markup:
        """The edition stamp of the given policies (default: every employee policy)."""
        return edition_stamp(self.bundle, list(policy_ids or employee_policies(self.bundle)), self.lang, up)

    def column_title(self, policy_id: str) -> str:
        """A policy's column heading: its city's name where the content has a city section."""
        names = [c["name"][self.lang] for c in self.cities if c["policy"] == policy_id]
        return names[0] if names else self.bundle["policies"][policy_id]["name"][self.lang]

    def curve_section(self, policy_ids: list) -> dict:
        """The heading and charts for pages that show the inpatient-bill curve ("" if none)."""
        if not self.curves.charted(policy_ids):
            return ""
        titles = {p: self.column_title(p) for p in policy_ids}
        return {
            "heading": present.word("curve_heading", self.lang),
            "html": self.curves.section(policy_ids, self.lang, titles),
        }

    def compare_cities(self):
        spec = load("compare.yaml")
        figures = Figures(self.bundle, self.lang)
        cells = Cells(self.bundle, self.lang)
        policies = employee_policies(self.bundle)
        columns = [self.column_title(p) for p in policies]
        sections = [
            dict(s, columns=columns)
            for s in city_rows(cells, spec, lambda text: Markup(self.text(text, figures)), policies)
        ]
        self.write(
            "compare/cities.md",
            "compare.md.j2",
            title=spec["title"][self.lang],
            intro=spec["intro"][self.lang],
            sections=sections,
            stamp=self.stamp(),
            curves=self.curve_section(policies),
        )

    def compare_status(self):
        cells = Cells(self.bundle, self.lang)
        columns = [self.t("在职", "In service"), self.t("退休", "Retired")]
        sections = [
            {
                "title": self.bundle["policies"][policy]["title"][self.lang],
                "columns": columns,
                "rows": status_rows(cells, policy),
            }
            for policy in employee_policies(self.bundle)
        ]
        self.write(
            "compare/status.md",
            "compare.md.j2",
            title=self.t("在职与退休对比", "In service and retired compared"),
            intro=self.t(
                "同一城市在职职工与退休人员的规定并排列出；“资料未载明”表示资料没有给出。杭州的在职职工分册只写在职职工，退休人员的数字来自较新的网页和二手资料，格内有标记。",
                "The rules for in-service employees and retirees side by side; “not stated in the sources” means the sources give no figure. Hangzhou's handbook is written for in-service employees only: the retiree figures come from the newer web page and secondary notes, marked in the cell.",
            ),
            sections=sections,
            stamp=self.stamp(),
        )

    def compare_editions(self):
        """Edition beside edition, for every policy with more than one (sections named by the
        policy when there are several)."""
        policies = [p for p in sorted(self.bundle["policies"]) if len(self.bundle["policies"][p]["editions"]) > 1]
        cells = Cells(self.bundle, self.lang)
        sections = []
        for policy in policies:
            editions = self.bundle["policies"][policy]["editions"]
            changed, stated, same = edition_sections(cells, policy)
            columns = [ptext(e["title"][self.lang], policy + "/editions") for e in editions]
            every = self.t("两版数字", "Both editions") if len(editions) == 2 else self.t("各版数字", "Every edition")
            titles = (
                self.t("有变化", "Changed"),
                self.t("较新版本新载明（分册未载明，不是变化）", "Newly stated (the handbook is silent: not a change)"),
                self.t("两版相同", "The same in both")
                if len(editions) == 2
                else self.t("各版相同", "The same in every edition"),
            )
            prefix = (
                self.bundle["policies"][policy]["name"][self.lang] + self.t("：", ": ") if len(policies) > 1 else ""
            )
            sections += [
                {"title": prefix + titles[0], "columns": columns, "rows": changed},
                {"title": prefix + titles[1], "columns": columns, "rows": stated},
                {"title": prefix + titles[2], "columns": [every], "rows": same},
            ]
        self.write(
            "compare/editions.md",
            "compare.md.j2",
            title=self.t("杭州：各版本对比", "Hangzhou: the editions compared"),
            intro=self.t(
                "较新的版本是一个第三方网页（本地宝）转述的规则，不是医保部门的原文。在职职工分册只写在职职工，没有写的项目不算“变化”，单列为“新载明”。",
                "The newer edition is a third-party page (Bendibao) quoting the rules, not the insurance office's own text. The handbook is written for in-service employees: what it does not state is not a change, and is listed apart as newly stated.",
            ),
            sections=sections,
            stamp=self.stamp(policies),
        )

    def city_index(self, city: str, title: dict, groups: list, phones: tuple = ()):
        """A city's index: its pages by group, then its hotlines (label, parameter) as tel: links."""
        lines = ["# " + title[self.lang], ""]
        if not groups:  # a city section that is only a stub so far
            lines += [
                self.t(
                    "本站还没有写这个城市的问答。它的数字见[城市对比](../compare/cities.md)和[计算器](../calculators/index.md)。",
                    "There are no questions and answers for this city yet. Its figures are in the "
                    "[city comparison](../compare/cities.md) and the [calculators](../calculators/index.md).",
                ),
                "",
            ]
        for heading, entries in groups:
            lines += ["## " + heading, ""]
            for text, href in entries:
                lines.append("- [" + text + "](" + href + ")")
            lines.append("")
        if phones:
            figures = Figures(self.bundle, self.lang)
            lines += ["## " + self.t("电话咨询（工作时间）", "By phone (working hours)"), ""]
            lines += ["- " + label + self.t("：", ": ") + figures.tel(path) for label, path in phones] + [""]
        path = os.path.join(self.out, city, "index.md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines).rstrip() + "\n")

    def article(self, rel: str, name: str):
        """A page of titled sections (the calculation method)."""
        data = load(name)
        figures = Figures(self.bundle, self.lang, up="../" * rel.count("/"))
        sections = [
            {"id": s["id"], "title": s["title"][self.lang], "body": self.text(s["body"][self.lang], figures)}
            for s in data["sections"]
        ]
        self.write(
            rel,
            "article.md.j2",
            title=data["title"][self.lang],
            intro=self.text(data["intro"][self.lang], figures),
            sections=sections,
            stamp=self.stamp(sorted(self.bundle["policies"]), ""),
        )

    def home(self):
        data = load("home.yaml")
        figures = Figures(self.bundle, self.lang, up="")
        parts = {
            key: Markup(self.text(data[key][self.lang], figures)) for key in ("title", "intro", "calculators", "body")
        }
        self.write("index.md", "home.md.j2", stamp=self.stamp(up=""), **parts)

    def about(self):
        about = load("about.yaml")
        figures = Figures(self.bundle, self.lang, up="")
        about = {key: {self.lang: self.text(value[self.lang], figures)} for key, value in about.items()}
        policies = []
        for policy_id in sorted(self.bundle["policies"]):
            policy = self.bundle["policies"][policy_id]
            editions = [
                dict(
                    e,
                    from_text=scalar_text("date", e["from"], self.lang),
                    mark=source_mark(self.bundle["sources"][e["source"]], e["source"], self.lang, ""),
                )
                for e in policy["editions"]
            ]
            policies.append({"id": policy_id, "title": policy["title"], "editions": editions})
        source_list = []
        for source_id in sorted(self.bundle["sources"]):
            source = dict(self.bundle["sources"][source_id])
            source["dated_html"] = Markup('<span class="fig" data-fig="sources/{}">{}</span>').format(
                source_id, source["dated"][self.lang]
            )
            source_list.append(source)
        self.write(
            "about.md",
            "about.md.j2",
            about=about,
            policies=policies,
            source_list=source_list,
            currency=currency_line(self.bundle, self.lang),
        )

    def city(self, city: dict) -> list:
        """A city's pages (its Q&A chapters, topic pages, offices) and its index; returns their
        paths for the navigation, index first."""
        here = city["city"]
        pages, groups = [], []
        if "qa" in city:
            chapters = self.qa(here, city["qa"]["files"], city["qa"]["numbering"], city["name"][self.lang])
            pages += [here + "/" + c["id"] + ".md" for c in chapters]
            groups.append(
                (city["qa"]["title"][self.lang], [(c["title"][self.lang], c["id"] + ".md") for c in chapters])
            )
        if "topics" in city:
            entries = []
            for spec in city["topics"]["pages"]:
                rel = here + "/" + spec["page"] + ".md"
                topics = self.topics(rel, spec["file"], spec["title"], spec["boost"], spec.get("menus_note", False))
                pages.append(rel)
                entries += [(x["title"][self.lang], spec["page"] + ".md#" + x["id"]) for x in topics]
            if "offices" in city["topics"]:
                self.write(here + "/offices.md", "offices.md.j2", table=self.bundle["offices"][here])
                pages.append(here + "/offices.md")
                entries.append((city["topics"]["offices"][self.lang], "offices.md"))
            groups.append((city["topics"]["title"][self.lang], entries))
        phones = [(p["label"][self.lang], p["param"]) for p in city.get("phones", [])]
        self.city_index(here, self.bundle["policies"][city["policy"]]["title"], groups, phones)
        return [here + "/index.md"] + pages

    def navigation(self, city_pages: list) -> list:
        """Both languages' navigation, from the cities and the calculator pages."""
        t = self.t
        calculators = ["calculators/index.md"] + [
            "calculators/" + p["id"] + ".md" for p in load("calculators.yaml")["pages"]
        ]
        return (
            [{t("首页", "Home"): "index.md"}]
            + [{city["name"][self.lang]: pages} for city, pages in zip(self.cities, city_pages)]
            + [
                {t("计算器", "Calculators"): calculators + ["method.md"]},
                {t("对比", "Compare"): ["compare/cities.md", "compare/status.md", "compare/editions.md"]},
                {t("术语表", "Glossary"): "glossary.md"},
                {t("关于本站", "About this site"): ["about.md"] + list(HAND_WRITTEN)},
            ]
        )

    def run(self):
        generate_calculators.write_all(self.out, self.bundle, self.lang, qa_files(), load)
        city_pages = [self.city(city) for city in self.cities]
        self.compare_cities()
        self.compare_status()
        self.compare_editions()
        figures = Figures(self.bundle, self.lang, up="")
        terms = [
            dict(term, explain_html=Markup(self.text(term["explain"][self.lang], figures)))
            for term in load("glossary.yaml")["terms"]
        ]
        self.write("glossary.md", "glossary.md.j2", terms=terms, stamp=self.stamp(up=""))
        self.article("method.md", "method.yaml")
        self.about()
        self.home()
        with open(os.path.join(self.out, NAV_FILE), "w", encoding="utf-8") as handle:
            json.dump(self.navigation(city_pages), handle, ensure_ascii=False, indent=1)


def main(argv: list) -> int:
    bundle = load_or_exit()
    out = argv[0] if argv else DOCS
    try:
        curves = Curves(bundle)
        for lang in LANGS:
            Writer(bundle, lang, out, curves).run()
    except ContentError as exc:
        sys.stderr.write("docs/content/ has problems:\n" + str(exc) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
