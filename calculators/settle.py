"""Settle one year of claims under one policy: the engine's entry point for bills.

The year is settled claim by claim, in the order given, each rule reading the running state
(account left, deductibles paid, cumulative cost, burdens) that the claims before it left.
"""

from . import (
    hangzhou_employee,
    hangzhou_resident,
    ningbo_employee,
    registry,
    settle_input,
)
from .bundle import Edition
from .jsonout import Money
from .ledger import PAYERS, ClaimLedger

# Rule families by the name a policy's registry entry gives (``family``): one module per shape.
RULES = {
    "hangzhou_employee": hangzhou_employee,
    "ningbo_employee": ningbo_employee,
    "hangzhou_resident": hangzhou_resident,
}


def settle(scenario: dict, bundle: dict, today: str) -> dict:
    """The settlement of ``scenario`` (the CLI's input format) as plain data plus Money."""
    data = settle_input.read(scenario, today, registry.policy_ids(bundle, "settle"))
    edition = Edition(bundle, data["policy"], data["date"])
    rules = RULES[edition.policy["family"]]
    person = data["person"]
    registry.refuse_unsupported(edition.policy, "person", person, "person")
    for claim in data["claims"]:
        registry.refuse_unsupported(edition.policy, "claims", claim, claim["path"])
    state = rules.new_year(person)
    totals = {}
    for payer in PAYERS:
        totals[payer] = 0
    grand_total = 0
    claims = []
    for claim in data["claims"]:
        ledger = ClaimLedger(claim["amount"] + claim["category_b"] + claim["out_of_scope"])
        rules.settle_claim(edition, person, claim, state, ledger)
        result = ledger.settled()
        result["kind"] = claim["kind"]
        result["level"] = claim["level"]
        result["year_after"] = snapshot(state)
        for payer in PAYERS:
            totals[payer] += result[payer].fen
        grand_total += ledger.total
        claims.append(result)
    out = {
        "policy": data["policy"],
        "date": data["date"],
        "edition": edition.describe(),
        "total": Money(grand_total),
        "claims": claims,
    }
    for payer in PAYERS:
        out[payer] = Money(totals[payer])
    return out


def snapshot(state: dict) -> dict:
    """The year's running figures after a claim (for timelines): all amounts in fen as Money."""
    out = {}
    for key, value in state.items():
        out[key] = Money(value)
    return out
