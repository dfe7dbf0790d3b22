"""A curve (calculators/curve.py) as HTML: two SVG charts, the marks listed, a data table.

Static markup, no script: the build writes it into the benefits and comparison pages and the
browser worker into a calculator's result. The SVG keeps little text (axis figures and mark
letters); everything a reader must read is HTML around it, so it grows in large-text mode,
and the table under the charts is their text alternative. Coordinates are integer tenths of
a viewBox unit: no floats, the same output on every runtime.
"""

from .markup import esc
from .money import BP, FEN, format_share, format_yuan, yuan_words

WIDTH = 360  # viewBox width: about one CSS pixel per unit on a phone
LEFT, RIGHT = 52, 12  # plot margins (room for the y-axis figures)
AMOUNT_TOP, AMOUNT_BOTTOM = 46, 218  # the yuan chart's plot area, with a row of mark letters above
SHARE_TOP, SHARE_BOTTOM = 12, 112  # the share chart's plot area
X_LABELS = 22  # room under a plot for the x-axis figures
TICK = 100000 * FEN  # the axis step; figures on every second tick
STACK = ("personal", "assistance", "critical_illness", "fund")  # bottom to top
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def tenths(value: int) -> str:
    """A coordinate held in tenths as SVG text: 1234 -> "123.4"."""
    whole, rest = divmod(value, 10)
    return str(whole) if not rest else str(whole) + "." + str(rest)


def x_of(bill: int, top: int) -> int:
    return LEFT * 10 + bill * (WIDTH - LEFT - RIGHT) * 10 // top


def y_of(value: int, top: int, upper: int, lower: int) -> int:
    return lower * 10 - value * (lower - upper) * 10 // top


