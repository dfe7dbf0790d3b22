"""The month benefits start after (re-)enrolment; the registry names the rule that applies.

``interruption_wait`` (Hangzhou Art. 4–5): the month after enrolment; after an interruption
(3 consecutive unpaid months) only after 6 months of paid contributions. ``natural_months``
(Ningbo Q6): the 2nd natural month after a first registration or a break of up to 3 months,
the same month when contributions never stopped, the 3rd natural month after a longer break.
"""

from . import fields
from .scenario import described, open_scenario, step
from .wording import natural_month, next_month, numeral_zh

KEYS = ("policy", "date", "enrolled", "first_time", "break_months")


def add_months(year: int, month: int, months: int) -> str:
    index = year * 12 + (month - 1) + months
    return str(index // 12) + "-" + ("0" + str(index % 12 + 1))[-2:]


def interruption_wait(edition, first_time: bool, gap: int) -> tuple:
    gap_limit, gap_ref = edition.get("benefit_start/interruption_months")
    if first_time or gap < gap_limit:
        months, ref = edition.get("benefit_start/months_after_enrolment")
        zh, en = next_month(months)
        return months, step(None, "办理参保缴费手续后的" + zh + "起享受待遇。", "Benefits start " + en + " enrolment.", ref)
    months, ref = edition.get("benefit_start/waiting_months")
    return months, step(None, "连续中断缴费 " + str(gap) + " 个月，属中断参保：须连续缴费满 " + str(months)
                        + " 个月后才能享受待遇，其间的医疗费医保不付。",
                        str(gap) + " unpaid months in a row is an interruption: benefits start only after "
                        + str(months) + " months of paid contributions; costs in between are not covered.", ref)


def natural_months(edition, first_time: bool, gap: int) -> tuple:
    if first_time:
        months, ref = edition.get("benefit_start/months_after_registration")
        zh, en = natural_month(months)
        return months, step(None, "首次参保：参保登记的" + zh + "起享受待遇。",
                            "First registration: benefits start in " + en + ".", ref)
    if gap == 0:
        months, ref = edition.get("benefit_start/months_after_continuous")
        zh, en = natural_month(months)
        return months, step(None, "连续缴费、待遇正常：接续参保" + zh + "切换。",
                            "Contributions never stopped: benefits switch over in " + en + ".", ref)
    limit, _ = edition.get("benefit_start/short_break_months")
    if gap <= limit:
        months, ref = edition.get("benefit_start/months_after_short_break")
        zh, en = natural_month(months)
        return months, step(None, "中断 " + str(gap) + " 个月（" + numeral_zh(limit) + "个月含以内）：接续参保的" + zh
                            + "起享受待遇，可申请补缴中断期间的费用。",
                            "A break of " + str(gap) + " months (" + str(limit) + " or fewer): benefits start in " + en
                            + "; the break can be paid back.", ref)
    months, ref = edition.get("benefit_start/months_after_long_break")
    zh, en = natural_month(months)
    return months, step(None, "中断 " + str(gap) + " 个月（超过" + numeral_zh(limit) + "个月）：接续参保的" + zh + "起享受待遇。",
                        "A break of " + str(gap) + " months (more than " + str(limit) + "): benefits start in " + en + ".", ref)


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
