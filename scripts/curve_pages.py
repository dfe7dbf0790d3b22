"""The inpatient-bill charts the build writes into the benefits pages and the city comparison.

Each policy whose rule family declares a curve (``CURVE`` in its module, found through the
registry's ``family``) gets one chart per status and hospital level, under the newest edition,
each folded in a <details> (the first open), drawn by the same renderer as a calculator's result.
"""

from markupsafe import Markup

from calculators import curve, present
from calculators.settle_input import LEVELS, STATUSES


class Curves:
    """The charts of one build, computed once per policy and shared by both languages' pages."""

    def __init__(self, bundle: dict):
        self.bundle = bundle
        self.drawn = {}

    def charted(self, policy_ids: list) -> list:
        return [p for p in policy_ids if curve.declaration(self.bundle, p) is not None]

    def of(self, policy_id: str) -> list:
        if policy_id not in self.drawn:
            date = curve.newest_date(self.bundle, policy_id)
            self.drawn[policy_id] = [
                curve.curve(self.bundle, policy_id, date, {"status": status}, {"level": level})
                for status in STATUSES
                for level in LEVELS
            ]
        return self.drawn[policy_id]

    def section(self, policy_ids: list, lang: str, titles: dict) -> Markup:
        """The charts of ``policy_ids`` (headed by ``titles[policy]`` when there are several)."""
        parts = ['<div class="yb-curves"><p>' + present.esc(present.word("curve_intro", lang)) + "</p>"]
        charted = self.charted(policy_ids)
        for policy_id in charted:
            if len(charted) > 1:
                parts.append("<h3>" + present.esc(titles[policy_id]) + "</h3>")
            for i, drawn in enumerate(self.of(policy_id)):
                parts.append(present.curve_box(drawn, lang, i == 0))
        parts.append("</div>")
        return Markup("".join(parts))
