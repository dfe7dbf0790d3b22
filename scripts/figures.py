"""Figures on pages, rendered from the policy bundle only, each marked so tests can trace it.

``fig(path, ...)`` renders one parameter value in the page's language inside
``<span class="fig" data-fig="path">``; ``art(n)`` renders an article or question reference
inside ``<span class="ref">``. A page's digits must all sit inside such spans.
"""

import re

from markupsafe import Markup, escape

from calculators.money import format_share, format_yuan, yuan_words
from calculators.wording import date_text, ordinal_zh

LEVEL_NAMES = {
    "tertiary": ("三级", "tertiary"),
    "other": ("其他", "other"),
    "community": ("社区", "community"),
    "signed_community": ("社区签约", "signed community centre"),
    "outpatient": ("门诊", "outpatient"),
    "inpatient": ("住院和规定病种门诊", "inpatient and special-disease outpatient"),
    "in_province": ("省内", "in Zhejiang"),
    "out_of_province": ("省外", "outside Zhejiang"),
    "referral_out_of_province": ("省外转诊备案", "filed referral outside Zhejiang"),
}
UNIT_WORDS = {
    "years": ("年", " years"),
    "months": ("个月", " months"),
    "days": ("天", " days"),
    "hours": ("小时", " hours"),
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
        in_path = before.rstrip().endswith("→") or text[match.end() :].lstrip().startswith("→")
        if in_brackets or in_quotes or in_path:
            out.append(text[last : match.start()] + '<span lang="zh">' + match.group(0) + "</span>")
            last = match.end()
    return "".join(out) + text[last:]


def page_text(text: str, lang: str) -> Markup:
    """A value's text made safe for the page; on English pages its Chinese terms are marked."""
    safe = str(escape(text))
    return Markup(mark_chinese_references(safe) if lang == "en" else safe)


MISSING = {
    "silent": ("资料未载明", "not stated in the sources"),
    "no_rule": ("无此项规定", "no such rule"),
}


def missing_text(status: str, lang: str) -> str:
    """What a null value says: the source is silent, or the source says there is no such rule."""
    return MISSING[status][0 if lang == "zh" else 1]


def scalar_text(unit: str, value, lang: str, status: str = "silent") -> str:
    zh = lang == "zh"
    if value is None:
        return missing_text(status, lang)
    if unit == "yuan":
        return yuan_words(value, lang, False)
    if unit in ("share", "multiple"):
        return format_share(value)
    if unit in UNIT_WORDS:
        word = UNIT_WORDS[unit][0 if zh else 1]
        return str(value) + (word[:-1] if value == 1 and not zh else word)
    if unit == "date":
        return date_text(value)[0 if zh else 1]
    return str(value)


def band_range(low, low_included: bool, top, top_included: bool, lang: str) -> str:
    """One band's span of yuan, its edges inclusive or exclusive as the band data says
    (``up_to`` belongs to the lower band unless that band is marked ``up_to_excluded``).
    The one place band edges are worded, in both languages."""
    zh = lang == "zh"
    lo = None if low is None else format_yuan(low, False)
    hi = None if top is None else format_yuan(top, False)
    if zh:
        if lo is None:
            return hi + ("元及以下" if top_included else "元以下（不含）")
        start = lo + ("元（含）" if low_included else "元以上")
        if hi is None:
            return start + ("以上" if low_included else "")
        return start + "至" + hi + ("元（含）" if top_included else "元（不含）")
    if lo is None:
        return ("up to " + hi + " inclusive") if top_included else ("under " + hi)
    if hi is None:
        return (lo + " and over") if low_included else ("over " + lo)
    start = ("from " + lo + " inclusive") if low_included else ("over " + lo)
    return start + (" up to " + hi + " inclusive" if top_included else " to under " + hi)


def band_spans(bands: list, lang: str) -> list:
    """The span text of every band of a band list, in order."""
    spans, low, low_included = [], None, False
    for band in bands:
        top_included = not band.get("up_to_excluded", False)
        spans.append(band_range(low, low_included, band["up_to"], top_included, lang))
        low, low_included = band["up_to"], not top_included
    return spans


def age_spans(steps: list, lang: str) -> list:
    """The age range of every age step (completed years): the first "N（含）及以下", then
    "N（含）以上", so no step reads as starting at age 0."""
    spans = []
    for i, step in enumerate(steps):
        if i == 0 and len(steps) > 1:
            last = steps[1]["from_age"] - 1
            spans.append(str(last) + "周岁（含）及以下" if lang == "zh" else "aged " + str(last) + " or under")
        elif i == 0:
            spans.append("不分年龄" if lang == "zh" else "any age")
        else:
            age = step["from_age"]
            spans.append(str(age) + "周岁（含）以上" if lang == "zh" else "aged " + str(age) + " or over")
    return spans


ORDINALS_EN = ("same", "next", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def month_after_text(months: int, lang: str) -> str:
    """The month that lies ``months`` after a given month, counted as the sources count it:
    1 → "次月" (the next month), 2 → "第三个自然月" (the third calendar month, the given month
    being the first)."""
    if lang == "zh":
        return "当月" if months == 0 else "次月" if months == 1 else "第" + ordinal_zh(months + 1) + "个自然月"
    if months < 2:
        return "the " + ORDINALS_EN[months] + " month"
    return "the " + ORDINALS_EN[months] + " calendar month (counting that month as the first)"


def points_text(text: str, lang: str) -> str:
    """A share read as percentage points ("10%" → "10个百分点")."""
    return text.replace("%", "个百分点" if lang == "zh" else " percentage points")


def value_text(unit: str, value, lang: str, status: str = "silent") -> str:
    """Any value as plain text: a scalar, a map over levels, bands or age steps."""
    sep = "；" if lang == "zh" else "; "
    colon = "：" if lang == "zh" else ": "
    if unit == "text" and isinstance(value, dict):
        return value[lang]
    if isinstance(value, dict):
        return sep.join(
            LEVEL_NAMES[k][0 if lang == "zh" else 1] + " " + scalar_text(unit, v, lang)
            for k, v in sorted(value.items(), key=lambda kv: list(LEVEL_NAMES).index(kv[0]))
        )
    if isinstance(value, list) and value and "up_to" in value[0]:
        return sep.join(
            span + colon + value_text(unit, band["value"], lang) for span, band in zip(band_spans(value, lang), value)
        )
    if isinstance(value, list):
        return sep.join(
            span + colon + scalar_text(unit, s["value"], lang) for span, s in zip(age_spans(value, lang), value)
        )
    return scalar_text(unit, value, lang, status)


SOURCE_MARKS = {
    "secondary": ("二手资料", "secondary source"),
    "third_party": ("第三方网页", "third-party page"),
}


def source_mark(source: dict, source_id: str, lang: str, up: str, html: bool = False) -> Markup:
    """The visible marker after a figure that does not come from an official document: what
    kind of source it is, linked to its entry on the About page. Empty for primary sources.
    ``html=True`` links to the built page, for figures inside raw HTML that Markdown skips."""
    if source["kind"] not in SOURCE_MARKS:
        return Markup("")
    word = SOURCE_MARKS[source["kind"]][0 if lang == "zh" else 1]
    text = ("〔※" + word + "〕") if lang == "zh" else ("(※ " + word + ")")
    space = "" if lang == "zh" else " "
    if html:
        return Markup('{}<span class="yb-mark"><a href="{}about/#{}">{}</a></span>').format(space, up, source_id, text)
    return Markup('{}<span class="yb-mark">[{}]({}about.md#{})</span>').format(space, text, up, source_id)


class Figures:
    """The ``fig``/``art`` functions for one language and one source's way of numbering.

    ``up`` is the path from the page to the site root, for the source markers' links; ``html``
    makes those links HTML to the built pages (for figures inside raw HTML blocks)."""

    def __init__(self, bundle: dict, lang: str, numbering: str = "article", up: str = "../", html: bool = False):
        self.html = html
        self.bundle = bundle
        self.lang = lang
        self.numbering = numbering
        self.up = up
        self.used = []

    def parameter(self, path: str):
        policy_id, key = path.split("/", 1)
        policy = self.bundle["policies"][policy_id]
        return policy, policy["parameters"][key]

    def entry(self, path: str, edition=None) -> dict:
        policy, parameter = self.parameter(path)
        editions = policy["editions"]
        start = editions[-1]["from"] if edition is None else next(e["from"] for e in editions if e["id"] == edition)
        chosen = None
        for value in parameter["values"]:
            if value["from"] <= start:
                chosen = value
        if chosen is None:
            raise KeyError(path + " has no value in edition " + str(edition))
        return chosen

    def value(self, path: str, *keys, edition=None, band=None, bound=None, step=None, from_age=False, age_range=False):
        """(unit, value) after descending into bands, steps and keys; ``age_range=True`` gives
        an age step's range in words ("45周岁（含）及以下"), from the one age-range helper."""
        unit = self.parameter(path)[1]["unit"]
        value = self.entry(path, edition)["value"]
        if age_range:
            return "text", age_spans(value, self.lang)[step]
        if bound is not None:
            return "yuan", value[bound]["up_to"]
        if band is not None:
            value = value[band]["value"]
        if step is not None:
            if from_age:
                return "count", value[step]["from_age"]
            value = value[step]["value"]
        for key in keys:
            if isinstance(value, dict):
                value = value[key]
        return unit, value

    def mark(self, path: str, edition=None) -> Markup:
        """The source marker of a figure (empty when its source is a primary document)."""
        source_id = self.entry(path, edition)["source"]
        return source_mark(self.bundle["sources"][source_id], source_id, self.lang, self.up, self.html)

    def fig(self, path: str, *keys, points: bool = False, later: bool = False, **options) -> Markup:
        """A figure; ``points=True`` reads a share as percentage points ("10个百分点"), for a
        share that is added to or taken from another share; ``later=True`` reads a number of
        months after a month as the month it lands on ("次月", "第三个自然月")."""
        unit, value = self.value(path, *keys, **options)
        self.used.append(path)
        status = self.entry(path, options.get("edition")).get("status", "silent")
        text = month_after_text(value, self.lang) if later else value_text(unit, value, self.lang, status)
        text = page_text(points_text(text, self.lang) if points and value is not None else text, self.lang)
        return self.span(path, text, options.get("edition"))

    def span(self, ref: str, text: str, edition=None) -> Markup:
        """A figure's span (naming the parameter and the source its value was taken from),
        then the source marker if that source is not an official document."""
        path = ref.split("#")[0]
        source = self.entry(path, edition)["source"]
        return Markup('<span class="fig" data-fig="{}" data-source="{}">{}</span>{}').format(
            ref, source, text, self.mark(path, edition)
        )

    def tel(self, path: str) -> Markup:
        """A phone number from policies/ as a link a phone can dial."""
        number = self.value(path)[1]
        return Markup('<a href="tel:{}">{}</a>').format(number, self.span(path, number))

    def art(self, number: int) -> Markup:
        if self.numbering == "question":
            text = "（" + ordinal_zh(number) + "）" if self.lang == "zh" else "Q" + str(number)
        else:
            text = "第" + ordinal_zh(number) + "条" if self.lang == "zh" else "Art. " + str(number)
        return Markup('<span class="ref">{}</span>').format(text)
