"""Settlement steps the cities share: the patient's own parts, the current-year account, the
yearly outpatient threshold and the once-a-year inpatient deductible."""

from .wording import LEVEL, ye, yz


def employee_year(person: dict) -> dict:
    """The running figures both employee schemes keep through a year of claims."""
    return {
        "account_left": person["account"],
        "inpatient_deductible_level": 0,
        "inpatient_deductible_paid": 0,
        "cumulative": 0,
    }


def pay_own_parts(ledger, claim: dict):
    """乙类先行自付 and 自费 are the patient's before anything else is settled."""
    if claim["category_b"]:
        ledger.pay("personal", claim["category_b"],
                   "乙类先行自付（自理）" + yz(claim["category_b"]) + "由个人承担。",
                   "Category-B self-pay of " + ye(claim["category_b"]) + " is yours.")
    if claim["out_of_scope"]:
        ledger.pay("personal", claim["out_of_scope"],
                   "自费 " + yz(claim["out_of_scope"]) + "不属于医保开支范围，由个人承担。",
                   "Out-of-scope costs of " + ye(claim["out_of_scope"]) + " are not covered; you pay them.",
                   in_scope=False)


def pay_from_account(ledger, state: dict, cost: int) -> int:
    """The current-year account pays an ordinary outpatient claim first; returns what is left."""
    paid = min(cost, state["account_left"])
    if paid:
        state["account_left"] -= paid
        ledger.pay("account", paid,
                   "个人账户当年资金先支付 " + yz(paid) + "（余额还剩 " + yz(state["account_left"]) + "）。",
                   "Your current-year personal account pays " + ye(paid) + " first ("
                   + ye(state["account_left"]) + " left).", mark="account")
    return cost - paid


def pay_yearly_threshold(ledger, state: dict, key: str, threshold: int, cost: int, ref: dict,
                         name_zh: str, name_en: str) -> int:
    """A yearly amount the patient bears before the fund pays (deductible, self-pay segment)."""
    part = min(cost, max(0, threshold - state[key]))
    state[key] += part
    if part:
        ledger.pay("personal", part,
                   name_zh + " " + yz(threshold) + "：本笔由个人承担 " + yz(part) + "（今年已承担 "
                   + yz(state[key]) + "）。",
                   name_en + " of " + ye(threshold) + ": you pay " + ye(part) + " of this claim ("
                   + ye(state[key]) + " so far this year).", ref, mark="deductible")
    return cost - part


def pay_inpatient_deductible(ledger, state: dict, deductibles: dict, ref: dict, level: str, cost: int) -> int:
    """Once a year at the highest level used: a later stay at a higher level pays the difference."""
    needed = max(state["inpatient_deductible_level"], deductibles[level])
    state["inpatient_deductible_level"] = needed
    part = min(cost, needed - state["inpatient_deductible_paid"])
    state["inpatient_deductible_paid"] += part
    if part:
        ledger.pay("personal", part,
                   "住院起付标准（按今年所住最高等级 " + yz(needed) + "）：本笔由个人承担 " + yz(part) + "。",
                   "Inpatient deductible (the year's highest level, " + ye(needed) + "): you pay "
                   + ye(part) + " of this stay.", ref, mark="deductible")
    else:
        ledger.note("今年的住院起付标准已付足（" + LEVEL[level][0] + "标准 " + yz(deductibles[level]) + "）。",
                    "This year's inpatient deductible is already paid (" + LEVEL[level][1] + ": "
                    + ye(deductibles[level]) + ").", ref)
    return cost - part
