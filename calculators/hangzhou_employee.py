"""Hangzhou urban-area employee insurance, one claim at a time (handbook; 2024 page).

Each function is headed by the article it encodes. Figures come from the edition only.
"""

from . import bands as band_math
from .jsonout import Money
from .money import BP, share_of
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

ASSISTANCE_GROUP = {
    "tekun": "tekun",
    "dibao": "basic_living",
    "disabled": "basic_living",
    "dibao_edge": "low_income_edge",
}
# The thresholds that shape an inpatient bill's curve (calculators/curve.py): which parameter,
# how to read it (per level or a band list's edges) and the running figure of the year it is on.
CURVE = (
    CURVE_DEDUCTIBLE,
    {"mark": "band", "parameter": "inpatient/fund_share/{status}", "pick": "bands", "measure": "cumulative"},
    CURVE_LIMIT,
    {
        "mark": "assistance",
        "parameter": "assistance/non_certificate/share",
        "pick": "bands",
        "measure": "burden_inpatient",
        "certificate": "none",
    },
)


def new_year(person: dict) -> dict:
    state = employee_year(person)
    state["outpatient_deductible_paid"] = 0
    state["burden_outpatient"] = 0
    state["burden_inpatient"] = 0
    return state


def first_self_pay(edition, claim: dict, ledger) -> int:
    """Art. 28: a temporary trip, paid in full and claimed later, not an emergency and not filed:
    the patient bears a first share (``remote/first_self_pay``, by where), then it settles normally.
    Card settlement where treated, an emergency, or a long-term or referral filing: normal."""
    amount = claim["amount"]
    if claim["where"] == "local" or claim["settled"] != "reimbursed" or claim["emergency"] or claim["filing"] != "none":
        return amount
    rate, ref = edition.get("remote/first_self_pay", claim["where"])
    part = share_of(amount, rate)
    ledger.pay(
        "personal", part, "remote_first_self_pay", {"where": claim["where"], "rate": rate, "part": Money(part)}, ref
    )
    return amount - part


def outpatient(edition, person: dict, claim: dict, state: dict, ledger, cost: int):
    """Art. 13 (1), table 1: account first; then one yearly deductible (lower for a first visit
    at the signed community centre); above it the fund pays its share by hospital level, a few
    points more at the signed centre. Retiree figures come from the newer web page (and a
    secondary source for the deductible)."""
    status = person["status"]
    cost = pay_from_account(ledger, state, cost)
    deductible, ref = edition.get("outpatient/deductible/" + status, field="person.status")
    if person["signed_gp"]:
        cut, cut_ref = edition.get("outpatient/signed_gp_deductible_reduction/" + status, field="person.signed_gp")
        deductible = max(0, deductible - cut)
        ledger.note("signed_gp_deductible_cut", {"cut": Money(cut), "deductible": Money(deductible)}, cut_ref)
    cost = pay_yearly_threshold(
        ledger, state, "outpatient_deductible_paid", deductible, cost, ref, "outpatient_deductible"
    )
    if not cost:
        return
    fund_share, share_ref = edition.get("outpatient/fund_share/" + status, claim["level"], field="person.status")
    if claim["at_signed_gp"]:
        bonus, bonus_ref = edition.get("outpatient/signed_centre_bonus")
        fund_share += bonus
        ledger.note("signed_centre_bonus", {"bonus": bonus}, bonus_ref)
    fund = share_of(cost, fund_share)
    ledger.pay(
        "fund",
        fund,
        "outpatient_fund",
        {"cost": Money(cost), "level": claim["level"], "fund_share": fund_share, "fund": Money(fund)},
        share_ref,
    )
    ledger.pay(
        "personal",
        cost - fund,
        "outpatient_co_payment",
        {"patient_share": BP - fund_share, "personal": Money(cost - fund)},
        share_ref,
    )


