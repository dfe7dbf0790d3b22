"""The settle scenario: every field read, checked and given its default.

Nothing is computed from a scenario that fails here; the error names the field.
"""

from . import fields

TOP_KEYS = ("policy", "date", "person", "claims")
PERSON_KEYS = ("status", "age", "account", "signed_gp", "certificate", "special_registered", "tier")
CLAIM_KEYS = (
    "kind",
    "level",
    "amount",
    "category_b",
    "out_of_scope",
    "at_signed_gp",
    "where",
    "settled",
    "filing",
    "emergency",
)
STATUSES = ("in_service", "retired")
CERTIFICATES = ("none", "tekun", "dibao", "disabled", "dibao_edge")
KINDS = ("outpatient", "inpatient", "special_outpatient")
LEVELS = ("tertiary", "other", "community")
WHERES = ("local", "in_province", "out_of_province")
SETTLEMENTS = ("direct", "reimbursed")
FILINGS = ("none", "long_term", "referral")
MAX_CLAIMS = 500


def read_person(raw) -> dict:
    if raw is None:
        raw = {}
    fields.check_keys(raw, "person", PERSON_KEYS)
    return {
        "status": fields.choice(raw, "person", "status", STATUSES, "in_service"),
        "age": fields.whole(raw, "person", "age", 0, 130),
        "account": fields.money(raw, "person", "account", 0),
        "signed_gp": fields.flag(raw, "person", "signed_gp"),
        "certificate": fields.choice(raw, "person", "certificate", CERTIFICATES, "none"),
        "special_registered": fields.flag(raw, "person", "special_registered"),
        "tier": fields.whole(raw, "person", "tier", 1, 2, 1),
    }


def read_claim(raw, path: str) -> dict:
    fields.check_keys(raw, path, CLAIM_KEYS)
    claim = {
        "kind": fields.choice(raw, path, "kind", KINDS),
        "level": fields.choice(raw, path, "level", LEVELS),
        "amount": fields.money(raw, path, "amount"),
        "category_b": fields.money(raw, path, "category_b", 0),
        "out_of_scope": fields.money(raw, path, "out_of_scope", 0),
        "at_signed_gp": fields.flag(raw, path, "at_signed_gp"),
        "where": fields.choice(raw, path, "where", WHERES, "local"),
        "settled": fields.choice(raw, path, "settled", SETTLEMENTS, "direct"),
        "filing": fields.choice(raw, path, "filing", FILINGS, "none"),
        "emergency": fields.flag(raw, path, "emergency"),
        "path": path,
    }
    if claim["at_signed_gp"] and (claim["kind"] != "outpatient" or claim["level"] != "community"):
        raise fields.fail(
            path + ".at_signed_gp",
            "只适用于在签约社区卫生服务机构的普通门诊（等级须为 community）。",
            "applies only to ordinary outpatient visits at the signed community centre (level community).",
        )
    return claim


def read(scenario, today: str, policy_ids: list) -> dict:
    """The scenario's fields, read and checked; ``policy_ids`` the policies that settle claims."""
    fields.check_keys(scenario, "", TOP_KEYS)
    claims_raw = scenario.get("claims", [])
    if not isinstance(claims_raw, list):
        raise fields.fail("claims", "应为费用列表。", "must be a list of claims.")
    if len(claims_raw) > MAX_CLAIMS:
        raise fields.fail(
            "claims", "一次最多 " + str(MAX_CLAIMS) + " 笔费用。", "at most " + str(MAX_CLAIMS) + " claims at a time."
        )
    return {
        "policy": fields.choice(scenario, "", "policy", policy_ids),
        "date": fields.date(scenario, "", "date", today),
        "person": read_person(scenario.get("person")),
        "claims": [read_claim(c, fields.field_path("claims", i)) for i, c in enumerate(claims_raw)],
    }
