"""Explain a hospital settlement slip (结算单): settle the same bill with ``settle`` and set the
slip's lines beside the site's own, each explained by the steps that made it, with the reasons
the sources give where a line differs by more than one yuan.

The slip's structure, as this calculator reads it (the page's help text says so):
total = fund + critical illness + assistance + co-payment (自付) + category-B (自理) +
out-of-scope (自费). The personal account pays part of the patient's own share (the last three)
and is not a further term. The settlement of the insurance office is what counts; a difference
is explained, never called the hospital's mistake.
"""

from . import fields, settle, settle_input
from .bill import in_scope, optional_fen
from .errors import InputError
from .jsonout import Money
from .money import yuan_words
from .scenario import described, open_scenario
from .slip_reasons import LINE_NOTES, REASONS

KEYS = ("policy", "date", "person", "claims", "slip")
CLAIM_KEYS = ("kind", "level", "where", "settled", "filing", "emergency")
KINDS = ("inpatient", "special_outpatient")
# The slip's lines, in the order a slip prints them; ``bill`` is its total.
LINES = ("bill", "fund", "critical_illness", "assistance", "co_payment", "category_b", "out_of_scope", "account")
PAID_BY = ("fund", "critical_illness", "assistance", "co_payment", "category_b", "out_of_scope")
COMPARED = ("fund", "critical_illness", "assistance", "co_payment")
OWN_PARTS = {"category_b": "own_category_b", "out_of_scope": "own_out_of_scope"}
# A line "differs" when slip and site are more than one yuan apart (the threshold).
TOLERANCE_FEN = 100


def read_slip(raw) -> dict:
    """The slip's lines in fen, checked against its own structure; errors name the line."""
    fields.check_keys(raw, "slip", CLAIM_KEYS + LINES)
    claim = {key: raw[key] for key in CLAIM_KEYS if key in raw}
    claim["kind"] = fields.choice(raw, "slip", "kind", KINDS)
    claim["bill"] = raw.get("bill")
    for key in ("out_of_scope", "category_b"):
        if key in raw:
            claim[key] = raw[key]
    converted = in_scope(claim, "slip")
    lines = {"bill": fields.money(raw, "slip", "bill")}
    for key in LINES[1:]:
        lines[key] = optional_fen(raw, "slip", key)
        if lines[key] > lines["bill"]:
            raise fields.fail(
                "slip." + key,
                "不能大于总费用（" + yuan_words(lines["bill"], "zh") + "）。",
                "cannot be larger than the total (" + yuan_words(lines["bill"], "en") + ").",
            )
    paid = 0
    for key in PAID_BY:
        paid += lines[key]
    if paid != lines["bill"]:
        gap = lines["bill"] - paid
        raise fields.fail(
            "slip.co_payment",
            "各项加起来是 "
            + yuan_words(paid, "zh")
            + "，和总费用 "
            + yuan_words(lines["bill"], "zh")
            + " 不符（"
            + ("还差 " if gap > 0 else "多出 ")
            + yuan_words(abs(gap), "zh")
            + "）。总费用 = 统筹基金 + 大病保险 + 医疗救助 + 个人自付 + 乙类自理 + 自费；个人账户支付不另算。",
            "the lines add up to "
            + yuan_words(paid, "en")
            + ", not the total of "
            + yuan_words(lines["bill"], "en")
            + " ("
            + yuan_words(abs(gap), "en")
            + (" short" if gap > 0 else " over")
            + "). Total = fund + critical illness + assistance + co-payment + category-B + out-of-scope; "
            "the personal account is not added again.",
        )
    own = lines["co_payment"] + lines["category_b"] + lines["out_of_scope"]
    if lines["account"] > own:
        raise fields.fail(
            "slip.account",
            "个人账户只付你自己应付的部分，不能大于个人自付、乙类自理和自费之和（" + yuan_words(own, "zh") + "）。",
            "the account pays only your own share, so it cannot be larger than co-payment, category-B and "
            "out-of-scope together (" + yuan_words(own, "en") + ").",
        )
    return {"claim": converted, "lines": lines}


def _settle_field(field: str, index: int) -> str:
    """A refusal about the slip's own claim (the last one settled) names the slip's field."""
    prefix = "claims[" + str(index) + "]"
    if not field.startswith(prefix):
        return field
    rest = field[len(prefix) :]
    return "slip.bill" if rest == ".amount" else "slip" + rest