def axis_figure(fen: int, lang: str) -> str:
    """A round axis figure, short: 200,000 yuan -> "20万" / "200k"."""
    yuan = fen // FEN
    if not yuan:
        return "0"
    if lang == "zh":
        return format_yuan(yuan // 10000 * FEN, False) + "万"
    return format_yuan(yuan // 1000 * FEN, False) + "k"


def text(x: int, y: int, body: str, anchor: str = "middle", cls: str = "") -> str:
    extra = ' class="' + cls + '"' if cls else ""
    return (
        '<text x="'
        + tenths(x)
        + '" y="'
        + tenths(y)
        + '" text-anchor="'
        + anchor
        + '"'
        + extra
        + ">"
        + esc(body)
        + "</text>"
    )


def line(x1: int, y1: int, x2: int, y2: int, cls: str) -> str:
    return (
        '<line class="'
        + cls
        + '" x1="'
        + tenths(x1)
        + '" y1="'
        + tenths(y1)
        + '" x2="'
        + tenths(x2)
        + '" y2="'
        + tenths(y2)
        + '"/>'
    )


def x_axis(top: int, upper: int, lower: int, lang: str) -> list:
    parts = [line(LEFT * 10, lower * 10, (WIDTH - RIGHT) * 10, lower * 10, "yb-axis")]
    tick, n = 0, 0
    while tick <= top:
        x = x_of(tick, top)
        parts.append(line(x, upper * 10, x, lower * 10, "yb-grid"))
        if n % 2 == 0:
            parts.append(text(x, (lower + 16) * 10, axis_figure(tick, lang)))
        tick += TICK
        n += 1
    return parts


def mark_lines(curve: dict, upper: int, lower: int, letters: bool) -> list:
    """A dashed line at each mark; in the yuan chart its letter above, staggered when close."""
    parts, last_x, row = [], [], 0
    for i, mark in enumerate(curve["marks"]):
        x = x_of(mark["bill"], curve["top"])
        parts.append(line(x, upper * 10, x, lower * 10, "yb-mark-line"))
        if letters:
            row = row + 1 if last_x and x - last_x[-1] < 200 else 0
            last_x.append(x)
            parts.append(text(x, (upper - 9 - (row % 2) * 16) * 10, LETTERS[i], cls="yb-mark-letter"))
    if curve["at"] is not None:
        x = x_of(curve["at"], curve["top"])
        parts.append(line(x, upper * 10, x, lower * 10, "yb-here-line"))
    return parts


def amount_chart(curve: dict, lang: str, say) -> str:
    """Who pays what, stacked: the top edge is the bill itself; the bottom layer is the patient."""
    top, points = curve["top"], curve["points"]
    parts = []
    base = [0] * len(points)
    for payer in STACK:
        if not any(p[payer] for p in points):
            continue
        upper = [b + p[payer] for b, p in zip(base, points)]
        outline = [
            tenths(x_of(p["bill"], top)) + "," + tenths(y_of(u, top, AMOUNT_TOP, AMOUNT_BOTTOM))
            for p, u in zip(points, upper)
        ]
        back = [
            tenths(x_of(p["bill"], top)) + "," + tenths(y_of(b, top, AMOUNT_TOP, AMOUNT_BOTTOM))
            for p, b in zip(reversed(points), reversed(base))
        ]
        parts.append(
            '<polygon class="yb-'
            + payer
            + '" points="'
            + " ".join(outline + back)
            + '"><title>'
            + esc(say(payer))
            + "</title></polygon>"
        )
        base = upper
    tick, n = 0, 0
    while tick <= top:
        y = y_of(tick, top, AMOUNT_TOP, AMOUNT_BOTTOM)
        if n % 2 == 0:
            parts.append(text((LEFT - 4) * 10, y + 40, axis_figure(tick, lang), "end"))
        tick += TICK
        n += 1
    parts += x_axis(top, AMOUNT_TOP, AMOUNT_BOTTOM, lang)
    parts += mark_lines(curve, AMOUNT_TOP, AMOUNT_BOTTOM, True)
    return svg(AMOUNT_BOTTOM + X_LABELS, parts, summary(curve, lang, say), "yb-curve-amount")


def share_chart(curve: dict, lang: str, say) -> str:
    """The patient's effective share of the bill (%), the figure people compare."""
    top = curve["top"]
    shown = [p for p in curve["points"] if p["share"] is not None]
    path = " ".join(
        tenths(x_of(p["bill"], top)) + "," + tenths(y_of(p["share"], BP, SHARE_TOP, SHARE_BOTTOM)) for p in shown
    )
    parts = x_axis(top, SHARE_TOP, SHARE_BOTTOM, lang)
    for share in (0, BP // 2, BP):
        y = y_of(share, BP, SHARE_TOP, SHARE_BOTTOM)
        parts.append(line(LEFT * 10, y, (WIDTH - RIGHT) * 10, y, "yb-grid"))
        parts.append(text((LEFT - 4) * 10, y + 40, format_share(share), "end"))
    parts += mark_lines(curve, SHARE_TOP, SHARE_BOTTOM, False)
    parts.append('<polyline class="yb-share-line" points="' + path + '"/>')
    label = say("curve_share_title")
    return svg(SHARE_BOTTOM + X_LABELS, parts, label, "yb-curve-share")


def svg(height: int, parts: list, label: str, cls: str) -> str:
    return (
        '<svg class="'
        + cls
        + '" viewBox="0 0 '
        + str(WIDTH)
        + " "
        + str(height)
        + '" role="img" aria-label="'
        + esc(label)
        + '">'
        + "".join(parts)
        + "</svg>"
    )


def summary(curve: dict, lang: str, say) -> str:
    """The chart in one sentence, for a screen reader: at the right end, who pays what."""
    last = curve["points"][-1]
    sep = "；" if lang == "zh" else "; "
    items = [say("curve_bill") + say("colon") + yuan_words(last["bill"], lang)]
    for payer in STACK:
        if last[payer]:
            items.append(say(payer) + say("colon") + yuan_words(last[payer], lang))
    return say("curve_title") + say("colon") + sep.join(items)


def mark_items(curve: dict, lang: str, say) -> list:
    """Each mark, labelled from the policy data: its parameter's label, the threshold, the article."""
    items = []
    for i, mark in enumerate(curve["marks"]):
        article = mark["article"][lang] if mark.get("article") else ""
        sentence = (
            say("curve_mark")
            .replace("{bill}", yuan_words(mark["bill"], lang))
            .replace("{label}", mark["label"][lang])
            .replace("{measure}", say("curve_measure_" + mark["measure"]))
            .replace("{threshold}", yuan_words(mark["threshold"], lang))
        )
        if article:
            sentence += ("；" if lang == "zh" else ". ") + say("curve_source") + article
        items.append('<li><b class="yb-mark-letter">' + LETTERS[i] + "</b> " + esc(sentence) + "</li>")
    return items


def notes(curve: dict, lang: str, say) -> list:
    """What is not drawn and why: a parameter the sources leave silent, a bill the engine refuses."""
    out = []
    for item in curve["silent"]:
        note = (" " if lang == "en" else "") + item["note"][lang] if item.get("note") else ""
        out.append(say("curve_silent").replace("{label}", item["label"][lang]) + note)
    if curve["refused"] is not None:
        out.append(say("curve_refused" if curve["points"] else "curve_none") + curve["refused"][lang])
    return ['<p class="yb-curve-note">' + esc(x) + "</p>" for x in out]


def table(curve: dict, lang: str, say) -> str:
    """The text alternative: the bill at each mark and on each axis step, and who pays what."""
    letters = {}
    for i, mark in enumerate(curve["marks"]):
        letters[mark["bill"]] = letters.get(mark["bill"], "") + LETTERS[i]
    payers = [p for p in ("personal", "fund", "critical_illness", "assistance") if any(x[p] for x in curve["points"])]
    heads = [say("curve_bill"), say("personal"), say("curve_share")] + [say(p) for p in payers[1:]]
    rows = []
    for point in curve["points"]:
        bill = point["bill"]
        if not bill or not (bill in letters or bill % TICK == 0 or bill == curve["at"]):
            continue
        first = yuan_words(bill, lang)
        if bill in letters:
            first = letters[bill] + " · " + first
        if bill == curve["at"]:
            first = say("curve_here") + " · " + first
        cells = [first, yuan_words(point["personal"], lang), format_share(point["share"])]
        cells += [yuan_words(point[p], lang) for p in payers[1:]]
        rows.append(
            "<tr>"
            + "".join('<td data-label="' + esc(h) + '">' + esc(c) + "</td>" for h, c in zip(heads, cells))
            + "</tr>"
        )
    return (
        '<details class="yb-curve-table"><summary>'
        + esc(say("curve_table"))
        + '</summary><div class="yb-scroll" tabindex="0" role="region" aria-label="'
        + esc(say("curve_table"))
        + '"><table class="yb-timeline"><thead><tr>'
        + "".join('<th scope="col">' + esc(h) + "</th>" for h in heads)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div></details>"
    )


def legend(curve: dict, say) -> str:
    keys = []
    for payer in STACK:
        if any(p[payer] for p in curve["points"]):
            keys.append('<li><span class="yb-key yb-' + payer + '"></span>' + esc(say(payer)) + "</li>")
    return '<ul class="yb-curve-key">' + "".join(keys) + "</ul>"


def here_line(curve: dict, lang: str, say) -> str:
    """Where the reader's own bill sits, in words (the thick line in the charts)."""
    for point in curve["points"]:
        if point["bill"] == curve["at"]:
            return (
                '<p class="yb-curve-here">'
                + esc(
                    say("curve_here_line")
                    .replace("{bill}", yuan_words(point["bill"], lang))
                    .replace("{personal}", yuan_words(point["personal"], lang))
                    .replace("{share}", format_share(point["share"]) if point["share"] is not None else "")
                )
                + "</p>"
            )
    return ""


def render(curve: dict, lang: str, say) -> str:
    """The figure: caption, yuan chart, legend, share chart, marks, notes, table. ``say(key)``
    gives a word of present.WORDS in the page's language (the words live there only)."""
    caption = say("curve_caption").replace("{edition}", curve["edition"][lang])
    parts = [
        # Kept out of the site search: its figures are the engine's, not words to look up.
        '<figure class="yb-curve yb-computed" data-search-exclude data-curve="'
        + esc(curve["policy"] + " " + curve["edition"]["from"] + " " + curve["status"] + " " + curve["level"])
        + '"><figcaption>'
        + esc(caption)
        + "</figcaption>"
    ]
    if curve["points"] and curve["points"][-1]["bill"]:
        parts.append(here_line(curve, lang, say))
        parts.append('<p class="yb-curve-title">' + esc(say("curve_title")) + "</p>")
        parts.append(amount_chart(curve, lang, say))
        parts.append(legend(curve, say))
        parts.append('<p class="yb-curve-title">' + esc(say("curve_share_title")) + "</p>")
        parts.append(share_chart(curve, lang, say))
        if curve["marks"]:
            parts.append('<ol class="yb-curve-marks">' + "".join(mark_items(curve, lang, say)) + "</ol>")
    parts += notes(curve, lang, say)
    if curve["points"] and curve["points"][-1]["bill"]:
        parts.append(table(curve, lang, say))
    parts.append("</figure>")
    return "".join(parts)
