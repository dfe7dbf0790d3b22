"""Settlement steps the cities share: the patient's own parts, the current-year account, the
yearly outpatient threshold and the once-a-year inpatient deductible."""

from .jsonout import Money
from .money import BP, share_of

# The curve marks (calculators/curve.py) of the rules both families share here: the yearly
# inpatient deductible and the inpatient limit, both on the parameters of those names.
CURVE_DEDUCTIBLE = {
    "mark": "deductible",
    "parameter": "inpatient/deductible",
    "pick": "level",
    "measure": "inpatient_deductible_paid",
}
CURVE_LIMIT = {"mark": "limit", "parameter": "inpatient/limit", "pick": "value", "measure": "cumulative"}


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
        ledger.pay("personal", claim["category_b"], "own_category_b", {"amount": Money(claim["category_b"])})
    if claim["out_of_scope"]:
        ledger.pay(
            "personal",
            claim["out_of_scope"],
            "own_out_of_scope",
            {"amount": Money(claim["out_of_scope"])},
            in_scope=False,
        )


def pay_from_account(ledger, state: dict, cost: int) -> int:
    """The current-year account pays an ordinary outpatient claim first; returns what is left."""
    paid = min(cost, state["account_left"])
    if paid:
        state["account_left"] -= paid
        ledger.pay(
            "account", paid, "account_paid", {"paid": Money(paid), "left": Money(state["account_left"])}, mark="account"
        )
    return cost - paid


def pay_yearly_threshold(ledger, state: dict, key: str, threshold: int, cost: int, ref: dict, name: str) -> int:
    """A yearly amount the patient bears before the fund pays (``name``: the deductible, the
    self-pay segment, as the wording table calls it)."""
    part = min(cost, max(0, threshold - state[key]))
    state[key] += part
    if part:
        ledger.pay(
            "personal",
            part,
            "threshold_paid",
            {"name": name, "threshold": Money(threshold), "part": Money(part), "so_far": Money(state[key])},
            ref,
            mark="deductible",
        )
    return cost - part


def pay_inpatient_deductible(ledger, state: dict, deductibles: dict, ref: dict, level: str, cost: int) -> int:
    """Once a year at the highest level used: a later stay at a higher level pays the difference."""
    needed = max(state["inpatient_deductible_level"], deductibles[level])
    state["inpatient_deductible_level"] = needed
    part = min(cost, needed - state["inpatient_deductible_paid"])
    state["inpatient_deductible_paid"] += part
    if part:
        ledger.pay(
            "personal",
            part,
            "inpatient_deductible",
            {"needed": Money(needed), "part": Money(part)},
            ref,
            mark="deductible",
        )
    else:
        ledger.note("inpatient_deductible_met", {"level": level, "deductible": Money(deductibles[level])}, ref)
    return cost - part


def split_with_fund(ledger, cost: int, fund_share: int, ref: dict, kinds: tuple, args: dict, mark=None) -> int:
    """Pay the fund its share of ``cost`` and the patient the rest; returns the patient's part.
    ``kinds`` names the two steps (fund, co-payment); ``args`` say which part of the year it is."""
    fund = share_of(cost, fund_share)
    args["fund_share"], args["fund"] = fund_share, Money(fund)
    ledger.pay("fund", fund, kinds[0], args, ref, mark=mark)
    co_args = {"patient_share": BP - fund_share, "personal": Money(cost - fund)}
    ledger.pay("personal", cost - fund, kinds[1], co_args, ref, mark=mark)
    return cost - fund
