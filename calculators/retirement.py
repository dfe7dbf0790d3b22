"""Whether contribution years suffice for retiree benefits, and Ningbo's one-off top-up.

The registry names the rule. ``local_and_cumulative`` (Hangzhou Art. 7): 10 years actually
paid in the urban area and 20 cumulative. ``reform_adjusted`` (Ningbo Q3): 20 years for those
retiring from the reform date, months before it × the adjustment factor (4/3) rounded up to
whole months, and a top-up of the missing months at 6.3% of 90% of the contribution basis;
15 years for those retired before; the transition half-year compares both rules (its old-rule
figures are not in the sources, so no top-up is computed there).
"""

from . import fields
from .jsonout import Money
from .money import BP, round_half_up
from .scenario import described, open_scenario, step
from .wording import date_text, share, ye, yz

MAX_MONTHS = 1200


def fraction(text: str) -> tuple:
    """"4/3" -> (4, 3): a factor the sources write as a fraction, kept exact."""
    numerator, denominator = text.split("/")
    return int(numerator), int(denominator)


def years_text(months: int) -> tuple:
    years, rest = divmod(months, 12)
    zh = str(years) + "年" + (str(rest) + "个月" if rest else "")
    en = str(years) + " years" + (" " + str(rest) + " months" if rest else "")
    return zh, en


def local_and_cumulative(edition, scenario: dict) -> dict:
    local = fields.whole(scenario, "", "local_actual_months", 0, MAX_MONTHS)
    cumulative = fields.whole(scenario, "", "cumulative_months", 0, MAX_MONTHS)
    if local is None or cumulative is None:
        raise fields.fail("local_actual_months" if local is None else "cumulative_months",
                          "必须填写（月数）。", "is required (a number of months).")
    if local > cumulative:
        raise fields.fail("local_actual_months", "市区实际缴费月数不能多于累计缴费月数。",
                          "cannot exceed the cumulative months.")
    need_local, local_ref = edition.get("retirement/local_actual_years")
    need_total, total_ref = edition.get("retirement/cumulative_years")
    short_local = max(0, 12 * need_local - local)
    short_total = max(0, 12 * need_total - cumulative)
    steps = [
        step(None, "市区实际缴费须满 " + years_text(12 * need_local)[0] + "：已有 " + years_text(local)[0]
             + ("，已满足。" if not short_local else "，还差 " + years_text(short_local)[0] + "。"),
             "Actually paid in the urban area, at least " + years_text(12 * need_local)[1] + ": you have "
             + years_text(local)[1] + ("; enough." if not short_local else "; " + years_text(short_local)[1] + " short."), local_ref),
        step(None, "累计缴费须满 " + years_text(12 * need_total)[0] + "：已有 " + years_text(cumulative)[0]
             + ("，已满足。" if not short_total else "，还差 " + years_text(short_total)[0] + "。"),
             "Cumulative, at least " + years_text(12 * need_total)[1] + ": you have " + years_text(cumulative)[1]
             + ("; enough." if not short_total else "; " + years_text(short_total)[1] + " short."), total_ref),
    ]
    return {"eligible": not short_local and not short_total, "required_local_months": 12 * need_local,
            "required_cumulative_months": 12 * need_total, "short_local_months": short_local,
            "short_cumulative_months": short_total, "steps": steps}


def reform_adjusted(edition, scenario: dict) -> dict:
    retired = fields.date(scenario, "", "retirement_date")
    before = fields.whole(scenario, "", "months_before_reform", 0, MAX_MONTHS, 0)
    after = fields.whole(scenario, "", "months_after_reform", 0, MAX_MONTHS, 0)
    new_after = fields.flag(scenario, "", "new_after_reform")
    reform, reform_ref = edition.get("retirement/reform_date")
    transition_end, transition_ref = edition.get("retirement/transition_end")
    new_min, new_ref = edition.get("retirement/min_years")
    old_min, old_ref = edition.get("retirement/min_years_before_reform")
    reform_zh, reform_en = date_text(reform)
    steps = []
    if retired < reform:
        rule, required, counted = "before_reform", 12 * old_min, before + after
        steps.append(step(None, reform_zh + "前退休：最低缴费年限 " + years_text(required)[0] + "，缴费年限不作调整。",
                          "Retired before " + reform_en + ": the minimum is " + years_text(required)[1]
                          + ", months count as they are.", old_ref))
    else:
        rule = "transition" if retired <= transition_end else "after_reform"
        required = 12 * new_min
        factor, factor_ref = edition.get("retirement/adjustment_factor")
        numerator, denominator = fraction(factor)
        adjusted = before if new_after else (before * numerator + denominator - 1) // denominator
        counted = adjusted + after
        if new_after:
            steps.append(step(None, reform_zh + "后新参保：外地转入的此前年限不作系数调整。",
                              "Joined after " + reform_en + ": earlier months transferred in are not adjusted.", reform_ref))
        else:
            steps.append(step(None, reform_zh + "前的 " + str(before) + " 个月 × " + factor
                              + "，不足1个月按1个月计：" + str(adjusted) + " 个月。",
                              str(before) + " months before " + reform_en + " × " + factor
                              + ", a part month counting as one: " + str(adjusted) + " months.", factor_ref))
        steps.append(step(None, "最低缴费年限 " + years_text(required)[0] + "。",
                          "The minimum is " + years_text(required)[1] + ".", new_ref))
    short = max(0, required - counted)
    topup = None
    if rule == "after_reform":
        if scenario.get("basis") is None:
            basis = edition.get("contribution/provincial_average")[0]
        else:
            basis = fields.money(scenario, "", "basis")
        rate, rate_ref = edition.get("retirement/topup_rate")
        base_share, share_ref = edition.get("retirement/topup_base_share")
        topup = Money(round_half_up(short * basis * base_share * rate, BP * BP))
        if short:
            steps.append(step(topup, "一次性补缴：" + str(short) + " 个月 × 征缴依据 " + yz(basis) + " × " + share(base_share)
                              + " × " + share(rate) + " = " + yz(topup.fen) + "。",
                              "One-off top-up: " + str(short) + " months × basis " + ye(basis) + " × " + share(base_share)
                              + " × " + share(rate) + " = " + ye(topup.fen) + ".", rate_ref))
    elif short:
        wage_year = edition.get("retirement/topup_floor_wage_year")[0]
        steps.append(step(None, "此种情形的补缴金额所需数字（如" + wage_year + "年本市职工月平均工资、衔接期的孰低比较）资料未载明，不作计算。",
                          "The figures this case's top-up needs (such as the city's " + wage_year + " average wage, or the "
                          "transition's lower-of comparison) are not stated in the sources; no top-up is computed.",
                          transition_ref))
    return {"rule": rule, "required_months": required, "counted_months": counted, "short_months": short,
            "eligible": short == 0, "topup": topup, "steps": steps}


# The registry's ``rule``: (the rule, the scenario keys it reads).
RULES = {
    "local_and_cumulative": (local_and_cumulative, ("policy", "date", "local_actual_months", "cumulative_months")),
    "reform_adjusted": (reform_adjusted, ("policy", "date", "retirement_date", "months_before_reform",
                                          "months_after_reform", "new_after_reform", "basis")),
}


def compute(scenario, bundle: dict, today: str) -> dict:
    edition, options = open_scenario(scenario, bundle, today, "retirement", lambda options: RULES[options["rule"]][1])
    return described(edition, RULES[options["rule"]][0](edition, scenario))
