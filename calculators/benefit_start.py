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
    gap_limit, gap_ref = edition.get("benefit_start/interruption_months")
    if first_time or gap < gap_limit:
        months, ref = edition.get("benefit_start/months_after_enrolment")
        return months, step(None, "办理参保缴费手续后的次月起享受待遇。", "Benefits start the month after enrolment.", ref)
    months, ref = edition.get("benefit_start/waiting_months")
    return months, step(None, "连续中断缴费 " + str(gap) + " 个月，属中断参保：须连续缴费满 " + str(months)
                        + " 个月后才能享受待遇，其间的医疗费医保不付。",
                        str(gap) + " unpaid months in a row is an interruption: benefits start only after "
                        + str(months) + " months of paid contributions; costs in between are not covered.", ref)


def natural_months(edition, first_time: bool, gap: int) -> tuple:
    if first_time:
        months, ref = edition.get("benefit_start/months_after_registration")
        return months, step(None, "首次参保：参保登记的第二个自然月起享受待遇。",
                            "First registration: benefits start in the 2nd natural month.", ref)
    if gap == 0:
        return 0, step(None, "连续缴费、待遇正常：接续参保当月切换。",
                       "Contributions never stopped: benefits switch over in the same month.",
                       edition.get("benefit_start/short_break_months")[1])
    short_limit, short_ref = edition.get("benefit_start/short_break_months")
    if gap <= short_limit:
        months, ref = edition.get("benefit_start/months_after_short_break")
        return months, step(None, "中断 " + str(gap) + " 个月（三个月含以内）：接续参保的第二个自然月起享受待遇，可申请补缴中断期间的费用。",
                            "A break of " + str(gap) + " months (3 or fewer): benefits start in the 2nd natural month; "
                            "the break can be paid back.", ref)
    months, ref = edition.get("benefit_start/months_after_long_break")
    return months, step(None, "中断 " + str(gap) + " 个月（超过三个月）：接续参保的第三个自然月起享受待遇。",
                        "A break of " + str(gap) + " months (more than 3): benefits start in the 3rd natural month.", ref)


# The registry's ``rule`` for the start of benefits.
RULES = {"interruption_wait": interruption_wait, "natural_months": natural_months}


def compute(scenario, bundle: dict, today: str) -> dict:
    edition, options = open_scenario(scenario, bundle, today, "benefit-start", lambda options: KEYS)
    year, month = fields.month(scenario, "", "enrolled")
    first_time = fields.flag(scenario, "", "first_time", True)
    gap = fields.whole(scenario, "", "break_months", 0, 1200, 0)
    if first_time and gap:
        raise fields.fail("break_months", "首次参保没有中断月数；如曾参保，请把 first_time 设为 false。",
                          "a first enrolment has no break; set first_time to false if you were insured before.")
    months, explained = RULES[options["rule"]](edition, first_time, gap)
    return described(edition, {"start": add_months(year, month, months), "months_after": months,
                               "steps": [explained]})
