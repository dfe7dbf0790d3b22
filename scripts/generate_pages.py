"""Generate the Chinese and English pages from docs/content/*.yaml and policies/.

Usage: python -m scripts.generate_pages [OUT]
Writes the pages listed in GENERATED under OUT/zh and OUT/en (default: docs/zh and docs/en) (they are not committed: the
build makes them). Same input, byte-identical output: nothing here reads a clock or a dict
order that could differ between runs.
"""

import os
import sys

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts import generate_calculators
from scripts.compare_pages import Cells, city_rows, edition_sections, status_rows
from scripts.content_schema import ContentError, load_content
from scripts.figures import Figures, mark_chinese_references, scalar_text, source_mark
from scripts.policies import ROOT, load_or_exit
from scripts.stamp import currency_line, edition_stamp

DOCS = os.path.join(ROOT, "docs")
CONTENT = os.path.join(DOCS, "content")
LANGS = ("zh", "en")
# Everything this script writes, relative to docs/<lang>/ (the rest of docs/<lang>/ is hand-written).
GENERATED = ("hangzhou", "ningbo", "compare", "glossary.md", "about.md", "method.md", "index.md")
# Calculator pages, also generated; they show computed results, so the digit rule skips them.
CALCULATOR_PAGES = "calculators"
CITY_NAMES = {"hangzhou": {"zh": "杭州", "en": "Hangzhou"}, "ningbo": {"zh": "宁波", "en": "Ningbo"}}
QA_FILES = {"hangzhou": ("hz-handbook-1.yaml", "hz-handbook-2.yaml"), "ningbo": ("nb-qa.yaml",)}
CALCULATOR_TITLES = {
    "outpatient": ("门诊费用", "Outpatient bill"), "inpatient": ("住院费用", "Hospital bill"),
    "year": ("全年就医", "A year of visits"), "compare": ("两市对比", "Both cities"),
    "contribution": ("缴费", "Contributions"), "account": ("个人账户", "Personal account"),
    "retirement": ("退休年限", "Retirement years"), "benefit-start": ("待遇开始", "Benefit start"),
}


def ptext(text: str, ref: str) -> Markup:
    """Text taken from policies/ (a title, a label) marked as such: its digits are policy data."""
    return Markup('<span class="fig" data-fig="{}">{}</span>').format(ref, text)


def load(name: str):
    """A content file, validated against its schema (scripts/content_schema.py)."""
    return load_content(CONTENT, name)


