"""Figures on pages, rendered from the policy bundle only, each marked so tests can trace it.

``fig(path, ...)`` renders one parameter value in the page's language inside
``<span class="fig" data-fig="path">``; ``art(n)`` renders an article or question reference
inside ``<span class="ref">``. A page's digits must all sit inside such spans.
"""

from markupsafe import Markup

from calculators.money import format_share, format_yuan

CN_DIGITS = "零一二三四五六七八九"
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
LEVEL_NAMES = {
    "tertiary": ("三级", "tertiary"), "other": ("其他", "other"), "community": ("社区", "community"),
    "signed_community": ("社区签约", "signed community centre"), "outpatient": ("门诊", "outpatient"),
    "inpatient": ("住院和规定病种门诊", "inpatient and special-disease outpatient"),
    "in_province": ("省内", "in Zhejiang"), "out_of_province": ("省外", "outside Zhejiang"),
    "referral_out_of_province": ("省外转诊备案", "filed referral outside Zhejiang"),
}
UNIT_WORDS = {"years": ("年", " years"), "months": ("个月", " months"), "days": ("天", " days"),
              "hours": ("小时", " hours")}


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals, as article numbers are written (十三, 二十八)."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return CN_DIGITS[n]
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


def scalar_text(unit: str, value, lang: str) -> str:
    zh = lang == "zh"
    if value is None:
        return "资料未载明" if zh else "not stated in the sources"
    if unit == "yuan":
        return format_yuan(value, False) + ("元" if zh else " yuan")
    if unit in ("share", "multiple"):
        return format_share(value)
    if unit in UNIT_WORDS:
        word = UNIT_WORDS[unit][0 if zh else 1]
        return str(value) + (word[:-1] if value == 1 and not zh else word)
    if unit == "date":
        y, m, d = (int(x) for x in value.split("-"))
        return (str(y) + "年" + str(m) + "月" + str(d) + "日") if zh else (str(d) + " " + MONTHS_EN[m - 1] + " " + str(y))
    return str(value)


def value_text(unit: str, value, lang: str) -> str:
    """Any value as plain text: a scalar, a map over levels, bands or age steps."""
    sep = "；" if lang == "zh" else "; "
    if isinstance(value, dict):
        return sep.join(LEVEL_NAMES[k][0 if lang == "zh" else 1] + " " + scalar_text(unit, v, lang)
                        for k, v in sorted(value.items(), key=lambda kv: list(LEVEL_NAMES).index(kv[0])))
    if isinstance(value, list) and value and "up_to" in value[0]:
        parts, low = [], None
        for band in value:
            top = band["up_to"]
            if low is None:
                span = (format_yuan(top, False) + "及以下") if lang == "zh" else ("up to " + format_yuan(top, False))
            elif top is None:
                span = format_yuan(low, False) + ("以上" if lang == "zh" else " and above")
            else:
                span = format_yuan(low, False) + "–" + format_yuan(top, False)
            parts.append(span + ": " + value_text(unit, band["value"], lang))
            low = top
        return sep.join(parts)
    if isinstance(value, list):
        word = "周岁起" if lang == "zh" else "from age "
        return sep.join((str(s["from_age"]) + word if lang == "zh" else word + str(s["from_age"])) + " "
                        + scalar_text(unit, s["value"], lang) for s in value)
    return scalar_text(unit, value, lang)


class Figures:
    """The ``fig``/``art`` functions for one language and one source's way of numbering."""

    def __init__(self, bundle: dict, lang: str, numbering: str = "article"):
        self.bundle = bundle
        self.lang = lang
        self.numbering = numbering
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

    def value(self, path: str, *keys, edition=None, band=None, bound=None, step=None, from_age=False):
        """(unit, value) after descending into bands, steps and keys."""
        unit = self.parameter(path)[1]["unit"]
        value = self.entry(path, edition)["value"]
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

    def fig(self, path: str, *keys, **options) -> Markup:
        unit, value = self.value(path, *keys, **options)
        self.used.append(path)
        text = value_text(unit, value, self.lang)
        return Markup('<span class="fig" data-fig="{}">{}</span>').format(path, text)

    def art(self, number: int) -> Markup:
        if self.numbering == "question":
            text = "（" + chinese_number(number) + "）" if self.lang == "zh" else "Q" + str(number)
        else:
            text = "第" + chinese_number(number) + "条" if self.lang == "zh" else "Art. " + str(number)
        return Markup('<span class="ref">{}</span>').format(text)
