"""Hangzhou urban and rural resident insurance: only what the 2024 page states.

The page gives the outpatient deductible and shares by tier and level, and inpatient
deductibles without shares; everything else is refused as not stated.
"""

from .fields import fail, must_be_default
from .money import BP, share_of
from .shared_rules import pay_own_parts, pay_yearly_threshold
from .wording import LEVEL, share, ye, yz


def check(edition, person: dict):
    """Residents have no account and no in-service/retired split; the page states no signed-GP
    deductible cut, no assistance and no special registration for them."""
    title = edition.policy["title"]
    if person["status"] != "in_service":
        raise fail("person.status", "居民医保没有在职/退休之分，资料未载明退休人员待遇。",
                   "the resident scheme has no retiree category; the sources state no retiree rates.")
    if person["account"]:
        raise fail("person.account", "居民医保不建立个人账户，余额应为 0。",
                   "resident-scheme members have no personal account; the balance must be 0.")
    if person["certificate"] != "none":
        edition.get("assistance/share", field="person.certificate")
    must_be_default(person["signed_gp"], False, "person.signed_gp", title)
    must_be_default(person["special_registered"], False, "person.special_registered", title)


def new_year(person: dict) -> dict:
    return {"outpatient_deductible_paid": 0}


def settle_claim(edition, person: dict, claim: dict, state: dict, ledger):
    """2024 page, resident reimbursement, scope 1 and rates 1: a yearly outpatient deductible of
    300; above it the patient pays by tier and level (less at the signed community centre)."""
    if claim["where"] != "local":
        edition.get("remote/settlement", field=claim["path"] + ".where")
    if claim["kind"] == "inpatient":
        edition.get("inpatient/personal_share", field=claim["path"] + ".kind")
    if claim["kind"] == "special_outpatient":
        edition.get("special_outpatient/personal_share", field=claim["path"] + ".kind")
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
