"""Generate the Chinese and English pages from docs/content/*.yaml and policies/.

Usage: python -m scripts.generate_pages [OUT]
Writes the pages listed in GENERATED under OUT/zh and OUT/en (default: docs/zh and docs/en) (they are not committed: the
build makes them). Same input, byte-identical output: nothing here reads a clock or a dict
order that could differ between runs.
"""

import os
import re
import sys

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from calculators import scenario_file
from scripts import generate_calculators
from scripts.figures import Figures, scalar_text, value_text
from scripts.policies import ROOT, load_or_exit

DOCS = os.path.join(ROOT, "docs")
CONTENT = os.path.join(DOCS, "content")
LANGS = ("zh", "en")
# Everything this script writes, relative to docs/<lang>/ (the rest of docs/<lang>/ is hand-written).
GENERATED = ("hangzhou", "ningbo", "compare", "glossary.md", "about.md", "method.md")
# Calculator pages, also generated; they show computed results, so the digit rule skips them.
CALCULATOR_PAGES = "calculators"
QA_FILES = {"hangzhou": ("hz-handbook-1.yaml", "hz-handbook-2.yaml"), "ningbo": ("nb-qa.yaml",)}
CALCULATOR_TITLES = {
    "outpatient": ("门诊费用", "Outpatient bill"), "inpatient": ("住院费用", "Hospital bill"),
    "year": ("全年就医", "A year of visits"), "compare": ("两市对比", "Both cities"),
    "contribution": ("缴费", "Contributions"), "account": ("个人账户", "Personal account"),
    "retirement": ("退休年限", "Retirement years"), "benefit-start": ("待遇开始", "Benefit start"),
}


CJK_RUN = re.compile(r"[\u3400-\u9fff《》、·×]+(?:[（(][\u3400-\u9fff]+[）)][\u3400-\u9fff《》]*)*")
TEMPLATE_CALL = re.compile(r"\{\{.*?\}\}")


def mark_chinese_references(text: str) -> str:
    """On an English page, mark lang="zh" the Chinese a reader needs as written: a term in
    brackets after its translation, a quoted on-screen label, a step of a menu path (after →).
    Chinese anywhere else is left bare, so the parity test still catches untranslated text."""
    out, last = [], 0
    for match in CJK_RUN.finditer(text):
        before = TEMPLATE_CALL.sub("", text[: match.start()])
        in_brackets = before.count("(") + before.count("（") > before.count(")") + before.count("）")
        in_quotes = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        in_path = before.rstrip().endswith("→") or text[match.end():].lstrip().startswith("→")
        if in_brackets or in_quotes or in_path:
            out.append(text[last:match.start()] + '<span lang="zh">' + match.group(0) + "</span>")
            last = match.end()
    return "".join(out) + text[last:]


def ptext(text: str, ref: str) -> Markup:
    """Text taken from policies/ (a title, a label) marked as such: its digits are policy data."""
    return Markup('<span class="fig" data-fig="{}">{}</span>').format(ref, text)


