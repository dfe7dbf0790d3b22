"""Hangzhou urban and rural resident insurance: only what the 2024 page states.

The page gives the outpatient deductible and shares by tier and level, and inpatient
deductibles without shares; the registry (policy.yaml ``unsupported``) refuses the rest:
inpatient and special outpatient claims, remote treatment, retirees, an account, certificates.
"""

from .money import BP, share_of
from .shared_rules import pay_own_parts, pay_yearly_threshold
from .wording import LEVEL, share, ye, yz


def new_year(person: dict) -> dict:
    return {"outpatient_deductible_paid": 0}


def settle_claim(edition, person: dict, claim: dict, state: dict, ledger):
    """2024 page, resident reimbursement, scope 1 and rates 1: a yearly outpatient deductible of
    300; above it the patient pays by tier and level (less at the signed community centre)."""
    pay_own_parts(ledger, claim)
    deductible, ref = edition.get("outpatient/deductible")
    cost = pay_yearly_threshold(ledger, state, "outpatient_deductible_paid", deductible, claim["amount"], ref,
                                "门诊起付标准", "Outpatient deductible")
    if not cost:
        return
    level = "signed_community" if claim["at_signed_gp"] else claim["level"]
    tier = str(person["tier"])
    patient_share, share_ref = edition.get("outpatient/personal_share/tier" + tier, level)
    fund_share = BP - patient_share
    fund = share_of(cost, fund_share)
    where_zh = "签约社区" if claim["at_signed_gp"] else LEVEL[claim["level"]][0]
    where_en = "your signed community centre" if claim["at_signed_gp"] else LEVEL[claim["level"]][1]
    ledger.pay("fund", fund,
               "起付标准以上 " + yz(cost) + "（" + tier + "档，" + where_zh + "）：统筹基金支付 " + share(fund_share)
               + "，即 " + yz(fund) + "。",
               "Above the deductible, " + ye(cost) + " (tier " + tier + ", " + where_en + "): the fund pays "
               + share(fund_share) + ", " + ye(fund) + ".", share_ref)
    ledger.pay("personal", cost - fund,
               "个人承担 " + share(patient_share) + "：" + yz(cost - fund) + "。",
               "Your share, " + share(patient_share) + ": " + ye(cost - fund) + ".", share_ref)
