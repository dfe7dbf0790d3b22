"""The comparison tables: every employee policy side by side, in service beside retired, edition beside edition.

Every cell names a parameter in policies/. A row of docs/content/compare.yaml declares the
quantity it compares (``patient_share``, ``fund_share``, ``points`` or ``as_stated``); a cell whose
parameter states the other share is converted from the data (the complement, shown with the
source's own figure), so like is always set beside like. A null value says "not stated" or
"no such rule" as its ``status`` in policies/ says.
"""

from markupsafe import Markup

from scripts.figures import Figures, page_text, points_text, value_text

SHARES = ("patient_share", "fund_share")
STATED_AS = {
    "patient_share": ("资料写的是个人负担比例", "the source gives the patient's share"),
    "fund_share": ("资料写的是基金支付比例", "the source gives the fund's share"),
}


def complement(value):
    """A share tree (a number, a map over levels, bands) with every share s turned into 1 − s."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {k: complement(v) for k, v in value.items()}
    if isinstance(value, list):
        return [dict(item, value=complement(item["value"])) for item in value]
    return 10000 - value


class Cells:
    """Renders table cells for one language: the value, its label and its citation."""

    def __init__(self, bundle: dict, lang: str, up: str = "../"):
        self.bundle = bundle
        self.lang = lang
        self.figures = Figures(bundle, lang, up=up)
        self.up = up

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def cite(self, full: str, entry: dict, label: bool) -> Markup:
        parameter = self.figures.parameter(full)[1]
        where = entry["article"][self.lang] if entry.get("article") else self.t("说明", "note")
        name = (
            Markup('<span class="fig" data-fig="{}#label">{}</span> · ').format(full, parameter["label"][self.lang])
            if label
            else ""
        )
        return Markup('<small>{}[<span class="ref">{}</span>]({}about.md#{})</small>').format(
            name, where, self.up, entry["source"]
        )

    def cell(
        self, full: str, edition=None, compares: str = "as_stated", stated_as: str = "as_stated", label: bool = True
    ) -> dict:
        """One cell: the value in the row's quantity, a marker if its source is not official,
        the source's own figure where it was converted, then the parameter label and citation."""
        parameter = self.figures.parameter(full)[1]
        entry = self.figures.entry(full, edition)
        unit, value, status = parameter["unit"], entry["value"], entry.get("status", "silent")
        ref, extra = full, Markup("")
        if compares in SHARES and stated_as in SHARES and compares != stated_as and value is not None:
            ref = full + "#complement"
            original = Markup('<span class="fig" data-fig="{}">{}</span>').format(
                full, value_text(unit, value, self.lang)
            )
            extra = Markup("<br><small>{}{}{}</small>").format(
                STATED_AS[stated_as][self.lang != "zh"], self.t("：", ": "), original
            )
            value = complement(value)
        text = value_text(unit, value, self.lang, status)
        if stated_as == "points" and value is not None:
            text = points_text(text, self.lang)
        text = page_text(text, self.lang)
        html = Markup("{}{}<br>{}").format(self.figures.span(ref, text, edition), extra, self.cite(full, entry, label))
        return {
            "html": str(html),
            "changed": False,
            "missing": value is None,
            "status": status if value is None else None,
            "ref": full,
        }


def city_rows(cells: Cells, spec: dict, render, policy_ids: list) -> list:
    """The sections of the city comparison, one cell per policy (read from the parameter its
    rule family names in the row), in the row's declared quantity; ``render`` turns a label or
    note (which may call fig()) into page text."""
    policies = cells.bundle["policies"]
    sections = []
    for section in spec["sections"]:
        rows = []
        for row in section["rows"]:
            row_cells = []
            for policy in policy_ids:
                cell = row[policies[policy]["family"]]
                param, stated_as = (cell, row["compares"]) if isinstance(cell, str) else (cell["param"], cell["is"])
                row_cells.append(cells.cell(policy + "/" + param, compares=row["compares"], stated_as=stated_as))
            rows.append(
                {
                    "label": render(row["label"][cells.lang]),
                    "cells": row_cells,
                    "note": render(row["note"][cells.lang]) if "note" in row else None,
                }
            )
        sections.append({"title": section["title"][cells.lang], "rows": rows})
    return sections


def status_rows(cells: Cells, policy: str) -> list:
    """In-service and retired values of every parameter that has both, side by side."""
    parameters = cells.bundle["policies"][policy]["parameters"]
    rows = []
    for path in sorted(parameters):
        if path.endswith("/in_service") and path[: -len("in_service")] + "retired" in parameters:
            stem = path[: -len("/in_service")]
            label = parameters[path]["label"][cells.lang].split("（")[0].split(" (")[0]
            rows.append(
                {
                    "label": label,
                    "cells": [
                        cells.cell(policy + "/" + stem + "/in_service", label=False),
                        cells.cell(policy + "/" + stem + "/retired", label=False),
                    ],
                }
            )
    return rows


def edition_sections(cells: Cells, policy: str) -> tuple:
    """Changed (an edition states it differently from the one before: that cell is marked),
    newly stated (older editions are silent: not a change), and carried over (one column: the
    same in every edition). Any number of editions, oldest first."""
    editions = cells.bundle["policies"][policy]["editions"]
    parameters = cells.bundle["policies"][policy]["parameters"]
    changed, stated, same = [], [], []
    for path in sorted(parameters):
        full = policy + "/" + path
        values = [cells.figures.entry(full, e["id"])["value"] for e in editions]
        label = Markup('<span class="fig" data-fig="{}#label">{}</span>').format(
            full, parameters[path]["label"][cells.lang]
        )
        row_cells = [cells.cell(full, e["id"], label=False) for e in editions]
        for i in range(1, len(values)):
            row_cells[i]["changed"] = values[i - 1] is not None and values[i] != values[i - 1]
        if all(value == values[0] for value in values):
            same.append({"label": label, "cells": row_cells[-1:]})
        elif any(cell["changed"] for cell in row_cells):
            changed.append({"label": label, "cells": row_cells})
        else:
            stated.append({"label": label, "cells": row_cells})
    return changed, stated, same
