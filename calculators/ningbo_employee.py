"""Ningbo urban-area employee insurance, one claim at a time (2023 Q&A).

Each function is headed by the question it encodes. Ningbo's tables give the patient's share,
so the fund's share is the whole less it (less the remote reduction).
"""

from . import bands as band_math
from .fields import fail
from .jsonout import Money
from .money import BP
from .shared_rules import (
    CURVE_DEDUCTIBLE,
    CURVE_LIMIT,
    employee_year,
    pay_from_account,
    pay_inpatient_deductible,
    pay_own_parts,
    pay_yearly_threshold,
    split_with_fund,
)

# The thresholds that shape an inpatient bill's curve (calculators/curve.py): which parameter,
# how to read it (per level or a band list's edges) and the running figure of the year it is on.
CURVE = (
    CURVE_DEDUCTIBLE,
    {"mark": "band", "parameter": "inpatient/personal_share/{status}", "pick": "bands", "measure": "cumulative"},
    CURVE_LIMIT,
    {"mark": "critical_illness", "parameter": "critical_illness/share", "pick": "bands", "measure": "compliant"},
)


def new_year(person: dict) -> dict:
    state = employee_year(person)
    state["self_pay_paid"] = 0
    state["compliant"] = 0
    return state


def remote_reduction(edition, claim: dict, ledger) -> int:
    """Q16: outside Ningbo the fund's share falls 10 points in Zhejiang and for filed referrals out
    of the province, 20 points otherwise out of the province; emergencies are paid as at home.
    Q16 3 states no cut for a long-term-residence filing: the site's reading applies the cut of a
    temporary trip, and the step says it is a reading."""
    if claim["where"] == "local" or claim["emergency"]:
        return 0
    key = claim["where"]
    if key == "out_of_province" and claim["filing"] == "referral":
        key = "referral_out_of_province"
    points, ref = edition.get("remote/fund_share_reduction", key)
    kind = "remote_reduction_long_term_reading" if claim["filing"] == "long_term" else "remote_reduction"
    ledger.note(kind, {"points": points}, ref)
    return points


def pay_shared(ledger, cost: int, patient_share: int, ref: dict, kind: str, args: dict, mark=None):
    """Split ``cost`` between the fund and the patient at the patient's share; ``kind`` and
    ``args`` say which part of the year it is (segment, special outpatient, band)."""
    args["cost"] = Money(cost)
    return split_with_fund(ledger, cost, max(0, BP - patient_share), ref, (kind, "co_payment"), args, mark)


def outpatient(edition, person: dict, claim: dict, state: dict, ledger, cost: int, reduction: int):
    """Q7: account first; then the yearly self-pay segment (by age, lower for retirees); above
    it the patient pays a share by hospital level (``outpatient/…`` parameters)."""
    status = person["status"]
    cost = pay_from_account(ledger, state, cost)
    path = "outpatient/self_pay_segment/" + status
    segment, ref = edition.get(path)
    if isinstance(segment, list):
        if person["age"] is None:
            raise fail(
                "person.age",
                "宁波在职职工的门诊自负段按年龄确定，请填写年龄。",
                "Ningbo's outpatient self-pay segment for employees depends on age; give the age.",
            )
        segment = band_math.at_age(segment, person["age"])
    cost = pay_yearly_threshold(ledger, state, "self_pay_paid", segment, cost, ref, "outpatient_self_pay_segment")
    if not cost:
        return
    patient_share, share_ref = edition.get("outpatient/personal_share/" + status, claim["level"])
    pay_shared(ledger, cost, patient_share + reduction, share_ref, "segment_fund", {"level": claim["level"]})


def hospital(edition, person: dict, claim: dict, state: dict, ledger, cost: int, reduction: int):
    """Q8: deductible once a year at the highest level (none with a registered special disease,
    Q10); bands on the year's cumulative cost. Q10: special-disease outpatient care at its own
    patient share; its cost counts in the cumulative total."""
    level = claim["level"]
    start = state["cumulative"]
    state["cumulative"] = start + cost
    if claim["kind"] == "special_outpatient":
        patient_share, ref = edition.get("special_outpatient/personal_share")
        return pay_shared(ledger, cost, patient_share + reduction, ref, "special_fund", {})
    own = 0
    if person["special_registered"]:
        ledger.note("special_registered", {})
    else:
        deductibles, ded_ref = edition.get("inpatient/deductible")
        rest = pay_inpatient_deductible(ledger, state, deductibles, ded_ref, level, cost)
        own = cost - rest
        start += own
    shares, share_ref = edition.get("inpatient/personal_share/" + person["status"])
    for low, high, band in band_math.cut(start, start + cost - own, shares):
        patient_share = band_math.for_level(band["value"], level) + reduction
        own += pay_shared(
            ledger,
            high - low,
            patient_share,
            share_ref,
            "band_patient_share_fund",
            {"low": Money(low), "high": Money(high)},
            "band:" + str(shares.index(band)),
        )
    return own


def critical_illness(edition, claim: dict, state: dict, ledger, compliant: int):
    """Q9: the year's compliant cost (the patient's deductible, co-payments and category-B part
    of inpatient and special-outpatient care) above a threshold, paid by band up to a cap
    (``critical_illness/share``)."""
    shares, ref = edition.get("critical_illness/share")
    before = state["compliant"]
    after = before + compliant
    state["compliant"] = after
    paid_after = band_math.cumulative(after, shares)
    if paid_after is None:
        raise edition.refuse("critical_illness/share", claim["path"] + ".amount")
    amount = paid_after - band_math.cumulative(before, shares)
    if amount:
        ledger.relieve(
            "critical_illness",
            amount,
            "critical_illness_bands",
            {"compliant": Money(after), "threshold": Money(shares[0]["up_to"]), "amount": Money(amount)},
            ref,
        )


def settle_claim(edition, person: dict, claim: dict, state: dict, ledger):
    pay_own_parts(ledger, claim)
    reduction = remote_reduction(edition, claim, ledger)
    if claim["kind"] == "outpatient":
        outpatient(edition, person, claim, state, ledger, claim["amount"], reduction)
        return
    own = hospital(edition, person, claim, state, ledger, claim["amount"], reduction)
    critical_illness(edition, claim, state, ledger, own + claim["category_b"])
