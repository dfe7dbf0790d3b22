"""Whether contribution years suffice for retiree benefits, and Ningbo's one-off top-up.

The registry names the rule. ``local_and_cumulative`` (Hangzhou Art. 7): minimum years
actually paid in the urban area and cumulative. ``reform_adjusted`` (Ningbo Q3): the raised
minimum for those retiring from the reform date, months before it × the adjustment factor
rounded up to whole months, and a top-up of the missing months at a rate of the contribution
basis; the old minimum for those retired before; the transition half-year compares both rules
(its old-rule figures are not in the sources, so no top-up is computed there). Every figure
and date is a ``retirement/…`` parameter.
"""

from . import fields
from .jsonout import Money
from .money import BP, round_half_up
from .scenario import described, open_scenario, step

MAX_MONTHS = 1200


def fraction(text: str) -> tuple:
    """ "4/3" -> (4, 3): a factor the sources write as a fraction, kept exact."""
    numerator, denominator = text.split("/")
    return int(numerator), int(denominator)


def local_and_cumulative(edition, scenario: dict) -> dict:
    local = fields.whole(scenario, "", "local_actual_months", 0, MAX_MONTHS)
    cumulative = fields.whole(scenario, "", "cumulative_months", 0, MAX_MONTHS)
    if local is None or cumulative is None:
        raise fields.fail(
            "local_actual_months" if local is None else "cumulative_months",
            "必须填写（月数）。",
            "is required (a number of months).",
        )
    if local > cumulative:
        raise fields.fail(
            "local_actual_months", "市区实际缴费月数不能多于累计缴费月数。", "cannot exceed the cumulative months."
        )
    need_local, local_ref = edition.get("retirement/local_actual_years")
    need_total, total_ref = edition.get("retirement/cumulative_years")
    short_local = max(0, 12 * need_local - local)
    short_total = max(0, 12 * need_total - cumulative)
    steps = [
        step(
            None,
            "local_years_short" if short_local else "local_years_enough",
            {"required": 12 * need_local, "have": local, "short": short_local},
            local_ref,
        ),
        step(
            None,
            "cumulative_years_short" if short_total else "cumulative_years_enough",
            {"required": 12 * need_total, "have": cumulative, "short": short_total},
            total_ref,
        ),
    ]
    return {
        "eligible": not short_local and not short_total,
        "required_local_months": 12 * need_local,
        "required_cumulative_months": 12 * need_total,
        "short_local_months": short_local,
        "short_cumulative_months": short_total,
        "steps": steps,
    }


def reform_adjusted(edition, scenario: dict) -> dict:
    retired = fields.date(scenario, "", "retirement_date")
    before = fields.whole(scenario, "", "months_before_reform", 0, MAX_MONTHS, 0)
    after = fields.whole(scenario, "", "months_after_reform", 0, MAX_MONTHS, 0)
    new_after = fields.flag(scenario, "", "new_after_reform")
    reform, reform_ref = edition.get("retirement/reform_date")
    transition_end, transition_ref = edition.get("retirement/transition_end")
    new_min, new_ref = edition.get("retirement/min_years")
    old_min, old_ref = edition.get("retirement/min_years_before_reform")
    steps = []
    if retired < reform:
        rule, required, counted = "before_reform", 12 * old_min, before + after
        steps.append(step(None, "retired_before_reform", {"reform": reform, "required": required}, old_ref))
    else:
        rule = "transition" if retired <= transition_end else "after_reform"
        required = 12 * new_min
        factor, factor_ref = edition.get("retirement/adjustment_factor")
        numerator, denominator = fraction(factor)
        adjusted = before if new_after else (before * numerator + denominator - 1) // denominator
        counted = adjusted + after
        if new_after:
            steps.append(step(None, "joined_after_reform", {"reform": reform}, reform_ref))
        else:
            steps.append(
                step(
                    None,
                    "months_adjusted",
                    {"reform": reform, "before": before, "factor": factor, "adjusted": adjusted},
                    factor_ref,
                )
            )
        steps.append(step(None, "minimum_years", {"required": required}, new_ref))
    short = max(0, required - counted)
    topup = None
    if rule == "after_reform":
        if scenario.get("basis") is None:
            basis = edition.get("contribution/provincial_average")[0]
        else:
            basis = fields.money(scenario, "", "basis")
        rate, rate_ref = edition.get("retirement/topup_rate")
        base_share, _ = edition.get("retirement/topup_base_share")
        topup = Money(round_half_up(short * basis * base_share * rate, BP * BP))
        if short:
            steps.append(
                step(
                    topup,
                    "topup",
                    {"short": short, "basis": Money(basis), "base_share": base_share, "rate": rate, "topup": topup},
                    rate_ref,
                )
            )
    elif short:
        steps.append(
            step(
                None,
                "topup_not_stated",
                {"wage_year": edition.get("retirement/topup_floor_wage_year")[0]},
                transition_ref,
            )
        )
    return {
        "rule": rule,
        "required_months": required,
        "counted_months": counted,
        "short_months": short,
        "eligible": short == 0,
        "topup": topup,
        "steps": steps,
    }


# The registry's ``rule``: (the rule, the scenario keys it reads).
RULES = {
    "local_and_cumulative": (local_and_cumulative, ("policy", "date", "local_actual_months", "cumulative_months")),
    "reform_adjusted": (
        reform_adjusted,
        (
            "policy",
            "date",
            "retirement_date",
            "months_before_reform",
            "months_after_reform",
            "new_after_reform",
            "basis",
        ),
    ),
}


def compute(scenario, bundle: dict, today: str) -> dict:
    edition, options = open_scenario(scenario, bundle, today, "retirement", lambda options: RULES[options["rule"]][1])
    return described(edition, RULES[options["rule"]][0](edition, scenario))