def settle_slip(scenario: dict, slip: dict, bundle: dict, today: str) -> dict:
    """The year settled with the slip's bill last, after the earlier claims the reader gave."""
    earlier = scenario.get("claims", [])
    if not isinstance(earlier, list):
        raise fields.fail("claims", "应为费用列表。", "must be a list of claims.")
    plan = {"claims": earlier + [slip["claim"]]}
    for key in ("policy", "date", "person"):
        if key in scenario:
            plan[key] = scenario[key]
    try:
        return settle.settle(plan, bundle, today)
    except InputError as exc:
        field = _settle_field(exc.field, len(earlier))
        if field == exc.field:
            raise
        raise InputError(
            field, field + exc.zh[len(exc.field) :], field + exc.en[len(exc.field) :], exc.kind, exc.message
        )


def line_steps(line: str, steps: list) -> list:
    """The steps of the site's settlement that make up one slip line."""
    if line in OWN_PARTS:
        return [s for s in steps if s["kind"] == OWN_PARTS[line]]
    if line == "co_payment":
        own = (OWN_PARTS["category_b"], OWN_PARTS["out_of_scope"])
        return [s for s in steps if s["payer"] in ("personal", "account") and s["kind"] not in own]
    if line == "fund":
        # Notes (no payer) say which rate or deductible applied: they explain the fund's figure.
        return [s for s in steps if s["payer"] in ("fund", None)]
    if line in ("critical_illness", "assistance"):
        return [s for s in steps if s["payer"] == line]
    return []


def ours(line: str, claim: dict, lines: dict):
    """The site's figure for a slip line (None for the account, which is not compared)."""
    if line in ("fund", "critical_illness", "assistance"):
        return claim[line].fen
    if line == "co_payment":
        return claim["personal"].fen + claim["account"].fen - lines["category_b"] - lines["out_of_scope"]
    if line == "account":
        return None
    return lines[line]


def compare_lines(claim: dict, lines: dict, edition) -> list:
    out = []
    for line in LINES:
        mine = ours(line, claim, lines)
        entry = {"line": line, "slip": Money(lines[line]), "ours": None, "difference": None, "steps": []}
        if line in COMPARED:
            entry["status"] = "differs" if abs(lines[line] - mine) > TOLERANCE_FEN else "matches"
            entry["difference"] = Money(lines[line] - mine)
        else:
            entry["status"] = "given" if mine is not None else "share"
        if mine is not None:
            entry["ours"] = Money(mine)
        entry["steps"] = line_steps(line, claim["steps"])
        if line in LINE_NOTES:
            note = LINE_NOTES[line]
            entry["note"] = {"zh": note["zh"], "en": note["en"], "refs": refs(edition, note["params"], "")[0]}
        out.append(entry)
    return out


def refs(edition, params, status: str) -> tuple:
    """The refs of the parameters in force for this edition: (those stating a value, those the
    sources leave null)."""
    stated, silent = [], []
    for path in params:
        path = path.replace("{status}", status)
        if not edition.has(path):
            continue
        try:
            parameter, entry = edition.entry(path)
        except InputError:
            continue
        (silent if entry["value"] is None else stated).append(edition.ref(path, parameter, entry))
    return stated, silent


def _deductible_part(steps: list) -> int:
    part = 0
    for s in steps:
        if s["kind"] == "inpatient_deductible":
            part += s["amount"].fen
    return part


def _next_edition_soon(edition) -> bool:
    """The edition used is the newest the site has, or the next one starts within a year."""
    editions = edition.policy["editions"]
    later = [e for e in editions if e["from"] > edition.edition["from"]]
    if not later:
        return True
    return int(later[0]["from"][:4]) <= int(edition.date[:4]) + 1


def _supports_registration(edition) -> bool:
    for item in edition.policy["unsupported"]:
        if item["field"] == "person.special_registered":
            return False
    return True