def hospital(edition, person: dict, claim: dict, state: dict, ledger, cost: int):
    """Art. 13 (2), table 2; Art. 26 (special-disease outpatient settles as inpatient, without
    the deductible). Bands are thresholds on the year's cumulative in-scope cost of inpatient and
    special-outpatient claims; the deductible takes the start of the claim's cost. Up to the
    limit the fund pays by band; above it critical illness insurance pays its share."""
    level = claim["level"]
    shares, share_ref = edition.get("inpatient/fund_share/" + person["status"], field="person.status")
    limit, _ = edition.get("inpatient/limit")
    start = state["cumulative"]
    if claim["kind"] == "inpatient":
        deductibles, ded_ref = edition.get("inpatient/deductible")
        rest = pay_inpatient_deductible(ledger, state, deductibles, ded_ref, level, cost)
        start += cost - rest
    else:
        ledger.note("special_no_deductible", {})
    end = state["cumulative"] + cost
    state["cumulative"] = end
    for low, high, band in band_math.cut(start, min(end, limit), shares):
        mark = "band:" + str(shares.index(band))
        piece = high - low
        fund_share = band_math.for_level(band["value"], level)
        args = {"low": Money(low), "high": Money(high), "piece": Money(piece)}
        split_with_fund(ledger, piece, fund_share, share_ref, ("band_fund", "band_co_payment"), args, mark)
    if end > limit:
        above = end - max(start, limit)
        ci_share, ci_ref = edition.get("inpatient/above_limit_critical_illness_share")
        insured = share_of(above, ci_share)
        ledger.pay(
            "critical_illness",
            insured,
            "above_limit_insured",
            {"limit": Money(limit), "above": Money(above), "ci_share": ci_share, "insured": Money(insured)},
            ci_ref,
            mark="above_limit",
        )
        ledger.pay(
            "personal",
            above - insured,
            "above_limit_personal",
            {"patient_share": BP - ci_share, "personal": Money(above - insured)},
            ci_ref,
            mark="above_limit",
        )


def assistance(edition, person: dict, claim: dict, state: dict, ledger):
    """Art. 19, table 3: medical assistance on the year's in-scope burden after fund and critical
    illness insurance. Certificate holders per their certificate (outpatient too, where table 3
    says so); others by the progressive bands of ``assistance/…``, on inpatient and special
    outpatient."""
    certificate = person["certificate"]
    group = "outpatient" if claim["kind"] == "outpatient" else "inpatient"
    key = "burden_" + group
    before = state[key]
    after = before + ledger.burden
    state[key] = after
    if certificate == "none":
        if group == "outpatient":
            return
        shares, ref = edition.get("assistance/non_certificate/share")
        amount = band_math.cumulative(after, shares) - band_math.cumulative(before, shares)
        kind = "assistance_progressive"
        args = {"burden": Money(after), "threshold": Money(shares[0]["up_to"]), "amount": Money(amount)}
    else:
        path = "assistance/" + ASSISTANCE_GROUP[certificate]
        rate, ref = edition.get(path + "/share", group, field="person.certificate")
        total_after, total_before = share_of(after, rate), share_of(before, rate)
        cap = None
        if group == "outpatient" and edition.has(path + "/outpatient_cap"):
            cap = edition.get(path + "/outpatient_cap")[0]
            total_after, total_before = min(total_after, cap), min(total_before, cap)
        amount = total_after - total_before
        kind = "assistance_certificate"
        args = {"group": group, "rate": rate, "amount": Money(amount)}
        if cap is not None:
            kind = "assistance_certificate_capped"
            args["cap"] = Money(cap)
    if amount:
        ledger.relieve("assistance", amount, kind, args, ref)


def settle_claim(edition, person: dict, claim: dict, state: dict, ledger):
    pay_own_parts(ledger, claim)
    cost = first_self_pay(edition, claim, ledger)
    if claim["kind"] == "outpatient":
        outpatient(edition, person, claim, state, ledger, cost)
    else:
        hospital(edition, person, claim, state, ledger, cost)
    assistance(edition, person, claim, state, ledger)