class Writer:
    """Renders the pages of one language."""

    def __init__(self, bundle: dict, lang: str, out: str = DOCS):
        self.bundle = bundle
        self.lang = lang
        self.out = os.path.join(out, lang)
        self.env = Environment(loader=FileSystemLoader(os.path.join(DOCS, "templates")), undefined=StrictUndefined,
                               keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(lang=lang, t=self.t, sources=bundle["sources"], ptext=ptext)

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
                links.append({"href": up + "calculators/" + calc + ".md", "title": CALCULATOR_TITLES[calc][self.lang != "zh"]})
        return links

    def qa(self, city: str, files: list, numbering: str) -> list:
        chapters = []
        for name in files:
            data = load(name)
            source = dict(self.bundle["sources"][data["source"]], id=data["source"])
            figures = Figures(self.bundle, self.lang, numbering)
            for chapter in data["chapters"]:
                for q in chapter["questions"]:
                    q["answer_html"] = self.text(q["answer"][self.lang], figures)
                    q["calculator_links"] = self.calculator_links(q.get("calculators"), "../")
                self.write(city + "/" + chapter["id"] + ".md", "qa_chapter.md.j2", chapter=chapter, source=source,
                           art=figures.art, stamp=self.stamp((data["policy"],)), city=CITY_NAMES[city][self.lang])
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
            item = {"id": topic["id"], "title": topic["title"], "summary": self.text(topic["summary"][self.lang], figures),
                    "sections": [], "routes": [], "calculator_links": self.calculator_links(topic.get("calculators"), "../")}
            for key, heading in sections:
                if key in topic:
                    item["sections"].append({"title": heading[self.lang != "zh"],
                                             "items": [self.text(x, figures) for x in topic[key][self.lang]]})
            for key in topic:
                if key not in ("id", "title", "summary", "conditions", "materials", "routes", "calculators"):
                    raise ValueError(name + ": topic " + topic["id"] + ": unknown key " + key)
            for route in topic.get("routes", []):
                item["routes"].append({"title": route["title"], "steps": [self.text(x, figures) for x in route["steps"][self.lang]]})
            topics.append(item)
        self.write(rel, "topics.md.j2", page_title=title, topics=topics, source=self.bundle["sources"][data["source"]],
                   stamp=self.stamp((data["policy"],)), menus_note=menus_note, boost=boost)
        return topics

    def stamp(self, policy_ids=("hangzhou-employee", "ningbo-employee"), up: str = "../") -> Markup:
        return edition_stamp(self.bundle, list(policy_ids), self.lang, up)

    def compare_cities(self):
        spec = load("compare.yaml")
        figures = Figures(self.bundle, self.lang)
        cells = Cells(self.bundle, self.lang)
        columns = [CITY_NAMES[city][self.lang] for city in ("hangzhou", "ningbo")]
        sections = [dict(s, columns=columns) for s in city_rows(cells, spec, lambda text: Markup(self.text(text, figures)))]
        self.write("compare/cities.md", "compare.md.j2", title=spec["title"][self.lang], intro=spec["intro"][self.lang],
                   sections=sections, stamp=self.stamp())

    def compare_status(self):
        cells = Cells(self.bundle, self.lang)
        columns = [self.t("在职", "In service"), self.t("退休", "Retired")]
        sections = [{"title": self.bundle["policies"][policy]["title"][self.lang], "columns": columns,
                     "rows": status_rows(cells, policy)} for policy in ("hangzhou-employee", "ningbo-employee")]
        self.write("compare/status.md", "compare.md.j2", title=self.t("在职与退休对比", "In service and retired compared"),
                   intro=self.t("同一城市在职职工与退休人员的规定并排列出；“资料未载明”表示资料没有给出。杭州的在职职工分册只写在职职工，退休人员的数字来自较新的网页和二手资料，格内有标记。",
                                "The rules for in-service employees and retirees side by side; “not stated in the sources” means the sources give no figure. Hangzhou's handbook is written for in-service employees only: the retiree figures come from the newer web page and secondary notes, marked in the cell."),
                   sections=sections, stamp=self.stamp())

    def compare_editions(self):
        policy = "hangzhou-employee"
        editions = self.bundle["policies"][policy]["editions"]
        cells = Cells(self.bundle, self.lang)
        changed, stated, same = edition_sections(cells, policy)
        both = [ptext(e["title"][self.lang], policy + "/editions") for e in editions]
        self.write("compare/editions.md", "compare.md.j2", title=self.t("杭州：各版本对比", "Hangzhou: the editions compared"),
                   intro=self.t("较新的版本是一个第三方网页（本地宝）转述的规则，不是医保部门的原文。在职职工分册只写在职职工，没有写的项目不算“变化”，单列为“新载明”。",
                                "The newer edition is a third-party page (Bendibao) quoting the rules, not the insurance office's own text. The handbook is written for in-service employees: what it does not state is not a change, and is listed apart as newly stated."),
                   sections=[{"title": self.t("有变化", "Changed"), "columns": both, "rows": changed},
                             {"title": self.t("较新版本新载明（分册未载明，不是变化）", "Newly stated (the handbook is silent: not a change)"),
                              "columns": both, "rows": stated},
                             {"title": self.t("两版相同", "The same in both"), "columns": [self.t("两版数字", "Both editions")], "rows": same}],
                   stamp=self.stamp((policy,)))

    def city_index(self, city: str, title: dict, groups: list, phones: tuple = ()):
        """A city's index: its pages by group, then its hotlines (label, parameter) as tel: links."""
        lines = ["# " + title[self.lang], ""]
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
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines).rstrip() + "\n")

    def article(self, rel: str, name: str):
        """A page of titled sections (the calculation method)."""
        data = load(name)
        figures = Figures(self.bundle, self.lang, up="../" * rel.count("/"))
        sections = [{"id": s["id"], "title": s["title"][self.lang], "body": self.text(s["body"][self.lang], figures)}
                    for s in data["sections"]]
        self.write(rel, "article.md.j2", title=data["title"][self.lang], intro=self.text(data["intro"][self.lang], figures),
                   sections=sections, stamp=self.stamp(("hangzhou-employee", "ningbo-employee", "hangzhou-resident"), ""))

    def home(self):
        data = load("home.yaml")
        figures = Figures(self.bundle, self.lang, up="")
        parts = {key: Markup(self.text(data[key][self.lang], figures)) for key in ("title", "intro", "calculators", "body")}
        self.write("index.md", "home.md.j2", stamp=self.stamp(up=""), **parts)

    def about(self):
        about = load("about.yaml")
        figures = Figures(self.bundle, self.lang, up="")
        about = {key: {self.lang: self.text(value[self.lang], figures)} for key, value in about.items()}
        policies = []
        for policy_id in sorted(self.bundle["policies"]):
            policy = self.bundle["policies"][policy_id]
            editions = [dict(e, from_text=scalar_text("date", e["from"], self.lang), mark=source_mark(
                self.bundle["sources"][e["source"]], e["source"], self.lang, "")) for e in policy["editions"]]
            policies.append({"id": policy_id, "title": policy["title"], "editions": editions})
        source_list = []
        for source_id in sorted(self.bundle["sources"]):
            source = dict(self.bundle["sources"][source_id])
            source["dated_html"] = Markup('<span class="fig" data-fig="sources/{}">{}</span>').format(source_id, source["dated"][self.lang])
            source_list.append(source)
        self.write("about.md", "about.md.j2", about=about, policies=policies, source_list=source_list,
                   currency=currency_line(self.bundle, self.lang))

    def run(self):
        t = self.t
        generate_calculators.write_all(self.out, self.bundle, self.lang, QA_FILES, load)
        hz = self.qa("hangzhou", QA_FILES["hangzhou"], "article")
        nb = self.qa("ningbo", QA_FILES["ningbo"], "question")
        procedures = self.topics("hangzhou/procedures.md", "hz-procedures.yaml", {"zh": "杭州 · 办事指南：备案与报销", "en": "Hangzhou · How to: filing and reimbursement"}, 6, True)
        remote = self.topics("hangzhou/remote.md", "hz-remote.yaml", {"zh": "杭州 · 异地就医", "en": "Hangzhou · Remote treatment (away from Hangzhou)"}, 4)
        self.write("hangzhou/offices.md", "offices.md.j2", table=self.bundle["offices"]["hangzhou"])
        self.city_index("hangzhou", self.bundle["policies"]["hangzhou-employee"]["title"], [
            (t("在职职工分册问答", "Handbook questions"), [(c["title"][self.lang], c["id"] + ".md") for c in hz]),
            (t("办事与异地就医", "Procedures and treatment away"),
             [(x["title"][self.lang], "procedures.md#" + x["id"]) for x in procedures]
             + [(x["title"][self.lang], "remote.md#" + x["id"]) for x in remote]
             + [(t("医保经办机构地址", "Service offices"), "offices.md")]),
        ])
        self.city_index("ningbo", self.bundle["policies"]["ningbo-employee"]["title"], [
            (t("政策问答", "Policy questions"), [(c["title"][self.lang], c["id"] + ".md") for c in nb]),
        ], ((t("医保政策咨询", "Policy questions"), "ningbo-employee/contacts/policy_hotline"),
            (t("医保投诉、举报", "Complaints and reports"), "ningbo-employee/contacts/complaint_hotline")))
        self.compare_cities()
        self.compare_status()
        self.compare_editions()
        figures = Figures(self.bundle, self.lang, up="")
        terms = [dict(term, explain_html=Markup(self.text(term["explain"][self.lang], figures))) for term in load("glossary.yaml")["terms"]]
        self.write("glossary.md", "glossary.md.j2", terms=terms, stamp=self.stamp(up=""))
        self.article("method.md", "method.yaml")
        self.about()
        self.home()


def main(argv: list) -> int:
    bundle = load_or_exit()
    out = argv[0] if argv else DOCS
    try:
        for lang in LANGS:
            Writer(bundle, lang, out).run()
    except ContentError as exc:
        sys.stderr.write("docs/content/ has problems:\n" + str(exc) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