def context(edition, person: dict, claim_in: dict, claim: dict, lines: dict, compared: list) -> dict:
    """What the reasons' predicates read: each line's difference (slip − site, fen) and the
    ``relief``, how much more the slip's payers paid than the site's (what the patient paid less)."""
    diff = {}
    for entry in compared:
        if entry["difference"] is not None:
            diff[entry["line"]] = entry["difference"].fen
    deductibles = None
    if edition.has("inpatient/deductible"):
        deductibles = edition.get("inpatient/deductible")[0]
    return {
        "edition": edition,
        "person": person,
        "claim": claim_in,
        "diff": diff,
        "relief": -diff["co_payment"],
        "differs": any(abs(d) > TOLERANCE_FEN for d in diff.values()),
        "deductible_part": _deductible_part(claim["steps"]),
        "deductibles": deductibles,
        "category_b": lines["category_b"],
    }


def _higher_level_top_up(c: dict) -> bool:
    if c["claim"]["kind"] != "inpatient" or c["deductibles"] is None or c["relief"] >= -TOLERANCE_FEN:
        return False
    values = c["deductibles"]
    highest = max(values[level] for level in values)
    return -c["relief"] <= highest - values[c["claim"]["level"]]


PREDICATES = {
    "patient_paid_more_without_category_b": lambda c: c["category_b"] == 0 and c["relief"] < -TOLERANCE_FEN,
    "deductible_could_have_been_met": lambda c: TOLERANCE_FEN < c["relief"] <= c["deductible_part"],
    "deductible_waived_by_registration": lambda c: (
        _supports_registration(c["edition"])
        and not c["person"].get("special_registered")
        and TOLERANCE_FEN < c["relief"] <= c["deductible_part"]
    ),
    "higher_level_top_up": _higher_level_top_up,
    "patient_paid_less": lambda c: c["relief"] > TOLERANCE_FEN,
    "patient_paid_more_at_home": lambda c: c["claim"]["where"] == "local" and c["relief"] < -TOLERANCE_FEN,
    "treated_away": lambda c: c["claim"]["where"] != "local" and c["differs"],
    "filing_could_lighten": lambda c: (
        c["claim"]["where"] != "local"
        and c["claim"]["filing"] == "none"
        and not c["claim"]["emergency"]
        and c["relief"] > TOLERANCE_FEN
    ),
    "assistance_differs": lambda c: abs(c["diff"]["assistance"]) > TOLERANCE_FEN,
    "edition_may_differ": lambda c: c["differs"] and _next_edition_soon(c["edition"]),
}


def edition_ref(edition) -> dict:
    policy = edition.policy_id
    return {
        "parameter": policy + "/editions",
        "label": edition.edition["title"],
        "source": edition.edition["source"],
        "article": edition.edition["title"],
    }


def reasons(c: dict) -> list:
    """The reasons of the table that apply to this policy and to these differences, in order."""
    out = []
    differing = [line for line in c["diff"] if abs(c["diff"][line]) > TOLERANCE_FEN]
    for reason in REASONS:
        if not PREDICATES[reason["when"]](c):
            continue
        stated, silent = refs(c["edition"], reason["params"], c["person"]["status"])
        found = silent if reason.get("silent") else stated
        if reason.get("edition"):
            found = [edition_ref(c["edition"])]
        if not found:
            continue
        out.append(
            {
                "id": reason["id"],
                "lines": [line for line in reason["lines"] if line in differing],
                "zh": reason["zh"],
                "en": reason["en"],
                "refs": found,
            }
        )
    return out


def compute(scenario, bundle: dict, today: str) -> dict:
    """The slip beside the site's settlement of the same bill, line by line, with reasons."""
    edition, _ = open_scenario(scenario, bundle, today, "slip", lambda settings: KEYS)
    raw = scenario.get("slip")
    if raw is None:
        raise fields.fail("slip", "必须填写结算单。", "the slip's lines are required.")
    slip = read_slip(raw)
    result = settle_slip(scenario, slip, bundle, today)
    claim = result["claims"][-1]
    person = settle_input.read_person(scenario.get("person"))
    claim_in = settle_input.read_claim(slip["claim"], "slip")
    compared = compare_lines(claim, slip["lines"], edition)
    c = context(edition, person, claim_in, claim, slip["lines"], compared)
    return described(
        edition,
        {
            "lines": compared,
            "differs": c["differs"],
            "reasons": reasons(c) if c["differs"] else [],
            "level": claim["level"],
            "kind": claim["kind"],
            "earlier": len(result["claims"]) - 1,
        },
    )
