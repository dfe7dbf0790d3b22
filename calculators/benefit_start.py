"""The month benefits start after (re-)enrolment; the registry names the rule that applies.

``interruption_wait`` (Hangzhou Art. 4–5): the month after enrolment; after an interruption
(3 consecutive unpaid months) only after 6 months of paid contributions. ``natural_months``
(Ningbo Q6): the 2nd natural month after a first registration or a break of up to 3 months,
the same month when contributions never stopped, the 3rd natural month after a longer break.
"""

from . import fields
from .scenario import described, open_scenario, step

KEYS = ("policy", "date", "enrolled", "first_time", "break_months")


def add_months(year: int, month: int, months: int) -> str:
    index = year * 12 + (month - 1) + months
    return str(index // 12) + "-" + ("0" + str(index % 12 + 1))[-2:]


def interruption_wait(edition, first_time: bool, gap: int) -> tuple:
    gap_limit, _ = edition.get("benefit_start/interruption_months")
    if first_time or gap < gap_limit:
        months, ref = edition.get("benefit_start/months_after_enrolment")
        return months, step(None, "after_enrolment", {"months": months}, ref)
    months, ref = edition.get("benefit_start/waiting_months")
    return months, step(None, "interruption_wait", {"gap": gap, "months": months}, ref)


def natural_months(edition, first_time: bool, gap: int) -> tuple:
    if first_time:
        months, ref = edition.get("benefit_start/months_after_registration")
        return months, step(None, "first_registration", {"months": months}, ref)
    if gap == 0:
        months, ref = edition.get("benefit_start/months_after_continuous")
        return months, step(None, "continuous", {"months": months}, ref)
    limit = edition.get("benefit_start/short_break_months")[0]
    path, kind = (
        ("months_after_short_break", "short_break") if gap <= limit else ("months_after_long_break", "long_break")
    )
    months, ref = edition.get("benefit_start/" + path)
    return months, step(None, kind, {"gap": gap, "limit": limit, "months": months}, ref)


# The registry's ``rule`` for the start of benefits.
RULES = {"interruption_wait": interruption_wait, "natural_months": natural_months}


def compute(scenario, bundle: dict, today: str) -> dict:
    edition, options = open_scenario(scenario, bundle, today, "benefit-start", lambda options: KEYS)
    year, month = fields.month(scenario, "", "enrolled")
    first_time = fields.flag(scenario, "", "first_time", True)
    gap = fields.whole(scenario, "", "break_months", 0, 1200, 0)
    if first_time and gap:
        raise fields.fail(
            "break_months",
            "首次参保没有中断月数；如曾参保，请把 first_time 设为 false。",
            "a first enrolment has no break; set first_time to false if you were insured before.",
        )
    months, explained = RULES[options["rule"]](edition, first_time, gap)
    return described(edition, {"start": add_months(year, month, months), "months_after": months, "steps": [explained]})
