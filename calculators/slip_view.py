"""The slip explainer's result as the page shows it: the slip's lines beside the site's, each
line explained by the steps behind it, then the reasons that could explain a difference.

Part of the one renderer (calculators/present.py calls it; its words are present.WORDS).
"""

from . import present
from .money import yuan_words
from .present import card_table, esc, lead, ref_link, steps_html, word, yuan
from .slip import TOLERANCE_FEN

# The slip's line → its word in present.WORDS.
LINE_WORDS = {
    "bill": "total",
    "fund": "fund",
    "critical_illness": "critical_illness",
    "assistance": "assistance",
    "co_payment": "co_payment",
    "category_b": "category_b",
    "out_of_scope": "out_of_scope",
    "account": "slip_account",
}


def line_name(line: str, lang: str) -> str:
    return word(LINE_WORDS[line], lang)


def tolerated(text: str, lang: str) -> str:
    """A verdict's words with the difference the explainer tolerates, from slip.TOLERANCE_FEN."""
    return text.replace("{tolerance}", yuan_words(TOLERANCE_FEN, lang, False))


def verdict(result: dict, lang: str) -> str:
    differing = [e for e in result["lines"] if e["status"] == "differs"]
    if not differing:
        return lead(tolerated(word("slip_matches_all", lang), lang))
    names = ("、" if lang == "zh" else ", ").join(line_name(e["line"], lang) for e in differing)
    return lead(tolerated(word("slip_differs_lead", lang), lang), names)


def difference_text(entry: dict, lang: str) -> str:
    if entry["difference"] is None:
        return word("slip_" + entry["status"], lang)
    fen = entry["difference"].fen
    amount = ("+" if fen > 0 else "") + yuan(entry["difference"], lang)
    return amount + (" · " if lang == "en" else "，") + word("slip_" + entry["status"], lang)


def lines_table(result: dict, lang: str) -> str:
    """One row per slip line: the slip's figure, the site's, and the difference."""
    labels = (
        word("slip_line", lang),
        word("slip_theirs", lang),
        word("slip_ours", lang),
        word("slip_difference", lang),
    )
    rows = []
    for entry in result["lines"]:
        cells = (
            line_name(entry["line"], lang),
            yuan(entry["slip"], lang),
            yuan(entry["ours"], lang) if entry["ours"] is not None else word("none", lang),
            difference_text(entry, lang),
        )
        rows.append(("yb-line-" + entry["status"], cells))
    return card_table(word("slip_side_by_side", lang), labels, rows, lang, "yb-slip-lines")


def cites(refs: list, lang: str, links: dict) -> str:
    return "".join(ref_link(ref, lang, links) for ref in refs)


def line_explanations(result: dict, lang: str, links: dict) -> str:
    """Each line with the settlement steps that make it up (their sentences and citations)."""
    parts = ['<details class="yb-steps" open><summary>' + esc(word("slip_how", lang)) + "</summary>"]
    for entry in result["lines"]:
        if entry["line"] == "bill":
            continue
        parts.append("<h3>" + esc(line_name(entry["line"], lang)) + "</h3>")
        if entry.get("note"):
            note = entry["note"]
            parts.append("<p>" + esc(note[lang]) + cites(note["refs"], lang, links) + "</p>")
        elif entry["steps"]:
            parts.append(steps_html(entry["steps"], lang, links))
        else:
            parts.append("<p>" + esc(word("slip_nothing", lang)) + "</p>")
    parts.append("</details>")
    return "".join(parts)


def reasons_html(result: dict, lang: str, links: dict) -> str:
    if not result["differs"]:
        return ""
    parts = ['<section class="yb-reasons"><h3>' + esc(word("slip_reasons", lang)) + "</h3>"]
    if not result["reasons"]:
        parts.append("<p>" + esc(word("slip_no_reason", lang)) + "</p>")
    else:
        items = []
        for reason in result["reasons"]:
            explains = ("、" if lang == "zh" else ", ").join(line_name(line, lang) for line in reason["lines"])
            items.append(
                '<li data-reason="'
                + esc(reason["id"])
                + '"><p>'
                + esc(reason[lang])
                + cites(reason["refs"], lang, links)
                + '</p><p class="yb-explains">'
                + esc(word("slip_explains", lang) + explains)
                + "</p></li>"
            )
        parts.append("<ol>" + "".join(items) + "</ol>")
    parts.append("</section>")
    return "".join(parts)


def render(result: dict, lang: str, links: dict, bundle=None) -> str:
    """The slip explainer's result: verdict, the lines side by side, the reasons, each line explained."""
    earlier = ""
    if result["earlier"]:
        earlier = (
            '<p class="yb-earlier">' + esc(word("slip_earlier", lang).replace("{n}", str(result["earlier"]))) + "</p>"
        )
    return (
        verdict(result, lang)
        + earlier
        + lines_table(result, lang)
        + reasons_html(result, lang, links)
        + '<p class="yb-office">'
        + esc(word("slip_office", lang))
        + "</p>"
        + line_explanations(result, lang, links)
        + present.edition_line(result, lang, True, bundle)
    )
