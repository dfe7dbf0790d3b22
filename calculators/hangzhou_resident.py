"""Hangzhou urban and rural resident insurance: only what the 2024 page states.

The page gives the outpatient deductible and shares by tier and level, and inpatient
deductibles without shares; the registry (policy.yaml ``unsupported``) refuses the rest:
inpatient and special outpatient claims, remote treatment, retirees, an account, certificates.
"""

from .jsonout import Money
from .money import BP, share_of
from .shared_rules import pay_own_parts, pay_yearly_threshold


def new_year(person: dict) -> dict:
    return {"outpatient_deductible_paid": 0}


def settle_claim(edition, person: dict, claim: dict, state: dict, ledger):
    """2024 page, resident reimbursement, scope 1 and rates 1: a yearly outpatient deductible of
    300; above it the patient pays by tier and level (less at the signed community centre)."""
    pay_own_parts(ledger, claim)
    deductible, ref = edition.get("outpatient/deductible")
    cost = pay_yearly_threshold(
        ledger, state, "outpatient_deductible_paid", deductible, claim["amount"], ref, "outpatient_deductible"
    )
    if not cost:
        return
    level = "signed_community" if claim["at_signed_gp"] else claim["level"]
    tier = str(person["tier"])
    patient_share, share_ref = edition.get("outpatient/personal_share/tier" + tier, level)
    fund_share = BP - patient_share
    fund = share_of(cost, fund_share)
    ledger.pay(
        "fund",
        fund,
        "resident_fund",
        {"cost": Money(cost), "tier": tier, "place": level, "fund_share": fund_share, "fund": Money(fund)},
        share_ref,
    )
    ledger.pay(
        "personal",
        cost - fund,
        "resident_personal",
        {"patient_share": patient_share, "personal": Money(cost - fund)},
        share_ref,
    )
