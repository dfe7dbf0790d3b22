"""How old the figures are: the edition stamp every page with figures carries.

``edition_stamp(bundle, policy_ids, lang, up)`` names each policy's editions with their start
dates (and a marker where an edition's source is not an official document), then the one
site-wide line: the sources end in the newest edition's year, later adjustments are not
included, the insurance office decides. Everything is rendered from policies/ inside figure
spans, so the digit test traces it. Calculator pages call the same function.
"""

from markupsafe import Markup

from scripts.figures import scalar_text, source_mark


def edition_span(policy_id: str, text: str) -> Markup:
    return Markup('<span class="fig" data-fig="{}/editions">{}</span>').format(policy_id, text)


def newest_year(bundle: dict) -> tuple:
    """(policy id, year) of the newest edition of any policy: where the sources end."""
    newest = max((e["from"], pid) for pid, p in bundle["policies"].items() for e in p["editions"])
    return newest[1], newest[0][:4]


def currency_line(bundle: dict, lang: str) -> Markup:
    """The site-wide line: sources end in year Y; later changes not included; the office decides."""
    policy_id, year = newest_year(bundle)
    if lang == "zh":
        return Markup("本站资料截至{}年，之后的政策调整本站未收录；一切以医保经办机构的答复和结算为准。").format(
            edition_span(policy_id, year)
        )
    return Markup(
        "The sources end in {}; later adjustments are not included. The insurance office's answer "
        "and settlement are what count."
    ).format(edition_span(policy_id, year))


def edition_stamp(bundle: dict, policy_ids: list, lang: str, up: str = "../") -> Markup:
    """One paragraph: the editions behind this page's figures, then the site-wide line."""
    zh = lang == "zh"
    parts = []
    for policy_id in policy_ids:
        policy = bundle["policies"][policy_id]
        editions = []
        for e in policy["editions"]:
            start = scalar_text("date", e["from"], lang)
            dated = ("自" + start + "起") if zh else ("from " + start)
            mark = source_mark(bundle["sources"][e["source"]], e["source"], lang, up)
            editions.append(
                Markup("{}（{}）{}" if zh else "{} ({}){}").format(
                    edition_span(policy_id, e["title"][lang]), edition_span(policy_id, dated), mark
                )
            )
        parts.append(
            Markup("{}{}{}").format(
                policy["title"][lang], "：" if zh else ": ", Markup("、" if zh else ", ").join(editions)
            )
        )
    head = "本页数字出自：" if zh else "The figures on this page come from: "
    body = Markup("；" if zh else "; ").join(parts)
    more = Markup("（[资料详情]({}about.md)）" if zh else " ([about the sources]({}about.md))").format(up)
    return Markup("{}{}{}{} {}").format(head, body, more, "。" if zh else ".", currency_line(bundle, lang))