def load(name: str):
    return scenario_file.load_path(os.path.join(CONTENT, name))


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
        return self.env.from_string(template).render(fig=figures.fig, art=figures.art).strip()

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
                           art=figures.art)
                chapters.append(chapter)
        return chapters

    def topics(self, rel: str, name: str, title: dict):
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
        self.write(rel, "topics.md.j2", page_title=title, topics=topics, source=self.bundle["sources"][data["source"]])
        return topics

    def cell(self, policy: str, path, edition=None, up: str = "../") -> dict:
        if path is None:
            return {"html": self.t("—（无此项规定）", "— (no such rule)"), "changed": False}
        figures = Figures(self.bundle, self.lang)
        full = policy + "/" + path
        parameter = figures.parameter(full)[1]
        entry = figures.entry(full, edition)
        value = Markup('<span class="fig" data-fig="{}">{}</span>').format(full, value_text(parameter["unit"], entry["value"], self.lang))
        cite = entry["article"][self.lang] if entry.get("article") else self.t("说明", "note")
        html = Markup('{}<br><small><span class="fig" data-fig="{}#label">{}</span> · [<span class="ref">{}</span>]({}about.md#{})</small>').format(
            value, full, parameter["label"][self.lang], cite, up, entry["source"])
        return {"html": str(html), "changed": False}

    def compare_cities(self):
        spec = load("compare.yaml")
        sections = []
        for section in spec["sections"]:
            rows = []
            for row in section["rows"]:
                cells = [self.cell("hangzhou-employee", row.get("hangzhou")), self.cell("ningbo-employee", row.get("ningbo"))]
                some = row.get("hangzhou") and ("hangzhou-employee", row["hangzhou"]) or ("ningbo-employee", row["ningbo"])
                label = self.bundle["policies"][some[0]]["parameters"][some[1]]["label"][self.lang].split("（")[0]
                rows.append({"label": ptext(label, some[0] + "/" + some[1] + "#label"), "cells": cells})
            sections.append({"title": section["title"][self.lang], "rows": rows})
        self.write("compare/cities.md", "compare.md.j2", title=spec["title"][self.lang], intro=spec["intro"][self.lang],
                   columns=[self.bundle["policies"][p]["title"][self.lang] for p in ("hangzhou-employee", "ningbo-employee")],
                   sections=sections)

    def compare_status(self):
        sections = []
        for policy in ("hangzhou-employee", "ningbo-employee"):
            parameters = self.bundle["policies"][policy]["parameters"]
            rows = []
            for path in sorted(parameters):
                if path.endswith("/in_service") and path[: -len("in_service")] + "retired" in parameters:
                    stem = path[: -len("/in_service")]
                    rows.append({"label": ptext(parameters[path]["label"][self.lang].split("（")[0], policy + "/" + path + "#label"),
                                 "cells": [self.cell(policy, stem + "/in_service"), self.cell(policy, stem + "/retired")]})
            sections.append({"title": self.bundle["policies"][policy]["title"][self.lang], "rows": rows})
        self.write("compare/status.md", "compare.md.j2", title=self.t("在职与退休对比", "In service and retired compared"),
                   intro=self.t("同一城市在职职工与退休人员的规定并排列出；“资料未载明”表示该版本资料没有给出。",
                                "The rules for in-service employees and retirees side by side; “not stated in the sources” means that edition gives no figure."),
                   columns=[self.t("在职", "In service"), self.t("退休", "Retired")], sections=sections)

    def compare_editions(self):
        policy = "hangzhou-employee"
        editions = self.bundle["policies"][policy]["editions"]
        parameters = self.bundle["policies"][policy]["parameters"]
        figures = Figures(self.bundle, self.lang)
        rows = []
        for path in sorted(parameters):
            cells = [self.cell(policy, path, e["id"]) for e in editions]
            old, new = (figures.entry(policy + "/" + path, e["id"])["value"] for e in editions)
            if old != new:
                cells[1]["changed"] = True
            rows.append({"label": ptext(parameters[path]["label"][self.lang], policy + "/" + path + "#label"), "cells": cells,
                         "changed": old != new})
        changed = [r for r in rows if r["changed"]]
        same = [r for r in rows if not r["changed"]]
        self.write("compare/editions.md", "compare.md.j2", title=self.t("杭州：各版本对比", "Hangzhou: the editions compared"),
                   intro=self.t("高亮的是较新版本有变化的项目；其余沿用在职职工分册。", "Highlighted: what the newer edition changed; the rest carries over from the handbook."),
                   columns=[ptext(e["title"][self.lang], policy + "/editions") for e in editions],
                   sections=[{"title": self.t("有变化", "Changed"), "rows": changed},
                             {"title": self.t("沿用", "Carried over"), "rows": same}])

    def city_index(self, city: str, title: dict, groups: list):
        lines = ["# " + title[self.lang], ""]
        for heading, entries in groups:
            lines += ["## " + heading, ""]
            for text, href in entries:
                lines.append("- [" + text + "](" + href + ")")
            lines.append("")
        path = os.path.join(self.out, city, "index.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines).rstrip() + "\n")

    def article(self, rel: str, name: str):
        """A page of titled sections (the calculation method)."""
        data = load(name)
        figures = Figures(self.bundle, self.lang)
        sections = [{"id": s["id"], "title": s["title"][self.lang], "body": self.text(s["body"][self.lang], figures)}
                    for s in data["sections"]]
        self.write(rel, "article.md.j2", title=data["title"][self.lang], intro=self.text(data["intro"][self.lang], figures),
                   sections=sections)

    def about(self):
        about = load("about.yaml")
        policies = []
        for policy_id in sorted(self.bundle["policies"]):
            policy = self.bundle["policies"][policy_id]
            editions = [dict(e, from_text=scalar_text("date", e["from"], self.lang)) for e in policy["editions"]]
            policies.append({"id": policy_id, "title": policy["title"], "editions": editions})
        source_list = []
        for source_id in sorted(self.bundle["sources"]):
            source = dict(self.bundle["sources"][source_id])
            source["dated_html"] = Markup('<span class="fig" data-fig="sources/{}">{}</span>').format(source_id, source["dated"][self.lang])
            source_list.append(source)
        self.write("about.md", "about.md.j2", about=about, policies=policies, source_list=source_list)

    def run(self):
        t = self.t
        generate_calculators.write_all(self.out, self.bundle, self.lang, QA_FILES, load)
        hz = self.qa("hangzhou", QA_FILES["hangzhou"], "article")
        nb = self.qa("ningbo", QA_FILES["ningbo"], "question")
        procedures = self.topics("hangzhou/procedures.md", "hz-procedures.yaml", {"zh": "办事指南：备案与报销", "en": "How to: filing and reimbursement"})
        remote = self.topics("hangzhou/remote.md", "hz-remote.yaml", {"zh": "异地就医", "en": "Treatment away from Hangzhou"})
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
        ])
        self.compare_cities()
        self.compare_status()
        self.compare_editions()
        self.write("glossary.md", "glossary.md.j2", terms=load("glossary.yaml")["terms"])
        self.article("method.md", "method.yaml")
        self.about()


def main(argv: list) -> int:
    bundle = load_or_exit()
    out = argv[0] if argv else DOCS
    for lang in LANGS:
        Writer(bundle, lang, out).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
